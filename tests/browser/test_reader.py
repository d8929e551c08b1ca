"""A reader's path through the site in a real browser."""

from datetime import UTC, datetime

import pytest
from playwright.sync_api import Page, expect

from tests.factories import make_article, make_author, make_image, make_section

pytestmark = pytest.mark.django_db(transaction=True)


def axe_violations(page: Page):
    # From the site itself: its Content-Security-Policy refuses an inline script.
    page.add_script_tag(url=page.evaluate("location.origin") + "/static/vendor/axe-core/axe.min.js")
    result = page.evaluate("async () => await axe.run(document, {resultTypes: ['violations']})")
    return [
        (v["id"], v["impact"], [n["target"] for n in v["nodes"]][:3]) for v in result["violations"]
    ]


def test_reader_goes_from_home_to_an_article_and_its_author(live_server, page: Page):
    section = make_section(name="Science", slug="science")
    author = make_author(name="Ines Duarte", role="Science editor")
    image = make_image(credit="Lena Park / Harbour Press", caption="Seagrass off the north shore.")
    related = make_article(headline="Divers map the reef", section=section)
    make_article(
        headline="Seagrass meadows return to the bay",
        standfirst="Ten years after the spill, the meadows are back.",
        section=section,
        authors=[author],
        hero_image=image,
        related=[related],
        body="<p>It took a decade.</p><h2>Counting shoots</h2>"
        "<blockquote><p>It is a miracle.</p></blockquote>",
    )

    page.goto(live_server.url)
    expect(page.locator(".lead-story")).to_contain_text("Seagrass meadows return to the bay")
    expect(page.locator(".lead-story")).to_contain_text("Image credit: Lena Park / Harbour Press")
    assert axe_violations(page) == []

    # The lead story's headline (the section rail below links it too).
    page.get_by_role("link", name="Seagrass meadows return to the bay").first.click()
    expect(page.locator("h1")).to_have_text("Seagrass meadows return to the bay")
    expect(page.locator(".story__hero figcaption")).to_contain_text(
        "Seagrass off the north shore. Image credit: Lena Park / Harbour Press"
    )
    expect(page.get_by_role("heading", name="Related articles")).to_be_visible()
    assert axe_violations(page) == []

    page.get_by_role("link", name="Ines Duarte").click()
    expect(page.locator("h1")).to_have_text("Ines Duarte")
    expect(page.locator("main")).to_contain_text("Seagrass meadows return to the bay")

    page.get_by_role("searchbox", name="Search articles").first.fill("reef")
    page.keyboard.press("Enter")
    expect(page.locator("main")).to_contain_text("Divers map the reef")


def test_article_page_reads_well_on_a_phone(live_server, page: Page):
    article = make_article(
        hero_image=make_image(), headline="A headline long enough to wrap on a small phone screen"
    )
    page.set_viewport_size({"width": 375, "height": 800})
    page.goto(live_server.url + article.get_absolute_url())
    scroll_width = page.evaluate("document.documentElement.scrollWidth")
    assert scroll_width <= 375, "the page must not scroll sideways on a phone"
    expect(page.locator(".story__hero img")).to_be_visible()


def test_the_article_meta_line_starts_no_line_with_a_separator_on_a_phone(live_server, page: Page):
    article = make_article(
        authors=[make_author(name="Dafydd Okonjo")],
        published_at=datetime(2026, 11, 26, 3, 53, tzinfo=UTC),  # "26 November 2026, 03:53"
        body="<p>" + "word " * 400 + "</p>",  # "2 min read"
    )
    page.set_viewport_size({"width": 390, "height": 844})
    page.goto(live_server.url + article.get_absolute_url())
    line_starts = page.evaluate(
        """() => {
            const meta = document.querySelector(".story__meta");
            const left = meta.getBoundingClientRect().left;
            return [...meta.children]
                .filter((item) => Math.abs(item.getBoundingClientRect().left - left) < 1)
                .map((item) => {
                    const before = getComputedStyle(item, "::before").content;
                    return (["none", "normal"].includes(before) ? "" : before) + item.innerText;
                });
        }"""
    )
    assert len(line_starts) >= 2, "the byline, date and reading time wrap at 390 px"
    assert line_starts[-1] == "2 min read"
    assert not [text for text in line_starts if text.lstrip('"').startswith("·")]
