"""Varnish in front of a live gunicorn (issue 10, item 5): `deploy/varnish/serve` with the
shipped VCL, 2 workers on a throw-away SQLite database sharing Redis, purges by tag from
the app. Everything started here is stopped by the fixtures' finalizers."""

import http.client
import json
import os
import re
import secrets
import shutil
import signal
import socket
import subprocess
import sys
import time
from html.parser import HTMLParser
from http.cookies import SimpleCookie
from pathlib import Path
from urllib.parse import urlencode

import pytest

from .ci import missing
from .test_settings import ROOT, manage, redis_for_tests

pytestmark = pytest.mark.varnish

SERVE = ROOT / "deploy" / "varnish" / "serve"
PASSWORD = "a-long-editor-password-for-varnish-tests"
SEED = """
import json
from datetime import timedelta
from django.contrib.auth.models import User
from django.utils import timezone
from articles.models import Article, Author, Byline, Section, Status
chief = User.objects.create_superuser("chief", "chief@example.com", {password!r})
section = Section.objects.create(name="Harbour", slug="harbour", position=1)
author = Author.objects.create(name="Mara Quinn", slug="mara-quinn")
story = Article.objects.create(
    headline="Ferry returns to the island", section=section, status=Status.PUBLISHED,
    published_at=timezone.now() - timedelta(hours=1), body="<p>The ferry is back on Tuesday.</p>",
)
Byline.objects.create(article=story, author=author)
draft = Article.objects.create(headline="Embargoed tide tables", section=section)
print(json.dumps({{"story": story.pk, "story_url": story.get_absolute_url(),
                   "draft": draft.pk, "draft_url": draft.get_absolute_url()}}))
"""
SCHEDULE = """
from datetime import timedelta
from django.utils import timezone
from articles import workflow
from articles.models import Article
at = timezone.now() + timedelta(seconds={seconds})
workflow.schedule(Article.objects.get(pk={pk}), by=None, at=at)
print(Article.objects.get(pk={pk}).published_at.timestamp())
"""


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def wait_for_port(port, process, seconds=30):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if process.poll() is not None:
            return False
        try:
            socket.create_connection(("127.0.0.1", port), timeout=0.5).close()
            return True
        except OSError:
            time.sleep(0.1)
    return False


def stop(process):
    if process.poll() is None:
        os.killpg(process.pid, signal.SIGTERM)
        try:
            process.wait(timeout=15)
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, signal.SIGKILL)
            process.wait()


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    varnishd = shutil.which("varnishd") or "/usr/sbin/varnishd"
    if not os.path.exists(varnishd):
        missing("varnishd is not installed: apt-get install varnish varnish-modules")
    if not list(Path("/usr/lib").glob("*/varnish/vmods/libvmod_xkey.so")):
        missing("Varnish's xkey vmod is not installed: apt-get install varnish-modules")
    tmp = tmp_path_factory.mktemp("varnish-site")
    app_port, varnish_port = free_port(), free_port()
    env = {
        "DEBUG": "false",
        "SECRET_KEY": secrets.token_urlsafe(60),
        "ALLOWED_HOSTS": "127.0.0.1,localhost",
        "SECURE_SSL_REDIRECT": "false",
        "SECURE_COOKIES": "false",
        "DATABASE_URL": f"sqlite:///{tmp / 'site.sqlite3'}",
        "STATIC_ROOT": str(tmp / "static"),
        "MEDIA_ROOT": str(tmp / "media"),
        "PRIVATE_MEDIA_ROOT": str(tmp / "private"),
        "REDIS_URL": redis_for_tests(),
        "CACHE_KEY_PREFIX": f"varnish-test-{secrets.token_hex(6)}",
        "PAGE_CACHE_SECONDS": "600",
        "VARNISH_PURGE_URLS": f"http://127.0.0.1:{varnish_port}/",
    }
    for command in (["migrate", "--noinput"], ["collectstatic", "--noinput"]):
        result = manage(*command, **env)
        assert result.returncode == 0, result.stderr
    seeded = manage("shell", "-c", SEED.format(password=PASSWORD), **env)
    assert seeded.returncode == 0, seeded.stderr
    ids = json.loads(seeded.stdout.strip().splitlines()[-1])

    environ = {
        **{k: v for k, v in os.environ.items() if k != "DJANGO_SETTINGS_MODULE"},
        **env,
        "GUNICORN_BIND": f"127.0.0.1:{app_port}",
        "WEB_CONCURRENCY": "2",
    }
    gunicorn = Path(sys.executable).with_name("gunicorn")
    app_log = open(tmp / "gunicorn.log", "w")  # noqa: SIM115 (closed by the finalizer)
    app = subprocess.Popen(
        [str(gunicorn), "newsroom.wsgi"], cwd=ROOT, env=environ, stdout=app_log,
        stderr=subprocess.STDOUT, start_new_session=True,
    )  # fmt: skip
    varnish_log = open(tmp / "varnish.log", "w")  # noqa: SIM115
    varnish = subprocess.Popen(
        [str(SERVE), f"127.0.0.1:{app_port}", f"127.0.0.1:{varnish_port}"],
        env={**os.environ, "VARNISH_PROBE_HOST": "127.0.0.1"},
        stdout=varnish_log, stderr=subprocess.STDOUT, start_new_session=True,
    )  # fmt: skip
    try:
        assert wait_for_port(app_port, app), (tmp / "gunicorn.log").read_text()
        assert wait_for_port(varnish_port, varnish), (tmp / "varnish.log").read_text()
        yield {**ids, "port": varnish_port, "app_port": app_port, "env": env}
    finally:
        stop(varnish)
        stop(app)
        app_log.close()
        varnish_log.close()
    assert varnish.returncode is not None and app.returncode is not None


def request(site, method, path, *, body=None, headers=None, cookies=None, source="127.0.0.1"):
    connection = http.client.HTTPConnection(
        "127.0.0.1", site["port"], timeout=30, source_address=(source, 0)
    )
    headers = {"Host": "127.0.0.1", **(headers or {})}
    if cookies:
        headers["Cookie"] = "; ".join(f"{k}={v}" for k, v in cookies.items())
    if body is not None:
        headers["Content-Type"] = "application/x-www-form-urlencoded"
    try:
        connection.request(method, path, body=body, headers=headers)
        answer = connection.getresponse()
        content = answer.read().decode("utf-8", "replace")
        for line in answer.headers.get_all("Set-Cookie") or ():
            if cookies is not None:
                for name, morsel in SimpleCookie(line).items():
                    cookies[name] = morsel.value
        return answer.status, answer.headers, content
    finally:
        connection.close()


class FormReader(HTMLParser):
    """The fields of the form holding `wanted` (a field name), as a browser would send them."""

    def __init__(self, wanted):
        super().__init__(convert_charrefs=True)
        self.wanted, self.forms, self.current = wanted, [], None
        self.textarea = self.select = None

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "form":
            self.current = []
            self.forms.append(self.current)
        elif self.current is None:
            return
        elif tag == "input" and attrs.get("name"):
            kind = attrs.get("type", "text")
            if kind in ("submit", "button", "file", "image"):
                return
            if kind in ("checkbox", "radio") and "checked" not in attrs:
                return
            self.current.append(
                [attrs["name"], attrs.get("value", "on" if kind == "checkbox" else "")]
            )
        elif tag == "textarea" and attrs.get("name"):
            self.textarea = [attrs["name"], ""]
            self.current.append(self.textarea)
        elif tag == "select" and attrs.get("name"):
            self.select = [attrs["name"], None]
            self.current.append(self.select)
        elif (
            tag == "option"
            and self.select is not None
            and (self.select[1] is None or "selected" in attrs)
        ):
            self.select[1] = attrs.get("value", "")

    def handle_data(self, data):
        if self.textarea is not None:
            self.textarea[1] += data

    def handle_endtag(self, tag):
        if tag == "textarea":
            self.textarea = None
        elif tag == "select":
            self.select = None
        elif tag == "form":
            self.current = None

    def fields(self):
        form = next(f for f in self.forms if any(name == self.wanted for name, _ in f))
        return [(name, value or "") for name, value in form]


def logged_in(site):
    cookies = {}
    status, _, page = request(site, "GET", "/admin/login/", cookies=cookies)
    assert status == 200
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page).group(1)
    body = urlencode({"csrfmiddlewaretoken": token, "username": "chief", "password": PASSWORD,
                      "next": "/admin/"})  # fmt: skip
    status, _, _ = request(site, "POST", "/admin/login/", body=body, cookies=cookies)
    assert status == 302, "the editor could not sign in"
    assert "sessionid" in cookies
    return cookies


def test_the_second_anonymous_request_is_a_hit(site):
    url = site["story_url"]
    request(site, "GET", url)  # may have been filled by another test: only the next counts
    status, headers, page = request(site, "GET", url)
    assert status == 200 and "Ferry returns to the island" in page
    assert headers["X-Cache"] == "HIT"
    assert int(headers["Age"]) >= 0
    assert "public" in headers["Cache-Control"]
    assert "xkey" not in headers  # the tags are for Varnish, not for readers


def test_a_correction_in_the_admin_shows_on_the_article_and_home_at_once(site):
    home, url = "/", site["story_url"]
    for path in (home, url, home, url):
        request(site, "GET", path)
    headers = request(site, "GET", home)[1]
    assert headers["X-Cache"] == "HIT", headers.items()
    assert request(site, "GET", url)[1]["X-Cache"] == "HIT"

    cookies = logged_in(site)
    change = f"/admin/articles/article/{site['story']}/change/"
    status, _, page = request(site, "GET", change, cookies=cookies)
    assert status == 200
    reader = FormReader("headline")
    reader.feed(page)
    fields = dict(reader.fields())
    fields["headline"] = "Ferry returns to the island on Wednesday"
    fields["body"] = "<p>The ferry is back on Wednesday.</p>"
    fields["_save"] = "Save"

    status, _, page = request(site, "POST", change, body=urlencode(fields), cookies=cookies)
    assert status == 302, page[:3000]
    # Saved as the live article's pending changes: readers still get the live text.
    assert "back on Tuesday" in request(site, "GET", url)[2]
    status, _, page = request(site, "GET", change, cookies=cookies)
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page)[1]
    publish = f"/admin/articles/article/{site['story']}/workflow/publish_changes/"
    body = urlencode({"csrfmiddlewaretoken": token, "drawn_for": "published"})
    status, _, page = request(site, "POST", publish, body=body, cookies=cookies)
    assert status == 302, page[:3000]
    saved = time.monotonic()  # "Publish changes" has answered: readers' very next requests
    article, front = request(site, "GET", url)[2], request(site, "GET", home)[2]
    visible_after = time.monotonic() - saved
    assert "back on Wednesday" in article and "back on Tuesday" not in article
    assert "on Wednesday" in front
    assert visible_after < 1.0, f"the correction took {visible_after:.2f} s to show"
    print(f"correction visible through Varnish {visible_after * 1000:.0f} ms after Publish changes")
    # ... and it is cached again straight away.
    assert request(site, "GET", url)[1]["X-Cache"] == "HIT"


def test_a_scheduled_article_appears_at_its_time(site):
    """Scheduled from another process (a management command), 3 s ahead: the home page is
    cached meanwhile, never past that moment."""
    request(site, "GET", "/")
    result = manage(
        "shell", "-c", SCHEDULE.format(pk=site["draft"], seconds=3), **site["env"]
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    at = float(result.stdout.strip().splitlines()[-1])
    _, headers, front = request(site, "GET", "/")
    assert "Embargoed tide tables" not in front
    s_maxage = int(re.search(r"s-maxage=(\d+)", headers["Cache-Control"]).group(1))
    assert s_maxage <= 3
    deadline, polls = at + 5, []
    while time.time() < deadline:
        _, headers, front = request(site, "GET", "/")
        seen = time.time()
        polls.append((round(seen - at, 2), headers["X-Cache"], headers["Age"],
                      headers["Cache-Control"], headers.get("X-Page-Cache")))  # fmt: skip
        if "Embargoed tide tables" in front:
            break
        time.sleep(0.1)
    else:
        pytest.fail(f"the scheduled article did not appear on the home page: {polls}")
    assert seen >= at  # not before its time
    assert seen - at < 1.5, f"it appeared {seen - at:.2f} s late"
    assert request(site, "GET", site["draft_url"])[0] == 200


def test_a_draft_address_is_never_cached(site):
    draft_url = "/articles/never-a-public-page/"
    for _ in range(2):
        status, headers, _ = request(site, "GET", draft_url)
        assert status == 404
        assert headers["X-Cache"] == "MISS"
        assert "no-store" in headers["Cache-Control"]


def test_a_staff_session_is_never_served_a_cached_page(site):
    url = site["story_url"]
    request(site, "GET", url)
    assert request(site, "GET", url)[1]["X-Cache"] == "HIT"
    cookies = logged_in(site)
    for _ in range(2):
        status, headers, _ = request(site, "GET", url, cookies=cookies)
        assert status == 200
        assert headers["X-Cache"] == "MISS"
        assert headers["Cache-Control"] == "private, no-store"
        assert "X-Page-Cache" not in headers  # Django's page cache was not read either


def test_a_purge_from_an_address_not_allowed_is_refused(site):
    url = site["story_url"]
    request(site, "GET", url)
    assert request(site, "GET", url)[1]["X-Cache"] == "HIT"
    tag = f"article-{site['story']}"
    status, _, _ = request(site, "PURGE", "/", headers={"xkey": tag}, source="127.0.0.2")
    assert status == 403
    assert request(site, "GET", url)[1]["X-Cache"] == "HIT"  # still there
    status, _, page = request(site, "PURGE", "/", headers={"xkey": tag})
    assert status == 200 and "Purged" in page
    assert request(site, "GET", url)[1]["X-Cache"] == "MISS"
