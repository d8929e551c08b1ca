"""The trash: deleting an article or a library picture on the desk moves it here.

A trashed article leaves every public page at once (`published()` excludes it) and every
desk page but the trash's own (`permissions.visible_articles`); its row stays, so its
revisions, workflow events, bylines, related links, corrections and share links come back
with it on `restore`. A trashed picture leaves the library, the picker and the choosers.
Nothing is really deleted until someone who may delete that kind empties the trash, or
`manage.py empty_trash` (scheduled, see the README) removes what has been there longer than
`TRASH_RETENTION_DAYS`.
"""

import logging
from datetime import timedelta

from django.conf import settings
from django.db import transaction
from django.db.models import ProtectedError
from django.utils import timezone

from . import imaging, invalidation
from .models import Article, ArticleEvent, ImageAsset

logger = logging.getLogger(__name__)

KINDS = (Article, ImageAsset)


def trash(obj, *, by) -> None:
    """Move an article or a picture to the trash (a picture in use is refused before this,
    by the database's PROTECT, as for any delete)."""
    if obj.trashed_at is None:
        obj.trashed_at = timezone.now()
        type(obj).objects.filter(pk=obj.pk).update(trashed_at=obj.trashed_at)
        invalidation.trashed_or_restored(obj)
        logger.info("%s moved %s “%s” to the trash", by, obj._meta.verbose_name, obj)


def restore(obj, *, by) -> None:
    """Bring it back as it was: same address, state, history and links."""
    if obj.trashed_at is not None:
        obj.trashed_at = None
        type(obj).objects.filter(pk=obj.pk).update(trashed_at=None)
        invalidation.trashed_or_restored(obj)
        logger.info("%s restored %s “%s” from the trash", by, obj._meta.verbose_name, obj)


def in_trash(kind):
    return kind.objects.filter(trashed_at__isnull=False).order_by("-trashed_at")


def expires_at(obj):
    return obj.trashed_at + timedelta(days=settings.TRASH_RETENTION_DAYS)


def purge(obj) -> bool:
    """Delete one trashed item for good; False if it is still needed (a picture used by an
    article that is itself in the trash, kept until that article goes)."""
    if isinstance(obj, Article):
        with transaction.atomic():
            # Its history is kept for as long as the article exists, and goes with it.
            ArticleEvent.objects.filter(article=obj).delete()
            obj.delete()
        return True
    try:
        imaging.delete_image(obj)
    except ProtectedError:
        return False
    return True


def empty(kinds=KINDS, *, expired_only=False) -> int:
    """Delete what is in the trash (of `kinds`), or only what has stayed longer than the
    retention period; articles first, so the pictures they used can go too."""
    cutoff = timezone.now() - timedelta(days=settings.TRASH_RETENTION_DAYS)
    removed = 0
    for kind in KINDS:
        if kind not in kinds:
            continue
        items = in_trash(kind)
        if expired_only:
            items = items.filter(trashed_at__lte=cutoff)
        removed += sum(purge(item) for item in items)
    return removed
