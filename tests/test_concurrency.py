"""Concurrent writes (issue 13, item 4): two saves at once on SQLite give the conflict
message, not "database is locked"; a workflow move is made only from the state its button
was drawn for; a double-submitted upload confirmation adds each picture once."""

import threading
import time
from unittest import mock

import pytest
from django.conf import settings
from django.db import connection
from django.test import Client

from articles import imaging, workflow
from articles.admin import history
from articles.models import Article, ImageAsset, Status

from .admin_forms import form_data
from .desk import change_url, messages_of, snapshot, workflow_url
from .factories import make_article, make_author, make_user
from .image_files import good_upload


def at_once(*calls, pause=0.3):
    """Run `calls` in threads that start together; return their results in order."""
    barrier, results = threading.Barrier(len(calls)), [None] * len(calls)

    def run(index, call):
        barrier.wait(timeout=10)
        try:
            results[index] = call()
        finally:
            connection.close()

    threads = [threading.Thread(target=run, args=(i, call)) for i, call in enumerate(calls)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    return results


def slow(function, pause=0.3):
    """`function`, then a pause: both requests are inside their transaction together."""

    def wrapper(*args, **kwargs):
        result = function(*args, **kwargs)
        time.sleep(pause)
        return result

    return wrapper


def editor_client():
    client = Client(raise_request_exception=False)
    client.force_login(make_user("Editor"))
    return client


def test_sqlite_is_configured_for_a_web_server():
    options = settings.DATABASES["default"].get("OPTIONS", {})
    if connection.vendor != "sqlite":
        pytest.skip("SQLite only")
    assert options["transaction_mode"] == "IMMEDIATE"
    assert "journal_mode=WAL" in options["init_command"]
    assert options["timeout"] >= 5


@pytest.mark.django_db
def test_sqlite_keeps_a_page_s_rows_in_its_cache():
    """8 MB of page cache per connection (SQLite's default is 2 MB): the ninety article rows
    an author's page reads at 100,000 articles stay cached between requests."""
    if connection.vendor != "sqlite":
        pytest.skip("SQLite only")
    with connection.cursor() as cursor:
        cursor.execute("PRAGMA cache_size")
        assert cursor.fetchone()[0] == -8000


@pytest.mark.django_db(transaction=True)
def test_two_simultaneous_saves_give_the_conflict_message_not_a_500():
    article = make_article(published=False, body="<p>First.</p>", authors=[make_author()])
    alice, bob = editor_client(), editor_client()
    alice_data = form_data(alice.get(change_url(article)))
    bob_data = form_data(bob.get(change_url(article)))
    alice_data["body"], bob_data["body"] = "<p>Alice.</p>", "<p>Bob.</p>"
    with mock.patch.object(history.ArticleAdminForm, "clean", slow(history.ArticleAdminForm.clean)):
        responses = at_once(
            lambda: alice.post(change_url(article), alice_data),
            lambda: bob.post(change_url(article), bob_data),
        )
    codes = sorted(response.status_code for response in responses)
    assert codes == [200, 302]
    refused = next(response for response in responses if response.status_code == 200)
    assert "Not saved:" in refused.content.decode()
    assert Article.objects.get().body in {"<p>Alice.</p>", "<p>Bob.</p>"}


@pytest.mark.django_db
def test_a_move_from_a_page_drawn_for_another_state_changes_nothing_and_says_so():
    writer = make_user("Writer")
    article = make_article(published=False, created_by=writer)
    workflow.submit(article, by=writer)
    editor = editor_client()
    page = editor.get(change_url(article))
    assert 'name="drawn_for" value="in_review"' in page.content.decode()
    workflow.withdraw(article, by=writer)  # meanwhile, the writer takes it back
    before = snapshot(article)
    response = editor.post(
        workflow_url(article, "publish"), {"drawn_for": "in_review"}, follow=True
    )
    assert snapshot(article) == before
    assert Article.objects.get().status == Status.DRAFT
    [message] = messages_of(response)
    assert message.startswith("Nothing changed.") and "it is draft now, not in review" in message


@pytest.mark.django_db
def test_a_move_from_the_state_its_button_was_drawn_for_is_made():
    article = make_article(published=False)
    editor = editor_client()
    editor.post(workflow_url(article, "publish"), {"drawn_for": "draft"})
    assert Article.objects.get().status == Status.PUBLISHED


@pytest.mark.django_db(transaction=True)
def test_a_double_submitted_upload_confirmation_adds_each_picture_once():
    desk = Client(raise_request_exception=False)
    desk.force_login(make_user("Photo desk"))
    chosen = desk.post("/desk/images/upload/", {"files": [good_upload("one.jpg")]})
    data = {
        "details": "1",
        "form-TOTAL_FORMS": "1",
        "form-INITIAL_FORMS": "0",
        "form-0-token": chosen.context["formset"].forms[0].initial["token"],
        "form-0-credit": "Agency",
        "form-0-alt_text": "A harbour",
    }
    with mock.patch.object(imaging, "create_image", slow(imaging.create_image)):
        responses = at_once(
            lambda: desk.post("/desk/images/upload/", data),
            lambda: desk.post("/desk/images/upload/", data),
        )
    assert sorted(response.status_code for response in responses) == [200, 302]
    assert ImageAsset.objects.count() == 1
    again = next(response for response in responses if response.status_code == 200)
    assert "already" in again.content.decode() or "expired" in again.content.decode()
