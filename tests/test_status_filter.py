"""The desk's article list: the status filter and the status column tell the same story, by
the one rule of `Article.objects.published()`."""

import re
from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from articles.models import Article, Status

from .factories import make_article, make_user

pytestmark = pytest.mark.django_db

CHANGELIST = reverse("admin:articles_article_changelist")


def listed(client, **params):
    """The headlines the changelist shows, each with its status column."""
    html = client.get(CHANGELIST, params).text
    rows = re.findall(r"<tr>(.*?)</tr>", html, re.S)
    found = {}
    for row in rows:
        headline = re.search(r'<t[hd] class="field-headline"><a [^>]*>([^<]+)</a>', row)
        status = re.search(r'<td class="field-status_and_review"><span [^>]*>([^<]*)</span>', row)
        if headline and status:
            found[headline[1]] = status[1]
    return found


@pytest.fixture
def editor(client):
    client.force_login(make_user("Editor"))
    return client


def test_a_scheduled_article_whose_time_has_come_is_published_in_filter_and_column(
    editor, time_machine
):
    time_machine.move_to(timezone.now())
    make_article(
        headline="Embargo lifts",
        status=Status.SCHEDULED,
        published_at=timezone.now() + timedelta(hours=1),
    )
    make_article(
        headline="Still embargoed",
        status=Status.SCHEDULED,
        published_at=timezone.now() + timedelta(days=1),
    )
    make_article(headline="Live already")
    make_article(headline="Just a draft", published=False)
    assert listed(editor, status="scheduled") == {
        "Embargo lifts": "Scheduled",
        "Still embargoed": "Scheduled",
    }

    time_machine.shift(timedelta(hours=2))

    assert listed(editor, status="published") == {
        "Embargo lifts": "Published",
        "Live already": "Published",
    }
    assert listed(editor, status="scheduled") == {"Still embargoed": "Scheduled"}
    assert listed(editor, status="draft") == {"Just a draft": "Draft"}
    assert len(listed(editor)) == 4


def test_every_status_is_offered_and_the_state_query_agrees_with_published(time_machine):
    time_machine.move_to(timezone.now())
    due = make_article(status=Status.SCHEDULED, published_at=timezone.now() - timedelta(1))
    later = make_article(status=Status.SCHEDULED, published_at=timezone.now() + timedelta(1))
    live = make_article()

    assert set(Article.objects.in_state(Status.PUBLISHED)) == set(Article.objects.published())
    assert set(Article.objects.in_state(Status.PUBLISHED)) == {due, live}
    assert set(Article.objects.in_state(Status.SCHEDULED)) == {later}


def test_the_filter_lists_every_status(editor):
    html = editor.get(CHANGELIST).text
    for value, label in Status.choices:
        assert f'href="?status={value}"' in html, label
