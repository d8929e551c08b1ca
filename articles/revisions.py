"""Revisions of an article: snapshot, record, compare, restore; the edit-conflict check; and
the pending changes of a live article.

A revision is a JSON snapshot of every concrete field of the article (read from the model,
so fields added later are covered without touching this module), plus its byline, topics
and related articles in order. `record()` is called after each save from the admin and by
`restore()`; nothing is ever overwritten — a restore is a new revision.

Pending changes (Wagtail's live/draft model, smaller): the Article row is always the live
version, the only thing `published()` and every public page read. An edit of a published or
scheduled article (`goes_pending`) is made for real inside `trial()`, so the form, its
inlines, the body cleaning and the constraints all check it as usual; its snapshot is taken
and everything is rolled back; the snapshot becomes a revision the row points at
(`Article.pending_revision`). The desk shows that version inside another `trial()`
(`showing_pending`); "Publish changes" (`articles.workflow.publish_changes`) applies it.
"""

import difflib
import re
from contextlib import contextmanager
from datetime import datetime

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Max
from django.utils.formats import date_format
from django.utils.html import escape, format_html
from django.utils.safestring import mark_safe
from django.utils.text import capfirst
from django.utils.translation import gettext as _

from .models import Article, ArticleTopic, Byline, Correction, ImageAsset, RelatedArticle, Revision
from .models.articles import LIVE_STATUSES, STORED_PARTS
from .richtext import FIGURE_REFERENCE, SanitizedHTMLField, plain_text

# Not snapshotted: the key, the row's own bookkeeping times, the body's plain-text copy and
# the search vector (made again on every save, so a restore cannot bring back a stale one).
SKIPPED = {"id", "created_at", "updated_at", "body_text", "search_vector"}
# Nor the row's pending-changes bookkeeping: which revision is pending or live is not content.
SKIPPED |= {"pending_revision", "live_revision", "changes_in_review", "revised_at"}
# Nor what the reader pages show of it, rendered from the rest (`articles.fragments`).
SKIPPED |= set(STORED_PARTS)
SKIPPED |= {"changes", "rendered_as"}
# Nor where the desk lists it, which the database works out from the status and deadline.
SKIPPED |= {"desk_rank"}
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
        # "row": the link's own key, so the desk's form shows a pending version's links
        # under the keys its inline forms send back (`showing_pending`).
        "authors": [
            {"id": b.author_id, "name": b.author.name, "position": b.position, "row": b.pk}
            for b in bylines
        ],
        "related": [
            {
                "id": r.to_article_id,
                "headline": r.to_article.headline,
                "position": r.position,
                "row": r.pk,
            }
            for r in links
        ],
        "topics": [
            {"id": t.topic_id, "name": t.topic.name, "position": t.position, "row": t.pk}
            for t in topics
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

    A published or scheduled article is never changed on the public page by a restore: the
    revision becomes its pending version, for someone to publish (`goes_pending`).
    """
    article = Article.objects.select_for_update().get(pk=revision.article_id)
    comment = _("Restored revision %(number)s") % {"number": revision.number}
    if goes_pending(article):
        with trial():
            show_pending(article)
            notes = apply(article, revision.data)
            data = pending_snapshot(article)
        return keep_pending(article, data, by=by, comment=comment), notes
    notes = apply(article, revision.data)
    return record(article, by=by, comment=comment), notes


def apply(article: Article, data: dict, *, keep_rows: bool = False) -> list[str]:
    """Write a snapshot's content onto the article's row and links (never its status or
    publication time); the notes name what no longer exists and was left out. Raises
    `RestoreError`, having saved nothing, when the content is no longer valid.

    `keep_rows` puts each link back under its own key and also applies the snapshot's
    corrections: a pending version being shown or published (`showing_pending`)."""
    notes = []
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
        article,
        Byline,
        "article",
        "author",
        data["authors"],
        _("Author “%(name)s” was deleted."),
        keep_rows,
    )
    notes += _put_back(
        article,
        RelatedArticle,
        "from_article",
        "to_article",
        data["related"],
        _("Related article “%(headline)s” was deleted."),
        keep_rows,
    )
    if "topics" in data:  # revisions from before topics existed keep today's topics
        notes += _put_back(
            article,
            ArticleTopic,
            "article",
            "topic",
            data["topics"],
            _("Topic “%(name)s” was deleted."),
            keep_rows,
        )
    if keep_rows:
        _put_back_corrections(article, data.get("corrections", []))
    return notes


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

# A picture's token (`with_picture_tokens`) is one word: a swapped picture shows whole.
_TOKENS = re.compile(r"\[Picture[^\]\n]*\]|\s+|[^\s]+")


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
        return plain_text(with_picture_tokens(value))
    return str(value)


def with_picture_tokens(html: str) -> str:
    """The body with each library picture written as a line of text, "[Picture: caption —
    credit]", so that a comparison shows a picture added, removed, moved or swapped."""
    ids = {int(pk) for pk in FIGURE_REFERENCE.findall(html or "")}
    pictures = ImageAsset._default_manager.in_bulk(ids)

    def token(match):
        picture = pictures.get(int(match[1]))
        if picture is None:
            return f"<p>{escape(_('[Picture #%(pk)s (deleted)]') % {'pk': match[1]})}</p>"
        words = {"caption": picture.caption or picture.alt_text, "credit": picture.credit}
        return f"<p>{escape(_('[Picture: %(caption)s — %(credit)s]') % words)}</p>"

    return FIGURE_REFERENCE.sub(token, html or "")


def compare(old: Revision, new: Revision, *, content_only: bool = False) -> list[dict]:
    """The fields that differ between two revisions, each with a word-level diff.
    `content_only` leaves out what only the workflow changes (status, publication time):
    what a restore or pending changes can change."""
    rows = []
    for field in snapshot_fields():
        if content_only and field.name in NOT_RESTORED:
            continue
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


def _put_back(article, link, own, other, entries, gone, keep_rows=False) -> list[str]:
    """Replace the article's `link` rows (its bylines, related links or topics) with
    `entries` ([{"id", "position", …}] from a revision), in their order. An entry whose
    other end no longer exists is left out and named in the returned notes (`gone`).
    With `keep_rows`, each row gets back its own key ("row") unless another row has it."""
    target = link._meta.get_field(other).related_model
    known = set(
        target.objects.filter(pk__in=[e["id"] for e in entries]).values_list("pk", flat=True)
    )
    link.objects.filter(**{own: article}).delete()
    rows = [e["row"] for e in entries if keep_rows and e.get("row")]
    taken = set(link.objects.filter(pk__in=rows).values_list("pk", flat=True))
    notes = []
    for entry in entries:
        if entry["id"] in known:
            row = entry.get("row") if keep_rows and entry.get("row") not in taken else None
            link.objects.create(
                pk=row, **{own: article, f"{other}_id": entry["id"], "position": entry["position"]}
            )
        else:
            notes.append(gone % entry)
    return notes


# --- Pending changes -----------------------------------------------------------------------


class _Undo(Exception):
    pass


@contextmanager
def trial():
    """Whatever the block writes is rolled back when it ends (an error inside propagates,
    rolled back too). Locks taken inside are released with it: lock before, if needed."""
    try:
        with transaction.atomic():
            yield
            raise _Undo
    except _Undo:
        pass


def goes_pending(article: Article) -> bool:
    """An edit of a published or scheduled article waits as pending changes."""
    return article.pk is not None and article.status in LIVE_STATUSES


def pending_snapshot(article: Article) -> dict:
    """A snapshot and the article's public corrections (a correction typed with the edit it
    explains goes live with it)."""
    data = snapshot(article)
    data["corrections"] = [
        {
            "row": c.pk,
            "kind": c.kind,
            "text": c.text,
            "published_at": c.published_at.isoformat(),
            "by": c.created_by_id,
        }
        for c in Correction.objects.filter(article=article).order_by("pk")
    ]
    return data


def show_pending(article: Article) -> None:
    """Inside a `trial()`: write the article's pending version onto its row and links, as
    the form, the preview and "Publish changes" see it. The row keeps its version token, so
    the form still proves it saw the live row's version (`check_version`)."""
    if article.pending_revision_id is None:
        return
    token = article.updated_at
    try:
        apply(article, article.pending_revision.data, keep_rows=True)
    except RestoreError:  # no longer valid (its slug taken since): the live version shows
        article.refresh_from_db()
        return
    Article.objects.filter(pk=article.pk).update(updated_at=token)
    article.updated_at = token


@contextmanager
def showing_pending(article: Article):
    """A block in which the database shows the article's pending version (if any), rolled
    back after: what the preview, share links and the desk's form read."""
    if article.pending_revision_id is None:
        yield  # nothing to show: no trial, no extra query
        return
    with trial():
        show_pending(article)
        yield


def keep_pending(article: Article, data: dict, *, by, comment: str) -> Revision | None:
    """Store `data` as the article's pending version (a new revision); the live row's
    content is untouched. Data that says what the live article says clears the pending
    version instead (returns None)."""
    with transaction.atomic():
        article = Article.objects.select_for_update().get(pk=article.pk)
        live = pending_snapshot(article)
        if not compare(Revision(data=live), Revision(data=data)) and live.get(
            "corrections"
        ) == data.get("corrections"):
            revision = None
        else:
            last = article.revisions.aggregate(last=Max("number"))["last"] or 0
            revision = Revision.objects.create(
                article=article, number=last + 1, created_by=by, comment=comment, data=data
            )
        article.pending_revision = revision
        if revision is None:
            article.changes_in_review = False
        article.save(update_fields=["pending_revision", "changes_in_review", "updated_at"])
        return revision


def publish_pending(article: Article) -> Revision:
    """Make the pending version the live one (inside the move's transaction, its row
    locked), corrections typed with it included; returns the revision now live."""
    pending = article.pending_revision
    apply(article, pending.data, keep_rows=True)
    article.pending_revision = None
    article.live_revision = pending
    article.changes_in_review = False
    return pending


def _put_back_corrections(article, entries) -> None:
    """Corrections as a pending version has them: each updated in place or, new, added
    under its key. Corrections are never deleted."""
    existing = set(Correction.objects.filter(article=article).values_list("pk", flat=True))
    taken = set(
        Correction.objects.exclude(article=article)
        .filter(pk__in=[e["row"] for e in entries])
        .values_list("pk", flat=True)
    )
    for entry in entries:
        values = {
            "kind": entry["kind"],
            "text": entry["text"],
            "published_at": datetime.fromisoformat(entry["published_at"]),
        }
        if entry["row"] in existing:
            Correction.objects.filter(pk=entry["row"]).update(**values)
            continue
        row = None if entry["row"] in taken else entry["row"]
        Correction.objects.create(pk=row, article=article, created_by_id=entry.get("by"), **values)
