"""How a reader page is cached: its HTTP headers, its surrogate keys and the page cache.

One module decides it all (README, "Caching"):

- `reader_page(view, *tags)` marks a view's responses as reader pages (home, sections,
  authors, topics, articles, search, feeds, sitemaps, robots.txt: `articles/urls.py`,
  `newsroom/urls.py`). Their tags name what they show: the tags given, plus those of every
  object in the template's context (`tags_for`), plus `sections` on HTML pages (the menu).
- `PageCacheMiddleware` gives a reader page `Cache-Control: public` (`policy`), an `ETag`,
  a `Last-Modified`, `Vary: Cookie` and its tags (`SURROGATE_KEY_HEADER`, `xkey` for
  Varnish), answers conditional requests with 304, and keeps the page in Django's cache for
  `PAGE_CACHE_SECONDS`. Everything else, and anything a request with a session cookie gets
  (the desk's staff), is `private, no-store`, never read from nor written to the cache.
- A stored page is **never stale**: it records the version of each of its tags, and a hit
  is served only while they are unchanged (one `get_many`, no SQL). `articles.invalidation`
  changes the versions of what an edit touched once its transaction commits. No stored page
  and no `max-age`/`s-maxage` outlives the next scheduled publication (`next_scheduled`).
"""

import functools
import hashlib
import logging
import time
import uuid
from functools import wraps

from django.conf import settings
from django.core import checks
from django.core.cache import cache, caches
from django.core.cache.backends.dummy import DummyCache
from django.core.cache.backends.locmem import LocMemCache
from django.core.cache.backends.redis import RedisCache
from django.db import models
from django.http import HttpResponse
from django.utils.cache import get_conditional_response, patch_vary_headers
from django.utils.http import http_date

from .richtext import figure_ids

logger = logging.getLogger(__name__)

PRIVATE = "private, no-store"
EPOCH = "pagecache:epoch"  # changes with every invalidation (a fill that raced one is dropped)
NEXT = "pagecache:next-scheduled"  # {"epoch": …, "at": timestamp | None}
# Headers of a stored page that are served again with it (the rest is made per response).
KEPT_HEADERS = ("Content-Type", "X-Robots-Tag", "Content-Language")


# ---------------------------------------------------------------------------------------
# Tags: what a page shows


def tags_for(obj) -> set[str]:
    """The tags of one object a page rendered, read from what is already loaded (never a
    query: deferred fields and relations not prefetched are left out)."""
    from .models import Article, Author, ImageAsset, Section, Topic

    loaded = vars(obj)
    prefetched = loaded.get("_prefetched_objects_cache", {})
    tags = set()
    if isinstance(obj, Article):
        tags.add(f"article-{obj.pk}")
        if loaded.get("section_id"):
            tags.add(f"section-{loaded['section_id']}")
        if loaded.get("hero_image_id"):
            tags.add(f"image-{loaded['hero_image_id']}")
        if "body" in loaded:
            tags.update(f"image-{pk}" for pk in figure_ids(obj.body))
        # Prefetched into a list (`with_parts`) or into Django's cache (the desk's querysets).
        for byline in loaded.get("prefetched_bylines") or prefetched.get("bylines", ()):
            tags.add(f"author-{byline.author_id}")
            author = byline._state.fields_cache.get("author")
            if author is not None:
                tags |= tags_for(author)
        for link in loaded.get("prefetched_topics") or prefetched.get("article_topics", ()):
            tags.add(f"topic-{link.topic_id}")
    elif isinstance(obj, Author):
        tags.add(f"author-{obj.pk}")
        if loaded.get("photo_id"):
            tags.add(f"image-{loaded['photo_id']}")
    elif isinstance(obj, Section):
        tags.add(f"section-{obj.pk}")
    elif isinstance(obj, Topic):
        tags.add(f"topic-{obj.pk}")
    elif isinstance(obj, ImageAsset):
        tags.add(f"image-{obj.pk}")
    return tags


class Tags(frozenset):
    """Tags a view puts in its context itself (`cache_tags`): what its stored parts show."""


def tags_in(value, depth=0) -> set[str]:
    """Tags of every model object in a context value: objects, lists, tuples, pages and
    querysets the template has already evaluated (an unevaluated one is not run for this),
    and `Tags`."""
    if isinstance(value, Tags):
        return set(value)
    if depth > 3:
        return set()
    if isinstance(value, models.Model):
        return tags_for(value)
    if isinstance(value, models.QuerySet):
        value = value._result_cache or ()
    elif hasattr(value, "object_list") and hasattr(value, "number"):  # a Page
        value = value.object_list
        if isinstance(value, models.QuerySet):
            value = value._result_cache or ()
    if isinstance(value, list | tuple):
        return set().union(*(tags_in(item, depth + 1) for item in value))
    return set()


def reader_page(view, *tags):
    """Wrap a view whose responses are reader pages, tagged with `tags` (a list such as
    `home`, `feed`, `sitemap`) and those of the objects its template rendered."""

    def reader_view(request, *args, **kwargs):
        response = view(request, *args, **kwargs)
        response.reader_tags = set(tags)
        if getattr(response, "context_data", None) is not None and not response.is_rendered:

            def add_context_tags(rendered):
                for value in (rendered.context_data or {}).values():
                    rendered.reader_tags |= tags_in(value)

            response.add_post_render_callback(add_context_tags)
        return response

    return wraps(view)(reader_view) if hasattr(view, "__name__") else reader_view


def header_value(tags) -> str:
    separator = "," if settings.SURROGATE_KEY_HEADER.lower() == "cache-tag" else " "
    return separator.join(sorted(tags))


# ---------------------------------------------------------------------------------------
# Versions of tags, and the next scheduled publication


# The lists every change of a live article drops (`invalidation.article_tags`), together.
ARTICLE_LISTS = ("home", "feed", "sitemap", "search")


def checked_tags(tags, lists=()) -> list[str]:
    """The tags whose versions decide whether a stored page is still valid: all of them, less
    those another tag of the page always changes with (`invalidation`). Every change of an
    article that readers can see changes the article lists' tags and those of its section,
    authors and topics, before and after the change (`lists`: the one of these a section,
    author or topic page lists, `PublishedListView.list_tag`). So a page with such a list
    need not check its articles' tags, nor the sections' when it also has the menu (a
    section's own change changes `sections`). A home page then checks some 45 versions
    instead of 70, a section page 45 instead of 65; the `xkey` header still names every
    tag, for Varnish."""
    tags = set(tags)
    lists = tags & {*ARTICLE_LISTS, *lists}
    if lists:
        tags = {tag for tag in tags if not tag.startswith("article-")}
        if tags & {"sections", "feed", "sitemap"}:
            tags = {tag for tag in tags if not tag.startswith("section-") or tag in lists}
    return sorted(tags)


def version_key(tag: str) -> str:
    return f"pagecache:v:{tag}"


_made_keys: dict[tuple, str] = {}


def read_many(keys) -> dict:
    """`cache.get_many(keys)`. With Redis, each key's full name is made once per process and
    kept: a list page's hit reads some 70 tag versions, and Django makes and checks every
    key's name anew on each call (a third of such a hit's time). The one use of the
    backend's client below Django's API (`RedisCache._cache.get_many`, which takes made
    names); any other cache goes through `get_many`."""
    backend = caches["default"]
    if not isinstance(backend, RedisCache):
        return backend.get_many(keys)
    made = {}
    for key in keys:
        slot = (backend.key_prefix, backend.version, backend.key_func, key)
        name = _made_keys.get(slot)
        if name is None:
            if len(_made_keys) > 50_000:
                _made_keys.clear()
            name = _made_keys[slot] = backend.make_and_validate_key(key)
        made[name] = key
    return {made[name]: value for name, value in backend._cache.get_many(list(made)).items()}


def new_token() -> str:
    return uuid.uuid4().hex[:16]


def shared_cache() -> bool:
    """Whether the default cache is one every process sees (Redis, Memcached, a database),
    not memory local to each process."""
    return not isinstance(caches["default"], LocMemCache | DummyCache)


def bump(tags) -> None:
    """Make every stored page carrying one of `tags` invalid, and the stored next scheduled
    publication too (a change may have scheduled an article). Raises what the cache raises."""
    token = new_token()
    cache.set_many({version_key(tag): token for tag in tags} | {EPOCH: token}, timeout=None)


# What `next_scheduled` is told when the page's own query found it (`found_next_scheduled`).
UNKNOWN = object()


def next_scheduled(now: float, epoch, stored, *, keep: bool = True, known=UNKNOWN) -> float | None:
    """When the next scheduled article goes live (a timestamp), or None. Read from the
    shared cache while no invalidation happened since it was stored; otherwise (and always
    with a cache local to each process, which another process's edit cannot reach) what the
    page's menu query found with it (`known`: `reading.sections`), or one indexed query."""
    if (
        shared_cache()
        and epoch is not None  # none yet, or evicted: what is stored cannot be trusted
        and isinstance(stored, dict)
        and stored.get("epoch") == epoch
        and (stored.get("at") is None or stored["at"] > now)
    ):
        return stored["at"]
    if known is not UNKNOWN:
        at = known
    else:
        rows = _next_scheduled()(now=aware(now))
        at = rows[0][0].timestamp() if rows else None
    if keep and shared_cache():
        _quietly(cache.set, NEXT, {"epoch": epoch, "at": at}, timeout=None)
    return at


def scheduled_after(now):
    """The scheduled articles that go live after `now`, the soonest first: the one rule of
    what bounds a page's caching (`next_scheduled`)."""
    from .models import Article, Status

    return Article.objects.filter(
        status=Status.SCHEDULED, published_at__gt=now, trashed_at__isnull=True
    ).order_by("published_at")


@functools.cache
def _next_scheduled():
    from .prepared import Prepared

    return Prepared(lambda now: scheduled_after(now).values_list("published_at")[:1])


def page_started(request) -> float | None:
    """When the page cache middleware began answering `request` (a timestamp): the moment
    from which the next scheduled publication bounds the page, or None outside it."""
    return getattr(request, "reader_started", None)


def found_next_scheduled(request, moment) -> None:
    """The page's own query found the next scheduled publication after `page_started`
    (`moment`, or None: nothing scheduled): `next_scheduled` needs no query of its own."""
    request.next_scheduled_found = moment.timestamp() if moment is not None else None


def aware(timestamp):
    from datetime import UTC, datetime

    return datetime.fromtimestamp(timestamp, tz=UTC)


def _quietly(function, *args, **kwargs):
    """A cache call that may fail (Redis down): logged, and the page is served uncached."""
    try:
        return function(*args, **kwargs)
    except Exception:
        logger.warning("Page cache unavailable: %s failed", function.__name__, exc_info=True)
        return None


@checks.register(checks.Tags.caches)
def check_page_cache(app_configs, **kwargs):
    """In production the page cache needs a cache every process shares (README)."""
    if settings.PAGE_CACHE_SECONDS > 0 and not settings.DEBUG and not shared_cache():
        return [
            checks.Warning(
                "PAGE_CACHE_SECONDS is set but the cache is local to each process: an edit "
                "made in another worker or a management command cannot drop the pages this "
                "process keeps.",
                hint="Set REDIS_URL (a cache every process shares), or PAGE_CACHE_SECONDS=0.",
                id="newsroom.W010",
            )
        ]
    return []


# ---------------------------------------------------------------------------------------
# The policy


def policy(now: float, bound: float | None) -> str:
    """`Cache-Control` of a reader page served at `now`, when the next scheduled publication
    is at `bound`: no max-age, s-maxage or stale-while-revalidate window reaches past it."""
    max_age, s_maxage = settings.CACHE_MAX_AGE, settings.CACHE_S_MAXAGE
    swr = settings.CACHE_STALE_WHILE_REVALIDATE
    if bound is not None:
        remaining = max(0, int(bound - now))
        max_age, s_maxage = min(max_age, remaining), min(s_maxage, remaining)
        swr = max(0, min(swr, remaining - max(max_age, s_maxage)))
    return (
        f"public, max-age={max_age}, s-maxage={s_maxage}, stale-while-revalidate={swr}, "
        f"stale-if-error={settings.CACHE_STALE_IF_ERROR}"
    )


def page_key(request) -> str:
    address = f"{request.scheme}://{request.get_host()}{request.get_full_path()}"
    return "pagecache:page:" + hashlib.sha256(address.encode()).hexdigest()


def staff_request(request) -> bool:
    """A session cookie means a desk session: readers never sign in. No query is made."""
    return settings.SESSION_COOKIE_NAME in request.COOKIES


# Which tags each page had when last seen, per process: a guess (checked against the stored
# page) that lets a hit read the page and its tags' versions in one round trip. Bounded.
_tags_seen: dict[str, list[str]] = {}
TAGS_SEEN = 10_000


def _remember_tags(key, tags) -> None:
    if _tags_seen.get(key) != tags:
        if len(_tags_seen) >= TAGS_SEEN:
            _tags_seen.clear()
        _tags_seen[key] = list(tags)


class PageCacheMiddleware:
    """After the security middleware (an HTTP request is redirected before any hit) and
    before the session: a hit costs no session, no user and no SQL."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        seconds = settings.PAGE_CACHE_SECONDS
        readable = seconds > 0 and request.method in ("GET", "HEAD") and not staff_request(request)
        key, started = None, time.time()
        request.reader_started = started
        if request.method in ("GET", "HEAD"):
            key = page_key(request) if readable else None
            # The versions of the tags this page had last time, asked for in the same round
            # trip as the page: a hit is one request to the cache, not two.
            guessed = [version_key(tag) for tag in _tags_seen.get(key, ())]
            wanted = [key, EPOCH, NEXT, *guessed] if key else [EPOCH, NEXT]
            found = _quietly(read_many, wanted)
            cache_down, found = found is None, found or {}
            epoch, stored_next = found.get(EPOCH), found.get(NEXT)
            entry = found.get(key) if key else None
            if entry is not None:
                _remember_tags(key, entry.get("checked", entry["tags"]))
                if self.valid(entry, found):
                    return self.serve(request, entry, "hit")
        response = self.get_response(request)
        tags = getattr(response, "reader_tags", None)
        if (
            tags is None
            or request.method not in ("GET", "HEAD")
            or response.status_code != 200
            or staff_request(request)
            or response.cookies
            or response.streaming
        ):
            if "no-store" not in response.get("Cache-Control", ""):
                response["Cache-Control"] = PRIVATE
            return response
        if response.get("Content-Type", "").startswith("text/html"):
            tags.add("sections")  # the menu of sections, on every HTML page
        now = time.time()
        entry = {
            "content": response.content,
            "headers": {name: response[name] for name in KEPT_HEADERS if name in response},
            "tags": sorted(tags),
            "checked": checked_tags(tags, getattr(response, "reader_lists", ())),
            "etag": '"' + hashlib.md5(response.content, usedforsecurity=False).hexdigest() + '"',
            "modified": int(now),
            # After `started`, not after `now`: an article that went live while the page was
            # made may be missing from it, so it bounds the page (to nothing: not kept).
            "bound": next_scheduled(
                started,
                epoch,
                stored_next,
                keep=not cache_down,
                known=getattr(request, "next_scheduled_found", UNKNOWN),
            ),
        }
        if cache_down:  # logged once above; the page is served as made, nothing is kept
            return self.serve(request, entry, "off", response)
        storing = readable and request.method == "GET"
        # The versions its tags have now, to keep with it; without the page cache, only
        # whether an edit came meanwhile.
        kept = map(version_key, entry["checked"]) if storing else ()
        found = _quietly(read_many, [EPOCH, *kept])
        if found is None or found.get(EPOCH) != epoch:
            # An edit was committed while this page was made, maybe from the data before it:
            # served, but no cache may keep it (Varnish could store it after the purge).
            response["Cache-Control"] = PRIVATE
            return response
        if epoch is None:  # the first page since the cache was emptied: start an epoch
            _quietly(cache.add, EPOCH, new_token(), timeout=None)
        if storing:
            self.store(key, entry, found, seconds, now)
        return self.serve(request, entry, "miss" if readable else "off", response)

    @staticmethod
    def valid(entry, versions=None) -> bool:
        """Still what the page would be: its scheduled bound not passed and its tags'
        versions unchanged (read with the page when its tags were guessed right, else now)."""
        if entry["bound"] is not None and entry["bound"] <= time.time():
            return False
        keys = [version_key(tag) for tag in entry.get("checked", entry["tags"])]
        if versions is None or not all(k in versions for k in keys):
            versions = _quietly(read_many, keys)
        return versions is not None and [versions.get(k) for k in keys] == entry["versions"]

    @staticmethod
    def store(key, entry, found, seconds, now) -> None:
        """Keep the page with the versions its tags have now (`found`, read once it was made
        and no invalidation had come since the request began)."""
        keys = [version_key(tag) for tag in entry["checked"]]
        for missing in set(keys) - set(found):
            _quietly(cache.add, missing, new_token(), timeout=None)
            found[missing] = _quietly(cache.get, missing)
        versions = [found.get(k) for k in keys]
        timeout = seconds if entry["bound"] is None else min(seconds, int(entry["bound"] - now))
        if None not in versions and timeout > 0:
            _quietly(cache.set, key, {**entry, "versions": versions}, timeout=timeout)
            _remember_tags(key, entry["checked"])

    @staticmethod
    def serve(request, entry, state, response=None):
        if response is None:
            response = HttpResponse(entry["content"], headers=entry["headers"])
            response["Content-Length"] = str(len(entry["content"]))
        response["Cache-Control"] = policy(time.time(), entry["bound"])
        response["ETag"] = entry["etag"]
        response["Last-Modified"] = http_date(entry["modified"])
        response[settings.SURROGATE_KEY_HEADER] = header_value(entry["tags"])
        response["X-Page-Cache"] = state
        patch_vary_headers(response, ["Cookie"])
        return get_conditional_response(
            request, etag=entry["etag"], last_modified=entry["modified"], response=response
        )
