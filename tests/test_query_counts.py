"""Reader pages run a fixed number of SQL queries, however much content there is.

The bounds (counted on both SQLite and PostgreSQL):
  home 3 (articles with their pictures, bylines, section menu)
  article 5 (article, bylines, corrections, related, menu)
  section 5 (section, count for paging, articles, bylines, menu)
  author 5 (as section, the author with their photo)
  search 4 (count, articles, bylines, menu) · feed 2 (articles, bylines)
  sitemap 6 (count and page for each of its three parts)
Pictures cost no query of their own: each picture's row carries its renditions
(`ImageAsset.sources`) and comes with the article it illustrates. A body with pictures from
the library adds one query for all of them (tests/test_richtext.py).
"""

import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from articles.models import Correction

from .factories import make_article, make_author, make_image, make_section

pytestmark = pytest.mark.django_db

BOUNDS = {"home": 3, "article": 5, "section": 5, "author": 5, "search": 4, "feed": 2, "sitemap": 6}


def build(n):
    """n articles, each with n authors, n related articles and n corrections, all sharing
    one author."""
    section = make_section()
    star = make_author(photo=make_image())
    articles = []
    for _ in range(n):
        authors = [star] + [make_author() for _ in range(n - 1)]
        articles.append(
            make_article(
                headline="Common word story",
                section=section,
                authors=authors,
                hero_image=make_image(),
                related=articles[-n:],
            )
        )
    for i in range(n):
        Correction.objects.create(article=articles[-1], text=f"Correction {i}.")
    return section, star, articles[-1]


def urls(section, star, article):
    return {
        "home": reverse("articles:home"),
        "article": article.get_absolute_url(),
        "section": section.get_absolute_url(),
        "author": star.get_absolute_url(),
        "search": reverse("articles:search") + "?q=common",
        "feed": reverse("articles:feed"),
        "sitemap": reverse("sitemap"),
    }


@pytest.mark.parametrize("n", [1, 6])
@pytest.mark.parametrize("page", BOUNDS)
def test_reader_page_query_count_is_bounded(client, django_assert_max_num_queries, page, n):
    url = urls(*build(n))[page]
    with django_assert_max_num_queries(BOUNDS[page]):
        response = client.get(url)
    assert response.status_code == 200


def selected_columns(captured):
    """The columns every SELECT of the captured queries reads (subqueries included)."""
    sql = " ".join(q["sql"] for q in captured.captured_queries)
    return " ".join(re.findall(r"SELECT (.*?) FROM ", sql, re.DOTALL))


BODY_COLUMNS = ['"articles_article"."body"', '"articles_article"."body_text"']


def test_lists_do_not_load_article_bodies(client):
    """Bodies are long and lists never show them: listing pages leave the body and its plain
    text in the database (search filters on the plain text without reading it back)."""
    section, star, article = build(3)
    pages = urls(section, star, article)
    with CaptureQueriesContext(connection) as captured:
        response = client.get(pages.pop("article"))
    assert response.status_code == 200
    assert BODY_COLUMNS[0] in selected_columns(captured)  # the article page: the check sees it

    for url in pages.values():
        with CaptureQueriesContext(connection) as captured:
            response = client.get(url)
        assert response.status_code == 200, url
        assert article.get_absolute_url() in response.content.decode(), url  # it is listed
        for column in BODY_COLUMNS:
            assert column not in selected_columns(captured), (url, column)
