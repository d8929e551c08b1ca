"""Previews for staff and share links: the article page as readers will see it, unpublished."""

import re
from datetime import UTC, datetime, timedelta

import pytest
from django.core import signing
from django.urls import reverse
from django.utils import timezone

from articles import sharing
from articles.models import Correction, ShareLink, Status

from .factories import make_article, make_author, make_user

pytestmark = pytest.mark.django_db


def preview_url(article):
    return reverse("articles:preview", args=[article.pk])


def assert_is_a_preview(response, article):
    assert response.status_code == 200
    assert article.headline in response.text
    assert "Preview — not published" in response.text
    cache_control = response["Cache-Control"]
    for directive in ("no-cache", "no-store", "private"):
        assert directive in cache_control
    assert "noindex" in response["X-Robots-Tag"]
    assert '<meta name="robots" content="noindex, nofollow">' in response.text


@pytest.mark.parametrize("status", [Status.DRAFT, Status.IN_REVIEW, Status.SCHEDULED])
@pytest.mark.parametrize("role", ["Writer", "Editor"])
def test_staff_preview_any_state_like_the_public_page(client, role, status):
    user = make_user(role)
    # A writer sees an article carrying their byline; an editor sees every article.
    author = make_author(name="Nadia Reporter", user=user if role == "Writer" else None)
    future = timezone.now() + timedelta(days=1)
    article = make_article(
        published=False,
        status=status,
        published_at=future if status == Status.SCHEDULED else None,
        body="<p>Exclusive: the pier <em>reopens</em>.</p>",
        authors=[author],
    )
    assert client.get(article.get_absolute_url()).status_code == 404  # not public yet
    client.force_login(user)
    response = client.get(preview_url(article))
    assert_is_a_preview(response, article)
    assert "<p>Exclusive: the pier <em>reopens</em>.</p>" in response.text
    assert "Nadia Reporter" in response.text
    assert response.templates[0].name == "articles/article_preview.html"
    assert "articles/article_detail.html" in [t.name for t in response.templates]


def test_preview_shows_the_same_article_page_readers_get(client):
    related = make_article(headline="Earlier story on the pier")
    article = make_article(related=[related], authors=[make_author()])
    public = client.get(article.get_absolute_url())
    client.force_login(make_user("Editor"))
    preview = client.get(preview_url(article))
    main = re.compile(r"<main.*</main>", re.S)
    assert main.search(public.text).group() == main.search(preview.text).group()
    assert "Preview — not published" not in public.text


def test_anonymous_visitors_are_sent_to_log_in(client):
    article = make_article(published=False)
    response = client.get(preview_url(article))
    assert response.status_code == 302 and "/admin/login/" in response["Location"]


@pytest.mark.parametrize(
    ("user", "status_code"), [("reader", 404), ("Photo desk", 404), ("inactive", 302)]
)
def test_people_who_may_not_view_articles_get_no_preview(client, user, status_code):
    article = make_article(published=False)
    if user == "reader":
        account = make_user(is_staff=False)
    elif user == "inactive":
        account = make_user("Editor")
        account.is_active = False
        account.save()
    else:
        account = make_user(user)
    client.force_login(account)
    response = client.get(preview_url(article))
    assert response.status_code == status_code
    assert article.headline not in response.text


# --- Share links --------------------------------------------------------------------------


def create_link_in_admin(client, article, **data):
    """An editor creates a link on the share page; returns the URL the page shows."""
    url = reverse("admin:articles_article_share", args=[article.pk])
    response = client.post(url, {"note": "Legal: J. Smith", "hours": "48", **data}, follow=True)
    assert "Share link created" in response.text
    return re.search(r'value="https?://testserver(/preview/shared/[^"]+/)"', response.text)[1]


@pytest.fixture
def editor(client):
    client.force_login(make_user("Editor"))
    return client


def test_a_share_link_shows_the_preview_until_it_expires(editor, time_machine):
    time_machine.move_to("2026-06-01 09:00:00Z")
    article = make_article(published=False, headline="Quote to be checked")
    other = make_article(published=False, headline="Someone else’s scoop")
    url = create_link_in_admin(editor, article)
    editor.logout()

    response = editor.get(url)
    assert_is_a_preview(response, article)
    assert other.headline not in response.text
    assert response["Referrer-Policy"] == "no-referrer"

    time_machine.move_to("2026-06-03 08:59:00Z")  # 47h59 later
    assert editor.get(url).status_code == 200
    time_machine.move_to("2026-06-03 09:00:01Z")
    response = editor.get(url)
    assert response.status_code == 404 and article.headline not in response.text


def test_the_editor_chooses_how_long_a_link_works(editor, time_machine):
    time_machine.move_to("2026-06-01 09:00:00Z")
    article = make_article(published=False)
    url = create_link_in_admin(editor, article, hours="2")
    time_machine.move_to("2026-06-01 11:00:01Z")
    assert editor.get(url).status_code == 404


def test_the_default_lifetime_is_a_setting(settings, time_machine):
    time_machine.move_to("2026-06-01 09:00:00Z", tick=False)
    settings.SHARE_LINK_HOURS = 4
    link = sharing.create_link(make_article(published=False), by=None)
    assert link.expires_at == timezone.now() + timedelta(hours=4)


def test_a_revoked_link_answers_not_found(editor):
    article = make_article(published=False)
    url = create_link_in_admin(editor, article)
    assert editor.get(url).status_code == 200
    link = ShareLink.objects.get()
    response = editor.post(
        reverse("admin:articles_article_revoke_link", args=[article.pk, link.pk]), follow=True
    )
    assert "revoked" in response.text
    assert editor.get(url).status_code == 404


def test_a_link_never_reveals_another_article(client):
    article = make_article(published=False, headline="Shared story")
    other = make_article(published=False, headline="Secret story")
    link = sharing.create_link(article, by=None)
    other_link = sharing.create_link(other, by=None)
    token = sharing.token_for(link)
    url = reverse("articles:shared_preview", args=[token])
    assert "Shared story" in client.get(url).text

    _payload, *timestamp_and_signature = token.split(":")
    tampered_payload = signing.b64_encode(
        f'{{"link":{other_link.pk},"article":{other.pk}}}'.encode()
    ).decode()
    for bad in (
        token[:-1] + ("A" if token[-1] != "A" else "B"),  # signature changed
        ":".join([tampered_payload, *timestamp_and_signature]),  # payload swapped, old signature
        signing.dumps({"link": link.pk, "article": other.pk}, salt=sharing.SALT),  # wrong pair
        signing.dumps({"link": other_link.pk, "article": other.pk}),  # not our salt
        "not-a-token",
    ):
        response = client.get(reverse("articles:shared_preview", args=[bad]))
        assert response.status_code == 404
        assert "Secret story" not in response.text


def test_only_editors_create_share_links(client):
    writer = make_user("Writer")
    article = make_article(published=False, created_by=writer)  # even their own
    client.force_login(writer)
    share_page = reverse("admin:articles_article_share", args=[article.pk])
    assert client.get(share_page).status_code == 403
    assert client.post(share_page, {"hours": "48"}).status_code == 403
    assert not ShareLink.objects.exists()


def test_the_share_page_refuses_a_bad_lifetime_and_keeps_the_note(editor):
    article = make_article(published=False)
    response = editor.post(
        reverse("admin:articles_article_share", args=[article.pk]),
        {"note": "Source: harbourmaster", "hours": "0"},
    )
    assert response.status_code == 200
    assert "greater than or equal to 1" in response.text
    assert 'value="Source: harbourmaster"' in response.text
    assert not ShareLink.objects.exists()


def test_a_shared_preview_runs_a_fixed_number_of_queries(client, django_assert_max_num_queries):
    related = [make_article() for _ in range(6)]
    article = make_article(
        published=False, authors=[make_author() for _ in range(6)], related=related
    )
    url = reverse(
        "articles:shared_preview", args=[sharing.token_for(sharing.create_link(article, by=None))]
    )
    # link, article, bylines, topics, related articles, corrections, section menu
    with django_assert_max_num_queries(7):
        assert client.get(url).status_code == 200


def test_previews_show_corrections_and_the_updated_time_like_the_public_page(editor):
    """An editor checks a correction before and after it is seen: staff preview and share
    link show it exactly where readers get it."""
    article = make_article(headline="Vote on Wednesday")
    Correction.objects.create(
        article=article,
        kind=Correction.Kind.CORRECTION,
        text="An earlier version gave the wrong day.",
        published_at=datetime(2026, 6, 1, 13, 30, tzinfo=UTC),
    )
    url = create_link_in_admin(editor, article)
    staff = editor.get(preview_url(article))
    editor.logout()
    shared = editor.get(url)
    public = editor.get(article.get_absolute_url())
    for response in (staff, shared, public):
        assert response.status_code == 200
        assert "<strong>Correction</strong>" in response.text
        assert "An earlier version gave the wrong day." in response.text
        assert 'Updated <time datetime="2026-06-01T' in response.text


def test_the_preview_of_a_live_article_says_it_is_live(editor):
    live = make_article()
    scheduled = make_article(
        published=False,
        status=Status.SCHEDULED,
        published_at=timezone.now() + timedelta(hours=3),
    )
    response = editor.get(preview_url(live))
    assert "Preview — this is the live version" in response.text
    assert "Preview — not published" not in response.text
    assert "noindex" in response["X-Robots-Tag"]
    response = editor.get(preview_url(scheduled))
    assert "Preview — not published" in response.text
    assert "this is the live version" not in response.text


def test_back_to_editing_is_offered_only_to_who_may_edit(client):
    writer = make_user("Writer")
    own = make_article(published=False, created_by=writer)
    theirs = make_article(published=False, created_by=make_user("Writer"))
    client.force_login(writer)
    assert "Back to editing" in client.get(preview_url(own)).text
    assert "Back to editing" not in client.get(preview_url(theirs)).text
