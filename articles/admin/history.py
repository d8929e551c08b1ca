"""The article admin's extra pages: revisions (history, compare, restore), share links and
presence, plus the edit form's version check. `ArticleAdmin` wires these in with
`get_urls`, `form` and `change_view`; who may do what is asked of `articles.permissions`.
"""

from django import forms
from django.conf import settings
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.db import transaction
from django.http import Http404, HttpResponseNotAllowed, JsonResponse
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils import dateformat
from django.utils.html import format_html
from django.utils.timezone import localtime
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from .. import permissions, presence, revisions, sharing, workflow
from ..models import Article, Revision
from ..people import display_name
from ..seo import site_address
from . import editor
from .common import admin_page, article_or_404, usable_keys


class ArticleAdminForm(forms.ModelForm):
    """The article form, carrying the version the editor saw (see `revisions.check_version`)."""

    version = forms.CharField(widget=forms.HiddenInput, required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["version"].initial = revisions.version_token(self.instance)

    def clean(self):
        cleaned_data = super().clean()
        if self.instance.pk:
            try:
                revisions.check_version(self.instance, self.data.get("version", ""))
            except revisions.EditConflict as conflict:
                raise ValidationError(conflict_message(self.instance, conflict.args[0])) from None
        return cleaned_data


def conflict_message(article, changed_at):
    changer = who_changed(article, changed_at)
    who = display_name(changer) if changer else _("someone else")
    return format_html(
        "{} <a href='{}' target='_blank' rel='noopener'>{}</a>",
        _(
            "Not saved: %(who)s changed this article at %(time)s, after you opened it. "
            "Nothing was overwritten. Your text is still in the form below: copy what you "
            "need, open the latest version, and make your changes there."
        )
        % {"who": who, "time": dateformat.format(localtime(changed_at), "H:i")},
        reverse("admin:articles_article_change", args=[article.pk]),
        _("Open the latest version in a new tab"),
    )


def who_changed(article, changed_at):
    """Who made the change stamped `changed_at`: an admin save leaves a revision, a workflow
    move an event, each written just after the row; the one closest in time wins."""
    candidates = []
    revision = revisions.last_revision(article)
    if revision is not None:
        candidates.append((revision.created_at, revision.created_by))
    event = article.events.select_related("actor").order_by("-at", "-pk").first()
    if event is not None:
        candidates.append((event.at, event.actor))
    near = [
        (abs((at - changed_at).total_seconds()), user)
        for at, user in candidates
        if user is not None and abs((at - changed_at).total_seconds()) < 5
    ]
    return min(near, key=lambda pair: pair[0])[1] if near else None


def urls(model_admin):
    def view(function):
        return admin_page(model_admin, function)

    return [
        path("<int:pk>/revisions/", view(history), name="articles_article_revisions"),
        path("<int:pk>/revisions/compare/", view(compare), name="articles_article_compare"),
        path(
            "<int:pk>/revisions/<int:number>/restore/",
            view(restore),
            name="articles_article_restore",
        ),
        path("<int:pk>/share/", view(share_links), name="articles_article_share"),
        path(
            "<int:pk>/share/<int:link_pk>/revoke/",
            view(revoke_link),
            name="articles_article_revoke_link",
        ),
        path("<int:pk>/presence/", view(heartbeat), name="articles_article_presence"),
    ]


def _render(model_admin, request, template, article, title, **context):
    return TemplateResponse(
        request,
        f"admin/articles/article/{template}",
        {
            **model_admin.admin_site.each_context(request),
            "opts": Article._meta,
            "original": article,
            "title": title,
            "can_restore": permissions.can_restore(request.user, article),
            **context,
        },
    )


# --- The change page ---------------------------------------------------------------------


def change_page_context(request, article) -> dict:
    """Last change and the extra buttons for the article's change page."""
    if not permissions.can_preview(request.user, article):
        return {}
    return {
        "presence_interval": settings.PRESENCE_TIMEOUT_SECONDS // 3,
        "last_revision": revisions.last_revision(article),
        "can_preview": True,  # asked just above
        "can_see_history": permissions.can_see_history(request.user, article),
        "can_share": permissions.can_share(request.user, article),
    }


def pending_change_view(model_admin, request, article, view):
    """The change page of a published or scheduled article: the form opens its pending
    version (if any) and a save keeps the edit as the pending version, the live row and its
    links untouched (`revisions`, "Pending changes").

    The page is drawn, and a save is made and checked, inside `revisions.trial()`, which
    shows the pending version in the database and rolls everything back; the edit's snapshot
    (taken by `saving_pending`) is then stored. The row is locked first, so two saves never
    cross; the version check against lost edits works as on any save."""
    kept = request.newsroom_pending = {}
    context = pending_context(article)
    with transaction.atomic():
        if request.method == "POST":
            Article.objects.select_for_update().only("pk").get(pk=article.pk)
        with revisions.trial():
            revisions.show_pending(article)
            response = view(context)
            if hasattr(response, "render") and not response.is_rendered:
                response.render()  # while the database shows the pending version
        if "data" in kept:
            revision = revisions.keep_pending(
                article, kept["data"], by=request.user, comment=_("Edited the live article")
            )
            editor.saved(article, request.user)
            if revision is None:
                messages.info(
                    request,
                    _(
                        "It now says what the live version says: nothing is waiting to be "
                        "published."
                    ),
                )
            else:
                messages.info(
                    request,
                    _(
                        "Saved as unpublished changes: readers see the live version until "
                        "someone publishes them."
                    ),
                )
    del request.newsroom_pending
    return response


def saving_pending(request, article) -> bool:
    """Called once the admin has saved the form and its inlines: when this is a live
    article's edit (`pending_change_view`), take its snapshot to keep as the pending
    version (the save itself is then rolled back) and say so."""
    kept = getattr(request, "newsroom_pending", None)
    if kept is None:
        return False
    kept["data"] = revisions.pending_snapshot(article)
    return True


def pending_context(article) -> dict:
    """ "Live, with unpublished changes": what the pending version changes (live → pending)."""
    if not article.has_pending_changes:
        return {"pending": None}
    live = revisions.pending_snapshot(article)
    pending = article.pending_revision
    rows = revisions.compare(Revision(data=live), pending, content_only=True)
    known = {entry["row"] for entry in live["corrections"]}
    added = [
        entry["text"] for entry in pending.data.get("corrections", []) if entry["row"] not in known
    ]
    if added:
        rows.append(
            {"label": _("New corrections"), "diff": revisions.word_diff("", " / ".join(added))}
        )
    return {"pending": {"revision": pending, "rows": rows, "in_review": article.changes_in_review}}


def show_presence(request, response):
    """Once the change page is sure to be shown (not a save that redirects), list its user
    as having the article open, under a token for this load of the page."""
    context = getattr(response, "context_data", None)
    if response.status_code != 200 or not context or "presence_interval" not in context:
        return
    page = presence.new_page()
    context["presence_page"] = page
    context["presence_others"] = presence.touch(context["original"].pk, request.user, page=page)


def heartbeat(model_admin, request, pk):
    """The change page's heartbeat (POST, with the page's token); `leave=1` when it closes."""
    if request.method != "POST":
        return HttpResponseNotAllowed(["POST"])
    article = article_or_404(request, pk)
    page = request.POST.get("page", "")
    if request.POST.get("leave"):
        presence.leave(article.pk, request.user, page=page)
        return JsonResponse({"others": []})
    return JsonResponse({"others": presence.touch(article.pk, request.user, page=page)})


# --- Revisions ---------------------------------------------------------------------------


def history(model_admin, request, pk):
    """One history: saves, moves, corrections, share links and imports, newest first."""
    article = article_or_404(request, pk, permissions.can_see_history)
    items = list(article.revisions.select_related("created_by").defer("data"))
    return _render(
        model_admin,
        request,
        "revisions.html",
        article,
        _("History of “%(article)s”") % {"article": article},
        revisions=items,
        entries=timeline(article, items),
    )


def live_revision_pk(article, items):
    """The revision readers see: the one last made live, else (an article live since before
    revisions were marked) the newest, when no edit is waiting."""
    if article.status not in revisions.LIVE_STATUSES:
        return None
    if article.live_revision_id:
        return article.live_revision_id
    if article.has_pending_changes or not items:
        return None
    return items[0].pk


def timeline(article, items) -> list[dict]:
    """Every entry of the article's history as {at, who, what, note, revision, markers}."""
    entries = []
    live = live_revision_pk(article, items)
    oldest_first = sorted(items, key=lambda r: r.number)
    for revision in items:
        markers = []
        if revision.pk == live:
            markers.append(_("live version"))
        if revision.pk == article.pending_revision_id:
            markers.append(_("unpublished changes"))
        kind = _("Imported") if revision.comment.startswith("Imported from") else _("Saved")
        entries.append({
            "at": revision.created_at, "who": revision.created_by, "kind": kind,
            "what": revision.comment or _("Saved"), "revision": revision, "markers": markers,
        })  # fmt: skip
    for event in article.events.select_related("actor"):
        move = workflow.MOVES.get(event.action)
        past = (
            str(move.past)
            if move
            else f"{event.get_from_status_display()} → {event.get_to_status_display()}"
        )
        entries.append(
            {
                "at": event.at,
                "who": event.actor,
                "kind": _("Workflow"),
                "what": past[:1].upper() + past[1:],
                "note": event.note,
            }
        )
        if event.action in ("submit", "submit_changes"):
            # "Submitted here": the newest save at the time of the submission.
            before = [r for r in oldest_first if r.created_at <= event.at]
            if before:
                for entry in entries:
                    if entry.get("revision") is before[-1]:
                        entry["markers"].append(_("submitted here"))
    for correction in article.corrections.select_related("created_by"):
        entries.append({
            "at": correction.published_at, "who": correction.created_by,
            "kind": correction.get_kind_display(), "what": _("Shown to readers"),
            "note": correction.text,
        })  # fmt: skip
    for link in article.share_links.select_related("created_by", "revoked_by"):
        shared = link.note or _("no note")
        entries.append({
            "at": link.created_at, "who": link.created_by, "kind": _("Share link"),
            "what": _("Created, for %(who)s") % {"who": shared},
        })  # fmt: skip
        if link.revoked_at:
            entries.append({
                "at": link.revoked_at, "who": link.revoked_by, "kind": _("Share link"),
                "what": _("Revoked (it was for %(who)s)") % {"who": shared},
            })  # fmt: skip
    entries.sort(key=lambda entry: entry["at"], reverse=True)
    return entries


def compare(model_admin, request, pk):
    article = article_or_404(request, pk, permissions.can_see_history)
    try:
        numbers = sorted({int(request.GET["a"]), int(request.GET["b"])})
    except (KeyError, ValueError):
        raise Http404 from None
    if usable_keys(Revision._meta.get_field("number"), numbers) != numbers:
        raise Http404  # a number no revision can have (10**30 overflowed SQLite)
    found = {r.number: r for r in article.revisions.filter(number__in=numbers)}
    if len(found) != len(numbers):
        raise Http404
    old, new = found[numbers[0]], found[numbers[-1]]
    return _render(
        model_admin,
        request,
        "revision_compare.html",
        article,
        _("Revision %(old)s → revision %(new)s") % {"old": old.number, "new": new.number},
        old=old,
        new=new,
        rows=revisions.compare(old, new),
    )


def restore(model_admin, request, pk, number):
    """GET: what restoring would change; POST: restore it (as a new revision). A live
    article's restore becomes its pending version: the public page never changes here."""
    article = article_or_404(request, pk, permissions.can_restore)
    revision = get_object_or_404(Revision, article=article, number=number)
    live = revisions.goes_pending(article)
    if request.method == "POST":
        try:
            new, notes = revisions.restore(revision, by=request.user)
        except revisions.RestoreError as error:
            messages.error(
                request,
                _("Revision %(n)s cannot be restored: %(why)s") % {"n": number, "why": error},
            )
            return redirect("admin:articles_article_revisions", article.pk)
        if not live:
            done = _(
                "Restored revision %(old)s as revision %(new)s. Status and publication time "
                "are unchanged."
            )
        elif new is None:
            done = _(
                "Revision %(old)s says what the live version says: nothing is waiting to be "
                "published."
            )
        else:
            done = _(
                "Revision %(old)s is loaded as the unpublished changes (revision %(new)s): the "
                "live page is unchanged until someone publishes them."
            )
        messages.success(request, done % {"old": number, "new": getattr(new, "number", "")})
        for note in notes:
            messages.warning(request, note)
        return redirect("admin:articles_article_change", article.pk)
    current = article.pending_revision or Revision(
        article=article, data=revisions.snapshot(article)
    )
    return _render(
        model_admin,
        request,
        "revision_restore.html",
        article,
        _("Restore revision %(n)s?") % {"n": number},
        revision=revision,
        goes_pending=live,
        rows=revisions.compare(current, revision, content_only=True),
    )


# --- Share links -------------------------------------------------------------------------


class ShareLinkForm(forms.Form):
    note = forms.CharField(
        label=gettext_lazy("Shared with"),
        max_length=200,
        required=False,
        help_text=gettext_lazy("Who the link is for, e.g. “Legal: J. Smith”."),
    )
    hours = forms.IntegerField(
        label=gettext_lazy("Works for (hours)"),
        min_value=1,
        max_value=24 * 30,
        help_text=gettext_lazy("The link answers “not found” after this, or once revoked."),
    )


def share_links(model_admin, request, pk):
    article = article_or_404(request, pk, permissions.can_share)
    form = ShareLinkForm(request.POST or None, initial={"hours": settings.SHARE_LINK_HOURS})
    if request.method == "POST" and form.is_valid():
        link = sharing.create_link(article, by=request.user, **form.cleaned_data)
        messages.success(
            request,
            _("Share link created. It works until %(when)s.")
            % {"when": dateformat.format(localtime(link.expires_at), "j F Y, H:i")},
        )
        return redirect("admin:articles_article_share", article.pk)
    links = [
        {
            "link": link,
            "url": site_address(reverse("articles:shared_preview", args=[sharing.token_for(link)])),
        }
        for link in article.share_links.select_related("created_by")
    ]
    return _render(
        model_admin,
        request,
        "share_links.html",
        article,
        _("Share a preview of “%(article)s”") % {"article": article},
        form=form,
        links=links,
    )


def revoke_link(model_admin, request, pk, link_pk):
    if request.method != "POST":
        return HttpResponseNotAllowed(["POST"])
    article = article_or_404(request, pk, permissions.can_share)
    link = get_object_or_404(article.share_links, pk=link_pk)
    sharing.revoke(link, by=request.user)
    messages.success(request, _("The link is revoked: it now answers “not found”."))
    return redirect("admin:articles_article_share", article.pk)
