"""The photo desk's upload page: bad files refused with a reason, nothing half-saved."""

import io
from pathlib import Path
from unittest import mock

import pytest
from django.urls import reverse
from PIL import Image
from pytest_django.asserts import assertContains, assertNotContains, assertRedirects

from articles import renditions
from articles.models import ImageAsset, Rendition

from .factories import image_bytes, make_user
from .image_files import (
    BAD_FILES,
    all_stored_files,
    bad_upload,
    good_upload,
    iptc_jpeg,
    phone_jpeg,
    stored_files,
    upload,
)

pytestmark = pytest.mark.django_db

URL = "/desk/images/upload/"


@pytest.fixture
def desk(client):
    client.force_login(make_user("Photo desk"))
    return client


def choose(client, *files):
    return client.post(URL, {"files": list(files), "choose": "Check pictures"})


def confirm(client, response, rows):
    """Post step 2 with the tokens the page gave and `rows` of details, in order."""
    formset = response.context["formset"]
    data = {
        "form-TOTAL_FORMS": str(len(rows)),
        "form-INITIAL_FORMS": "0",
        "form-MIN_NUM_FORMS": "0",
        "form-MAX_NUM_FORMS": "50",
        "details": "1",
    }
    for i, (form, row) in enumerate(zip(formset.forms, rows, strict=True)):
        data[f"form-{i}-token"] = form["token"].value()
        for name, value in row.items():
            data[f"form-{i}-{name}"] = value
    return client.post(URL, data)


def test_the_upload_page_is_for_the_photo_desk_only(client):
    assertRedirects(client.get(URL), f"/admin/login/?next={URL}", fetch_redirect_response=False)
    client.force_login(make_user("Writer"))
    assert client.get(URL).status_code == 403
    client.force_login(make_user(None))  # staff, no permission
    assert client.get(URL).status_code == 403
    client.force_login(make_user("Photo desk", is_staff=False))
    assert client.get(URL).status_code == 403
    client.force_login(make_user("Photo desk"))
    response = client.get(URL)
    assertContains(response, "Upload pictures")
    assertContains(response, 'type="file" name="files"')
    assertContains(response, "multiple")


def test_several_pictures_are_uploaded_with_credits_prefilled_from_the_file(desk, settings):
    response = choose(desk, upload(phone_jpeg(), "harbour.jpg"), good_upload("quay.png"))
    assertContains(response, "Confirm the details of 2 pictures")
    assertContains(response, "harbour.jpg")
    assertContains(response, 'value="Jane Smith"')  # EXIF Artist, for the uploader to confirm
    assertContains(response, 'value="Harbour at dawn."')  # EXIF ImageDescription
    assertContains(response, "data:image/jpeg;base64,")  # a thumbnail of each
    response = confirm(
        desk,
        response,
        [
            {"credit": "Jane Smith / Coast Photos", "caption": "Dawn", "alt_text": "Boats"},
            {"credit": "Ravi Patel", "caption": "", "alt_text": "The quay at night"},
        ],
    )
    assertRedirects(response, reverse("admin:articles_imageasset_changelist"))
    images = ImageAsset.objects.order_by("pk")
    assert [(i.credit, i.alt_text) for i in images] == [
        ("Jane Smith / Coast Photos", "Boats"),
        ("Ravi Patel", "The quay at night"),
    ]
    assert images[0].uploaded_by.groups.filter(name="Photo desk").exists()
    assert (images[0].width, images[0].height) == (40, 60)  # orientation applied
    assert all(image.renditions.exists() for image in images)
    assert stored_files(Path(settings.PRIVATE_MEDIA_ROOT), "staging") == []  # nothing left waiting


@pytest.mark.parametrize("kind", BAD_FILES)
def test_a_bad_file_is_refused_with_its_reason_and_leaves_nothing(desk, settings, kind):
    file, message = bad_upload(kind)
    response = choose(desk, file)
    assert response.status_code == 200
    assertContains(response, file.name)
    assertContains(response, message)
    assert not ImageAsset.objects.exists()
    assert all_stored_files(settings) == []


def test_a_file_over_the_size_limit_is_refused(desk, settings):
    settings.IMAGE_UPLOAD_MAX_BYTES = 5_000
    big = upload(image_bytes() + b"\0" * 6_000, "big.jpg")  # a JPEG, over 5 kB in all
    response = choose(desk, big)
    assertContains(response, "big.jpg")
    assertContains(response, "the limit is 4.9\xa0KB")
    assert all_stored_files(settings) == []


def test_one_bad_file_does_not_stop_the_good_ones(desk, settings):
    bad, message = bad_upload("html renamed .jpg")
    response = choose(desk, good_upload("one.jpg"), bad, good_upload("two.jpg"))
    assertContains(response, "1 file could not be used")
    assertContains(response, message)
    assertContains(response, "The other pictures are below.")
    assert len(response.context["formset"].forms) == 2
    rows = [{"credit": f"Agency {n}", "caption": "", "alt_text": f"Picture {n}"} for n in (1, 2)]
    confirm(desk, response, rows)
    assert sorted(ImageAsset.objects.values_list("credit", flat=True)) == ["Agency 1", "Agency 2"]


def test_a_missing_credit_is_refused_and_what_was_typed_is_kept(desk, settings):
    response = choose(desk, good_upload("one.jpg"), good_upload("two.jpg"))
    response = confirm(
        desk,
        response,
        [
            {"credit": "Agency", "caption": "First caption", "alt_text": "First"},
            {"credit": "  ", "caption": "Second caption", "alt_text": "Second"},
        ],
    )
    assert response.status_code == 200
    assertContains(response, "Add a credit: every picture belongs to someone.")
    assertContains(response, 'value="First caption"')
    assertContains(response, 'value="Second caption"')
    assertContains(response, "one.jpg")  # the rows still know their files
    assert not ImageAsset.objects.exists()  # all or nothing
    media, private = Path(settings.MEDIA_ROOT), Path(settings.PRIVATE_MEDIA_ROOT)
    assert stored_files(private, "images") == [] and stored_files(media, "renditions") == []
    # The corrected form goes through without choosing the files again.
    rows = [
        {"credit": "Agency", "caption": "First caption", "alt_text": "First"},
        {"credit": "Second Agency", "caption": "Second caption", "alt_text": "Second"},
    ]
    confirm(desk, response, rows)
    assert ImageAsset.objects.count() == 2


def test_a_failure_while_saving_leaves_no_row_and_no_file(desk, settings):
    response = choose(desk, good_upload("one.jpg"), good_upload("two.jpg"))
    real_store, calls = renditions._store, []

    def failing_store(*args):
        calls.append(1)
        if len(calls) == 9:  # part-way through the second picture
            raise OSError("disk full")
        return real_store(*args)

    rows = [{"credit": "A", "caption": "", "alt_text": "B"}] * 2
    with mock.patch.object(renditions, "_store", failing_store), pytest.raises(OSError):
        confirm(desk, response, rows)
    assert not ImageAsset.objects.exists() and not Rendition.objects.exists()
    media, private = Path(settings.MEDIA_ROOT), Path(settings.PRIVATE_MEDIA_ROOT)
    assert stored_files(private, "images") == [] and stored_files(media, "renditions") == []
    assert len(stored_files(private, "staging")) == 2  # the chosen files are not lost


def test_a_row_cannot_point_at_another_file(desk, settings):
    response = choose(desk, good_upload("one.jpg"))
    data = {
        "form-TOTAL_FORMS": "1",
        "form-INITIAL_FORMS": "0",
        "form-0-token": response.context["formset"].forms[0].initial["token"] + "x",
        "form-0-credit": "A",
        "form-0-alt_text": "B",
        "details": "1",
    }
    assertContains(desk.post(URL, data), "This upload has expired. Choose the file again.")
    assert not ImageAsset.objects.exists()


def test_choosing_no_file_says_so(desk):
    response = desk.post(URL, {"choose": "Check pictures"})
    assertContains(response, "Choose at least one picture.")
    assertContains(response, 'type="file" name="files"')


def test_credit_and_caption_are_read_from_xmp(desk):
    xmp = (
        b'<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/'
        b'22-rdf-syntax-ns#"><rdf:Description xmlns:dc="http://purl.org/dc/elements/1.1/" '
        b'xmlns:photoshop="http://ns.adobe.com/photoshop/1.0/" photoshop:Credit="Reuters">'
        b"<dc:creator><rdf:Seq><rdf:li>Amal Haddad</rdf:li></rdf:Seq></dc:creator>"
        b'<dc:description><rdf:Alt><rdf:li xml:lang="x-default">Fishing boats at Oban &amp; '
        b"Mull.</rdf:li></rdf:Alt></dc:description></rdf:Description></rdf:RDF></x:xmpmeta>"
    )
    buffer = io.BytesIO()
    Image.new("RGB", (40, 30), (10, 120, 200)).save(buffer, "JPEG", xmp=xmp)
    response = choose(desk, upload(buffer.getvalue(), "oban.jpg"))
    assertContains(response, 'value="Amal Haddad / Reuters"')
    assertContains(response, 'value="Fishing boats at Oban &amp; Mull."')


def test_credit_and_caption_are_read_from_iptc_before_exif(desk):
    jpeg = iptc_jpeg(
        {80: "Zoë Ångström", 110: "Reuters", 120: "Ferry at the pier, Oban."},
        exif_artist="Camera owner",
    )
    response = choose(desk, upload(jpeg, "ferry.jpg"))
    assertContains(response, 'value="Zoë Ångström / Reuters"')  # by-line / credit (agency)
    assertContains(response, 'value="Ferry at the pier, Oban."')
    assertNotContains(response, "Camera owner")
    response = confirm(desk, response, [{"credit": "Zoë Ångström / Reuters", "alt_text": "Ferry"}])
    assert ImageAsset.objects.get().credit == "Zoë Ångström / Reuters"


def test_an_iptc_copyright_notice_is_the_credit_when_nothing_better_is_named(desk):
    response = choose(desk, upload(iptc_jpeg({116: "© 2026 Island Press"}), "pier.jpg"))
    assertContains(response, 'value="Island Press"')
