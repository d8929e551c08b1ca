"""Stored XSS through the library: a picture is stored and served as what it is, never as
what its name says (issue 13, item 1)."""

import io
from pathlib import Path

import pytest
from django.core.management import call_command
from django.urls import reverse
from PIL import Image

from articles.models import Article, ImageAsset

from .factories import make_section, make_user
from .image_files import upload

pytestmark = pytest.mark.django_db

SCRIPT = b"<html><script>fetch('/admin/')</script></html>"
FERRY_TXT = Path(__file__).parent / "fixtures" / "import" / "ferry-returns.txt"


def jpeg_with_script():
    """A real JPEG whose comment segment carries a page with a script."""
    buffer = io.BytesIO()
    Image.new("RGB", (40, 30), (200, 30, 30)).save(buffer, "JPEG", comment=SCRIPT)
    assert SCRIPT in buffer.getvalue()
    return buffer.getvalue()


def extension(image):
    return image.file.name.rsplit(".", 1)[-1]


@pytest.mark.parametrize("name", ["harbour.html", "harbour.svg", "h.xhtml", "h.php5", "noext"])
def test_the_admin_form_stores_a_disguised_picture_by_its_detected_format(admin_client, name):
    response = admin_client.post(
        reverse("admin:articles_imageasset_add"),
        {"file": upload(jpeg_with_script(), name), "credit": "Jo", "alt_text": "Harbour"},
    )
    assert response.status_code == 302
    assert extension(ImageAsset.objects.get()) == "jpg"


def test_the_desk_upload_stores_a_disguised_picture_by_its_detected_format(client):
    client.force_login(make_user("Photo desk"))
    response = client.post(
        "/desk/images/upload/", {"files": [upload(jpeg_with_script(), "x.html")]}
    )
    token = response.context["formset"].forms[0].initial["token"]
    client.post(
        "/desk/images/upload/",
        {
            "details": "1",
            "form-TOTAL_FORMS": "1",
            "form-INITIAL_FORMS": "0",
            "form-0-token": token,
            "form-0-credit": "Jo",
            "form-0-alt_text": "Harbour",
        },
    )
    assert extension(ImageAsset.objects.get()) == "jpg"


def test_the_importer_stores_a_disguised_hero_picture_by_its_detected_format(tmp_path):
    make_section(slug="news", position=0)
    picture = tmp_path / "hero.html"
    picture.write_bytes(jpeg_with_script())
    call_command("import_article", str(FERRY_TXT), "--image", str(picture), stdout=io.StringIO())
    assert extension(Article.objects.get().hero_image) == "jpg"


def test_a_name_not_from_the_check_is_refused_by_the_model_itself():
    image = ImageAsset(credit="Jo", alt_text="A harbour")
    with pytest.raises(ValueError, match="detected format"):
        image.file.save("harbour.html", io.BytesIO(jpeg_with_script()), save=False)


@pytest.fixture
def served_media(settings):
    settings.SERVE_MEDIA = True
    media = Path(settings.MEDIA_ROOT)
    (media / "renditions").mkdir(parents=True)
    return media


def test_a_picture_in_media_is_served_as_a_picture_with_nosniff(client, served_media):
    (served_media / "renditions" / "a.jpg").write_bytes(jpeg_with_script())
    response = client.get("/media/renditions/a.jpg")
    assert response["Content-Type"] == "image/jpeg"
    assert response["X-Content-Type-Options"] == "nosniff"
    assert "sandbox" in response["Content-Security-Policy"]


@pytest.mark.parametrize("name", ["a.html", "a.svg", "a.xhtml", "a.php5", "a.js", "a"])
def test_anything_else_in_media_is_a_download_never_a_page(client, served_media, name):
    (served_media / "renditions" / name).write_bytes(SCRIPT)
    response = client.get(f"/media/renditions/{name}")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/octet-stream"
    assert response["Content-Disposition"] == "attachment"
    assert response["X-Content-Type-Options"] == "nosniff"


def test_media_are_not_served_by_django_in_production(client, settings):
    settings.SERVE_MEDIA = False
    (Path(settings.MEDIA_ROOT) / "renditions").mkdir(parents=True)
    (Path(settings.MEDIA_ROOT) / "renditions" / "a.jpg").write_bytes(jpeg_with_script())
    assert client.get("/media/renditions/a.jpg").status_code == 404
