import json

from django import template
from django.core.serializers.json import DjangoJSONEncoder
from django.template.loader import render_to_string
from django.utils.html import _json_script_escapes, format_html
from django.utils.safestring import SafeString, mark_safe

from articles import people
from articles.models import ImageAsset
from articles.renditions import VARIANTS, at_least, renditions_for
from articles.renditions import jpeg as jpeg_rendition
from articles.richtext import FIGURE_REFERENCE, figure_ids
from articles.search import highlight
from articles.seo import site_address

register = template.Library()


def _srcset(renditions):
    return ", ".join(f"{r.url} {r.width}w" for r in renditions)


@register.inclusion_tag("includes/picture.html")
def picture(image, variant="card", loading="lazy", caption=True, link=None):
    """Render a library image: the one way every public page shows a picture.

    `variant` is "hero" (its own shape, full width), "card" (16:9 teaser) or "thumb" (square);
    `loading="eager"` for the picture at the top of the page. A <picture> with WebP and JPEG
    sources in several widths, width/height against layout shift, and the credit always.

    `link=url` makes the picture itself a second way to the story (a listing's headline is
    the first): only the <picture> goes in that link, hidden from screen readers as a
    duplicate, so the caption and credit stay outside it and are read out.
    """
    if not image:
        return {"image": None}
    if variant not in VARIANTS:
        raise ValueError(f"Unknown picture variant {variant!r}: use one of {', '.join(VARIANTS)}.")
    renditions = renditions_for(image, variant)
    webp = [r for r in renditions if r.spec.endswith(".webp")]
    jpeg = [r for r in renditions if r.spec.endswith(".jpg")]
    return {
        "image": image,
        "variant": variant,
        "loading": loading,
        "sizes": VARIANTS[variant].sizes,
        "show_caption": caption,
        "link": link,
        "webp_srcset": _srcset(webp),
        "jpeg_srcset": _srcset(jpeg),
        "fallback": at_least(jpeg, min_width=800),
    }


@register.simple_tag
def absolute_uri(url):
    """`site_address` in a template."""
    return site_address(str(url))


@register.simple_tag
def share_image(image):
    """The rendition social networks and feeds get: a JPEG about 1200 wide (or the largest)."""
    return jpeg_rendition(image, "hero", min_width=1200)


@register.filter
def article_body(html) -> SafeString:
    """The stored body as readers see it, each library reference drawn by `picture` (one
    query for all the pictures, which carry their renditions).

    `html` is what `Article.save()` stored, cleaned there: it is marked safe, not cleaned
    again on every request. A reference to a picture that does not exist (e.g. pasted from
    another site) is dropped: no empty frame.
    """
    ids = figure_ids(html)
    if not ids:
        return mark_safe(html)
    images = ImageAsset.objects.in_bulk(ids)

    def draw(match):
        image = images.get(int(match[1]))
        if image is None:
            return ""
        drawn = render_to_string("includes/picture.html", picture(image, "hero"))
        return f'<div class="story__figure">{drawn}</div>'

    return mark_safe(FIGURE_REFERENCE.sub(draw, html))


@register.filter
def display_name(user):
    """A person's name as the newsroom shows it: `{{ user|display_name }}`."""
    return people.display_name(user)


@register.filter
def search_snippet(text, query) -> SafeString:
    """A search result's snippet with the query's words marked: `articles.search.highlight`."""
    return highlight(text, query)


@register.filter
def json_ld(data) -> SafeString:
    """Structured data as a `<script type="application/ld+json">`, escaped as Django's
    `json_script` escapes (no "</script>" can end it early)."""
    text = json.dumps(data, cls=DjangoJSONEncoder, ensure_ascii=False, indent=1)
    return format_html(
        '<script type="application/ld+json">{}</script>',
        mark_safe(text.translate(_json_script_escapes)),
    )
