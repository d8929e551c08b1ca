"""Helpers for tests that drive the desk (the admin) like a newsroom user."""

from django.urls import reverse
from django.utils import formats, timezone

from articles import revisions
from articles.models import Article, ArticleEvent


def change_url(article):
    return reverse("admin:articles_article_change", args=[article.pk])


def workflow_url(article, action):
    return reverse("admin:articles_article_workflow", args=[article.pk, action])


def local(moment):
    """A time as a datetime-local field sends it."""
    return timezone.localtime(moment).strftime("%Y-%m-%dT%H:%M")


def shown(moment):
    """The date and the time as the desk's date-and-time widget shows them, prefilled."""
    local_moment = timezone.localtime(moment)
    return formats.localize_input(local_moment.date()), formats.localize_input(
        local_moment.time().replace(second=0, microsecond=0)
    )


def form_data(action, **fields):
    """The POST a workflow button's form sends (its fields carry the action as prefix)."""
    return {f"{action}-{name}": value for name, value in fields.items()}


def snapshot(article):
    """What a refused move must leave untouched."""
    article = Article.objects.get(pk=article.pk)
    return (
        article.status,
        article.published_at,
        article.reviewer_id,
        ArticleEvent.objects.filter(article=article).count(),
        article.pending_revision_id,
        article.changes_in_review,
    )


def make_pending(article, *, by=None, in_review=False, **fields):
    """Give a live article pending changes (its fields as `fields` say), as a desk save does;
    `in_review`: submitted for review."""
    data = revisions.pending_snapshot(article)
    data["fields"].update(fields or {"headline": f"{article.headline} (changed)"})
    revisions.keep_pending(article, data, by=by, comment="Edited the live article")
    if in_review:
        Article.objects.filter(pk=article.pk).update(changes_in_review=True)
    article.refresh_from_db()
    return article


def messages_of(response):
    return [str(message) for message in response.context["messages"]]
