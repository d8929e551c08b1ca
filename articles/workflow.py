"""Every change of an article's status goes through a function here, and `MOVES` is the one
table of those moves.

    Draft → In review → Changes requested → Draft / In review → Scheduled → Published
    → Unpublished; Archived is the end. A writer may withdraw their article from review.

A published or scheduled article keeps its state while its edits wait as pending changes
(`articles.revisions`): "Publish changes" makes them live; a writer who may not publish
submits them for review, and the editor publishes them or sends them back. These moves
change no status (`Move.target` is None) and need pending changes (`Move.when`).

Each `Move` says where it may start, where it ends, who may make it (a rule in
`articles.permissions`), and the words people see: the button, the message once it is done,
the question asked before an irreversible or public move, and how the timeline and the
emails name it. The admin's buttons and bulk actions, the timeline and the notifications all
read those words here, so they cannot drift apart.

Admin buttons, admin actions and management commands call the functions; nothing else writes
`Article.status`. Each function locks the article's row, checks its current state and the
user's permission, records an `ArticleEvent` (naming the move) and runs in one transaction;
when the move is not allowed it raises `TransitionError` and changes nothing.

A scheduled article goes live at its time with no job to flip it (`Article.objects.published()`
compares with now); for the moves below a scheduled article whose time has come counts as
published (`Article.is_published`).
"""

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from datetime import datetime
from types import MappingProxyType

from django.db import transaction
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from . import notifications, permissions, revisions
from .models import Article, ArticleEvent, Status
from .models.articles import LIVE_STATUSES
from .people import display_name


@dataclass(frozen=True)
class Move:
    """One workflow move. Its words are lazily translated; `done` and `confirm` take the
    article as `{article}`."""

    name: str
    sources: frozenset[Status]
    target: Status | None  # None: the article stays in its state (pending-changes moves)
    function: Callable[..., Article]
    # Who may make it: a rule of `articles.permissions`, called as permitted(user, article).
    permitted: Callable
    label: Promise  # the button
    past: Promise  # "submitted for review": the timeline, emails and refusals
    done: Promise  # the message once it is done, from a button or a bulk action
    confirm: Promise | str = ""  # asked before the move is made; empty: no question
    # The button's wording when the move starts from a particular state.
    labels: Mapping[Status, Promise] = field(default_factory=lambda: MappingProxyType({}))
    bulk: Promise | str = ""  # the bulk action's name in the article list; empty: none
    # Told after commit: notify(article, move=…, by=…, note=…).
    notify: Callable | None = None
    # What else must hold, beyond the state: when(article) -> bool (e.g. pending changes).
    when: Callable[[Article], bool] | None = None
    # The button's wording while the article's pending changes are in review.
    review_label: Promise | str = ""

    def label_for(self, article: Article) -> str:
        if self.review_label and article.changes_in_review:
            return str(self.review_label)
        return str(self.labels.get(state(article), self.label))

    def applies_to(self, article: Article) -> bool:
        """Whether the move can start from where `article` is (its state, and `when`)."""
        return state(article) in self.sources and (self.when is None or self.when(article))

    def done_message(self, article: Article) -> str:
        return str(self.done).format(article=article)

    def confirm_message(self, article: Article) -> str:
        return str(self.confirm).format(article=article)


class TransitionError(Exception):
    """The move is not allowed: wrong state, no permission or bad input. Nothing changed."""


def state(article: Article) -> Status:
    """The article's state as the desk sees it: a scheduled article whose time has come is
    published."""
    return Status.PUBLISHED if article.is_published else Status(article.status)


def may(user, move: Move, article: Article) -> bool:
    """Whether `user` may make `move` on `article`, whatever its state. `user` None is the
    system itself (a management command such as `seed_demo`), never a web request."""
    return user is None or move.permitted(user, article)


def allowed(article: Article, user, name: str) -> bool:
    """Whether `user` may make the move called `name` on `article` now (the admin's buttons)."""
    move = MOVES[name]
    return move.applies_to(article) and may(user, move, article)


def available(article: Article, user) -> list[Move]:
    return [move for move in MOVES.values() if allowed(article, user, move.name)]


def expect(article: Article, drawn_for: str) -> None:
    """Refuse, changing nothing, unless `article` (its row locked) is still in the state the
    button was drawn for: "Approve & publish" clicked on an article the writer withdrew
    meanwhile must not publish the withdrawn draft. Call inside the move's transaction."""
    current = state(Article.objects.select_for_update().get(pk=article.pk))
    if current.value != drawn_for:
        was = Status(drawn_for).label.lower() if drawn_for in Status.values else drawn_for
        raise TransitionError(
            _(
                "“%(article)s” changed while your page was open: it is %(state)s now, not "
                "%(was)s. Look at it again before you decide."
            )
            % {"article": article, "state": current.label.lower(), "was": was[:40]}
        )


def _begin(article: Article, user, name: str) -> tuple[Article, Status]:
    """Lock the row, then refuse unless the move is allowed from the state found there."""
    move = MOVES[name]
    locked = Article.objects.select_for_update().get(pk=article.pk)
    current = state(locked)
    if not may(user, move, locked):
        raise TransitionError(
            _("“%(move)s” is not open to you on “%(article)s”.")
            % {"move": move.label_for(locked), "article": locked}
        )
    if current in move.sources and not move.applies_to(locked):
        raise TransitionError(
            _("“%(article)s” has no unpublished changes to be %(past)s.")
            % {"article": locked, "past": move.past}
            if not locked.has_pending_changes
            else _("“%(move)s” does not apply to “%(article)s” now.")
            % {"move": move.label_for(locked), "article": locked}
        )
    if current not in move.sources and move.target is None:  # a pending-changes move
        raise TransitionError(
            _("“%(article)s” is %(state)s: “%(move)s” is for a published or scheduled article.")
            % {"article": locked, "state": current.label.lower(), "move": move.label_for(locked)}
        )
    if current not in move.sources:
        raise TransitionError(
            _("“%(article)s” is %(state)s: it cannot be %(past)s from that state.")
            % {"article": locked, "state": current.label.lower(), "past": move.past}
        )
    return locked, current


def _finish(article, current, by, name, *, note="", fields=()) -> Article:
    move = MOVES[name]
    if move.target is not None:
        if move.target in LIVE_STATUSES and article.status not in LIVE_STATUSES:
            # Going public: the newest save is what readers get (the history's marker).
            article.live_revision = revisions.last_revision(article)
            fields = [*fields, "live_revision"]
        article.status = move.target
    if article.has_pending_changes and article.status not in LIVE_STATUSES:
        # Off the site (or the schedule): nothing to keep apart from readers any more, so
        # the pending version becomes the article's text, to go on working on.
        try:
            revisions.publish_pending(article)
        except revisions.RestoreError as error:
            raise TransitionError(
                _("Its unpublished changes are no longer valid (%(why)s): discard them first.")
                % {"why": error}
            ) from error
        revisions.record(article, by=by, comment=str(_("Unpublished changes kept as the text")))
        fields = [*fields, "pending_revision", "live_revision", "changes_in_review"]
    article.save(update_fields=["status", "updated_at", *fields])
    ArticleEvent.objects.create(
        article=article,
        actor=by,
        action=name,
        from_status=current,
        to_status=article.status,
        note=note,
    )
    if move.notify is not None:
        transaction.on_commit(lambda: move.notify(article, move=move, by=by, note=note))
    return article


def _when(moment: datetime) -> str:
    return date_format(timezone.localtime(moment), "SHORT_DATETIME_FORMAT")


@transaction.atomic
def submit(article: Article, *, by, reviewer=None, deadline: datetime | None = None) -> Article:
    """Send the article to review, to `reviewer` (any editor when None) by `deadline`."""
    article, current = _begin(article, by, "submit")
    note = _review_request(article, reviewer, deadline)
    return _finish(
        article, current, by, "submit", note=note, fields=["reviewer", "review_deadline"]
    )


def _review_request(article, reviewer, deadline) -> str:
    """Set who reviews by when (refusing a non-reviewer or a past deadline); the note."""
    if reviewer is not None and not permissions.reviewers().filter(pk=reviewer.pk).exists():
        raise TransitionError(_("%(who)s cannot review articles.") % {"who": reviewer})
    if deadline is not None and deadline <= timezone.now():
        raise TransitionError(_("The review deadline must be in the future."))
    article.reviewer, article.review_deadline = reviewer, deadline
    who = display_name(reviewer) if reviewer else "any editor"
    return f"Reviewer: {who}" + (f", by {_when(deadline)}" if deadline else "")


@transaction.atomic
def withdraw(article: Article, *, by, note: str = "") -> Article:
    """The writer takes their article back out of review to keep working on it."""
    article, current = _begin(article, by, "withdraw")
    return _finish(article, current, by, "withdraw", note=note.strip())


@transaction.atomic
def request_changes(article: Article, *, by, note: str) -> Article:
    """Send the article back to its writer with a note saying what to change."""
    note = (note or "").strip()
    if not note:
        raise TransitionError(_("Say what needs to change: the note is required."))
    article, current = _begin(article, by, "request_changes")
    return _finish(article, current, by, "request_changes", note=note)


@transaction.atomic
def return_to_draft(article: Article, *, by, note: str = "") -> Article:
    """Back to a draft, by an editor: put aside while changes are requested, taken off the
    schedule, or back from Unpublished."""
    article, current = _begin(article, by, "return_to_draft")
    return _finish(article, current, by, "return_to_draft", note=note.strip())


@transaction.atomic
def publish(article: Article, *, by, at: datetime | None = None, note: str = "") -> Article:
    """Approve and put the article live now (or dated `at` in the past, e.g. imported).

    An article that was live before (unpublished, perhaps put back to a draft since) keeps
    its first publication time, and the page says when it was updated: a correction never
    predates the publication."""
    article, current = _begin(article, by, "publish")
    now = timezone.now()
    if at is not None and at > now:
        raise TransitionError(_("That time is in the future: schedule the article instead."))
    if at is None and was_live(article):
        article.revised_at = now
    else:
        article.published_at = at or now
    return _finish(
        article,
        current,
        by,
        "publish",
        note=note.strip(),
        fields=["published_at", "revised_at"],
    )


def was_live(article: Article) -> bool:
    """Readers have seen it: it was published (or went live on schedule, then unpublished)."""
    return (
        article.published_at is not None
        and article.published_at <= timezone.now()
        and article.events.filter(action__in=["publish", "unpublish"]).exists()
    )


def _has_pending(article: Article) -> bool:
    return article.has_pending_changes and not article.changes_in_review


def _pending_in_review(article: Article) -> bool:
    return article.has_pending_changes and article.changes_in_review


@transaction.atomic
def submit_changes(
    article: Article, *, by, reviewer=None, deadline: datetime | None = None
) -> Article:
    """Send the pending changes of a live article to review; the live page stays as it is."""
    article, current = _begin(article, by, "submit_changes")
    note = _review_request(article, reviewer, deadline)
    article.changes_in_review = True
    return _finish(
        article,
        current,
        by,
        "submit_changes",
        note=note,
        fields=["reviewer", "review_deadline", "changes_in_review"],
    )


@transaction.atomic
def publish_changes(article: Article, *, by, note: str = "") -> Article:
    """Make the pending changes live, in one transaction: the public page, feeds, sitemap and
    search show them from now on, and the page says it was updated (once it is live)."""
    article, current = _begin(article, by, "publish_changes")
    try:
        revisions.publish_pending(article)
    except revisions.RestoreError as error:
        raise TransitionError(
            _("The changes cannot be published as they are: %(why)s") % {"why": error}
        ) from error
    fields = ["pending_revision", "live_revision", "changes_in_review"]
    if current == Status.PUBLISHED:
        article.revised_at = timezone.now()
        fields.append("revised_at")
    return _finish(article, current, by, "publish_changes", note=note.strip(), fields=fields)


@transaction.atomic
def send_back_changes(article: Article, *, by, note: str) -> Article:
    """The reviewer returns a live article's pending changes to the writer, with a note."""
    note = (note or "").strip()
    if not note:
        raise TransitionError(_("Say what needs to change: the note is required."))
    article, current = _begin(article, by, "send_back_changes")
    article.changes_in_review = False
    return _finish(
        article, current, by, "send_back_changes", note=note, fields=["changes_in_review"]
    )


@transaction.atomic
def discard_changes(article: Article, *, by, note: str = "") -> Article:
    """Throw the pending changes away: the live version stays; the history keeps them."""
    article, current = _begin(article, by, "discard_changes")
    article.pending_revision, article.changes_in_review = None, False
    return _finish(
        article,
        current,
        by,
        "discard_changes",
        note=note.strip(),
        fields=["pending_revision", "changes_in_review"],
    )


@transaction.atomic
def schedule(article: Article, *, by, at: datetime, note: str = "") -> Article:
    """Approve the article to go live by itself at `at` (an embargo)."""
    if at is None or at <= timezone.now():
        raise TransitionError(_("Choose a time in the future, or publish now."))
    article, current = _begin(article, by, "schedule")
    article.published_at = at
    note = note.strip() or f"Goes live {_when(at)}"
    return _finish(article, current, by, "schedule", note=note, fields=["published_at"])


@transaction.atomic
def unpublish(article: Article, *, by, note: str = "") -> Article:
    """Take a published article off every public page, feed and sitemap at once.

    A scheduled article that is not live yet is taken off the schedule with
    `return_to_draft` instead."""
    article, current = _begin(article, by, "unpublish")
    return _finish(article, current, by, "unpublish", note=note.strip())


@transaction.atomic
def archive(article: Article, *, by, note: str = "") -> Article:
    """The end: kept with its history, never shown, no further moves."""
    article, current = _begin(article, by, "archive")
    return _finish(article, current, by, "archive", note=note.strip())


D, R, C, S, P, U = (
    Status.DRAFT,
    Status.IN_REVIEW,
    Status.CHANGES_REQUESTED,
    Status.SCHEDULED,
    Status.PUBLISHED,
    Status.UNPUBLISHED,
)

# In the order the desk offers them.
MOVES: Mapping[str, Move] = MappingProxyType(
    {
        move.name: move
        for move in [
            Move(
                name="submit",
                sources=frozenset({D, C}),
                target=R,
                function=submit,
                permitted=permissions.can_edit,
                label=_("Submit for review"),
                past=_("submitted for review"),
                done=_("Submitted “{article}” for review."),
                notify=notifications.review_requested,
            ),
            Move(
                name="withdraw",
                sources=frozenset({R}),
                target=D,
                function=withdraw,
                permitted=permissions.can_withdraw,
                label=_("Withdraw from review"),
                past=_("withdrawn from review"),
                done=_("Withdrew “{article}” from review: it is a draft again."),
            ),
            Move(
                name="request_changes",
                sources=frozenset({R}),
                target=C,
                function=request_changes,
                permitted=permissions.can_review,
                label=_("Request changes"),
                past=_("sent back for changes"),
                done=_("Sent “{article}” back to the writer."),
                notify=notifications.changes_requested,
            ),
            Move(
                name="return_to_draft",
                sources=frozenset({C, S, U}),
                target=D,
                function=return_to_draft,
                permitted=permissions.can_put_aside,
                label=_("Back to draft"),
                labels=MappingProxyType({S: _("Take off the schedule")}),
                past=_("returned to draft"),
                done=_("“{article}” is a draft again."),
            ),
            Move(
                name="publish",
                sources=frozenset({D, R, C, S, U}),
                target=P,
                function=publish,
                permitted=permissions.can_publish,
                label=_("Publish now"),
                labels=MappingProxyType({R: _("Approve & publish")}),
                past=_("published"),
                done=_("Published “{article}”."),
                confirm=_(
                    "Publish “{article}” now? It appears on the site, in feeds and in the "
                    "sitemap at once."
                ),
                bulk=_("Publish selected articles now"),
                notify=notifications.writer_told,
            ),
            Move(
                name="schedule",
                sources=frozenset({D, R, C, S, U}),
                target=S,
                function=schedule,
                permitted=permissions.can_publish,
                label=_("Schedule"),
                labels=MappingProxyType({S: _("Reschedule")}),
                past=_("scheduled"),
                done=_("Scheduled “{article}”."),
                notify=notifications.writer_told,
            ),
            Move(
                name="unpublish",
                sources=frozenset({P}),
                target=U,
                function=unpublish,
                permitted=permissions.can_publish,
                label=_("Unpublish"),
                past=_("unpublished"),
                done=_("Unpublished “{article}”: it is off the site, feeds and sitemap."),
                confirm=_("Take “{article}” off the site, feeds and sitemap now?"),
                bulk=_("Unpublish selected articles"),
            ),
            Move(
                name="archive",
                sources=frozenset({D, C, U}),
                target=Status.ARCHIVED,
                function=archive,
                permitted=permissions.can_publish,
                label=_("Archive"),
                past=_("archived"),
                done=_("Archived “{article}”."),
                confirm=_(
                    "Archive “{article}”? An archived article is kept with its history but "
                    "can never be published or moved again."
                ),
            ),
            Move(
                name="submit_changes",
                sources=frozenset({S, P}),
                target=None,
                function=submit_changes,
                permitted=permissions.can_submit_changes,
                when=_has_pending,
                label=_("Submit changes for review"),
                past=_("changes submitted for review"),
                done=_(
                    "Submitted the changes to “{article}” for review: the live page is unchanged."
                ),
                notify=notifications.review_requested,
            ),
            Move(
                name="publish_changes",
                sources=frozenset({S, P}),
                target=None,
                function=publish_changes,
                permitted=permissions.can_publish_changes,
                when=lambda article: article.has_pending_changes,
                label=_("Publish changes"),
                review_label=_("Approve & publish changes"),
                past=_("changes published"),
                done=_("Published the changes to “{article}”."),
                confirm=_(
                    "Publish the changes to “{article}”? The article page, feeds, sitemap and "
                    "search show them at once (a scheduled article goes live with them)."
                ),
                notify=notifications.writer_told,
            ),
            Move(
                name="send_back_changes",
                sources=frozenset({S, P}),
                target=None,
                function=send_back_changes,
                permitted=permissions.can_review,
                when=_pending_in_review,
                label=_("Send changes back"),
                past=_("changes sent back"),
                done=_("Sent the changes to “{article}” back to the writer."),
                notify=notifications.changes_requested,
            ),
            Move(
                name="discard_changes",
                sources=frozenset({S, P}),
                target=None,
                function=discard_changes,
                permitted=permissions.can_edit,
                when=lambda article: article.has_pending_changes,
                label=_("Discard changes"),
                past=_("changes discarded"),
                done=_("Discarded the unpublished changes to “{article}”: the live version stays."),
                confirm=_(
                    "Throw away the unpublished changes to “{article}”? The live version stays "
                    "as it is; the changes stay in the history."
                ),
            ),
        ]
    }
)
