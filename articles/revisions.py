"""Revisions of an article: snapshot, record, compare, restore; and the edit-conflict check.

A revision is a JSON snapshot of every concrete field of the article (read from the model,
so fields added later are covered without touching this module), plus its byline, topics
and related articles in order. `record()` is called after each save from the admin and by
`restore()`; nothing is ever overwritten — a restore is a new revision.
"""

import difflib
import re
from datetime import datetime

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Max
from django.utils.formats import date_format
from django.utils.html import escape, format_html
from django.utils.safestring import mark_safe
from django.utils.text import capfirst
from django.utils.translation import gettext as _

from .models import Article, ArticleTopic, Byline, RelatedArticle, Revision
from .richtext import SanitizedHTMLField, plain_text

# Not snapshotted: the key, the row's own bookkeeping times, the body's plain-text copy and
# the search vector (made again on every save, so a restore cannot bring back a stale one).
SKIPPED = {"id", "created_at", "updated_at", "body_text", "search_vector"}
# Snapshotted and shown in comparisons, but never written back by a restore: status and
# publication time change only through `articles.workflow`.
NOT_RESTORED = {"status", "published_at"}


class RestoreError(Exception):
    """The revision cannot be restored as it is (e.g. its slug is now taken)."""


class EditConflict(Exception):
    """The article changed after the editor opened it."""


# --- Snapshots ---------------------------------------------------------------------------


def snapshot_fields():
    return [field for field in Article._meta.concrete_fields if field.name not in SKIPPED]


def restorable_fields():
    return [f for f in snapshot_fields() if f.editable and f.name not in NOT_RESTORED]


def snapshot(article: Article) -> dict:
    """Everything a revision keeps of the article, as JSON-ready data."""
    fields = {field.attname: field.value_from_object(article) for field in snapshot_fields()}
    bylines = Byline.objects.filter(article=article).select_related("author")
    links = RelatedArticle.objects.filter(from_article=article).select_related("to_article")
    topics = ArticleTopic.objects.filter(article=article).select_related("topic")
    return {
        "fields": fields,
        "authors": [
            {"id": b.author_id, "name": b.author.name, "position": b.position} for b in bylines
        ],
        "related": [
            {"id": r.to_article_id, "headline": r.to_article.headline, "position": r.position}
            for r in links
        ],
        "topics": [
            {"id": t.topic_id, "name": t.topic.name, "position": t.position} for t in topics
        ],
    }


def record(article: Article, *, by, comment: str = "") -> Revision:
    """Keep the article's current state (saved fields, byline, related) as its next revision."""
    with transaction.atomic():
        last = article.revisions.aggregate(last=Max("number"))["last"] or 0
        return Revision.objects.create(
            article=article, number=last + 1, created_by=by, comment=comment, data=snapshot(article)
        )


# --- Restore -----------------------------------------------------------------------------


@transaction.atomic
def restore(revision: Revision, *, by) -> tuple[Revision, list[str]]:
    """Put the article back as the revision had it, keeping its status and publication time.

    Returns the new revision and notes about anything that no longer exists (a deleted
    picture, author or related article is left out). Raises `RestoreError`, changing
    nothing, when the old state is no longer valid (e.g. another article now has its slug).
    """
    article = Article.objects.select_for_update().get(pk=revision.article_id)
    data, notes = revision.data, []
    for field in restorable_fields():
        if field.attname not in data["fields"]:
            continue  # a field added after this revision was made: keep today's value
        value = field.to_python(data["fields"][field.attname])
        if field.is_relation and field.null and not _exists(field.related_model, value):
            notes.append(_("The %(field)s it had was deleted.") % {"field": field.verbose_name})
            value = None
        setattr(article, field.attname, value)
    try:
        article.full_clean()
    except ValidationError as error:
        raise RestoreError(" ".join(error.messages)) from error
    article.save()

    # The ordered links, each put back as it was; one whose other end is gone is noted.
    notes += _put_back(
        article, Byline, "article", "author", data["authors"], _("Author “%(name)s” was deleted.")
    )
    notes += _put_back(
        article,
        RelatedArticle,
        "from_article",
        "to_article",
        data["related"],
        _("Related article “%(headline)s” was deleted."),
    )
    if "topics" in data:  # revisions from before topics existed keep today's topics
        notes += _put_back(
            article,
            ArticleTopic,
            "article",
            "topic",
            data["topics"],
            _("Topic “%(name)s” was deleted."),
        )

    comment = _("Restored revision %(number)s") % {"number": revision.number}
    return record(article, by=by, comment=comment), notes


def _exists(model, pk) -> bool:
    return pk is None or model._default_manager.filter(pk=pk).exists()


# --- Edit conflicts ----------------------------------------------------------------------


def version_token(article: Article) -> str:
    """What the edit form carries to prove which version the editor saw."""
    return article.updated_at.isoformat() if article.updated_at else ""


def check_version(article: Article, token: str) -> None:
    """Lock the article's row and refuse if it changed since `token` was handed out.

    Call inside the transaction that saves the article (the admin's change view is one):
    the row stays locked until the save commits, so no one can slip in between.
    """
    current = Article.objects.select_for_update().only("updated_at").get(pk=article.pk)
    try:
        seen = datetime.fromisoformat(token)
    except (TypeError, ValueError):
        seen = None
    if seen != current.updated_at:
        raise EditConflict(current.updated_at)


def last_revision(article: Article):
    return article.revisions.select_related("created_by").order_by("-number").first()


# --- Comparing ---------------------------------------------------------------------------

_TOKENS = re.compile(r"\s+|[^\s]+")


def _words(text: str) -> list[str]:
    return _TOKENS.findall(text)


def word_diff(old: str, new: str):
    """HTML of `new` against `old`: removed words in <del>, added words in <ins>, escaped."""
    a, b = _words(old), _words(new)
    parts = []
    matcher = difflib.SequenceMatcher(a=a, b=b, autojunk=False)
    for op, a1, a2, b1, b2 in matcher.get_opcodes():
        if op == "equal":
            parts.append(escape("".join(a[a1:a2])))
            continue
        if a2 > a1:
            parts.append(format_html("<del>{}</del>", "".join(a[a1:a2])))
        if b2 > b1:
            parts.append(format_html("<ins>{}</ins>", "".join(b[b1:b2])))
    return mark_safe("".join(parts))


def text_diff(old: str, new: str, context: int = 1):
    """Like `word_diff`, paragraph by paragraph, folding long runs of unchanged paragraphs."""
    a, b = old.splitlines(), new.splitlines()
    lines = []
    matcher = difflib.SequenceMatcher(a=a, b=b, autojunk=False)
    for op, a1, a2, b1, b2 in matcher.get_opcodes():
        if op != "equal":
            lines.append(word_diff("\n".join(a[a1:a2]), "\n".join(b[b1:b2])))
            continue
        same = a[a1:a2]
        keep_before = 0 if a1 == 0 else context  # paragraphs after a change
        keep_after = 0 if a2 == len(a) else context  # paragraphs before the next change
        if len(same) <= keep_before + keep_after + 1:
            lines += [escape(line) for line in same]
            continue
        lines += [escape(line) for line in same[:keep_before]]
        folded = len(same) - keep_before - keep_after
        lines.append(
            format_html(
                '<span class="diff-fold">{}</span>',
                _("⋯ %(n)s unchanged paragraphs ⋯") % {"n": folded},
            )
        )
        lines += [escape(line) for line in same[len(same) - keep_after :]]
    return mark_safe("\n".join(lines))


def _display(field, value) -> str:
    """A field's value as an editor would read it."""
    if value in (None, ""):
        return ""
    if field.is_relation:
        target = field.related_model._default_manager.filter(pk=value).first()
        return str(target) if target else _("#%(pk)s (deleted)") % {"pk": value}
    value = field.to_python(value)
    if field.choices:
        return str(dict(field.flatchoices).get(value, value))
    if isinstance(value, datetime):
        return date_format(value, "DATETIME_FORMAT")
    if isinstance(field, SanitizedHTMLField):
        return plain_text(value)
    return str(value)


def compare(old: Revision, new: Revision) -> list[dict]:
    """The fields that differ between two revisions, each with a word-level diff."""
    rows = []
    for field in snapshot_fields():
        before = old.data["fields"].get(field.attname)
        after = new.data["fields"].get(field.attname)
        if before == after:
            continue
        old_text, new_text = _display(field, before), _display(field, after)
        if old_text == new_text:  # same words, different markup: show the HTML itself
            old_text, new_text = str(before or ""), str(after or "")
        rows.append({"label": capfirst(field.verbose_name), "diff": text_diff(old_text, new_text)})
    lists = [
        (_("Authors"), "authors", "name"),
        (_("Topics"), "topics", "name"),
        (_("Related articles"), "related", "headline"),
    ]
    for label, key, name in lists:
        before, after = old.data.get(key, []), new.data.get(key, [])
        if [item["id"] for item in before] != [item["id"] for item in after]:
            old_text = "; ".join(item[name] for item in before)
            new_text = "; ".join(item[name] for item in after)
            rows.append({"label": label, "diff": word_diff(old_text, new_text)})
    return rows


def _put_back(article, link, own, other, entries, gone) -> list[str]:
    """Replace the article's `link` rows (its bylines, related links or topics) with
    `entries` ([{"id", "position", …}] from a revision), in their order. An entry whose
    other end no longer exists is left out and named in the returned notes (`gone`)."""
    target = link._meta.get_field(other).related_model
    known = set(
        target.objects.filter(pk__in=[e["id"] for e in entries]).values_list("pk", flat=True)
    )
    link.objects.filter(**{own: article}).delete()
    notes = []
    for entry in entries:
        if entry["id"] in known:
            link.objects.create(
                **{own: article, f"{other}_id": entry["id"], "position": entry["position"]}
            )
        else:
            notes.append(gone % entry)
    return notes
