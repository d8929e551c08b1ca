from django.conf import settings
from django.contrib import admin
from django.contrib.sitemaps.views import sitemap
from django.urls import include, path
from django.views.static import serve

from articles.admin.common import view_on_site
from articles.sitemaps import sitemaps
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
    path("sitemap.xml", sitemap, {"sitemaps": sitemaps}, name="sitemap"),
    path("csp-report/", csp_report, name="csp_report"),
    path("", include("articles.urls")),
]

if settings.SERVE_MEDIA:
    urlpatterns += [path("media/<path:path>", serve, {"document_root": settings.MEDIA_ROOT})]
