"""Every public page passes the axe accessibility check (home, article, section, author,
topic, search and the 404 page), and an article prints without the site around it."""

import pytest
from playwright.sync_api import Page, expect

from articles.models import ArticleTopic, Correction, Topic
from tests.factories import make_article, make_author, make_image, make_section

from .test_reader import axe_violations

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def site():
    section = make_section(name="News", slug="news")
    author = make_author(name="Dafydd Okonjo", slug="dafydd-okonjo", bio="Chief reporter.")
    author.photo = make_image(credit="Newsroom staff")
    author.save()
    topic = Topic.objects.create(name="Flooding", description="Rising water.")
    articles = []
    for n in range(22):  # more than a page, so the pager shows
        article = make_article(
            headline=f"Flood barrier story {n}",
            section=section,
            authors=[author],
            hero_image=make_image(credit="Mara Ellison / Northlight Photos") if n < 3 else None,
        )
        ArticleTopic.objects.create(article=article, topic=topic)
        articles.append(article)
    Correction.objects.create(article=articles[-1], text="An earlier version was wrong.")
    return {
        "home": "/",
        "article": articles[-1].get_absolute_url(),
        "section": section.get_absolute_url(),
        "author": author.get_absolute_url(),
        "topic": topic.get_absolute_url(),
        "search": "/search/?q=flood+barrier",
        "search, nothing found": "/search/?q=zzzz&section=news",
        "not found": "/no-such-page/",
    }


@pytest.mark.parametrize("width", [390, 1280])
def test_every_public_page_passes_axe(live_server, page: Page, site, width):
    page.set_viewport_size({"width": width, "height": 900})
    for name, path in site.items():
        page.goto(live_server.url + path)
        assert axe_violations(page) == [], name
        scroll_width = page.evaluate("document.documentElement.scrollWidth")
        assert scroll_width <= width, f"{name} scrolls sideways at {width} px"


def test_an_article_prints_the_story_without_the_site_around_it(live_server, page: Page, site):
    page.goto(live_server.url + site["article"])
    page.emulate_media(media="print")
    expect(page.locator(".masthead")).to_be_hidden()
    expect(page.locator(".site-footer")).to_be_hidden()
    expect(page.locator(".related")).to_be_hidden()
    expect(page.locator(".story__headline")).to_be_visible()
    expect(page.locator(".corrections")).to_be_visible()
