"""What the reader pages read, in as few and as cheap queries as they can: each a prepared
query (`articles.prepared`, compiled once per process) of the articles' stored parts
(`articles.fragments`), narrowed by the one rule of what is public
(`Article.objects.published()`).

Rows come back as plain tuples and small records (`Listed`, `Linked`), not model objects:
the pages show stored HTML and a few columns, and building a hundred model instances per
page was a fifth of its time.

Each query is a round trip, which on PostgreSQL under load costs more than its CPU: a short
list rides along as a JSON column of a row the page reads anyway (`JSONRows`: the home
page's rails on the menu's rows, an article's curated related links on its row), and a
page's query of one row brings the menu (`WithMenu`: article, author, topic). A long one (a
page of teasers, 34 KB) is its own query: aggregating it cost PostgreSQL more than the round
trip.
"""

from dataclasses import dataclass

from django.db import DEFAULT_DB_ALIAS
from django.db.models import DateTimeField, OuterRef, Subquery, Value
from django.utils import timezone
from django.utils.safestring import SafeString, mark_safe

from . import caching, fragments
from .addresses import slug_url
from .models import Article, Author, ImageAsset, Section, Topic
from .prepared import JSONRows, Prepared

STORED = ("pk", "changes", "rendered_as")  # first in every row (`fragments.current`)
TEASER = ("teaser_html", "rendered_tags")


@dataclass(slots=True)
class Listed:
    """One article in a listing: its teaser (kicker filled in) and the cache tags of what
    it shows."""

    pk: int
    html: SafeString
    cache_tags: frozenset

    def __html__(self):
        return self.html

    def __str__(self):
        return self.html


@dataclass(slots=True)
class Linked:
    """An article named by a link: a rail's entry, a related article."""

    pk: int
    headline: str
    url: str
    published_at: object
    section: Section

    def get_absolute_url(self):
        return self.url


def linked(rows, sections_by_pk=None) -> list[Linked]:
    """Rows of `related.LINK` (pk, headline, slug, published_at, section's id, name, slug),
    with the menu's section objects when given."""
    sections_by_pk = sections_by_pk or {}
    links = []
    for pk, headline, slug, published_at, section, name, section_slug in rows:
        shown = sections_by_pk.get(section) or Section(id=section, name=name, slug=section_slug)
        links.append(Linked(pk, headline, slug_url("articles:detail", slug), published_at, shown))
    return links


# ---------------------------------------------------------------------------------------
# Sections: the menu of every page, and each kicker

SECTION = ("pk", "name", "slug", "position")
MENU_ORDER = ("position", "name")  # Section's own ordering
RAIL = ("pk", "headline", "slug", "published_at")  # a rail's entry (`Linked`)
LATEST = ("-published_at", "-created_at")  # every list's order, newest first


def reading_at(request) -> tuple:
    """(the moment a reader page reads the archive as of, whether the page's own query
    finds its bound): the moment the middleware began the request (`caching.page_started`),
    from which the next scheduled publication bounds how long the page may be kept; a
    shared cache keeps that answer (`caching.next_scheduled`), so the query need not."""
    started = caching.page_started(request) if request is not None else None
    bound = started is not None and not caching.shared_cache()
    return (caching.aware(started) if started is not None else timezone.now()), bound


def _menu(*, bound, rails):
    """The menu's sections, with the next scheduled publication after `now` on every row
    (`bound`: the page's bound in the menu's query, not a query of its own,
    `caching.scheduled_after`) and each section's latest `rails` public articles."""

    def build(now=None):
        found, extra = Section.objects.all(), []
        if bound:
            due = caching.scheduled_after(now).values("published_at")[:1]
            found, extra = found.annotate(next_due=Subquery(due)), [*extra, "next_due"]
        if rails:
            latest = Article.objects.published(now=now).filter(section=OuterRef("pk"))
            latest = latest.order_by(*LATEST).values(*RAIL, "created_at")[:rails]
            found = found.annotate(rail=JSONRows(latest, RAIL, LATEST))
            extra = [*extra, "rail"]
        return found.values_list(*SECTION, *extra)

    return Prepared(build)


_menus = {}  # (bound, rail length) -> Prepared


def sections(request=None, *, rails=0) -> list[Section]:
    """The menu's sections. For a reader page (`request`) whose bound the shared cache does
    not keep, the same query also finds when the next scheduled article goes live; with
    `rails`, each section carries its latest `rails` public articles as `rail` (`Linked`),
    from the same query."""
    now, bound = reading_at(request)
    query = _menus.get((bound, rails))
    if query is None:
        query = _menus[(bound, rails)] = _menu(bound=bound, rails=rails)
    rows = query(now=now) if bound or rails else query()
    if bound and rows:
        caching.found_next_scheduled(request, rows[0][len(SECTION)])
    found = []
    for row in rows:
        pk, name, slug, position = row[: len(SECTION)]
        section = Section(id=pk, name=name, slug=slug, position=position)
        if rails:
            section.rail = _rail(row[-1], section)
        found.append(section)
    return found


class WithMenu:
    """A reader page's query of one row (an article, an author, a topic, found by its
    slug) that brings the menu along: the sections as a column (`JSONRows`) and, when the
    page finds its bound itself (`reading_at`), the next scheduled publication as another,
    so the page needs no query for them.

    `build(**values)` gives the row's queryset (`build(now=…, **values)` if `timed`: a
    queryset of what is public at that moment), `columns()` the names it reads. One
    prepared query for pages that find their bound and one for those that do not."""

    def __init__(self, build, columns, *, timed=False):
        self.build, self.columns, self.timed = build, columns, timed
        self.queries = {}

    def __call__(self, request, **values) -> tuple:
        """(the row's `columns()`, the menu's sections), or (None, None): no such row."""
        now, bound = reading_at(request)
        query = self.queries.get(bound)
        if query is None:
            query = self.queries[bound] = Prepared(self._row(bound))
        rows = query(now=now, **values) if bound or self.timed else query(**values)
        if not rows:
            return None, None
        *row, menu, next_due = rows[0]
        if bound:
            caching.found_next_scheduled(request, next_due)
        menu = [
            Section(id=pk, name=name, slug=slug, position=position)
            for pk, name, slug, position in JSONRows.rows(menu)
        ]
        return row, menu

    def _row(self, bound):
        def build(now=None, **values):
            sections = Section.objects.order_by(*MENU_ORDER).values(*SECTION)
            if bound:
                due = Subquery(caching.scheduled_after(now).values("published_at")[:1])
            else:
                due = Value(None, output_field=DateTimeField())
            found = self.build(now=now, **values) if self.timed else self.build(**values)
            return found.annotate(
                menu=JSONRows(sections, SECTION, MENU_ORDER), next_due=due
            ).values_list(*self.columns(), "menu", "next_due")

        return build


# ---------------------------------------------------------------------------------------
# An author (with their photo) or a topic, with the menu


def _columns(model):
    return [field.attname for field in model._meta.concrete_fields]


def _author_columns():
    return [*_columns(Author), *(f"photo__{name}" for name in _columns(ImageAsset))]


_author = WithMenu(lambda slug: Author.objects.filter(slug=slug), _author_columns)
_topic = WithMenu(lambda slug: Topic.objects.filter(slug=slug), lambda: _columns(Topic))


def author(request, slug) -> tuple:
    """(the author with this slug, their photo loaded, or None; the menu): one query."""
    row, menu = _author(request, slug=slug)
    if row is None:
        return None, None
    names = _columns(Author)
    found = Author.from_db(DEFAULT_DB_ALIAS, names, row[: len(names)])
    photo = None  # (assigning None would clear `photo_id` too)
    if found.photo_id is not None:
        photo = ImageAsset.from_db(DEFAULT_DB_ALIAS, _columns(ImageAsset), row[len(names) :])
    found.photo = photo
    return found, menu


def topic(request, slug) -> tuple:
    """(the topic with this slug or None, the menu): one query."""
    row, menu = _topic(request, slug=slug)
    if row is None:
        return None, None
    return Topic.from_db(DEFAULT_DB_ALIAS, _columns(Topic), row), menu


def _rail(value, section) -> list[Linked]:
    """A section's `rail` column (`RAIL` rows, newest first) as links."""
    return [
        Linked(pk, headline, slug_url("articles:detail", slug), published_at, section)
        for pk, headline, slug, published_at in JSONRows.rows(value, moments=(3,))
    ]


# ---------------------------------------------------------------------------------------
# Teasers


def listed(pk, html, tags, kickers, *, show_section=True) -> Listed:
    """A stored teaser with its section's kicker (`kickers`: {section pk: its kicker}), or
    none (`show_section` False)."""
    kicker = kickers.get(_section_of(tags), "") if show_section else ""
    return Listed(pk, mark_safe(html.replace(fragments.KICKER, kicker)), frozenset(tags.split()))


def kickers(sections) -> dict:
    """{section pk: the kicker teasers show for it}, made once per page."""
    from .templatetags.newsroom import kicker

    return {section.pk: kicker(section) for section in sections}


def teasers(rows, sections, *, show_section=True) -> list[Listed]:
    """Reader rows `(*STORED, *TEASER)` as teasers, brought up to date (`fragments`), with
    the kickers of the menu's `sections`."""
    shown = kickers(sections) if show_section else {}
    return [
        listed(pk, html, tags, shown, show_section=show_section)
        for pk, html, tags in fragments.current(rows, TEASER)
    ]


def _section_of(tags):
    for tag in tags.split():
        if tag.startswith("section-"):
            return int(tag[8:])
    return None


def ids_in(tags, kind) -> list[int]:
    prefix = f"{kind}-"
    return [int(tag[len(prefix) :]) for tag in tags.split() if tag.startswith(prefix)]


def _list_page(filtered, *, page, per_page):
    start = (page - 1) * per_page
    return Prepared(
        lambda **values: (
            filtered(**values)
            .order_by(*LATEST)
            .values_list(*STORED, *TEASER)[start : start + per_page + 1]
        )
    )


class ListQuery:
    """A paginated list of public articles, narrowed by `narrow(articles, **values)`: one
    prepared query per page number asked for (the offset is part of the SQL)."""

    def __init__(self, narrow):
        self.narrow = narrow
        self.pages = {}

    def __call__(self, *, page: int, per_page: int, **values) -> list[tuple]:
        query = self.pages.get((page, per_page))
        if query is None:

            def filtered(now, **values):
                return self.narrow(Article.objects.published(now=now), **values)

            query = self.pages[(page, per_page)] = _list_page(
                filtered, page=page, per_page=per_page
            )
        return query(now=timezone.now(), **values)


in_section = ListQuery(lambda articles, section: articles.filter(section_id=section))
by_author = ListQuery(lambda articles, author: articles.filter(bylines__author_id=author))
on_topic = ListQuery(lambda articles, topic: articles.filter(article_topics__topic_id=topic))
