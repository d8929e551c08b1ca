"""Emails to the people concerned by a workflow move (Django's mail API; the console
backend in development, locmem in tests). Called by `articles.workflow` after commit."""

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.mail import send_mail
from django.urls import reverse
from django.utils import timezone


def desk_link(article) -> str:
    return settings.SITE_URL + reverse("admin:articles_article_change", args=[article.pk])


def name(user) -> str:
    if user is None:
        return "The newsroom"
    return user.get_full_name() or user.get_username()


def reviewers(article) -> list[str]:
    """The named reviewer, or every active editor when the writer named nobody."""
    if article.reviewer is not None:
        users = [article.reviewer]
    else:
        users = get_user_model().objects.with_perm(
            "articles.review_article", include_superusers=False
        )
    return sorted({user.email for user in users if user.is_active and user.email})


def review_requested(article, *, by) -> None:
    recipients = reviewers(article)
    if not recipients:
        return
    deadline = (
        f"It is needed by {timezone.localtime(article.review_deadline):%A %d %B, %H:%M}.\n"
        if article.review_deadline
        else ""
    )
    send_mail(
        f"Review requested: {article.headline}",
        f"{name(by)} asks you to review “{article.headline}”.\n{deadline}\n"
        f"Open it on the desk: {desk_link(article)}\n",
        None,
        recipients,
    )


def changes_requested(article, *, by, note) -> None:
    writer = article.created_by
    if writer is None or not writer.is_active or not writer.email:
        return
    send_mail(
        f"Changes requested: {article.headline}",
        f"{name(by)} sent “{article.headline}” back to you with this note:\n\n{note}\n\n"
        f"Open it on the desk: {desk_link(article)}\n",
        None,
        [writer.email],
    )
