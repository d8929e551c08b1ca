"""Never a lost word (issue 12, item 5): the change page asks for the restore offer after it
has loaded (the leaving page's copy may arrive after the page was drawn), and the Add page
keeps what is typed in the browser under the user's own key. Also: the photo desk's upload
page is drawn inside the desk's look, not the public site's masthead."""

import pytest
from django.urls import reverse
from django.utils import timezone
from pytest_django.asserts import assertContains, assertNotContains

from articles.models import ArticleAutosave

from .desk import change_url
from .factories import make_article, make_user

pytestmark = pytest.mark.django_db


def offer_url(article):
    return reverse("admin:articles_article_autosave_offer", args=[article.pk])


def test_the_offer_is_found_when_the_copy_arrived_after_the_page_was_drawn(client):
    writer = make_user("Writer")
    article = make_article(published=False, created_by=writer, headline="Saved")
    client.force_login(writer)
    page = client.get(change_url(article))
    assertNotContains(page, "Restore unsaved changes")
    assertContains(page, "data-autosave-status")

    # The beacon of the page the writer left lands now, after the page was drawn.
    client.post(
        reverse("admin:articles_article_autosave", args=[article.pk]),
        {"headline": "Typed, not saved", "standfirst": article.standfirst,
         "slug": article.slug, "body": article.body},
    )  # fmt: skip
    response = client.get(offer_url(article))
    assert response.status_code == 200
    assertContains(response, '<li class="warning">Restore unsaved changes from')
    assertContains(response, "data-autosave-restore")
    assert ArticleAutosave.objects.filter(article=article, user=writer).exists()
    # Asked for, not queued: the next page draws the offer once, from the copy itself.
    page = client.get(change_url(article))
    assert page.content.decode().count("Restore unsaved changes from") == 1


def test_no_copy_no_offer(client):
    writer = make_user("Writer")
    article = make_article(published=False, created_by=writer)
    client.force_login(writer)
    response = client.get(offer_url(article))
    assert response.status_code == 200 and response.content == b""


def test_a_copy_that_says_what_the_article_says_is_not_offered(client):
    writer = make_user("Writer")
    article = make_article(published=False, created_by=writer)
    ArticleAutosave.objects.create(
        article=article,
        user=writer,
        data={name: getattr(article, name) for name in ("headline", "standfirst", "slug", "body")},
        saved_at=timezone.now(),
    )
    client.force_login(writer)
    assert client.get(offer_url(article)).content == b""
    assert not ArticleAutosave.objects.exists()


def test_the_offer_follows_the_desks_rules(client):
    writer = make_user("Writer")
    others = make_article(published=False, created_by=make_user("Writer"))
    client.force_login(writer)
    assert client.get(offer_url(others)).status_code == 404
    client.logout()
    assert client.get(offer_url(others)).status_code == 302


def test_the_add_page_keeps_typing_under_the_users_own_key(client):
    writer = make_user("Writer")
    client.force_login(writer)
    response = client.get(reverse("admin:articles_article_add"))
    assertContains(response, f'data-new-article-draft="newsroom:new-article:{writer.pk}"')
    assertContains(response, "js/article-editor.js")
    assertContains(response, "js/live-preview.js")
    # The change page keeps its copy on the server instead.
    article = make_article(published=False, created_by=writer)
    assertNotContains(client.get(change_url(article)), "data-new-article-draft")


def test_the_photo_desks_upload_page_is_drawn_in_the_desks_look(client):
    client.force_login(make_user("Photo desk"))
    response = client.get(reverse("desk:image_upload"))
    assertContains(response, '<div id="site-name">')
    assertContains(response, "Upload pictures")
    assertContains(response, 'href="/admin/articles/imageasset/"')
    assertNotContains(response, 'class="masthead"')
    assertContains(response, 'type="file" name="files"')
