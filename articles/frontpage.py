"""The front page: the editors' picks (`FrontPageSlot`) first, then the newest articles.

`front_page(length)` is what the home page shows, in one query; `record_change` writes a
change of the picks into the article's history (its `ArticleEvent` timeline), the one record
of who did what to an article.
"""

from dataclasses import dataclass, field

from django.db.models import Case, F, OuterRef, Q, Subquery, TextField, Value, When
from django.db.models.expressions import RawSQL
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext

from .models import Article, ArticleEvent, FrontPageSlot
from .models.frontpage import Position
from .prepared import Prepared

# The action an `ArticleEvent` for a change of the picks carries (no status changes).
ACTION = "front_page"


@dataclass
class FrontPage:
    """Reader rows (`FRONT_FIELDS`): the lead, the top stories, the latest."""

    lead: tuple | None = None
    top: list[tuple] = field(default_factory=list)
    latest: list[tuple] = field(default_factory=list)


# "lead": the stored lead block, read only for the rows that can be the lead (`_candidates`).
FRONT_FIELDS = ("pk", "changes", "rendered_as", "teaser_html", "rendered_tags", "lead")


def _candidates(now, length):
    """The lead story, the top stories and `length` latest articles, none twice.

    Only published articles (`published()`) with a pick in force (`active()`) take a place;
    an empty or expired lead place goes to the newest article that is not a top story. One
    query: the newest `length + 1` public articles (found through the publication-date
    index, as before there were picks) and the picked ones, each carrying its place.
    """
    public = Article.objects.published(now=now)
    # The candidates: the newest few (read newest first along the date index and stopped;
    # room for the picks among them) and the picked ones, joined with UNION. An OR of the two
    # in one filter made PostgreSQL test every article of the archive (1 s at 100,000).
    newest = public.order_by("-published_at", "-pk").values("pk")[: length + 1 + len(Position)]
    chosen = FrontPageSlot.objects.active(now=now).values("article")
    newest_sql, newest_params = newest.query.sql_with_params()
    chosen_sql, chosen_params = chosen.query.sql_with_params()
    candidates = RawSQL(
        f"SELECT * FROM ({newest_sql}) AS newest UNION SELECT * FROM ({chosen_sql}) AS chosen",
        (*newest_params, *chosen_params),
    )
    picks = FrontPageSlot.objects.active(now=now).filter(article=OuterRef("pk"))
    # The lead is the lead pick, or else the newest article not picked: one of the newest
    # `len(Position) + 1`. Only those carry their lead block (2 KB each, a third of the
    # query's time on PostgreSQL when all 25 did).
    may_lead = Q(place=Position.LEAD) | Q(pk__in=newest[: len(Position) + 1])
    return (
        public.annotate(place=Subquery(picks.values("position")[:1]))
        .annotate(
            lead=Case(
                When(may_lead, then=F("lead_html")), default=Value(""), output_field=TextField()
            )
        )
        .filter(pk__in=candidates)
        .order_by("-published_at", "-pk")
        .values_list(*FRONT_FIELDS, "place")
    )


_queries = {}  # one prepared query per length


def front_page(length: int) -> FrontPage:
    """What the home page shows (`_candidates`), as reader rows: `FRONT_FIELDS`."""
    query = _queries.get(length)
    if query is None:
        query = _queries[length] = Prepared(lambda now: _candidates(now, length))
    rows = query(now=timezone.now())
    page = FrontPage()
    unpicked = [row[:-1] for row in rows if row[-1] is None]
    by_place = {row[-1]: row[:-1] for row in rows if row[-1] is not None}
    page.lead = by_place.pop(Position.LEAD, None) or (unpicked.pop(0) if unpicked else None)
    page.top = [by_place[place] for place in sorted(by_place)]
    page.latest = unpicked[:length]
    return page


def describe(slot: FrontPageSlot) -> str:
    until = slot.expires_at
    if until is None:
        return gettext("%(place)s on the front page") % {"place": slot.get_position_display()}
    return gettext("%(place)s on the front page until %(until)s") % {
        "place": slot.get_position_display(),
        "until": date_format(timezone.localtime(until), "SHORT_DATETIME_FORMAT"),
    }


def record_change(article: Article, *, by, note: str) -> ArticleEvent:
    """One line in `article`'s history: its place on the front page changed (no move, so
    the status stays what it is)."""
    return ArticleEvent.objects.create(
        article=article,
        actor=by,
        action=ACTION,
        from_status=article.status,
        to_status=article.status,
        note=note,
    )
