"""The desk in a real browser: the desk home passes axe, and bylines and related articles
are ordered by dragging or from the keyboard (static/js/inline-order.js)."""

from datetime import timedelta

import pytest
from django.utils import timezone
from playwright.sync_api import Page, expect

from articles.models import Byline, RelatedArticle, Status
from tests.factories import make_article, make_author, make_user

from .test_desk_workflow import log_in
from .test_reader import axe_violations

pytestmark = pytest.mark.django_db(transaction=True)


def serious(violations):
    return [v for v in violations if v[1] in {"serious", "critical"}]


@pytest.mark.parametrize("width", [390, 1280])
@pytest.mark.parametrize("role", ["Writer", "Editor"])
def test_the_desk_home_and_article_list_have_no_serious_accessibility_violation(
    live_server, page: Page, role, width
):
    user = make_user(role, first_name="Ana", last_name="Diaz")
    make_article(headline="My own draft", created_by=user, published=False)
    make_article(headline="Needs a look", published=False, status=Status.IN_REVIEW,
                 review_deadline=timezone.now() - timedelta(hours=1))  # fmt: skip
    make_article(headline="Out this morning", published_at=timezone.now() - timedelta(minutes=5))
    page.set_viewport_size({"width": width, "height": 900})
    log_in(page, live_server, user)

    page.goto(f"{live_server.url}/admin/")

    expect(page.get_by_role("heading", name="Hello, Ana Diaz")).to_be_visible()
    expect(page.get_by_role("link", name="My own draft")).to_be_visible()
    assert serious(axe_violations(page)) == []

    page.goto(f"{live_server.url}/admin/articles/article/")  # the article list, too
    expect(page.locator(".desk-status").first).to_be_visible()
    assert serious(axe_violations(page)) == []


def change_page(live_server, article):
    return f"{live_server.url}/admin/articles/article/{article.pk}/change/"


def save(page: Page):
    page.locator("input[name=_continue]").click()
    expect(page.locator(".messagelist")).to_contain_text("was changed successfully")


def test_bylines_are_reordered_from_the_keyboard(live_server, page: Page):
    editor = make_user("Editor")
    first, second, third = (make_author(name=n) for n in ["Ana Diaz", "Ben Okoro", "Cy Lee"])
    # A draft: a live article's reordering would wait as its pending changes.
    article = make_article(authors=[first, second, third], published=False)
    log_in(page, live_server, editor)
    page.goto(change_page(live_server, article))

    down = page.get_by_role("button", name="Move down: Ana Diaz")
    down.focus()
    page.keyboard.press("Enter")
    page.keyboard.press("Enter")  # focus stays on the moved row's button
    expect(page.locator(".inline-order__status").first).to_have_text("Ana Diaz: position 3 of 3.")
    # A row added and left empty is no author: the save still goes through.
    page.locator("#bylines-group .add-row a").click()
    expect(page.get_by_role("button", name="Move up: new row")).to_be_visible()
    save(page)

    order = Byline.objects.filter(article=article).values_list("author__name", flat=True)
    assert list(order) == ["Ben Okoro", "Cy Lee", "Ana Diaz"]


def test_related_articles_are_reordered_by_dragging(live_server, page: Page):
    editor = make_user("Editor")
    one, two = make_article(headline="Story one"), make_article(headline="Story two")
    article = make_article(related=[one, two], published=False)  # a draft, as above
    log_in(page, live_server, editor)
    page.goto(change_page(live_server, article))

    group = page.locator("#related_links-group")
    expect(group.locator("th.column-position")).to_contain_text("Order")
    rows = group.locator("tbody tr.form-row:not(.empty-form)")
    rows.nth(1).locator(".inline-order__handle").drag_to(
        rows.nth(0), target_position={"x": 5, "y": 2}
    )
    expect(rows.nth(0)).to_contain_text("Story two")
    save(page)

    order = RelatedArticle.objects.filter(from_article=article).order_by("position")
    assert [link.to_article.headline for link in order] == ["Story two", "Story one"]


def test_a_share_link_is_copied_with_one_click(live_server, page: Page):
    from articles import sharing

    editor = make_user("Editor")
    article = make_article(published=False, headline="Embargoed figures")
    sharing.create_link(article, by=editor, note="Legal: J. Smith")
    page.context.grant_permissions(["clipboard-read", "clipboard-write"], origin=live_server.url)
    log_in(page, live_server, editor)
    page.goto(f"{live_server.url}/admin/articles/article/{article.pk}/share/")

    page.get_by_role("button", name="Copy").click()

    expect(page.get_by_role("status").first).to_have_text("Copied.")
    copied = page.evaluate("navigator.clipboard.readText()")
    assert copied == page.locator(".share-url").input_value()
    assert copied.startswith("http")


def test_the_body_editors_style_menu_shows_no_missing_glyph(live_server, page: Page):
    editor = make_user("Editor")
    article = make_article()
    log_in(page, live_server, editor)
    page.goto(change_page(live_server, article))

    menu = page.locator(".prose-menubar__selected").first
    expect(menu.get_by_role("button", name="paragraph")).to_be_visible()
    marker = menu.evaluate("element => getComputedStyle(element, '::after').content")
    assert marker == '"▾"'  # not U+23F7, which the desk's fonts lack
