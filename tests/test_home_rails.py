"""The home page's rails: the latest few public articles of each section, in menu order."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from articles.models import Status
from articles.views import RAIL_LENGTH

from .factories import make_article, make_section

pytestmark = pytest.mark.django_db


def test_each_section_gets_a_rail_of_its_latest_public_articles_in_menu_order(client):
    sport = make_section(name="Sport", slug="sport", position=2)
    news = make_section(name="News", slug="news", position=1)
    make_section(name="Empty", slug="empty", position=3)
    now = timezone.now()
    for n in range(RAIL_LENGTH + 1):
        make_article(headline=f"Sport {n}", section=sport, published_at=now - timedelta(hours=n))
    make_article(headline="News 0", section=news)
    make_article(headline="News draft", section=news, published=False)
    make_article(
        headline="News scheduled",
        section=news,
        status=Status.SCHEDULED,
        published_at=now + timedelta(hours=1),
    )
    rails = client.get(reverse("articles:home")).context["rails"]
    assert [(section.name, [a.headline for a in articles]) for section, articles in rails] == [
        ("News", ["News 0"]),
        ("Sport", [f"Sport {n}" for n in range(RAIL_LENGTH)]),
    ]


def test_the_rails_are_drawn_with_a_heading_linking_each_section(client):
    sport = make_section(name="Sport", slug="sport")
    make_article(headline="Regatta", section=sport)
    html = client.get(reverse("articles:home")).text
    assert (
        '<h2 class="rule-heading" id="rail-sport"><a href="/sections/sport/">Sport</a></h2>' in html
    )
