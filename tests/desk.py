"""Helpers for tests that drive the desk (the admin) like a newsroom user."""

from django.urls import reverse
from django.utils import timezone

from articles.models import Article, ArticleEvent


def change_url(article):
    return reverse("admin:articles_article_change", args=[article.pk])


def workflow_url(article, action):
    return reverse("admin:articles_article_workflow", args=[article.pk, action])


def local(moment):
    """A time as a datetime-local field sends it."""
    return timezone.localtime(moment).strftime("%Y-%m-%dT%H:%M")


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
    )


def messages_of(response):
    return [str(message) for message in response.context["messages"]]
