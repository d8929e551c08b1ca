from django import forms
from django.contrib import admin, messages
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.db import transaction
from django.db.models import Count, Prefetch
from django.forms.models import InlineForeignKeyField
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils.html import format_html_join
from django.utils.safestring import mark_safe
from django.utils.translation import gettext_lazy as _

from . import imaging, permissions, renditions, workflow
from .models import Article, Author, Byline, ImageAsset, RelatedArticle, Section


@admin.display(description=_("Picture"))
def thumbnail(image):
    """The admin's small picture: the same credit-carrying include everywhere (a small
    rendition, never the full-size original)."""
    if image is None:
        return "—"
    small = next(r for r in renditions.renditions_for(image, "card") if r.spec.endswith(".jpg"))
    return render_to_string("includes/admin_thumbnail.html", {"image": image, "small": small})


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


class ImageAssetForm(forms.ModelForm):
    """The admin's picture form: the same checks as the upload page (articles/imaging.py);
    an empty credit or caption is taken from the file's own metadata when it has one."""

    file = forms.FileField(
        label=_("Image file"),
        help_text=_("A JPEG, PNG, WebP or GIF. To add several at once, use the upload page."),
    )

    class Meta:
        model = ImageAsset
        fields = ["file", "credit", "caption", "alt_text", "focal_x", "focal_y"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.checked = None
        self.fields["credit"].required = False
        for name in ("focal_x", "focal_y"):  # left empty: the centre
            self.fields[name].required = False
        self.fields["credit"].help_text += str(
            _(" Left empty, the credit written in the file (IPTC/XMP/EXIF) is used.")
        )

    def clean_file(self):
        file = self.cleaned_data["file"]
        if isinstance(file, UploadedFile):
            self.checked = imaging.check_upload(file)
        return file

    def clean(self):
        cleaned = super().clean()
        for name in ("focal_x", "focal_y"):
            if cleaned.get(name) is None:
                cleaned[name] = 50
        metadata = self.checked.metadata if self.checked else {}
        for name in ("credit", "caption"):
            if not (cleaned.get(name) or "").strip() and metadata.get(name):
                cleaned[name] = metadata[name]
        if not (cleaned.get("credit") or "").strip() and "file" not in self.errors:
            self.add_error(
                "credit",
                _("Add a credit: every picture belongs to someone, and this file names no one."),
            )
        return cleaned


@admin.register(ImageAsset)
class ImageAssetAdmin(admin.ModelAdmin):
    form = ImageAssetForm
    change_list_template = "admin/articles/imageasset/change_list.html"
    list_display = [
        "picture",
        "caption",
        "credit",
        "dimensions",
        "uses",
        "uploaded_by",
        "uploaded_at",
    ]
    list_display_links = ["picture", "caption"]
    search_fields = ["caption", "credit", "alt_text"]
    list_filter = ["credit", "uploaded_by", "uploaded_at"]
    list_select_related = ["uploaded_by"]
    readonly_fields = ["preview", "dimensions", "used_in", "uploaded_by", "uploaded_at"]
    fieldsets = [
        (None, {"fields": ["file", "credit", "caption", "alt_text"]}),
        (
            _("Crops"),
            {
                "fields": ["preview", "focal_x", "focal_y"],
                "description": _(
                    "Listings show this picture cropped wide (16:9) and square (1:1). Set the "
                    "focal point to the subject, e.g. a face, and the crops keep it in view."
                ),
            },
        ),
        (None, {"fields": ["dimensions", "used_in", "uploaded_by", "uploaded_at"]}),
    ]

    def get_queryset(self, request):
        return (
            super()
            .get_queryset(request)
            .prefetch_related("renditions")
            .annotate(
                use_count=Count("hero_articles", distinct=True)
                + Count("author_photos", distinct=True)
            )
            .order_by(*ImageAsset._meta.ordering)  # a grouped query drops the default order
        )

    @admin.display(description=_("Used"), ordering="use_count")
    def uses(self, obj):
        return obj.use_count or "—"

    @admin.display(description=_("Used in"))
    def used_in(self, obj):
        """Where the picture appears; a picture in use cannot be deleted."""
        if not obj.pk:
            return "—"
        uses = [
            (reverse("admin:articles_article_change", args=[a.pk]), a.headline, _("hero image"))
            for a in obj.hero_articles.order_by("-published_at")
        ] + [
            (reverse("admin:articles_author_change", args=[a.pk]), a.name, _("author photo"))
            for a in obj.author_photos.all()
        ]
        if not uses:
            return _("Not used yet.")
        return format_html_join(mark_safe("<br>"), '<a href="{}">{}</a> ({})', uses)

    @admin.display(description=_("Picture"))
    def picture(self, obj):
        return thumbnail(obj)

    @admin.display(description=_("Preview"))
    def preview(self, obj):
        """The picture with its focal point; a click on the subject moves the point."""
        if not obj.pk:
            return "—"
        hero = [r for r in renditions.renditions_for(obj, "hero") if r.spec.endswith(".jpg")]
        picture = next((r for r in hero if r.width >= 480), hero[-1])
        return render_to_string(
            "admin/articles/imageasset/focal_point.html", {"image": obj, "picture": picture}
        )

    @admin.display(description=_("Size"))
    def dimensions(self, obj):
        return f"{obj.width} × {obj.height}" if obj.width else "—"

    def save_model(self, request, obj, form, change):
        if not change:
            obj.uploaded_by = request.user
        new_file = form.checked is not None
        if new_file:
            obj.width, obj.height = form.checked.width, form.checked.height
        old_file = ImageAsset.objects.get(pk=obj.pk).file.name if change and new_file else None
        with imaging.files_removed_on_failure() as stored:
            super().save_model(request, obj, form, change)
            if new_file:
                stored.append((obj.file.storage, obj.file.name))
            if new_file or {"focal_x", "focal_y"} & set(form.changed_data):
                renditions.refresh_renditions(obj, stored=stored)
        if old_file:
            storage = obj.file.storage
            transaction.on_commit(lambda: storage.delete(old_file))

    def delete_model(self, request, obj):
        imaging.delete_image(obj)

    def delete_queryset(self, request, queryset):
        for image in queryset:
            imaging.delete_image(image)


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


@admin.register(Article)
class ArticleAdmin(admin.ModelAdmin):
    list_display = ["picture", "headline", "status", "section", "byline", "published_at"]
    list_display_links = ["picture", "headline"]
    list_filter = ["status", "section", "published_at"]
    search_fields = ["headline", "standfirst", "slug"]
    date_hierarchy = "published_at"
    prepopulated_fields = {"slug": ["headline"]}
    autocomplete_fields = ["hero_image", "section"]
    readonly_fields = ["status", "created_at", "updated_at"]
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
            .select_related("section", "hero_image")
            .prefetch_related(
                Prefetch("bylines", queryset=Byline.objects.select_related("author")),
                "hero_image__renditions",
            )
        )

    @admin.display(description=_("Picture"))
    def picture(self, obj):
        return thumbnail(obj.hero_image)

    def has_change_permission(self, request, obj=None):
        if obj is None:
            return super().has_change_permission(request)
        return permissions.can_edit(request.user, obj)

    def save_model(self, request, obj, form, change):
        if not change:
            obj.created_by = request.user
        super().save_model(request, obj, form, change)

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

    @admin.action(description=_("Publish selected articles now"))
    def publish_now(self, request, queryset):
        self._run(request, queryset, workflow.publish, "Published “{}”.")

    @admin.action(description=_("Unpublish selected articles"))
    def unpublish(self, request, queryset):
        self._run(request, queryset, workflow.unpublish, "Unpublished “{}”.")
