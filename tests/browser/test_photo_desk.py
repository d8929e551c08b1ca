"""The photo desk in a real browser: uploading several files, and what a phone downloads."""

import pytest
from playwright.sync_api import Page, expect

from articles.models import ImageAsset
from tests.factories import image_bytes, image_upload, make_article, make_image, make_user

pytestmark = pytest.mark.django_db(transaction=True)


def test_the_photo_desk_uploads_several_pictures_and_a_bad_file_is_explained(
    live_server, page: Page, tmp_path
):
    make_user("Photo desk", username="lena")
    good = tmp_path / "quay.jpg"
    good.write_bytes(image_bytes(800, 600))
    other = tmp_path / "pier.png"
    other.write_bytes(image_bytes(600, 400, format="PNG"))
    bad = tmp_path / "notes.jpg"
    bad.write_bytes(b"<html><script>alert(1)</script></html>")

    page.goto(f"{live_server.url}/desk/images/upload/")
    page.fill("#id_username", "lena")
    page.fill("#id_password", "pw")
    page.click("input[type=submit]")
    page.set_input_files("#id_files", [str(good), str(bad), str(other)])
    page.get_by_role("button", name="Check pictures").click()

    expect(page.get_by_role("alert")).to_contain_text("notes.jpg: This file is not a picture")
    expect(page.locator("fieldset")).to_have_count(2)
    page.fill("[name=form-0-credit]", "Lena Park / Harbour Press")
    page.fill("[name=form-0-alt_text]", "The quay at dawn")
    page.fill("[name=form-1-alt_text]", "The pier")
    page.get_by_role("button", name="Add to the library").click()
    expect(page.locator(".errorlist")).to_contain_text("Add a credit")
    expect(page.locator("[name=form-0-credit]")).to_have_value("Lena Park / Harbour Press")

    page.fill("[name=form-1-credit]", "Ravi Patel")
    page.get_by_role("button", name="Add to the library").click()
    expect(page.locator("ul.messagelist")).to_contain_text("2 pictures added to the library")
    assert sorted(ImageAsset.objects.values_list("credit", flat=True)) == [
        "Lena Park / Harbour Press",
        "Ravi Patel",
    ]


def test_a_phone_downloads_small_renditions_not_the_originals(live_server, browser):
    image = make_image(
        file=image_upload("big.jpg", width=2000, height=1200), credit="Lena Park / Harbour Press"
    )
    make_article(headline="Lead story", hero_image=image)
    context = browser.new_context(viewport={"width": 375, "height": 812}, device_scale_factor=2)
    phone = context.new_page()
    fetched = []
    phone.on("response", lambda response: fetched.append(response.url))
    phone.goto(live_server.url)
    expect(phone.locator(".lead-story figcaption")).to_contain_text(
        "Image credit: Lena Park / Harbour Press"
    )
    phone.wait_for_load_state("networkidle")
    pictures = [url.rsplit("/", 1)[1] for url in fetched if "/media/" in url]
    # 375 CSS px at DPR 2 need 750 device px: the 800-wide WebP, not the 1600 or the original.
    assert len(pictures) == 1 and pictures[0].startswith("hero-800-")
    assert pictures[0].endswith(".webp")
    context.close()
