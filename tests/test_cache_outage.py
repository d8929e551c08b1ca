"""A cache outage never closes the desk (issue 13, item 5): with Redis down, presence and
every other best-effort use of the cache degrade quietly, and are logged. The heartbeat
bounds what it stores."""

import logging
import socket

import pytest
from django.core.cache import cache
from django.test import Client
from django.urls import reverse

from articles import presence

from .desk import change_url
from .factories import make_article, make_user

pytestmark = pytest.mark.django_db


def closed_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]  # nothing listens there once the probe is closed


@pytest.fixture
def redis_down(settings):
    settings.CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": f"redis://127.0.0.1:{closed_port()}/0",
            "OPTIONS": {"socket_connect_timeout": 0.5, "socket_timeout": 0.5},
        }
    }
    with pytest.raises(Exception):  # noqa: B017 (whatever the client raises)
        cache.get("anything")
    return settings


@pytest.fixture
def editor():
    client = Client(raise_request_exception=False)
    client.force_login(make_user("Editor"))
    return client


def test_the_change_page_opens_with_redis_down_and_says_so_in_the_log(redis_down, editor, caplog):
    article = make_article(published=False)
    with caplog.at_level(logging.WARNING, logger="articles.presence"):
        response = editor.get(change_url(article))
    assert response.status_code == 200
    assert "Presence unavailable: the cache did not answer." in caplog.text


def test_the_heartbeat_and_leaving_answer_with_redis_down(redis_down, editor):
    article = make_article(published=False)
    url = reverse("admin:articles_article_presence", args=[article.pk])
    response = editor.post(url, {"page": "abc"})
    assert response.status_code == 200 and response.json() == {"others": []}
    assert editor.post(url, {"page": "abc", "leave": "1"}).status_code == 200


def test_saving_an_article_works_with_redis_down(redis_down, editor):
    from .admin_forms import form_data

    article = make_article(published=False, headline="Before")
    data = form_data(editor.get(change_url(article)))
    data["headline"] = "After"
    assert editor.post(change_url(article), data).status_code == 302


def test_the_heartbeat_stores_a_bounded_token_and_few_people(editor):
    article = make_article(published=False)
    url = reverse("admin:articles_article_presence", args=[article.pk])
    editor.post(url, {"page": "x" * 100_000})
    [entry] = cache.get(presence._key(article.pk)).values()
    assert entry["page"] == ""
    for _ in range(presence.MAX_PEOPLE + 10):
        presence.touch(article.pk, make_user("Editor"), page=presence.new_page())
    assert len(cache.get(presence._key(article.pk))) == presence.MAX_PEOPLE
