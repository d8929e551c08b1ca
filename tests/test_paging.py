"""List pages go Newer/Older without counting the archive; search counts, up to a limit."""

import random
from datetime import timedelta

import pytest
from django.conf import settings
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from articles import paging
from articles.models import ArticleTopic, Topic
from tests.factories import make_article, make_author, make_section

pytestmark = pytest.mark.django_db
PER_PAGE = settings.ARTICLES_PER_PAGE


def test_a_section_pages_newer_and_older_without_counting(client):
    section = make_section()
    for n in range(PER_PAGE + 1):
        make_article(headline=f"Harbour story {n}", section=section)
    url = section.get_absolute_url()

    with CaptureQueriesContext(connection) as queries:
        first = client.get(url).text
    assert not any("COUNT(" in q["sql"].upper() for q in queries.captured_queries)
    assert '<a href="?page=2" rel="next">Older →</a>' in first
    assert "<span>Page 1</span>" in first and 'rel="prev"' not in first.split("<footer")[0]

    second = client.get(url, {"page": 2}).text
    assert second.count('class="teaser"') == 1
    assert "Harbour story 0" in second  # the oldest
    assert '<a href="?page=1" rel="prev">← Newer</a>' in second and 'rel="next">' not in second


@pytest.mark.parametrize("kind", ["author", "topic"])
def test_an_author_s_or_topic_s_pages_list_the_newest_first(client, kind):
    """The author or topic comes with its page of articles in one query (`reading.PageOf`):
    in order, newest first, the next page from where this one ends."""
    author, topic = make_author(), Topic.objects.create(name="Harbour", slug="harbour")
    hours = list(range(PER_PAGE + 2))
    random.Random(3).shuffle(hours)  # published in an order of their own, not their pks'
    start = timezone.now() - timedelta(days=1)
    for n, hour in enumerate(hours):
        article = make_article(
            headline=f"Story {n}", authors=[author], published_at=start - timedelta(hours=hour)
        )
        ArticleTopic.objects.create(article=article, topic=topic, position=0)
    newest_first = [f"Story {n}" for n in sorted(range(len(hours)), key=hours.__getitem__)]
    url = (author if kind == "author" else topic).get_absolute_url()

    def headlines(response):
        assert response.status_code == 200
        return [teaser.split("</a>")[0].rsplit(">", 1)[1]
                for teaser in response.text.split('class="teaser__headline"><a ')[1:]]  # fmt: skip

    assert headlines(client.get(url)) == newest_first[:PER_PAGE]
    assert headlines(client.get(url, {"page": 2})) == newest_first[PER_PAGE:]
    assert client.get(url, {"page": 3}).status_code == 404


@pytest.mark.parametrize("number", ["3", "0", "-1", "two", "1e3", "100001"])
def test_a_page_past_the_end_or_not_a_page_is_not_found(client, number):
    section = make_section()
    for _ in range(PER_PAGE + 1):
        make_article(section=section)
    assert client.get(section.get_absolute_url(), {"page": number}).status_code == 404


def test_an_empty_section_says_so_and_an_author_with_nothing_published_has_no_page(client):
    section = make_section()
    author = make_author()
    make_article(authors=[author], section=section, published=False)

    assert "No articles in this section yet." in client.get(section.get_absolute_url()).text
    assert client.get(author.get_absolute_url()).status_code == 404


def test_search_counts_its_results_up_to_a_limit(client, monkeypatch):
    monkeypatch.setattr(paging, "SEARCH_COUNT_LIMIT", 3)
    for n in range(5):
        make_article(headline=f"Lighthouse keeper {n}")
    make_article(headline="Ferry timetable")

    many = client.get(reverse("articles:search"), {"q": "lighthouse"}).text
    few = client.get(reverse("articles:search"), {"q": "ferry"}).text

    assert "More than 3 results for “lighthouse”" in many
    assert many.count('class="teaser"') >= 3
    assert "1 result for “ferry”" in few
