"""Dates read one way on every page: the house formats (newsroom/formats/en_GB/formats.py),
24-hour clock, day before month; machine formats (ISO in <time datetime>) unchanged."""

from datetime import UTC, datetime, timedelta

import pytest
from django.urls import reverse

from articles import revisions, workflow
from articles.models import Status

from .factories import make_article, make_user

pytestmark = pytest.mark.django_db

# 03:53 in London, on a day of a month whose name has more than three letters.
MOMENT = datetime(2025, 11, 26, 3, 53, tzinfo=UTC)


def test_the_article_page_prints_the_long_format_and_the_iso_time(client):
    article = make_article(published_at=MOMENT)

    page = client.get(article.get_absolute_url()).text

    assert '<time datetime="2025-11-26T03:53:00+00:00">26 November 2025, 03:53</time>' in page


def test_teasers_print_the_date_alone(client):
    article = make_article(published_at=MOMENT)

    page = client.get(article.section.get_absolute_url()).text

    assert '<time datetime="2025-11-26T03:53:00+00:00">26 Nov 2025</time>' in page


def test_the_desk_prints_the_house_formats_not_djangos_am_pm(client):
    editor = make_user("Editor")
    client.force_login(editor)
    article = make_article(published_at=MOMENT, headline="Night ferry")
    revisions.record(article, by=editor)
    revision = article.revisions.get()
    revision.created_at = MOMENT
    revision.save()

    changelist = client.get(reverse("admin:articles_article_changelist")).text
    history = client.get(reverse("admin:articles_article_revisions", args=[article.pk])).text

    assert "26 November 2025, 03:53" in changelist
    assert "a.m." not in changelist
    assert ">26 Nov 2025, 03:53</time></td>" in history


def test_a_scheduling_note_uses_the_short_format(time_machine):
    time_machine.move_to(MOMENT - timedelta(days=1))
    editor = make_user("Editor")
    article = make_article(published=False, status=Status.IN_REVIEW)

    workflow.schedule(article, by=editor, at=MOMENT)

    assert article.events.get().note == "Goes live 26 Nov 2025, 03:53"
