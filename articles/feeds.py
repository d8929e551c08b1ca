from django.conf import settings
from django.contrib.syndication.views import Feed
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils.feedgenerator import Enclosure, Rss201rev2Feed
from django.utils.html import escape

from .models import Article, Section
from .templatetags.newsroom import share_image, site_address

FEED_LENGTH = 30


class MediaRssFeed(Rss201rev2Feed):
    """RSS 2.0 with Media RSS, so the picture travels with its credit and caption."""

    def rss_attributes(self):
        return {**super().rss_attributes(), "xmlns:media": "http://search.yahoo.com/mrss/"}

    def add_item_elements(self, handler, item):
        super().add_item_elements(handler, item)
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


class LatestArticlesFeed(Feed):
    feed_type = MediaRssFeed
    description = "The latest published articles."

    def title(self):
        return settings.SITE_NAME

    # Every address from SITE_URL (`site_address`), never the request's Host header.
    def link(self):
        return site_address(reverse("articles:home"))

    def feed_url(self):
        return site_address(reverse("articles:feed"))

    def items(self):
        return Article.objects.published().for_listing()[:FEED_LENGTH]

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
        return ", ".join(author.name for author in item.byline())

    def item_categories(self, item):
        return [item.section.name]

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

    def feed_url(self, section):
        return site_address(reverse("articles:section_feed", args=[section.slug]))

    def description(self, section):
        return f"The latest {section.name} articles."

    def items(self, section):
        return Article.objects.published().for_listing().filter(section=section)[:FEED_LENGTH]
