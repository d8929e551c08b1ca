"""Every change of an article's status goes through a function here.

    Draft → In review → Changes requested → Draft / In review → Scheduled → Published
    → Unpublished; Archived is the end.

Admin buttons, admin actions and management commands call these functions; nothing else
writes `Article.status`. Each function locks the article's row, checks its current state and
the user's permission (`articles.permissions.may`), records an `ArticleEvent` and runs in one
transaction; when the move is not allowed it raises `TransitionError` and changes nothing.

A scheduled article goes live at its time with no job to flip it (`Article.objects.published()`
compares with now); for the moves below a scheduled article whose time has come counts as
published (`Article.is_published`).
"""

from datetime import datetime

from django.db import transaction
from django.utils import timezone
from django.utils.formats import date_format

from . import notifications, permissions
from .models import Article, ArticleEvent, Status
from .people import display_name

# The states each move starts from. The target state is fixed by the function.
SOURCES = {
    "submit": {Status.DRAFT, Status.CHANGES_REQUESTED},
    "request_changes": {Status.IN_REVIEW},
    # Writers only withdraw from review (`permissions.may`); the rest is the editors' call.
    "return_to_draft": {
        Status.IN_REVIEW,
        Status.CHANGES_REQUESTED,
        Status.SCHEDULED,
        Status.UNPUBLISHED,
    },
    "publish": {
        Status.DRAFT,
        Status.IN_REVIEW,
        Status.CHANGES_REQUESTED,
        Status.SCHEDULED,
        Status.UNPUBLISHED,
    },
    "schedule": {
        Status.DRAFT,
        Status.IN_REVIEW,
        Status.CHANGES_REQUESTED,
        Status.SCHEDULED,
        Status.UNPUBLISHED,
    },
    "unpublish": {Status.PUBLISHED},
    "archive": {Status.DRAFT, Status.CHANGES_REQUESTED, Status.UNPUBLISHED},
}
ACTIONS = list(SOURCES)

PAST = {
    "submit": "submitted for review",
    "request_changes": "sent back for changes",
    "return_to_draft": "returned to draft",
    "publish": "published",
    "schedule": "scheduled",
    "unpublish": "unpublished",
    "archive": "archived",
}


class TransitionError(Exception):
    """The move is not allowed: wrong state, no permission or bad input. Nothing changed."""


def state(article: Article) -> Status:
    """The article's state as the desk sees it: a scheduled article whose time has come is
    published."""
    return Status.PUBLISHED if article.is_published else Status(article.status)


def allowed(article: Article, user, action: str) -> bool:
    """Whether `user` may make `action` on `article` now (what the admin offers as buttons)."""
    return state(article) in SOURCES[action] and permissions.may(user, action, article)


def available(article: Article, user) -> list[str]:
    return [action for action in ACTIONS if allowed(article, user, action)]


def _begin(article: Article, user, action: str) -> tuple[Article, Status]:
    """Lock the row, then refuse unless the move is allowed from the state found there."""
    locked = Article.objects.select_for_update().get(pk=article.pk)
    current = state(locked)
    if not permissions.may(user, action, locked):
        raise TransitionError(f"You may not {action.replace('_', ' ')} “{locked}”.")
    if current not in SOURCES[action]:
        raise TransitionError(
            f"“{locked}” is {current.label.lower()}: it cannot be {PAST[action]} from that state."
        )
    return locked, current


def _finish(article, current, by, to, *, note="", fields=()) -> Article:
    article.status = to
    article.save(update_fields=["status", "updated_at", *fields])
    ArticleEvent.objects.create(
        article=article, actor=by, from_status=current, to_status=to, note=note
    )
    return article


@transaction.atomic
def submit(article: Article, *, by, reviewer=None, deadline: datetime | None = None) -> Article:
    """Send the article to review, to `reviewer` (any editor when None) by `deadline`."""
    article, current = _begin(article, by, "submit")
    if reviewer is not None and not permissions.reviewers().filter(pk=reviewer.pk).exists():
        raise TransitionError(f"{reviewer} cannot review articles.")
    if deadline is not None and deadline <= timezone.now():
        raise TransitionError("The review deadline must be in the future.")
    article.reviewer, article.review_deadline = reviewer, deadline
    who = display_name(reviewer) if reviewer else "any editor"
    note = f"Reviewer: {who}" + (
        f", by {date_format(timezone.localtime(deadline), 'SHORT_DATETIME_FORMAT')}"
        if deadline
        else ""
    )
    _finish(
        article,
        current,
        by,
        Status.IN_REVIEW,
        note=note,
        fields=["reviewer", "review_deadline"],
    )
    transaction.on_commit(lambda: notifications.review_requested(article, by=by))
    return article


@transaction.atomic
def request_changes(article: Article, *, by, note: str) -> Article:
    """Send the article back to its writer with a note saying what to change."""
    note = (note or "").strip()
    if not note:
        raise TransitionError("Say what needs to change: the note is required.")
    article, current = _begin(article, by, "request_changes")
    _finish(article, current, by, Status.CHANGES_REQUESTED, note=note)
    transaction.on_commit(lambda: notifications.changes_requested(article, by=by, note=note))
    return article


@transaction.atomic
def return_to_draft(article: Article, *, by, note: str = "") -> Article:
    """Back to a draft: withdrawn from review by its writer; or, by an editor, put aside
    while changes are requested, taken off the schedule or back from Unpublished."""
    article, current = _begin(article, by, "return_to_draft")
    return _finish(article, current, by, Status.DRAFT, note=note.strip())


@transaction.atomic
def publish(article: Article, *, by, at: datetime | None = None, note: str = "") -> Article:
    """Approve and put the article live now (or dated `at` in the past, e.g. imported)."""
    article, current = _begin(article, by, "publish")
    now = timezone.now()
    if at is not None and at > now:
        raise TransitionError("That time is in the future: schedule the article instead.")
    article.published_at = at or now
    return _finish(
        article, current, by, Status.PUBLISHED, note=note.strip(), fields=["published_at"]
    )


@transaction.atomic
def schedule(article: Article, *, by, at: datetime, note: str = "") -> Article:
    """Approve the article to go live by itself at `at` (an embargo)."""
    if at is None or at <= timezone.now():
        raise TransitionError("Choose a time in the future, or publish now.")
    article, current = _begin(article, by, "schedule")
    article.published_at = at
    note = (
        note.strip() or f"Goes live {date_format(timezone.localtime(at), 'SHORT_DATETIME_FORMAT')}"
    )
    return _finish(article, current, by, Status.SCHEDULED, note=note, fields=["published_at"])


@transaction.atomic
def unpublish(article: Article, *, by, note: str = "") -> Article:
    """Take a published article off every public page, feed and sitemap at once.

    A scheduled article that is not live yet is taken off the schedule with
    `return_to_draft` instead."""
    article, current = _begin(article, by, "unpublish")
    return _finish(article, current, by, Status.UNPUBLISHED, note=note.strip())


@transaction.atomic
def archive(article: Article, *, by, note: str = "") -> Article:
    """The end: kept with its history, never shown, no further moves."""
    article, current = _begin(article, by, "archive")
    return _finish(article, current, by, Status.ARCHIVED, note=note.strip())


FUNCTIONS = {
    "submit": submit,
    "request_changes": request_changes,
    "return_to_draft": return_to_draft,
    "publish": publish,
    "schedule": schedule,
    "unpublish": unpublish,
    "archive": archive,
}
