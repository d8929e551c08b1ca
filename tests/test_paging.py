"""List pages go Newer/Older without counting the archive; search counts, up to a limit."""

import pytest
from django.conf import settings
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from articles import paging
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
