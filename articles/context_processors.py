import functools

from django.conf import settings
from django.urls import get_script_prefix, get_urlconf, reverse

from .models import Section

# The site-wide links of every page's masthead and footer (templates/base.html).
SITE_LINKS = {"home": "articles:home", "search": "articles:search", "feed": "articles:feed",
              "atom": "articles:atom", "sitemap": "sitemap"}  # fmt: skip


def navigation(request):
    """The section menu, the site-wide links and the site name on every page (the menu in
    one query, made lazily)."""
    return {
        "nav_sections": Section.objects.all(),
        "site_links": site_links(get_script_prefix(), get_urlconf()),
        "site_name": settings.SITE_NAME,
    }


@functools.cache
def site_links(script_prefix, urlconf) -> dict:
    """Reversed once per URLconf and script prefix: eight `reverse()`s a page before."""
    return {name: reverse(view, urlconf=urlconf) for name, view in SITE_LINKS.items()}
