"""`manage.py seed_demo` gives a new developer a working newsroom at once."""

import re
from io import StringIO

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.urls import reverse
from pytest_django.asserts import assertContains

from articles.models import Article, ImageAsset, RelatedArticle

pytestmark = pytest.mark.django_db


def seed():
    out = StringIO()
    call_command("seed_demo", stdout=out)
    return out.getvalue()


def test_seed_demo_creates_a_readable_newsroom(client, settings):
    settings.DEBUG = False
    seed()
    published = Article.objects.published()
    assert published.count() == 12
    assert Article.objects.count() == 14
    assert all(article.hero_image and article.bylines.exists() for article in published)
    assert not ImageAsset.objects.filter(credit="").exists()
    assert RelatedArticle.objects.exists()
    lead = published.first()
    response = client.get(lead.get_absolute_url())
    assertContains(response, f"Image credit: {lead.hero_image.credit}")
    assert response.content.decode().count("<h2>") >= 2
    assertContains(response, "<blockquote>")
    assertContains(client.get(reverse("articles:home")), lead.headline)


def test_seed_demo_is_idempotent(settings):
    settings.DEBUG = False
    seed()
    counts = (Article.objects.count(), ImageAsset.objects.count(), RelatedArticle.objects.count())
    seed()
    assert counts == (
        Article.objects.count(),
        ImageAsset.objects.count(),
        RelatedArticle.objects.count(),
    )


def test_seed_demo_creates_an_admin_only_in_development(client, settings):
    settings.DEBUG = False
    assert "password" not in seed()
    assert not get_user_model().objects.filter(username="admin").exists()

    settings.DEBUG = True
    output = seed()
    password = re.search(r"password: (\S+)", output).group(1)
    assert client.login(username="admin", password=password)
    assert "already exists" in seed()


def test_seed_demo_adds_one_user_per_role_in_development(client, settings):
    settings.DEBUG = True
    output = seed()
    for username, role in (("writer", "Writer"), ("editor", "Editor"), ("photodesk", "Photo desk")):
        password = re.search(rf"{role} user “{username}” with password: (\S+)", output).group(1)
        assert client.login(username=username, password=password)
        assert get_user_model().objects.get(username=username).groups.get().name == role
    assert "“editor” already exists" in seed()

    settings.DEBUG = False
    get_user_model().objects.filter(username="writer").delete()
    seed()
    assert not get_user_model().objects.filter(username="writer").exists()


def test_seed_demo_publishes_through_the_workflow(settings):
    settings.DEBUG = False
    seed()
    published = Article.objects.published()
    assert all(
        article.events.get().to_status == "published" and article.events.get().actor is None
        for article in published
    )


def test_demo_articles_show_credited_pictures_inside_the_body(client, settings):
    settings.DEBUG = False
    seed()
    response = client.get(Article.objects.get(slug="lantern-theatre-reopens").get_absolute_url())
    body = response.content.decode().split('class="story__body"')[1].split("</article>")[0]
    assert "Image credit: Ottilie Brandt / Kestrel Arts Photography" in body
    assert "The restored plasterwork ceiling" in body
