"""The live preview beside the article form: the unsaved form, drawn by the public page.

The page's script (`static/js/live-preview.js`) posts the form as it stands, a moment after
the writer stops typing; this view builds the article the form describes (the form and its
inline formsets, exactly as the admin would before saving) and draws it with the preview
template and `views.article_page_context`, the public page's own builder. Nothing is written:
the form is only validated, bylines, topics and related links are unsaved rows handed to the
page. An invalid form answers its errors, for the panel, never a 500.
"""

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.http import HttpResponseNotAllowed
from django.shortcuts import render
from django.urls import path
from django.utils.html import strip_tags
from django.utils.text import capfirst

from .. import permissions
from ..models import Article, ArticleTopic, Byline, RelatedArticle
from ..views import article_page_context
from .common import admin_page, article_or_404

ERRORS_TEMPLATE = "admin/articles/article/live_preview_errors.html"


def urls(model_admin):
    def view(function):  # staff only and never cached, like every admin page
        return admin_page(model_admin, function)

    return [
        path("live-preview/", view(live_preview_view), name="articles_article_live_preview"),
        path(
            "<int:object_id>/live-preview/",
            view(live_preview_view),
            name="articles_article_live_preview_change",
        ),
    ]


def live_preview_view(model_admin, request, object_id=None):
    if request.method != "POST":
        return HttpResponseNotAllowed(["POST"])
    if object_id is None:
        if not model_admin.has_add_permission(request):
            raise PermissionDenied
        article = None
    else:
        article = article_or_404(request, object_id, permissions.can_edit)
    # In a transaction that is rolled back: the admin's form checks the version under a row
    # lock (`revisions.check_version`), which needs one, and a preview writes nothing.
    with transaction.atomic():
        try:
            unsaved, errors = build(model_admin, request, article)
            if errors:
                response = render(request, ERRORS_TEMPLATE, {"errors": errors})
                response["X-Preview-Errors"] = str(len(errors))
                return response
            context = {**article_page_context(unsaved), "preview": True, "live_preview": True}
            response = render(request, "articles/article_live_preview.html", context)
        finally:
            transaction.set_rollback(True)
    response["X-Robots-Tag"] = "noindex, nofollow"
    return response


def build(model_admin, request, article):
    """(the unsaved article the posted form describes, []) or (None, [error, …]).

    The form and the inline formsets are the admin's own (`get_form`, `_create_formsets`),
    so the preview refuses exactly what Save would refuse."""
    change = article is not None
    if change:
        corrections = list(article.corrections.all())
        article = Article.objects.select_related("section", "hero_image").get(pk=article.pk)
    Form = model_admin.get_form(request, article, change=change)
    form = Form(request.POST, request.FILES, instance=article)
    valid = form.is_valid()
    unsaved = form.instance
    formsets, _inlines = model_admin._create_formsets(request, unsaved, change=change)
    errors = [
        (form.fields[name].label if name in form.fields else "", _said(messages))
        for name, messages in form.errors.items()
    ]
    for formset in formsets:
        if not formset.is_valid():
            title = capfirst(formset.model._meta.verbose_name_plural)
            if formset.non_form_errors():
                errors.append((title, _said(formset.non_form_errors())))
            for row in formset.errors:
                errors += [(title, _said(messages)) for messages in row.values()]
    if not valid or errors:
        return None, errors or [("", "The form cannot be previewed yet.")]
    rows = {formset.model: _kept(formset) for formset in formsets}
    bylines = sorted(rows.get(Byline, []), key=lambda row: row.position)
    topics = sorted(rows.get(ArticleTopic, []), key=lambda row: row.position)
    related = sorted(rows.get(RelatedArticle, []), key=lambda row: row.position)
    if unsaved.pk is None:
        # Django reads related rows (even handed-over ones) only for a row with a key. No
        # article has key 0, and nothing here saves: the page's queries find nothing by it.
        unsaved.pk = 0
    unsaved._prefetched_objects_cache = {
        "bylines": bylines,
        "article_topics": topics,
        "corrections": corrections if change else [],
    }
    curated = [link.to_article for link in related if link.to_article.is_published]
    unsaved.related_articles = lambda: curated  # the page's rule: only published ones show
    return unsaved, []


def _said(messages):
    """A field's messages as plain words (the version check's message carries a link)."""
    return " ".join(strip_tags(str(message)) for message in messages)


def _kept(formset):
    """The rows the formset would save, unsaved: filled in and not marked for deletion."""
    kept = []
    for form in formset.forms:
        if not form.has_changed() and form.instance.pk is None:
            continue
        if formset.can_delete and formset._should_delete_form(form):
            continue
        kept.append(form.instance)
    return kept
