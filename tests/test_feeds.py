"""RSS and Atom feeds of the site, sections, authors and topics: each parses as a feed,
lists only public articles, and carries the picture with its credit."""

from datetime import timedelta

import feedparser
import pytest
from django.urls import reverse
from django.utils import timezone

from articles.models import ArticleTopic, Status, Topic

from .factories import make_article, make_author, make_image, make_section

pytestmark = pytest.mark.django_db

CREDIT = "Mara Ellison / Northlight Photos"


@pytest.fixture
def story():
    section = make_section(name="News", slug="news")
    author = make_author(name="Dafydd Okonjo", slug="dafydd-okonjo")
    topic = Topic.objects.create(name="Flooding")
    article = make_article(
        headline="Flood barrier holds",
        standfirst="About 300 homes stayed dry.",
        section=section,
        authors=[author, make_author(name="Helen Marchetti")],
        hero_image=make_image(credit=CREDIT, caption="Waves at the barrier."),
    )
    ArticleTopic.objects.create(article=article, topic=topic)
    hidden = [
        make_article(headline="Draft story", published=False),
        make_article(
            headline="Scheduled story",
            status=Status.SCHEDULED,
            published_at=timezone.now() + timedelta(minutes=10),
        ),
        make_article(headline="Unpublished story", status=Status.UNPUBLISHED),
        make_article(headline="Archived story", status=Status.ARCHIVED),
    ]
    for other in hidden:
        other.section = section
        other.save()
        other.bylines.create(author=author)
        ArticleTopic.objects.create(article=other, topic=topic)
    return article


FEEDS = [
    ("articles:feed", None, "rss20"),
    ("articles:atom", None, "atom10"),
    ("articles:section_feed", "news", "rss20"),
    ("articles:section_atom", "news", "atom10"),
    ("articles:author_feed", "dafydd-okonjo", "rss20"),
    ("articles:author_atom", "dafydd-okonjo", "atom10"),
    ("articles:topic_feed", "flooding", "rss20"),
    ("articles:topic_atom", "flooding", "atom10"),
]


@pytest.mark.parametrize("name, slug, version", FEEDS)
def test_every_feed_parses_and_lists_only_public_articles_with_their_parts(
    client, story, name, slug, version
):
    response = client.get(reverse(name, args=[slug] if slug else []))
    assert response.status_code == 200
    feed = feedparser.parse(response.content)
    assert not feed.bozo, feed.get("bozo_exception")
    assert feed.version == version
    assert [entry.title for entry in feed.entries] == ["Flood barrier holds"]
    [entry] = feed.entries
    assert entry.link == f"https://testserver{story.get_absolute_url()}"
    assert entry.summary == "About 300 homes stayed dry."
    assert entry.author == "Dafydd Okonjo, Helen Marchetti"
    assert entry.published_parsed
    if version == "atom10":
        assert entry.updated_parsed
    assert [tag.term for tag in entry.tags] == ["News", "Flooding"]
    [media] = entry.media_content
    assert media["url"].startswith("https://testserver/media/renditions/")
    assert media["medium"] == "image" and int(media["width"]) >= 1
    assert entry.media_credit[0]["content"] == CREDIT
    [enclosure] = entry.enclosures
    assert enclosure["href"] == media["url"] and enclosure["type"] == "image/jpeg"


@pytest.mark.parametrize(
    "url",
    ["/sections/nope/feed/", "/authors/nope/feed/atom/", "/topics/nope/feed/", "/feed/nope/"],
)
def test_a_feed_of_nothing_is_not_found(client, url):
    assert client.get(url).status_code == 404


@pytest.mark.parametrize(
    "page, rss, atom",
    [
        ("articles:section", "articles:section_feed", "articles:section_atom"),
        ("articles:author", "articles:author_feed", "articles:author_atom"),
        ("articles:topic", "articles:topic_feed", "articles:topic_atom"),
    ],
)
def test_each_page_links_its_own_feeds(client, story, page, rss, atom):
    slug = {"articles:section": "news", "articles:author": "dafydd-okonjo"}.get(page, "flooding")
    html = client.get(reverse(page, args=[slug])).text
    for kind, name in (("rss+xml", rss), ("atom+xml", atom)):
        href = reverse(name, args=[slug])
        assert f'type="application/{kind}"' in html and f'href="{href}"' in html


def test_the_home_page_links_the_site_feeds(client):
    html = client.get(reverse("articles:home")).text
    assert 'type="application/rss+xml" title="The Newsroom (RSS)" href="/feed/"' in html
    assert 'type="application/atom+xml" title="The Newsroom (Atom)" href="/feed/atom/"' in html
