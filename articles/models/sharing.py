from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class ShareLinkQuerySet(models.QuerySet):
    def active(self):
        """Links that still open their preview: not revoked and not expired."""
        return self.filter(
            revoked_at__isnull=True,
            expires_at__gt=timezone.now(),
            article__trashed_at__isnull=True,  # an article in the trash is previewed by no one
        )


class ShareLink(models.Model):
    """A preview of one article for someone without an account (a lawyer, a source).

    The URL carries a signed token naming this row (see `articles.preview`); revoking or
    expiring the row closes the link.
    """

    article = models.ForeignKey(
        "articles.Article",
        verbose_name=_("article"),
        on_delete=models.CASCADE,
        related_name="share_links",
    )
    note = models.CharField(
        _("shared with"),
        max_length=200,
        blank=True,
        help_text=_("Who the link is for, e.g. “Legal: J. Smith” or “Source: the harbourmaster”."),
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("created by"),
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    expires_at = models.DateTimeField(_("expires"))
    revoked_at = models.DateTimeField(_("revoked"), null=True, blank=True)
    revoked_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("revoked by"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )

    objects = ShareLinkQuerySet.as_manager()

    class Meta:
        verbose_name = _("share link")
        verbose_name_plural = _("share links")
        ordering = ["-created_at"]

    def __str__(self):
        return f"{self.article} – {self.note or self.pk}"

    @property
    def is_active(self):
        return self.revoked_at is None and self.expires_at > timezone.now()
