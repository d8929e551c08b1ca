"""Every role × every workflow move × every way in: the page's button, the admin's bulk
action and a crafted POST. Allowed moves work; forbidden ones change nothing."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from articles.models import Article, ArticleEvent, Status
from articles.revisions import version_token

from .desk import change_url, form_data, local, make_pending, snapshot, workflow_url
from .factories import make_article, make_user

pytestmark = pytest.mark.django_db

ROLES = ["writer (own)", "writer (others’)", "editor", "photo desk", "superuser"]

D, R, C, S, P, U, A = (
    Status.DRAFT,
    Status.IN_REVIEW,
    Status.CHANGES_REQUESTED,
    Status.SCHEDULED,
    Status.PUBLISHED,
    Status.UNPUBLISHED,
    Status.ARCHIVED,
)

# move: (every state it may start from, the state it ends in, the button form's data)
MOVES = {
    "submit": ([D, C], R, {}),
    "withdraw": ([R], D, {}),
    "request_changes": ([R], C, {"note": "Check the figures."}),
    "return_to_draft": ([C, S, U], D, {}),
    "publish": ([D, R, C, S, U], P, {}),
    "schedule": ([D, R, C, S, U], S, {"at": "in two hours"}),
    "unpublish": ([P], U, {}),
    "archive": ([D, C, U], A, {}),
    # A live article's pending changes (`setup` makes them): the state stays.
    "submit_changes": ([S, P], None, {}),
    "publish_changes": ([S, P], None, {}),
    "send_back_changes": ([S, P], None, {"note": "Check the figures."}),
    "discard_changes": ([S, P], None, {}),
}
PENDING_MOVES = {"submit_changes", "publish_changes", "send_back_changes", "discard_changes"}


def is_allowed(role, move, start):
    """The rules of issue 3: writers submit their own work and may withdraw it while it
    waits for review; they never publish, schedule, unschedule or revive an article.
    Withdrawing is the article's own writer's move (here the editor's and superuser's
    article belongs to another writer: they request changes instead)."""
    if move == "withdraw":
        return role == "writer (own)"
    if move == "submit_changes":  # only who may not publish the changes asks for review
        return role == "writer (own)"
    if role in ("editor", "superuser"):
        return True
    if role == "writer (own)":
        # Their live article's pending changes: sent to review or thrown away, never published.
        return move in ("submit", "discard_changes")
    return False


def setup(role, start, move=None):
    """A user in `role` and an article in the state `start` (with pending changes, in review
    for "Send changes back", when `move` needs them)."""
    if role == "superuser":
        user = make_user(is_superuser=True)
    else:
        user = make_user(
            {"writer": "Writer", "editor": "Editor", "photo desk": "Photo desk"}[
                role.split(" (")[0]
            ]
        )
    owner = user if role == "writer (own)" else make_user("Writer")
    when = {
        P: timezone.now() - timedelta(hours=1),
        S: timezone.now() + timedelta(days=1),
        U: timezone.now() - timedelta(days=1),
    }.get(start)
    article = make_article(published=False, status=start, published_at=when, created_by=owner)
    if move in PENDING_MOVES:
        make_pending(article, by=owner, in_review=move == "send_back_changes")
    return user, article


def data_for(move):
    data = dict(MOVES[move][2])
    if data.get("at"):
        data["at"] = local(timezone.now() + timedelta(hours=2))
    return form_data(move, **data)


def assert_outcome(article, move, start, allowed, before):
    article.refresh_from_db()
    end = MOVES[move][1] or start
    if allowed:
        assert article.status == end
        event = ArticleEvent.objects.filter(article=article).latest("pk")
        assert (event.from_status, event.to_status) == (start, end)
    else:
        assert snapshot(article) == before


CASES = [
    (role, move, start)
    for role in ROLES
    for move, (starts, _, _) in MOVES.items()
    for start in starts
]
# Every state a move may not start from: refused even to a superuser.
WRONG_STATES = [
    (move, start)
    for move, (starts, _, _) in MOVES.items()
    for start in Status
    if start not in starts
]


@pytest.mark.parametrize(("role", "move", "start"), CASES)
def test_button_is_offered_only_when_allowed_and_works(client, role, move, start):
    user, article = setup(role, start, move)
    allowed = is_allowed(role, move, start)
    client.force_login(user)
    page = client.get(change_url(article))
    offered = page.status_code == 200 and f'action="{workflow_url(article, move)}"' in (
        page.content.decode()
    )
    assert offered is allowed
    if offered:
        response = client.post(workflow_url(article, move), data_for(move), follow=True)
        assert response.redirect_chain[0][0] == change_url(article)
        assert_outcome(article, move, start, allowed=True, before=None)


@pytest.mark.parametrize(("role", "move", "start"), CASES)
def test_crafted_post_is_refused_unless_allowed(client, role, move, start):
    user, article = setup(role, start, move)
    allowed = is_allowed(role, move, start)
    before = snapshot(article)
    client.force_login(user)
    client.post(workflow_url(article, move), data_for(move))
    assert_outcome(article, move, start, allowed, before)


@pytest.mark.parametrize(("move", "start"), WRONG_STATES)
def test_no_one_makes_a_move_from_a_state_it_does_not_start_from(client, move, start):
    # Whoever may make the move otherwise: the superuser, or for the writer's moves the writer.
    own = move in ("withdraw", "submit_changes")  # the writer's moves
    user, article = setup("writer (own)" if own else "superuser", start)
    before = snapshot(article)
    client.force_login(user)
    page = client.get(change_url(article)).content.decode()
    assert f'action="{workflow_url(article, move)}"' not in page
    response = client.post(workflow_url(article, move), data_for(move), follow=True)
    assert snapshot(article) == before
    assert "Nothing changed." in response.content.decode()


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize(
    ("action", "move", "start"),
    [("publish", "publish", start) for start in MOVES["publish"][0]]
    + [("unpublish", "unpublish", start) for start in MOVES["unpublish"][0]],
)
def test_bulk_action_is_refused_unless_allowed(client, role, action, move, start):
    user, article = setup(role, start)
    allowed = is_allowed(role, move, start)
    before = snapshot(article)
    client.force_login(user)
    changelist = reverse("admin:articles_article_changelist")
    page = client.get(changelist)
    assert (page.status_code == 200 and f'value="{action}"' in page.content.decode()) is allowed
    client.post(
        changelist, {"action": action, "_selected_action": [article.pk], "confirmed": "yes"}
    )
    assert_outcome(article, move, start, allowed, before)


def test_a_move_from_the_wrong_state_is_refused_with_a_message(client):
    client.force_login(make_user("Editor"))
    article = make_article(status=Status.PUBLISHED)
    before = snapshot(article)
    response = client.post(workflow_url(article, "publish"), follow=True)
    assert snapshot(article) == before
    assert "is published: it cannot be published from that state" in response.content.decode()


def test_the_desk_shows_no_buttons_for_an_archived_article(client):
    client.force_login(make_user(is_superuser=True))
    article = make_article(published=False, status=Status.ARCHIVED)
    page = client.get(change_url(article)).content.decode()
    assert "/workflow/" not in page
    assert "There is nothing for you to do on this article now." in page


def test_an_unknown_move_changes_nothing(client):
    client.force_login(make_user(is_superuser=True))
    article = make_article(published=False)
    before = snapshot(article)
    client.post(workflow_url(article, "delete_everything"))
    assert snapshot(article) == before


def test_buttons_only_answer_post_with_a_csrf_token(client):
    from django.test import Client

    editor = make_user("Editor")
    article = make_article(published=False, status=Status.IN_REVIEW)
    client.force_login(editor)
    assert client.get(workflow_url(article, "publish")).status_code == 405
    strict = Client(enforce_csrf_checks=True)
    strict.force_login(editor)
    assert strict.post(workflow_url(article, "publish")).status_code == 403
    assert Article.objects.get(pk=article.pk).status == Status.IN_REVIEW


@pytest.mark.parametrize("role", ["Writer", "Editor"])
def test_status_in_the_change_form_is_ignored(client, role):
    """Status and publication date are not part of any form: crafting them does nothing."""
    user = make_user(role)
    article = make_article(published=False, created_by=user)
    client.force_login(user)
    response = client.post(
        change_url(article),
        {
            "headline": "Harbour wall repaired",
            "section": article.section_id,
            "slug": article.slug,
            "status": Status.PUBLISHED,
            "published_at_0": "01/01/2020",
            "published_at_1": "10:00",
            "published_at": "2020-01-01T10:00",
            "bylines-TOTAL_FORMS": "0",
            "bylines-INITIAL_FORMS": "0",
            "related_links-TOTAL_FORMS": "0",
            "related_links-INITIAL_FORMS": "0",
            "article_topics-TOTAL_FORMS": "0",
            "article_topics-INITIAL_FORMS": "0",
            "version": version_token(article),
        },
    )
    assert response.status_code == 302
    article.refresh_from_db()
    assert (article.headline, article.status) == ("Harbour wall repaired", Status.DRAFT)
    assert article.published_at is None
    assert not Article.objects.published().filter(pk=article.pk).exists()
    assert not article.events.exists()


# Who may upload a picture from the article form's picture chooser (issue 12, item 3):
# `permissions.can_upload_in_chooser`, asked by the chooser's Upload tab for every step.
CHOOSER_UPLOADERS = {
    "writer": False,
    "editor": True,
    "photo desk": True,
    "superuser": True,
    "staff without a role": False,
}


@pytest.mark.parametrize("role", CHOOSER_UPLOADERS)
def test_who_may_upload_from_the_picture_chooser(client, role):
    from articles.models import ImageAsset
    from articles.permissions import can_upload_in_chooser

    from .image_files import good_upload

    group = {"writer": "Writer", "editor": "Editor", "photo desk": "Photo desk"}.get(role)
    user = make_user(group, is_superuser=role == "superuser")
    allowed = CHOOSER_UPLOADERS[role]
    assert can_upload_in_chooser(user) is allowed
    client.force_login(user)
    upload = reverse("admin:articles_article_chooser_upload")
    assert client.get(upload).status_code == (200 if allowed else 403)
    response = client.post(upload, {"chooser-files": [good_upload()], "choose": "1"})
    assert response.status_code == (200 if allowed else 403)
    if allowed:  # the file is checked and staged; the details come next
        assert response.context["formset"].total_form_count() == 1
    assert not ImageAsset.objects.exists()
