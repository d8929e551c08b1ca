"""RSS 2.0 and Atom feeds of the whole site, each section, each author and each topic.

Addresses (README, "Feeds"): `/feed/` and `/feed/atom/`; `/sections/<slug>/feed/`,
`/authors/<slug>/feed/`, `/topics/<slug>/feed/`, each with `atom/` after it. Every item has
the headline, standfirst, authors, dates, the section and topics as categories, and the hero
picture as an enclosure and a Media RSS element carrying its credit and caption. Items are
`Article.objects.published()`, the one rule.
"""

from django.conf import settings
from django.contrib.syndication.views import Feed
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils.feedgenerator import Atom1Feed, Enclosure, Rss201rev2Feed
from django.utils.html import escape

from .models import Article, Author, Section, Topic
from .seo import site_address
from .templatetags.newsroom import share_image

FEED_LENGTH = 30
MEDIA_NS = "http://search.yahoo.com/mrss/"


def add_media(handler, item):
    """The picture as `<media:content>` with its credit and caption (Media RSS)."""
    media = item.get("media")
    if not media:
        return
    handler.startElement(
        "media:content",
        {
            "url": media["url"],
            "type": "image/jpeg",
            "medium": "image",
            "width": str(media["width"]),
            "height": str(media["height"]),
        },
    )
    handler.addQuickElement("media:credit", media["credit"])
    handler.addQuickElement("media:description", media["caption"])
    handler.endElement("media:content")


class MediaRssFeed(Rss201rev2Feed):
    """RSS 2.0 with Media RSS, so the picture travels with its credit and caption."""

    def rss_attributes(self):
        return {**super().rss_attributes(), "xmlns:media": MEDIA_NS}

    def add_item_elements(self, handler, item):
        super().add_item_elements(handler, item)
        add_media(handler, item)


class MediaAtomFeed(Atom1Feed):
    """Atom with the same Media RSS element."""

    def root_attributes(self):
        return {**super().root_attributes(), "xmlns:media": MEDIA_NS}

    def add_item_elements(self, handler, item):
        super().add_item_elements(handler, item)
        add_media(handler, item)


class LatestArticlesFeed(Feed):
    feed_type = MediaRssFeed
    description = "The latest published articles."

    def title(self):
        return settings.SITE_NAME

    # Every address from SITE_URL (`site_address`), never the request's Host header.
    def link(self):
        return site_address(reverse("articles:home"))

    def articles(self, obj):
        """The public articles this feed lists (narrowed by the feeds below)."""
        return Article.objects.published()

    def items(self, obj=None):
        return self.articles(obj).for_listing().with_topics()[:FEED_LENGTH]

    def item_title(self, item):
        return item.headline

    def item_link(self, item):
        return site_address(item.get_absolute_url())

    def item_description(self, item):
        """Readers take an RSS description as HTML: the standfirst is plain text, so it goes
        in escaped (a "<b>" in it shows as typed, a "<script>" never runs)."""
        return escape(item.standfirst)

    def item_pubdate(self, item):
        return item.published_at

    def item_updateddate(self, item):
        return item.updated_at

    def item_author_name(self, item):
        return ", ".join(author.name for author in item.byline()) or None

    def item_categories(self, item):
        return [item.section.name, *(topic.name for topic in item.topic_list())]

    def item_enclosures(self, item):
        if not item.hero_image:
            return []
        rendition = share_image(item.hero_image)
        return [Enclosure(rendition.url, str(rendition.size), "image/jpeg")]

    def item_extra_kwargs(self, item):
        image = item.hero_image
        if not image:
            return {}
        rendition = share_image(image)
        media = {
            "url": rendition.url,
            "width": rendition.width,
            "height": rendition.height,
            "credit": image.credit,
            "caption": image.caption or image.alt_text,
        }
        return {"media": media}

    def get_feed(self, obj, request):
        """Picture addresses in a feed must be absolute, like the links Django makes."""
        feed = super().get_feed(obj, request)
        absolute = site_address
        feed.feed["feed_url"] = absolute(request.path)  # this feed's own address, RSS or Atom
        for item in feed.items:
            if item.get("media"):
                item["media"]["url"] = absolute(item["media"]["url"])
            item["enclosures"] = [
                Enclosure(absolute(e.url), e.length, e.mime_type) for e in item["enclosures"]
            ]
        return feed


class SectionFeed(LatestArticlesFeed):
    def get_object(self, request, slug):
        return get_object_or_404(Section, slug=slug)

    def title(self, section):
        return f"{section.name} – {settings.SITE_NAME}"

    def link(self, section):
        return site_address(section.get_absolute_url())

    def description(self, section):
        return f"The latest {section.name} articles."

    def articles(self, section):
        return Article.objects.published().filter(section=section)


class AuthorFeed(LatestArticlesFeed):
    def get_object(self, request, slug):
        return get_object_or_404(Author, slug=slug)

    def title(self, author):
        return f"{author.name} – {settings.SITE_NAME}"

    def link(self, author):
        return site_address(author.get_absolute_url())

    def description(self, author):
        return f"The latest articles by {author.name}."

    def articles(self, author):
        return Article.objects.published().filter(bylines__author=author)


class TopicFeed(LatestArticlesFeed):
    def get_object(self, request, slug):
        return get_object_or_404(Topic, slug=slug)

    def title(self, topic):
        return f"{topic.name} – {settings.SITE_NAME}"

    def link(self, topic):
        return site_address(topic.get_absolute_url())

    def description(self, topic):
        return topic.description or f"The latest articles about {topic.name}."

    def articles(self, topic):
        return Article.objects.published().filter(article_topics__topic=topic)


def atom(feed_class):
    """The Atom twin of an RSS feed: same items, Atom's words for the description."""

    class AtomFeed(feed_class):
        feed_type = MediaAtomFeed

        def subtitle(self, obj=None):
            return feed_class.description(self, obj) if obj is not None else self.description

    AtomFeed.__name__ = AtomFeed.__qualname__ = f"Atom{feed_class.__name__}"
    return AtomFeed
