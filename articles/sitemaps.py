"""Sitemaps for search engines, a Google News sitemap and robots.txt.

`/sitemap.xml` is an index of the parts below (articles split at most `limit` a file), each
with its `lastmod`; `/news-sitemap.xml` lists what was published in the last two days, as
Google News asks; `/robots.txt` names both and keeps crawlers out of the desk, previews and
search results. All of them list only `Article.objects.published()`, the one rule.
"""

from dataclasses import replace
from datetime import timedelta
from urllib.parse import urlsplit

from django.conf import settings
from django.contrib.sitemaps import Sitemap
from django.contrib.sitemaps import views as sitemap_views
from django.contrib.sites.shortcuts import get_current_site
from django.db.models import Exists, Max, OuterRef, Q, Subquery
from django.http import HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.cache import cache_control

from .models import Article, ArticleTopic, Author, Byline, Section, Topic
from .models.articles import public_now
from .seo import site_address

NEWS_DAYS = 2  # Google News: articles published in the last two days …
NEWS_LIMIT = 1000  # … at most 1,000 of them
# Addresses crawlers are asked to leave alone (robots.txt).
KEEP_OUT = ["/admin/", "/desk/", "/preview/", "/search/"]


def latest_public(**match):
    """The newest publication time among the public articles matching `match` (for the
    row of the outer query, e.g. `section=OuterRef("pk")`): for a few large groups (the
    sections), read newest first along the section's index and stopped at the first."""
    times = Article.objects.published().filter(**match).order_by("-published_at")
    return Subquery(times.values("published_at")[:1])


def _linked_public(link, field):
    """Rows of `link` (Byline or ArticleTopic) tying a public article to the outer row
    through `field`."""
    return link.objects.filter(Q(**{field: OuterRef("pk")}) & public_now(prefix="article__"))


def latest_linked(link, field):
    """The newest publication time among the public articles that `link` ties to the outer
    row: for many small groups (thousands of authors, each with a few dozen articles), the
    group's rows are read through their own index and the newest taken; walking the whole
    archive newest first until each author turns up took 4 s at 100,000 articles."""
    times = _linked_public(link, field).values(field).annotate(latest=Max("article__published_at"))
    return Subquery(times.values("latest"))


def has_public(link, field):
    """Whether the outer row has a public article through `link`: stops at the first one, so
    counting the authors for the sitemap index does not date every one of them (`count()`
    leaves the unused `latest_linked` out): 0.7 s at 100,000 articles before."""
    return Exists(_linked_public(link, field))


class SiteSitemap(Sitemap):
    """Addresses on SITE_URL's scheme and host, never the request's Host header."""

    def get_protocol(self, protocol=None):
        return urlsplit(settings.SITE_URL).scheme

    def get_domain(self, site=None):
        return urlsplit(settings.SITE_URL).netloc


class ArticleSitemap(SiteSitemap):
    changefreq = "hourly"
    limit = 1000  # articles per file of the index

    def items(self):
        return (
            Article.objects.published().order_by("-published_at", "-pk").only("slug", "updated_at")
        )

    def lastmod(self, item):
        return item.updated_at

    def get_latest_lastmod(self):
        return Article.objects.published().aggregate(latest=Max("updated_at"))["latest"]


class ListingSitemap(SiteSitemap):
    """Sections, authors or topics, each dated by its newest public article."""

    changefreq = "hourly"

    def lastmod(self, item):
        return item.latest

    def get_latest_lastmod(self):
        return Article.objects.published().aggregate(latest=Max("published_at"))["latest"]


class SectionSitemap(ListingSitemap):
    def items(self):
        return Section.objects.annotate(latest=latest_public(section=OuterRef("pk")))


class AuthorSitemap(ListingSitemap):
    changefreq = "daily"

    def items(self):
        return (
            Author.objects.annotate(latest=latest_linked(Byline, "author"))
            .filter(has_public(Byline, "author"))
            .order_by("name", "pk")
        )


class TopicSitemap(ListingSitemap):
    changefreq = "daily"

    def items(self):
        return (
            Topic.objects.annotate(latest=latest_linked(ArticleTopic, "topic"))
            .filter(has_public(ArticleTopic, "topic"))
            .order_by("name", "pk")
        )


sitemaps = {
    "articles": ArticleSitemap,
    "sections": SectionSitemap,
    "authors": AuthorSitemap,
    "topics": TopicSitemap,
}


def sitemap_index(request, **kwargs):
    """Django's sitemap index, with each file's address on SITE_URL: Django builds them from
    the request's Host header, which the client chooses."""
    response = sitemap_views.index(request, **kwargs)
    here = f"{request.scheme}://{get_current_site(request).domain}"
    response.context_data["sitemaps"] = [
        replace(item, location=site_address(item.location.removeprefix(here)))
        for item in response.context_data["sitemaps"]
    ]
    return response


def news_articles():
    since = timezone.now() - timedelta(days=NEWS_DAYS)
    return (
        Article.objects.published()
        .filter(published_at__gte=since)
        .order_by("-published_at", "-pk")
        .only("headline", "slug", "published_at")[:NEWS_LIMIT]
    )


def news_sitemap(request):
    """The Google News sitemap: recent public articles with the publication's name."""
    context = {
        "articles": news_articles(),
        "publication": settings.SITE_NAME,
        "language": settings.LANGUAGE_CODE.split("-")[0],
    }
    return render(request, "sitemaps/news.xml", context, content_type="application/xml")


@cache_control(max_age=3600, public=True)
def robots_txt(request):
    lines = ["User-agent: *", *(f"Disallow: {path}" for path in KEEP_OUT), ""]
    for name in ("sitemap", "news_sitemap"):
        lines.append(f"Sitemap: {site_address(reverse(name))}")
    return HttpResponse("\n".join(lines) + "\n", content_type="text/plain; charset=utf-8")
