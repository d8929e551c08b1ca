"""A writer in the admin body editor: typing is kept in the background, and offered back."""

import pytest
from django.conf import settings
from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY
from django.contrib.sessions.backends.db import SessionStore
from playwright.sync_api import Page, expect

from articles.models import ArticleAutosave, Status
from tests.factories import make_article, make_image, make_user

pytestmark = pytest.mark.django_db(transaction=True)


def log_in(page: Page, live_server, user):
    session = SessionStore()
    session[SESSION_KEY] = str(user.pk)
    session[BACKEND_SESSION_KEY] = "django.contrib.auth.backends.ModelBackend"
    session[HASH_SESSION_KEY] = user.get_session_auth_hash()
    session.save()
    page.context.add_cookies(
        [
            {
                "name": settings.SESSION_COOKIE_NAME,
                "value": session.session_key,
                "url": live_server.url,
            }
        ]
    )


def test_typing_in_the_body_is_autosaved_and_offered_back(live_server, page: Page):
    writer = make_user("Writer")
    image = make_image(caption="The night ferry at the pier", credit="Harbour Photo Agency")
    article = make_article(published=False, created_by=writer, body="<p>First line.</p>")
    updated_at = article.updated_at
    log_in(page, live_server, writer)
    page.add_init_script("window.NEWSROOM_AUTOSAVE_MS = 300")
    change = f"{live_server.url}/admin/articles/article/{article.pk}/change/"

    page.goto(change)
    body = page.locator(".prose-editor .tiptap")
    body.click()
    page.keyboard.press("End")
    page.keyboard.type(" Words typed before the crash.")
    expect(page.locator("[data-body-stats]")).to_have_text("7 words · 1 min read")
    page.get_by_role("button", name="Insert a picture at the cursor…").click()
    page.locator(f"dialog [data-choose='{image.pk}']").click()
    expect(body.locator("figcaption")).to_contain_text("Image credit: Harbour Photo Agency")
    expect(page.locator("[data-autosave-status]")).to_contain_text("Unsaved changes kept at")

    def kept_body():
        autosave = ArticleAutosave.objects.filter(article=article, user=writer).first()
        return autosave.data["body"] if autosave else ""

    for _ in range(50):  # the next background save picks up the picture
        if "<figure" in kept_body():
            break
        page.wait_for_timeout(100)
    assert "Words typed before the crash." in kept_body()
    assert f'<figure data-image="{image.pk}"></figure>' in kept_body()
    article.refresh_from_db()
    assert article.status == Status.DRAFT and article.updated_at == updated_at
    assert "crash" not in article.body

    # The browser "crashes"; the writer comes back and restores the text.
    page.goto("about:blank")
    page.goto(change)
    expect(page.get_by_text("Restore unsaved changes from")).to_be_visible()
    page.get_by_role("button", name="Restore").click()
    expect(body).to_contain_text("Words typed before the crash.")
    page.click("input[name=_save]")
    expect(page.locator(".messagelist")).to_contain_text("was changed successfully")
    article.refresh_from_db()
    assert "Words typed before the crash." in article.body
    assert not ArticleAutosave.objects.exists()


def test_leaving_the_page_keeps_what_was_typed(live_server, page: Page):
    writer = make_user("Writer")
    article = make_article(published=False, created_by=writer, body="<p>First line.</p>")
    log_in(page, live_server, writer)
    page.goto(f"{live_server.url}/admin/articles/article/{article.pk}/change/")
    page.locator(".prose-editor .tiptap").click()
    page.keyboard.press("End")
    page.keyboard.type(" Typed just before leaving.")

    page.goto("about:blank")  # long before the 30-second save: only leaving sends it

    for _ in range(50):
        if ArticleAutosave.objects.filter(article=article, user=writer).exists():
            break
        page.wait_for_timeout(100)
    autosave = ArticleAutosave.objects.get(article=article, user=writer)
    assert "Typed just before leaving." in autosave.data["body"]


SAVE_FIRST = (
    "You have unsaved changes in the text. They are kept as an unsaved copy; "
    "save the article first?"
)


def type_in_body(page: Page, text):
    page.locator(".prose-editor .tiptap").click()
    page.keyboard.press("End")
    page.keyboard.type(text)


def test_a_workflow_button_keeps_unsaved_text_and_it_is_offered_back(live_server, page: Page):
    """Reported: typed, clicked "Submit for review", and on reload the sentence was gone."""
    writer = make_user("Writer")
    article = make_article(published=False, created_by=writer, body="<p>First line.</p>")
    log_in(page, live_server, writer)
    change = f"{live_server.url}/admin/articles/article/{article.pk}/change/"
    page.goto(change)
    type_in_body(page, " A sentence not saved yet.")

    asked = []

    def answer(dialog):
        asked.append(dialog.message)
        dialog.dismiss()  # "No": make the move anyway

    page.once("dialog", answer)
    page.get_by_role("button", name="Submit for review").click()
    expect(page.locator(".messagelist")).to_contain_text("for review")
    assert asked == [SAVE_FIRST]
    article.refresh_from_db()
    assert article.status == Status.IN_REVIEW and "not saved yet" not in article.body
    assert "A sentence not saved yet." in ArticleAutosave.objects.get().data["body"]
    expect(page.locator(".messagelist")).to_contain_text("Your unsaved changes from")

    # Taken back out of review, the writer gets the text back, told the article changed since.
    page.get_by_role("button", name="Withdraw from review").click()
    expect(page.locator(".messagelist")).to_contain_text("The article has changed since")
    page.get_by_role("button", name="Restore").click()
    expect(page.locator(".prose-editor .tiptap")).to_contain_text("A sentence not saved yet.")
    page.click("input[name=_save]")
    expect(page.locator(".messagelist")).to_contain_text("was changed successfully")
    article.refresh_from_db()
    assert "A sentence not saved yet." in article.body
    assert not ArticleAutosave.objects.exists()


def test_choosing_to_save_first_saves_the_text_and_makes_no_move(live_server, page: Page):
    writer = make_user("Writer")
    article = make_article(published=False, created_by=writer, body="<p>First line.</p>")
    log_in(page, live_server, writer)
    page.goto(f"{live_server.url}/admin/articles/article/{article.pk}/change/")
    type_in_body(page, " Saved before submitting.")

    page.once("dialog", lambda dialog: dialog.accept())
    page.get_by_role("button", name="Submit for review").click()
    expect(page.locator(".messagelist")).to_contain_text("was changed successfully")
    article.refresh_from_db()
    assert "Saved before submitting." in article.body
    assert article.status == Status.DRAFT  # the writer now submits the saved text
    assert not ArticleAutosave.objects.exists()

    # Nothing unsaved now: the button moves the article without asking.
    asked = []
    page.on("dialog", lambda dialog: (asked.append(dialog.message), dialog.accept()))
    page.get_by_role("button", name="Submit for review").click()
    expect(page.locator(".messagelist")).to_contain_text("for review")
    article.refresh_from_db()
    assert article.status == Status.IN_REVIEW
    assert asked == []


def test_a_body_picture_without_renditions_is_previewed_by_caption_and_credit(
    live_server, page: Page
):
    writer = make_user("Writer")
    ready = make_image(caption="The pier at dawn", credit="Jo Reyes / Island Press")
    waiting = make_image(renditions=False, caption="Gulls", credit="Harbour Photo Agency")
    article = make_article(
        published=False,
        created_by=writer,
        body=f'<p>Text.</p><figure data-image="{ready.pk}"></figure>'
        f'<figure data-image="{waiting.pk}"></figure>',
    )
    log_in(page, live_server, writer)

    page.goto(f"{live_server.url}/admin/articles/article/{article.pk}/change/")

    figures = page.locator(".prose-editor .tiptap figure")
    expect(figures).to_have_count(2)
    expect(figures.nth(0).locator("img")).to_have_count(1)
    expect(figures.nth(0)).to_contain_text("The pier at dawn — Image credit: Jo Reyes")
    expect(figures.nth(1).locator("img")).to_have_count(0)
    expect(figures.nth(1)).to_have_text("Gulls — Image credit: Harbour Photo Agency")
