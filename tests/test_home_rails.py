"""The home page's rails: the latest few public articles of each section, in menu order."""

from datetime import UTC, datetime, timedelta

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


@pytest.mark.parametrize("cache", ["in each process", "shared (Redis)"])
def test_a_rail_dates_each_article_in_the_site_s_time_zone(client, settings, cache):
    """The rail comes with the menu's query, with or without a shared cache keeping the
    page's bound: 23:30 UTC on the last day of June is 1 July in London."""
    import secrets

    from .test_settings import redis_for_tests

    if cache == "shared (Redis)":
        settings.CACHES = {
            "default": {
                "BACKEND": "django.core.cache.backends.redis.RedisCache",
                "LOCATION": redis_for_tests(),
                "KEY_PREFIX": f"test-{secrets.token_hex(6)}",
            }
        }
    sport = make_section(name="Sport", slug="sport")
    late = datetime(2026, 6, 30, 23, 30, 5, 123456, tzinfo=UTC)
    make_article(headline="Late result", section=sport, published_at=late)
    make_article(headline="Earlier result", section=sport, published_at=late - timedelta(days=2))
    html = client.get(reverse("articles:home")).text
    rail = html[html.index('id="rail-sport"') :]
    assert (
        '<li><a href="/articles/late-result/">Late result</a> '
        '<time datetime="2026-07-01T00:30:05.123456+01:00">1 Jul 2026</time></li>\n'
        '<li><a href="/articles/earlier-result/">Earlier result</a> '
        '<time datetime="2026-06-29T00:30:05.123456+01:00">29 Jun 2026</time></li>'
    ) in rail
