from django import forms
from django.contrib import admin, messages
from django.contrib.admin.utils import unquote
from django.core.exceptions import ValidationError
from django.db.models import F, Prefetch
from django.forms.models import InlineForeignKeyField
from django.template.loader import render_to_string
from django.urls import path
from django.utils.translation import gettext_lazy as _

from . import admin_views, permissions, revisions, workflow, workflow_admin
from .models import Article, Author, Byline, Correction, ImageAsset, RelatedArticle, Section


@admin.display(description=_("Picture"))
def thumbnail(image):
    """The admin's small picture: the same credit-carrying include everywhere."""
    if image is None:
        return "—"
    return render_to_string("includes/admin_thumbnail.html", {"image": image})


@admin.register(Section)
class SectionAdmin(admin.ModelAdmin):
    list_display = ["name", "slug", "position"]
    list_editable = ["position"]
    prepopulated_fields = {"slug": ["name"]}
    search_fields = ["name"]


@admin.register(Author)
class AuthorAdmin(admin.ModelAdmin):
    list_display = ["name", "role", "user"]
    search_fields = ["name", "role"]
    prepopulated_fields = {"slug": ["name"]}
    autocomplete_fields = ["photo", "user"]
    list_select_related = ["user"]


@admin.register(ImageAsset)
class ImageAssetAdmin(admin.ModelAdmin):
    list_display = ["picture", "caption", "credit", "dimensions", "uploaded_by", "uploaded_at"]
    list_display_links = ["picture", "caption"]
    search_fields = ["caption", "credit", "alt_text"]
    list_filter = ["uploaded_at", "uploaded_by"]
    list_select_related = ["uploaded_by"]
    readonly_fields = ["preview", "dimensions", "uploaded_by", "uploaded_at"]
    fields = [
        "file",
        "preview",
        "credit",
        "caption",
        "alt_text",
        "dimensions",
        "uploaded_by",
        "uploaded_at",
    ]

    @admin.display(description=_("Picture"))
    def picture(self, obj):
        return thumbnail(obj)

    @admin.display(description=_("Preview"))
    def preview(self, obj):
        return thumbnail(obj) if obj.pk else "—"

    @admin.display(description=_("Size"))
    def dimensions(self, obj):
        return f"{obj.width} × {obj.height}" if obj.width else "—"

    def save_model(self, request, obj, form, change):
        if not change:
            obj.uploaded_by = request.user
        super().save_model(request, obj, form, change)


class ConstrainedInlineForm(forms.ModelForm):
    """Django leaves an inline's own foreign key out of model validation; our database
    constraints involve it (no self-relation), so check them once the parent exists and
    explain a refusal in the form instead of failing at the database."""

    def _post_clean(self):
        super()._post_clean()
        inline_keys = [
            name for name, field in self.fields.items() if isinstance(field, InlineForeignKeyField)
        ]
        parent_saved = all(getattr(self.instance, f"{name}_id") for name in inline_keys)
        if parent_saved and not self.errors:
            try:
                self.instance.validate_constraints()
            except ValidationError as error:
                self._update_errors(error)


class BylineInline(admin.TabularInline):
    model = Byline
    form = ConstrainedInlineForm
    extra = 0
    min_num = 0
    autocomplete_fields = ["author"]
    fields = ["author", "position"]
    verbose_name = _("author")
    verbose_name_plural = _("Authors (byline order: lowest number first)")


class RelatedArticleInline(admin.TabularInline):
    model = RelatedArticle
    form = ConstrainedInlineForm
    fk_name = "from_article"
    extra = 0
    autocomplete_fields = ["to_article"]
    fields = ["to_article", "position"]
    verbose_name_plural = _("Related articles (only published ones are shown to readers)")


class CorrectionInline(admin.StackedInline):
    """Editors attach public corrections and updates; they are never deleted."""

    model = Correction
    extra = 0
    fields = ["kind", "text", "published_at"]
    can_delete = False


@admin.register(Article)
class ArticleAdmin(admin.ModelAdmin):
    form = admin_views.ArticleAdminForm
    list_display = [
        "picture",
        "headline",
        "status_and_review",
        "section",
        "byline",
        "published_at",
    ]
    list_display_links = ["picture", "headline"]
    list_filter = [workflow_admin.ReviewQueueFilter, "status", "section", "published_at"]
    search_fields = ["headline", "standfirst", "slug"]
    date_hierarchy = "published_at"
    prepopulated_fields = {"slug": ["headline"]}
    autocomplete_fields = ["hero_image", "section"]
    # Status and publication date change only through the workflow buttons (articles/workflow.py).
    readonly_fields = ["status", "published_at", "created_at", "updated_at"]
    inlines = [BylineInline, RelatedArticleInline]
    actions = ["publish_now", "unpublish"]
    fieldsets = [
        (None, {"fields": ["headline", "standfirst", "body"]}),
        (_("Picture and place"), {"fields": ["hero_image", "section", "slug"]}),
        (_("Publication"), {"fields": ["status", "published_at", "created_at", "updated_at"]}),
    ]

    def get_queryset(self, request):
        return (
            super()
            .get_queryset(request)
            .select_related("section", "hero_image", "reviewer")
            .prefetch_related(Prefetch("bylines", queryset=Byline.objects.select_related("author")))
        )

    @admin.display(description=_("Picture"))
    def picture(self, obj):
        return thumbnail(obj.hero_image)

    def has_change_permission(self, request, obj=None):
        if obj is None:
            return super().has_change_permission(request)
        return permissions.can_edit(request.user, obj)

    def get_inlines(self, request, obj):
        """Corrections and updates belong to articles readers can see."""
        if obj is not None and obj.is_published:
            return [*self.inlines, CorrectionInline]
        return self.inlines

    def get_ordering(self, request):
        """The review queue puts the oldest deadline first."""
        if request.GET.get(workflow_admin.ReviewQueueFilter.parameter_name) == "mine":
            return [F("review_deadline").asc(nulls_last=True), "updated_at"]
        return super().get_ordering(request)

    def save_model(self, request, obj, form, change):
        if not change:
            obj.created_by = request.user
        super().save_model(request, obj, form, change)

    def save_formset(self, request, form, formset, change):
        if formset.model is Correction:
            for correction in formset.save(commit=False):
                if correction.pk is None:
                    correction.created_by = request.user
                correction.save()
            return
        super().save_formset(request, form, formset, change)

    # Workflow buttons: workflow_admin.py. Revisions, share links, presence and the
    # edit-conflict check: admin_views.py.
    def get_urls(self):
        transition = self.admin_site.admin_view(workflow_admin.transition_view)
        return [
            path(
                "<path:object_id>/workflow/<str:action>/",
                transition,
                name="articles_article_workflow",
            ),
            *admin_views.urls(self),
            *super().get_urls(),
        ]

    def get_fieldsets(self, request, obj=None):
        fieldsets = super().get_fieldsets(request, obj)
        if obj is None or not self.has_change_permission(request, obj):
            return fieldsets
        return [*fieldsets, (None, {"fields": ["version"], "classes": ["hidden"]})]

    def save_related(self, request, form, formsets, change):
        super().save_related(request, form, formsets, change)
        revisions.record(
            form.instance, by=request.user, comment=str(_("Edited") if change else _("Created"))
        )

    def change_view(self, request, object_id, form_url="", extra_context=None):
        extra_context = {
            **(extra_context or {}),
            **admin_views.change_page_context(request, object_id),
        }
        article = self.get_object(request, unquote(object_id))
        if article is not None:
            extra_context.update(workflow_admin.panel_context(request, article))
        return super().change_view(request, object_id, form_url, extra_context)

    @admin.display(description=_("Status"), ordering="status")
    def status_and_review(self, obj):
        return workflow_admin.status_summary(obj)

    @admin.display(description=_("Byline"))
    def byline(self, obj):
        return ", ".join(author.name for author in obj.byline()) or "—"

    def _run(self, request, queryset, transition, done):
        for article in queryset:
            try:
                transition(article, by=request.user)
            except workflow.TransitionError as error:
                self.message_user(request, str(error), messages.ERROR)
            else:
                self.message_user(request, done.format(article), messages.SUCCESS)

    def has_publish_permission(self, request):
        return request.user.has_perm("articles.publish_article")

    @admin.action(description=_("Publish selected articles now"), permissions=["publish"])
    def publish_now(self, request, queryset):
        self._run(request, queryset, workflow.publish, "Published “{}”.")

    @admin.action(description=_("Unpublish selected articles"), permissions=["publish"])
    def unpublish(self, request, queryset):
        self._run(request, queryset, workflow.unpublish, "Unpublished “{}”.")
