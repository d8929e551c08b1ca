"""The live preview beside the article form (issue 12, item 4): the unsaved form, drawn by
the public page's template, writing nothing; invalid data answers its errors, never a 500."""

import pytest
from pytest_django.asserts import assertContains, assertNotContains

from articles.models import Article, Revision, Status

from .desk import change_url
from .factories import make_article, make_author, make_image, make_section, make_user

pytestmark = pytest.mark.django_db

ADD = "/admin/articles/article/live-preview/"


def change_preview(article):
    return f"/admin/articles/article/{article.pk}/live-preview/"


def form_data(client, url, **fields):
    """The article form as the page draws it (every field with its value), changed by
    `fields`, with empty inline formsets unless given."""
    form = client.get(url).context["adminform"].form
    data = {name: form[name].value() for name in form.fields}
    data = {name: "" if value is None else value for name, value in data.items()}
    for prefix in ("bylines", "article_topics", "related_links", "corrections"):
        data.update({f"{prefix}-TOTAL_FORMS": "0", f"{prefix}-INITIAL_FORMS": "0"})
    data.update(fields)
    return data


def test_the_add_page_previews_what_is_typed_and_writes_nothing(client):
    section = make_section(name="Science")
    image = make_image(caption="Seagrass off the shore", credit="Lena Park")
    author = make_author(name="Ines Duarte")
    client.force_login(make_user("Writer"))
    data = form_data(
        client,
        "/admin/articles/article/add/",
        headline="Seagrass meadows return to the bay",
        standfirst="Divers counted twice as many shoots.",
        slug="seagrass-meadows",
        body="<p>The meadows <strong>are back</strong>.</p><script>alert(1)</script>",
        section=str(section.pk),
        hero_image=str(image.pk),
        **{
            "bylines-TOTAL_FORMS": "1",
            "bylines-0-author": str(author.pk),
            "bylines-0-position": "0",
        },
    )
    response = client.post(ADD, data)
    assert response.status_code == 200
    assertContains(response, '<h1 class="story__headline">Seagrass meadows return to the bay</h1>')
    assertContains(response, "Divers counted twice as many shoots.")
    assertContains(response, "The meadows <strong>are back</strong>.")
    assertNotContains(response, "alert(1)")  # the body is cleaned as on save
    assertContains(response, "Ines Duarte")
    assertContains(response, "Image credit: Lena Park")
    assertContains(response, "Live preview — not saved yet")
    assert response["X-Robots-Tag"] == "noindex, nofollow"
    assert "no-cache" in response["Cache-Control"]
    assert not Article.objects.exists()


def test_the_change_page_previews_unsaved_edits_and_the_article_stays_as_saved(client):
    writer = make_user("Writer")
    article = make_article(published=False, created_by=writer, headline="Saved headline")
    updated_at = article.updated_at
    client.force_login(writer)
    data = form_data(client, change_url(article), headline="Unsaved headline")
    response = client.post(change_preview(article), data)
    assertContains(response, "Unsaved headline")
    assertNotContains(response, "Saved headline")
    article.refresh_from_db()
    assert (article.headline, article.updated_at) == ("Saved headline", updated_at)
    assert not Revision.objects.filter(article=article).exists()


def test_a_published_articles_corrections_and_related_links_are_shown(client):
    other = make_article(headline="The first report")
    article = make_article(headline="Live story")
    article.corrections.create(kind="correction", text="An earlier version misspelt a name.")
    client.force_login(make_user("Editor"))
    data = form_data(
        client,
        change_url(article),
        **{
            "related_links-TOTAL_FORMS": "1",
            "related_links-0-to_article": str(other.pk),
            "related_links-0-position": "0",
        },
    )
    response = client.post(change_preview(article), data)
    assertContains(response, "An earlier version misspelt a name.")
    assertContains(response, "The first report")
    assert not article.related_links.exists()


@pytest.mark.parametrize(
    "fields, message",
    [
        ({"headline": ""}, "Headline"),
        ({"section": ""}, "Section"),
        ({"hero_image": "abc"}, "Select a valid choice"),
        ({"hero_image": str(10**30)}, "Select a valid choice"),
        ({"slug": "not a slug!"}, "Slug"),
        ({"bylines-TOTAL_FORMS": "1", "bylines-0-author": "x"}, "Authors"),
        ({"bylines-TOTAL_FORMS": "abc"}, "ManagementForm"),
    ],
)
def test_invalid_form_data_shows_the_errors_never_a_500(client, fields, message):
    make_section()
    client.force_login(make_user("Writer"))
    data = form_data(client, "/admin/articles/article/add/", headline="A headline", slug="a")
    data.setdefault("section", "")
    data.update(fields)
    if "section" not in fields:
        data["section"] = str(make_section().pk)
    response = client.post(ADD, data)
    assert response.status_code == 200
    assert response["X-Preview-Errors"]
    assertContains(response, "Nothing to preview yet")
    assertContains(response, message)
    assert not Article.objects.exists()


def test_a_stale_version_is_said_in_the_panel(client):
    writer = make_user("Writer")
    article = make_article(published=False, created_by=writer)
    client.force_login(writer)
    data = form_data(client, change_url(article), version="2000-01-01T00:00:00+00:00")
    response = client.post(change_preview(article), data)
    assertContains(response, "Not saved:")
    assertNotContains(response, "<a href")  # the message's link is left out of the panel


def test_only_post_is_answered(client):
    client.force_login(make_user("Writer"))
    assert client.get(ADD).status_code == 405


def test_staff_only_and_the_desks_answers_for_may_not(client):
    writer = make_user("Writer")
    own_in_review = make_article(published=False, created_by=writer, status=Status.IN_REVIEW)
    others_draft = make_article(published=False, created_by=make_user("Writer"))
    response = client.post(ADD, {})
    assert response.status_code == 302 and "/admin/login/" in response["Location"]
    client.force_login(writer)
    assert client.post(change_preview(own_in_review), {}).status_code == 403  # sees, may not edit
    assert client.post(change_preview(others_draft), {}).status_code == 404  # may not see
    assert client.post("/admin/articles/article/999999/live-preview/", {}).status_code == 404
    client.force_login(make_user("Photo desk"))
    assert client.post(ADD, {}).status_code == 403  # may not add articles
