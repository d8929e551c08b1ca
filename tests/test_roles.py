"""Roles: who may open and change what in the admin."""

import pytest
from django.urls import reverse

from articles.models import Status

from .factories import make_article, make_user

pytestmark = pytest.mark.django_db


def change_url(article):
    return reverse("admin:articles_article_change", args=[article.pk])


def can_save(client, article):
    """True when the admin offers a save button on the article's page."""
    response = client.get(change_url(article))
    return response.status_code == 200 and b'name="_save"' in response.content


@pytest.mark.parametrize(
    ("role", "own", "status", "allowed"),
    [
        ("Writer", True, Status.DRAFT, True),
        ("Writer", True, Status.CHANGES_REQUESTED, True),
        ("Writer", True, Status.IN_REVIEW, False),
        # Their live article: the edit waits as pending changes, for an editor to publish.
        ("Writer", True, Status.PUBLISHED, True),
        ("Writer", False, Status.DRAFT, False),
        ("Editor", False, Status.DRAFT, True),
        ("Editor", False, Status.PUBLISHED, True),
        ("Photo desk", False, Status.DRAFT, False),
    ],
)
def test_who_may_edit_an_article(client, role, own, status, allowed):
    user = make_user(role)
    owner = user if own else make_user("Writer")
    article = make_article(published=status == Status.PUBLISHED, status=status, created_by=owner)
    client.force_login(user)
    assert can_save(client, article) is allowed


def test_photo_desk_cannot_open_articles_but_can_upload_images(client):
    client.force_login(make_user("Photo desk"))
    assert client.get(reverse("admin:articles_article_changelist")).status_code == 403
    assert client.get(reverse("admin:articles_imageasset_add")).status_code == 200


def test_a_new_article_belongs_to_the_writer_who_made_it(client):
    writer = make_user("Writer")
    client.force_login(writer)
    section = make_article().section
    response = client.post(
        reverse("admin:articles_article_add"),
        {
            "headline": "Pier reopens",
            "section": section.pk,
            "bylines-TOTAL_FORMS": "0",
            "bylines-INITIAL_FORMS": "0",
            "related_links-TOTAL_FORMS": "0",
            "related_links-INITIAL_FORMS": "0",
            "article_topics-TOTAL_FORMS": "0",
            "article_topics-INITIAL_FORMS": "0",
        },
    )
    assert response.status_code == 302
    article = writer.created_articles.get()
    assert (article.headline, article.status) == ("Pier reopens", Status.DRAFT)


@pytest.mark.parametrize(
    "url",
    [
        "/admin/articles/article/abc/change/",
        "/admin/articles/article/abc/autosave/",
        "/admin/articles/article/abc/workflow/publish/",
        "/admin/articles/article/999999/autosave/",
        "/admin/articles/article/999999/revisions/",
    ],
)
def test_a_mistyped_desk_address_is_not_a_server_error(client, url):
    client.force_login(make_user("Editor"))
    assert client.get(url).status_code in (302, 404, 405)
