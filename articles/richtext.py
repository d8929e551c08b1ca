"""The article body: HTML limited to what a news article uses, cleaned before it is stored.

One schema, three consumers: the editor (`EDITOR_EXTENSIONS`, django-prose-editor), the
sanitizer (`ALLOWED_TAGS`/`ALLOWED_ATTRIBUTES`, nh3) and the reader page (the `article_body`
filter in `articles/templatetags/newsroom.py`). A picture from the library is stored as a
reference, `<figure data-image="ID"></figure>`, and drawn at render time by the one picture
include, so its caption and credit stay current; `figure_ids()` reads the references, from
which `Article.save()` keeps the `BodyImage` table (what protects a picture in use).

This module is pure: it imports no models and no templates (`tests/test_body_images.py`
checks), so the models can use it and rendering lives with the template library.

The body is cleaned once, before it is stored, by `Article.save()` (the only write path for a
body: `ArticleQuerySet` refuses the others). The reader page trusts what is stored and only
marks it safe. The body's words (`plain_text`) are read by one rule here, used for search,
word counts and revision comparisons; the editor's live count follows the same rule
(`BREAK_TAGS` and `WORDS_PER_MINUTE` reach it as data- attributes).
"""

import math
import re
from html import unescape

import nh3
from django.db import models
from django.utils.html import strip_tags
from django_prose_editor.fields import ProseEditorFormField

# What the editor offers (django-prose-editor / Tiptap extension names).
EDITOR_EXTENSIONS = {
    "Bold": True,
    "Italic": True,
    "Heading": {"levels": [2, 3]},
    "BulletList": True,
    "OrderedList": True,
    "ListItem": True,
    "Blockquote": True,
    "HardBreak": True,
    "Link": {"enableTarget": False},
    "LibraryFigure": True,  # static/js/library-figure.js
}

# …and exactly what the sanitizer keeps.
ALLOWED_TAGS = {
    "p", "h2", "h3", "strong", "em", "a", "blockquote", "ul", "ol", "li", "br", "figure",
}  # fmt: skip
ALLOWED_ATTRIBUTES = {"a": {"href", "title"}, "ol": {"start"}, "figure": {"data-image"}}
ALLOWED_URL_SCHEMES = {"http", "https", "mailto"}
LINK_REL = "noopener noreferrer"

_NUMBER = re.compile(r"[1-9][0-9]{0,9}")
FIGURE_REFERENCE = re.compile(r'<figure data-image="([0-9]+)"></figure>')


def figure_markup(image_id: int) -> str:
    """How a library picture is stored in a body: the only shape the sanitizer leaves, so
    `figure_ids()` reads every reference with one exact pattern."""
    return f'<figure data-image="{int(image_id)}"></figure>'


WORDS_PER_MINUTE = 230
# Tags that end a line of text (a paragraph, a heading, a list item…): words either side of
# one never run together.
BREAK_TAGS = ("p", "h2", "h3", "li", "blockquote", "figure", "br")
_BREAK = re.compile(rf"<(/?(?:{'|'.join(BREAK_TAGS)}))\b")


def _filter_attribute(tag, attribute, value):
    """Numbers only where a number is meant (a picture's id, a list's first number)."""
    if (tag, attribute) in {("figure", "data-image"), ("ol", "start")}:
        return value if _NUMBER.fullmatch(value.strip()) else None
    return value


def sanitize_html(html: str) -> str:
    """Keep the allow-listed tags and attributes; drop scripts, styles, handlers, bad URLs.

    Tags outside the list are removed but their text is kept (as text), except script and
    style whose content is dropped. A figure keeps only its library reference: anything put
    inside it is thrown away, so the picture is always drawn by our include.
    """
    cleaned = nh3.clean(
        html or "",
        tags=ALLOWED_TAGS,
        clean_content_tags={"script", "style"},
        attributes=ALLOWED_ATTRIBUTES,
        attribute_filter=_filter_attribute,
        url_schemes=ALLOWED_URL_SCHEMES,
        link_rel=LINK_REL,
        strip_comments=True,
    )
    return _normalise_figures(cleaned).strip()


_ANY_FIGURE = re.compile(r"<figure(?P<attrs>[^>]*)>(?P<inner>.*?)</figure>", re.DOTALL)


def _normalise_figures(html):
    def replace(match):
        number = re.search(r'data-image="([0-9]+)"', match["attrs"])
        return figure_markup(number[1]) if number else ""

    return _ANY_FIGURE.sub(replace, html)


def figure_ids(html: str) -> list[int]:
    """The library pictures a (cleaned) body shows, in order, once per figure: a picture
    placed twice is listed twice."""
    return [int(number) for number in FIGURE_REFERENCE.findall(html or "")]


def plain_text(html: str) -> str:
    """The body's words as a reader reads them, without markup: one line per paragraph,
    heading, list item or quote (a line break at each of `BREAK_TAGS`), no empty lines.

    The one reading of a body as text: search and word counts (`Article.save()`) and the
    revision and unsaved-copy comparisons use it.
    """
    text = unescape(strip_tags(_BREAK.sub(r"\n<\1", html or "")))
    return "\n".join(line.strip() for line in text.splitlines() if line.strip())


def reading_minutes(words: int) -> int:
    """Minutes at `WORDS_PER_MINUTE`, rounded up; at least one minute when there are words."""
    return math.ceil(words / WORDS_PER_MINUTE) if words else 0


class BodyFormField(ProseEditorFormField):
    """The editor. Cleans to what will be stored and, when the form comes back with errors,
    shows the writer that sanitized text rather than what was sent."""

    def bound_data(self, data, initial):
        return sanitize_html(super().bound_data(data, initial))


class SanitizedHTMLField(models.TextField):
    """The article body's field: HTML stored only after `sanitize_html`, which the model's
    save applies (`Article.save()`, the one place, so what is stored alongside the body is
    made from the same cleaned value).

    In forms it is the rich-text editor, whose form field cleans what it is given, so the
    writer sees what will be stored when a form comes back with errors.
    """

    def formfield(self, **kwargs):
        return super().formfield(
            **{
                "form_class": BodyFormField,
                "config": {"extensions": EDITOR_EXTENSIONS},
                "sanitize": sanitize_html,
                **kwargs,
            }
        )
