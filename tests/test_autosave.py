"""Autosave: what a writer types is kept in the background, apart from the article."""

from datetime import timedelta

import pytest
import time_machine
from django.urls import reverse
from django.utils import timezone
from pytest_django.asserts import assertContains, assertNotContains

from articles import revisions, workflow
from articles.models import ArticleAutosave, Byline, Status

from .admin_forms import form_data
from .factories import make_article, make_author, make_user

pytestmark = pytest.mark.django_db


def autosave_url(article):
    return reverse("admin:articles_article_autosave", args=[article.pk])


def change_url(article):
    return reverse("admin:articles_article_change", args=[article.pk])


def typed(article, **fields):
    data = {
        "headline": article.headline,
        "standfirst": article.standfirst,
        "slug": article.slug,
        "body": article.body,
    }
    return data | fields


@pytest.fixture
def writer():
    return make_user("Writer")


@pytest.fixture
def draft(writer):
    return make_article(published=False, created_by=writer, body="<p>First version.</p>")


def test_autosave_keeps_the_text_without_touching_the_article(client, writer, draft):
    client.force_login(writer)
    before = (draft.status, draft.updated_at, draft.body)
    with time_machine.travel(timezone.now() + timedelta(minutes=5)):
        response = client.post(
            autosave_url(draft), typed(draft, body="<p>Second <script>x</script>version.</p>")
        )
    assert response.status_code == 200
    draft.refresh_from_db()
    assert (draft.status, draft.updated_at, draft.body) == before
    autosave = ArticleAutosave.objects.get(article=draft, user=writer)
    assert autosave.data["body"] == "<p>Second version.</p>"
    # Saving again overwrites the same record: one per article and writer.
    client.post(autosave_url(draft), typed(draft, body="<p>Third.</p>"))
    assert ArticleAutosave.objects.get().data["body"] == "<p>Third.</p>"


@pytest.mark.parametrize("who", ["other writer", "co-author", "photo desk", "owner once in review"])
def test_autosave_refuses_users_who_cannot_edit(client, writer, draft, who):
    user = {"other writer": make_user("Writer"), "photo desk": make_user("Photo desk")}.get(
        who, writer
    )
    if who == "co-author":  # carries the byline, so may see the draft, but did not write it
        user = make_user("Writer")
        Byline.objects.create(article=draft, author=make_author(user=user), position=0)
    if who == "owner once in review":
        draft.status = Status.IN_REVIEW
        draft.save()
    client.force_login(user)
    response = client.post(autosave_url(draft), typed(draft, body="<p>Sneaky.</p>"))
    # Who may not see the draft at all (the photo desk, a writer with no part in it) is told
    # nothing, as for a missing one.
    assert response.status_code == (404 if who in ("photo desk", "other writer") else 403)
    assert not ArticleAutosave.objects.exists()


def test_autosave_needs_the_csrf_token(writer, draft):
    from django.test import Client

    client = Client(enforce_csrf_checks=True)
    client.force_login(writer)
    assert client.post(autosave_url(draft), typed(draft)).status_code == 403


def test_reopening_offers_the_unsaved_text_back(client, writer, draft):
    client.force_login(writer)
    with time_machine.travel(timezone.localtime().replace(hour=14, minute=32), tick=False):
        client.post(autosave_url(draft), typed(draft, body="<p>Typed before the crash.</p>"))
        response = client.get(change_url(draft))
        assertContains(response, "Restore unsaved changes from 14:32?")
        assertContains(response, "data-autosave-restore")
        # "Restore" fetches what was kept.
        kept = client.get(autosave_url(draft)).json()
    assert kept["data"]["body"] == "<p>Typed before the crash.</p>"


def test_discard_forgets_the_unsaved_text(client, writer, draft):
    client.force_login(writer)
    client.post(autosave_url(draft), typed(draft, body="<p>Not wanted.</p>"))
    client.post(reverse("admin:articles_article_autosave_discard", args=[draft.pk]))
    assert not ArticleAutosave.objects.exists()
    assertNotContains(client.get(change_url(draft)), "Restore unsaved changes")


def later(minutes):
    return time_machine.travel(timezone.now() + timedelta(minutes=minutes))


def submitted_by_the_owner(article, writer, editor):
    workflow.submit(article, by=writer)
    workflow.withdraw(article, by=writer)  # to keep working on it


def submitted_by_an_editor(article, writer, editor):
    workflow.submit(article, by=editor)
    workflow.request_changes(article, by=editor, note="Shorter, please.")


def an_older_revision_restored(article, writer, editor):
    first = revisions.record(article, by=editor)
    article.standfirst = "A standfirst changed in between."
    article.save()
    revisions.restore(first, by=editor)


def saved_by_someone_else(article, writer, editor):
    article.headline = "Saved later by the editor"
    article.save()


@pytest.mark.parametrize(
    "change",
    [
        submitted_by_the_owner,
        submitted_by_an_editor,
        an_older_revision_restored,
        saved_by_someone_else,
    ],
)
def test_a_change_to_the_article_after_the_autosave_never_loses_it(client, writer, draft, change):
    """Reported: typed, "Unsaved changes kept", clicked "Submit for review": sentence lost."""
    client.force_login(writer)
    client.post(autosave_url(draft), typed(draft, body="<p>First version. A new sentence.</p>"))
    with later(1):
        change(draft, writer, make_user("Editor"))
    with later(2):
        response = client.get(change_url(draft))
    assertContains(response, "Restore unsaved changes from")
    assertContains(response, "The article has changed since")
    # What the copy would change, so the writer compares before restoring.
    assertContains(response, "<ins> A new sentence.</ins>")
    kept = client.get(autosave_url(draft)).json()
    assert kept["data"]["body"] == "<p>First version. A new sentence.</p>"


def test_a_writer_who_may_no_longer_change_the_article_keeps_the_copy(client, writer, draft):
    client.force_login(writer)
    client.post(autosave_url(draft), typed(draft, body="<p>First version. Typed, unsaved.</p>"))
    with later(1):
        response = client.post(
            reverse("admin:articles_article_workflow", args=[draft.pk, "submit"]), follow=True
        )
    assertContains(response, "for review")
    draft.refresh_from_db()
    assert draft.status == Status.IN_REVIEW
    # In review the page is read-only: nothing to restore into, but the copy is safe.
    assertContains(response, "Your unsaved changes from")
    assertContains(response, "are kept. You cannot change this article while it is in review")
    assertNotContains(response, "data-autosave-restore")
    assert ArticleAutosave.objects.filter(article=draft, user=writer).exists()

    with later(2):
        client.post(reverse("admin:articles_article_workflow", args=[draft.pk, "withdraw"]))
        response = client.get(change_url(draft))
    assertContains(response, "data-autosave-restore")
    assertContains(response, "The article has changed since")
    assert client.get(autosave_url(draft)).json()["data"]["body"] == (
        "<p>First version. Typed, unsaved.</p>"
    )


def test_no_offer_when_the_autosave_matches_the_article(client, writer, draft):
    client.force_login(writer)
    with time_machine.travel(timezone.now() + timedelta(minutes=1)):
        client.post(autosave_url(draft), typed(draft))
    assertNotContains(client.get(change_url(draft)), "Restore unsaved changes")


def test_another_writers_autosave_is_not_offered(client, draft):
    editor = make_user("Editor")
    client.force_login(editor)
    with time_machine.travel(timezone.now() + timedelta(minutes=1)):
        client.post(autosave_url(draft), typed(draft, body="<p>The editor's words.</p>"))
    client.force_login(draft.created_by)
    assertNotContains(client.get(change_url(draft)), "Restore unsaved changes")


def test_saving_the_article_clears_the_writers_autosave(client, writer, draft):
    client.force_login(writer)
    client.post(autosave_url(draft), typed(draft, body="<p>Kept.</p>"))
    data = form_data(client.get(change_url(draft))) | {"body": "<p>Saved for real.</p>"}
    assert client.post(change_url(draft), data).status_code == 302
    assert not ArticleAutosave.objects.exists()


def test_the_autosave_script_is_loaded_on_the_change_form(client, writer, draft):
    client.force_login(writer)
    assertContains(client.get(change_url(draft)), "js/article-editor.js")
