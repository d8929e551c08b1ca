"""Every change of an article's status goes through a function here.

Admin buttons, admin actions and management commands call these functions; nothing else
writes `Article.status`. Each function checks the current state, runs in one transaction
and refuses (raising `TransitionError`, changing nothing) when the move is not allowed.
"""

from django.db import transaction
from django.utils import timezone

from .models import Article, Status


class TransitionError(Exception):
    """The article is not in a state that allows this change."""


@transaction.atomic
def publish(article: Article, *, by, at=None) -> Article:
    """Put the article live now, or at `at` if that is in the future (scheduled)."""
    article = Article.objects.select_for_update().get(pk=article.pk)
    if article.status in (Status.PUBLISHED, Status.ARCHIVED):
        raise TransitionError(f"“{article}” is {article.get_status_display().lower()}.")
    now = timezone.now()
    article.published_at = at or now
    article.status = Status.SCHEDULED if article.published_at > now else Status.PUBLISHED
    article.save(update_fields=["status", "published_at", "updated_at"])
    return article


@transaction.atomic
def unpublish(article: Article, *, by) -> Article:
    """Take a published or scheduled article off every public page at once."""
    article = Article.objects.select_for_update().get(pk=article.pk)
    if article.status not in (Status.PUBLISHED, Status.SCHEDULED):
        raise TransitionError(f"“{article}” is not published.")
    article.status = Status.UNPUBLISHED
    article.save(update_fields=["status", "updated_at"])
    return article
