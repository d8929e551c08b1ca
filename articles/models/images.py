import uuid

from django.conf import settings
from django.db import models
from django.db.models.functions import Length, Trim
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


def image_upload_to(instance, filename):
    """Store originals under a date folder with a random name: no clashes, no guessing."""
    extension = filename.rsplit(".", 1)[-1].lower() if "." in filename else "jpg"
    return f"images/{timezone.now():%Y/%m}/{uuid.uuid4().hex}.{extension}"


def not_blank(field):
    return models.Q(models.lookups.GreaterThan(Length(Trim(field)), 0))


class ImageAsset(models.Model):
    """A picture in the library. Every picture belongs to someone: the credit is required."""

    file = models.ImageField(
        _("image file"), upload_to=image_upload_to, width_field="width", height_field="height"
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

    class Meta:
        verbose_name = _("image")
        verbose_name_plural = _("images")
        ordering = ["-uploaded_at", "-pk"]
        constraints = [
            models.CheckConstraint(condition=not_blank("credit"), name="image_credit_not_blank"),
            models.CheckConstraint(condition=not_blank("alt_text"), name="image_alt_not_blank"),
        ]

    def __str__(self):
        return self.caption or self.alt_text

    @property
    def credit_line(self):
        return f"Image credit: {self.credit}"
