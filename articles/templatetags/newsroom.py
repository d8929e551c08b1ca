import functools
import html

from django import template
from django.utils import formats, timezone, translation
from django.utils.safestring import SafeString, mark_safe

from articles import people, seo
from articles.models import ImageAsset
from articles.renditions import VARIANTS, at_least, renditions_for
from articles.renditions import jpeg as jpeg_rendition
from articles.richtext import FIGURE_REFERENCE, figure_ids
from articles.search import highlight
from articles.seo import site_address

register = template.Library()


def _srcset(renditions):
    return ", ".join(f"{r.url} {r.width}w" for r in renditions)


def _e(value) -> str:
    """Escape for HTML as Django's `conditional_escape` does (what is already safe HTML is
    kept), without its lazy-string wrappers: the markup below escapes a few hundred values
    per page, and Django's own escaping was a tenth of a listing's time."""
    if hasattr(value, "__html__"):
        return value.__html__()
    return html.escape(str(value))


@register.simple_tag
def picture(image, variant="card", loading="lazy", caption=True, link=None) -> SafeString:
    """Render a library image: the one way every public page shows a picture.

    `variant` is "hero" (its own shape, full width), "card" (16:9 teaser) or "thumb" (square);
    `loading="eager"` for the picture at the top of the page. A <picture> with WebP and JPEG
    sources in several widths, width/height against layout shift, and the credit always.

    `link=url` makes the picture itself a second way to the story (a listing's headline is
    the first): only the <picture> goes in that link, hidden from screen readers as a
    duplicate, so the caption and credit stay outside it and are read out.

    Built here rather than in an included template: a listing draws twenty of these, and
    this is the hottest markup of the site. The file facts come from the image row
    (`renditions_for`, no query); caption, credit and alt text are read as they are now.
    """
    if not image:
        return mark_safe("")
    if variant not in VARIANTS:
        raise ValueError(f"Unknown picture variant {variant!r}: use one of {', '.join(VARIANTS)}.")
    renditions = renditions_for(image, variant)
    webp = [r for r in renditions if r.spec.endswith(".webp")]
    jpeg = [r for r in renditions if r.spec.endswith(".jpg")]
    fallback = at_least(jpeg, min_width=800)
    src, width, height = (
        (fallback.url, fallback.width, fallback.height) if fallback else ("", "", "")
    )
    sizes = VARIANTS[variant].sizes
    priority = 'loading="lazy"' if loading == "lazy" else 'fetchpriority="high"'
    drawn = (
        f'<picture><source type="image/webp" srcset="{_e(_srcset(webp))}" sizes="{sizes}">'
        f'<img src="{_e(src)}" srcset="{_e(_srcset(jpeg))}" sizes="{sizes}" '
        f'alt="{_e(image.alt_text)}" width="{width}" height="{height}" {priority} '
        'decoding="async"></picture>'
    )
    if link:
        drawn = (
            f'<a class="picture__link" href="{_e(link)}" tabindex="-1" aria-hidden="true">'
            f"{drawn}</a>"
        )
    words = f'<span class="picture__credit">{_e(image.credit_line)}</span>'
    if caption and image.caption:
        words = f'<span class="picture__caption">{_e(image.caption)}</span> {words}'
    return mark_safe(
        f'<figure class="picture picture--{variant}">{drawn}<figcaption>{words}</figcaption>'
        "</figure>"
    )


def names(authors, *, link=False) -> SafeString:
    """ "Ann", "Ann and Ben", "Ann, Ben and Cy": a byline as readers read it, each name a link
    to the author's page when `link`."""
    if link:
        shown = [
            f'<a href="{_e(a.get_absolute_url())}" rel="author">{_e(a.name)}</a>' for a in authors
        ]
    else:
        shown = [_e(a.name) for a in authors]
    if len(shown) < 2:
        return mark_safe("".join(shown))
    return mark_safe(f"{', '.join(shown[:-1])} and {shown[-1]}")


@register.simple_tag
def byline(article, link=False) -> SafeString:
    """`{% byline article link=True %}`: the article's authors in the editor's order."""
    return names(article.byline(), link=link)


@register.simple_tag
def dateline(moment, format_name="DATE_FORMAT") -> SafeString:
    """`{% dateline article.published_at %}`: a <time> in the site's time zone and its one
    date format (`newsroom/formats`)."""
    if format_name == "DATE_FORMAT":
        return _datelines([moment])[0]
    local = timezone.localtime(moment)
    shown = formats.date_format(local, format_name)
    return mark_safe(f'<time datetime="{local.isoformat()}">{_e(shown)}</time>')


def _datelines(moments) -> list[str]:
    """`dateline` of each of `moments`, the time zone and language looked up once."""
    zone, language = timezone.get_current_timezone(), translation.get_language()
    shown = []
    for moment in moments:
        local = timezone.localtime(moment, zone)  # (None: now, as `localtime` has it)
        day = _e(_day(local.date(), language))
        shown.append(f'<time datetime="{local.isoformat()}">{day}</time>')
    return shown


@functools.lru_cache(maxsize=4096)
def _day(day, language):
    """A day as teasers print it: a listing's twenty dates fall on a few days, and Django's
    date formatting is slow enough to be worth not repeating."""
    return formats.date_format(day, "DATE_FORMAT")


def kicker(section) -> str:
    """The link to a section above a headline."""
    return f'<a class="kicker" href="{_e(section.get_absolute_url())}">{_e(section.name)}</a>'


@register.simple_tag
def teaser(article, show_section=False, snippet=None, query="", kicker_html=None) -> SafeString:
    """One article in a list: picture, section, headline, standfirst (or a search result's
    snippet), byline and date. The one teaser of every listing: home, section, author,
    topic and search pages.

    Built here rather than in an included template, as `picture` is: a listing draws twenty,
    and a template include per teaser (with its own include for the byline) was most of a
    list page's time. Everything is read from the objects as they are now. `kicker_html`
    goes where the section's kicker would (`articles.fragments.KICKER` in a stored one)."""
    url = article.get_absolute_url()
    parts = ['<article class="teaser">']
    if article.hero_image:
        card = picture(article.hero_image, "card", caption=False, link=url)
        parts.append(f'<div class="teaser__picture">{card}</div>')
    parts.append('<div class="teaser__text">')
    if kicker_html is not None:
        parts.append(kicker_html)
    elif show_section:
        parts.append(kicker(article.section))
    parts.append(
        f'<h3 class="teaser__headline"><a href="{_e(url)}">{_e(article.headline)}</a></h3>'
    )
    if snippet:
        marked = highlight(snippet, query)
        parts.append(f'<p class="teaser__standfirst teaser__snippet">{marked}</p>')
    elif article.standfirst:
        parts.append(f'<p class="teaser__standfirst">{_e(article.standfirst)}</p>')
    authors = article.byline()
    by = f"<span>{names(authors)}</span> · " if authors else ""
    parts.append(f'<p class="meta">{by}{dateline(article.published_at)}</p></div></article>')
    return mark_safe("".join(parts))


@register.filter
def joined(parts) -> SafeString:
    """Stored HTML pieces (teasers: `reading.Listed`) one after the other: a page's twenty
    without a template loop."""
    return mark_safe("".join(part.__html__() for part in parts))


@register.simple_tag
def section_rails(rails) -> SafeString:
    """The home page's rails: for each (section, [`reading.Linked`, …]) a headed list of
    headline links with their dates. In Python: a template loop here was a tenth of the
    home page's drawing."""
    dates = iter(_datelines([link.published_at for _, links in rails for link in links]))
    drawn = []
    for section, links in rails:
        slug, name = _e(section.slug), _e(section.name)
        items = "".join(
            f'<li><a href="{_e(link.url)}">{_e(link.headline)}</a> {next(dates)}</li>\n'
            for link in links
        )
        drawn.append(
            f'<section class="rail" aria-labelledby="rail-{slug}">\n'
            f'<h2 class="rule-heading" id="rail-{slug}"><a href="{_e(section.get_absolute_url())}">'
            f'{name}</a></h2>\n<ul class="rail__list">\n{items}</ul>\n</section>\n'
        )
    return mark_safe("".join(drawn))


@register.simple_tag(takes_context=True)
def section_menu(context) -> SafeString:
    """The masthead's menu: Home, then every section (`nav_sections`), the page's own
    marked as the current one."""
    request, current = context.get("request"), context.get("section")
    match = getattr(request, "resolver_match", None)
    here = ' aria-current="page"'
    home = here if match is not None and match.url_name == "home" else ""
    home_url = (context.get("site_links") or {}).get("home", "")
    items = [f'<li><a href="{_e(home_url)}"{home}>Home</a></li>']
    for section in context.get("nav_sections", ()):
        mark = here if section == current else ""
        items.append(
            f'<li><a href="{_e(section.get_absolute_url())}"{mark}>{_e(section.name)}</a></li>'
        )
    return mark_safe("\n".join(items))


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
        return f'<div class="story__figure">{picture(image, "hero")}</div>'

    return mark_safe(FIGURE_REFERENCE.sub(draw, html))


@register.filter
def display_name(user):
    """A person's name as the newsroom shows it: `{{ user|display_name }}`."""
    return people.display_name(user)


@register.filter
def search_snippet(text, query) -> SafeString:
    """A search result's snippet with the query's words marked: `articles.search.highlight`."""
    return highlight(text, query)


@register.simple_tag(takes_context=True)
def page_head(context) -> SafeString:
    """The page's metadata tags (`seo.head_html` of the view's `meta`)."""
    return seo.head_html(context.get("meta"))
