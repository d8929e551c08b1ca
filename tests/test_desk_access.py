"""Every page of the desk, opened by each role: what they may see, and what they may not."""

import pytest
from django.urls import reverse

from articles.models import Status

from .factories import make_article, make_author, make_image, make_user

pytestmark = pytest.mark.django_db

OK, FORBIDDEN, NOT_FOUND, LOGIN = 200, 403, 404, 302


def pages(article, image):
    return {
        "picture": reverse("admin:articles_imageasset_change", args=[image.pk]),
        "revisions": reverse("admin:articles_article_revisions", args=[article.pk]),
        "share links": reverse("admin:articles_article_share", args=[article.pk]),
        "preview": reverse("articles:preview", args=[article.pk]),
        "upload": reverse("desk:image_upload"),
    }


EXPECTED = {
    # role:        picture  revisions  share links  preview  upload
    "Editor": (OK, OK, OK, OK, FORBIDDEN),
    # Another writer's article in review is not theirs to see (`visible_articles`).
    "Writer": (OK, NOT_FOUND, NOT_FOUND, NOT_FOUND, FORBIDDEN),
    # May not see articles at all: every article page answers as if there were none.
    "Photo desk": (OK, NOT_FOUND, NOT_FOUND, NOT_FOUND, OK),
    None: (LOGIN, LOGIN, LOGIN, LOGIN, LOGIN),
}


@pytest.mark.parametrize("role", EXPECTED)
def test_each_role_sees_only_its_desk_pages(client, role):
    """The article belongs to another writer and is in review."""
    article = make_article(published=False, status=Status.IN_REVIEW, created_by=make_user("Writer"))
    if role:
        client.force_login(make_user(role))
    statuses = tuple(client.get(url).status_code for url in pages(article, make_image()).values())
    assert statuses == EXPECTED[role]


def test_someone_who_may_not_see_an_article_learns_nothing_from_a_workflow_post(client):
    article = make_article(published=False, status=Status.IN_REVIEW, headline="Secret draft")
    client.force_login(make_user("Photo desk"))
    url = reverse("admin:articles_article_workflow", args=[article.pk, "publish"])
    response = client.post(url, follow=True)
    assert response.status_code == NOT_FOUND
    assert b"Secret draft" not in response.content
    article.refresh_from_db()
    assert article.status == Status.IN_REVIEW


@pytest.mark.parametrize(
    ("role", "shown"), [("Photo desk", True), ("Writer", False), ("Editor", False)]
)
def test_the_upload_button_is_shown_only_to_those_who_may_upload(client, role, shown):
    client.force_login(make_user(role))
    page = client.get(reverse("admin:articles_imageasset_changelist"))
    assert page.status_code == 200
    upload = reverse("desk:image_upload")
    assert (f'href="{upload}"' in page.content.decode()) is shown
    assert client.get(upload).status_code == (200 if shown else FORBIDDEN)


@pytest.mark.parametrize(
    "where",
    [
        lambda pk: reverse("articles:preview", args=[pk]),
        lambda pk: reverse("admin:articles_article_revisions", args=[pk]),
        lambda pk: reverse("admin:articles_article_share", args=[pk]),
        lambda pk: reverse("admin:articles_article_change", args=[pk]),
    ],
    ids=["preview", "revisions", "share links", "change page"],
)
def test_an_article_one_may_not_see_answers_exactly_like_a_missing_one(client, where):
    article = make_article(published=False, headline="Secret draft")
    client.force_login(make_user("Photo desk"))
    hidden, missing = client.get(where(article.pk)), client.get(where(article.pk + 1000))
    assert hidden.status_code == missing.status_code == NOT_FOUND
    assert b"Secret draft" not in hidden.content


def test_a_workflow_post_on_a_hidden_article_answers_like_a_missing_one(client):
    article = make_article(published=False, status=Status.IN_REVIEW)
    client.force_login(make_user("Photo desk"))
    hidden = client.post(reverse("admin:articles_article_workflow", args=[article.pk, "publish"]))
    missing = client.post(
        reverse("admin:articles_article_workflow", args=[article.pk + 1000, "publish"])
    )
    assert hidden.status_code == missing.status_code == NOT_FOUND


def test_a_writer_who_may_see_but_not_make_a_move_is_forbidden(client):
    co_author = make_user("Writer")  # on the byline of another writer's article
    article = make_article(
        published=False,
        status=Status.IN_REVIEW,
        created_by=make_user("Writer"),
        authors=[make_author(user=co_author)],
    )
    client.force_login(co_author)
    assert client.get(reverse("articles:preview", args=[article.pk])).status_code == OK
    url = reverse("admin:articles_article_workflow", args=[article.pk, "publish"])
    assert client.post(url).status_code == FORBIDDEN
    article.refresh_from_db()
    assert article.status == Status.IN_REVIEW
