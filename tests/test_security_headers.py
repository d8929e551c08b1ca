"""What a page may do once in a browser (issue 13, item 7): a strict Content-Security-Policy
on public pages, the desk's own policy with a nonce for the body editor, a
Permissions-Policy, and browsers' reports of what was blocked."""

import json
import re

import pytest
from django.urls import reverse

from .factories import make_article, make_user

pytestmark = pytest.mark.django_db


def policy(response) -> dict[str, list[str]]:
    header = response["Content-Security-Policy"]
    return {
        name: values
        for name, *values in (part.split() for part in header.split(";") if part.strip())
    }


def public_pages(article):
    return [
        reverse("articles:home"),
        article.get_absolute_url(),
        article.section.get_absolute_url(),
        reverse("articles:search") + "?q=ferry",
        reverse("articles:feed"),
        "/no-such-page/",
    ]


def test_public_pages_allow_no_inline_script_no_eval_and_nothing_from_elsewhere(client):
    article = make_article(headline="Ferry returns")
    for url in public_pages(article):
        response = client.get(url)
        directives = policy(response)
        assert directives["script-src"] == ["'self'"], url
        assert directives["style-src"] == ["'self'"], url
        assert directives["object-src"] == ["'none'"], url
        assert directives["frame-ancestors"] == ["'none'"], url
        assert "'unsafe-eval'" not in response["Content-Security-Policy"], url
        assert "'unsafe-inline'" not in response["Content-Security-Policy"], url
        assert "camera=()" in response["Permissions-Policy"], url


def test_public_pages_carry_no_inline_script(client):
    article = make_article(headline="Ferry returns")
    for url in public_pages(article)[:4]:
        html = client.get(url).text
        assert not re.search(r"<script(?![^>]*\bsrc=)(?![^>]*application/(ld\+)?json)", html), url
        assert not re.search(r"\son[a-z]+=", html), url  # no onclick= and friends


def test_the_body_editors_inline_import_map_carries_the_responses_nonce(client):
    article = make_article(published=False)
    client.force_login(make_user("Editor"))
    response = client.get(reverse("admin:articles_article_change", args=[article.pk]))
    directives = policy(response)
    [nonce] = [v for v in directives["script-src"] if v.startswith("'nonce-")]
    assert "'unsafe-eval'" not in directives["script-src"]
    assert "'unsafe-inline'" not in directives["script-src"]
    inline = re.findall(r"<script(?![^>]*\bsrc=)([^>]*)>", response.text)
    executable = [attrs for attrs in inline if "application/json" not in attrs]
    assert executable, "the import map is on the page"
    for attrs in executable:
        assert f'nonce="{nonce[7:-1]}"' in attrs
    again = client.get(reverse("admin:articles_article_change", args=[article.pk]))
    assert policy(again)["script-src"] != directives["script-src"]  # a new nonce each time


def test_the_focal_point_picker_is_a_script_file_not_inline(client):
    from .factories import make_image

    image = make_image()
    client.force_login(make_user("Photo desk"))
    html = client.get(reverse("admin:articles_imageasset_change", args=[image.pk])).text
    assert "js/focal-point.js" in html
    assert not re.search(r"<script(?![^>]*\bsrc=)(?![^>]*application/json)[^>]*>", html)


def test_a_browser_report_is_logged_and_answered_with_no_content(client, caplog):
    report = {
        "csp-report": {
            "document-uri": "https://news.example.com/",
            "violated-directive": "script-src",
            "blocked-uri": "inline",
        }
    }
    response = client.post(
        reverse("csp_report"), json.dumps(report), content_type="application/csp-report"
    )
    assert response.status_code == 204
    assert "blocked inline on https://news.example.com/ (script-src)" in caplog.text
    assert (
        client.post(reverse("csp_report"), "not json", content_type="text/plain").status_code == 204
    )
    assert client.get(reverse("csp_report")).status_code == 405
