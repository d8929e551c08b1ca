"""The article page in the desk. The parts live beside it: `review.py` (workflow buttons,
review queue), `history.py` (revisions, share links, presence, edit-conflict check) and
`editor.py` (import, autosave, picture picker)."""

from django import forms
from django.conf import settings
from django.contrib import admin
from django.contrib.admin.utils import unquote
from django.contrib.admin.views.main import ChangeList
from django.core.paginator import Paginator
from django.db.models import F, OuterRef
from django.http import Http404
from django.urls import path
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _
from js_asset import Media

from .. import permissions, revisions, workflow
from ..models import Article, ArticleTopic, Author, Byline, Correction, RelatedArticle
from ..models.articles import DESK_ORDER, RENDERING
from ..prepared import JSONRows
from . import chooser, editor, filters, history, live_preview, review, trash, widgets
from .common import ConstrainedInlineForm, SafeKeys, thumbnail


def own_author(user):
    """The pk of the author profile linked to `user`'s account, or None."""
    return Author.objects.filter(user=user).values_list("pk", flat=True).first()


class BylineInline(SafeKeys, admin.TabularInline):
    model = Byline
    form = ConstrainedInlineForm
    extra = 0
    min_num = 0
    autocomplete_fields = ["author"]
    fields = ["author", "position"]
    verbose_name = _("author")
    verbose_name_plural = _("Authors (in byline order: drag or use the arrows)")
    classes = ["ordered-inline"]  # drag or move up/down: static/js/inline-order.js

    def get_extra(self, request, obj=None, **kwargs):
        """A row on a new article for the writer's name (`ArticleAdmin.get_formset_kwargs`)."""
        if obj is None and own_author(request.user) is not None:
            return 1
        return super().get_extra(request, obj, **kwargs)


class TopicInline(SafeKeys, admin.TabularInline):
    model = ArticleTopic
    form = ConstrainedInlineForm
    extra = 0
    autocomplete_fields = ["topic"]
    fields = ["topic", "position"]
    verbose_name_plural = _("Topics (the first is the main one; used for related articles)")
    classes = ["ordered-inline"]  # drag or move up/down: static/js/inline-order.js


class RelatedArticleInline(SafeKeys, admin.TabularInline):
    model = RelatedArticle
    form = ConstrainedInlineForm
    fk_name = "from_article"
    extra = 0
    autocomplete_fields = ["to_article"]
    fields = ["to_article", "position"]
    verbose_name_plural = _("Related articles (only published ones are shown to readers)")
    classes = ["ordered-inline"]  # drag or move up/down: static/js/inline-order.js


class CorrectionInline(admin.StackedInline):
    """Editors attach public corrections and updates; they are never deleted."""

    model = Correction
    extra = 0
    formfield_overrides = widgets.DATETIME_OVERRIDES
    fields = ["kind", "text", "published_at"]
    can_delete = False


def bulk_action(move):
    """The article list's action for `move`: each selected article goes through the same
    path as its button (`review.run`), with the same message."""

    def action(model_admin, request, queryset):
        return review.bulk(model_admin, request, move, queryset)

    action.__name__ = move.name
    # Only editors' moves are offered in bulk; each article is checked again by the move.
    return admin.action(description=move.bulk, permissions=["publish"])(action)


class DeskPaginator(Paginator):
    """The desk's pages found by their keys first, then only their articles read: the order
    (`DESK_ORDER`) is read from an index in order (`article_desk_idx`), not by
    sorting every article's row (0.6 s at 100,000 on SQLite)."""

    def page(self, number):
        number = self.validate_number(number)
        start = (number - 1) * self.per_page
        keys = list(self.object_list.values_list("pk", flat=True)[start : start + self.per_page])
        found = self.object_list.filter(pk__in=keys).in_bulk()
        return self._get_page([found[key] for key in keys if key in found], number, self)


class ArticleChangeList(ChangeList):
    """The desk's list reads no body, plain text or search vector: long, and not shown.

    Each row brings its byline's names, in the editor's order, as a column of its own
    (`JSONRows`) rather than prefetched bylines: a prefetched byline points back at its
    article, and those cycles kept each page's hundred articles, with their pictures'
    rendition lists, for the garbage collector, whose full collections then cost one
    request in ten some 100 ms more (p99 3.3 × p50)."""

    def get_queryset(self, request, exclude_parameters=None):
        order = Byline._meta.ordering  # the editor's order, as everywhere else
        names = Byline.objects.filter(article=OuterRef("pk")).order_by(*order)
        return (
            super()
            .get_queryset(request, exclude_parameters)
            .defer("body", "body_text", "search_vector", *RENDERING)
            .annotate(
                byline_names=JSONRows(names.values("author__name", *order), ["author__name"], order)
            )
        )


@admin.register(Article)
class ArticleAdmin(SafeKeys, admin.ModelAdmin):
    form = history.ArticleAdminForm
    list_display = [
        "picture",
        "headline",
        "status_and_review",
        "section",
        "byline",
        "published_at",
    ]
    list_display_links = ["picture", "headline"]
    # Every filter there is; `get_list_filter` shows each only to those it applies to.
    list_filter = [
        filters.MineFilter,
        review.ReviewQueueFilter,
        filters.StatusFilter,
        "section",
        "published_at",
    ]
    search_fields = ["headline", "standfirst", "slug"]
    # No date_hierarchy: its month links come from a DISTINCT over every article (0.4 s at
    # 100,000); the publication-date filter offers today, past 7 days, month and year.
    # The count of the unfiltered list ("… of 100,000") is a second count of the archive.
    show_full_result_count = False
    prepopulated_fields = {"slug": ["headline"]}
    # The hero picture is chosen in the picture chooser (`chooser.HeroPictureWidget`); the
    # section from a plain list (a dozen names: a labelled <select> any screen reader names).
    autocomplete_fields = []
    # Status and publication date change only through the workflow buttons (articles/workflow.py).
    readonly_fields = [
        "status",
        "published_at",
        "created_at",
        "updated_at",
        "reading_stats",
        "library_pictures",
        "body_as_read",
        "length",
    ]
    inlines = [BylineInline, TopicInline, RelatedArticleInline]
    # Every move the registry offers in bulk, in its words (`workflow.MOVES`).
    actions = [bulk_action(move) for move in workflow.MOVES.values() if move.bulk]
    fieldsets = [
        (None, {"fields": ["headline", "standfirst", "body", "reading_stats", "library_pictures"]}),
        (_("Picture and place"), {"fields": ["hero_image", "section", "slug"]}),
        (_("Publication"), {"fields": ["status", "published_at", "created_at", "updated_at"]}),
    ]

    def get_queryset(self, request):
        """Only what this user may see (`permissions.visible_articles`): the list, the
        search, the autocomplete and every page found through the admin agree with it."""
        articles = permissions.visible_articles(request.user, super().get_queryset(request))
        return articles.select_related("section", "hero_image", "reviewer")

    def get_formset_kwargs(self, request, obj, inline, prefix):
        """A new article's byline starts with the writer's own author profile, if they have
        one (`Author.user`): most stories are the writer's own, and it saved three clicks."""
        kwargs = super().get_formset_kwargs(request, obj, inline, prefix)
        if obj.pk is None and isinstance(inline, BylineInline) and request.method == "GET":
            own = own_author(request.user)
            if own is not None:
                kwargs["initial"] = [{"author": own, "position": 0}]
        return kwargs

    def get_paginator(self, request, queryset, per_page, orphans=0, allow_empty_first_page=True):
        return DeskPaginator(queryset, per_page, orphans, allow_empty_first_page)

    def get_changelist(self, request, **kwargs):
        return ArticleChangeList

    @admin.display(description=_("Picture"))
    def picture(self, obj):
        return thumbnail(obj.hero_image)

    def has_change_permission(self, request, obj=None):
        if obj is None:
            return super().has_change_permission(request)
        return permissions.can_edit(request.user, obj)

    def get_inlines(self, request, obj):
        """Corrections and updates belong to articles readers can see, added by editors."""
        if obj is not None and obj.is_published and permissions.can_correct(request.user):
            return [*self.inlines, CorrectionInline]
        return self.inlines

    def get_ordering(self, request):
        """Needs action first (`DESK_ORDER`): in review, then sent back, then
        drafts, each by deadline (the nearest first), then the most recently changed; the
        review queue puts the oldest deadline first. A column header the user clicks wins."""
        if request.GET.get(review.ReviewQueueFilter.parameter_name) == "mine":
            return [F("review_deadline").asc(nulls_last=True), "updated_at"]
        return DESK_ORDER

    def get_list_filter(self, request):
        """Filters only for those they apply to: "Mine" for who writes
        (`permissions.can_write`), the review queue for reviewers (`can_review`)."""
        user = request.user
        shown = {
            filters.MineFilter: permissions.can_write(user),
            review.ReviewQueueFilter: permissions.can_review(user),
        }
        return [entry for entry in self.list_filter if shown.get(entry, True)]

    def save_model(self, request, obj, form, change):
        if not change:
            obj.created_by = request.user
        super().save_model(request, obj, form, change)
        editor.saved(obj, request.user)

    def formfield_for_dbfield(self, db_field, request, **kwargs):
        """Headline and standfirst as wide as the body they introduce."""
        if db_field.name == "headline":
            kwargs["widget"] = forms.TextInput(attrs={"class": "vTextField newsroom-headline"})
        elif db_field.name == "standfirst":
            kwargs["widget"] = forms.Textarea(attrs={"rows": 2, "class": "newsroom-standfirst"})
        elif db_field.name == "hero_image":
            formfield = super().formfield_for_dbfield(db_field, request, **kwargs)
            return chooser.hero_formfield(formfield)
        return super().formfield_for_dbfield(db_field, request, **kwargs)

    class Media:
        # Live word count, "Insert picture" and autosave (see the file); the picture chooser
        # and the live preview beside the form; dragging bylines and related articles.
        js = [
            # The desk's date and time widget (articles/admin/widgets.py) in the workflow forms.
            "admin/js/calendar.js",
            "admin/js/admin/DateTimeShortcuts.js",
            "js/workflow-confirm.js",
            "js/picture-chooser.js",
            "js/article-editor.js",
            "js/live-preview.js",
            "js/inline-order.js",
        ]
        css = {"all": ["css/article-editor.css", "css/picture-chooser.css", "css/inline-order.css"]}

    @admin.display(description=_("Length"))
    def reading_stats(self, obj):
        return editor.reading_stats(obj)

    @admin.display(description=_("Pictures in the text"))
    def library_pictures(self, obj):
        return editor.library_pictures(obj)

    @admin.display(description=_("Body"))
    def body_as_read(self, obj):
        return editor.body_as_read(obj)

    @admin.display(description=_("Length"))
    def length(self, obj):
        return editor.reading_stats(obj, editable=False)

    def save_formset(self, request, form, formset, change):
        if formset.model is Correction:
            for correction in formset.save(commit=False):
                if correction.pk is None:
                    correction.created_by = request.user
                correction.save()
            return
        super().save_formset(request, form, formset, change)

    def get_urls(self):
        transition = self.admin_site.admin_view(review.transition_view)
        return [
            path(
                "<int:object_id>/workflow/<str:action>/",
                transition,
                name="articles_article_workflow",
            ),
            *editor.urls(self),
            *chooser.urls(self),
            *live_preview.urls(self),
            *history.urls(self),
            *trash.urls(self),
            *super().get_urls(),
        ]

    def changelist_view(self, request, extra_context=None):
        extra_context = {
            "can_import": permissions.can_import(request.user),
            "trash_count": trash.trash_count(self, request),
            **(extra_context or {}),
        }
        return super().changelist_view(request, extra_context)

    # Deleting moves to the trash (`articles.trash`): nothing else is deleted with it, and its
    # history (which the database protects) stays for a restore.
    def delete_model(self, request, obj):
        trash.move_to_trash(self, request, obj)

    def delete_queryset(self, request, queryset):
        trash.move_to_trash(self, request, queryset)

    def get_deleted_objects(self, objs, request):
        return [str(obj) for obj in objs], {}, set(), []

    def delete_view(self, request, object_id, extra_context=None):
        extra_context = {"retention_days": settings.TRASH_RETENTION_DAYS, **(extra_context or {})}
        return super().delete_view(request, object_id, extra_context)

    def response_delete(self, request, obj_display, obj_id):
        return trash.moved_response(self, request, obj_display)

    def render_change_form(self, request, context, *args, **kwargs):
        """The body editor's import map is an inline script: it carries this response's
        Content-Security-Policy nonce (`newsroom.security`)."""
        context["media"] = Media.from_media(context["media"], nonce=request.csp_nonce)
        return super().render_change_form(request, context, *args, **kwargs)

    def get_fieldsets(self, request, obj=None):
        fieldsets = super().get_fieldsets(request, obj)
        if obj is None:
            return fieldsets
        if not self.has_change_permission(request, obj):
            return editor.read_only_fieldsets(fieldsets)
        return [*fieldsets, (None, {"fields": ["version"], "classes": ["hidden"]})]

    def save_related(self, request, form, formsets, change):
        super().save_related(request, form, formsets, change)
        if history.saving_pending(request, form.instance):
            return  # a live article's edit: kept as its pending version (history.py)
        revisions.record(
            form.instance, by=request.user, comment=str(_("Edited") if change else _("Created"))
        )

    def add_view(self, request, form_url="", extra_context=None):
        extra_context = {**editor.add_page_context(request), **(extra_context or {})}
        return super().add_view(request, form_url, extra_context)

    def change_view(self, request, object_id, form_url="", extra_context=None):
        article = self.get_object(request, unquote(object_id))
        if not permissions.can_preview(request.user, article):
            raise Http404  # may not see it (or there is none): told nothing, as on every page
        if revisions.goes_pending(article):  # the form opens, and saves, the pending version
            return history.pending_change_view(
                self,
                request,
                article,
                lambda context: self._change_view(
                    request, object_id, form_url, {**(extra_context or {}), **context}
                ),
            )
        return self._change_view(request, object_id, form_url, extra_context)

    def _change_view(self, request, object_id, form_url, extra_context):
        extra_context = dict(extra_context or {})
        article = self.get_object(request, unquote(object_id))
        if article is not None:
            extra_context.update(history.change_page_context(request, article))
            if request.method == "GET" and self.has_view_or_change_permission(request, article):
                editor.offer_restore(self, request, article)
            extra_context.update(review.panel_context(request, article))
        response = super().change_view(request, object_id, form_url, extra_context)
        history.show_presence(request, response)
        return response

    @admin.display(description=_("Status"), ordering="status")
    def status_and_review(self, obj):
        """A coloured badge for the state as the desk sees it (`workflow.state`), then who
        reviews it by when (`review.status_summary`)."""
        return format_html(
            '<span class="desk-status desk-status--{}">{}</span>',
            workflow.state(obj).value,
            review.status_summary(obj),
        )

    @admin.display(description=_("Byline"))
    def byline(self, obj):
        """The names `ArticleChangeList` brings with the row."""
        return ", ".join(name for (name,) in JSONRows.rows(obj.byline_names)) or "—"

    def has_publish_permission(self, request):
        return permissions.can_publish(request.user)
