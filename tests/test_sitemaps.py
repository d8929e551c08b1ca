"""The sitemap index and its parts, the Google News sitemap and robots.txt: the shapes
search engines read, and only public articles in any of them."""

import re
import xml.etree.ElementTree as ET
from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from articles import sitemaps
from articles.models import Article, ArticleTopic, Status, Topic

from .factories import make_article, make_author, make_section

pytestmark = pytest.mark.django_db

SM = "{http://www.sitemaps.org/schemas/sitemap/0.9}"
NEWS = "{http://www.google.com/schemas/sitemap-news/0.9}"
W3C_DATETIME = re.compile(r"^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2}))?$")


def xml(client, url):
    response = client.get(url)
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/xml")
    return ET.fromstring(response.content)


def path_of(url):
    assert url.startswith("https://testserver/"), url
    return url.removeprefix("https://testserver")


def index_files(client):
    """The files the index names, each checked against the sitemap index shape."""
    root = xml(client, reverse("sitemap"))
    assert root.tag == f"{SM}sitemapindex"
    files = []
    for entry in root:
        assert entry.tag == f"{SM}sitemap"
        assert {child.tag for child in entry} <= {f"{SM}loc", f"{SM}lastmod"}
        lastmod = entry.findtext(f"{SM}lastmod")
        assert lastmod and W3C_DATETIME.match(lastmod), lastmod
        files.append(path_of(entry.findtext(f"{SM}loc")))
    return files


def urls_in(client, path):
    """(path, lastmod) of every <url> of one sitemap file, checked against its shape."""
    root = xml(client, path)
    assert root.tag == f"{SM}urlset"
    found = []
    for entry in root:
        assert entry.tag == f"{SM}url"
        tags = {child.tag.removeprefix(SM) for child in entry}
        assert "loc" in tags and tags <= {"loc", "lastmod", "changefreq", "priority"}
        lastmod = entry.findtext(f"{SM}lastmod")
        assert lastmod is None or W3C_DATETIME.match(lastmod)
        found.append((path_of(entry.findtext(f"{SM}loc")), lastmod))
    return found


def everything_listed(client):
    return [path for file in index_files(client) for path, _ in urls_in(client, file)]


def hidden_articles(**fields):
    return [
        make_article(headline="Draft", published=False, **fields),
        make_article(
            headline="Scheduled",
            status=Status.SCHEDULED,
            published_at=timezone.now() + timedelta(minutes=5),
            **fields,
        ),
        make_article(headline="Unpublished", status=Status.UNPUBLISHED, **fields),
        make_article(headline="Archived", status=Status.ARCHIVED, **fields),
    ]


def test_the_index_names_every_part_with_a_lastmod_and_the_parts_list_public_pages(client):
    writer, topic = make_author(), Topic.objects.create(name="Flooding")
    article = make_article(authors=[writer])
    ArticleTopic.objects.create(article=article, topic=topic)
    files = index_files(client)
    assert files == [
        "/sitemap-articles.xml",
        "/sitemap-sections.xml",
        "/sitemap-authors.xml",
        "/sitemap-topics.xml",
    ]
    listed = dict(urls_in(client, "/sitemap-articles.xml"))
    assert list(listed) == [article.get_absolute_url()]
    assert listed[article.get_absolute_url()]
    published_on = {
        article.published_at.date().isoformat(),
        timezone.localtime(article.published_at).date().isoformat(),
    }
    for file, page in (
        ("/sitemap-sections.xml", article.section),
        ("/sitemap-authors.xml", writer),
        ("/sitemap-topics.xml", topic),
    ):
        assert dict(urls_in(client, file))[page.get_absolute_url()] in published_on


def test_articles_are_split_into_files_of_at_most_the_limit(client, monkeypatch):
    assert sitemaps.ArticleSitemap.limit == 1000
    monkeypatch.setattr(sitemaps.ArticleSitemap, "limit", 2)
    section = make_section()
    articles = [make_article(section=section) for _ in range(5)]
    files = index_files(client)
    assert files[:3] == [
        "/sitemap-articles.xml",
        "/sitemap-articles.xml?p=2",
        "/sitemap-articles.xml?p=3",
    ]
    pages = [urls_in(client, file) for file in files[:3]]
    assert [len(page) for page in pages] == [2, 2, 1]
    listed = {path for page in pages for path, _ in page}
    assert listed == {article.get_absolute_url() for article in articles}


def test_no_sitemap_lists_an_article_readers_cannot_see_or_its_only_pages(client):
    loner, topic = make_author(slug="only-hidden"), Topic.objects.create(name="Hidden topic")
    for article in hidden_articles(authors=[loner]):
        ArticleTopic.objects.create(article=article, topic=topic)
    make_article(headline="Public")
    listed = everything_listed(client)
    assert [p for p in listed if p.startswith("/articles/")] == ["/articles/public/"]
    assert loner.get_absolute_url() not in listed
    assert topic.get_absolute_url() not in listed
    news = client.get(reverse("news_sitemap")).text
    assert "/articles/public/" in news
    for headline in ("draft", "scheduled", "unpublished", "archived"):
        assert f"/articles/{headline}/" not in news


def news_entries(client):
    root = xml(client, reverse("news_sitemap"))
    assert root.tag == f"{SM}urlset"
    entries = []
    for entry in root:
        news = entry.find(f"{NEWS}news")
        publication = news.find(f"{NEWS}publication")
        assert publication.findtext(f"{NEWS}name") == "The Newsroom"
        assert publication.findtext(f"{NEWS}language") == "en"
        assert W3C_DATETIME.match(news.findtext(f"{NEWS}publication_date"))
        entries.append((path_of(entry.findtext(f"{SM}loc")), news.findtext(f"{NEWS}title")))
    return entries


def test_the_news_sitemap_holds_the_last_two_days_only(client):
    now = timezone.now()
    make_article(headline="Fish & chips", published_at=now - timedelta(hours=47, minutes=59))
    make_article(headline="Too old", published_at=now - timedelta(hours=48, minutes=1))
    assert news_entries(client) == [("/articles/fish-chips/", "Fish & chips")]


def test_the_news_sitemap_holds_at_most_1000_articles_newest_first(client):
    section = make_section()
    now = timezone.now()
    Article.objects.bulk_create(
        Article(
            headline=f"Story {n}",
            slug=f"story-{n}",
            section=section,
            status=Status.PUBLISHED,
            published_at=now - timedelta(minutes=n + 1),
        )
        for n in range(1001)
    )
    entries = news_entries(client)
    assert len(entries) == 1000
    assert entries[0][1] == "Story 0" and entries[-1][1] == "Story 999"


def test_robots_txt_names_the_sitemaps_and_keeps_crawlers_out_of_the_desk(client):
    response = client.get("/robots.txt")
    assert response["Content-Type"] == "text/plain; charset=utf-8"
    lines = response.content.decode().splitlines()
    assert lines[0] == "User-agent: *"
    for path in ("/admin/", "/desk/", "/preview/", "/search/"):
        assert f"Disallow: {path}" in lines
    assert "Sitemap: https://testserver/sitemap.xml" in lines
    assert "Sitemap: https://testserver/news-sitemap.xml" in lines
    for line in lines:
        if line.startswith("Sitemap: "):
            assert client.get(path_of(line.removeprefix("Sitemap: "))).status_code == 200
