from django.contrib import admin
from django.contrib.sitemaps import views as sitemap_views
from django.urls import include, path

from articles.admin.common import view_on_site
from articles.caching import reader_page
from articles.sitemaps import news_sitemap, robots_txt, sitemap_index, sitemaps
from newsroom.media import serve_media
from newsroom.security import csp_report

admin.site.site_header = "Newsroom"
admin.site.site_title = "Newsroom"
admin.site.index_title = "Desk"

urlpatterns = [
    # Before the admin's own `view_on_site`, which it replaces (same address and name).
    path(
        "admin/r/<int:content_type_id>/<path:object_id>/",
        admin.site.admin_view(view_on_site),
        name="view_on_site",
    ),
    path("admin/", admin.site.urls),
    path("desk/", include("articles.desk")),
    # An index of the sitemap files (articles split by page): articles/sitemaps.py.
    path(
        "sitemap.xml",
        reader_page(sitemap_index, "sitemap"),
        {"sitemaps": sitemaps, "sitemap_url_name": "sitemap_part"},
        name="sitemap",
    ),
    path(
        "sitemap-<section>.xml",
        reader_page(sitemap_views.sitemap, "sitemap"),
        {"sitemaps": sitemaps},
        name="sitemap_part",
    ),
    path("news-sitemap.xml", reader_page(news_sitemap, "sitemap"), name="news_sitemap"),
    path("robots.txt", reader_page(robots_txt, "robots"), name="robots_txt"),
    path("csp-report/", csp_report, name="csp_report"),
    # Development only (SERVE_MEDIA): a safe content type and nosniff on every file.
    path("media/<path:path>", serve_media, name="media"),
    path("", include("articles.urls")),
]
