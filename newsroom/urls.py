from django.contrib import admin
from django.contrib.sitemaps.views import sitemap
from django.urls import include, path

from articles.sitemaps import sitemaps
from newsroom.media import serve_media

admin.site.site_header = "Newsroom"
admin.site.site_title = "Newsroom"
admin.site.index_title = "Desk"

urlpatterns = [
    path("admin/", admin.site.urls),
    path("desk/", include("articles.desk")),
    path("sitemap.xml", sitemap, {"sitemaps": sitemaps}, name="sitemap"),
    # Development only (SERVE_MEDIA): a safe content type and nosniff on every file.
    path("media/<path:path>", serve_media, name="media"),
    path("", include("articles.urls")),
]
