"""An editor edits a live article in a real browser: the edit waits as pending changes, and
"Publish changes" asks first, naming the article and what happens."""

import os

import pytest
from playwright.sync_api import Page, expect

from articles import workflow
from articles.models import Article
from tests.factories import make_article, make_author, make_user

pytestmark = pytest.mark.django_db(transaction=True)

SHOTS = os.environ.get("NEWSROOM_SCREENSHOTS")  # a folder: also keep screenshots there


def log_in(page: Page, live_server, user):
    page.goto(f"{live_server.url}/admin/login/")
    page.fill("#id_username", user.username)
    page.fill("#id_password", "pw")
    page.click("input[type=submit]")


def shoot(page: Page, name):
    if not SHOTS:
        return
    for width in (1280, 390):
        page.set_viewport_size({"width": width, "height": 900})
        page.screenshot(path=f"{SHOTS}/{name}-{width}.png", full_page=True)
    page.set_viewport_size({"width": 1280, "height": 900})


def test_an_edit_waits_and_publish_changes_asks_first(live_server, page: Page):
    editor = make_user("Editor", first_name="Erin", last_name="Editor")
    article = make_article(
        headline="Harbour opens at dawn",
        body="<p>The harbour opens at six.</p>",
        authors=[make_author(name="Ana Diaz")],
    )
    log_in(page, live_server, editor)
    page.goto(f"{live_server.url}/admin/articles/article/{article.pk}/change/")
    page.fill("#id_headline", "Harbour opens at noon")
    page.get_by_role("button", name="Save and continue editing").click()
    expect(page.locator(".messagelist")).to_contain_text("Saved as unpublished changes")
    expect(page.locator("#pending-heading")).to_have_text("Live, with unpublished changes")
    expect(page.locator("#id_headline")).to_have_value("Harbour opens at noon")
    expect(page.locator(".desk-pending .revision-diff del")).to_have_text("dawn")
    expect(page.locator(".desk-pending .revision-diff ins")).to_have_text("noon")
    assert Article.objects.get(pk=article.pk).headline == "Harbour opens at dawn"
    shoot(page, "pending-change-page")

    page.goto(f"{live_server.url}{article.get_absolute_url()}")
    expect(page.locator("h1")).to_contain_text("Harbour opens at dawn")
    page.go_back()

    asked = []

    def answer_no(dialog):
        asked.append(dialog.message)
        dialog.dismiss()

    page.once("dialog", answer_no)
    page.get_by_role("button", name="Publish changes").click()
    expect(page.locator("#pending-heading")).to_be_visible()
    # In the registry's words, naming the article as it will read once the changes are live.
    shown = Article(headline="Harbour opens at noon")
    assert asked == [workflow.MOVES["publish_changes"].confirm_message(shown)]
    assert Article.objects.get(pk=article.pk).has_pending_changes

    page.once("dialog", lambda dialog: dialog.accept())
    page.get_by_role("button", name="Publish changes").click()
    expect(page.locator(".messagelist")).to_contain_text(
        "Published the changes to “Harbour opens at noon”."
    )
    expect(page.locator("#pending-heading")).to_have_count(0)
    assert Article.objects.get(pk=article.pk).headline == "Harbour opens at noon"

    page.get_by_role("link", name="History").click()
    expect(page.locator(".history-marker").first).to_have_text("live version")
    shoot(page, "history")
