"""Feeds and the sitemap follow the same public rule as the pages."""

import re

import pytest
from django.http import HttpResponse
from django.urls import reverse
from pytest_django.asserts import assertContains, assertNotContains

from .factories import make_article, make_author, make_section

pytestmark = pytest.mark.django_db


def test_feed_lists_published_articles_with_byline_and_link(client):
    author = make_author(name="Tomas Reid")
    article = make_article(headline="Night buses return", authors=[author])
    make_article(headline="Draft about buses", published=False)
    response = client.get(reverse("articles:feed"))
    assert response["Content-Type"].startswith("application/rss+xml")
    assertContains(response, "<title>Night buses return</title>")
    assertContains(response, f"https://testserver{article.get_absolute_url()}")  # SITE_URL
    assertContains(response, "Tomas Reid")
    assertNotContains(response, "Draft about buses")


def test_section_feed_lists_only_that_section(client):
    sport = make_section(slug="sport")
    make_article(headline="Relay team wins", section=sport)
    make_article(headline="Council meets")
    response = client.get(reverse("articles:section_feed", args=["sport"]))
    assertContains(response, "Relay team wins")
    assertNotContains(response, "Council meets")
    assert client.get(reverse("articles:section_feed", args=["nope"])).status_code == 404


def test_sitemap_lists_published_articles_sections_and_authors(client):
    author = make_author()
    article = make_article(authors=[author])
    draft = make_article(published=False, authors=[make_author(slug="only-drafts")])
    # The sitemap is an index of parts (tests/test_sitemaps.py): read them all.
    index = client.get(reverse("sitemap")).content.decode()
    parts = re.findall(r"<loc>https://testserver([^<]+)</loc>", index)
    response = HttpResponse(b"".join(client.get(part).content for part in parts))
    assertContains(response, article.get_absolute_url())
    assertContains(response, article.section.get_absolute_url())
    assertContains(response, author.get_absolute_url())
    assertNotContains(response, draft.get_absolute_url())
    assertNotContains(response, "/authors/only-drafts/")
