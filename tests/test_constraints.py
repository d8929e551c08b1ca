"""Rules the database itself enforces, and how the admin explains them."""

import pytest
from django.db import IntegrityError, transaction
from django.db.models import ProtectedError
from django.urls import reverse
from pytest_django.asserts import assertContains

from articles.models import Article, ImageAsset, RelatedArticle, Status

from .factories import image_upload, make_article, make_image, make_section

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("credit", ["", "   "])
def test_database_refuses_an_image_without_credit(credit):
    with pytest.raises(IntegrityError), transaction.atomic():
        make_image(credit=credit, renditions=False)
    assert not ImageAsset.objects.exists()


def test_database_refuses_an_image_without_alt_text():
    with pytest.raises(IntegrityError), transaction.atomic():
        make_image(alt_text="", renditions=False)


def test_database_refuses_an_article_related_to_itself():
    article = make_article()
    with pytest.raises(IntegrityError), transaction.atomic():
        RelatedArticle.objects.create(from_article=article, to_article=article)


def test_database_refuses_the_same_related_article_twice():
    other = make_article()
    article = make_article(related=[other])
    with pytest.raises(IntegrityError), transaction.atomic():
        RelatedArticle.objects.create(from_article=article, to_article=other, position=5)


def test_database_refuses_a_published_article_without_a_date():
    with pytest.raises(IntegrityError), transaction.atomic():
        make_article(status=Status.PUBLISHED, published_at=None)


def test_deleting_an_image_an_article_uses_is_refused():
    image = make_image()
    make_article(hero_image=image)
    with pytest.raises(ProtectedError):
        image.delete()
    assert ImageAsset.objects.filter(pk=image.pk).exists()


def test_slug_is_made_from_the_headline_and_kept_unique():
    first = make_article(headline="Harbour bridge reopens after repairs")
    second = make_article(headline="Harbour bridge reopens after repairs")
    assert first.slug == "harbour-bridge-reopens-after-repairs"
    assert second.slug == "harbour-bridge-reopens-after-repairs-2"


# The same rules, explained in the admin forms.


def article_form_data(article, related=(), **overrides):
    data = {
        "headline": article.headline,
        "standfirst": article.standfirst,
        "body": article.body,
        "section": article.section_id,
        "slug": article.slug,
        "published_at_0": "",
        "published_at_1": "",
        "bylines-TOTAL_FORMS": "0",
        "bylines-INITIAL_FORMS": "0",
        "related_links-TOTAL_FORMS": str(len(related)),
        "related_links-INITIAL_FORMS": "0",
        "article_topics-TOTAL_FORMS": "0",
        "article_topics-INITIAL_FORMS": "0",
    }
    for i, to_article in enumerate(related):
        data[f"related_links-{i}-to_article"] = to_article.pk
        data[f"related_links-{i}-position"] = i
    data.update(overrides)
    return data


def test_admin_explains_an_article_related_to_itself(admin_client):
    article = make_article(published=False)
    url = reverse("admin:articles_article_change", args=[article.pk])
    response = admin_client.post(url, article_form_data(article, related=[article]))
    assert response.status_code == 200
    assertContains(response, "An article cannot be related to itself.")
    assert not RelatedArticle.objects.exists()


def test_admin_explains_a_duplicate_related_article(admin_client):
    article, other = make_article(published=False), make_article()
    url = reverse("admin:articles_article_change", args=[article.pk])
    response = admin_client.post(url, article_form_data(article, related=[other, other]))
    assert response.status_code == 200
    assertContains(response, "Please correct the duplicate data")
    assert not RelatedArticle.objects.exists()


def test_admin_explains_a_missing_credit_and_keeps_what_was_typed(admin_client):
    response = admin_client.post(
        reverse("admin:articles_imageasset_add"),
        {
            "file": image_upload(),
            "credit": "  ",
            "caption": "Crowds at the quay",
            "alt_text": "A crowd",
        },
    )
    assert response.status_code == 200
    assertContains(response, "Add a credit: every picture belongs to someone")
    assertContains(response, 'value="Crowds at the quay"')
    assert not ImageAsset.objects.exists()


def test_admin_explains_why_an_image_in_use_cannot_be_deleted(admin_client):
    image = make_image()
    article = make_article(hero_image=image)
    url = reverse("admin:articles_imageasset_delete", args=[image.pk])
    response = admin_client.post(url, {"post": "yes"})
    assertContains(response, "cannot be deleted while it is used")
    assertContains(response, article.headline)
    assert ImageAsset.objects.filter(pk=image.pk).exists()


def test_admin_stamps_the_uploader(admin_client, admin_user):
    response = admin_client.post(
        reverse("admin:articles_imageasset_add"),
        {
            "file": image_upload(width=40, height=30),
            "credit": "Ana Ruiz / Coastline Photos",
            "caption": "",
            "alt_text": "Boats in a harbour",
        },
    )
    assert response.status_code == 302
    image = ImageAsset.objects.get()
    assert (image.uploaded_by, image.width, image.height) == (admin_user, 40, 30)


def test_admin_saves_an_article_with_an_empty_slug(admin_client):
    section = make_section()
    data = article_form_data(Article(headline="Tram line opens", section=section), slug="")
    response = admin_client.post(reverse("admin:articles_article_add"), data)
    assert response.status_code == 302
    assert Article.objects.get().slug == "tram-line-opens"
