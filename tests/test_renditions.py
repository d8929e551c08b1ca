"""Renditions: oriented, stripped of metadata, cropped to the focal point, made once."""

import io
import json
import re
from pathlib import Path
from unittest import mock

import pytest
from django.core.management import call_command
from django.db import IntegrityError, connection, transaction
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from PIL import Image

from articles import imaging, renditions
from articles.models import Rendition
from articles.richtext import figure_markup

from .factories import make_article, make_author, make_image
from .image_files import BLUE, GREEN, RED, phone_jpeg, stored_files, two_colour_image, upload

pytestmark = pytest.mark.django_db


def open_rendition(rendition):
    with rendition.file.open("rb") as file:
        data = file.read()
    return data, Image.open(io.BytesIO(data))


def close_to(pixel, colour, tolerance=40):
    return all(abs(a - b) <= tolerance for a, b in zip(pixel[:3], colour, strict=True))


def png(image):
    buffer = io.BytesIO()
    image.save(buffer, "PNG")
    return buffer.getvalue()


def test_orientation_is_applied_and_gps_and_exif_never_reach_readers():
    image = make_image(file=upload(phone_jpeg(), "phone.jpg"))
    # Stored on its side (60 × 40, red left, blue right); upright it is 40 × 60, red on top.
    assert (image.width, image.height) == (40, 60)
    made = list(image.renditions.all())
    assert {r.spec.rsplit(".", 1)[1] for r in made} == {"webp", "jpg"}
    for rendition in made:
        data, picture = open_rendition(rendition)
        assert picture.format == {"webp": "WEBP", "jpg": "JPEG"}[rendition.spec.rsplit(".")[1]]
        assert dict(picture.getexif()) == {}
        assert not {"exif", "xmp", "icc_profile", "XML:com.adobe.xmp"} & set(picture.info)
        for secret in (b"Exif", b"SERIAL-12345", b"PhoneMaker", b"Jane Smith", b"Harbour"):
            assert secret not in data
        if rendition.spec.startswith("hero"):
            assert picture.height > picture.width
            rgb = picture.convert("RGB")
            assert close_to(rgb.getpixel((picture.width // 2, 2)), RED)
            assert close_to(rgb.getpixel((picture.width // 2, picture.height - 3)), BLUE)


def test_widths_are_never_wider_than_the_original_and_formats_pair_up():
    big = make_image(file=upload(png(Image.new("RGB", (2000, 1000), GREEN)), "wide.png"))
    specs = {r.spec: (r.width, r.height) for r in big.renditions.all()}
    assert specs["hero-1600.webp"] == specs["hero-1600.jpg"] == (1600, 800)
    assert {s for s in specs if s.startswith("hero")} == {
        f"hero-{w}.{ext}" for w in (480, 800, 1200, 1600) for ext in ("webp", "jpg")
    }
    assert specs["card-1200.jpg"] == (1200, 675)  # 16:9
    assert specs["thumb-480.jpg"] == (480, 480)  # 1:1
    small = make_image(file=upload(png(Image.new("RGB", (300, 200), GREEN)), "small.png"))
    assert sorted(r.spec for r in small.renditions.all() if r.spec.startswith("hero")) == [
        "hero-300.jpg",
        "hero-300.webp",
    ]


@pytest.mark.parametrize(("focal_x", "colour"), [(0, GREEN), (100, BLUE)])
def test_crops_keep_the_focal_point_in_view(admin_client, focal_x, colour):
    image = make_image(file=upload(png(two_colour_image(400, 200, GREEN, BLUE)), "two.png"))
    response = admin_client.post(
        reverse("admin:articles_imageasset_change", args=[image.pk]),
        {
            "credit": image.credit,
            "caption": image.caption,
            "alt_text": image.alt_text,
            "focal_x": focal_x,
            "focal_y": 50,
        },
    )
    assert response.status_code == 302
    thumb = Rendition.objects.get(image=image, spec="thumb-200.jpg")
    _, picture = open_rendition(thumb)
    rgb = picture.convert("RGB")
    assert close_to(rgb.getpixel((5, 100)), colour) and close_to(rgb.getpixel((195, 100)), colour)


def test_a_rendition_is_made_once_and_later_requests_do_no_image_processing(client, settings):
    author = make_author(photo=make_image(renditions=False))
    article = make_article(hero_image=make_image(renditions=False), authors=[author])
    pages = [reverse("articles:home"), article.get_absolute_url(), author.get_absolute_url()]
    pages.append(reverse("articles:feed"))
    media = Path(settings.MEDIA_ROOT)
    with mock.patch.object(renditions, "decode", wraps=renditions.decode) as decode:
        for url in pages:
            assert client.get(url).status_code == 200
        assert decode.call_count >= 1  # the very first request made what was missing
        files = stored_files(media, "renditions")
        count = Rendition.objects.count()
        decode.reset_mock()
        for url in pages:
            assert client.get(url).status_code == 200
        assert decode.call_count == 0
    assert stored_files(media, "renditions") == files
    assert Rendition.objects.count() == count


def test_an_uploaded_picture_has_its_renditions_before_any_reader_asks(client):
    article = make_article(hero_image=make_image())
    with mock.patch.object(renditions, "decode", wraps=renditions.decode) as decode:
        for url in (reverse("articles:home"), article.get_absolute_url()):
            client.get(url)
    assert decode.call_count == 0


def test_make_renditions_command_warms_older_pictures_once():
    image = make_image(renditions=False)
    assert not image.renditions.exists()
    call_command("make_renditions", stdout=io.StringIO())
    made = set(image.renditions.values_list("pk", flat=True))
    assert made
    out = io.StringIO()
    call_command("make_renditions", stdout=out)
    assert set(image.renditions.values_list("pk", flat=True)) == made
    assert "0 renditions made" in out.getvalue()


def test_the_database_keeps_one_rendition_per_spec():
    rendition = make_image().renditions.first()
    with pytest.raises(IntegrityError), transaction.atomic():
        Rendition.objects.create(
            image=rendition.image, spec=rendition.spec, file="x.jpg", width=1, height=1, size=1
        )


def test_renditions_go_through_the_storage_api_not_the_file_system(client, settings):
    settings.STORAGES = {
        **settings.STORAGES,
        "default": {"BACKEND": "django.core.files.storage.InMemoryStorage"},
    }
    image = imaging.create_image(
        upload(phone_jpeg(), "phone.jpg"), credit="Agency", alt_text="A harbour"
    )
    article = make_article(hero_image=image)
    response = client.get(article.get_absolute_url())
    assert response.status_code == 200
    assert image.renditions.count() > 0
    assert stored_files(Path(settings.MEDIA_ROOT)) == []  # nothing on the local disk


def test_the_one_jpeg_shown_is_the_narrowest_wide_enough_or_else_the_widest():
    big = make_image(file=upload(png(Image.new("RGB", (2000, 1000), GREEN)), "wide.png"))
    assert renditions.jpeg(big, "hero").spec == "hero-480.jpg"
    assert renditions.jpeg(big, "hero", min_width=801).spec == "hero-1200.jpg"
    assert renditions.jpeg(big, "hero", min_width=5000).spec == "hero-1600.jpg"
    small = make_image(file=upload(png(Image.new("RGB", (300, 200), GREEN)), "small.png"))
    assert renditions.jpeg(small, "card", min_width=800).width == 300


def test_opening_an_article_never_makes_renditions_for_the_picture_picker(admin_client):
    ready = make_image(caption="Ready picture")
    waiting = make_image(renditions=False, caption="Waiting picture", credit="Jo Reyes / Agency")
    article = make_article(published=False, body=f"<p>Text.</p>{figure_markup(waiting.pk)}")
    made_before = Rendition.objects.count()

    response = admin_client.get(reverse("admin:articles_article_change", args=[article.pk]))

    assert response.status_code == 200
    assert Rendition.objects.count() == made_before
    assert not waiting.renditions.exists()
    # Previewed in the body by caption and credit alone; the chooser lists it the same way,
    # and listing the library makes no rendition either.
    chooser = admin_client.get(reverse("admin:articles_article_chooser"))
    assert "Waiting picture" in chooser.text and "Image credit: Jo Reyes / Agency" in chooser.text
    assert Rendition.objects.count() == made_before
    data = re.search(r'id="newsroom-library-images"[^>]*>(.*?)</script>', response.text)[1]
    preview = json.loads(data)
    assert preview[str(waiting.pk)]["url"] is None
    assert preview[str(waiting.pk)]["credit_line"] == "Image credit: Jo Reyes / Agency"
    assert preview[str(ready.pk)]["url"] == renditions.jpeg(ready, "hero").url


def test_planning_writes_nothing_and_the_size_is_measured_where_renditions_are_made(
    client, django_assert_num_queries
):
    # A picture stored before its size was known (a row from before uploads measured).
    image = make_image(renditions=False, file=upload(phone_jpeg(), "phone.jpg"))
    assert (image.width, image.height) == (0, 0)

    with django_assert_num_queries(0):
        assert renditions.planned_specs(image) == {}
    assert renditions.jpeg(image, "hero", make=False) is None  # a page that only reads
    image.refresh_from_db()
    assert (image.width, image.height) == (0, 0)

    article = make_article(hero_image=image)
    assert client.get(article.get_absolute_url()).status_code == 200  # renders, so makes them

    image.refresh_from_db()
    assert (image.width, image.height) == (40, 60)  # upright, as the plan needs
    assert set(renditions.planned_specs(image, ["hero"])) <= {
        r.spec for r in image.renditions.all()
    }


# What pages draw a picture from is recorded on its row (`ImageAsset.sources`)


def srcset_urls(html, kind):
    return re.findall(r"(\S+) \d+w", re.search(rf'{kind}srcset="([^"]*)"', html)[1])


def test_a_moved_focal_point_sends_readers_the_new_crops_at_once(admin_client, client):
    image = make_image(file=upload(png(two_colour_image(400, 200, GREEN, BLUE)), "two.png"))
    article = make_article(hero_image=image)
    before = client.get(reverse("articles:home")).content.decode()
    old = set(srcset_urls(before, ""))
    admin_client.post(
        reverse("admin:articles_imageasset_change", args=[image.pk]),
        {**{f: getattr(image, f) for f in ("credit", "caption", "alt_text")}, "focal_x": 0},
    )
    image.refresh_from_db()
    recorded = {entry[1] for entries in image.sources.values() for entry in entries}
    assert recorded == set(Rendition.objects.filter(image=image).values_list("file", flat=True))
    after = client.get(reverse("articles:home")).content.decode()
    new = set(srcset_urls(after, ""))
    assert new and not new & old  # every card crop is a new file
    for url in new:
        assert client.get(url).status_code in (200, 404)  # served by the media view, if any
    assert article.get_absolute_url() in after


def test_the_record_follows_renditions_made_and_removed():
    image = make_image(renditions=False)
    assert image.sources == {}
    made = renditions.make_renditions(image)
    image.refresh_from_db()
    assert sorted(e[0] for entries in image.sources.values() for e in entries) == sorted(
        r.spec for r in made
    )
    assert [e[2] for e in image.sources["hero"]] == sorted(e[2] for e in image.sources["hero"])
    renditions.delete_renditions(image)
    image.refresh_from_db()
    assert image.sources == {}


def test_a_page_draws_pictures_without_reading_renditions(client, django_assert_max_num_queries):
    for _ in range(5):
        make_article(hero_image=make_image())
    with CaptureQueriesContext(connection) as captured:
        response = client.get(reverse("articles:home"))
    assert response.content.decode().count("<picture>") >= 5
    assert not any("articles_rendition" in q["sql"] for q in captured.captured_queries)


@pytest.mark.parametrize(
    ("field", "value"),
    [("credit", "Harbour Photo Agency"), ("caption", "Boats at dusk"), ("alt_text", "Two boats")],
)
def test_a_changed_credit_caption_or_alt_text_shows_on_every_page_at_once(client, field, value):
    image = make_image()
    author = make_author(photo=image)
    article = make_article(hero_image=image, authors=[author])
    pages = [reverse("articles:home"), article.get_absolute_url(), author.get_absolute_url()]
    for url in pages:
        client.get(url)  # whatever a page may keep, it has seen the old words
    setattr(image, field, value)
    image.save()
    if field == "caption":
        pages.pop()  # the author's portrait is shown without a caption
    for url in pages:
        assert value in client.get(url).content.decode(), url
