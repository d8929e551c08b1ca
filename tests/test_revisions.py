"""Revisions: every admin save keeps one; editors compare and restore; nothing is lost."""

import re

import pytest
from django.urls import reverse

from articles import revisions, workflow
from articles.models import Article, Status

from .admin_forms import form_data
from .factories import make_article, make_author, make_image, make_section, make_user

pytestmark = pytest.mark.django_db


def change_url(article):
    return reverse("admin:articles_article_change", args=[article.pk])


def save(client, article, **changes):
    """Open the article in the admin, change some fields, save; return the response."""
    data = form_data(client.get(change_url(article)))
    data.update(changes)
    return client.post(change_url(article), data)


def bylines_data(prefix, ids):
    """Inline rows replacing the article's list (existing rows deleted, new ones added)."""
    return {f"{prefix}-TOTAL_FORMS": str(len(ids)), f"{prefix}-INITIAL_FORMS": "0"} | {
        f"{prefix}-{i}-{key}": str(value)
        for i, pk in enumerate(ids)
        for key, value in (("position", i), ("author" if prefix == "bylines" else "to_article", pk))
    }


@pytest.fixture
def editor(client):
    client.force_login(make_user("Editor", first_name="Erin", last_name="Editor"))
    return client


def test_every_admin_save_keeps_a_revision_with_who_and_what(editor):
    article = make_article(published=False, body="<p>One.</p>")
    assert save(editor, article, body="<p>Two.</p>").status_code == 302
    assert save(editor, article, body="<p>Three.</p>").status_code == 302
    first, second = article.revisions.order_by("number")
    assert (first.number, second.number) == (1, 2)
    assert first.created_by.get_full_name() == "Erin Editor"
    assert first.data["fields"]["body"] == "<p>Two.</p>"
    assert second.data["fields"]["body"] == "<p>Three.</p>"


def test_adding_an_article_keeps_its_first_revision(editor):
    section = make_section()
    response = editor.post(
        reverse("admin:articles_article_add"),
        {"headline": "Pier reopens", "section": section.pk}
        | bylines_data("bylines", [make_author().pk])
        | bylines_data("related_links", [])
        | bylines_data("article_topics", []),
    )
    assert response.status_code == 302
    revision = section.articles.get().revisions.get()
    assert revision.comment == "Created"
    assert [a["position"] for a in revision.data["authors"]] == [0]


def test_restore_round_trips_every_field_authors_and_related_in_order(editor):
    a1, a2, a3 = make_author(), make_author(), make_author()
    r1, r2, r3 = make_article(), make_article(), make_article()
    article = make_article(
        published=False,
        headline="Harbour wall to be rebuilt",
        standfirst="The council voted on Tuesday.",
        body="<p>The <strong>old</strong> wall will go.</p>" + "<p>Stone by stone.</p>" * 150,
        slug="harbour-wall",
        hero_image=make_image(),
        authors=[a2, a1],
        related=[r3, r1],
    )
    assert save(editor, article).status_code == 302
    original = article.revisions.get()
    before = {f.attname: f.value_from_object(article) for f in revisions.restorable_fields()}

    changed = {
        "headline": "Harbour wall plan dropped",
        "standfirst": "A U-turn.",
        "body": "<p>The wall stays.</p>",
        "slug": "harbour-wall-dropped",
        "hero_image": str(make_image().pk),
        "section": str(make_section().pk),
    }
    data = form_data(editor.get(change_url(article))) | changed
    for prefix, ids in (("bylines", [a3.pk]), ("related_links", [r2.pk])):
        total = int(data[f"{prefix}-INITIAL_FORMS"])
        for i in range(total):
            data[f"{prefix}-{i}-DELETE"] = "on"
        data[f"{prefix}-TOTAL_FORMS"] = str(total + len(ids))
        for j, pk in enumerate(ids, start=total):
            data[f"{prefix}-{j}-position"] = "0"
            data[f"{prefix}-{j}-{'author' if prefix == 'bylines' else 'to_article'}"] = str(pk)
    assert editor.post(change_url(article), data).status_code == 302
    article.refresh_from_db()
    assert article.headline == "Harbour wall plan dropped" and article.byline() == [a3]
    assert (article.word_count, article.reading_minutes) == (3, 1)

    restore_url = reverse("admin:articles_article_restore", args=[article.pk, original.number])
    assert editor.post(restore_url).status_code == 302

    article.refresh_from_db()
    after = {f.attname: f.value_from_object(article) for f in revisions.restorable_fields()}
    assert after == before
    # The length shown on the desk and to readers is the restored body's: 5 + 3 × 150 words.
    assert (article.word_count, article.reading_minutes) == (455, 2)
    editable = {
        f.attname for f in Article._meta.concrete_fields if f.editable and not f.primary_key
    }
    assert set(before) == editable - {"published_at"}  # set only by the workflow
    assert set(before) >= {"headline", "standfirst", "body", "slug", "hero_image_id", "section_id"}
    assert article.byline() == [a2, a1]
    assert [link.to_article for link in article.related_links.all()] == [r3, r1]
    latest = article.revisions.order_by("-number").first()
    assert (latest.number, latest.comment) == (3, "Restored revision 1")
    assert article.revisions.count() == 3  # the overwritten version is still there
    assert article.revisions.get(number=2).data["fields"]["headline"] == "Harbour wall plan dropped"


def test_restore_keeps_the_status_and_publication_time(editor):
    article = make_article(published=False)
    save(editor, article, headline="Draft headline")
    workflow.publish(article, by=None)
    article.refresh_from_db()
    published_at = article.published_at

    editor.post(reverse("admin:articles_article_restore", args=[article.pk, 1]))
    article.refresh_from_db()
    assert article.headline == "Draft headline"
    assert (article.status, article.published_at) == (Status.PUBLISHED, published_at)


def test_restore_refuses_a_slug_now_taken_and_changes_nothing(editor):
    article = make_article(published=False, slug="old-slug")
    save(editor, article)
    save(editor, article, slug="new-slug", headline="Newer")
    make_article(slug="old-slug")

    response = editor.post(
        reverse("admin:articles_article_restore", args=[article.pk, 1]), follow=True
    )
    assert "cannot be restored" in response.text
    article.refresh_from_db()
    assert (article.slug, article.headline) == ("new-slug", "Newer")
    assert article.revisions.count() == 2


def test_restore_leaves_out_a_deleted_author_and_says_so(editor):
    gone, kept = make_author(name="Gone Writer"), make_author()
    article = make_article(published=False, authors=[gone, kept])
    save(editor, article)
    article.bylines.filter(author=gone).delete()
    gone.delete()
    response = editor.post(
        reverse("admin:articles_article_restore", args=[article.pk, 1]), follow=True
    )
    assert "Author “Gone Writer” was deleted." in response.text
    assert article.byline() == [kept]


def test_the_restore_page_shows_what_would_change_before_anything_happens(editor):
    article = make_article(published=False, headline="Tide tables published")
    save(editor, article)
    save(editor, article, headline="Tide tables withdrawn")
    page = editor.get(reverse("admin:articles_article_restore", args=[article.pk, 1])).text
    assert "<del>withdrawn</del><ins>published</ins>" in page
    assert article.revisions.count() == 2


def test_the_diff_page_shows_the_changed_words_and_only_changed_fields(editor):
    article = make_article(
        published=False,
        standfirst="Unchanged standfirst.",
        body="<p>The quick brown fox jumps.</p><p>Second paragraph.</p>",
    )
    save(editor, article)
    save(editor, article, body="<p>The quick red fox jumps.</p><p>Second paragraph.</p>")
    url = reverse("admin:articles_article_compare", args=[article.pk])
    response = editor.get(url, {"a": 1, "b": 2})
    assert response.status_code == 200
    assert "The quick <del>brown</del><ins>red</ins> fox jumps." in response.text
    assert "Unchanged standfirst." not in response.text
    rows = response.context["rows"]
    assert [row["label"] for row in rows] == ["Body"]


def test_the_diff_escapes_what_editors_typed(editor):
    article = make_article(published=False, headline="Plain")
    save(editor, article)
    save(editor, article, headline="<script>alert(1)</script> & more")
    response = editor.get(
        reverse("admin:articles_article_compare", args=[article.pk]), {"a": 1, "b": 2}
    )
    assert "<script>alert(1)</script>" not in response.text
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in response.text


def test_the_diff_shows_a_new_byline_order(editor):
    first, second = make_author(name="Ann Alpha"), make_author(name="Ben Beta")
    article = make_article(published=False, authors=[first, second])
    save(editor, article)
    data = form_data(editor.get(change_url(article)))
    data["bylines-0-position"], data["bylines-1-position"] = "5", "1"
    editor.post(change_url(article), data)
    rows = editor.get(
        reverse("admin:articles_article_compare", args=[article.pk]), {"a": 1, "b": 2}
    ).context["rows"]
    assert [row["label"] for row in rows] == ["Authors"]


def test_the_history_page_lists_revisions_newest_first(editor):
    article = make_article(published=False)
    save(editor, article)
    save(editor, article, headline="Second")
    response = editor.get(reverse("admin:articles_article_revisions", args=[article.pk]))
    assert [r.number for r in response.context["revisions"]] == [2, 1]
    assert "Erin Editor" in response.text


def test_the_article_page_has_one_history_entry_revisions(editor):
    """Django's own "History" (its admin log) would sit next to ours: not shown. Ours is
    the one history (saves, moves, corrections, share links)."""
    for article in (make_article(published=False), make_article()):
        page = editor.get(change_url(article)).text
        tools = re.search(r'<ul class="object-tools">.*?</ul>', page, re.S)[0]
        history = reverse("admin:articles_article_revisions", args=[article.pk])
        assert f'<a href="{history}">History</a>' in tools
        assert tools.count("History") == 1 and "historylink" not in tools
        assert ("View on site" in tools) is article.is_published


@pytest.mark.parametrize("role", ["Writer", "Photo desk"])
def test_only_people_who_may_edit_see_or_restore_others_history(client, role):
    user = make_user(role)
    co_author = make_author(user=user) if role == "Writer" else make_author()
    article = make_article(published=False, created_by=make_user("Writer"), authors=[co_author])
    revisions.record(article, by=None)
    client.force_login(user)
    history = reverse("admin:articles_article_revisions", args=[article.pk])
    restore = reverse("admin:articles_article_restore", args=[article.pk, 1])
    # A writer on the byline may see the article but not its history; the photo desk may not
    # see it at all.
    expected = 403 if role == "Writer" else 404
    assert client.get(history).status_code == expected
    assert client.post(restore).status_code == expected
    assert article.revisions.count() == 1


def test_a_writer_sees_and_restores_the_history_of_their_own_draft(client):
    writer = make_user("Writer")
    article = make_article(published=False, created_by=writer, headline="Mine")
    client.force_login(writer)
    save(client, article)
    save(client, article, headline="Mine, changed")
    assert (
        client.get(reverse("admin:articles_article_revisions", args=[article.pk])).status_code
        == 200
    )
    client.post(reverse("admin:articles_article_restore", args=[article.pk, 1]))
    article.refresh_from_db()
    assert article.headline == "Mine"


def test_anonymous_visitors_are_sent_to_log_in(client):
    article = make_article()
    response = client.get(reverse("admin:articles_article_revisions", args=[article.pk]))
    assert response.status_code == 302 and "/admin/login/" in response["Location"]


def test_the_diff_folds_long_runs_of_unchanged_paragraphs(editor):
    words = ["one", "two", "three", "four", "five", "six"]
    paragraphs = [f"<p>Paragraph {word}.</p>" for word in words]
    article = make_article(published=False, body="".join(paragraphs))
    save(editor, article)
    paragraphs[4] = "<p>Paragraph five, corrected.</p>"
    save(editor, article, body="".join(paragraphs))
    page = editor.get(
        reverse("admin:articles_article_compare", args=[article.pk]), {"a": 1, "b": 2}
    ).text
    assert "Paragraph <del>five.</del><ins>five, corrected.</ins>" in page
    assert "⋯ 3 unchanged paragraphs ⋯" in page
    assert "Paragraph one." not in page and "Paragraph four." in page and "Paragraph six." in page
