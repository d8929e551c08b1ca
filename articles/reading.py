"""What the reader pages read, in as few and as cheap queries as they can: each a prepared
query (`articles.prepared`, compiled once per process) of the articles' stored parts
(`articles.fragments`), narrowed by the one rule of what is public
(`Article.objects.published()`).

Rows come back as plain tuples and small records (`Listed`, `Linked`), not model objects:
the pages show stored HTML and a few columns, and building a hundred model instances per
page was a fifth of its time.
"""

from dataclasses import dataclass

from django.db import DEFAULT_DB_ALIAS
from django.db.models import Subquery
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
_sections = Prepared(lambda: Section.objects.values_list(*SECTION))
# With the next scheduled publication after `now` on every row (`caching.scheduled_after`):
# the page's bound in the menu's query, not a query of its own.
_sections_and_bound = Prepared(
    lambda now: Section.objects.annotate(
        next_due=Subquery(caching.scheduled_after(now).values("published_at")[:1])
    ).values_list(*SECTION, "next_due")
)


def sections(request=None) -> list[Section]:
    """The menu's sections. For a reader page (`request`) whose bound the shared cache does
    not keep, the same query also finds when the next scheduled article goes live."""
    started = caching.page_started(request) if request is not None else None
    if started is None or caching.shared_cache():
        rows = _sections()
    else:
        rows = _sections_and_bound(now=caching.aware(started))
        if rows:
            caching.found_next_scheduled(request, rows[0][-1])
    return [
        Section(id=pk, name=name, slug=slug, position=position)
        for pk, name, slug, position, *_ in rows
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
