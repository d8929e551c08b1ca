"""Who has an article open in the admin: short-lived heartbeats in Django's cache.

In production the cache is the shared Redis (REDIS_URL), so every web process sees the
same people. Each article has one cache entry: {user id: {"name", "seen", "page"}}. A lost
update when two heartbeats cross only hides someone until their next heartbeat.

`page` is a token given to each load of the change page. When someone reloads or saves,
the old page's "leaving" beacon can reach the server after the new page said hello; it
carries the old token, so it no longer removes them.
"""

import logging
import re
import secrets
import time

from django.conf import settings
from django.core.cache import cache

from .people import display_name

logger = logging.getLogger(__name__)

# What one heartbeat may store: a page token as `new_page` makes it, and at most this many
# people per article (the most recent), whatever a crafted request sends.
PAGE_TOKEN = re.compile(r"[A-Za-z0-9_-]{1,32}")
MAX_PEOPLE = 50
NAME_LENGTH = 100


def _key(article_pk) -> str:
    return f"articles:presence:{article_pk}"


def _read(article_pk) -> dict | None:
    """The article's entries, or None when the cache does not answer. Presence is a
    courtesy: a cache outage (Redis down) must never close the desk, so it is logged and
    the page goes on without it."""
    try:
        entries = cache.get(_key(article_pk), {})
    except Exception:
        logger.warning("Presence unavailable: the cache did not answer.", exc_info=True)
        return None
    return entries if isinstance(entries, dict) else {}


def _write(article_pk, entries: dict) -> None:
    try:
        cache.set(_key(article_pk), entries, settings.PRESENCE_TIMEOUT_SECONDS * 2)
    except Exception:
        logger.warning("Presence not recorded: the cache did not answer.", exc_info=True)


def _page(page) -> str:
    return page if isinstance(page, str) and PAGE_TOKEN.fullmatch(page) else ""


def _fresh(entries: dict) -> dict:
    oldest = time.time() - settings.PRESENCE_TIMEOUT_SECONDS
    return {uid: entry for uid, entry in entries.items() if entry["seen"] >= oldest}


def new_page() -> str:
    """A token for one load of the change page."""
    return secrets.token_urlsafe(12)


def touch(article_pk, user, *, page: str = "") -> list[str]:
    """Note that `user` has the article open (on `page`); return the names of the others
    (none while the cache is unavailable)."""
    entries = _read(article_pk)
    if entries is None:
        return []
    entries = _fresh(entries)
    entries[str(user.pk)] = {
        "name": display_name(user)[:NAME_LENGTH],
        "seen": time.time(),
        "page": _page(page),
    }
    newest = sorted(entries.items(), key=lambda item: item[1]["seen"], reverse=True)
    entries = dict(newest[:MAX_PEOPLE])
    _write(article_pk, entries)
    return sorted(entry["name"] for uid, entry in entries.items() if uid != str(user.pk))


def leave(article_pk, user, *, page: str = "") -> None:
    """`user` closed `page`: forget them, unless they have opened the article again since."""
    entries = _read(article_pk)
    if entries is None:
        return
    entries = _fresh(entries)
    entry = entries.get(str(user.pk))
    if entry is not None and entry.get("page", "") == _page(page):
        del entries[str(user.pk)]
        _write(article_pk, entries)
