"""The article admin's extra pages: revisions (history, compare, restore), share links and
presence, plus the edit form's version check. `ArticleAdmin` wires these in with
`get_urls`, `form` and `change_view`; who may do what is asked of `articles.permissions`.
"""

from django import forms
from django.conf import settings
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404, HttpResponseNotAllowed, JsonResponse
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils import dateformat
from django.utils.html import format_html
from django.utils.timezone import localtime
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from .. import permissions, presence, revisions, sharing
from ..models import Article, Revision
from ..people import display_name
from ..seo import site_address
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
    article = article_or_404(request, pk, permissions.can_see_history)
    items = list(article.revisions.select_related("created_by").defer("data"))
    return _render(
        model_admin,
        request,
        "revisions.html",
        article,
        _("Revisions of “%(article)s”") % {"article": article},
        revisions=items,
    )


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
    """GET: what restoring would change; POST: restore it (as a new revision)."""
    article = article_or_404(request, pk, permissions.can_restore)
    revision = get_object_or_404(Revision, article=article, number=number)
    if request.method == "POST":
        try:
            new, notes = revisions.restore(revision, by=request.user)
        except revisions.RestoreError as error:
            messages.error(
                request,
                _("Revision %(n)s cannot be restored: %(why)s") % {"n": number, "why": error},
            )
            return redirect("admin:articles_article_revisions", article.pk)
        messages.success(
            request,
            _(
                "Restored revision %(old)s as revision %(new)s. Status and publication time are "
                "unchanged."
            )
            % {"old": number, "new": new.number},
        )
        for note in notes:
            messages.warning(request, note)
        return redirect("admin:articles_article_change", article.pk)
    current = Revision(article=article, data=revisions.snapshot(article))
    return _render(
        model_admin,
        request,
        "revision_restore.html",
        article,
        _("Restore revision %(n)s?") % {"n": number},
        revision=revision,
        rows=revisions.compare(current, revision),
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
