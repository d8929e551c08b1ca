"""Reader pages run a fixed number of SQL queries, however much content there is.

The bounds (counted on both SQLite and PostgreSQL):
  home 5 (articles, bylines, renditions, the sections' rails, section menu)
  article 8 (article, bylines, renditions, topics, corrections, curated related, filled
    related, menu)
  section 6 (section, count for paging, articles, bylines, renditions, menu)
  author 7 (as section, plus the author photo's renditions) · topic 6 (as section)
  search 6 (count, articles, bylines, renditions, the form's sections, menu)
  feed 4 (articles, bylines, topics, renditions), RSS or Atom; a section's, author's or
    topic's feed 5 (the same, plus the section, author or topic)
  sitemap index 8 (count and newest date of each of its four parts); each part 2 (count,
    page); news sitemap 1
Pictures cost one query per page (two on an author page): the renditions of every picture
shown, prefetched together. A body with pictures from the library adds one query for all of
them and one for their renditions (tests/test_richtext.py).
"""

import pytest
from django.urls import reverse

from articles.models import ArticleTopic, Correction, Topic

from .factories import make_article, make_author, make_image, make_section

pytestmark = pytest.mark.django_db

BOUNDS = {
    "home": 5,
    "article": 8,
    "section": 6,
    "author": 7,
    "topic": 6,
    "search": 6,
    "feed": 4,
    "atom": 4,
    "section feed": 5,
    "author feed": 5,
    "topic feed": 5,
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
def test_reader_page_query_count_is_bounded(client, django_assert_max_num_queries, page, n):
    url = urls(*build(n))[page]
    with django_assert_max_num_queries(BOUNDS[page]):
        response = client.get(url)
    assert response.status_code == 200


def test_lists_do_not_load_article_bodies(client):
    """Bodies are long and lists never show them: listing pages leave them in the database."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    listing = [u for name, u in urls(*build(3)).items() if name != "article"]
    for url in listing:
        with CaptureQueriesContext(connection) as captured:
            client.get(url)
        selected = " ".join(q["sql"].split(" FROM ")[0] for q in captured.captured_queries)
        assert '"articles_article"."body"' not in selected, url
