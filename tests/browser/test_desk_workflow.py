"""An editor reviews and schedules an article with the desk's buttons in a real browser."""

from datetime import timedelta

import pytest
from django.utils import timezone
from playwright.sync_api import Page, expect

from articles import workflow
from articles.models import Article, Status
from tests.factories import make_article, make_user

pytestmark = pytest.mark.django_db(transaction=True)


def log_in(page: Page, live_server, user):
    page.goto(f"{live_server.url}/admin/login/")
    page.fill("#id_username", user.username)
    page.fill("#id_password", "pw")
    page.click("input[type=submit]")


def test_editor_sends_back_then_schedules_with_the_buttons(live_server, page: Page):
    writer, editor = make_user("Writer"), make_user("Editor", username="rita")
    article = make_article(published=False, headline="Ferry fares frozen", created_by=writer)
    workflow.submit(article, by=writer, reviewer=editor)
    log_in(page, live_server, editor)
    page.goto(f"{live_server.url}/admin/articles/article/{article.pk}/change/")
    expect(page.locator(".desk-status")).to_have_text("In review")

    # The note is required: the browser will not send an empty one.
    page.get_by_role("button", name="Request changes").click()
    expect(page.locator(".desk-status")).to_have_text("In review")
    page.get_by_label("What needs to change").fill("Quote the operator.")
    page.get_by_role("button", name="Request changes").click()
    expect(page.locator(".messagelist")).to_contain_text("Sent “Ferry fares frozen” back")
    expect(page.locator(".desk-note")).to_contain_text("Quote the operator.")

    workflow.submit(article, by=writer)
    page.reload()
    go_live = timezone.localtime(timezone.now() + timedelta(days=1)).replace(second=0)
    # The desk's date and time widget: day first, 24-hour clock (articles/admin/widgets.py).
    goes_live = page.get_by_role("group", name="Goes live at")
    goes_live.get_by_label("Date:").fill(go_live.strftime("%d/%m/%Y"))
    goes_live.get_by_label("Time:").fill(go_live.strftime("%H:%M"))
    page.get_by_role("button", name="Schedule").click()
    expect(page.locator(".messagelist")).to_contain_text("Scheduled “Ferry fares frozen”.")
    expect(page.locator(".desk-timeline")).to_contain_text("In review → Scheduled")
    article.refresh_from_db()
    assert (article.status, article.published_at) == (
        Status.SCHEDULED,
        go_live.replace(microsecond=0),
    )
    assert not Article.objects.published().filter(pk=article.pk).exists()


def test_unpublish_asks_first_and_no_leaves_the_article_live(live_server, page: Page):
    editor = make_user("Editor")
    article = make_article(headline="Tide tables corrected")
    log_in(page, live_server, editor)
    page.goto(f"{live_server.url}/admin/articles/article/{article.pk}/change/")
    move = workflow.MOVES["unpublish"]

    asked = []

    def answer_no(dialog):
        asked.append(dialog.message)
        dialog.dismiss()

    page.once("dialog", answer_no)
    page.get_by_role("button", name="Unpublish").click()
    expect(page.locator(".desk-status")).to_have_text("Published")
    assert asked == [move.confirm_message(article)]
    assert Article.objects.published().filter(pk=article.pk).exists()

    page.once("dialog", lambda dialog: dialog.accept())
    page.get_by_role("button", name="Unpublish").click()
    expect(page.locator(".messagelist")).to_contain_text(move.done_message(article))
    assert not Article.objects.published().filter(pk=article.pk).exists()
