"""`manage.py seed_demo` gives a new developer a working newsroom at once, through the real
import path: the copy in articles/demo/ is imported and then published by the workflow."""

import re
import tomllib
from io import StringIO
from pathlib import Path

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.http import HttpRequest
from django.urls import reverse
from pytest_django.asserts import assertContains

from articles.importing import parse
from articles.models import (
    Article,
    ArticleEvent,
    Author,
    Byline,
    ImageAsset,
    RelatedArticle,
    Rendition,
    Revision,
    Section,
    Status,
)

pytestmark = pytest.mark.django_db

DEMO = Path(__file__).resolve().parent.parent / "articles" / "demo"
MANIFEST = tomllib.loads((DEMO / "manifest.toml").read_text(encoding="utf-8"))


def seed():
    out = StringIO()
    call_command("seed_demo", stdout=out)
    return out.getvalue()


def seeded(entry):
    """The article seeded from one manifest entry: the importer names its file in the history."""
    return Article.objects.get(revisions__comment=f"Imported from {entry['file']}")


def test_seed_demo_creates_a_readable_newsroom(client, settings):
    settings.DEBUG = False
    seed()
    published = Article.objects.published()
    assert published.count() == 12
    assert Article.objects.count() == 14
    with_picture_and_byline = published.filter(hero_image__isnull=False, bylines__isnull=False)
    assert with_picture_and_byline.distinct().count() == 12
    assert not ImageAsset.objects.filter(credit="").exists()
    lead = published.first()
    response = client.get(lead.get_absolute_url())
    assertContains(response, f"Image credit: {lead.hero_image.credit}")
    assert response.content.decode().count("<h2>") >= 2
    assertContains(response, "<blockquote>")
    assertContains(client.get(reverse("articles:home")), lead.headline)


def test_seed_demo_imports_each_file_and_publishes_it_through_the_workflow(settings):
    settings.DEBUG = False
    seed()
    drafts = [entry for entry in MANIFEST["articles"] if entry.get("draft")]
    published = [entry for entry in MANIFEST["articles"] if not entry.get("draft")]
    assert (len(published), len(drafts)) == (12, 2)
    for entry in published:
        article = seeded(entry)
        assert article in Article.objects.published()
        (event,) = article.events.all()
        assert (event.from_status, event.to_status, event.actor) == ("draft", "published", None)
        hours = (event.at - article.published_at).total_seconds() / 3600
        assert hours == pytest.approx(entry["hours_ago"], abs=0.1)
        assert article.revisions.count() >= 1
    for entry in drafts:
        article = seeded(entry)
        assert article.status == Status.DRAFT
        assert not article.events.exists()
        assert article not in Article.objects.published()


def test_seed_demo_takes_words_byline_credit_and_related_from_the_copy(settings):
    settings.DEBUG = False
    seed()
    for entry in MANIFEST["articles"]:
        copy = parse((DEMO / entry["file"]).read_text(encoding="utf-8"), entry["file"])
        article = seeded(entry)
        assert (article.headline, article.standfirst) == (copy.headline, copy.standfirst)
        assert article.section.slug == entry["section"]
        assert [byline.author.name for byline in article.bylines.all()] == entry["authors"]
        assert article.hero_image.credit == copy.credit
        assert article.hero_image.caption == entry["picture"]["caption"]
        # In the file's order, including those imported after this one.
        related = [link.to_article.headline for link in article.related_links.all()]
        assert related == copy.related and len(related) >= 2


def test_demo_articles_show_credited_pictures_inside_the_body(client, settings):
    settings.DEBUG = False
    seed()
    with_pictures = [entry for entry in MANIFEST["articles"] if "body_picture" in entry]
    assert len(with_pictures) == 3
    for entry in with_pictures:
        picture = entry["body_picture"]
        response = client.get(seeded(entry).get_absolute_url())
        body = response.content.decode().split('class="story__body"')[1].split("</article>")[0]
        assert f"Image credit: {picture['credit']}" in body
        assert picture["caption"] in body


def counts():
    return {
        model.__name__: model.objects.count()
        for model in (
            Article,
            Revision,
            ArticleEvent,
            ImageAsset,
            Rendition,
            RelatedArticle,
            Byline,
            Author,
            Section,
        )
    }


def test_seed_demo_is_idempotent(settings):
    settings.DEBUG = False
    seed()
    before = counts()
    assert before["Article"] == 14 and before["Rendition"] > 0
    assert "(0 new articles)" in seed()
    assert counts() == before


def test_seed_demo_creates_an_admin_only_in_development(client, settings):
    settings.DEBUG = False
    assert "password" not in seed()
    assert not get_user_model().objects.filter(username="admin").exists()

    settings.DEBUG = True
    output = seed()
    password = re.search(r"password: (\S+)", output).group(1)
    assert client.login(request=HttpRequest(), username="admin", password=password)
    assert "already exists" in seed()


def test_seed_demo_adds_one_user_per_role_in_development(client, settings):
    settings.DEBUG = True
    output = seed()
    for username, role in (("writer", "Writer"), ("editor", "Editor"), ("photodesk", "Photo desk")):
        password = re.search(rf"{role} user “{username}” with password: (\S+)", output).group(1)
        assert client.login(request=HttpRequest(), username=username, password=password)
        assert get_user_model().objects.get(username=username).groups.get().name == role
    assert "“editor” already exists" in seed()

    settings.DEBUG = False
    get_user_model().objects.filter(username="writer").delete()
    seed()
    assert not get_user_model().objects.filter(username="writer").exists()


def test_seed_demo_says_how_to_reset_an_existing_demo_password(client, settings, monkeypatch):
    settings.DEBUG = True
    seed()

    output = seed()

    for username in ("admin", "writer", "editor", "photodesk"):
        assert f"manage.py changepassword {username}" in output
    # The command it names works: the writer signs in with the password set through it.
    from django.contrib.auth.management.commands import changepassword

    monkeypatch.setattr(changepassword.getpass, "getpass", lambda prompt="": "new-demo-pw-4711")
    call_command("changepassword", "writer", stdout=StringIO())
    assert client.login(request=HttpRequest(), username="writer", password="new-demo-pw-4711")
