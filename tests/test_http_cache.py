"""HTTP caching of reader pages and the page cache that is never stale (issue 10, items 1-3;
articles/caching.py, articles/invalidation.py). Varnish itself: tests/test_varnish.py."""

import http.server
import logging
import re
import threading
from datetime import timedelta

import pytest
import time_machine
from django.core.cache import cache
from django.test import Client, RequestFactory
from django.urls import reverse
from django.utils import timezone
from django.utils.http import http_date

from articles import invalidation, sharing, trash, workflow
from articles.caching import page_key
from articles.models import Article, ArticleTopic, Byline, Correction, RelatedArticle, Topic
from articles.richtext import figure_markup

from .desk import change_url, workflow_url
from .factories import make_article, make_author, make_image, make_section, make_user
from .test_corrections import change_form

pytestmark = pytest.mark.django_db


@pytest.fixture
def page_cache(settings):
    settings.PAGE_CACHE_SECONDS = 600
    settings.VARNISH_PURGE_URLS = []
    return settings


@pytest.fixture
def committed(django_capture_on_commit_callbacks):
    """Run what is done inside after its transaction commits, as a web request's would."""
    return lambda: django_capture_on_commit_callbacks(execute=True)


@pytest.fixture
def story():
    """A published article with everything a page tags: section, author with a photo, hero
    picture, a picture in the body, a topic; and a second article in its section."""
    section = make_section(name="Harbour")
    author = make_author(name="Mara Quinn", photo=make_image())
    body_picture = make_image(credit="Body Credit / Agency")
    article = make_article(
        headline="Ferry returns to the island",
        section=section,
        authors=[author],
        hero_image=make_image(credit="Hero Credit / Agency"),
        body="<p>The ferry is back.</p>" + figure_markup(body_picture.pk),
    )
    topic = Topic.objects.create(name="Ferries")
    ArticleTopic.objects.create(article=article, topic=topic, position=0)
    make_article(headline="Harbour wall repaired", section=section)
    return {"article": article, "section": section, "author": author, "topic": topic,
            "body_picture": body_picture}  # fmt: skip


def tags_of(response):
    return set(response["xkey"].split())


def directives(response):
    return dict(
        [*part.split("="), ""][:2]
        for part in re.split(r",\s*", response["Cache-Control"])
    )  # fmt: skip


READER_PAGES = {
    "home": lambda s: reverse("articles:home"),
    "article": lambda s: s["article"].get_absolute_url(),
    "section": lambda s: s["section"].get_absolute_url(),
    "author": lambda s: s["author"].get_absolute_url(),
    "topic": lambda s: s["topic"].get_absolute_url(),
    "search": lambda s: reverse("articles:search") + "?q=ferry",
    "feed": lambda s: reverse("articles:feed"),
    "section atom": lambda s: reverse("articles:section_atom", args=[s["section"].slug]),
    "sitemap": lambda s: reverse("sitemap"),
    "sitemap articles": lambda s: reverse("sitemap_part", args=["articles"]),
    "news sitemap": lambda s: reverse("news_sitemap"),
    "robots": lambda s: reverse("robots_txt"),
}


# ---------------------------------------------------------------------------------------
# Item 1: HTTP semantics


@pytest.mark.parametrize("name", READER_PAGES)
def test_every_reader_page_is_public_with_validators_and_tags(client, story, name):
    response = client.get(READER_PAGES[name](story))
    assert response.status_code == 200
    cc = directives(response)
    assert "public" in cc and "private" not in cc and "no-store" not in cc
    assert int(cc["max-age"]) == 60 and int(cc["s-maxage"]) == 600
    assert int(cc["stale-while-revalidate"]) == 30 and int(cc["stale-if-error"]) == 86400
    assert re.fullmatch(r'"[0-9a-f]{32}"', response["ETag"])
    assert response["Last-Modified"]
    assert response["Vary"] == "Cookie"  # nothing else varies: no per-reader content
    assert tags_of(response)
    assert not response.cookies  # a reader page sets no cookie (Varnish would not cache it)


def test_tags_name_what_the_article_page_shows(client, story):
    article, author = story["article"], story["author"]
    tags = tags_of(client.get(article.get_absolute_url()))
    assert {
        f"article-{article.pk}",
        f"section-{story['section'].pk}",
        f"author-{author.pk}",
        f"image-{author.photo_id}",
        f"image-{article.hero_image_id}",
        f"image-{story['body_picture'].pk}",
        f"topic-{story['topic'].pk}",
        "sections",
    } <= tags


def test_list_pages_carry_their_list_tag_and_the_articles_they_show(client, story):
    article = story["article"]
    home = tags_of(client.get("/"))
    assert {"home", f"article-{article.pk}", f"image-{article.hero_image_id}"} <= home
    assert {"feed"} <= tags_of(client.get(reverse("articles:feed")))
    assert {"sitemap"} <= tags_of(client.get(reverse("news_sitemap")))
    search = tags_of(client.get(reverse("articles:search") + "?q=ferry"))
    assert {"search", f"article-{article.pk}"} <= search
    section = tags_of(client.get(story["section"].get_absolute_url()))
    assert {f"section-{story['section'].pk}", f"article-{article.pk}"} <= section


@pytest.mark.parametrize("cache_on", [True, False])
def test_conditional_requests_are_answered_304(client, settings, story, cache_on):
    settings.PAGE_CACHE_SECONDS = 600 if cache_on else 0
    url = story["article"].get_absolute_url()
    first = client.get(url)
    again = client.get(url, headers={"if-none-match": first["ETag"]})
    assert again.status_code == 304 and again["ETag"] == first["ETag"]
    assert not again.content
    if cache_on:  # without the page cache each response is made anew, and dated so
        since = client.get(url, headers={"if-modified-since": first["Last-Modified"]})
        assert since.status_code == 304
    other = client.get(url, headers={"if-none-match": '"something-else"'})
    assert other.status_code == 200 and other.content == first.content


def test_a_changed_page_is_not_304(client, page_cache, story, committed):
    url = story["article"].get_absolute_url()
    etag = client.get(url)["ETag"]
    with committed():
        Correction.objects.create(article=story["article"], text="A correction for readers.")
    response = client.get(url, headers={"if-none-match": etag})
    assert response.status_code == 200 and b"A correction for readers." in response.content


def test_staff_sessions_get_private_no_store_and_never_touch_the_page_cache(
    client, page_cache, story
):
    url = story["article"].get_absolute_url()
    assert client.get(url)["X-Page-Cache"] == "miss"
    assert client.get(url)["X-Page-Cache"] == "hit"
    staff = Client()
    staff.force_login(make_user("Editor"))
    response = staff.get(url)
    assert response.status_code == 200
    assert response["Cache-Control"] == "private, no-store"
    assert "X-Page-Cache" not in response and "xkey" not in response  # not read, not filled
    # A staff visit to a page nobody cached leaves nothing behind for readers.
    section_url = story["section"].get_absolute_url()
    staff.get(section_url)
    assert client.get(section_url)["X-Page-Cache"] == "miss"


def test_previews_share_links_the_admin_and_the_desk_are_never_stored(client, story):
    editor = make_user("Editor")
    draft = make_article(published=False, headline="Embargoed budget story")
    link = sharing.create_link(draft, by=editor)
    shared = client.get(reverse("articles:shared_preview", args=[sharing.token_for(link)]))
    assert shared.status_code == 200
    assert "no-store" in shared["Cache-Control"] and "private" in shared["Cache-Control"]
    assert "xkey" not in shared
    client.force_login(make_user("Photo desk", is_superuser=True))
    for url in [
        reverse("articles:preview", args=[draft.pk]),
        reverse("admin:index"),
        change_url(story["article"]),
        reverse("desk:image_upload"),
    ]:
        response = client.get(url)
        assert response.status_code == 200, url
        assert "no-store" in response["Cache-Control"] and "private" in response["Cache-Control"]
        assert "public" not in response["Cache-Control"]


def test_a_draft_address_is_never_cached(client, page_cache):
    draft = make_article(published=False, headline="Not yet")
    for _ in range(2):
        response = client.get(draft.get_absolute_url())
        assert response.status_code == 404
        assert response["Cache-Control"] == "private, no-store"
        assert "X-Page-Cache" not in response


def test_a_post_is_never_cached(client, page_cache):
    response = client.post(reverse("articles:search"), {"q": "x"})
    assert "public" not in response.get("Cache-Control", "")


# ---------------------------------------------------------------------------------------
# Item 2: the page cache


@pytest.mark.parametrize("name", ["home", "article", "section", "feed", "sitemap", "robots"])
def test_a_second_request_is_a_hit_with_no_sql(
    client, page_cache, story, django_assert_num_queries, name
):
    url = READER_PAGES[name](story)
    first = client.get(url)
    assert first["X-Page-Cache"] == "miss"
    with django_assert_num_queries(0):
        second = client.get(url)
    assert second["X-Page-Cache"] == "hit"
    assert second.content == first.content and second["ETag"] == first["ETag"]
    assert second["Content-Type"] == first["Content-Type"]
    assert second["xkey"] == first["xkey"]


def test_the_page_cache_is_off_unless_configured(client, story):
    assert client.get("/")["X-Page-Cache"] == "off"
    assert client.get("/")["X-Page-Cache"] == "off"


def test_the_key_holds_the_query_string(client, page_cache, story):
    client.get(reverse("articles:search") + "?q=ferry")
    response = client.get(reverse("articles:search") + "?q=harbour")
    assert response["X-Page-Cache"] == "miss"
    assert b"Harbour wall repaired" in response.content


def editor_client():
    client = Client()
    client.force_login(make_user("Editor"))
    return client


def edit_in_admin(s):
    """An editor's edit of the live article: saved (as its pending changes, which readers do
    not see yet), then published, as the desk does it."""
    article = s["article"]
    data = change_form(article)
    data["headline"] = "Ferry returns to the island at last"
    client = editor_client()
    assert client.post(change_url(article), data).status_code == 302
    published = client.post(workflow_url(article, "publish_changes"), {"drawn_for": "published"})
    assert published.status_code == 302


# Each event: (what it does, the page to look at, what that page must then show or not).
EVENTS = {
    "publish": (
        lambda s: workflow.publish(s["draft"], by=s["editor"]),
        "home", b"Draft about the tides", True,
    ),
    "unpublish": (
        lambda s: workflow.unpublish(s["article"], by=s["editor"]),
        "home", b"Ferry returns to the island", False,
    ),
    "archive": (
        lambda s: (workflow.unpublish(s["article"], by=s["editor"]),
                   workflow.archive(s["article"], by=s["editor"])),
        "section", b"Ferry returns to the island", False,
    ),
    "edit in the admin": (edit_in_admin, "home", b"at last", True),
    "correct": (
        lambda s: Correction.objects.create(article=s["article"], text="We got the day wrong."),
        "article", b"We got the day wrong.", True,
    ),
    "picture credit": (
        lambda s: _save(s["article"].hero_image, credit="New Credit / Wire"),
        "article", b"New Credit / Wire", True,
    ),
    "picture caption": (
        lambda s: _save(s["body_picture"], caption="Passengers on the new ferry"),
        "article", b"Passengers on the new ferry", True,
    ),
    "picture alt text": (
        lambda s: _save(s["article"].hero_image, alt_text="The ferry at the pier"),
        "home", b"The ferry at the pier", True,
    ),
    "author": (
        lambda s: _save(s["author"], name="Mara Quinn-Ortiz"), "article", b"Quinn-Ortiz", True,
    ),
    "section": (
        lambda s: _save(s["section"], name="Harbour and coast"),
        "topic", b"Harbour and coast", True,
    ),
    "topic": (lambda s: _save(s["topic"], name="Ferry lines"), "article", b"Ferry lines", True),
    "byline": (
        lambda s: Byline.objects.create(
            article=s["article"], author=make_author(name="Jo Reyes"), position=1),
        "home", b"Jo Reyes", True,
    ),
    "related": (
        lambda s: RelatedArticle.objects.create(
            from_article=s["article"], to_article=s["elsewhere"]),
        "article", b"Council meets on Monday", True,
    ),
    "topic link": (
        lambda s: ArticleTopic.objects.create(
            article=s["article"], topic=Topic.objects.create(name="Island life"), position=1),
        "article", b"Island life", True,
    ),
    "trash": (lambda s: trash.trash(s["article"], by=s["editor"]), "home", b"Ferry returns", False),
    "restore": (
        lambda s: trash.restore(s["trashed"], by=s["editor"]),
        "home", b"Gone for a while", True,
    ),
}  # fmt: skip


def _save(obj, **fields):
    for name, value in fields.items():
        setattr(obj, name, value)
    obj.save()


@pytest.mark.parametrize("event", EVENTS)
def test_each_change_drops_the_cached_pages_that_show_it(
    client, page_cache, story, committed, event
):
    action, page, text, shown = EVENTS[event]
    story["editor"] = make_user("Editor")
    story["draft"] = make_article(
        published=False, headline="Draft about the tides", section=story["section"]
    )
    story["elsewhere"] = make_article(headline="Council meets on Monday")
    story["trashed"] = make_article(headline="Gone for a while", section=story["section"])
    trash.trash(story["trashed"], by=story["editor"])
    url = READER_PAGES[page](story)
    client.get(url)
    before = client.get(url)
    assert before["X-Page-Cache"] == "hit"
    assert (text in before.content) is not shown  # the change is not there yet

    with committed():
        action(story)

    after = client.get(url)
    assert after.status_code == 200
    assert after["X-Page-Cache"] == "miss"
    assert (text in after.content) is shown


def test_an_edit_in_another_section_keeps_unrelated_pages(client, page_cache, story, committed):
    """Invalidation is by tag, not all-or-nothing: a picture change leaves pages without it."""
    elsewhere = make_article(headline="Council meets on Monday", hero_image=make_image())
    url = elsewhere.get_absolute_url()
    client.get(url)
    with committed():
        _save(story["body_picture"], caption="Only the ferry story shows this")
    assert client.get(url)["X-Page-Cache"] == "hit"


def test_a_draft_edit_drops_nothing(client, page_cache, story, committed):
    draft = make_article(published=False, section=story["section"])
    client.get("/")
    with committed():
        _save(draft, headline="Still a draft")
    assert client.get("/")["X-Page-Cache"] == "hit"


def test_a_page_made_while_an_edit_committed_is_not_kept(client, page_cache, story, committed):
    """A page rendered from the data before an edit, finished after the edit's invalidation,
    is served once but not stored."""
    from articles import views

    url = reverse("articles:home")
    original = views.HomeView.get_context_data

    def slow_render(self, **kwargs):
        context = original(self, **kwargs)  # read before the edit below
        with committed():
            Correction.objects.create(article=story["article"], text="Meanwhile.")
        return context

    views.HomeView.get_context_data = slow_render
    try:
        client.get(url)
    finally:
        views.HomeView.get_context_data = original
    assert client.get(url)["X-Page-Cache"] == "miss"


# ---------------------------------------------------------------------------------------
# Scheduled articles


def test_nothing_outlives_the_next_scheduled_publication(client, page_cache, story, committed):
    editor = make_user("Editor")
    draft = make_article(published=False, headline="Embargo lifts", section=story["section"])
    start = timezone.now()
    with time_machine.travel(start, tick=False):
        client.get("/")
        with committed():
            workflow.schedule(draft, by=editor, at=start + timedelta(seconds=45))
        response = client.get("/")
        assert response["X-Page-Cache"] == "miss"  # scheduling dropped the stored home page
        cc = directives(response)
        assert int(cc["max-age"]) <= 45 and int(cc["s-maxage"]) <= 45
        assert int(cc["s-maxage"]) + int(cc["stale-while-revalidate"]) <= 45
        assert b"Embargo lifts" not in response.content
        assert client.get("/")["X-Page-Cache"] == "hit"
    with time_machine.travel(start + timedelta(seconds=30), tick=False):
        response = client.get("/")
        assert response["X-Page-Cache"] == "hit"
        assert int(directives(response)["s-maxage"]) <= 15  # what is left of the bound
    with time_machine.travel(start + timedelta(seconds=45), tick=False):
        response = client.get("/")
        assert response["X-Page-Cache"] == "miss"
        assert b"Embargo lifts" in response.content
        assert int(directives(response)["s-maxage"]) == 600  # nothing else scheduled


@pytest.mark.parametrize("page", ["home", "article", "section", "author", "topic", "search"])
def test_a_page_finds_its_bound_in_its_menu_query(client, story, committed, page):
    """Without a shared cache to keep it, the next scheduled publication comes with the
    section menu (`reading.sections`): the bound holds and costs no query of its own."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    url = {
        "home": "/",
        "article": story["article"].get_absolute_url(),
        "section": story["section"].get_absolute_url(),
        "author": story["author"].get_absolute_url(),
        "topic": story["topic"].get_absolute_url(),
        "search": reverse("articles:search") + "?q=harbour",
    }[page]
    start = timezone.now()
    with time_machine.travel(start, tick=False):
        with committed():
            workflow.schedule(
                make_article(published=False, section=story["section"]),
                by=make_user("Editor"),
                at=start + timedelta(seconds=75),
            )
        client.get(url)
        with CaptureQueriesContext(connection) as captured:
            response = client.get(url)
    assert response.status_code == 200
    cc = directives(response)
    assert 0 < int(cc["s-maxage"]) <= 75 and int(cc["max-age"]) <= 75
    lookups = [q["sql"] for q in captured.captured_queries if "= 'scheduled'" in q["sql"]]
    assert len(lookups) == 1 and "articles_section" in lookups[0]


def test_last_modified_is_when_the_page_was_made(client, story):
    moment = timezone.now().replace(microsecond=0)
    with time_machine.travel(moment, tick=False):
        response = client.get("/")
    assert response["Last-Modified"] == http_date(moment.timestamp())


# ---------------------------------------------------------------------------------------
# Purges sent to Varnish


class PurgeRecorder(http.server.BaseHTTPRequestHandler):
    """A stand-in Varnish: records each PURGE; the first `failures` answer 503."""

    received: list
    failures = 0

    def do_PURGE(self):
        type(self).received.append(self.headers["xkey"])
        failing = len(type(self).received) <= type(self).failures
        self.send_response(503 if failing else 200)
        self.send_header("Content-Length", "0")
        self.end_headers()

    def log_message(self, *args):
        pass


@pytest.fixture
def fake_varnish(settings, monkeypatch):
    handler = type("Recorder", (PurgeRecorder,), {"received": []})
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    settings.VARNISH_PURGE_URLS = [f"http://127.0.0.1:{server.server_port}/"]
    monkeypatch.setattr(invalidation, "PURGE_RETRY_DELAYS", (0.05, 0.05))
    monkeypatch.setattr(invalidation, "PURGE_REPEAT_DELAY", 0.05)
    yield handler
    server.shutdown()
    server.server_close()


def test_a_correction_sends_a_purge_by_tag_after_commit_and_again_later(
    story, committed, fake_varnish
):
    article = story["article"]
    with committed() as callbacks:
        Correction.objects.create(article=article, text="Fixed.")
        assert fake_varnish.received == []  # nothing before the commit
    assert callbacks
    assert len(fake_varnish.received) == 1  # sent before the editor's request ends
    invalidation.wait_for_purges()
    # Once more, for a page made from the old data that reached Varnish after the first.
    assert len(fake_varnish.received) == 2 and len(set(fake_varnish.received)) == 1
    tags = set(fake_varnish.received[0].split())
    assert {f"article-{article.pk}", "home", "feed", f"section-{story['section'].pk}",
            f"author-{story['author'].pk}", f"topic-{story['topic'].pk}"} <= tags  # fmt: skip


def test_a_failed_purge_is_retried_and_logged_and_the_editor_gets_no_error(
    story, fake_varnish, caplog, django_capture_on_commit_callbacks
):
    fake_varnish.failures = 2
    article = story["article"]
    client = Client(raise_request_exception=False)
    client.force_login(make_user("Editor"))
    # The edit is kept as the article's pending changes (nothing public moves, nothing is
    # purged); publishing them is the request that purges.
    data = change_form(article)
    data["headline"] = "Ferry back"
    assert client.post(change_url(article), data).status_code == 302
    with caplog.at_level(logging.WARNING, logger="articles.invalidation"):
        # The test's transaction never commits: what the request left for after its commit
        # is run as the block ends, as a real commit would.
        with django_capture_on_commit_callbacks(execute=True):
            response = client.post(
                workflow_url(article, "publish_changes"), {"drawn_for": "published"}
            )
        invalidation.wait_for_purges()
    assert response.status_code == 302
    # Publishing writes the article and its parts, each telling Varnish; the first two
    # attempts were refused, the rest went through, retried until accepted.
    assert len(fake_varnish.received) >= 3
    assert any(f"article-{article.pk}" in tags for tags in fake_varnish.received[2:])
    assert "retrying" in caplog.text and "giving up" not in caplog.text


def test_a_varnish_that_never_answers_is_given_up_and_logged(story, settings, monkeypatch, caplog):
    from .test_cache_outage import closed_port

    settings.VARNISH_PURGE_URLS = [f"http://127.0.0.1:{closed_port()}/"]
    monkeypatch.setattr(invalidation, "PURGE_RETRY_DELAYS", (0.01, 0.01))
    with caplog.at_level(logging.WARNING, logger="articles.invalidation"):
        invalidation.invalidate({"home"})
        invalidation.wait_for_purges()
    assert "giving up" in caplog.text


def test_each_cache_of_a_fleet_is_purged_and_none_when_unset(settings, fake_varnish):
    url = settings.VARNISH_PURGE_URLS[0]
    settings.VARNISH_PURGE_URLS = [url, url.replace("127.0.0.1", "localhost")]
    invalidation.invalidate({"home"})
    invalidation.wait_for_purges()
    assert fake_varnish.received == ["home"] * 4  # each purged, and again later
    settings.VARNISH_PURGE_URLS = []
    invalidation.invalidate({"home"})
    invalidation.wait_for_purges()
    assert len(fake_varnish.received) == 4


# ---------------------------------------------------------------------------------------
# A cache outage


def test_with_redis_down_pages_are_served_uncached(client, page_cache, story, committed):
    from .test_cache_outage import closed_port

    page_cache.CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": f"redis://127.0.0.1:{closed_port()}/0",
            "OPTIONS": {"socket_connect_timeout": 0.2, "socket_timeout": 0.2},
        }
    }
    response = client.get(story["article"].get_absolute_url())
    assert response.status_code == 200 and b"Ferry returns" in response.content
    with committed():
        Correction.objects.create(article=story["article"], text="Still saved.")
    assert b"Still saved." in client.get(story["article"].get_absolute_url()).content


def test_production_warns_of_a_page_cache_no_other_process_can_drop(settings):
    from articles.caching import check_page_cache

    settings.DEBUG, settings.PAGE_CACHE_SECONDS = False, 600
    assert [warning.id for warning in check_page_cache(None)] == ["newsroom.W010"]
    settings.PAGE_CACHE_SECONDS = 0
    assert check_page_cache(None) == []
    settings.PAGE_CACHE_SECONDS = 600
    settings.CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": "redis://127.0.0.1:6379/15",
        }
    }
    assert check_page_cache(None) == []


def test_a_hit_says_how_long_it_is(client, page_cache, story):
    url = story["article"].get_absolute_url()
    client.get(url)
    hit = client.get(url)
    assert hit["X-Page-Cache"] == "hit" and int(hit["Content-Length"]) == len(hit.content)


def test_with_a_shared_cache_the_next_publication_is_looked_up_once_per_edit(
    client, page_cache, story, committed
):
    import secrets

    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from .test_settings import redis_for_tests

    def schedule_lookups(url):
        with CaptureQueriesContext(connection) as captured:
            assert client.get(url).status_code == 200
        return sum("= 'scheduled'" in query["sql"] for query in captured.captured_queries)

    page_cache.CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": redis_for_tests(),
            "KEY_PREFIX": f"test-{secrets.token_hex(6)}",
        }
    }
    with committed():
        Correction.objects.create(article=story["article"], text="Starts an epoch.")
    assert schedule_lookups("/") == 1
    assert schedule_lookups(story["section"].get_absolute_url()) == 0  # another page, kept
    with committed():
        workflow.schedule(
            make_article(published=False),
            by=make_user("Editor"),
            at=timezone.now() + timedelta(hours=1),
        )
    assert schedule_lookups(story["topic"].get_absolute_url()) == 1  # the edit: asked again
    response = client.get(story["author"].get_absolute_url())
    assert int(directives(response)["s-maxage"]) == 600  # an hour away: not the bound yet


def test_a_list_page_checks_only_the_versions_its_list_tags_do_not_cover():
    """An article's tag changes only with the article lists and with its section's, authors'
    and topics' tags; a section's with those or with the menu: a page carrying them need
    not check those (`caching.checked_tags`). A section page's list is its section."""
    from articles.caching import checked_tags

    home = {"home", "sections", "article-1", "article-2", "section-3", "image-4", "author-5"}
    section_page = {"section-3", "sections", "article-1", "image-4", "author-5"}
    assert checked_tags(home) == ["author-5", "home", "image-4", "sections"]
    assert checked_tags(section_page) == sorted(section_page)  # no list named: all
    assert checked_tags(section_page, {"section-3"}) == [
        "author-5", "image-4", "section-3", "sections"]  # fmt: skip
    author_page = {"author-5", "sections", "article-1", "section-3", "section-6", "author-7"}
    assert checked_tags(author_page, {"author-5"}) == ["author-5", "author-7", "sections"]
    assert checked_tags({"feed", "article-1", "section-3", "topic-2"}) == ["feed", "topic-2"]


def hit(client, url):
    client.get(url)
    response = client.get(url)
    assert response["X-Page-Cache"] == "hit"
    return response


def test_an_article_moved_to_another_section_leaves_the_old_sections_cached_page(
    client, page_cache, story, committed
):
    harbour = story["section"]
    wall = Article.objects.get(headline="Harbour wall repaired")  # no byline, no picture
    islands = make_section(name="Islands")  # (a new section changes the menu of every page)
    assert b"Harbour wall repaired" in hit(client, harbour.get_absolute_url()).content
    with committed():
        _save(wall, section=islands)
    after = client.get(harbour.get_absolute_url())
    assert after["X-Page-Cache"] == "miss"
    assert b"Harbour wall repaired" not in after.content
    assert b"Ferry returns to the island" in after.content
    assert b"Harbour wall repaired" in client.get(islands.get_absolute_url()).content


def test_a_byline_removed_or_given_to_another_author_leaves_their_cached_page(
    client, page_cache, story, committed
):
    mara = story["author"]
    make_article(headline="Quay lights go dark", authors=[mara])  # her page stays public
    assert b"Ferry returns to the island" in hit(client, mara.get_absolute_url()).content
    with committed():
        Byline.objects.get(article=story["article"], author=mara).delete()
    after = client.get(mara.get_absolute_url())
    assert after["X-Page-Cache"] == "miss"
    assert b"Ferry returns to the island" not in after.content

    byline = Byline.objects.get(article__headline="Quay lights go dark", author=mara)
    assert b"Quay lights go dark" in hit(client, mara.get_absolute_url()).content
    with committed():
        _save(byline, author=make_author(name="Jo Reyes"))
    assert client.get(mara.get_absolute_url()).status_code == 404  # none of hers left


def test_a_topic_unlinked_or_an_article_deleted_leaves_the_cached_list(
    client, page_cache, story, committed
):
    topic, section = story["topic"], story["section"]
    assert b"Ferry returns to the island" in hit(client, topic.get_absolute_url()).content
    with committed():
        ArticleTopic.objects.filter(article=story["article"]).delete()
    after = client.get(topic.get_absolute_url())
    assert b"Ferry returns to the island" not in after.content

    assert b"Harbour wall repaired" in hit(client, section.get_absolute_url()).content
    with committed():
        Article.objects.get(headline="Harbour wall repaired").delete()
    assert b"Harbour wall repaired" not in client.get(section.get_absolute_url()).content


def test_a_section_page_hit_does_not_check_the_versions_of_its_articles(client, page_cache, story):
    url = story["section"].get_absolute_url()
    client.get(url)
    entry = cache.get(page_key(RequestFactory().get(url)))
    assert {t for t in entry["tags"] if t.startswith("article-")}  # Varnish still has them
    assert not {t for t in entry["checked"] if t.startswith("article-")}
    assert f"section-{story['section'].pk}" in entry["checked"]
