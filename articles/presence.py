"""Who has an article open in the admin: short-lived heartbeats in Django's cache.

In production the cache is the shared Redis (REDIS_URL), so every web process sees the
same people. Each article has one cache entry: {user id: {"name", "seen"}}. A lost update
when two heartbeats cross only hides someone until their next heartbeat.
"""

import time

from django.conf import settings
from django.core.cache import cache


def _key(article_pk) -> str:
    return f"articles:presence:{article_pk}"


def _fresh(entries: dict) -> dict:
    oldest = time.time() - settings.PRESENCE_TIMEOUT_SECONDS
    return {uid: entry for uid, entry in entries.items() if entry["seen"] >= oldest}


def touch(article_pk, user) -> list[str]:
    """Note that `user` has the article open; return the names of the others who do."""
    entries = _fresh(cache.get(_key(article_pk), {}))
    entries[str(user.pk)] = {
        "name": user.get_full_name() or user.get_username(),
        "seen": time.time(),
    }
    cache.set(_key(article_pk), entries, settings.PRESENCE_TIMEOUT_SECONDS * 2)
    return sorted(entry["name"] for uid, entry in entries.items() if uid != str(user.pk))


def leave(article_pk, user) -> None:
    entries = _fresh(cache.get(_key(article_pk), {}))
    if entries.pop(str(user.pk), None):
        cache.set(_key(article_pk), entries, settings.PRESENCE_TIMEOUT_SECONDS * 2)
