"""Under the Content-Security-Policy (issue 13, item 7) the desk still works in a real
browser: the body editor, the library-picture chooser, the focal point and the workflow
buttons; and neither the desk nor any public page reports a blocked script or style."""

import pytest
from playwright.sync_api import Page, expect

from articles.models import Status
from tests.browser.test_desk_workflow import log_in
from tests.factories import image_upload, make_article, make_author, make_image, make_user

pytestmark = pytest.mark.django_db(transaction=True)

# Collects every violation the page reports, from before its first script runs.
WATCH_VIOLATIONS = """
window.__violations = [];
document.addEventListener("securitypolicyviolation", (event) => {
  window.__violations.push(`${event.violatedDirective} ${event.blockedURI}`);
});
"""


def watched(page: Page):
    page.add_init_script(WATCH_VIOLATIONS)
    errors = []
    page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    return errors


def violations(page: Page):
    return page.evaluate("window.__violations")


def test_editor_chooser_and_workflow_buttons_work_under_the_csp(live_server, page: Page):
    errors = watched(page)
    writer = make_user("Writer")
    image = make_image(caption="The night ferry", credit="Harbour Photo Agency")
    article = make_article(published=False, created_by=writer, body="<p>First line.</p>")
    log_in(page, live_server, writer)
    page.goto(f"{live_server.url}/admin/articles/article/{article.pk}/change/")
    assert "'nonce-" in page.evaluate(
        "fetch(location.href).then(r => r.headers.get('content-security-policy'))"
    )

    body = page.locator(".prose-editor .tiptap")
    body.click()
    page.keyboard.press("End")
    page.keyboard.type(" Typed under a strict policy.")
    expect(page.locator("[data-body-stats]")).to_have_text("7 words · 1 min read")
    page.get_by_role("button", name="Insert a picture at the cursor…").click()
    page.locator(f"dialog [data-choose='{image.pk}']").click()
    expect(body.locator("figcaption")).to_contain_text("Image credit: Harbour Photo Agency")
    page.click("input[name=_continue]")
    expect(page.locator(".messagelist")).to_contain_text("was changed successfully")

    page.get_by_role("button", name="Submit for review").click()
    expect(page.locator(".messagelist")).to_contain_text("for review")
    article.refresh_from_db()
    assert article.status == Status.IN_REVIEW
    assert "Typed under a strict policy." in article.body
    assert f'<figure data-image="{image.pk}"></figure>' in article.body
    assert violations(page) == []
    assert not [e for e in errors if "Content Security Policy" in e]


def test_the_focal_point_moves_under_the_csp(live_server, page: Page):
    watched(page)
    image = make_image(file=image_upload("wide.jpg", width=400, height=300))
    log_in(page, live_server, make_user("Photo desk"))
    page.goto(f"{live_server.url}/admin/articles/imageasset/{image.pk}/change/")
    picture = page.locator("#focal-picture")
    box = picture.bounding_box()
    picture.click(position={"x": box["width"] * 0.25, "y": box["height"] * 0.75})
    expect(page.locator("#id_focal_x")).to_have_value("25")
    expect(page.locator("#id_focal_y")).to_have_value("75")
    assert violations(page) == []


def test_public_pages_report_no_violation(live_server, page: Page):
    errors = watched(page)
    author = make_author(name="Nadia Reporter")
    article = make_article(headline="Ferry returns", authors=[author], hero_image=make_image())
    for path in (
        "/",
        article.get_absolute_url(),
        article.section.get_absolute_url(),
        author.get_absolute_url(),
        "/search/?q=ferry",
        "/no-such-page/",
    ):
        page.goto(live_server.url + path)
        expect(page.locator("body")).to_be_visible()
        assert violations(page) == [], path
    assert not [e for e in errors if "Content Security Policy" in e]
