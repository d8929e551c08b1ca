"""The site's search: what a query means, how articles are found and ranked, and its form.

A query is words and "quoted phrases"; a word ending in * is a prefix ("flood*" finds
"flooding"). An article matches when it holds every word and phrase, in any order, in its
headline, standfirst, body or authors' names.

On PostgreSQL the stored, GIN-indexed `search_vector` (kept by `Article.save()`) is searched
with English stemming and ranked, headline above standfirst above body, with a highlighted
snippet of the body. SQLite has the same in its FTS5 index (migration 0023, Porter stemming,
bm25 weighed the same way). Both start from `Article.objects.published()`, like every public
door, and both rank the newest `CANDIDATES` matches (`_full_text`).
"""

import re
from dataclasses import dataclass
from functools import cached_property

from crispy_forms.helper import FormHelper
from crispy_forms.layout import HTML, Field, Layout
from django import forms
from django.contrib.postgres.search import SearchQuery, SearchRank
from django.db import connections
from django.db.models import BooleanField, F
from django.db.models.expressions import RawSQL
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext_lazy as _

from .models import Section
from .models.articles import SEARCH_CONFIG, SQLITE_INDEX
from .paging import SEARCH_COUNT_LIMIT
from .text import clean_text

MAX_QUERY = 200  # characters of the query kept
MAX_TERMS = 12  # words and phrases used from it
# The newest matches that are ranked, on both databases (`_full_text`); one more than search
# counts, so "more than 200 results" is said when there are.
CANDIDATES = SEARCH_COUNT_LIMIT + 1
SNIPPET_WORDS = 30  # words of the body shown under a result's headline
_CHUNK = re.compile(r'"([^"]*)"?|(\S+)')
_WORD = re.compile(r"\w+")


@dataclass(frozen=True)
class Term:
    words: tuple[str, ...]  # one word, or a phrase's words in order
    prefix: bool = False  # the last word may go on ("flood*")

    @property
    def text(self) -> str:
        return " ".join(self.words)


def parse(query: str) -> list[Term]:
    """The words and phrases of `query`; punctuation and operators are only separators, so
    no query can break the search ("", "&|!", "a" and 5,000 characters are all fine)."""
    terms = []
    for phrase, chunk in _CHUNK.findall(query[:MAX_QUERY]):
        words = tuple(w.lower() for w in _WORD.findall(phrase or chunk))
        if words:
            terms.append(Term(words, prefix=not phrase and chunk.endswith("*")))
    return list(dict.fromkeys(terms))[:MAX_TERMS]


def _tsquery(terms: list[Term]) -> str:
    """`terms` as a PostgreSQL tsquery: phrases with <->, prefixes with :*, all with &."""
    parts = []
    for term in terms:
        lexemes = [f"'{word}'" for word in term.words]  # \w+ only: nothing to escape
        if term.prefix:
            lexemes[-1] += ":*"
        parts.append(f"({' <-> '.join(lexemes)})")
    return " & ".join(parts)


def search(articles, query: str):
    """`articles` (already public) that match `query`, best first, each with a `snippet`."""
    terms = parse(query)
    if not terms:
        return articles.none()
    if connections[articles.db].vendor == "postgresql":
        return _full_text(articles, terms)
    return _sqlite_full_text(articles, terms)  # the two databases the project runs on


def _fts_match(terms: list[Term]) -> str:
    """`terms` as an SQLite FTS5 query, meaning what `_tsquery` means on PostgreSQL: every
    term, each a quoted phrase of stemmed words (words are word characters only: nothing to
    escape), the last word a prefix where the term asks ("flood*")."""
    return " AND ".join(f'"{term.text}"' + ("*" if term.prefix else "") for term in terms)


class _SQLiteRanked:
    """The ids of the public `articles` that FTS5 finds, best first, ranked as on PostgreSQL
    (`_full_text`): the newest `CANDIDATES` matches, weighed by bm25 (headline above
    standfirst and names above the body), then the newest. One query, run when iterated
    (`Ranked.ids`).

    Two unary pluses keep SQLite's plan cheap at any size (100,000 articles: a word in every
    body 380 → 21 ms, a rarer one 60 → 4 ms). In `newest`, the date index is walked newest
    first and each entry's id looked up in the list of matches, so only matching rows are
    read, and the walk stops at `CANDIDATES` (without it SQLite read every matching article's
    row to sort them all). In `ranked`, the matches are scanned once and bm25 is computed
    for the newest only (without it FTS5 starts the search over, statistics and all, for each
    of them)."""

    def __init__(self, articles, terms):
        self.articles, self.match = articles, _fts_match(terms)

    def __iter__(self):
        table = connections[self.articles.db].ops.quote_name(self.articles.model._meta.db_table)
        matches = RawSQL(
            f"+{table}.id IN (SELECT rowid FROM {SQLITE_INDEX} WHERE {SQLITE_INDEX} MATCH %s)",
            [self.match],
            output_field=BooleanField(),
        )
        newest, params = (
            self.articles.filter(matches)
            .order_by("-published_at", "-pk")
            .values_list("pk", "published_at")[:CANDIDATES]
            .query.sql_with_params()
        )
        sql = (
            f"WITH newest(id, published_at) AS MATERIALIZED ({newest}), "
            f"ranked(id, score) AS MATERIALIZED (SELECT rowid, "
            f"bm25({SQLITE_INDEX}, 10.0, 4.0, 4.0, 1.0) FROM {SQLITE_INDEX} "
            f"WHERE {SQLITE_INDEX} MATCH %s AND +rowid IN (SELECT id FROM newest)) "
            "SELECT newest.id FROM newest JOIN ranked ON ranked.id = newest.id "
            "ORDER BY ranked.score, newest.published_at DESC, newest.id DESC"
        )
        with connections[self.articles.db].cursor() as cursor:
            cursor.execute(sql, [*params, self.match])
            return iter([row[0] for row in cursor.fetchall()])


def _sqlite_full_text(articles, terms):
    """SQLite: the FTS5 index of migration 0023 (Porter stemming, phrases, prefixes, names),
    ranked; found and snippeted as on PostgreSQL (`Ranked`)."""
    return Ranked(articles, _SQLiteRanked(articles, terms))


def _full_text(articles, terms):
    """Ranked among the newest `CANDIDATES` matches. A common word matches most of the
    archive, and ranking means reading every match's vector (800 words each): 2 s at 100,000
    articles. The newest are found along the date index (or, for a rare word, by
    the GIN index, whichever PostgreSQL judges cheaper), and only they are ranked, once, in
    one query that returns their ids in order (`Ranked`)."""
    query = SearchQuery(_tsquery(terms), search_type="raw", config=SEARCH_CONFIG)
    newest = (
        articles.filter(search_vector=query)
        .order_by("-published_at", "-pk")
        .values("pk")[:CANDIDATES]
    )
    ranked = (
        articles.model.objects.filter(pk__in=newest)
        .annotate(rank=SearchRank(F("search_vector"), query))
        .order_by("-rank", "-published_at", "-pk")
        .values_list("pk", flat=True)
    )
    return Ranked(articles, ranked)


class Ranked:
    """Full-text results for Django's paginator: the ids, ranked in one query when first
    needed (which also counts them), and a page's articles (with their body's text, for the
    snippet) fetched by id when a page is asked for."""

    def __init__(self, articles, ranked_ids):
        self.articles = articles
        self.ranked_ids = ranked_ids

    @cached_property
    def ids(self):
        return list(self.ranked_ids)

    def count(self):
        return len(self.ids)

    def __len__(self):
        return len(self.ids)

    def __getitem__(self, index):
        if not isinstance(index, slice):
            return self[index : index + 1][0]
        ids = self.ids[index]
        found = self.articles.filter(pk__in=ids).annotate(snippet=F("body_text")).in_bulk()
        return [found[pk] for pk in ids if pk in found]


def _stems(query: str) -> re.Pattern | None:
    """Where the query's words start a word of a text, each also by its stem ("flooding"
    finds "floods"), the whole word matched; None for a query with no words."""
    stems = {w[: max(4, len(w) - 3)] for term in parse(query) for w in term.words}
    if not stems:
        return None
    alternatives = "|".join(re.escape(stem) for stem in sorted(stems, key=len, reverse=True))
    return re.compile(rf"\b((?:{alternatives})\w*)", re.I)


def excerpt(text: str, query: str, words: int = SNIPPET_WORDS) -> str:
    """About `words` words of `text` around the first word the query finds (`_stems`), with
    "…" where it is cut; the start of the text when none is found; a short text whole."""
    pattern = _stems(query)
    found = pattern.search(text) if pattern else None
    at = found.start() if found else 0
    before = text[:at].split()[-(words // 3) :] if at else []
    after = text[at:].split(maxsplit=words - len(before))
    cut = after[: words - len(before)]
    shown = " ".join([*before, *cut])
    started = at and len(before) < len(text[:at].split())
    ended = len(after) > len(cut)
    return f"{'… ' if started else ''}{shown}{' …' if ended else ''}"


def highlight(text: str, query: str) -> SafeString:
    """A result's snippet: an `excerpt` of `text`, escaped, each word the query finds in
    <mark>. The same on every database: PostgreSQL's own `ts_headline` cost 3 ms a result."""
    text = escape(excerpt(text or "", query))
    pattern = _stems(query)
    if not pattern:
        return mark_safe(text)
    return mark_safe(pattern.sub(r"<mark>\1</mark>", text))


class SearchForm(forms.Form):
    """The search page's form: the words, and a section to narrow them to."""

    q = forms.CharField(
        label=_("Search articles"),
        required=False,
        widget=forms.TextInput(attrs={"type": "search", "maxlength": MAX_QUERY}),
    )
    section = forms.ModelChoiceField(
        label=_("Section"),
        queryset=Section.objects.all(),
        to_field_name="slug",
        required=False,
        empty_label=_("All sections"),
        error_messages={"invalid_choice": _("There is no such section: showing all of them.")},
    )

    def __init__(self, *args, sections=None, **kwargs):
        """`sections`: the sections the page has already loaded for its menu, offered as they
        are rather than read again."""
        super().__init__(*args, **kwargs)
        if sections is not None:
            field = self.fields["section"]
            field.choices = [("", field.empty_label), *((s.slug, s.name) for s in sections)]
        self.helper = FormHelper()
        self.helper.form_tag = False  # the page's <form role="search"> wraps it
        self.helper.disable_csrf = True
        self.helper.layout = Layout(
            Field("q", id="search-page-q", wrapper_class="search-form__q"),
            Field("section", wrapper_class="search-form__section"),
            HTML('<button class="btn btn-dark search-form__go" type="submit">Search</button>'),
        )

    def clean_q(self):
        """Spaces tidied, characters no database can take dropped (`text.clean_text`), and cut
        to MAX_QUERY: a very long query is searched, not refused."""
        return " ".join(clean_text(self.cleaned_data["q"]).split())[:MAX_QUERY]
