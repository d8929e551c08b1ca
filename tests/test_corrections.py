"""Corrections: a published article stays live while an editor corrects it, and readers
see the correction with its time and "Updated" in the header."""

from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
import time_machine
from pytest_django.asserts import assertContains, assertNotContains

from articles.models import Article, Correction, Status
from articles.revisions import version_token

from .desk import change_url, workflow_url
from .factories import make_article, make_user

pytestmark = pytest.mark.django_db

LATER = datetime(2026, 6, 1, 14, 30, tzinfo=ZoneInfo("Europe/London"))


def change_form(article, corrections=()):
    data = {
        "headline": article.headline,
        "standfirst": article.standfirst,
        "body": article.body,
        "section": article.section_id,
        "slug": article.slug,
        "bylines-TOTAL_FORMS": "0",
        "bylines-INITIAL_FORMS": "0",
        "related_links-TOTAL_FORMS": "0",
        "related_links-INITIAL_FORMS": "0",
        "article_topics-TOTAL_FORMS": "0",
        "article_topics-INITIAL_FORMS": "0",
        "corrections-TOTAL_FORMS": str(len(corrections)),
        "corrections-INITIAL_FORMS": "0",
        "version": version_token(article),  # the version the editor opened
    }
    for i, (kind, text) in enumerate(corrections):
        data[f"corrections-{i}-kind"] = kind
        data[f"corrections-{i}-text"] = text
        data[f"corrections-{i}-published_at_0"] = LATER.strftime("%d/%m/%Y")
        data[f"corrections-{i}-published_at_1"] = LATER.strftime("%H:%M:%S")
    return data


def test_an_editor_corrects_a_live_article_and_readers_see_it(client):
    editor = make_user("Editor")
    article = make_article(
        headline="Vote on Tuesday",
        body="<p>The vote is on Tuesday.</p>",
        published_at=LATER - timedelta(days=1),
    )
    published_at = article.published_at
    assertNotContains(client.get(article.get_absolute_url()), "Updated")

    client.force_login(editor)
    data = change_form(
        article, corrections=[("correction", "An earlier version gave the wrong day.")]
    )
    data["body"] = "<p>The vote is on Wednesday.</p>"
    response = client.post(change_url(article), data)
    assert response.status_code == 302
    # The fix and its correction wait together as pending changes: readers see neither yet.
    assertNotContains(client.get(article.get_absolute_url()), "wrong day")
    assert not Correction.objects.exists()

    with time_machine.travel(LATER, tick=False):
        client.post(workflow_url(article, "publish_changes"), {"drawn_for": "published"})
    article.refresh_from_db()
    assert (article.status, article.published_at) == (Status.PUBLISHED, published_at)
    assert Correction.objects.get().created_by == editor

    client.logout()
    response = client.get(article.get_absolute_url())
    assertContains(response, "The vote is on Wednesday.")
    assertContains(response, "An earlier version gave the wrong day.")
    assertContains(
        response, 'Updated <time datetime="2026-06-01T14:30:00+01:00">1 June 2026, 14:30'
    )
    assertContains(response, "<strong>Correction</strong>")


def test_the_latest_note_gives_the_updated_time_and_notes_are_plain_text(client):
    article = make_article()
    Correction.objects.create(article=article, text="First.", published_at=LATER.replace(hour=9))
    Correction.objects.create(
        article=article, kind="update", text="<script>x</script> Police named the driver.",
        published_at=LATER,
    )  # fmt: skip
    response = client.get(article.get_absolute_url())
    assertContains(response, "Updated <time")
    assertContains(response, "1 June 2026, 14:30</time></span>")
    assertContains(response, "&lt;script&gt;x&lt;/script&gt; Police named the driver.")
    assertContains(response, "<strong>Update</strong>")


def test_writers_cannot_add_corrections(client):
    writer = make_user("Writer")
    article = make_article(created_by=writer)
    client.force_login(writer)
    assert "corrections-TOTAL_FORMS" not in client.get(change_url(article)).content.decode()
    client.post(change_url(article), change_form(article, corrections=[("correction", "Mine")]))
    assert not Correction.objects.exists()


def test_corrections_are_offered_on_live_articles_only(client):
    client.force_login(make_user("Editor"))
    draft = make_article(published=False)
    live = make_article()
    assert "corrections-TOTAL_FORMS" not in client.get(change_url(draft)).content.decode()
    assert "corrections-TOTAL_FORMS" in client.get(change_url(live)).content.decode()


def test_an_editor_cannot_delete_a_correction(client):
    editor = make_user("Editor")
    article = make_article()
    Correction.objects.create(article=article, text="Kept forever.")
    client.force_login(editor)
    page = client.get(change_url(article)).content.decode()
    assert "corrections-0-DELETE" not in page
    assert Article.objects.published().filter(pk=article.pk).exists()
