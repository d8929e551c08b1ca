from urllib.parse import urlsplit

from django.conf import settings
from django.contrib.sitemaps import Sitemap

from .models import Article, Author, Section


class SiteSitemap(Sitemap):
    """Addresses on SITE_URL's scheme and host, never the request's Host header."""

    def get_protocol(self, protocol=None):
        return urlsplit(settings.SITE_URL).scheme

    def get_domain(self, site=None):
        return urlsplit(settings.SITE_URL).netloc


class ArticleSitemap(SiteSitemap):
    changefreq = "hourly"

    def items(self):
        return Article.objects.published().order_by("-published_at").only("slug", "updated_at")

    def lastmod(self, item):
        return item.updated_at


class SectionSitemap(SiteSitemap):
    changefreq = "hourly"

    def items(self):
        return Section.objects.all()


class AuthorSitemap(SiteSitemap):
    changefreq = "daily"

    def items(self):
        return Author.objects.filter(articles__in=Article.objects.published()).distinct()


sitemaps = {"articles": ArticleSitemap, "sections": SectionSitemap, "authors": AuthorSitemap}
