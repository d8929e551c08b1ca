"""What the reader pages read, in as few and as cheap queries as they can: each a prepared
query (`articles.prepared`, compiled once per process) of the articles' stored parts
(`articles.fragments`), narrowed by the one rule of what is public
(`Article.objects.published()`).

Rows come back as plain tuples and small records (`Listed`, `Linked`), not model objects:
the pages show stored HTML and a few columns, and building a hundred model instances per
page was a fifth of its time.
"""

import json
from dataclasses import dataclass
from datetime import UTC, datetime

from django.db import DEFAULT_DB_ALIAS
from django.db.models import OuterRef, Subquery, TextField
from django.utils import timezone
from django.utils.safestring import SafeString, mark_safe

from . import caching, fragments
from .addresses import slug_url
from .models import Article, Author, ImageAsset, Section, Topic
from .prepared import Prepared

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
# One row as a model object: an author with their photo, a topic


def _columns(model):
    return [field.attname for field in model._meta.concrete_fields]


def _author_query():
    photo = [f"photo__{name}" for name in _columns(ImageAsset)]
    return Prepared(
        lambda slug: Author.objects.filter(slug=slug).values_list(*_columns(Author), *photo)
    )


_author = _topic = None


def author(slug) -> Author | None:
    """The author with this slug, their photo loaded, or None: one query."""
    global _author
    _author = _author or _author_query()
    rows = _author(slug=slug)
    if not rows:
        return None
    names = _columns(Author)
    found = Author.from_db(DEFAULT_DB_ALIAS, names, rows[0][: len(names)])
    photo = None
    if found.photo_id is not None:
        photo = ImageAsset.from_db(DEFAULT_DB_ALIAS, _columns(ImageAsset), rows[0][len(names) :])
    found.photo = photo
    return found


def topic(slug) -> Topic | None:
    global _topic
    _topic = _topic or Prepared(
        lambda slug: Topic.objects.filter(slug=slug).values_list(*_columns(Topic))
    )
    rows = _topic(slug=slug)
    return Topic.from_db(DEFAULT_DB_ALIAS, _columns(Topic), rows[0]) if rows else None


# ---------------------------------------------------------------------------------------
# Sections: the menu of every page, and each kicker


SECTION = ("pk", "name", "slug", "position")
RAIL = ("pk", "headline", "slug", "published_at")  # a rail's entry (`Linked`)


class JSONRows(Subquery):
    """The rows of a subquery as one JSON array of arrays: a short list inside one row of
    the outer query (PostgreSQL's json_agg, SQLite's json_group_array), in the subquery's
    order."""

    def __init__(self, queryset, columns):
        super().__init__(queryset, output_field=TextField())
        self.columns = columns

    def as_sql(self, compiler, connection, template=None, **extra_context):
        inner, params = super().as_sql(compiler, connection, **extra_context)
        names = ", ".join(f"rows.{connection.ops.quote_name(name)}" for name in self.columns)
        if connection.vendor == "postgresql":
            rows = f"json_agg(json_build_array({names}))"
        else:
            rows = f"json_group_array(json_array({names}))"
        return f"(SELECT {rows} FROM {inner} AS rows)", params


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
            latest = (
                Article.objects.published(now=now)
                .filter(section=OuterRef("pk"))
                .order_by("-published_at", "-created_at")
                .values(*RAIL)[:rails]
            )
            found = found.annotate(rail=JSONRows(latest, RAIL))
            extra = [*extra, "rail"]
        return found.values_list(*SECTION, *extra)

    return Prepared(build)


_menus = {}  # (bound, rail length) -> Prepared


def sections(request=None, *, rails=0) -> list[Section]:
    """The menu's sections. For a reader page (`request`) whose bound the shared cache does
    not keep, the same query also finds when the next scheduled article goes live; with
    `rails`, each section carries its latest `rails` public articles as `rail` (`Linked`),
    from the same query."""
    started = caching.page_started(request) if request is not None else None
    bound = started is not None and not caching.shared_cache()
    query = _menus.get((bound, rails))
    if query is None:
        query = _menus[(bound, rails)] = _menu(bound=bound, rails=rails)
    if bound or rails:
        now = caching.aware(started) if started is not None else timezone.now()
        rows = query(now=now)
    else:
        rows = query()
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


def _rail(value, section) -> list[Linked]:
    """A section's `rail` column (JSON of `RAIL` rows, newest first) as links."""
    if not value:
        return []
    rows = json.loads(value) if isinstance(value, str) else value
    links = []
    for pk, headline, slug, published_at in rows:
        moment = datetime.fromisoformat(published_at)
        if moment.tzinfo is None:  # SQLite keeps UTC without saying so
            moment = moment.replace(tzinfo=UTC)
        links.append(Linked(pk, headline, slug_url("articles:detail", slug), moment, section))
    links.sort(key=lambda link: link.published_at, reverse=True)  # stable: ties keep order
    return links


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
            .order_by("-published_at", "-created_at")
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
