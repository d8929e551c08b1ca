"""What search engines, social networks and feed readers are told about each public page:
the page's metadata (`page_meta`, drawn by `head_html`) and its JSON-LD
structured data (schema.org, as Google's rich results read it).

Every public view builds one `PageMeta`; a page without one (the 404 page, previews) is
drawn with the site's defaults and `noindex`. Addresses are absolute, from the request, as
Django's feeds and sitemaps make theirs.
"""

import json
from dataclasses import dataclass, field

from django.conf import settings
from django.core.serializers.json import DjangoJSONEncoder
from django.templatetags.static import static
from django.utils import timezone
from django.utils.html import _json_script_escapes, escape
from django.utils.safestring import SafeString, mark_safe
from django.utils.text import Truncator

from .addresses import fixed_url
from .renditions import jpeg as jpeg_rendition


def site_address(url: str) -> str:
    """The full address of `url` on this site, from `SITE_URL` (unchanged if it is one
    already, e.g. a picture on S3). The one way canonical, feed, sitemap and share links are
    made: never from the request's Host header, which the client chooses."""
    if url.startswith(("http://", "https://")):
        return url
    return settings.SITE_URL + "/" + url.lstrip("/")


DESCRIPTION = "News, analysis and features from {site}."
# The picture shared when a page has none of its own, and the publisher's logo (static/img).
DEFAULT_IMAGE = ("img/share-default.png", 1200, 630)
LOGO = ("img/logo.png", 600, 60)
LANGUAGE = "en-GB"


@dataclass
class PageMeta:
    title: str
    description: str
    canonical: str
    og_type: str = "website"
    image_url: str = ""
    image_width: int = 0
    image_height: int = 0
    image_alt: str = ""
    noindex: bool = False
    # (title, RSS address, Atom address) of the feeds that match the page.
    feeds: list = field(default_factory=list)
    # Extra OpenGraph properties, e.g. article:published_time.
    properties: list = field(default_factory=list)
    json_ld: list = field(default_factory=list)
    # A list's page before and after this one (`?page=…`, the rest of the query kept).
    prev_url: str = ""
    next_url: str = ""


def iso(moment) -> str:
    return timezone.localtime(moment).isoformat(timespec="seconds") if moment else ""


def share_picture(image):
    """The rendition shared for `image` (a JPEG about 1200 wide), or None."""
    return jpeg_rendition(image, "hero", min_width=1200) if image else None


def page_meta(request, *, title, description="", image=None, page=None, **fields) -> PageMeta:
    """The metadata of one public page. `image` is a library picture (its share rendition
    is used, its credit in the alt text), else the site's default picture; `page` is the
    paginator page, so page 2 is its own canonical address."""
    canonical = site_address(request.path)
    if page is not None and page.number > 1:
        canonical += f"?page={page.number}"
    if page is not None:
        if page.has_previous():
            fields["prev_url"] = page_link(request, page.previous_page_number())
        if page.has_next():
            fields["next_url"] = page_link(request, page.next_page_number())
    description = description or DESCRIPTION.format(site=settings.SITE_NAME)
    meta = PageMeta(
        title=title,
        description=Truncator(" ".join(description.split())).chars(300),
        canonical=canonical,
        **fields,
    )
    rendition = share_picture(image)
    if rendition is not None:
        meta.image_url = site_address(rendition.url)
        meta.image_width, meta.image_height = rendition.width, rendition.height
        meta.image_alt = f"{image.alt_text} ({image.credit_line})"
    else:
        path, meta.image_width, meta.image_height = DEFAULT_IMAGE
        meta.image_url = site_address(static(path))
        meta.image_alt = settings.SITE_NAME
    return meta


def page_link(request, number) -> str:
    """`?page=<number>` with the rest of the request's query, as `{% querystring %}` makes it."""
    query = request.GET.copy()
    query["page"] = number
    return f"?{query.urlencode()}"


def head_html(meta) -> SafeString:
    """The page's metadata as the tags of its <head> (templates/base.html): description,
    canonical, OpenGraph, Twitter card, feeds and JSON-LD; with no `meta` (the 404 page,
    previews), the site's description and `noindex`. Written in Python rather than as a
    template: it is on every page, and drawn as a template it cost more than the rest of
    the page's head (some thirty lookups)."""
    site = escape(settings.SITE_NAME)
    if meta is None:
        return mark_safe(
            f'<meta name="description" content="News, analysis and features from {site}.">\n'
            '  <meta name="robots" content="noindex">'
        )
    title, description, image_url, image_alt = (
        escape(meta.title),
        escape(meta.description),
        escape(meta.image_url),
        escape(meta.image_alt),
    )
    tags = [f'<meta name="description" content="{description}">']
    if meta.noindex:
        tags.append('<meta name="robots" content="noindex">')
    tags.append(f'<link rel="canonical" href="{escape(meta.canonical)}">')
    if meta.prev_url:
        tags.append(f'<link rel="prev" href="{escape(meta.prev_url)}">')
    if meta.next_url:
        tags.append(f'<link rel="next" href="{escape(meta.next_url)}">')
    tags += [
        f'<meta property="og:site_name" content="{site}">',
        '<meta property="og:locale" content="en_GB">',
        f'<meta property="og:type" content="{escape(meta.og_type)}">',
        f'<meta property="og:title" content="{title}">',
        f'<meta property="og:description" content="{description}">',
        f'<meta property="og:url" content="{escape(meta.canonical)}">',
        f'<meta property="og:image" content="{image_url}">',
        f'<meta property="og:image:width" content="{int(meta.image_width)}">',
        f'<meta property="og:image:height" content="{int(meta.image_height)}">',
        f'<meta property="og:image:alt" content="{image_alt}">',
    ]
    tags += [
        f'<meta property="{escape(name)}" content="{escape(value)}">'
        for name, value in meta.properties
    ]
    tags += [
        '<meta name="twitter:card" content="summary_large_image">',
        f'<meta name="twitter:title" content="{title}">',
        f'<meta name="twitter:description" content="{description}">',
        f'<meta name="twitter:image" content="{image_url}">',
        f'<meta name="twitter:image:alt" content="{image_alt}">',
    ]
    for name, rss, atom in meta.feeds:
        name = escape(name)
        tags.append(
            f'<link rel="alternate" type="application/rss+xml" title="{name} (RSS)" '
            f'href="{escape(rss)}">'
        )
        tags.append(
            f'<link rel="alternate" type="application/atom+xml" title="{name} (Atom)" '
            f'href="{escape(atom)}">'
        )
    tags += [json_ld_script(data) for data in meta.json_ld]
    return mark_safe("\n  ".join(tags))


def json_ld_script(data) -> str:
    """Structured data as a `<script type="application/ld+json">`, escaped as Django's
    `json_script` escapes (no "</script>" can end it early)."""
    # Compact: Python's JSON encoder is its C one only without `indent`.
    text = json.dumps(data, cls=DjangoJSONEncoder, ensure_ascii=False, separators=(",", ":"))
    return f'<script type="application/ld+json">{text.translate(_json_script_escapes)}</script>'


def feeds(name, rss_url, atom_url):
    return [(name, rss_url, atom_url)]


# --- Structured data (JSON-LD) -----------------------------------------------------------


def publisher(request) -> dict:
    path, width, height = LOGO
    return {
        "@type": "Organization",
        "name": settings.SITE_NAME,
        "url": site_address(fixed_url("articles:home")),
        "logo": {
            "@type": "ImageObject",
            "url": site_address(static(path)),
            "width": width,
            "height": height,
        },
    }


def person(request, author) -> dict:
    data = {
        "@type": "Person",
        "name": author.name,
        "url": site_address(author.get_absolute_url()),
    }
    if author.role:
        data["jobTitle"] = author.role
    return data


def copyright_holder(credit: str):
    """Who holds the copyright, where the credit says: "Name / Agency" names the agency;
    a credit that is one name is that person's; "… staff" is the publisher's."""
    name = credit.rsplit("/", 1)[-1].strip()
    if not name:
        return None
    if name.lower().endswith("staff"):
        return {"@type": "Organization", "name": settings.SITE_NAME}
    if "/" in credit:
        return {"@type": "Organization", "name": name}
    return {"@type": "Person", "name": name}


# Google asks articles for pictures in 16:9, 4:3 and 1:1, each at least 50,000 pixels: the
# hero (the picture's own shape) first, then the crops the site already has.
ARTICLE_CROPS = [("card", 1200), ("thumb", 480)]


def image_object(request, image, variant="hero", min_width=1200) -> dict | None:
    rendition = jpeg_rendition(image, variant, min_width=min_width)
    if rendition is None:
        return None
    url = site_address(rendition.url)
    data = {
        "@type": "ImageObject",
        "url": url,
        "contentUrl": url,
        "width": rendition.width,
        "height": rendition.height,
        "caption": image.caption or image.alt_text,
        "creditText": image.credit,
    }
    holder = copyright_holder(image.credit)
    if holder:
        data["copyrightHolder"] = holder
    return data


def news_article(request, article, *, corrections, updated_at) -> dict:
    """`NewsArticle` for an article page: `updated_at` is the honest "Updated" time (the
    latest public correction or update), else the publication time."""
    url = site_address(article.get_absolute_url())
    data = {
        "@context": "https://schema.org",
        "@type": "NewsArticle",
        "headline": article.headline,
        "description": article.standfirst,
        "url": url,
        "mainEntityOfPage": {"@type": "WebPage", "@id": url},
        "datePublished": iso(article.published_at),
        "dateModified": iso(updated_at or article.published_at),
        "author": [person(request, author) for author in article.byline()],
        "publisher": publisher(request),
        "articleSection": article.section.name,
        "keywords": [topic.name for topic in article.topic_list()],
        "wordCount": article.word_count,
        "inLanguage": LANGUAGE,
        "isAccessibleForFree": True,
    }
    if article.hero_image:
        shapes = [("hero", 1200), *ARTICLE_CROPS]
        pictures = [image_object(request, article.hero_image, *shape) for shape in shapes]
        # The same file twice (a small square original) is listed once.
        unique = {picture["url"]: picture for picture in pictures if picture}
        if unique:
            data["image"] = list(unique.values())
    if corrections:
        data["correction"] = [
            {
                "@type": "CorrectionComment",
                "text": correction.text,
                "datePublished": iso(correction.published_at),
            }
            for correction in corrections
        ]
    return data


def breadcrumbs(request, article) -> dict:
    trail = [
        (settings.SITE_NAME, fixed_url("articles:home")),
        (article.section.name, article.section.get_absolute_url()),
        (article.headline, article.get_absolute_url()),
    ]
    return {
        "@context": "https://schema.org",
        "@type": "BreadcrumbList",
        "itemListElement": [
            {
                "@type": "ListItem",
                "position": position,
                "name": name,
                "item": site_address(url),
            }
            for position, (name, url) in enumerate(trail, start=1)
        ],
    }


def website(request) -> dict:
    """`WebSite` with the site's search as a `SearchAction`, for the home page."""
    search = site_address(fixed_url("articles:search"))
    return {
        "@context": "https://schema.org",
        "@type": "WebSite",
        "name": settings.SITE_NAME,
        "url": site_address(fixed_url("articles:home")),
        "inLanguage": LANGUAGE,
        "publisher": publisher(request),
        "potentialAction": {
            "@type": "SearchAction",
            "target": {"@type": "EntryPoint", "urlTemplate": f"{search}?q={{search_term_string}}"},
            "query-input": "required name=search_term_string",
        },
    }


def profile_page(request, author) -> dict:
    """`ProfilePage` whose main entity is the author as a `Person`."""
    about = person(request, author)
    if author.bio:
        about["description"] = author.bio
    if author.photo:
        photo = share_picture(author.photo)
        if photo:
            about["image"] = site_address(photo.url)
    return {
        "@context": "https://schema.org",
        "@type": "ProfilePage",
        "url": site_address(author.get_absolute_url()),
        "mainEntity": about,
    }
