"""Reader pages run a fixed number of SQL queries, however much content there is.

The bounds (counted on both SQLite and PostgreSQL), for articles as they are once saved,
their parts rendered after the commit (`articles.fragments`):
  home 2 (the front page's stored teasers, the section menu with each section's rail)
  article 2 (the article's stored story with its curated related and the menu; the
    related filled)
  section 2 (its stored teasers, the menu, which has the section)
  author 2 (the author with their photo and the menu, stored teasers) · topic 2 (as author)
  search 5 (count, articles, bylines, the form's sections, menu)
  feed 3 (articles, bylines, topics), RSS or Atom; a section's, author's or topic's feed 4
    (the same, plus the section, author or topic)
  sitemap index 8 (count and newest date of each of its four parts); each part 2 (count,
    page); news sitemap 1
Each needs the next scheduled publication too, which bounds how long the page may be cached
(articles/caching.py): an HTML page finds it in its menu's query (`reading.sections`), a feed
or sitemap looks it up (`SCHEDULE_LOOKUP`); with a shared cache that answer is kept there
until the next edit, and a page-cache hit makes no query at all (tests/test_http_cache.py).
An article whose parts are out of date (a section renamed over many, a new deploy) costs a
few more queries once, on the first page that shows it (`test_an_out_of_date_article…`).
"""

import re

import pytest
from django.db import connection
from django.db.models import F
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from articles.models import Article, ArticleTopic, Correction, Topic

from .factories import make_article, make_author, make_image, make_section

pytestmark = pytest.mark.django_db

SCHEDULE_LOOKUP = 1  # feeds and sitemaps; an HTML page's menu query finds it (HTML_PAGES)
HTML_PAGES = {"home", "article", "section", "author", "topic", "search"}
BOUNDS = {
    "home": 2,
    "article": 2,
    "section": 2,
    "author": 2,
    "topic": 2,
    "search": 5,
    "feed": 3,
    "atom": 3,
    "section feed": 4,
    "author feed": 4,
    "topic feed": 4,
    "sitemap": 8,
    "sitemap articles": 2,
    "sitemap authors": 2,
    "news sitemap": 1,
}


def build(n):
    """n articles, each with n authors, n topics, n related articles and n corrections, all
    sharing one author and one topic."""
    section = make_section()
    topic = Topic.objects.create(name="Common topic")
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
        for position, other in enumerate([topic] + [make_topic() for _ in range(n - 1)]):
            ArticleTopic.objects.create(article=articles[-1], topic=other, position=position)
    for i in range(n):
        Correction.objects.create(article=articles[-1], text=f"Correction {i}.")
    return section, star, topic, articles[-1]


def make_topic():
    return Topic.objects.create(name=f"Topic {Topic.objects.count()}")


def urls(section, star, topic, article):
    return {
        "home": reverse("articles:home"),
        "article": article.get_absolute_url(),
        "section": section.get_absolute_url(),
        "author": star.get_absolute_url(),
        "topic": topic.get_absolute_url(),
        "search": reverse("articles:search") + "?q=common",
        "feed": reverse("articles:feed"),
        "atom": reverse("articles:atom"),
        "section feed": reverse("articles:section_atom", args=[section.slug]),
        "author feed": reverse("articles:author_feed", args=[star.slug]),
        "topic feed": reverse("articles:topic_atom", args=[topic.slug]),
        "sitemap": reverse("sitemap"),
        "sitemap articles": reverse("sitemap_part", args=["articles"]),
        "sitemap authors": reverse("sitemap_part", args=["authors"]),
        "news sitemap": reverse("news_sitemap"),
    }


@pytest.mark.parametrize("n", [1, 6])
@pytest.mark.parametrize("page", BOUNDS)
def test_reader_page_query_count_is_bounded(
    client, django_assert_max_num_queries, django_capture_on_commit_callbacks, page, n
):
    with django_capture_on_commit_callbacks(execute=True):
        url = urls(*build(n))[page]
    bound = BOUNDS[page] + (0 if page in HTML_PAGES else SCHEDULE_LOOKUP)
    with django_assert_max_num_queries(bound):
        response = client.get(url)
    assert response.status_code == 200


@pytest.mark.parametrize("page", ["home", "article", "section", "author"])
def test_an_out_of_date_article_is_rendered_once_by_the_first_page_that_shows_it(
    client, django_assert_max_num_queries, django_capture_on_commit_callbacks, page
):
    with django_capture_on_commit_callbacks(execute=True):
        section, star, topic, article = build(3)
    url = urls(section, star, topic, article)[page]
    Article.objects.update(changes=F("changes") + 1)  # as a renamed section leaves them
    first = client.get(url)
    bound = BOUNDS[page] + (0 if page in HTML_PAGES else SCHEDULE_LOOKUP)
    with django_assert_max_num_queries(bound):
        again = client.get(url)
    assert first.content == again.content
    assert article.headline in again.content.decode()


def selected_columns(captured):
    """The columns every SELECT of the captured queries reads (subqueries included)."""
    sql = " ".join(q["sql"] for q in captured.captured_queries)
    return " ".join(re.findall(r"SELECT (.*?) FROM ", sql, re.DOTALL))


BODY_COLUMNS = ['"articles_article"."body"', '"articles_article"."body_text"']
# Pages that list no article themselves (the index names files; this part names authors).
NOT_LISTINGS = {"sitemap", "sitemap authors"}


def test_lists_do_not_load_article_bodies(client, django_capture_on_commit_callbacks):
    """Bodies are long and lists never show them: listing pages leave the body and its plain
    text in the database (search filters on the plain text without reading it back)."""
    with django_capture_on_commit_callbacks(execute=True):  # saved: their parts rendered
        section, star, topic, article = build(3)
    pages = urls(section, star, topic, article)
    pages.pop("article")  # shows the body, stored with its figures drawn (`fragments`)

    for name, url in pages.items():
        with CaptureQueriesContext(connection) as captured:
            response = client.get(url)
        assert response.status_code == 200, url
        if name not in NOT_LISTINGS:
            assert article.get_absolute_url() in response.content.decode(), url  # listed
        # Search results on PostgreSQL read the plain text of the page's results (twenty at
        # most) for their snippet; never the body itself.
        for column in BODY_COLUMNS[:1] if name == "search" else BODY_COLUMNS:
            assert column not in selected_columns(captured), (url, column)
