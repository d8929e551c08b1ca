"""The desk's article list: what needs action first, a "Mine" filter, status badges, and
filters only for those they apply to."""

import re
from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from articles.models import Status

from .factories import make_article, make_author, make_user

pytestmark = pytest.mark.django_db

CHANGELIST = reverse("admin:articles_article_changelist")


def headlines(client, **params):
    html = client.get(CHANGELIST, params).text
    return re.findall(r'<t[hd] class="field-headline"><a [^>]*>([^<]+)</a>', html)


def test_the_default_order_puts_what_needs_action_first(client):
    now = timezone.now()
    editor = make_user("Editor")
    client.force_login(editor)
    make_article(headline="Live story")
    make_article(headline="Old draft", published=False)
    make_article(headline="Sent back", published=False, status=Status.CHANGES_REQUESTED)
    make_article(headline="Review later", published=False, status=Status.IN_REVIEW,
                 review_deadline=now + timedelta(days=2))  # fmt: skip
    make_article(headline="Review soon", published=False, status=Status.IN_REVIEW,
                 review_deadline=now + timedelta(hours=2))  # fmt: skip
    make_article(headline="Review whenever", published=False, status=Status.IN_REVIEW)
    make_article(headline="New draft", published=False)

    assert headlines(client) == [
        "Review soon",
        "Review later",
        "Review whenever",
        "Sent back",
        "New draft",
        "Old draft",
        "Live story",
    ]
    # A column the user sorts by still wins.
    assert headlines(client, o="2")[0] == "Live story"


def test_a_long_list_pages_in_the_same_order(client, django_assert_max_num_queries):
    """Past one page (100), each page holds the next articles of the order, none twice."""
    client.force_login(make_user("Editor"))
    make_article(headline="Review first", published=False, status=Status.IN_REVIEW)
    for n in range(100):
        make_article(headline=f"Live {n:03}")
    first = headlines(client)
    with django_assert_max_num_queries(15):  # the page's keys, then its articles
        second = headlines(client, p="2")
    assert len(first) == 100 and first[0] == "Review first"
    assert second == ["Live 000"]  # the oldest change comes last
    assert first[1:] == [f"Live {n:03}" for n in range(99, 0, -1)]


def test_each_row_shows_its_byline_in_the_editor_s_order(client, django_assert_max_num_queries):
    client.force_login(make_user("Editor"))
    ina, tom, ada = (make_author(name=name) for name in ["Ina Kerr", "Tom Bale", "Ada Roy"])
    make_article(headline="Two authors", authors=[tom, ina])
    make_article(headline="Three authors", authors=[ada, ina, tom])
    make_article(headline="No author")
    client.get(CHANGELIST)
    # The names come with each row (no query of their own for the page's bylines).
    with django_assert_max_num_queries(8):
        html = client.get(CHANGELIST).text
    bylines = dict(
        re.findall(
            r'field-headline"><a [^>]*>([^<]+)</a>.*?<td class="field-byline">([^<]*)</td>',
            html,
            re.S,
        )
    )
    assert bylines == {
        "Two authors": "Tom Bale, Ina Kerr",
        "Three authors": "Ada Roy, Ina Kerr, Tom Bale",
        "No author": "—",
    }


def test_mine_lists_what_i_keep_or_carry_my_byline(client):
    writer = make_user("Writer")
    client.force_login(writer)
    make_article(headline="Written by me", created_by=writer, published=False)
    make_article(headline="My byline", authors=[make_author(user=writer)])
    make_article(headline="Someone else")

    assert sorted(headlines(client, mine="1")) == ["My byline", "Written by me"]
    assert "Someone else" in headlines(client)


def test_filters_are_shown_only_to_those_they_apply_to(client):
    client.force_login(make_user("Writer"))
    writer_page = client.get(CHANGELIST).text
    client.force_login(make_user("Editor"))
    editor_page = client.get(CHANGELIST).text

    assert "?mine=1" in writer_page and "?mine=1" in editor_page
    assert "?review=mine" not in writer_page  # a writer reviews nothing
    assert "?review=mine" in editor_page


def test_each_status_is_a_coloured_badge(client):
    client.force_login(make_user("Editor"))
    make_article(headline="Sent back", published=False, status=Status.CHANGES_REQUESTED)
    make_article(headline="Live")

    page = client.get(CHANGELIST).text

    assert '<span class="desk-status desk-status--changes_requested">Changes requested' in page
    assert '<span class="desk-status desk-status--published">Published' in page
    assert "css/desk-home.css" in page  # the badges' colours and the readable columns


def test_the_desk_order_is_read_from_an_index_not_sorted(client):
    """The list's first page of keys comes from `article_desk_idx` in order, stopped after a
    page: sorting every article for it cost 49 ms and 5 MB of a worker at 100,000 (SQLite)."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    client.force_login(make_user("Editor"))
    for n in range(101):  # past one page: a single page is read whole, unsorted by keys
        make_article(headline=f"Live {n:03}")
    with CaptureQueriesContext(connection) as seen:
        client.get(CHANGELIST)
    sql = [query["sql"] for query in seen.captured_queries]
    keys = next(q for q in sql if '"desk_rank"' in q and "LIMIT" in q)  # the page's keys
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute("SET enable_seqscan = off")  # a handful of rows: a scan is cheaper
            cursor.execute(f"EXPLAIN {keys}")
        else:
            cursor.execute(f"EXPLAIN QUERY PLAN {keys}")
        plan = " ".join(str(row) for row in cursor.fetchall())
    assert "article_desk_idx" in plan
    assert "Sort" not in plan and "TEMP B-TREE" not in plan
