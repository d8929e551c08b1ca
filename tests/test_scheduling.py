"""Scheduling and embargo: an article goes live on every public page, feed and sitemap at
its time, with no job to run; unpublishing removes it everywhere at once."""

from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from django.urls import reverse

from articles import workflow
from articles.models import Article, ArticleTopic, Topic

from .factories import make_article, make_author, make_user

pytestmark = pytest.mark.django_db

NOON = datetime(2026, 3, 2, 12, 0, tzinfo=ZoneInfo("Europe/London"))
EMBARGO = NOON + timedelta(hours=3)


def public_places(article, author):
    """Every public address that lists or shows the article, and how to spot it there."""
    return {
        "article page": article.get_absolute_url(),
        "home": reverse("articles:home"),
        "section": article.section.get_absolute_url(),
        "author": author.get_absolute_url(),
        "search": reverse("articles:search") + "?q=embargoed",
        "feed": reverse("articles:feed"),
        "section feed": reverse("articles:section_feed", args=[article.section.slug]),
        "sitemap": reverse("sitemap_part", args=["articles"]),
        # The doors of "being found" (issue 11): every feed, the news sitemap, the topic
        # page, and the related articles another story fills itself with.
        "atom": reverse("articles:atom"),
        "author feed": reverse("articles:author_atom", args=[author.slug]),
        "topic": reverse("articles:topic", args=["budget"]),
        "topic feed": reverse("articles:topic_feed", args=["budget"]),
        "news sitemap": reverse("news_sitemap"),
        "related on another article": author.articles.exclude(pk=article.pk)
        .get()
        .get_absolute_url(),
    }


def shown_in(client, article, author):
    """The places where readers can see the article now."""
    seen = set()
    for place, url in public_places(article, author).items():
        response = client.get(url)
        if place == "article page":
            assert response.status_code in (200, 404)
            if response.status_code == 200:
                seen.add(place)
        elif article.get_absolute_url() in response.content.decode():
            seen.add(place)
    return seen


@pytest.fixture
def embargoed(time_machine):
    """An article scheduled by an editor at noon to go live at 15:00."""
    time_machine.move_to(NOON, tick=False)
    author = make_author()
    make_article(authors=[author])  # so the author's page exists before the embargo
    article = make_article(published=False, headline="Embargoed budget details", authors=[author])
    ArticleTopic.objects.create(article=article, topic=Topic.objects.create(name="Budget"))
    editor = make_user("Editor")
    workflow.schedule(article, by=editor, at=EMBARGO)
    return article, author, editor


def test_a_scheduled_article_is_hidden_until_its_time_then_everywhere(
    client, embargoed, time_machine
):
    article, author, _ = embargoed
    everywhere = set(public_places(article, author))

    assert shown_in(client, article, author) == set()
    time_machine.move_to(EMBARGO - timedelta(seconds=1), tick=False)
    assert shown_in(client, article, author) == set()

    time_machine.move_to(EMBARGO, tick=False)
    assert shown_in(client, article, author) == everywhere
    assert Article.objects.get(pk=article.pk).status == "scheduled"  # nothing had to flip it


def test_unpublishing_removes_it_everywhere_at_once(client, embargoed, time_machine):
    article, author, editor = embargoed
    time_machine.move_to(EMBARGO + timedelta(hours=1), tick=False)
    assert shown_in(client, article, author) == set(public_places(article, author))

    workflow.unpublish(article, by=editor)
    assert shown_in(client, article, author) == set()


def test_taking_an_article_off_the_schedule_keeps_it_hidden(client, embargoed, time_machine):
    article, author, editor = embargoed
    workflow.return_to_draft(article, by=editor)
    time_machine.move_to(EMBARGO + timedelta(days=1), tick=False)
    assert shown_in(client, article, author) == set()


def test_rescheduling_moves_the_embargo(client, embargoed, time_machine):
    article, author, editor = embargoed
    workflow.schedule(article, by=editor, at=EMBARGO + timedelta(hours=2))
    time_machine.move_to(EMBARGO + timedelta(hours=1), tick=False)
    assert shown_in(client, article, author) == set()
    time_machine.move_to(EMBARGO + timedelta(hours=2), tick=False)
    assert "article page" in shown_in(client, article, author)
