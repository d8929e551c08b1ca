"""The picture chooser (issue 12, item 3): one modal for the hero picture and the body's
pictures: a grid with thumbnails, caption and credit, search, filters, pages, and an Upload
tab that is the photo desk's own form (checks, IPTC prefill, credit and alt text required)."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone
from pytest_django.asserts import assertContains, assertNotContains

from articles.models import ImageAsset

from .desk import change_url
from .factories import make_article, make_image, make_user
from .image_files import good_upload, iptc_jpeg, upload

pytestmark = pytest.mark.django_db

LIBRARY = "/admin/articles/article/chooser/"
UPLOAD = "/admin/articles/article/chooser/upload/"


def test_the_chooser_lives_under_the_article_admin():
    assert reverse("admin:articles_article_chooser") == LIBRARY
    assert reverse("admin:articles_article_chooser_upload") == UPLOAD


@pytest.mark.parametrize("url", [LIBRARY, UPLOAD])
def test_the_chooser_is_for_staff_only(client, url):
    response = client.get(url)
    assert response.status_code == 302 and response["Location"].startswith("/admin/login/")
    client.force_login(make_user(is_staff=False))
    response = client.get(url)
    assert response.status_code == 302 and response["Location"].startswith("/admin/login/")


def test_staff_without_a_role_may_not_browse_the_library(client):
    client.force_login(make_user())
    assert client.get(LIBRARY).status_code == 403
    assert client.get(UPLOAD).status_code == 403


def test_the_grid_shows_thumbnails_with_caption_and_credit(client):
    image = make_image(caption="Ferry at the pier", credit="Lena Park / Harbour Press")
    client.force_login(make_user("Writer"))
    response = client.get(LIBRARY)
    assertContains(response, "Ferry at the pier")
    assertContains(response, "Image credit: Lena Park / Harbour Press")
    thumb = image.sources["thumb"][0][1]
    assertContains(response, f'src="/media/{thumb}"')
    assertContains(response, f'data-choose="{image.pk}"')
    assertNotContains(response, image.file.name)  # never the original
    assertContains(response, 'data-can-upload="false"')  # a writer chooses, and cannot upload


def test_a_picture_without_renditions_is_listed_by_its_words(client):
    make_image(renditions=False, caption="An old archive picture")
    client.force_login(make_user("Writer"))
    response = client.get(LIBRARY)
    assertContains(response, "An old archive picture")
    assertContains(response, "No preview yet")


@pytest.mark.parametrize(
    "query, found",
    [
        ("ferry", "Ferry at the pier"),  # caption
        ("reyes", "Quay at dusk"),  # credit
        ("gulls", "Harbour wall"),  # alt text
        ("PIER FERRY", "Ferry at the pier"),  # every word, any order and case
    ],
)
def test_search_covers_caption_credit_and_alt_text(client, query, found):
    make_image(caption="Ferry at the pier", credit="Lena Park", alt_text="A boat")
    make_image(caption="Quay at dusk", credit="Jo Reyes", alt_text="The quay")
    make_image(caption="Harbour wall", credit="Ravi Patel", alt_text="Gulls on the wall")
    client.force_login(make_user("Writer"))
    response = client.get(LIBRARY, {"q": query})
    assert [item["image"].caption for item in response.context["items"]] == [found]
    assertContains(response, "1 picture for")


def test_uploaded_by_me_and_recent(client):
    me = make_user("Photo desk")
    mine = make_image(caption="Mine", uploaded_by=me)
    make_image(caption="Someone else's")
    old = make_image(caption="Old and mine", uploaded_by=me)
    ImageAsset.objects.filter(pk=old.pk).update(uploaded_at=timezone.now() - timedelta(days=40))
    client.force_login(me)

    def captions(**params):
        response = client.get(LIBRARY, params)
        return [item["image"].caption for item in response.context["items"]]

    assert captions(mine="1") == ["Mine", "Old and mine"]
    assert captions(recent="1") == ["Someone else's", "Mine"]
    assert captions(mine="1", recent="1") == [mine.caption]


def test_the_library_comes_in_pages_newest_first(client):
    for n in range(30):
        make_image(renditions=False, caption=f"Picture {n:02}")
    client.force_login(make_user("Editor"))
    first = client.get(LIBRARY)
    assert len(first.context["items"]) == 24
    assert first.context["items"][0]["image"].caption == "Picture 29"
    assertContains(first, "Page 1 of 2")
    assertContains(first, 'href="/admin/articles/article/chooser/?page=2"')
    second = client.get(LIBRARY, {"page": "2"})
    assert [i["image"].caption for i in second.context["items"]][-1] == "Picture 00"


def test_the_trash_is_not_offered(client):
    make_image(caption="Kept")
    gone = make_image(caption="Thrown away")
    ImageAsset.objects.filter(pk=gone.pk).update(trashed_at=timezone.now())
    client.force_login(make_user("Writer"))
    response = client.get(LIBRARY)
    assertContains(response, "Kept")
    assertNotContains(response, "Thrown away")


@pytest.mark.parametrize(
    "params",
    [
        {"page": "abc"},
        {"page": str(10**30)},
        {"page": "-1"},
        {"q": "\x00"},
        {"q": "x" * 5000},
        {"mine": "<script>"},
        {"q": "%"},
    ],
)
def test_hostile_input_is_answered_never_a_500(client, params):
    make_image()
    client.force_login(make_user("Writer"))
    assert client.get(LIBRARY, params).status_code == 200


# The Upload tab: the photo desk's form and checks, for editors too.


def choose(client, *files):
    return client.post(UPLOAD, {"chooser-files": list(files), "choose": "Check pictures"})


def confirm(client, response, **row):
    form = response.context["formset"].forms[0]
    data = {
        "chooser-TOTAL_FORMS": "1",
        "chooser-INITIAL_FORMS": "0",
        "chooser-MIN_NUM_FORMS": "0",
        "chooser-MAX_NUM_FORMS": "50",
        "chooser-0-token": form["token"].value(),
        "details": "1",
        **{f"chooser-0-{name}": value for name, value in row.items()},
    }
    return client.post(UPLOAD, data)


@pytest.mark.parametrize("role", ["Editor", "Photo desk"])
def test_editors_and_the_photo_desk_upload_in_the_chooser(client, role):
    user = make_user(role)
    client.force_login(user)
    assertContains(client.get(LIBRARY), 'data-can-upload="true"')
    jpeg = iptc_jpeg({80: "Zoë Ångström", 110: "Reuters", 120: "Ferry at the pier, Oban."})
    response = choose(client, upload(jpeg, "ferry.jpg"))
    assertContains(response, 'value="Zoë Ångström / Reuters"')  # prefilled from IPTC
    assertContains(response, 'value="Ferry at the pier, Oban."')
    assert not ImageAsset.objects.exists()  # nothing added before the details are confirmed

    response = confirm(
        client,
        response,
        credit="Zoë Ångström / Reuters",
        caption="Ferry at the pier, Oban.",
        alt_text="A ferry at the pier",
    )
    image = ImageAsset.objects.get()
    assert (image.credit, image.alt_text, image.uploaded_by) == (
        "Zoë Ångström / Reuters",
        "A ferry at the pier",
        user,
    )
    assert image.sources["thumb"]  # renditions made, as on the photo desk's page
    assertContains(response, "data-chooser-uploaded")
    assertContains(response, f"&quot;id&quot;: {image.pk}")


def test_a_picture_without_credit_is_refused_and_what_was_typed_is_kept(client):
    client.force_login(make_user("Editor"))
    response = choose(client, good_upload("quay.jpg"))
    response = confirm(client, response, credit=" ", caption="The quay", alt_text="Boats moored")
    assertContains(response, "Add a credit: every picture belongs to someone.")
    assertContains(response, 'value="The quay"')
    assertContains(response, 'value="Boats moored"')
    assertNotContains(response, "data-chooser-uploaded")
    assert not ImageAsset.objects.exists()


def test_a_picture_without_alt_text_is_refused(client):
    client.force_login(make_user("Editor"))
    response = choose(client, good_upload("quay.jpg"))
    response = confirm(client, response, credit="Agency", caption="", alt_text="")
    assertContains(response, "Describe the picture for readers who cannot see it.")
    assert not ImageAsset.objects.exists()


def test_a_file_that_is_no_picture_is_refused_with_its_reason(client):
    client.force_login(make_user("Editor"))
    response = choose(client, upload(b"<html><script>alert(1)</script></html>", "notes.jpg"))
    assertContains(response, "notes.jpg")
    assertContains(response, "This file is not a picture")
    assertContains(response, 'name="chooser-files"')  # step 1 again
    assert not ImageAsset.objects.exists()


def test_choosing_no_file_says_so(client):
    client.force_login(make_user("Editor"))
    assertContains(choose(client), "Choose at least one picture.")


def test_a_writer_may_not_upload_even_by_a_crafted_post(client):
    client.force_login(make_user("Writer"))
    assert client.get(UPLOAD).status_code == 403
    assert choose(client, good_upload()).status_code == 403
    assert not ImageAsset.objects.exists()


def test_a_staged_file_of_someone_else_cannot_be_confirmed(client):
    client.force_login(make_user("Editor"))
    response = choose(client, good_upload())
    client.force_login(make_user("Editor"))
    response = confirm(client, response, credit="A", caption="", alt_text="B")
    assertContains(response, "This upload is not yours.")
    assert not ImageAsset.objects.exists()


# The hero picture field on the article form.


def test_the_hero_field_shows_the_chosen_picture_and_opens_the_chooser(client):
    image = make_image(caption="Lifeboat launch", credit="Coastguard")
    article = make_article(hero_image=image, published=False)
    client.force_login(make_user("Editor"))
    response = client.get(change_url(article))
    assertContains(response, 'data-chooser-open="hero"')
    assertContains(response, f'name="hero_image" value="{image.pk}"')
    assertContains(response, "Lifeboat launch")
    assertContains(response, "Image credit: Coastguard")
    assertContains(response, f"/media/{image.sources['card'][0][1]}")


@pytest.mark.parametrize("value", ["abc", str(10**30), "999999", "1;DROP"])
def test_a_hero_value_that_is_no_picture_is_refused_in_the_form(client, value):
    article = make_article(published=False)
    client.force_login(make_user("Editor"))
    response = client.get(change_url(article))
    form = response.context["adminform"].form
    data = {name: form[name].value() or "" for name in form.fields}
    data.update({"hero_image": value, "section": article.section_id, "_continue": "1"})
    for prefix in ("bylines", "article_topics", "related_links"):
        data.update({f"{prefix}-TOTAL_FORMS": "0", f"{prefix}-INITIAL_FORMS": "0"})
    response = client.post(change_url(article), data)
    assert response.status_code == 200
    assertContains(response, "Select a valid choice")
    assertContains(response, f'value="{article.headline}"')  # what was typed stays


@pytest.mark.parametrize(
    "data",
    [
        {"details": "1", "chooser-TOTAL_FORMS": "abc", "chooser-INITIAL_FORMS": "0"},
        {"details": "1", "chooser-TOTAL_FORMS": "1", "chooser-INITIAL_FORMS": "0",
         "chooser-0-token": "forged", "chooser-0-credit": "A", "chooser-0-alt_text": "B"},
        {"details": "1", "chooser-TOTAL_FORMS": "100000", "chooser-INITIAL_FORMS": "0"},
        {"choose": "1", "chooser-files": "not a file"},
        {"details": "1"},
    ],
)  # fmt: skip
def test_a_crafted_upload_is_refused_never_a_500(client, data):
    client.force_login(make_user("Editor"))
    response = client.post(UPLOAD, data)
    assert response.status_code == 200
    assertNotContains(response, "data-chooser-uploaded")
    assert not ImageAsset.objects.exists()


def test_the_upload_tab_answers_get_and_post_only(client):
    client.force_login(make_user("Editor"))
    assert client.put(UPLOAD).status_code == 405
