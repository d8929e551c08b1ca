"""Bring in copy that arrives as plain text or Markdown, as a Draft.

Used by `manage.py import_article` and by the admin's "Import from file". Three steps:
`read_text` (bytes → text, clear errors), `parse` (text → `ParsedArticle`, no database) and
`import_article` (one transaction: a new or updated Draft, its picture, byline and related).

Plain text is shaped like the copy the newsroom receives: the first line is the headline, the
next paragraph the standfirst, an "Image Credit: …" line gives the picture's credit, a short
line without closing punctuation is a subheading, a paragraph in quotation marks is a quote,
and a final "Related articles:" block names other articles by headline or slug.
"""

import re
from dataclasses import dataclass, field
from html import escape
from pathlib import PurePath

from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.db import transaction
from markdown_it import MarkdownIt

from . import imaging, revisions
from .models import Article, Author, Byline, ImageAsset, RelatedArticle, Section, Status
from .permissions import can_edit, can_import
from .richtext import sanitize_html
from .slugs import slug_base

CREDIT_LINE = re.compile(r"^\s*image\s+credit\s*:\s*(?P<credit>.*?)\s*$", re.IGNORECASE)
RELATED_LINE = re.compile(r"^\s*(#+\s*)?related\s+articles\s*:?\s*(?P<rest>.*)$", re.IGNORECASE)
OPENING_QUOTES = "“\"‘'«"
CLOSING_PUNCTUATION = ".!?…:;,\"”’'»)"
SUBHEADING_MAX_CHARS = 100
MARKDOWN_SUFFIXES = {".md", ".markdown"}


class ImportProblem(Exception):
    """The file cannot become an article; the message says why, in the writer's words."""


@dataclass
class ParsedArticle:
    headline: str
    standfirst: str = ""
    credit: str = ""
    body: str = ""
    related: list[str] = field(default_factory=list)
    source: str = ""  # the file's name, for the history ("Imported from …")

    @property
    def subheadings(self) -> int:
        return len(re.findall(r"<h[23][ >]", self.body))

    @property
    def quotes(self) -> int:
        return self.body.count("<blockquote")


@dataclass
class ImportResult:
    article: Article
    parsed: ParsedArticle
    created: bool
    related_found: list[Article]
    related_missing: list[str]
    image: ImageAsset | None

    def report(self) -> list[str]:
        parsed = self.parsed
        credit = parsed.credit or "(none found)"
        if parsed.credit and not self.image:
            credit += " (credit not stored: no picture given)"
        owner = self.article.created_by
        lines = [
            f"{'Created' if self.created else 'Updated'} draft “{self.article.headline}” "
            f"(slug {self.article.slug}).",
            f"Owner: {owner.get_username()}"
            if owner
            else "Owner: nobody — only editors can edit it (--owner USERNAME gives it a writer).",
            f"Standfirst: {parsed.standfirst or '(none found)'}",
            f"Image credit: {credit}",
            f"{_plural(parsed.subheadings, 'subheading')}, {_plural(parsed.quotes, 'quote')}, "
            f"{_plural(self.article.word_count, 'word')} "
            f"({self.article.reading_minutes} min read).",
        ]
        if self.image:
            lines.append(f"Hero picture added with credit “{self.image.credit}”.")
        if self.related_found:
            names = ", ".join(f"“{article.headline}”" for article in self.related_found)
            lines.append(f"Related articles found: {names}.")
        if self.related_missing:
            names = ", ".join(f"“{name}”" for name in self.related_missing)
            lines.append(f"Related articles not found (not linked): {names}.")
        return lines


def _plural(n, word):
    return f"{n} {word}{'' if n == 1 else 's'}"


def read_text(data: bytes, name: str) -> str:
    """Decode an uploaded or read file; refuse what is not UTF-8 text or is empty."""
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise ImportProblem(
            f"{name} is not UTF-8 text (byte {error.start} cannot be read). "
            "Save it as UTF-8 plain text or Markdown and try again."
        ) from None
    if "\x00" in text:
        raise ImportProblem(f"{name} looks like a binary file, not plain text or Markdown.")
    if not text.strip():
        raise ImportProblem(f"{name} is empty.")
    return text.replace("\r\n", "\n").replace("\r", "\n")


def parse(text: str, name: str = "article.txt") -> ParsedArticle:
    if PurePath(name).suffix.lower() in MARKDOWN_SUFFIXES:
        parsed = parse_markdown(text)
    else:
        parsed = parse_plain_text(text)
    parsed.source = short_name(PurePath(name).name)
    return parsed


def short_name(name: str, limit: int = 100) -> str:
    """A file's name as the history records it ("Imported from …"), cut in the middle to
    fit: a 300-character name overflowed the revision's comment."""
    return name if len(name) <= limit else f"{name[: limit - 21]}…{name[-20:]}"


def _split_related(lines: list[str]) -> tuple[list[str], list[str]]:
    """Lines before the "Related articles:" line, and the names listed after it."""
    for index, line in enumerate(lines):
        match = RELATED_LINE.match(line)
        if match:
            names = [match["rest"], *lines[index + 1 :]]
            names = [re.sub(r"^\s*(?:[-*•]|\d+[.)])\s+", "", name).strip() for name in names]
            return lines[:index], [name for name in names if name]
    return lines, []


def _take_credit(lines: list[str]) -> tuple[list[str], str]:
    for index, line in enumerate(lines):
        match = CREDIT_LINE.match(line)
        if match:
            return lines[:index] + lines[index + 1 :], match["credit"]
    return lines, ""


def _paragraphs(lines: list[str]) -> list[str]:
    """Blocks separated by blank lines, each joined into one line."""
    blocks, current = [], []
    for line in [*lines, ""]:
        if line.strip():
            current.append(line.strip())
        elif current:
            blocks.append(" ".join(current))
            current = []
    return blocks


def _is_subheading(block: str) -> bool:
    return len(block) <= SUBHEADING_MAX_CHARS and block[-1] not in CLOSING_PUNCTUATION


def _is_quote(block: str) -> bool:
    return block[0] in OPENING_QUOTES and any(mark in block[1:] for mark in "”\"’'»")


# "He said: “…”" — a lead-in ending with a colon, then a whole quoted passage.
LEAD_IN_QUOTE = re.compile(r"^(?P<lead>[^“\"]{1,200}:)\s*(?P<quote>[“\"].+[”\"])$")


def parse_plain_text(text: str) -> ParsedArticle:
    lines, related = _split_related(text.split("\n"))
    lines, credit = _take_credit(lines)
    # The headline is the first line on its own, even without a blank line after it.
    while lines and not lines[0].strip():
        lines.pop(0)
    if not lines:
        raise ImportProblem("No headline found: the first line should be the headline.")
    headline, blocks = lines[0].strip(), _paragraphs(lines[1:])
    standfirst = blocks.pop(0) if blocks else ""
    html = []
    for block in blocks:
        lead_in = LEAD_IN_QUOTE.match(block)
        if lead_in:
            html.append(f"<p>{escape(lead_in['lead'], quote=False)}</p>")
            block = lead_in["quote"]
        if _is_quote(block):
            html.append(f"<blockquote><p>{escape(block, quote=False)}</p></blockquote>")
        elif _is_subheading(block):
            html.append(f"<h2>{escape(block, quote=False)}</h2>")
        else:
            html.append(f"<p>{escape(block, quote=False)}</p>")
    return ParsedArticle(headline, standfirst, credit, sanitize_html("\n".join(html)), related)


_markdown = MarkdownIt("commonmark", {"html": False, "typographer": False})


def parse_markdown(text: str) -> ParsedArticle:
    """`# Headline`, first paragraph the standfirst, `##`/`###` subheadings, `>` quotes, lists,
    links and emphasis. Raw HTML in the file is shown as text, never interpreted."""
    lines, related = _split_related(text.split("\n"))
    lines, credit = _take_credit(lines)
    source = "\n".join(lines)
    tokens = _markdown.parse(source)
    headline, standfirst, start = "", "", 0
    if len(tokens) > 2 and tokens[0].type == "heading_open" and tokens[0].tag == "h1":
        headline, start = _plain(tokens[1].content), 3
    if len(tokens) > start + 2 and tokens[start].type == "paragraph_open":
        standfirst = _plain(tokens[start + 1].content)
        start += 3
    if not headline:
        raise ImportProblem("No headline found: a Markdown file should start with “# Headline”.")
    body_tokens = tokens[start:]
    for token in body_tokens:
        if token.type in {"heading_open", "heading_close"}:
            # The headline is the page's only h1; deeper levels become h3.
            token.tag = "h2" if token.tag in {"h1", "h2"} else "h3"
    body = _markdown.renderer.render(body_tokens, _markdown.options, {})
    return ParsedArticle(headline, standfirst, credit, sanitize_html(body), related)


def _plain(markdown_inline: str) -> str:
    """A standfirst is plain text: drop emphasis marks and keep link text."""
    text = re.sub(r"!?\[([^\]]*)\]\([^)]*\)", r"\1", markdown_inline)
    return re.sub(r"(\*\*|__|\*|_|`)", "", text).replace("\n", " ").strip()


def find_related(names: list[str]) -> tuple[list[Article], list[str]]:
    found, missing = [], []
    for name in names:
        article = (
            Article.objects.filter(slug=name).first()
            or Article.objects.filter(headline__iexact=name).order_by("-created_at").first()
        )
        if article and article not in found:
            found.append(article)
        elif not article:
            missing.append(name)
    return found, missing


def find_section(slug: str | None) -> Section:
    sections = list(Section.objects.all())
    if not sections:
        raise ImportProblem("There are no sections yet: create one in the admin first.")
    if not slug:
        return sections[0]
    for section in sections:
        if section.slug == slug:
            return section
    valid = ", ".join(section.slug for section in sections)
    raise ImportProblem(f"Unknown section “{slug}”. Valid sections: {valid}.")


def find_or_create_author(name: str) -> Author:
    author = Author.objects.filter(name__iexact=name.strip()).first()
    if author:
        return author
    return Author.objects.create(name=name.strip())  # Author.save() gives it a unique slug


def find_owner(username: str | None, authors: list[str] = ()):
    """The writer who will own the draft: the account named, else the staff account linked
    to the first author (when that account may write articles), else nobody."""
    if username:
        User = get_user_model()
        try:
            user = User._default_manager.get_by_natural_key(username)
        except User.DoesNotExist:
            raise ImportProblem(f"Unknown user “{username}”: give a staff username.") from None
        if not can_import(user):
            raise ImportProblem(
                f"“{username}” may not write articles, so could not edit the draft. "
                "Give a writer’s or an editor’s username."
            )
        return user
    if authors:
        author = Author.objects.filter(name__iexact=authors[0].strip()).first()
        if author and author.user and can_import(author.user):
            return author.user
    return None


def check_image(image_file) -> None:
    """Refuse a file that is not a picture, with the same words as the admin's upload."""
    try:
        imaging.check_upload(image_file)
    except ValidationError as error:
        raise ImportProblem(f"The picture {image_file.name}: {' '.join(error.messages)}") from None
    image_file.seek(0)


def _check_lengths(parsed: ParsedArticle) -> None:
    for label, value, limit in [
        ("headline", parsed.headline, Article._meta.get_field("headline").max_length),
        ("standfirst", parsed.standfirst, Article._meta.get_field("standfirst").max_length),
        ("image credit", parsed.credit, ImageAsset._meta.get_field("credit").max_length),
    ]:
        if len(value) > limit:
            raise ImportProblem(
                f"The {label} is {len(value)} characters long; the limit is {limit}. "
                f"It begins: “{value[:60]}…”"
            )


@transaction.atomic
def import_article(
    parsed: ParsedArticle,
    *,
    by=None,
    owner=None,
    section: Section,
    authors: list[str] = (),
    image_file=None,
    credit: str = "",
    update: bool = False,
) -> ImportResult:
    """Create (or, asked to, update) a Draft from a parsed file. Never publishes.

    `by` is who imports (None: the command line, trusted); `owner` the writer who owns a new
    draft, or an existing one that has no owner yet (default: `by`).
    """
    owner = owner or by
    if credit:
        parsed.credit = credit.strip()
    _check_lengths(parsed)
    if image_file is not None and not parsed.credit:
        raise ImportProblem(
            "A picture needs a credit: give one (--credit, or the credit field) or add an "
            "“Image Credit: …” line to the file."
        )
    slug = slug_base(Article, parsed.headline)  # as Article.save() would make it
    if not slug:
        raise ImportProblem(f"The headline “{parsed.headline}” gives no usable web address.")
    existing = Article.objects.select_for_update().filter(slug=slug).first()
    if existing and not update:
        raise ImportProblem(
            f"An article with the slug “{slug}” already exists (“{existing.headline}”, "
            f"{existing.get_status_display().lower()}). Nothing was imported; to replace a "
            "draft's text with this file, import it again asking to update."
        )
    if existing and by is not None and not can_edit(by, existing):
        raise ImportProblem(
            f"“{existing.headline}” is another writer’s draft: you may not replace its text."
        )
    if existing and existing.status != Status.DRAFT:
        raise ImportProblem(
            f"“{existing.headline}” is {existing.get_status_display().lower()}, not a draft: "
            "an import may only update a draft. Nothing was changed."
        )
    article = existing or Article(slug=slug, section=section)
    if article.created_by_id is None:
        article.created_by = owner
    article.headline = parsed.headline
    article.standfirst = parsed.standfirst
    article.body = parsed.body
    article.section = section
    image = None
    if image_file is not None:
        check_image(image_file)
        # The photo desk's one way in: checked, oriented, renditions made.
        image = imaging.create_image(
            image_file,
            credit=parsed.credit,
            alt_text=parsed.headline,
            caption=parsed.standfirst[:300],
            uploaded_by=by,
        )
        article.hero_image = image
    article.save()
    if authors:
        article.bylines.all().delete()
        for position, name in enumerate(dict.fromkeys(authors)):
            Byline.objects.create(
                article=article, author=find_or_create_author(name), position=position
            )
    found, missing = find_related(parsed.related)
    found = [other for other in found if other.pk != article.pk]
    if parsed.related:
        article.related_links.all().delete()
        for position, other in enumerate(found):
            RelatedArticle.objects.create(from_article=article, to_article=other, position=position)
    revisions.record(article, by=by or owner, comment=f"Imported from {parsed.source or 'a file'}")
    return ImportResult(article, parsed, existing is None, found, missing, image)
