"""The desk home: what awaits each person, in place of the admin's bare model index.

`desk_lists(request)` builds the lists a user sees; which lists follows
`articles.permissions` alone (`can_review`, `can_write`, `can_view_articles`), and every
list starts from `permissions.visible_articles`, so a writer never sees another writer's
drafts here. Each list is one bounded query (`LIST_LENGTH` rows); "Awaiting my review"
adds one count. Rendered by `templates/admin/index.html` through the `desk_home` tag.
"""

from dataclasses import dataclass, field
from datetime import timedelta

from django.db.models import F, Max, Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from .. import permissions
from ..models import Status

LIST_LENGTH = 10
RECENT_HOURS = 24  # "Scheduled (next 24 h)"


@dataclass
class DeskList:
    key: str
    title: str
    rows: list
    empty: str
    count: int | None = None  # the whole count, when the list shows only the first rows
    more_url: str = ""  # the same articles in the article list
    when: str = "deadline"  # which time each row shows: "deadline", "published", "edited"
    overdue: set = field(default_factory=set)


def _articles(user):
    return (
        permissions.visible_articles(user)
        .select_related("created_by", "reviewer")
        .only(
            "headline",
            "status",
            "published_at",
            "updated_at",
            "review_deadline",
            "created_by__first_name",
            "created_by__last_name",
            "created_by__username",
            "reviewer__first_name",
            "reviewer__last_name",
            "reviewer__username",
            "trashed_at",
        )
    )


def awaiting_review(user):
    """In review (a draft, or a live article's changes) and sent to `user`, or to any
    editor (`user` reviews): the review queue's rule (`review.ReviewQueueFilter`)."""
    mine = Q(reviewer=user) | Q(reviewer__isnull=True)
    return _articles(user).awaiting_review().filter(mine)


def _changelist(**query) -> str:
    url = reverse("admin:articles_article_changelist")
    return url + "?" + "&".join(f"{key}={value}" for key, value in query.items())


def desk_lists(request) -> list[DeskList]:
    user, now = request.user, timezone.now()
    lists = []
    if permissions.can_review(user):
        queue = awaiting_review(user).order_by(
            F("review_deadline").asc(nulls_last=True), "updated_at"
        )
        rows = list(queue[:LIST_LENGTH])
        lists.append(
            DeskList(
                "review",
                _("Awaiting my review"),
                rows,
                _("Nothing awaits your review."),
                count=queue.count() if len(rows) == LIST_LENGTH else len(rows),
                more_url=_changelist(review="mine"),
                overdue={a.pk for a in rows if a.review_deadline and a.review_deadline < now},
            )
        )
    if permissions.can_write(user):
        own = _articles(user).filter(created_by=user)
        lists.append(
            DeskList(
                "sent_back",
                _("Sent back to me"),
                list(
                    own.filter(status=Status.CHANGES_REQUESTED).order_by("-updated_at")[
                        :LIST_LENGTH
                    ]
                ),
                _("Nothing has been sent back to you."),
                more_url=_changelist(mine="1", status=Status.CHANGES_REQUESTED),
                when="edited",
            )
        )
        lists.append(
            DeskList(
                "drafts",
                _("My drafts"),
                list(own.filter(status=Status.DRAFT).order_by("-updated_at")[:LIST_LENGTH]),
                _("You have no drafts."),
                more_url=_changelist(mine="1", status=Status.DRAFT),
                when="edited",
            )
        )
    if permissions.can_view_articles(user):
        articles = _articles(user)
        # Scheduled by the one rule of the desk's states (`in_state`: not yet public).
        soon = (
            articles.in_state(Status.SCHEDULED)
            .filter(published_at__lte=now + timedelta(hours=RECENT_HOURS))
            .order_by("published_at")
        )
        lists.append(
            DeskList(
                "scheduled",
                _("Scheduled (next 24 h)"),
                list(soon[:LIST_LENGTH]),
                _("Nothing is scheduled for the next 24 hours."),
                more_url=_changelist(status=Status.SCHEDULED),
                when="published",
            )
        )
        midnight = timezone.localtime(now).replace(hour=0, minute=0, second=0, microsecond=0)
        today = (
            articles.published().filter(published_at__gte=midnight).order_by("-published_at", "-pk")
        )
        lists.append(
            DeskList(
                "published_today",
                _("Published today"),
                list(today[:LIST_LENGTH]),
                _("Nothing has been published today yet."),
                more_url=_changelist(status=Status.PUBLISHED),
                when="published",
            )
        )
        edited = (
            articles.filter(revisions__created_by=user)
            .annotate(last_edit=Max("revisions__created_at"))
            .order_by("-last_edit", "-pk")
        )
        lists.append(
            DeskList(
                "recent",
                _("Recently edited by me"),
                list(edited[:LIST_LENGTH]),
                _("You have not edited an article yet."),
                when="edited",
            )
        )
    return lists


def shortcuts(request) -> list[tuple[str, str]]:
    """The desk's first steps for this user, as (label, url)."""
    user, links = request.user, []
    if permissions.can_write(user):
        links.append((_("Write an article"), reverse("admin:articles_article_add")))
    if permissions.can_view_articles(user):
        links.append((_("All articles"), reverse("admin:articles_article_changelist")))
    if permissions.can_choose_front_page(user):
        links.append((_("Front page"), reverse("admin:articles_frontpageslot_changelist")))
    if permissions.can_upload(user):
        links.append((_("Upload pictures"), reverse("desk:image_upload")))
    return links
