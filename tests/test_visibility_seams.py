"""Seams in "who may see what" found by the security review (issue 13, item 8), each tried
through the door it was found: the admin's view-on-site redirect, a picture's "Used in", an
author's page, the article list, Import from file, the Host header, the feed and the emails
of a submit/withdraw loop."""

from datetime import timedelta

import pytest
import time_machine
from django.contrib.contenttypes.models import ContentType
from django.core import mail
from django.urls import reverse
from django.utils import timezone
from pytest_django.asserts import assertContains, assertNotContains

from articles.models import Article, ImageAsset, Status

from .desk import change_url, workflow_url
from .factories import image_upload, make_article, make_author, make_image, make_user

pytestmark = pytest.mark.django_db

FERRY = b"Ferry returns to the island\n\nThe standfirst.\n\nA paragraph of the story.\n"


def view_on_site_url(article):
    content_type = ContentType.objects.get_for_model(Article)
    return reverse("admin:view_on_site", args=[content_type.pk, article.pk])


@pytest.mark.parametrize("role", [None, "Photo desk"])
def test_view_on_site_tells_staff_who_may_not_see_articles_nothing(client, role):
    article = make_article(published=False, headline="Minister to resign", slug="minister-resigns")
    client.force_login(make_user(role))  # staff with no group, or the photo desk
    response = client.get(view_on_site_url(article))
    assert response.status_code == 404
    assert "minister-resigns" not in response.get("Location", "")
    assert b"minister-resigns" not in response.content


def test_view_on_site_still_takes_an_editor_to_the_article(client):
    article = make_article(slug="pier-reopens")
    client.force_login(make_user("Editor"))
    response = client.get(view_on_site_url(article))
    assert response.status_code == 302
    assert response["Location"].endswith("/articles/pier-reopens/")


def test_the_photo_desk_sees_no_unpublished_headline_in_used_in(client):
    image = make_image()
    make_article(headline="Pier reopens", hero_image=image)
    make_article(published=False, headline="Secret draft", hero_image=image)
    make_article(
        published=False,
        status=Status.SCHEDULED,
        published_at=timezone.now() + timedelta(days=1),
        headline="Embargoed until Friday",
        body=f'<figure data-image="{image.pk}"></figure>',
    )
    client.force_login(make_user("Photo desk"))
    page = client.get(reverse("admin:articles_imageasset_change", args=[image.pk]))
    assertContains(page, "Pier reopens")
    assertContains(page, "2 articles not yet published")
    assertNotContains(page, "Secret draft")
    assertNotContains(page, "Embargoed until Friday")


def test_an_editor_sees_every_use_of_a_picture(client):
    image = make_image()
    make_article(published=False, headline="Secret draft", hero_image=image)
    client.force_login(make_user("Editor"))
    page = client.get(reverse("admin:articles_imageasset_change", args=[image.pk]))
    assertContains(page, "Secret draft")


def test_an_author_with_nothing_published_has_no_public_page(client):
    author = make_author(name="New Hire", slug="new-hire")
    make_article(published=False, authors=[author])
    make_article(
        published=False,
        status=Status.SCHEDULED,
        published_at=timezone.now() + timedelta(days=1),
        authors=[author],
    )
    assert client.get(author.get_absolute_url()).status_code == 404
    make_article(authors=[author], headline="First story")
    assertContains(client.get(author.get_absolute_url()), "First story")


def test_a_writer_sees_only_their_own_their_bylined_and_public_articles(client):
    writer, other = make_user("Writer"), make_user("Writer")
    make_article(published=False, headline="My own draft", created_by=writer)
    make_article(
        published=False,
        headline="Co-written draft",
        created_by=other,
        authors=[make_author(user=writer)],
    )
    make_article(headline="Published by another", created_by=other)
    secret = make_article(published=False, headline="Another writer draft", created_by=other)
    embargoed = make_article(
        published=False,
        status=Status.SCHEDULED,
        published_at=timezone.now() + timedelta(days=1),
        headline="Embargoed scoop",
        created_by=other,
    )
    client.force_login(writer)
    listing = client.get(reverse("admin:articles_article_changelist"))
    for shown in ("My own draft", "Co-written draft", "Published by another"):
        assertContains(listing, shown)
    for hidden in ("Another writer draft", "Embargoed scoop"):
        assertNotContains(listing, hidden)
    searched = client.get(reverse("admin:articles_article_changelist"), {"q": "scoop"})
    assertNotContains(searched, "Embargoed scoop")
    autocomplete = client.get(
        reverse("admin:autocomplete"),
        {
            "term": "Embargoed",
            "app_label": "articles",
            "model_name": "relatedarticle",
            "field_name": "to_article",
        },
    )
    assert autocomplete.status_code == 200
    assert "Embargoed" not in autocomplete.text
    for article in (secret, embargoed):
        assert client.get(change_url(article)).status_code == 404
        assert client.get(reverse("articles:preview", args=[article.pk])).status_code == 404
        assert client.post(workflow_url(article, "submit")).status_code == 404


def test_an_editor_sees_every_writers_articles(client):
    make_article(published=False, headline="Another writer draft", created_by=make_user("Writer"))
    client.force_login(make_user("Editor"))
    assertContains(client.get(reverse("admin:articles_article_changelist")), "Another writer draft")


def test_a_writer_cannot_add_library_pictures_through_import(client):
    writer = make_user("Writer")
    client.force_login(writer)
    url = reverse("admin:articles_article_import")
    assertNotContains(client.get(url), 'name="image"')
    section = make_article().section
    response = client.post(
        url,
        {
            "file": _text_file(),
            "section": section.pk,
            "image": image_upload("hero.jpg"),
            "credit": "Jo Reyes",
        },
    )
    assert response.status_code == 200
    assertContains(response, "Only the photo desk may add pictures to the library")
    assert not ImageAsset.objects.exists()
    assert not Article.objects.filter(headline="Ferry returns to the island").exists()


def test_someone_who_may_upload_still_imports_with_a_picture(client):
    writer = make_user("Writer")
    from django.contrib.auth.models import Group

    writer.groups.add(Group.objects.get(name="Photo desk"))
    client.force_login(writer)
    section = make_article().section
    response = client.post(
        reverse("admin:articles_article_import"),
        {
            "file": _text_file(),
            "section": section.pk,
            "image": image_upload("hero.jpg"),
            "credit": "Jo Reyes",
        },
    )
    assert response.status_code == 302
    assert ImageAsset.objects.get().credit == "Jo Reyes"


def _text_file():
    from django.core.files.uploadedfile import SimpleUploadedFile

    return SimpleUploadedFile("ferry.txt", FERRY, content_type="text/plain")


HOSTILE_HOST = "127.0.0.1:6666"


def test_canonical_feed_sitemap_and_share_links_come_from_site_url(client, settings):
    settings.SITE_URL = "https://news.example.com"
    article = make_article(slug="pier-reopens", hero_image=make_image())
    page = client.get(article.get_absolute_url(), HTTP_HOST=HOSTILE_HOST)
    assertContains(
        page, '<link rel="canonical" href="https://news.example.com/articles/pier-reopens/">'
    )
    assertContains(page, 'content="https://news.example.com/media/')
    for url in (
        reverse("articles:feed"),
        reverse("articles:section_feed", args=[article.section.slug]),
        reverse("sitemap_part", args=["articles"]),
    ):
        body = client.get(url, HTTP_HOST=HOSTILE_HOST).text
        assert "https://news.example.com/articles/pier-reopens/" in body
        assert "6666" not in body
    client.force_login(make_user("Editor"))
    share_page = reverse("admin:articles_article_share", args=[article.pk])
    client.post(share_page, {"hours": "48"}, HTTP_HOST=HOSTILE_HOST)
    listed = client.get(share_page, HTTP_HOST=HOSTILE_HOST).text
    assert "https://news.example.com/preview/shared/" in listed
    assert "6666" not in listed


def test_the_standfirst_goes_into_feeds_as_escaped_text(client):
    make_article(standfirst="Fish & chips <script>alert(1)</script> <b>cheaper</b>")
    feed = client.get(reverse("articles:feed")).text
    # Once for XML, once for the HTML a feed reader makes of the description.
    assert "Fish &amp;amp; chips &amp;lt;script&amp;gt;alert(1)" in feed
    assert "&lt;script&gt;" not in feed.replace("&amp;lt;script&amp;gt;", "")


def test_a_submit_and_withdraw_loop_emails_the_desk_once(
    client, django_capture_on_commit_callbacks
):
    make_user("Editor", email="desk@example.com")
    writer = make_user("Writer")
    article = make_article(published=False, created_by=writer)
    client.force_login(writer)
    for _round in range(5):
        with django_capture_on_commit_callbacks(execute=True):
            client.post(workflow_url(article, "submit"))
        with django_capture_on_commit_callbacks(execute=True):
            client.post(workflow_url(article, "withdraw"))
    article.refresh_from_db()
    assert article.events.filter(action="submit").count() == 5
    assert len(mail.outbox) == 1
    later = time_machine.travel(timezone.now() + timedelta(hours=1))
    with later, django_capture_on_commit_callbacks(execute=True):
        client.post(workflow_url(article, "submit"))
    assert len(mail.outbox) == 2  # a real new request, later, is told again
