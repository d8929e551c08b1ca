"""Pending changes to a live article: an edit of a published or scheduled article waits while
readers see the live version (page, feeds, sitemap, search), until "Publish changes"."""

from datetime import timedelta

import pytest
from django.core import mail
from django.urls import reverse
from django.utils import timezone
from pytest_django.asserts import assertContains, assertNotContains

from articles import sharing
from articles.models import Article, ArticleAutosave, ArticleEvent, Byline, Correction, Status
from articles.seo import site_address

from .admin_forms import form_data
from .desk import change_url, local, messages_of, shown, workflow_url
from .desk import form_data as move_data
from .factories import make_article, make_author, make_user

pytestmark = pytest.mark.django_db


def opened(client, article):
    """The change page and the POST data its form sends back unchanged."""
    page = client.get(change_url(article))
    assert page.status_code == 200
    return page, form_data(page)


def save(client, article, **changes):
    __page, data = opened(client, article)
    data.update(changes)
    return client.post(change_url(article), data)


def public(client, article):
    """What readers get: the article page, the feed, the sitemap and the search."""
    client.logout()
    live = Article.objects.get(pk=article.pk)
    pages = [
        client.get(live.get_absolute_url()),
        client.get(reverse("articles:feed")),
        client.get("/sitemap-articles.xml"),
        client.get(reverse("articles:search"), {"q": "harbour"}),
    ]
    for response in pages:
        assert response.status_code == 200
    return "\n".join(response.content.decode() for response in pages)


@pytest.fixture
def editor():
    return make_user("Editor", first_name="Erin", last_name="Editor")


@pytest.fixture
def live_article():
    return make_article(
        headline="Harbour opens at dawn",
        slug="harbour-opens",
        body="<p>The harbour opens at six.</p>",
        authors=[make_author(name="Ana Diaz")],
    )


def test_readers_see_the_live_version_until_the_changes_are_published(client, editor, live_article):
    article = live_article
    client.force_login(editor)
    response = save(
        client,
        article,
        headline="Harbour opens at noon",
        slug="harbour-opens-noon",
        body="<p>The harbour opens at twelve.</p>",
    )
    assert response.status_code == 302

    # The row is untouched: the live version is what every public page reads.
    row = Article.objects.get(pk=article.pk)
    assert (row.headline, row.slug, row.body) == (
        "Harbour opens at dawn",
        "harbour-opens",
        "<p>The harbour opens at six.</p>",
    )
    assert row.has_pending_changes
    client.force_login(editor)
    said = public(client, article)
    assert "Harbour opens at dawn" in said and "opens at six" in said
    assert "noon" not in said and "twelve" not in said
    assert "harbour-opens-noon" not in said
    assert client.get("/articles/harbour-opens-noon/").status_code == 404

    # The desk opens the pending version, says so and shows live → pending.
    client.force_login(editor)
    page, data = opened(client, article)
    assert data["headline"] == "Harbour opens at noon"
    assert data["body"] == "<p>The harbour opens at twelve.</p>"
    assertContains(page, "Live, with unpublished changes")
    assertContains(page, "<del>dawn</del><ins>noon</ins>", html=False)
    listing = client.get(reverse("admin:articles_article_changelist"))
    assertContains(listing, "Live, with unpublished changes")

    # Publish changes: one move, recorded; readers now get the new text, marked Updated.
    response = client.post(
        workflow_url(article, "publish_changes"), {"drawn_for": "published"}, follow=True
    )
    assert messages_of(response) == ["Published the changes to “Harbour opens at noon”."]
    row.refresh_from_db()
    assert (row.headline, row.slug, row.pending_revision) == (
        "Harbour opens at noon",
        "harbour-opens-noon",
        None,
    )
    assert row.published_at == article.published_at  # the dateline stays
    event = ArticleEvent.objects.get(article=article)
    assert (event.action, event.actor, event.to_status) == (
        "publish_changes",
        editor,
        Status.PUBLISHED,
    )
    said = public(client, row)
    assert "Harbour opens at noon" in said and "opens at twelve" in said
    assert "dawn" not in said
    assertContains(client.get(row.get_absolute_url()), "Updated <time")


def test_bylines_and_related_links_wait_with_the_text(client, editor, live_article):
    article = live_article
    other = make_article(headline="Ferry timetable")
    co_author = make_author(name="Bo Chen")
    client.force_login(editor)
    _page, data = opened(client, article)
    data.update(
        {
            "bylines-TOTAL_FORMS": "2",
            "bylines-1-author": str(co_author.pk),
            "bylines-1-position": "1",
            "related_links-TOTAL_FORMS": "1",
            "related_links-0-to_article": str(other.pk),
            "related_links-0-position": "0",
        }
    )
    assert client.post(change_url(article), data).status_code == 302
    assert [b.author.name for b in Byline.objects.filter(article=article)] == ["Ana Diaz"]
    assertNotContains(client.get(article.get_absolute_url()), "Bo Chen")

    # The pending version's own rows come back in the form, and save again as they are.
    _page, data = opened(client, article)
    assert data["bylines-TOTAL_FORMS"] == "2"
    assert data["related_links-0-to_article"] == str(other.pk)
    data["headline"] = "Harbour opens at dawn, with a ferry"
    assert client.post(change_url(article), data).status_code == 302
    assert [b.author.name for b in Byline.objects.filter(article=article)] == ["Ana Diaz"]

    client.post(workflow_url(article, "publish_changes"), {"drawn_for": "published"})
    names = [b.author.name for b in Byline.objects.filter(article=article).order_by("position")]
    assert names == ["Ana Diaz", "Bo Chen"]
    article.refresh_from_db()
    assert article.headline == "Harbour opens at dawn, with a ferry"
    assert list(article.related_links.values_list("to_article", flat=True)) == [other.pk]


def test_a_failed_save_keeps_what_was_typed_and_keeps_nothing(client, editor, live_article):
    client.force_login(editor)
    response = save(client, live_article, headline="", body="<p>Typed, not lost.</p>")
    assert response.status_code == 200
    assertContains(response, "Typed, not lost.")
    assert not Article.objects.get(pk=live_article.pk).has_pending_changes


def test_the_version_check_refuses_a_stale_save_of_pending_changes(client, editor, live_article):
    client.force_login(editor)
    _page, stale = opened(client, live_article)
    assert save(client, live_article, headline="First editor's headline").status_code == 302
    stale["headline"] = "Second editor's headline"
    response = client.post(change_url(live_article), stale)
    assert response.status_code == 200
    assertContains(response, "Not saved:")
    assertContains(response, "Second editor&#x27;s headline")
    pending = Article.objects.get(pk=live_article.pk).pending_revision
    assert pending.data["fields"]["headline"] == "First editor's headline"


def test_preview_and_share_links_show_the_pending_version(client, editor, live_article):
    client.force_login(editor)
    save(client, live_article, headline="Harbour opens at noon")
    preview = client.get(reverse("articles:preview", args=[live_article.pk]))
    assertContains(preview, "Harbour opens at noon")
    link = sharing.create_link(live_article, by=editor)
    client.logout()
    shared = client.get(reverse("articles:shared_preview", args=[sharing.token_for(link)]))
    assertContains(shared, "Harbour opens at noon")
    assertNotContains(client.get(live_article.get_absolute_url()), "noon")
    assert Article.objects.get(pk=live_article.pk).headline == "Harbour opens at dawn"


def test_a_restore_never_changes_the_public_page(client, editor, live_article):
    client.force_login(editor)
    for hour in ("seven", "eight"):
        save(client, live_article, body=f"<p>The harbour opens at {hour}.</p>")
        client.post(workflow_url(live_article, "publish_changes"), {"drawn_for": "published"})
    first = live_article.revisions.order_by("number").first()

    page = client.get(
        reverse("admin:articles_article_restore", args=[live_article.pk, first.number])
    )
    assertContains(page, "The public page does not change")
    assertNotContains(page, "Status</th>")  # nor are status and time listed as changes
    response = client.post(
        reverse("admin:articles_article_restore", args=[live_article.pk, first.number]),
        follow=True,
    )
    assert "loaded as the unpublished changes" in " ".join(messages_of(response))
    assertContains(client.get(live_article.get_absolute_url()), "opens at eight")
    client.force_login(editor)
    _page, data = opened(client, live_article)
    assert data["body"] == "<p>The harbour opens at seven.</p>"


@pytest.fixture
def move(django_capture_on_commit_callbacks):
    """Make a workflow move from its button; the emails it sends after commit go out."""

    def post(client, article, name, data=None):
        with django_capture_on_commit_callbacks(execute=True):
            return client.post(workflow_url(article, name), data or {})

    return post


def test_a_writers_changes_to_their_live_story_go_through_review(client, editor, move):
    writer = make_user("Writer", first_name="Wes", last_name="Writer")
    article = make_article(headline="Harbour opens at dawn", created_by=writer, body="<p>Six.</p>")
    client.force_login(writer)
    assert save(client, article, body="<p>Seven.</p>").status_code == 302
    page = client.get(change_url(article)).content.decode()
    assert f'action="{workflow_url(article, "publish_changes")}"' not in page
    assert f'action="{workflow_url(article, "submit_changes")}"' in page
    move(client, article, "publish_changes", {"drawn_for": "published"})
    assert Article.objects.get(pk=article.pk).body == "<p>Six.</p>"

    deadline = timezone.now() + timedelta(days=1)
    mail.outbox.clear()
    data = move_data("submit_changes", reviewer=editor.pk, deadline=local(deadline))
    move(client, article, "submit_changes", {**data, "drawn_for": "published"})
    article.refresh_from_db()
    assert (article.changes_in_review, article.reviewer, article.status) == (
        True,
        editor,
        Status.PUBLISHED,
    )
    assert [m.to for m in mail.outbox] == [[editor.email]]
    assert "unpublished changes" in mail.outbox[0].body
    # In review, the writer's changes are frozen; readers still see the live text.
    assert save(client, article, body="<p>Eight.</p>").status_code == 403
    assertContains(client.get(article.get_absolute_url()), "Six.")

    client.force_login(editor)
    mail.outbox.clear()
    note = move_data("send_back_changes", note="Check the time.")
    move(client, article, "send_back_changes", {**note, "drawn_for": "published"})
    assert [m.to for m in mail.outbox] == [[writer.email]]
    assert "Check the time." in mail.outbox[0].body

    # The writer fixes it; the resubmission offers the reviewer and deadline asked last time.
    client.force_login(writer)
    assert save(client, article, body="<p>Seven sharp.</p>").status_code == 302
    page = client.get(change_url(article)).content.decode()
    form = page.split(f'action="{workflow_url(article, "submit_changes")}"')[1].split("</form>")[0]
    assert f'<option value="{editor.pk}" selected>' in form
    day, time = shown(deadline)
    assert f'value="{day}"' in form and f'value="{time}"' in form
    move(
        client,
        article,
        "submit_changes",
        {**move_data("submit_changes", reviewer=editor.pk), "drawn_for": "published"},
    )

    client.force_login(editor)
    page = client.get(change_url(article)).content.decode()
    assert "Approve &amp; publish changes</button>" in page
    mail.outbox.clear()
    move(client, article, "publish_changes", {"drawn_for": "published"})
    assertContains(client.get(article.get_absolute_url()), "Seven sharp.")
    assert [m.to for m in mail.outbox] == [[writer.email]]  # told it is live
    queue = client.get(reverse("admin:articles_article_changelist"), {"review": "mine"})
    assertNotContains(queue, f'href="{change_url(article)}?')  # no longer awaiting review


def test_changes_in_review_are_in_the_reviewers_queue(client, editor):
    writer = make_user("Writer")
    article = make_article(headline="Queue me", created_by=writer)
    client.force_login(writer)
    save(client, article, body="<p>New.</p>")
    client.post(
        workflow_url(article, "submit_changes"),
        {**move_data("submit_changes", reviewer=editor.pk), "drawn_for": "published"},
    )
    client.force_login(editor)
    queue = client.get(reverse("admin:articles_article_changelist"), {"review": "mine"})
    assertContains(queue, f'href="{change_url(article)}?')
    assertContains(queue, "Live, changes in review")


def test_saving_the_pending_version_forgets_the_autosaved_copy(client, editor, live_article):
    client.force_login(editor)
    autosave = reverse("admin:articles_article_autosave", args=[live_article.pk])
    client.post(autosave, {"headline": "Typed", "body": "<p>Typed.</p>"})
    assert ArticleAutosave.objects.filter(article=live_article).exists()
    save(client, live_article, headline="Typed", body="<p>Typed.</p>")
    assert not ArticleAutosave.objects.filter(article=live_article).exists()
    assert Article.objects.get(pk=live_article.pk).headline == "Harbour opens at dawn"


def test_a_correction_typed_with_the_fix_goes_live_with_it(client, editor, live_article):
    client.force_login(editor)
    _page, data = opened(client, live_article)
    data.update(
        {
            "body": "<p>The harbour opens at seven.</p>",
            "corrections-TOTAL_FORMS": "1",
            "corrections-0-kind": "correction",
            "corrections-0-text": "An earlier version gave the wrong time.",
            "corrections-0-published_at_0": timezone.localtime().strftime("%d/%m/%Y"),
            "corrections-0-published_at_1": timezone.localtime().strftime("%H:%M:%S"),
        }
    )
    assert client.post(change_url(live_article), data).status_code == 302
    assert not Correction.objects.exists()
    _page, data = opened(client, live_article)  # the pending correction is in the form
    assert data["corrections-0-text"] == "An earlier version gave the wrong time."
    assert client.post(change_url(live_article), data).status_code == 302  # saved again
    client.post(workflow_url(live_article, "publish_changes"), {"drawn_for": "published"})
    correction = Correction.objects.get()
    assert (correction.text, correction.created_by) == (
        "An earlier version gave the wrong time.",
        editor,
    )
    assertContains(client.get(live_article.get_absolute_url()), "wrong time")


def test_discarding_the_changes_keeps_the_live_version(client, editor, live_article):
    client.force_login(editor)
    save(client, live_article, headline="Never mind")
    client.post(workflow_url(live_article, "discard_changes"), {"drawn_for": "published"})
    article = Article.objects.get(pk=live_article.pk)
    assert (article.headline, article.pending_revision) == ("Harbour opens at dawn", None)
    _page, data = opened(client, article)
    assert data["headline"] == "Harbour opens at dawn"


def test_unpublishing_makes_the_pending_version_the_text(client, editor, live_article):
    client.force_login(editor)
    save(client, live_article, headline="Harbour opens at noon")
    client.post(workflow_url(live_article, "unpublish"), {"drawn_for": "published"})
    article = Article.objects.get(pk=live_article.pk)
    assert (article.status, article.headline, article.pending_revision) == (
        Status.UNPUBLISHED,
        "Harbour opens at noon",
        None,
    )


def test_a_scheduled_article_keeps_its_time_and_its_edits_wait_too(client, editor):
    at = timezone.now() + timedelta(hours=3)
    article = make_article(published=False, status=Status.SCHEDULED, published_at=at)
    client.force_login(editor)
    save(client, article, headline="Embargoed, changed")
    row = Article.objects.get(pk=article.pk)
    assert row.has_pending_changes and row.headline != "Embargoed, changed"
    client.post(workflow_url(article, "publish_changes"), {"drawn_for": "scheduled"})
    row.refresh_from_db()
    assert (row.headline, row.status, row.published_at, row.revised_at) == (
        "Embargoed, changed",
        Status.SCHEDULED,
        at,
        None,  # not live yet: nothing to call an update
    )


def test_publish_changes_asks_first_naming_the_article(client, editor, live_article):
    client.force_login(editor)
    save(client, live_article, standfirst="New standfirst.")
    page = client.get(change_url(live_article)).content.decode()
    assert (
        'data-confirm="Publish the changes to “Harbour opens at dawn”? The article page, '
        "feeds, sitemap and search show them at once" in page
    )


def test_re_publishing_keeps_the_first_publication_time(client, editor, live_article):
    client.force_login(editor)
    first = live_article.published_at
    client.post(workflow_url(live_article, "unpublish"), {"drawn_for": "published"})
    client.post(workflow_url(live_article, "publish"), {"drawn_for": "unpublished"})
    article = Article.objects.get(pk=live_article.pk)
    assert article.status == Status.PUBLISHED
    assert article.published_at == first
    assert article.revised_at is not None
    assertContains(client.get(article.get_absolute_url()), "Updated <time")


def test_the_writer_is_emailed_when_their_article_is_scheduled_or_published(client, editor, move):
    writer = make_user("Writer")
    scheduled = make_article(published=False, status=Status.IN_REVIEW, created_by=writer)
    published = make_article(published=False, status=Status.IN_REVIEW, created_by=writer)
    client.force_login(editor)
    at = local(timezone.now() + timedelta(days=1))
    move(
        client,
        scheduled,
        "schedule",
        {**move_data("schedule", at=at), "drawn_for": "in_review"},
    )
    move(client, published, "publish", {"drawn_for": "in_review"})
    assert [(m.to, m.subject) for m in mail.outbox] == [
        ([writer.email], f"Scheduled: {scheduled.headline}"),
        ([writer.email], f"Published: {published.headline}"),
    ]
    assert "It goes live" in mail.outbox[0].body
    assert site_address(Article.objects.get(pk=published.pk).get_absolute_url()) in (
        mail.outbox[1].body
    )


def test_a_bulk_move_asks_first_naming_each_article(client, editor):
    drafts = [make_article(published=False, headline=f"Draft {n}") for n in range(2)]
    client.force_login(editor)
    selected = {"action": "publish", "_selected_action": [d.pk for d in drafts]}
    page = client.post(reverse("admin:articles_article_changelist"), selected)
    assertContains(page, "Publish “Draft 0” now?")
    assertContains(page, "Publish “Draft 1” now?")
    assert not Article.objects.published().exists()
    client.post(reverse("admin:articles_article_changelist"), {**selected, "confirmed": "yes"})
    assert Article.objects.published().count() == 2


def test_changes_no_longer_valid_are_refused_with_a_reason_not_an_error(
    client, editor, live_article
):
    client.force_login(editor)
    save(client, live_article, slug="ferry-strike")
    make_article(slug="ferry-strike")  # another article took the address meanwhile
    page = client.get(change_url(live_article))  # the desk still opens (the live version)
    assert page.status_code == 200
    for move in ("publish_changes", "unpublish"):
        response = client.post(workflow_url(live_article, move), {"drawn_for": "published"})
        said = messages_of(client.get(change_url(live_article)))
        assert response.status_code == 302
        assert any("Nothing changed." in message for message in said), said
    article = Article.objects.get(pk=live_article.pk)
    assert (article.slug, article.status) == ("harbour-opens", Status.PUBLISHED)
    assert article.has_pending_changes


def test_a_resubmission_offers_the_reviewer_and_deadline_asked_last_time(client, editor):
    writer = make_user("Writer")
    article = make_article(published=False, created_by=writer)
    deadline = timezone.now() + timedelta(days=2)
    client.force_login(writer)
    data = move_data("submit", reviewer=editor.pk, deadline=local(deadline))
    client.post(workflow_url(article, "submit"), {**data, "drawn_for": "draft"})
    client.force_login(editor)
    note = move_data("request_changes", note="Shorter, please.")
    client.post(workflow_url(article, "request_changes"), {**note, "drawn_for": "in_review"})

    client.force_login(writer)
    page = client.get(change_url(article)).content.decode()
    form = page.split(f'action="{workflow_url(article, "submit")}"')[1].split("</form>")[0]
    assert f'<option value="{editor.pk}" selected>' in form
    day, time = shown(deadline)
    assert f'value="{day}"' in form and f'value="{time}"' in form
