"""The picture library in the admin: same checks as the upload page, where each is used."""

import json
from pathlib import Path

import pytest
from django.urls import reverse
from pytest_django.asserts import assertContains, assertNotContains

from articles.models import ImageAsset

from .factories import make_article, make_author, make_image, make_user
from .image_files import SVG, phone_jpeg, stored_files, upload

pytestmark = pytest.mark.django_db

ADD = "admin:articles_imageasset_add"


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
    assert stored_files(Path(settings.MEDIA_ROOT)) == []


def test_admin_refuses_svg_with_the_same_check_as_the_upload_page(admin_client, settings):
    response = admin_client.post(
        reverse(ADD), {"file": upload(SVG, "logo.svg"), "credit": "Us", "alt_text": "Logo"}
    )
    assertContains(response, "SVG drawings are not accepted")
    assert not ImageAsset.objects.exists()
    assert stored_files(Path(settings.MEDIA_ROOT)) == []


def test_the_library_shows_where_each_picture_is_used(admin_client):
    image = make_image()
    article = make_article(headline="Lifeboat station saved", hero_image=image)
    author = make_author(name="Zoe Adams", photo=image)
    response = admin_client.get(reverse("admin:articles_imageasset_change", args=[image.pk]))
    assertContains(response, "Used in")
    assertContains(response, reverse("admin:articles_article_change", args=[article.pk]))
    assertContains(response, "Lifeboat station saved")
    assertContains(response, "Zoe Adams")
    assertContains(response, "Focal point across")
    assertContains(response, "Click the subject to move the focal point")
    listing = admin_client.get(reverse("admin:articles_imageasset_changelist"))
    assertContains(listing, '<td class="field-uses">2</td>', html=True)
    assertContains(listing, "Upload several pictures")
    assert author.photo == image


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


def test_an_unused_picture_is_deleted_with_its_files(
    admin_client, settings, django_capture_on_commit_callbacks
):
    image = make_image()
    media = Path(settings.MEDIA_ROOT)
    assert stored_files(media, "renditions")
    with django_capture_on_commit_callbacks(execute=True):
        admin_client.post(
            reverse("admin:articles_imageasset_delete", args=[image.pk]), {"post": "yes"}
        )
    assert not ImageAsset.objects.exists()
    assert stored_files(media) == []


def test_the_photo_desk_role_may_upload_in_the_admin(client):
    client.force_login(make_user("Photo desk"))
    assert client.get(reverse(ADD)).status_code == 200
    client.force_login(make_user("Writer"))
    assert client.get(reverse(ADD)).status_code == 403
