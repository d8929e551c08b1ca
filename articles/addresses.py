"""Public addresses that every listing prints by the dozen, built without Django's full
`reverse()` each time.

A home page prints about a hundred links to articles, sections and authors, and `reverse()`
(matching candidates, checking converters, quoting) was an eighth of its time. Each of these
URL patterns takes one slug, so the pattern is reversed once per URLconf and script prefix
with a stand-in slug, and then only the slug is put in, quoted exactly as `reverse()` quotes.
The result is the same string `reverse()` gives (tests/test_addresses.py).
"""

from urllib.parse import quote

from django.core.signals import setting_changed
from django.dispatch import receiver
from django.urls import get_script_prefix, get_urlconf, reverse
from django.utils.http import RFC3986_SUBDELIMS

STAND_IN = "slug-stand-in"
_patterns: dict[tuple, tuple[str, str] | str] = {}


def slug_url(viewname: str, slug: str) -> str:
    """`reverse(viewname, kwargs={"slug": slug})` for a pattern with only a slug in it."""
    key = (viewname, get_script_prefix(), get_urlconf())
    try:
        head, tail = _patterns[key]
    except KeyError:
        head, tail = _patterns[key] = tuple(
            reverse(viewname, kwargs={"slug": STAND_IN}).split(STAND_IN)
        )
    return head + quote(slug, safe=RFC3986_SUBDELIMS + "/~:@") + tail


def fixed_url(viewname: str) -> str:
    """`reverse(viewname)` for a pattern with no arguments (the home page, the search, the
    feeds), reversed once per URLconf and script prefix."""
    key = (viewname, None, get_script_prefix(), get_urlconf())
    try:
        return _patterns[key]
    except KeyError:
        url = _patterns[key] = reverse(viewname)
        return url


@receiver(setting_changed)
def _forget_patterns(setting, **kwargs):
    if setting == "ROOT_URLCONF":
        _patterns.clear()
