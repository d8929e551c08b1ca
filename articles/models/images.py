import uuid

from django.conf import settings
from django.core.validators import MaxValueValidator
from django.db import models
from django.db.models.functions import Length, Trim
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


def image_upload_to(instance, filename):
    """Store originals under a date folder with a random name: no clashes, no guessing.

    The extension is the format `articles.imaging.check_upload` detected (every way in names
    the file `CheckedImage.filename`), never the client's: a JPEG sent as `harbour.html`
    would otherwise be served as a web page from the site's own origin. A name with any
    other extension is refused here, so a way in that skips the check cannot store it."""
    from articles.imaging import EXTENSIONS

    extension = filename.rsplit(".", 1)[-1].lower() if "." in filename else ""
    if extension not in EXTENSIONS.values():
        raise ValueError(f"{filename!r} was not named by its detected format (check_upload).")
    return f"images/{timezone.now():%Y/%m}/{uuid.uuid4().hex}.{extension}"


def originals_storage():
    """Where originals are kept: STORAGES["originals"], by default `PRIVATE_MEDIA_ROOT`
    (articles/storage.py), never under MEDIA_ROOT: originals keep the photographer's
    metadata, GPS included. Readers only ever get renditions, in the default storage."""
    from django.core.files.storage import default_storage, storages

    return storages["originals"] if "originals" in settings.STORAGES else default_storage


def not_blank(field):
    return models.Q(models.lookups.GreaterThan(Length(Trim(field)), 0))


class ImageAsset(models.Model):
    """A picture in the library. Every picture belongs to someone: the credit is required."""

    # The original as uploaded. Readers never get it: they get renditions (articles/renditions.py),
    # made with the EXIF orientation applied and every piece of metadata stripped. Width and
    # height are the oriented size, set by articles/imaging.py (the one way in).
    file = models.ImageField(
        _("image file"), upload_to=image_upload_to, storage=originals_storage, max_length=255
    )
    credit = models.CharField(
        _("credit"),
        max_length=200,
        help_text=_(
            "Who owns the picture, as readers will see it: “Image credit: …”. "
            "For example “Getty Images” or “Jane Smith / Reuters”."
        ),
    )
    caption = models.CharField(
        _("caption"),
        max_length=300,
        blank=True,
        help_text=_("Shown under the picture. Say what and where, in one sentence."),
    )
    alt_text = models.CharField(
        _("alt text"),
        max_length=300,
        help_text=_("What the picture shows, for readers who cannot see it."),
    )
    width = models.PositiveIntegerField(_("width"), editable=False, default=0)
    height = models.PositiveIntegerField(_("height"), editable=False, default=0)
    focal_x = models.PositiveSmallIntegerField(
        _("focal point across (%)"),
        default=50,
        validators=[MaxValueValidator(100)],
        help_text=_(
            "Where the picture’s subject is, from the left edge (0) to the right edge (100). "
            "Square and wide crops for listings keep this point in view. 50 is the centre."
        ),
    )
    focal_y = models.PositiveSmallIntegerField(
        _("focal point down (%)"),
        default=50,
        validators=[MaxValueValidator(100)],
        help_text=_("From the top edge (0) to the bottom edge (100). 50 is the middle."),
    )
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("uploaded by"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        editable=False,
        related_name="uploaded_images",
    )
    uploaded_at = models.DateTimeField(_("uploaded at"), default=timezone.now, editable=False)
    # What readers are sent, per variant: [[spec, file name, width, height, bytes], …] of every
    # rendition, narrowest first. Kept by `articles.renditions` whenever renditions are made or
    # removed, so a page draws a picture from this row alone (no rendition rows per request).
    sources = models.JSONField(_("renditions made"), default=dict, blank=True, editable=False)
    # Set by `articles.trash`: deleted from the library, restorable until the trash is emptied.
    trashed_at = models.DateTimeField(
        _("moved to the trash"), null=True, blank=True, editable=False
    )

    class Meta:
        verbose_name = _("image")
        verbose_name_plural = _("images")
        ordering = ["-uploaded_at", "-pk"]
        constraints = [
            models.CheckConstraint(condition=not_blank("credit"), name="image_credit_not_blank"),
            models.CheckConstraint(condition=not_blank("alt_text"), name="image_alt_not_blank"),
            models.CheckConstraint(
                condition=models.Q(focal_x__lte=100, focal_y__lte=100),
                name="image_focal_point_inside",
                violation_error_message=_("The focal point must lie inside the picture (0–100%)."),
            ),
        ]

    def __str__(self):
        # Also what the article form's image search shows: enough to pick the right one.
        return f"{self.caption or self.alt_text} ({self.credit})"

    @property
    def credit_line(self):
        """The credit as readers and editors see it, wherever a picture is shown: the one
        place this wording is written (templates use `{{ image.credit_line }}`)."""
        return f"Image credit: {self.credit}"


def rendition_upload_to(instance, filename):
    return f"renditions/{instance.image_id}/{filename}"


class Rendition(models.Model):
    """One delivered version of a library image: a size, a crop and a format.

    Made once (articles/renditions.py) and reused by every page; the pair (image, spec) is
    unique, so two requests racing to make the same rendition end up with one.
    """

    image = models.ForeignKey(ImageAsset, on_delete=models.CASCADE, related_name="renditions")
    spec = models.CharField(_("spec"), max_length=40, help_text=_("e.g. card-800.webp"))
    file = models.FileField(_("file"), upload_to=rendition_upload_to, max_length=255)
    width = models.PositiveIntegerField(_("width"))
    height = models.PositiveIntegerField(_("height"))
    size = models.PositiveIntegerField(_("bytes"))

    class Meta:
        verbose_name = _("rendition")
        verbose_name_plural = _("renditions")
        constraints = [
            models.UniqueConstraint(fields=["image", "spec"], name="rendition_unique_spec"),
        ]

    def __str__(self):
        return f"{self.image_id}: {self.spec}"

    @property
    def url(self):
        return self.file.url
