"""Pages of newest-first lists, without counting the list.

A section of a large archive holds tens of thousands of articles, and counting them for
"page 3 of 1,250" was the one query of a list page that grew with the archive. A reader wants
"Newer" and "Older", as news sites give: a page asks for one article more than it shows,
and that one says whether there is an older page. Search, where the number of results is
news to the reader, counts, up to `SEARCH_COUNT_LIMIT` (then "more than 200 results").
"""

from dataclasses import dataclass
from functools import cached_property

from django.core.paginator import Paginator
from django.db.models import QuerySet
from django.http import Http404

SEARCH_COUNT_LIMIT = 200  # results counted exactly; past it the page says "more than"
LAST_PAGE = 100_000  # further than any archive goes, and an offset every database takes


@dataclass
class Page:
    """What the pager and the `rel="prev"/"next"` links need of a page (the names of
    Django's `Page`, so templates do not care which paginator made it)."""

    object_list: list
    number: int
    has_next_page: bool

    def has_next(self):
        return self.has_next_page

    def has_previous(self):
        return self.number > 1

    def has_other_pages(self):
        return self.has_previous() or self.has_next()

    def next_page_number(self):
        return self.number + 1

    def previous_page_number(self):
        return self.number - 1

    def __iter__(self):
        return iter(self.object_list)

    def __len__(self):
        return len(self.object_list)


def page_number(text) -> int:
    """The page number in an address ("1", "2", …): 404 unless a positive number of at most
    `LAST_PAGE`."""
    try:
        number = int(text or 1)
    except (TypeError, ValueError):
        raise Http404("No such page.") from None
    if not 1 <= number <= LAST_PAGE:
        raise Http404("No such page.")
    return number


def rows_page(rows, number, per_page, *, allow_empty_first_page=True) -> Page:
    """Page `number` from the `per_page + 1` rows read from its start (one more tells
    whether a next page exists)."""
    if not rows and (number > 1 or not allow_empty_first_page):
        raise Http404("No such page.")
    return Page(rows[:per_page], number, has_next_page=len(rows) > per_page)


class SearchPaginator(Paginator):
    """Django's paginator, counting at most `SEARCH_COUNT_LIMIT` + 1 results (a common word
    matches most of the archive; the count would cost more than the page)."""

    @cached_property
    def count(self):
        results = self.object_list
        if isinstance(results, QuerySet):
            results = results[: SEARCH_COUNT_LIMIT + 1]
        # Full-text results (`search.Ranked`) are bounded already and know their number.
        return min(results.count(), SEARCH_COUNT_LIMIT + 1)

    @property
    def more_than_counted(self):
        return self.count > SEARCH_COUNT_LIMIT
