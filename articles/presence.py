"""Who has an article open in the admin: short-lived heartbeats in Django's cache.

In production the cache is the shared Redis (REDIS_URL), so every web process sees the
same people. Each article has one cache entry: {user id: {"name", "seen", "page"}}. A lost
update when two heartbeats cross only hides someone until their next heartbeat.

`page` is a token given to each load of the change page. When someone reloads or saves,
the old page's "leaving" beacon can reach the server after the new page said hello; it
carries the old token, so it no longer removes them.
"""

import secrets
import time

from django.conf import settings
from django.core.cache import cache

from .people import display_name


def _key(article_pk) -> str:
    return f"articles:presence:{article_pk}"


def _fresh(entries: dict) -> dict:
    oldest = time.time() - settings.PRESENCE_TIMEOUT_SECONDS
    return {uid: entry for uid, entry in entries.items() if entry["seen"] >= oldest}


def new_page() -> str:
    """A token for one load of the change page."""
    return secrets.token_urlsafe(12)


def touch(article_pk, user, *, page: str = "") -> list[str]:
    """Note that `user` has the article open (on `page`); return the names of the others."""
    entries = _fresh(cache.get(_key(article_pk), {}))
    entries[str(user.pk)] = {
        "name": display_name(user),
        "seen": time.time(),
        "page": page,
    }
    cache.set(_key(article_pk), entries, settings.PRESENCE_TIMEOUT_SECONDS * 2)
    return sorted(entry["name"] for uid, entry in entries.items() if uid != str(user.pk))


def leave(article_pk, user, *, page: str = "") -> None:
    """`user` closed `page`: forget them, unless they have opened the article again since."""
    entries = _fresh(cache.get(_key(article_pk), {}))
    entry = entries.get(str(user.pk))
    if entry is not None and entry.get("page", "") == page:
        del entries[str(user.pk)]
        cache.set(_key(article_pk), entries, settings.PRESENCE_TIMEOUT_SECONDS * 2)
