from django import forms
from django.contrib import admin
from django.core.exceptions import PermissionDenied
from django.core.files.uploadedfile import UploadedFile
from django.db import transaction
from django.db.models import Count, F
from django.http import FileResponse, Http404
from django.template.loader import render_to_string
from django.urls import path, reverse
from django.utils.html import format_html, format_html_join
from django.utils.safestring import mark_safe
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from .. import imaging, permissions, renditions
from ..models import Article, ImageAsset
from . import trash
from .common import SafeKeys, thumbnail

# The picture formats the library stores (`imaging.EXTENSIONS`), as served to staff.
ORIGINAL_TYPES = {"jpg": "image/jpeg", "png": "image/png", "webp": "image/webp", "gif": "image/gif"}


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
        if "credit" not in self.fields:
            return  # read-only view (an editor or writer looking at the library)
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
            file.name = self.checked.filename  # stored by what it is, not what it is called
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


def _article_link(article):
    return reverse("admin:articles_article_change", args=[article.pk])


def uses(image, user) -> list[str]:
    """Where `image` appears, one line of HTML each: the articles `user` may see by headline
    and state, the others only counted (a draft's or an embargoed article's headline is not
    the photo desk's to read), then author photos."""
    newest_first = F("published_at").desc(nulls_first=True)
    found = [(a, _("hero image")) for a in image.hero_articles.order_by(newest_first)] + [
        (a, _("in the body")) for a in image.articles_in_body.order_by(newest_first)
    ]
    ids = [a.pk for a, _where in found]
    public = Article.objects.published().filter(pk__in=ids)
    seen = permissions.visible_articles(user).filter(pk__in=ids)
    visible = {*public.values_list("pk", flat=True), *seen.values_list("pk", flat=True)}
    lines = [
        format_html(
            '<a href="{}">{}</a> ({} · {})',
            _article_link(a),
            a.headline,
            where,
            a.get_status_display(),
        )
        for a, where in found
        if a.pk in visible
    ]
    hidden = len({a.pk for a, _where in found} - visible)
    if hidden:
        lines.append(
            format_html(
                "{}",
                ngettext(
                    "%(count)d article not yet published",
                    "%(count)d articles not yet published",
                    hidden,
                )
                % {"count": hidden},
            )
        )
    lines += [
        format_html(
            '<a href="{}">{}</a> ({})',
            reverse("admin:articles_author_change", args=[a.pk]),
            a.name,
            _("author photo"),
        )
        for a in image.author_photos.all()
    ]
    return lines


@admin.register(ImageAsset)
class ImageAssetAdmin(SafeKeys, admin.ModelAdmin):
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
    # Only people who have uploaded something, not every account.
    list_filter = ["credit", ("uploaded_by", admin.RelatedOnlyFieldListFilter), "uploaded_at"]
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
            .filter(trashed_at__isnull=True)  # the trash has its own page (`admin/trash.py`)
            .annotate(
                use_count=Count("hero_articles", distinct=True)
                + Count("author_photos", distinct=True)
                + Count("body_uses", distinct=True)
            )
            .order_by(*ImageAsset._meta.ordering)  # a grouped query drops the default order
        )

    @admin.display(description=_("Used"), ordering="use_count")
    def uses(self, obj):
        """Hero images, author photos and articles showing it in their body."""
        return obj.use_count or "—"

    def get_object(self, request, object_id, from_field=None):
        """The picture, knowing who looks at it: "Used in" names only the articles they may
        see (`permissions.visible_articles`)."""
        image = super().get_object(request, object_id, from_field)
        if image is not None:
            image.viewer = request.user
        return image

    @admin.display(description=_("Used in"))
    def used_in(self, obj):
        """Where the picture appears; a picture in use cannot be deleted."""
        if not obj.pk:
            return "—"
        lines = uses(obj, getattr(obj, "viewer", None))
        if not lines:
            return _("Not used yet.")
        return format_html_join(mark_safe("<br>"), "{}", ((line,) for line in lines))

    @admin.display(description=_("Picture"))
    def picture(self, obj):
        return thumbnail(obj)

    @admin.display(description=_("Preview"))
    def preview(self, obj):
        """The picture with its focal point; a click on the subject moves the point."""
        if not obj.pk:
            return "—"
        picture = renditions.jpeg(obj, "hero", min_width=480)
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

    # What is in use was refused before this point: the database protects it (PROTECT) and
    # the confirmation page lists where it is used. The rest goes to the trash; its files
    # go when the trash is emptied (`articles.trash`).
    def delete_model(self, request, obj):
        trash.move_to_trash(self, request, obj)

    def delete_queryset(self, request, queryset):
        trash.move_to_trash(self, request, queryset)

    def response_delete(self, request, obj_display, obj_id):
        return trash.moved_response(self, request, obj_display)

    def get_urls(self):
        original = self.admin_site.admin_view(self.original_view)
        return [
            *trash.urls(self),
            path("original/<path:name>", original, name="articles_imageasset_original"),
            *super().get_urls(),
        ]

    def original_view(self, request, name):
        """An original, to staff who may see it (`permissions.can_see_original`): it lives
        outside MEDIA_ROOT (articles/storage.py) and this is the only way to it."""
        image = ImageAsset.objects.filter(file=name).first()
        if image is None:
            raise Http404
        if not permissions.can_see_original(request.user):
            raise PermissionDenied
        extension = name.rsplit(".", 1)[-1].lower()
        content_type = ORIGINAL_TYPES.get(extension, "application/octet-stream")
        response = FileResponse(image.file.open("rb"), content_type=content_type)
        response["X-Content-Type-Options"] = "nosniff"
        response["Cache-Control"] = "private, no-store"
        return response

    def changelist_view(self, request, extra_context=None):
        context = {
            "can_upload": permissions.can_upload(request.user),
            "trash_count": trash.trash_count(self, request),
            **(extra_context or {}),
        }
        return super().changelist_view(request, context)
