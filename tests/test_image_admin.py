"""The picture library in the admin: same checks as the upload page, where each is used."""

import json
from pathlib import Path

import pytest
from django.contrib.admin.helpers import ACTION_CHECKBOX_NAME
from django.db import connection
from django.db.models import ProtectedError
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from pytest_django.asserts import assertContains, assertNotContains

from articles import imaging, trash
from articles.models import ImageAsset

from .factories import make_article, make_author, make_image, make_user
from .image_files import SVG, all_stored_files, phone_jpeg, stored_files, upload

pytestmark = pytest.mark.django_db


def in_library():
    """The pictures not in the trash (a delete moves them there: `articles.trash`)."""
    return ImageAsset.objects.filter(trashed_at__isnull=True)


ADD = "admin:articles_imageasset_add"
LIBRARY = "admin:articles_imageasset_changelist"


def figure(image):
    """A library picture inside a body, as the editor's "Insert picture" stores it."""
    return f'<figure data-image="{image.pk}"></figure>'


def delete_url(image):
    return reverse("admin:articles_imageasset_delete", args=[image.pk])


def test_admin_upload_prefills_credit_and_caption_from_the_file(admin_client):
    response = admin_client.post(
        reverse(ADD),
        {"file": upload(phone_jpeg(), "phone.jpg"), "credit": "", "alt_text": "A harbour"},
    )
    assert response.status_code == 302
    image = ImageAsset.objects.get()
    assert (image.credit, image.caption) == ("Jane Smith", "Harbour at dawn.")
    assert (image.width, image.height) == (40, 60)
    assert image.renditions.exists()


def test_admin_refuses_a_file_naming_no_credit_when_none_is_typed(admin_client, settings):
    response = admin_client.post(
        reverse(ADD),
        {"file": upload(phone_jpeg(artist=None), "p.jpg"), "credit": "", "alt_text": "Harbour"},
    )
    assertContains(response, "Add a credit: every picture belongs to someone")
    assert not ImageAsset.objects.exists()
    assert all_stored_files(settings) == []


def test_admin_refuses_svg_with_the_same_check_as_the_upload_page(admin_client, settings):
    response = admin_client.post(
        reverse(ADD), {"file": upload(SVG, "logo.svg"), "credit": "Us", "alt_text": "Logo"}
    )
    assertContains(response, "SVG drawings are not accepted")
    assert not ImageAsset.objects.exists()
    assert all_stored_files(settings) == []


def test_the_library_shows_where_each_picture_is_used(admin_client):
    image = make_image()
    article = make_article(headline="Lifeboat station saved", hero_image=image)
    author = make_author(name="Zoe Adams", photo=image)
    in_body = make_article(
        headline="Storm over the bay", body=f"<p>Intro.</p>{figure(image)}", published=False
    )
    response = admin_client.get(reverse("admin:articles_imageasset_change", args=[image.pk]))
    assertContains(response, "Used in")
    assertContains(response, reverse("admin:articles_article_change", args=[article.pk]))
    assertContains(response, "Lifeboat station saved</a> (hero image · Published)")
    assertContains(response, reverse("admin:articles_article_change", args=[in_body.pk]))
    assertContains(response, "Storm over the bay</a> (in the body · Draft)")
    assertContains(response, "Zoe Adams</a> (author photo)")
    assertContains(response, "Focal point across")
    assertContains(response, "Click the subject to move the focal point")
    listing = admin_client.get(reverse(LIBRARY))
    assertContains(listing, '<td class="field-uses">3</td>', html=True)
    assertContains(listing, "Upload several pictures")
    assert author.photo == image


def test_a_picture_used_only_inside_a_body_counts_as_used(admin_client):
    image = make_image()
    make_article(body=f"<p>One.</p>{figure(image)}<p>Two.</p>")
    make_article(body=figure(image))
    listing = admin_client.get(reverse(LIBRARY))
    assertContains(listing, '<td class="field-uses">2</td>', html=True)


def test_the_library_list_counts_body_uses_in_a_fixed_number_of_queries(admin_client):
    def queries():
        with CaptureQueriesContext(connection) as captured:
            listing = admin_client.get(reverse(LIBRARY))
        return len(captured.captured_queries), listing

    make_article(body=figure(make_image()))
    few, _ = queries()
    for _ in range(5):
        make_article(body=figure(make_image()) + "<p>Text.</p>" + figure(make_image()))
    many, listing = queries()
    assert many == few  # one query for the body uses of the whole page
    assert listing.content.decode().count('<td class="field-uses">1</td>') == 11


def test_a_body_use_is_matched_on_the_whole_picture_number(admin_client):
    image = make_image()
    longer_number = make_image(pk=image.pk * 10 + 1)  # e.g. 7 and 71
    make_article(headline="Storm over the bay", body=figure(longer_number))
    response = admin_client.get(reverse("admin:articles_imageasset_change", args=[image.pk]))
    assertContains(response, "Not used yet.")
    admin_client.post(delete_url(image), {"post": "yes"})
    assert list(in_library()) == [longer_number]  # the other is in the trash


def test_the_library_is_searched_and_filtered_by_credit(admin_client):
    make_image(credit="Lena Park / Harbour Press", caption="Dawn over the quay")
    make_image(credit="Ravi Patel", caption="Council chamber")
    url = reverse("admin:articles_imageasset_changelist")
    response = admin_client.get(url, {"q": "harbour"})
    assertContains(response, "Dawn over the quay")
    assertNotContains(response, "Council chamber")
    response = admin_client.get(url, {"credit": "Ravi Patel"})
    assertContains(response, "Council chamber")
    assertNotContains(response, "Dawn over the quay")


def test_the_article_form_finds_a_library_picture_by_caption_or_credit(admin_client):
    make_image(credit="Lena Park / Harbour Press", caption="Dawn over the quay")
    response = admin_client.get(
        reverse("admin:autocomplete"),
        {
            "app_label": "articles",
            "model_name": "article",
            "field_name": "hero_image",
            "term": "harbour",
        },
    )
    results = json.loads(response.content)["results"]
    assert [r["text"] for r in results] == ["Dawn over the quay (Lena Park / Harbour Press)"]


def test_an_unused_picture_goes_to_the_trash_and_its_files_once_it_is_emptied(
    admin_client, settings, django_capture_on_commit_callbacks
):
    image = make_image()
    media = Path(settings.MEDIA_ROOT)
    files = stored_files(media)
    assert stored_files(media, "renditions")
    with django_capture_on_commit_callbacks(execute=True):
        admin_client.post(
            reverse("admin:articles_imageasset_delete", args=[image.pk]), {"post": "yes"}
        )
    assert not in_library().exists()
    assert stored_files(media) == files  # restorable
    with django_capture_on_commit_callbacks(execute=True):
        trash.empty()
    assert not ImageAsset.objects.exists()
    assert all_stored_files(settings) == []


def test_the_photo_desk_role_may_upload_in_the_admin(client):
    client.force_login(make_user("Photo desk"))
    assert client.get(reverse(ADD)).status_code == 200
    client.force_login(make_user("Writer"))
    assert client.get(reverse(ADD)).status_code == 403


def test_a_picture_inside_an_article_body_cannot_be_deleted(
    admin_client, settings, django_capture_on_commit_callbacks
):
    image = make_image(caption="Waves at the pier")
    published = make_article(headline="Storm over the bay", body=figure(image))
    draft = make_article(
        headline="Flood defences: the long read",
        body=f"<p>Draft.</p>{figure(image)}",
        published=False,
    )
    files = all_stored_files(settings)
    page = admin_client.get(delete_url(image))
    # Django's own confirmation, from the database's PROTECT on `BodyImage`.
    assertContains(page, "cannot be deleted while it is used")
    assertContains(
        page, "Picture in a body: “Storm over the bay” (Published), showing “Waves at the pier”"
    )
    assertContains(page, "Picture in a body: “Flood defences: the long read” (Draft)")
    assertNotContains(page, "Yes, I’m sure")

    response = admin_client.post(delete_url(image), {"post": "yes"})
    assertContains(response, "cannot be deleted while it is used")
    assert ImageAsset.objects.filter(pk=image.pk).exists()
    assert all_stored_files(settings) == files

    # Taken out of both bodies, the picture can go.
    for article in (published, draft):
        article.body = "<p>No picture now.</p>"
        article.save()
    admin_client.post(delete_url(image), {"post": "yes"})
    assert not in_library().exists()
    with django_capture_on_commit_callbacks(execute=True):
        trash.empty()
    assert not ImageAsset.objects.exists()
    assert all_stored_files(settings) == []


def test_deleting_a_picture_shown_in_a_body_is_refused_with_the_articles_named():
    image = make_image()
    article = make_article(headline="Storm over the bay", body=figure(image))
    with pytest.raises(ProtectedError) as refused:
        imaging.delete_image(image)
    [use] = refused.value.protected_objects
    assert use.article == article
    assert str(use).startswith("“Storm over the bay” (Published)")
    assert ImageAsset.objects.filter(pk=image.pk).exists()


@pytest.mark.parametrize(
    "spelling",
    [
        "<FIGURE CLASS=wide DATA-IMAGE={pk}><img src=x.jpg><figcaption>Old</figcaption></FIGURE>",
        "<p>Text <figure data-image='{pk}'></figure> more.</p>",
        '<figure title="x" data-image="{pk}" >pasted caption</figure>',
    ],
)
def test_a_body_picture_is_found_however_the_html_spelled_it(admin_client, spelling):
    # Whatever arrives, the sanitizer stores one shape, the one the library searches for.
    image = make_image()
    make_article(headline="Storm over the bay", body=spelling.format(pk=image.pk))
    admin_client.post(delete_url(image), {"post": "yes"})
    assert ImageAsset.objects.filter(pk=image.pk).exists()
    response = admin_client.get(reverse("admin:articles_imageasset_change", args=[image.pk]))
    assertContains(response, "Storm over the bay</a> (in the body · Published)")


def test_bulk_delete_refuses_pictures_in_use_and_says_where(admin_client):
    used = make_image(caption="Waves at the pier")
    unused = make_image()
    make_article(headline="Storm over the bay", body=figure(used))

    def delete_selected(*images):
        return admin_client.post(
            reverse(LIBRARY),
            {
                "action": "delete_selected",
                ACTION_CHECKBOX_NAME: [image.pk for image in images],
                "post": "yes",
            },
        )

    response = delete_selected(used, unused)
    assertContains(response, "The selected pictures cannot be deleted while they are used")
    assertContains(response, "“Storm over the bay” (Published), showing “Waves at the pier”")
    assert ImageAsset.objects.count() == 2
    delete_selected(unused)
    assert list(in_library()) == [used]


def test_the_library_is_filtered_by_uploader(admin_client):
    lena, ravi, never_uploaded = (
        make_user("Photo desk", username=name) for name in ("lena", "ravi", "nobody_yet")
    )
    make_image(caption="Dawn over the quay", uploaded_by=lena)
    make_image(caption="Council chamber", uploaded_by=ravi)
    url = reverse(LIBRARY)
    listing = admin_client.get(url)
    assertContains(listing, "By uploaded by")
    assertContains(listing, f'href="?uploaded_by__id__exact={lena.pk}"')
    assertNotContains(listing, f"uploaded_by__id__exact={never_uploaded.pk}")  # only uploaders
    response = admin_client.get(url, {"uploaded_by__id__exact": ravi.pk})
    assertContains(response, "Council chamber")
    assertNotContains(response, "Dawn over the quay")
