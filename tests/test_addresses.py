"""The addresses listings print by the dozen (`articles.addresses`) are exactly what
`reverse()` gives, under any script prefix."""

import pytest
from django.urls import reverse, set_script_prefix

from articles.addresses import fixed_url, slug_url

SLUGS = ["harbour-fire", "paromy-na-volge", "100-days", "Under_Score"]
SLUG_VIEWS = [
    "articles:detail",
    "articles:section",
    "articles:author",
    "articles:topic",
    "articles:section_feed",
    "articles:author_atom",
]
FIXED_VIEWS = ["articles:home", "articles:search", "articles:feed", "articles:atom"]


@pytest.fixture(params=["/", "/news-site/"])
def script_prefix(request):
    set_script_prefix(request.param)
    yield request.param
    set_script_prefix("/")


@pytest.mark.parametrize("viewname", SLUG_VIEWS)
def test_slug_addresses_are_what_reverse_gives(script_prefix, viewname):
    for slug in SLUGS:
        assert slug_url(viewname, slug) == reverse(viewname, kwargs={"slug": slug})
        assert slug_url(viewname, slug).startswith(script_prefix)


@pytest.mark.parametrize("viewname", FIXED_VIEWS)
def test_fixed_addresses_are_what_reverse_gives(script_prefix, viewname):
    assert fixed_url(viewname) == reverse(viewname)
    assert fixed_url(viewname).startswith(script_prefix)
