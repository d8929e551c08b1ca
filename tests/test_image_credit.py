"""The credit travels with the picture on every public page, feed and share card; readers
get responsive renditions, never the original file."""

import re
from datetime import timedelta
from html.parser import HTMLParser

import pytest
from django.urls import reverse
from django.utils import timezone
from pytest_django.asserts import assertContains, assertNotContains

from .factories import make_article, make_author, make_image, make_section

pytestmark = pytest.mark.django_db

CREDIT = "Lena Park / Harbour Press"


@pytest.fixture
def story():
    author = make_author(name="Ines Duarte", photo=make_image(credit="Newsroom staff"))
    section = make_section(name="Science", slug="science")
    hero = make_image(credit=CREDIT, caption="Seagrass off the north shore.", alt_text="Seagrass")
    now = timezone.now()
    lead = make_article(
        headline="Seagrass returns",
        section=section,
        hero_image=hero,
        authors=[author],
        published_at=now - timedelta(minutes=1),
    )
    card = make_article(
        headline="Divers map the reef",
        section=section,
        hero_image=make_image(),
        published_at=now - timedelta(minutes=2),
    )
    make_article(headline="Older without picture", published_at=now - timedelta(minutes=3))
    return lead, card, author


def pictures(response):
    return re.findall(r"<figure class=\"picture.*?</figure>", response.content.decode(), re.S)


class TextWhere(HTMLParser):
    """Each piece of text on a page, with whether it sits inside a link and inside something
    hidden from screen readers (aria-hidden)."""

    VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source"}

    def __init__(self):
        super().__init__()
        self.open, self.texts = [], []

    def handle_starttag(self, tag, attrs):
        if tag not in self.VOID:
            self.open.append((tag, dict(attrs).get("aria-hidden") == "true"))

    def handle_endtag(self, tag):
        while self.open and self.open.pop()[0] != tag:
            pass

    def handle_data(self, data):
        if data.strip():
            in_link = any(tag == "a" for tag, _ in self.open)
            hidden = any(hidden for _, hidden in self.open)
            self.texts.append((" ".join(data.split()), in_link, hidden))


def text_where(response):
    parser = TextWhere()
    parser.feed(response.content.decode())
    return parser.texts


def test_listings_give_the_credit_and_caption_to_screen_readers_outside_links(client, story):
    lead, card, _ = story
    for url in (reverse("articles:home"), lead.section.get_absolute_url()):
        response = client.get(url)
        texts = text_where(response)
        credits = [t for t in texts if t[0].startswith("Image credit:")]
        assert len(credits) == 2, url  # the lead's picture and the card's
        assert all(not in_link and not hidden for _, in_link, hidden in credits), url
        # the picture still leads to the story, as a duplicate of the headline link
        assertContains(response, f'<a class="picture__link" href="{card.get_absolute_url()}"')
    caption = [t for t in text_where(client.get("/")) if t[0] == "Seagrass off the north shore."]
    assert caption == [("Seagrass off the north shore.", False, False)]


def test_every_public_page_shows_the_credit_with_the_picture(client, story):
    lead, _, author = story
    pages = {
        "home": reverse("articles:home"),
        "article": lead.get_absolute_url(),
        "section": lead.section.get_absolute_url(),
        "author": author.get_absolute_url(),
        "search": reverse("articles:search") + "?q=seagrass",
    }
    for name, url in pages.items():
        figures = pictures(client.get(url))
        assert figures, name
        for figure in figures:
            assert "Image credit: " in figure, name
        assert any(f"Image credit: {CREDIT}" in f for f in figures), name
    author_page = client.get(pages["author"])
    assertContains(author_page, "Image credit: Newsroom staff")


def test_pictures_are_responsive_renditions_never_the_original(client, story):
    lead, card, _ = story
    response = client.get(reverse("articles:home"))
    html = response.content.decode()
    for image in (lead.hero_image, card.hero_image):
        assert image.file.url not in html
    lead_figure, card_figure = pictures(response)[:2]
    assert '<source type="image/webp" srcset="/media/renditions/' in lead_figure
    assert re.search(r'srcset="[^"]*hero-\d+-\w+\.jpg \d+w', lead_figure)
    assert 'sizes="(min-width: 992px) 860px, 100vw"' in lead_figure
    assert 'fetchpriority="high"' in lead_figure and 'loading="lazy"' not in lead_figure
    assert 'loading="lazy"' in card_figure and "card-" in card_figure
    assert re.search(r'<img [^>]*width="\d+" height="\d+"', card_figure)
    assert 'alt="Seagrass"' in lead_figure


def test_the_feed_carries_the_picture_with_its_credit(client, story):
    lead, _, _ = story
    response = client.get(reverse("articles:feed"))
    xml = response.content.decode()
    assert 'xmlns:media="http://search.yahoo.com/mrss/"' in xml
    item = re.search(r"<item><title>Seagrass returns</title>.*?</item>", xml, re.S).group(0)
    assert re.search(
        r'<media:content [^>]*url="https://testserver/media/renditions/[^"]+\.jpg"', item
    )
    assert f"<media:credit>{CREDIT}</media:credit>" in item
    assert "<media:description>Seagrass off the north shore.</media:description>" in item
    assert re.search(r'<enclosure [^>]*url="https://testserver/media/renditions/[^"]+"', item)
    assert lead.hero_image.file.url not in xml


def test_share_cards_use_a_rendition_and_carry_the_credit(client, story):
    lead, _, _ = story
    response = client.get(lead.get_absolute_url())
    assertContains(response, '<meta property="og:image" content="https://testserver/media/rend')
    assertContains(
        response, f'<meta property="og:image:alt" content="Seagrass (Image credit: {CREDIT})">'
    )
    assertNotContains(response, lead.hero_image.file.url)
