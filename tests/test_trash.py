"""Nothing is lost by a delete (issue 13, item 9): deleting an article or a picture on the
desk moves it to the trash, off every public page at once, restorable with its revisions,
events and links until the trash is emptied or the retention period passes."""

from datetime import timedelta
from io import StringIO

import pytest
import time_machine
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone
from pytest_django.asserts import assertContains, assertNotContains

from articles import revisions, sharing, trash, workflow
from articles.models import Article, ArticleEvent, ImageAsset, Revision, Status

from .desk import change_url
from .factories import make_article, make_author, make_image, make_user

pytestmark = pytest.mark.django_db

TRASH = reverse("admin:articles_article_trash")
IMAGE_TRASH = reverse("admin:articles_imageasset_trash")


@pytest.fixture
def editor(client):
    client.force_login(make_user("Editor"))
    return client


def a_story_with_history():
    """A published article with revisions, workflow events, a byline, related articles
    both ways and a share link."""
    writer = make_user("Writer")
    author = make_author(name="Ines Duarte", slug="ines-duarte")
    other = make_article(headline="Divers map the reef")
    article = make_article(
        published=False,
        headline="Seagrass returns",
        slug="seagrass-returns",
        created_by=writer,
        authors=[author],
        related=[other],
    )
    revisions.record(article, by=writer, comment="Created")
    workflow.submit(article, by=writer)
    workflow.publish(article, by=make_user("Editor"))
    make_article(headline="Linking here", related=[article], authors=[author])
    sharing.create_link(article, by=make_user("Editor"))
    return article


def public_pages(article):
    return [
        reverse("articles:home"),
        article.section.get_absolute_url(),
        reverse("articles:author", args=["ines-duarte"]),
        reverse("articles:search") + "?q=Seagrass",
        reverse("articles:feed"),
        reverse("sitemap_part", args=["articles"]),
        reverse("articles:detail", args=["linking-here"]),  # its related-articles list
    ]


def parts(article):
    return (
        Revision.objects.filter(article=article).count(),
        ArticleEvent.objects.filter(article=article).count(),
        article.bylines.count(),
        article.related_links.count(),
        article.linked_from.count(),
        article.share_links.count(),
    )


def test_deleting_an_article_moves_it_to_the_trash_off_every_public_page(client, editor):
    article = a_story_with_history()
    before = parts(article)
    for url in public_pages(article):
        assertContains(client.get(url), "/articles/seagrass-returns/")
    confirm = editor.get(reverse("admin:articles_article_delete", args=[article.pk]))
    assertContains(confirm, "Move “Seagrass returns” to the trash?")
    response = editor.post(
        reverse("admin:articles_article_delete", args=[article.pk]), {"post": "yes"}, follow=True
    )
    assertContains(response, "“Seagrass returns” is in the trash.")

    article.refresh_from_db()
    assert article.trashed_at is not None and not article.is_published
    assert parts(article) == before  # nothing deleted with it
    assert client.get(article.get_absolute_url()).status_code == 404
    for url in public_pages(article):
        assertNotContains(client.get(url), "/articles/seagrass-returns/")
    assert article not in Article.objects.published()
    # Off the desk too, but on the trash page.
    assert editor.get(change_url(article)).status_code in (302, 404)
    assertNotContains(editor.get(reverse("admin:articles_article_changelist")), "Seagrass returns")
    assertContains(editor.get(TRASH), "Seagrass returns")
    assert editor.get(reverse("articles:preview", args=[article.pk])).status_code == 404


def test_a_restored_article_is_back_exactly_as_it_was(client, editor):
    article = a_story_with_history()
    before = parts(article)
    editor.post(reverse("admin:articles_article_delete", args=[article.pk]), {"post": "yes"})
    response = editor.post(TRASH, {"restore": article.pk}, follow=True)
    assertContains(response, "“Seagrass returns” is back where it was.")
    article.refresh_from_db()
    assert article.trashed_at is None and article.status == Status.PUBLISHED
    assert parts(article) == before
    assertContains(client.get(reverse("articles:detail", args=["seagrass-returns"])), "Seagrass")
    assertContains(client.get(reverse("articles:detail", args=["linking-here"])), "Seagrass")
    assert editor.get(change_url(article)).status_code == 200
    assert (
        editor.get(reverse("admin:articles_article_revisions", args=[article.pk])).status_code
        == 200
    )


def test_the_bulk_delete_moves_to_the_trash_too(editor):
    first, second = make_article(headline="First story"), make_article(headline="Second story")
    changelist = reverse("admin:articles_article_changelist")
    data = {"action": "delete_selected", "_selected_action": [first.pk, second.pk]}
    assertContains(editor.post(changelist, data), "Move these 2 articles to the trash?")
    editor.post(changelist, {**data, "post": "yes"})
    assert Article.objects.filter(trashed_at__isnull=False).count() == 2


def test_emptying_the_trash_deletes_for_good(editor):
    article = a_story_with_history()
    kept = make_article(headline="Not deleted")
    editor.post(reverse("admin:articles_article_delete", args=[article.pk]), {"post": "yes"})
    assertContains(editor.post(TRASH, {}, follow=True), "Seagrass returns")  # not ticked: kept
    response = editor.post(TRASH, {"empty": "yes"}, follow=True)
    assertContains(response, "1 item deleted for good.")
    assert not Article.objects.filter(pk=article.pk).exists()
    assert not ArticleEvent.objects.filter(article_id=article.pk).exists()
    assert Article.objects.filter(pk=kept.pk).exists()


def test_the_trash_empties_itself_after_the_retention_period(settings):
    old, recent = make_article(headline="Old"), make_article(headline="Recent")
    writer = make_user("Writer")
    workflow.submit(make_article(published=False, created_by=writer), by=writer)
    start = timezone.now()
    with time_machine.travel(start, tick=False):
        trash.trash(old, by=None)
    with time_machine.travel(start + timedelta(days=10), tick=False):
        trash.trash(recent, by=None)
    output = StringIO()
    with time_machine.travel(start + timedelta(days=settings.TRASH_RETENTION_DAYS, hours=1)):
        call_command("empty_trash", stdout=output)
    assert "Deleted 1 item for good" in output.getvalue()
    assert not Article.objects.filter(pk=old.pk).exists()
    assert Article.objects.filter(pk=recent.pk).exists()


@pytest.mark.parametrize("role", ["Writer", "Photo desk"])
def test_only_those_who_may_delete_articles_open_their_trash(client, role):
    article = make_article(headline="In the trash")
    trash.trash(article, by=None)
    client.force_login(make_user(role))
    assert client.get(TRASH).status_code == 403
    assert client.post(TRASH, {"restore": article.pk}).status_code == 403
    assert client.post(TRASH, {"empty": "yes"}).status_code == 403
    article.refresh_from_db()
    assert article.trashed_at is not None


def test_a_deleted_picture_goes_to_the_trash_and_comes_back(
    client, django_capture_on_commit_callbacks
):
    image = make_image(caption="Harbour at dawn")
    files = [image.file.name, *image.renditions.values_list("file", flat=True)]
    desk = make_user("Photo desk")
    client.force_login(desk)
    client.post(reverse("admin:articles_imageasset_delete", args=[image.pk]), {"post": "yes"})
    image.refresh_from_db()
    assert image.trashed_at is not None
    assert all(image.file.storage.exists(name) for name in files[:1])
    library = client.get(reverse("admin:articles_imageasset_changelist"))
    assertContains(library, "is in the trash.")
    assertContains(library, "0 images")
    assertContains(client.get(IMAGE_TRASH), "Harbour at dawn")
    # Not offered to writers' picture picker while it is in the trash.
    writer = make_user("Writer")
    draft = make_article(published=False, created_by=writer)
    client.force_login(writer)
    assertNotContains(client.get(change_url(draft)), "Harbour at dawn")

    client.force_login(desk)
    client.post(IMAGE_TRASH, {"restore": image.pk})
    image.refresh_from_db()
    assert image.trashed_at is None
    client.post(reverse("admin:articles_imageasset_delete", args=[image.pk]), {"post": "yes"})
    with django_capture_on_commit_callbacks(execute=True):  # files go once it is committed
        client.post(IMAGE_TRASH, {"empty": "yes"})
    assert not ImageAsset.objects.filter(pk=image.pk).exists()
    assert not any(image.file.storage.exists(name) for name in files)


def test_a_picture_in_use_is_still_refused(client):
    image = make_image(caption="On the front page")
    make_article(hero_image=image)
    client.force_login(make_user("Photo desk"))
    client.post(reverse("admin:articles_imageasset_delete", args=[image.pk]), {"post": "yes"})
    image.refresh_from_db()
    assert image.trashed_at is None
