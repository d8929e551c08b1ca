"""What an edit makes stale, told to the page cache and to Varnish once it has committed.

The events and the tags each one drops (README, "Caching"):

- an article that is live or scheduled changing in any way (an edit, a correction, its
  byline, topics, related articles or body pictures), or any article changing state
  (publish, schedule, unpublish, archive, back to draft, trash, restore):
  `article-<id>`, its `section-<id>`, each `author-<id>` and `topic-<id>`, and the lists
  `home`, `feed`, `sitemap`, `search`. Pages that showed it carry its tag, pages it may
  join carry the list's (the related-articles fill ranks by section, author and topic, so
  article pages carry those tags too);
- a picture (credit, caption, alt text, renditions): `image-<id>`, `feed`;
- an author: `author-<id>`, `feed`, `sitemap`; a topic: `topic-<id>`, `feed`, `sitemap`;
- a section: `section-<id>`, `sections` (the menu on every page), `feed`, `sitemap`.

Signals say what changed; after the transaction commits (`transaction.on_commit`; nothing if
it rolls back) the tags' versions change in the cache (`caching.bump`) and a purge by tag
goes to every Varnish in `VARNISH_PURGE_URLS`. The first attempt is made at once, waiting at
most `PURGE_TIMEOUT`, so the editor's next page is already fresh; a Varnish that does not
answer is retried from a background thread (`PURGE_RETRY_DELAYS`), then logged. The
editor's request never fails because of it.
"""

import http.client
import logging
import queue
import threading
import time
from urllib.parse import urlsplit

from django.conf import settings
from django.db import transaction
from django.db.models.signals import post_delete, post_save, pre_save
from django.dispatch import receiver

from . import caching
from .models import (
    Article,
    ArticleTopic,
    Author,
    BodyImage,
    Byline,
    Correction,
    ImageAsset,
    RelatedArticle,
    Rendition,
    Section,
    Topic,
)
from .models.articles import LIVE_STATUSES

logger = logging.getLogger(__name__)

ARTICLE_LISTS = caching.ARTICLE_LISTS  # what caching.checked_tags relies on
PURGE_RETRY_DELAYS = (1.0, 3.0)  # seconds before the second and third attempt
PURGE_REPEAT_DELAY = 2.0  # seconds before the second purge of the same tags
PURGE_TIMEOUT = 1.0
PURGE_BATCH = 200  # tags in one request (Varnish limits a header to 8 KB)


def changed(*tags) -> None:
    """Drop every page carrying one of `tags`, once the current transaction commits (never
    if it rolls back)."""
    transaction.on_commit(lambda: invalidate(set(tags)))


def article_changed(article_or_pk, *, moved: bool = False, was=()) -> None:
    """An article changed; `moved`: its state or visibility did (then it is dropped from
    wherever it was, whatever its state now). Otherwise only a live or scheduled article's
    change reaches readers. Its tags are read after the commit, as it is then; `was`: the
    tags of a section, author or topic it had before (their lists showed it), dropped too."""
    pk = getattr(article_or_pk, "pk", article_or_pk)

    def after_commit():
        tags = article_tags({pk: moved})
        invalidate(tags | set(was) if tags else tags)

    transaction.on_commit(after_commit)


def trashed_or_restored(obj) -> None:
    """`articles.trash` writes `trashed_at` with `update()`, which sends no signal."""
    if isinstance(obj, Article):
        article_changed(obj, moved=True)
    else:
        changed(f"image-{obj.pk}", "feed")


def article_tags(articles: dict) -> set[str]:
    """The tags of `articles` ({pk: moved}) as they are now: three queries for them all."""
    rows = Article.objects.filter(pk__in=articles).values_list("pk", "status", "section_id")
    found = {pk: (status, section) for pk, status, section in rows}
    wanted = [
        pk
        for pk, moved in articles.items()
        if moved or pk not in found or found[pk][0] in LIVE_STATUSES
    ]
    if not wanted:
        return set()
    tags = {*ARTICLE_LISTS, *(f"article-{pk}" for pk in wanted)}
    tags |= {f"section-{found[pk][1]}" for pk in wanted if pk in found}
    bylines = Byline.objects.filter(article_id__in=wanted).values_list("author_id", flat=True)
    tags |= {f"author-{pk}" for pk in bylines}
    topics = ArticleTopic.objects.filter(article_id__in=wanted).values_list("topic_id", flat=True)
    tags |= {f"topic-{pk}" for pk in topics}
    return tags


def invalidate(tags) -> None:
    if not tags:
        return
    try:
        caching.bump(tags)
    except Exception:
        # Pages already stored stay until PAGE_CACHE_SECONDS; the cache is down anyway.
        logger.error("Page cache not told about a change (tags %s)", " ".join(sorted(tags)))
    purge(tags)


# ---------------------------------------------------------------------------------------
# Varnish

_workers: dict[str, "PurgeWorker"] = {}
_workers_lock = threading.Lock()


def purge(tags) -> None:
    """Ask every Varnish in `VARNISH_PURGE_URLS` to drop the objects tagged with `tags`:
    once at once (`PURGE_TIMEOUT` at most, so the editor's next page is fresh), and again
    `PURGE_REPEAT_DELAY` later from a background thread, for a page that was being made
    from the data before the edit and reached Varnish after the first purge. A failed
    attempt is retried after each of `PURGE_RETRY_DELAYS`, then logged. Nothing is sent
    when the setting is empty."""
    tags = sorted(tags)
    for url in settings.VARNISH_PURGE_URLS:
        try:
            send_purge(url, tags)
        except Exception as error:
            logger.warning("Purge at %s failed (%s); retrying in the background", url, error)
            later(url, tags, PURGE_RETRY_DELAYS, attempt=2)
        else:
            later(url, tags, (PURGE_REPEAT_DELAY, *PURGE_RETRY_DELAYS), attempt=1)


def later(url, tags, delays, *, attempt) -> None:
    with _workers_lock:
        worker = _workers.get(url)
        if worker is None or not worker.is_alive():
            worker = _workers[url] = PurgeWorker(url)
            worker.start()
    worker.queue.put((tags, delays, attempt))


class PurgeWorker(threading.Thread):
    """One per Varnish: sends the repeated and the failed purges, in turn."""

    def __init__(self, url):
        super().__init__(daemon=True, name=f"purge {url}")
        self.url = url
        self.queue = queue.Queue()

    def run(self):
        while True:
            tags, delays, attempt = self.queue.get()
            try:
                self.send(tags, delays, attempt)
            finally:
                self.queue.task_done()

    def send(self, tags, delays, first_attempt):
        for number, delay in enumerate(delays):
            attempt = first_attempt + number
            time.sleep(delay)
            try:
                send_purge(self.url, tags)
                return
            except Exception as error:
                last = number == len(delays) - 1
                (logger.error if last else logger.warning)(
                    "Purge of %d tags at %s failed (attempt %d): %s%s",
                    len(tags),
                    self.url,
                    attempt,
                    error,
                    "; giving up, pages stay until their s-maxage" if last else "; retrying",
                )


def send_purge(url: str, tags) -> None:
    """`PURGE` requests with an `xkey` header (deploy/varnish/default.vcl answers them),
    `PURGE_BATCH` tags in each."""
    for i in range(0, len(tags), PURGE_BATCH):
        _send_one(url, tags[i : i + PURGE_BATCH])


def _send_one(url: str, tags) -> None:
    parts = urlsplit(url)
    connection_class = (
        http.client.HTTPSConnection if parts.scheme == "https" else http.client.HTTPConnection
    )
    connection = connection_class(parts.hostname, parts.port, timeout=PURGE_TIMEOUT)
    try:
        connection.request("PURGE", parts.path or "/", headers={"xkey": " ".join(tags)})
        answer = connection.getresponse()
        answer.read()
        if answer.status != 200:
            raise OSError(f"answered {answer.status} {answer.reason}")
    finally:
        connection.close()


def wait_for_purges() -> None:
    """For tests: wait until the purges queued so far are done."""
    for worker in list(_workers.values()):
        worker.queue.join()


# ---------------------------------------------------------------------------------------
# The events


# What a save is about to replace: the section, author or topic a row names now, whose
# list pages show the article (`was`). One query per save of an article, byline or topic
# link; none for a new row.
LISTED_BY = {Article: ("section", "section_id"), Byline: ("author", "author_id"),
             ArticleTopic: ("topic", "topic_id")}  # fmt: skip


@receiver(pre_save, sender=Article)
@receiver(pre_save, sender=Byline)
@receiver(pre_save, sender=ArticleTopic)
def _listed_before(sender, instance, raw=False, update_fields=None, **kwargs):
    name, field = LISTED_BY[sender]  # the field is `name` (the relation) + "_id"
    if raw or instance._state.adding:
        return
    if update_fields is not None and not {name, field} & set(update_fields):
        return
    before = sender.objects.filter(pk=instance.pk).values_list(field, flat=True).first()
    instance._listed_before = () if before in (None, getattr(instance, field)) else (
        f"{name}-{before}",)  # fmt: skip


def _was(instance):
    return instance.__dict__.pop("_listed_before", ())


@receiver(post_save, sender=Article)
def _article_saved(sender, instance, update_fields=None, raw=False, **kwargs):
    was = _was(instance)
    if raw:
        return
    if update_fields is not None and "status" in update_fields:
        article_changed(instance, moved=True, was=was)
    elif instance.status in LIVE_STATUSES:
        article_changed(instance, was=was)


@receiver(post_delete, sender=Article)
def _article_deleted(sender, instance, **kwargs):
    section = vars(instance).get("section_id")  # (not loaded: a delete of `.only("pk")`)
    article_changed(instance.pk, moved=True, was=(f"section-{section}",) if section else ())


@receiver([post_save, post_delete], sender=Byline)
@receiver([post_save, post_delete], sender=ArticleTopic)
def _listing_changed(sender, instance, raw=False, **kwargs):
    """A byline or topic link: the author's or topic's list pages show the article, or did
    (a deleted link, or one that named another author or topic before this save)."""
    if raw:
        return
    name, field = LISTED_BY[sender]
    now = vars(instance).get(field)
    article_changed(instance.article_id, was=(f"{name}-{now}",) * bool(now) + _was(instance))


@receiver([post_save, post_delete], sender=Correction)
@receiver([post_save, post_delete], sender=BodyImage)
def _part_changed(sender, instance, raw=False, **kwargs):
    if not raw:
        article_changed(instance.article_id)


@receiver([post_save, post_delete], sender=RelatedArticle)
def _related_changed(sender, instance, raw=False, **kwargs):
    if not raw:
        article_changed(instance.from_article_id)


@receiver([post_save, post_delete], sender=ImageAsset)
def _image_changed(sender, instance, raw=False, **kwargs):
    if not raw:
        changed(f"image-{instance.pk}", "feed")


@receiver([post_save, post_delete], sender=Rendition)
def _rendition_changed(sender, instance, raw=False, **kwargs):
    if not raw:
        changed(f"image-{instance.image_id}", "feed")


@receiver([post_save, post_delete], sender=Author)
def _author_changed(sender, instance, raw=False, **kwargs):
    if not raw:
        changed(f"author-{instance.pk}", "feed", "sitemap")


@receiver([post_save, post_delete], sender=Topic)
def _topic_changed(sender, instance, raw=False, **kwargs):
    if not raw:
        changed(f"topic-{instance.pk}", "feed", "sitemap")


@receiver([post_save, post_delete], sender=Section)
def _section_changed(sender, instance, raw=False, **kwargs):
    if not raw:
        changed(f"section-{instance.pk}", "sections", "feed", "sitemap")
