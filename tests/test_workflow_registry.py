"""One table of moves (`workflow.MOVES`): the button, the bulk action's message, the question
asked first and the timeline say each move in the same words, read from the table."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone
from django.utils.html import escape
from django.utils.text import capfirst
from pytest_django.asserts import assertContains

from articles import workflow
from articles.models import ArticleEvent, Status

from .desk import change_url, form_data, local, make_pending, messages_of, workflow_url
from .factories import make_article, make_user

pytestmark = pytest.mark.django_db

# What each move's form needs; the rest need only the click.
ARGUMENTS = {
    "request_changes": lambda: {"note": "Check the figures."},
    "send_back_changes": lambda: {"note": "Check the figures."},
    "schedule": lambda: {"at": local(timezone.now() + timedelta(hours=2))},
}


def article_ready_for(move, start):
    """An article in `start` and someone who may make `move` on it (with pending changes,
    in review for "Send changes back", when the move needs them)."""
    writer = make_user("Writer")
    user = writer if move.name in ("withdraw", "submit_changes") else make_user("Editor")
    when = {
        Status.PUBLISHED: timezone.now() - timedelta(hours=1),
        Status.SCHEDULED: timezone.now() + timedelta(days=1),
        Status.UNPUBLISHED: timezone.now() - timedelta(days=1),
    }.get(start)
    article = make_article(published=False, status=start, published_at=when, created_by=writer)
    if move.when is not None:
        in_review = move.name == "send_back_changes"
        make_pending(article, by=writer, in_review=in_review, standfirst="A new standfirst.")
    return user, article


CASES = [(move, start) for move in workflow.MOVES.values() for start in sorted(move.sources)]


@pytest.mark.parametrize(("move", "start"), CASES, ids=lambda x: str(getattr(x, "name", x)))
def test_button_message_and_timeline_say_the_move_in_the_registrys_words(client, move, start):
    user, article = article_ready_for(move, start)
    client.force_login(user)
    page = client.get(change_url(article)).content.decode()
    button = f'action="{workflow_url(article, move.name)}"'
    assert button in page
    assert f">{escape(move.label_for(article))}</button>" in page
    if move.confirm:
        assert f'data-confirm="{escape(move.confirm_message(article))}"' in page
    data = ARGUMENTS.get(move.name, dict)()
    response = client.post(workflow_url(article, move.name), form_data(move.name, **data))
    assert response.status_code == 302

    article.refresh_from_db()
    end = move.target or start  # the pending-changes moves keep the state
    assert article.status == end
    event = ArticleEvent.objects.get(article=article)
    assert (event.action, event.from_status, event.to_status) == (move.name, start, end)
    page = client.get(change_url(article))
    assert messages_of(page) == [move.done_message(article)]
    timeline = page.content.decode().split('class="desk-panel desk-timeline"')[1]
    assert f'<strong class="desk-timeline__move">{capfirst(move.past)}</strong>' in timeline


BULK = [move for move in workflow.MOVES.values() if move.bulk]


def test_the_bulk_moves_are_publish_and_unpublish():
    assert [move.name for move in BULK] == ["publish", "unpublish"]


@pytest.mark.parametrize("move", BULK, ids=lambda move: move.name)
def test_a_bulk_action_is_named_and_answers_in_the_registrys_words(client, move):
    start = sorted(move.sources)[0]
    user, first = article_ready_for(move, start)
    _, second = article_ready_for(move, start)
    client.force_login(user)
    changelist = reverse("admin:articles_article_changelist")
    page = client.get(changelist).content.decode()
    assert f'<option value="{move.name}">{escape(move.bulk)}</option>' in page
    selected = {"action": move.name, "_selected_action": [first.pk, second.pk]}
    asked = client.post(changelist, selected)
    # First a page naming each article and the consequence, in the move's words; nothing moved.
    for article in (first, second):
        assertContains(asked, escape(move.confirm_message(article)))
        article.refresh_from_db()
        assert article.status == start
    response = client.post(changelist, {**selected, "confirmed": "yes"}, follow=True)
    for article in (first, second):
        article.refresh_from_db()
        assert article.status == move.target
    assert sorted(messages_of(response)) == sorted(
        move.done_message(article) for article in (first, second)
    )


def test_a_bulk_action_says_why_an_article_did_not_move_and_moves_the_others(client):
    editor = make_user("Editor")
    live = make_article(headline="Already live")
    draft = make_article(published=False, headline="Still a draft")
    client.force_login(editor)
    response = client.post(
        reverse("admin:articles_article_changelist"),
        {"action": "publish", "_selected_action": [live.pk, draft.pk], "confirmed": "yes"},
        follow=True,
    )
    said = messages_of(response)
    assert "Published “Still a draft”." in said
    assert (
        "Nothing changed. “Already live” is published: it cannot be published from that state."
        in said
    )


def test_only_public_or_final_moves_ask_first():
    asking = sorted(move.name for move in workflow.MOVES.values() if move.confirm)
    assert asking == ["archive", "discard_changes", "publish", "publish_changes", "unpublish"]


def test_the_moves_cover_the_lifecycle_and_nothing_leaves_archived():
    targets = {move.target for move in workflow.MOVES.values()}
    assert targets == {*Status, None}  # None: the pending-changes moves keep the state
    assert all(Status.ARCHIVED not in move.sources for move in workflow.MOVES.values())
