"""Originals are private: kept outside MEDIA_ROOT, shown to the photo desk through a
permission-checked admin page; readers only ever get renditions (issue 13, item 2)."""

import io
import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.core.management import call_command
from django.urls import reverse
from pytest_django.asserts import assertContains, assertNotContains

from articles.models import ImageAsset

from .factories import make_article, make_image, make_user
from .image_files import phone_jpeg, stored_files, upload

pytestmark = pytest.mark.django_db

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture
def served(settings):
    settings.SERVE_MEDIA = True
    return settings


def uploaded_through_the_admin(admin_client):
    admin_client.post(
        reverse("admin:articles_imageasset_add"),
        {"file": upload(phone_jpeg(), "phone.jpg"), "credit": "Jo", "alt_text": "A harbour"},
    )
    return ImageAsset.objects.get()


def test_an_original_is_not_under_media_and_no_public_address_reaches_it(
    admin_client, client, served
):
    image = uploaded_through_the_admin(admin_client)
    media = Path(served.MEDIA_ROOT)
    assert stored_files(media, "images") == []
    assert stored_files(Path(served.PRIVATE_MEDIA_ROOT)) == [image.file.name]
    assert client.get(f"/media/{image.file.name}").status_code == 404
    assert stored_files(media, "renditions")  # what readers get


def test_the_photo_desk_opens_an_original_through_the_admin(client):
    image = make_image(file=upload(phone_jpeg(), "phone.jpg"))
    client.force_login(make_user("Photo desk"))
    change = client.get(reverse("admin:articles_imageasset_change", args=[image.pk]))
    assertContains(change, f'href="{image.file.url}"')
    response = client.get(image.file.url)
    assert response.status_code == 200
    assert response["Content-Type"] == "image/jpeg"
    assert response["X-Content-Type-Options"] == "nosniff"
    assert b"".join(response.streaming_content) == phone_jpeg()  # as uploaded, metadata kept


@pytest.mark.parametrize("role", ["Writer", "Editor", None])
def test_nobody_else_opens_an_original(client, role):
    image = make_image()
    client.force_login(make_user(role))
    assert client.get(image.file.url).status_code == 403


def test_a_reader_cannot_open_an_original_nor_find_its_address(client):
    image = make_image()
    page = client.get(make_article(hero_image=image).get_absolute_url())
    assertNotContains(page, image.file.name)
    response = client.get(image.file.url)
    assert response.status_code == 302 and "/admin/login/" in response["Location"]


def test_only_library_originals_are_served_not_staged_or_other_files(admin_client):
    assert admin_client.get("/admin/articles/imageasset/original/staging/x.jpg").status_code == 404
    assert admin_client.get("/admin/articles/imageasset/original/../x.jpg").status_code == 404


def test_move_originals_takes_old_public_originals_private_named_by_format(settings):
    media, private = Path(settings.MEDIA_ROOT), Path(settings.PRIVATE_MEDIA_ROOT)
    (media / "images/2025/01").mkdir(parents=True)
    (media / "staging").mkdir(parents=True)
    (media / "images/2025/01/a.jpg").write_bytes(phone_jpeg())
    (media / "images/2025/01/b.html").write_bytes(phone_jpeg())  # from before item 1
    (media / "staging/c.jpg").write_bytes(phone_jpeg())
    kept = ImageAsset.objects.bulk_create(
        [
            ImageAsset(file="images/2025/01/a.jpg", credit="A", alt_text="A"),
            ImageAsset(file="images/2025/01/b.html", credit="B", alt_text="B"),
        ]
    )
    out = io.StringIO()
    call_command("move_originals", stdout=out)
    assert "2 moved" in out.getvalue()
    assert stored_files(media, "images") == [] and stored_files(media, "staging") == []
    a, b = (ImageAsset.objects.get(pk=image.pk) for image in kept)
    assert a.file.name == "images/2025/01/a.jpg"
    assert b.file.name.endswith(".jpg") and b.file.name.startswith("images/")
    assert sorted(stored_files(private)) == sorted([a.file.name, b.file.name, "staging/c.jpg"])
    assert (private / b.file.name).read_bytes() == phone_jpeg()
    call_command("move_originals", stdout=out)  # again: nothing to do
    assert "2 kept" in out.getvalue()


def test_production_refuses_private_media_inside_media(tmp_path):
    env = {
        key: value
        for key, value in os.environ.items()
        if key not in {"DJANGO_SETTINGS_MODULE", "DJANGO_ALLOW_ASYNC_UNSAFE"}
    }
    env.update(DEBUG="true", MEDIA_ROOT=str(tmp_path), PRIVATE_MEDIA_ROOT=str(tmp_path / "private"))
    result = subprocess.run(
        [sys.executable, "manage.py", "check"], cwd=ROOT, env=env, capture_output=True, text=True
    )
    assert result.returncode != 0
    assert "PRIVATE_MEDIA_ROOT must be outside MEDIA_ROOT" in result.stderr
