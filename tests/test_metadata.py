"""What search engines and social networks read: metadata on every public page, JSON-LD
structured data on article, home and author pages, noindex where a page is not for them."""

import json
import re
from datetime import UTC, datetime, timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from articles import workflow
from articles.models import ArticleTopic, Correction, Topic

from .factories import make_article, make_author, make_image, make_section, make_user

pytestmark = pytest.mark.django_db

CREDIT = "Mara Ellison / Northlight Photos"


def meta(html):
    """{name or property: content} of the page's <meta> tags, plus "canonical"."""
    found = dict(re.findall(r'<meta (?:name|property)="([^"]+)" content="([^"]*)"', html))
    canonical = re.search(r'<link rel="canonical" href="([^"]+)">', html)
    found["canonical"] = canonical and canonical[1]
    return found


def json_ld(html):
    blocks = re.findall(r'<script type="application/ld\+json">(.*?)</script>', html, re.S)
    return {data["@type"]: data for data in map(json.loads, blocks)}


@pytest.fixture
def story():
    section = make_section(name="News", slug="news")
    writer = make_author(name="Dafydd Okonjo", slug="dafydd-okonjo", role="Chief reporter")
    topics = [Topic.objects.create(name="Flooding"), Topic.objects.create(name="Coast")]
    article = make_article(
        headline="Flood barrier holds",
        standfirst="About 300 homes stayed dry.",
        body="<p>" + "word " * 250 + "</p>",
        section=section,
        authors=[writer, make_author(name="Helen Marchetti", slug="helen-marchetti")],
        hero_image=make_image(credit=CREDIT, caption="Waves at the barrier.", alt_text="Waves"),
        published_at=datetime(2026, 11, 30, 6, 0, tzinfo=UTC),
    )
    for position, topic in enumerate(topics):
        ArticleTopic.objects.create(article=article, topic=topic, position=position)
    Correction.objects.create(
        article=article,
        text="An earlier version gave the wrong height.",
        published_at=datetime(2026, 11, 30, 9, 30, tzinfo=UTC),
    )
    return article


def public_pages(story):
    return {
        "home": reverse("articles:home"),
        "article": story.get_absolute_url(),
        "section": story.section.get_absolute_url(),
        "author": reverse("articles:author", args=["dafydd-okonjo"]),
        "topic": reverse("articles:topic", args=["flooding"]),
        "search": reverse("articles:search") + "?q=flood",
    }


@pytest.mark.parametrize("page", ["home", "article", "section", "author", "topic", "search"])
def test_every_public_page_has_a_title_description_canonical_and_share_card(client, story, page):
    url = public_pages(story)[page]
    html = client.get(url).text
    tags = meta(html)
    assert re.search(r"<title>[^<]+</title>", html)
    assert tags["description"]
    assert tags["canonical"] == "https://testserver" + url.split("?")[0]
    for name in ("og:title", "og:description", "og:type", "og:url", "og:image", "og:image:alt"):
        assert tags.get(name), name
    assert tags["og:image"].startswith("https://testserver/")
    assert tags["twitter:card"] == "summary_large_image"
    assert ("robots" in tags) == (page == "search")
    if page == "search":
        assert tags["robots"] == "noindex"


def test_pages_without_a_picture_share_the_default_one(client, story):
    html = client.get(story.section.get_absolute_url()).text
    image = meta(html)["og:image"]
    assert image == "https://testserver/static/img/share-default.png"
    assert client.get(image.removeprefix("https://testserver")).status_code == 200


def test_the_article_share_card_is_the_hero_rendition_with_its_credit(client, story):
    tags = meta(client.get(story.get_absolute_url()).text)
    assert tags["og:type"] == "article"
    assert tags["og:image"].startswith("https://testserver/media/renditions/")
    assert tags["og:image:alt"] == f"Waves (Image credit: {CREDIT})"
    assert tags["article:published_time"] == "2026-11-30T06:00:00+00:00"
    assert tags["article:modified_time"] == "2026-11-30T09:30:00+00:00"


def test_what_is_not_public_is_not_indexed(client, story):
    not_found = client.get("/no-such-page/")
    assert not_found.status_code == 404
    assert meta(not_found.text)["robots"] == "noindex"
    client.force_login(make_user("Editor"))
    draft = make_article(published=False)
    preview = client.get(reverse("articles:preview", args=[draft.pk])).text
    assert meta(preview)["robots"] == "noindex, nofollow"


def test_the_article_json_ld_carries_every_field(client, story):
    data = json_ld(client.get(story.get_absolute_url()).text)
    article = data["NewsArticle"]
    url = "https://testserver/articles/flood-barrier-holds/"
    assert article["@context"] == "https://schema.org"
    assert article["headline"] == "Flood barrier holds"
    assert article["description"] == "About 300 homes stayed dry."
    # The hero in its own shape first, then its 16:9 and 1:1 crops, as Google asks.
    images = article["image"]
    assert [image["url"].split("/")[-1].split("-")[0] for image in images] == [
        "hero",
        "card",
        "thumb",
    ]
    for image in images:
        assert image["@type"] == "ImageObject"
        assert image["url"].startswith("https://testserver/media/renditions/")
        assert image["creditText"] == CREDIT
        assert image["copyrightHolder"] == {"@type": "Organization", "name": "Northlight Photos"}
        assert image["caption"] == "Waves at the barrier."
        assert image["width"] > 0 and image["height"] > 0
    assert images[1]["width"] * 9 == images[1]["height"] * 16
    assert images[2]["width"] == images[2]["height"]
    assert article["datePublished"] == "2026-11-30T06:00:00+00:00"
    assert article["dateModified"] == "2026-11-30T09:30:00+00:00"  # the correction's time
    assert article["author"] == [
        {
            "@type": "Person",
            "name": "Dafydd Okonjo",
            "url": "https://testserver/authors/dafydd-okonjo/",
            "jobTitle": "Chief reporter",
        },
        {
            "@type": "Person",
            "name": "Helen Marchetti",
            "url": "https://testserver/authors/helen-marchetti/",
            "jobTitle": "Reporter",
        },
    ]
    publisher = article["publisher"]
    assert publisher["@type"] == "Organization" and publisher["name"] == "The Newsroom"
    assert publisher["logo"]["url"] == "https://testserver/static/img/logo.png"
    assert article["mainEntityOfPage"] == {"@type": "WebPage", "@id": url}
    assert article["articleSection"] == "News"
    assert article["keywords"] == ["Flooding", "Coast"]
    assert article["wordCount"] == 250
    assert article["correction"] == [
        {
            "@type": "CorrectionComment",
            "text": "An earlier version gave the wrong height.",
            "datePublished": "2026-11-30T09:30:00+00:00",
        }
    ]
    crumbs = data["BreadcrumbList"]["itemListElement"]
    assert [(c["position"], c["name"], c["item"]) for c in crumbs] == [
        (1, "The Newsroom", "https://testserver/"),
        (2, "News", "https://testserver/sections/news/"),
        (3, "Flood barrier holds", url),
    ]


def test_an_uncorrected_article_was_modified_when_it_was_published(client):
    article = make_article(published_at=timezone.now() - timedelta(hours=3))
    data = json_ld(client.get(article.get_absolute_url()).text)["NewsArticle"]
    assert data["dateModified"] == data["datePublished"]
    assert "correction" not in data and "image" not in data


def test_json_ld_cannot_be_closed_by_what_editors_type(client):
    article = make_article(headline="</script><script>alert(1)</script>")
    html = client.get(article.get_absolute_url()).text
    assert "<script>alert(1)" not in html
    assert json_ld(html)["NewsArticle"]["headline"] == "</script><script>alert(1)</script>"


def test_the_home_page_describes_the_site_and_its_search(client, story):
    site = json_ld(client.get(reverse("articles:home")).text)["WebSite"]
    assert site["url"] == "https://testserver/"
    action = site["potentialAction"]
    assert action["@type"] == "SearchAction"
    assert action["target"]["urlTemplate"] == "https://testserver/search/?q={search_term_string}"
    assert action["query-input"] == "required name=search_term_string"


def test_an_author_page_is_a_profile_page_of_a_person(client, story):
    author = story.byline()[0]
    author.bio = "Leads coverage of the regions."
    author.photo = make_image()
    author.save()
    html = client.get(author.get_absolute_url()).text
    profile = json_ld(html)["ProfilePage"]
    assert profile["mainEntity"]["@type"] == "Person"
    assert profile["mainEntity"]["name"] == "Dafydd Okonjo"
    assert profile["mainEntity"]["description"] == "Leads coverage of the regions."
    assert profile["mainEntity"]["image"].startswith("https://testserver/media/renditions/")
    assert meta(html)["og:type"] == "profile"


def test_paged_lists_name_their_neighbours_and_their_own_address(client):
    section = make_section(slug="sport")
    for _ in range(41):
        make_article(section=section)
    second = client.get(section.get_absolute_url(), {"page": 2}).text
    assert '<link rel="prev" href="?page=1">' in second
    assert '<link rel="next" href="?page=3">' in second
    assert meta(second)["canonical"] == "https://testserver/sections/sport/?page=2"
    first = client.get(section.get_absolute_url()).text
    assert '<link rel="prev"' not in first and '<link rel="next" href="?page=2">' in first


def test_a_scheduled_article_has_no_page_before_its_time(client):
    article = make_article(published=False)
    workflow.schedule(article, by=make_user("Editor"), at=timezone.now() + timedelta(hours=1))
    assert client.get(article.get_absolute_url()).status_code == 404


def test_a_paged_search_names_its_neighbours_with_its_query(client):
    for n in range(21):
        make_article(headline=f"Quayside works {n}")
    second = client.get(reverse("articles:search"), {"q": "quayside works", "page": 2}).text
    assert '<link rel="prev" href="?q=quayside+works&amp;page=1">' in second
    assert '<a href="?q=quayside+works&amp;page=1" rel="prev">← Newer</a>' in second  # pager


def test_the_menu_marks_the_page_s_own_section_and_home(client):
    harbour, sport = make_section(name="Harbour", slug="harbour"), make_section(name="Sport")
    make_article(section=harbour)
    menu = re.compile(r'<nav class="sections-nav".*?</nav>', re.DOTALL)
    home = menu.search(client.get(reverse("articles:home")).text)[0]
    assert '<a href="/" aria-current="page">Home</a>' in home
    assert home.count('aria-current="page"') == 1
    on_harbour = menu.search(client.get(harbour.get_absolute_url()).text)[0]
    assert '<a href="/sections/harbour/" aria-current="page">Harbour</a>' in on_harbour
    assert f'<a href="{sport.get_absolute_url()}">Sport</a>' in on_harbour
    assert on_harbour.count('aria-current="page"') == 1
