"""Emails to the people concerned by a workflow move (Django's mail API; the console
backend in development, locmem in tests). Each is a move's `notify` in
`articles.workflow.MOVES`, called after commit with the move, so the subject names the move
in the registry's words.

The move is saved before any email goes out, so a mail server that fails must not undo it
nor turn the page into an error: the failure is logged (logger "articles.notifications")
and, inside `collect_undelivered()`, handed to the caller so the desk can say so.
"""

import logging
from contextlib import contextmanager
from contextvars import ContextVar
from datetime import timedelta

from django.conf import settings
from django.core.mail import send_mail
from django.urls import reverse
from django.utils import timezone
from django.utils.text import capfirst

from . import permissions
from .people import display_name

logger = logging.getLogger(__name__)

_undelivered: ContextVar[list[str] | None] = ContextVar("undelivered", default=None)


@contextmanager
def collect_undelivered():
    """Gather, in the list this yields, the addresses whose email failed in the block."""
    undelivered: list[str] = []
    token = _undelivered.set(undelivered)
    try:
        yield undelivered
    finally:
        _undelivered.reset(token)


def _send(subject: str, body: str, recipients: list[str]) -> None:
    try:
        send_mail(subject, body, None, recipients)
    except Exception:  # any backend's error: the move is saved, only the email is lost
        logger.exception("Could not send “%s” to %s", subject, ", ".join(recipients))
        undelivered = _undelivered.get()
        if undelivered is not None:
            undelivered.extend(recipients)


def desk_link(article) -> str:
    return settings.SITE_URL + reverse("admin:articles_article_change", args=[article.pk])


def name(user) -> str:
    return display_name(user)


def reviewers(article) -> list[str]:
    """The named reviewer, or the whole review desk when the writer named nobody."""
    users = [article.reviewer] if article.reviewer is not None else permissions.reviewers()
    return sorted({user.email for user in users if user.is_active and user.email})


def _subject(move, article) -> str:
    return f"{capfirst(move.past)}: {article.headline}"


# A writer who withdraws and submits again (and again) asks the desk once in this time: the
# review desk is not emailed for every round trip.
REVIEW_REQUEST_QUIET = timedelta(minutes=30)


def asked_recently(article, move) -> bool:
    """The article was already submitted (this move) within `REVIEW_REQUEST_QUIET`, before
    the submission being told now (its event is written before the email goes)."""
    since = timezone.now() - REVIEW_REQUEST_QUIET
    return article.events.filter(action=move.name, at__gte=since).count() > 1


def review_requested(article, *, move, by, note="") -> None:
    recipients = reviewers(article)
    if not recipients or asked_recently(article, move):
        return
    # A live article's pending changes (`workflow.submit_changes`), or the article itself.
    what = "the unpublished changes to " if article.changes_in_review else ""
    deadline = (
        f"It is needed by {timezone.localtime(article.review_deadline):%A %d %B, %H:%M}.\n"
        if article.review_deadline
        else ""
    )
    _send(
        _subject(move, article),
        f"{name(by)} asks you to review {what}“{article.headline}”.\n{deadline}\n"
        f"Open it on the desk: {desk_link(article)}\n",
        recipients,
    )


def changes_requested(article, *, move, by, note) -> None:
    writer = article.created_by
    if writer is None or not writer.is_active or not writer.email:
        return
    _send(
        _subject(move, article),
        f"{name(by)} sent “{article.headline}” back to you with this note:\n\n{note}\n\n"
        f"Open it on the desk: {desk_link(article)}\n",
        [writer.email],
    )


def writer_told(article, *, move, by, note="") -> None:
    """The writer hears when their article is scheduled, published or its changes go live
    (not when they did it themselves)."""
    writer = article.created_by
    if writer is None or not writer.is_active or not writer.email or writer == by:
        return
    when = timezone.localtime(article.published_at)
    if article.published_at > timezone.now():
        status = f"It goes live {when:%A %d %B, %H:%M}."
    else:
        status = f"It is live: {settings.SITE_URL}{article.get_absolute_url()}"
    _send(
        _subject(move, article),
        f"{name(by)}: {move.past} “{article.headline}”.\n{status}\n\n"
        f"Open it on the desk: {desk_link(article)}\n",
        [writer.email],
    )
