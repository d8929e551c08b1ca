from django import forms
from django.contrib import admin, messages
from django.contrib.admin.utils import unquote
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.db import transaction
from django.db.models import Count, F, Prefetch
from django.forms.models import InlineForeignKeyField
from django.http import JsonResponse
from django.shortcuts import get_object_or_404, redirect
from django.template.loader import render_to_string
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.html import format_html, format_html_join, json_script
from django.utils.safestring import mark_safe
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_POST

from . import (
    admin_views,
    imaging,
    importing,
    permissions,
    renditions,
    revisions,
    workflow,
    workflow_admin,
)
from .models import (
    Article,
    ArticleAutosave,
    Author,
    Byline,
    Correction,
    ImageAsset,
    RelatedArticle,
    Section,
)
from .richtext import figure_ids, sanitize_html


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


class CorrectionInline(admin.StackedInline):
    """Editors attach public corrections and updates; they are never deleted."""

    model = Correction
    extra = 0
    fields = ["kind", "text", "published_at"]
    can_delete = False


# The typed fields an autosave keeps (and "Restore" puts back).
AUTOSAVE_FIELDS = ("headline", "standfirst", "slug", "body")


def _clock(moment):
    """14:32 today, or 25 Nov, 14:32 on another day (the newsroom's time zone)."""
    local = timezone.localtime(moment)
    same_day = local.date() == timezone.localdate()
    return date_format(local, "H:i" if same_day else "j M, H:i")


class ImportArticleForm(forms.Form):
    file = forms.FileField(
        label=_("Text or Markdown file"),
        help_text=_(
            "A .txt file: headline on the first line, then the standfirst, an “Image Credit: …” "
            "line, paragraphs, short lines as subheadings, quoted paragraphs as quotes and a "
            "final “Related articles:” list. Or a .md file starting with “# Headline”."
        ),
        widget=forms.ClearableFileInput(attrs={"accept": ".txt,.md,.markdown,text/plain"}),
    )
    image = forms.ImageField(
        label=_("Hero picture"), required=False, help_text=_("Optional. Needs a credit.")
    )
    credit = forms.CharField(
        label=_("Picture credit"),
        max_length=200,
        required=False,
        help_text=_("Leave empty to use the file’s “Image Credit:” line."),
    )
    section = forms.ModelChoiceField(
        label=_("Section"), queryset=Section.objects.all(), empty_label=None
    )
    update = forms.BooleanField(
        label=_("Replace the text of an existing draft with the same headline"), required=False
    )

    def clean_file(self):
        upload = self.cleaned_data["file"]
        suffix = upload.name.rsplit(".", 1)[-1].lower() if "." in upload.name else ""
        if suffix not in {"txt", "md", "markdown"}:
            raise ValidationError(_("Upload a .txt or .md file."))
        try:
            text = importing.read_text(upload.read(), upload.name)
        except importing.ImportProblem as problem:
            raise ValidationError(str(problem)) from None
        try:
            self.parsed = importing.parse(text, upload.name)
        except importing.ImportProblem as problem:
            raise ValidationError(str(problem)) from None
        return upload

    def run(self, *, by):
        return importing.import_article(
            self.parsed,
            by=by,
            section=self.cleaned_data["section"],
            image_file=self.cleaned_data["image"],
            credit=self.cleaned_data["credit"],
            update=self.cleaned_data["update"],
        )


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
    readonly_fields = [
        "status",
        "published_at",
        "created_at",
        "updated_at",
        "reading_stats",
        "library_pictures",
    ]
    inlines = [BylineInline, RelatedArticleInline]
    actions = ["publish_now", "unpublish"]
    fieldsets = [
        (None, {"fields": ["headline", "standfirst", "body", "reading_stats", "library_pictures"]}),
        (_("Picture and place"), {"fields": ["hero_image", "section", "slug"]}),
        (_("Publication"), {"fields": ["status", "published_at", "created_at", "updated_at"]}),
    ]

    def get_queryset(self, request):
        return (
            super()
            .get_queryset(request)
            .select_related("section", "hero_image", "reviewer")
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
        # Saved for real: the writer's background copy has done its job.
        ArticleAutosave.objects.filter(article=obj, user=request.user).delete()

    class Media:
        # Live word count, "Insert picture" and autosave (change form only; see the file).
        js = ["js/article-editor.js"]
        css = {"all": ["css/article-editor.css"]}

    @admin.display(description=_("Length"))
    def reading_stats(self, obj):
        return format_html(
            "<span data-body-stats>{} words · {} min read</span> <span data-autosave-status "
            'aria-live="polite"></span>',
            obj.word_count if obj else 0,
            obj.reading_minutes if obj else 0,
        )

    @admin.display(description=_("Pictures in the text"))
    def library_pictures(self, obj):
        """A picker for library pictures to place in the body, and the data the editor
        needs to preview the pictures already there (credit always shown)."""
        in_body = figure_ids(obj.body) if obj and obj.pk else []
        library = ImageAsset.objects.prefetch_related("renditions")
        recent = list(library.order_by("-uploaded_at", "-pk")[:60])
        images = {image.pk: image for image in recent}
        missing = [pk for pk in in_body if pk not in images]
        images.update(library.in_bulk(missing))
        preview = {
            str(image.pk): {
                # A small rendition, not the original (which may be 12 megapixels).
                "url": renditions.renditions_for(image, "hero")[0].url,
                "alt": image.alt_text,
                "caption": image.caption,
                "credit": image.credit,
            }
            for image in images.values()
        }
        options = format_html_join(
            "",
            '<option value="{}">{} — Image credit: {}</option>',
            ((image.pk, (image.caption or image.alt_text)[:80], image.credit) for image in recent),
        )
        return format_html(
            '<div class="newsroom-picture-picker">'
            '<select data-library-picture aria-label="{}"><option value="">{}</option>{}</select> '
            '<button type="button" class="button" data-insert-picture>{}</button>'
            '<div class="help">{}</div></div>{}',
            _("Picture from the library"),
            _("Choose a picture…"),
            options,
            _("Insert picture at the cursor"),
            _(
                "The picture appears in the text with its caption and credit. To add a new "
                "picture, upload it to the image library first."
            ),
            json_script(preview, "newsroom-library-images"),
        )

    def save_formset(self, request, form, formset, change):
        if formset.model is Correction:
            for correction in formset.save(commit=False):
                if correction.pk is None:
                    correction.created_by = request.user
                correction.save()
            return
        super().save_formset(request, form, formset, change)

    # Workflow buttons: workflow_admin.py. Revisions, share links, presence and the
    # edit-conflict check: admin_views.py. Import and autosave: below.
    def get_urls(self):
        def view(function):
            return self.admin_site.admin_view(function)

        urls = [
            path(
                "<path:object_id>/workflow/<str:action>/",
                view(workflow_admin.transition_view),
                name="articles_article_workflow",
            ),
            path("import/", view(self.import_view), name="articles_article_import"),
            path(
                "<path:object_id>/autosave/",
                view(self.autosave_view),
                name="articles_article_autosave",
            ),
            path(
                "<path:object_id>/autosave/discard/",
                view(require_POST(self.discard_autosave_view)),
                name="articles_article_autosave_discard",
            ),
        ]
        return [*urls, *admin_views.urls(self), *super().get_urls()]

    def changelist_view(self, request, extra_context=None):
        extra_context = {
            "can_import": permissions.can_import(request.user),
            **(extra_context or {}),
        }
        return super().changelist_view(request, extra_context)

    def import_view(self, request):
        """Upload a .txt or .md file; it becomes a Draft owned by the writer."""
        if not permissions.can_import(request.user):
            raise PermissionDenied
        form = ImportArticleForm(request.POST or None, request.FILES or None)
        if request.method == "POST" and form.is_valid():
            try:
                result = form.run(by=request.user)
            except importing.ImportProblem as problem:
                form.add_error(None, str(problem))
            else:
                first, *details = result.report()
                report = format_html_join("", "<br>{}", ((line,) for line in details))
                self.message_user(request, format_html("{}{}", first, report), messages.SUCCESS)
                return redirect("admin:articles_article_change", result.article.pk)
        context = {
            **self.admin_site.each_context(request),
            "title": _("Import an article from a file"),
            "opts": self.opts,
            "form": form,
            "media": self.media + form.media,
        }
        return TemplateResponse(request, "admin/articles/article/import.html", context)

    def _autosave_article(self, request, object_id):
        article = get_object_or_404(Article, pk=object_id)
        if not permissions.can_edit(request.user, article):
            raise PermissionDenied
        return article

    def autosave_view(self, request, object_id):
        """POST: keep what the writer has typed, apart from the article (its status, last
        saved time and history are untouched). GET: what was kept, for "Restore"."""
        article = self._autosave_article(request, object_id)
        if request.method == "POST":
            data = {name: request.POST.get(name, "") for name in AUTOSAVE_FIELDS}
            data["body"] = sanitize_html(data["body"])
            autosave, _created = ArticleAutosave.objects.update_or_create(
                article=article,
                user=request.user,
                defaults={"data": data, "saved_at": timezone.now()},
            )
            return JsonResponse({"saved_at": _clock(autosave.saved_at)})
        autosave = get_object_or_404(ArticleAutosave, article=article, user=request.user)
        return JsonResponse({"saved_at": _clock(autosave.saved_at), "data": autosave.data})

    def discard_autosave_view(self, request, object_id):
        article = self._autosave_article(request, object_id)
        ArticleAutosave.objects.filter(article=article, user=request.user).delete()
        return JsonResponse({"discarded": True})

    def _offer_restore(self, request, object_id):
        autosave = (
            ArticleAutosave.objects.filter(article_id=object_id, user=request.user)
            .select_related("article")
            .first()
        )
        if autosave is None:
            return
        article = autosave.article
        unchanged = all(
            str(getattr(article, name)) == autosave.data.get(name, "") for name in AUTOSAVE_FIELDS
        )
        if autosave.saved_at <= article.updated_at or unchanged:
            autosave.delete()  # the article was saved since: nothing is lost
            return
        self.message_user(
            request,
            format_html(
                '{} <button type="button" class="button" data-autosave-restore>{}</button> '
                '<button type="button" class="button" data-autosave-discard>{}</button>',
                _("Restore unsaved changes from %(time)s?") % {"time": _clock(autosave.saved_at)},
                _("Restore"),
                _("Discard"),
            ),
            messages.WARNING,
        )

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
        if request.method == "GET":
            self._offer_restore(request, object_id)
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
