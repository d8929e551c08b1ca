"""One history per article: saves, imports, moves, corrections and share links in one
timeline, with "live version" and "submitted here" markers; pictures in diffs as tokens."""

import pytest
from django.urls import reverse
from django.utils.html import strip_tags
from pytest_django.asserts import assertContains

from articles import revisions, sharing, workflow
from articles.models import Correction, Status
from articles.richtext import figure_markup

from .admin_forms import form_data
from .desk import change_url, workflow_url
from .factories import make_article, make_image, make_user

pytestmark = pytest.mark.django_db


def history_url(article):
    return reverse("admin:articles_article_revisions", args=[article.pk])


def rows(page):
    """The history table's rows, as text, newest first."""
    body = page.content.decode().split("<tbody>")[1].split("</tbody>")[0]
    return [" ".join(strip_tags(row).split()) for row in body.split("<tr>")[1:]]


def test_the_history_shows_every_kind_of_step_by_whom_newest_first(client):
    writer = make_user("Writer", first_name="Wes", last_name="Writer")
    editor = make_user("Editor", first_name="Erin", last_name="Editor")
    article = make_article(published=False, created_by=writer, headline="Storm")
    revisions.record(article, by=writer, comment="Imported from storm.txt")
    workflow.submit(article, by=writer)
    revisions.record(article, by=editor, comment="Edited")
    workflow.publish(article, by=editor)
    link = sharing.create_link(article, by=editor, note="Legal: J. Smith")
    sharing.revoke(link, by=editor)
    Correction.objects.create(article=article, text="The storm was on Monday.", created_by=editor)

    client.force_login(editor)
    page = client.get(history_url(article))
    assert page.status_code == 200
    said = rows(page)
    assert len(said) == 7
    text = "\n".join(said)
    for expected in [
        "Imported 1 Wes Writer Imported from storm.txt",
        "Workflow Wes Writer Submitted for review",
        "Saved 2 Erin Editor Edited",
        "Workflow Erin Editor Published",
        "Share link Erin Editor Created, for Legal: J. Smith",
        "Share link Erin Editor Revoked (it was for Legal: J. Smith)",
        "Correction Erin Editor Shown to readers",
    ]:
        assert expected in text, expected
    assert "Correction" in said[0]  # newest first
    # What readers see, and what the reviewer was sent.
    assert "live version" in next(r for r in said if "Saved 2" in r)
    submitted = [r for r in said if "submitted here" in r]
    assert len(submitted) == 1 and "Imported 1" in submitted[0]


def test_the_markers_follow_pending_changes(client):
    editor = make_user("Editor")
    article = make_article(headline="Live one")
    client.force_login(editor)
    for headline in ("First edit", "Second edit"):
        data = form_data(client.get(change_url(article)))
        data["headline"] = headline
        client.post(change_url(article), data)
    client.post(workflow_url(article, "publish_changes"), {"drawn_for": Status.PUBLISHED})
    data = form_data(client.get(change_url(article)))
    data["headline"] = "Third edit"
    client.post(change_url(article), data)

    said = rows(client.get(history_url(article)))
    assert "unpublished changes" in said[0] and "Saved 3" in said[0]
    live = [r for r in said if "live version" in r]
    assert len(live) == 1 and "Saved 2" in live[0]


def test_a_moved_or_swapped_picture_shows_in_the_comparison(client):
    editor = make_user("Editor")
    boat = make_image(caption="Boat at dawn", credit="Jo Reyes")
    pier = make_image(caption="Empty pier", credit="Sam Lee")
    article = make_article(published=False, body="<p>One.</p>" + figure_markup(boat.pk))
    revisions.record(article, by=editor)
    article.body = figure_markup(boat.pk) + "<p>One.</p>"  # moved above the text
    article.save()
    revisions.record(article, by=editor)
    article.body = figure_markup(pier.pk) + "<p>One.</p>"  # swapped
    article.save()
    revisions.record(article, by=editor)

    client.force_login(editor)
    compare = reverse("admin:articles_article_compare", args=[article.pk])
    moved = client.get(compare, {"a": 1, "b": 2})
    assertContains(moved, "<ins>[Picture: Boat at dawn — Jo Reyes]</ins>", html=False)
    assertContains(moved, "<del>[Picture: Boat at dawn — Jo Reyes]</del>", html=False)
    swapped = client.get(compare, {"a": 2, "b": 3}).content.decode()
    assert "<del>[Picture: Boat at dawn — Jo Reyes]</del>" in swapped
    assert "<ins>[Picture: Empty pier — Sam Lee]</ins>" in swapped
