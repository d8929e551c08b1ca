from django.contrib.sitemaps import Sitemap

from .models import Article, Author, Section


class ArticleSitemap(Sitemap):
    changefreq = "hourly"

    def items(self):
        return Article.objects.published().order_by("-published_at").only("slug", "updated_at")

    def lastmod(self, item):
        return item.updated_at


class SectionSitemap(Sitemap):
    changefreq = "hourly"

    def items(self):
        return Section.objects.all()


class AuthorSitemap(Sitemap):
    changefreq = "daily"

    def items(self):
        return Author.objects.filter(articles__in=Article.objects.published()).distinct()


sitemaps = {"articles": ArticleSitemap, "sections": SectionSitemap, "authors": AuthorSitemap}
