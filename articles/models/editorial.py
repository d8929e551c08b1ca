"""The editorial record of an article: its workflow events and its public corrections."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from .articles import Status
from .images import not_blank


class ArticleEvent(models.Model):
    """One step in an article's life (who, when, which move, from → to, note). Written only by
    `articles.workflow`, never edited, kept forever: an article with history cannot be
    deleted (archive it instead) and a user with history cannot be deleted (deactivate)."""

    article = models.ForeignKey(
        "articles.Article", on_delete=models.PROTECT, related_name="events", editable=False
    )
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("by"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        editable=False,
        related_name="article_events",
        help_text=_("Empty when the system made the change (e.g. the demo set-up)."),
    )
    at = models.DateTimeField(_("when"), default=timezone.now, editable=False)
    # The move's name in `articles.workflow.MOVES` ("submit", "withdraw", …): how the timeline
    # names the step.
    action = models.CharField(_("move"), max_length=30, blank=True, editable=False)
    from_status = models.CharField(_("from"), max_length=20, choices=Status.choices, editable=False)
    to_status = models.CharField(_("to"), max_length=20, choices=Status.choices, editable=False)
    note = models.TextField(_("note"), blank=True, editable=False)

    class Meta:
        verbose_name = _("workflow event")
        verbose_name_plural = _("workflow events")
        ordering = ["at", "pk"]
        indexes = [models.Index(fields=["article", "at"], name="event_article_at_idx")]

    def __str__(self):
        return f"{self.article}: {self.get_from_status_display()} → {self.get_to_status_display()}"


class Correction(models.Model):
    """A public note on a published article: a correction of a mistake, or an update."""

    class Kind(models.TextChoices):
        CORRECTION = "correction", _("Correction")
        UPDATE = "update", _("Update")

    article = models.ForeignKey(
        "articles.Article", on_delete=models.CASCADE, related_name="corrections"
    )
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices, default=Kind.CORRECTION)
    text = models.TextField(
        _("note for readers"),
        help_text=_(
            "Shown under the article with its time, e.g. “An earlier version of this article "
            "gave the wrong date for the vote.” Plain text."
        ),
    )
    published_at = models.DateTimeField(_("time shown"), default=timezone.now)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("added by"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        editable=False,
        related_name="+",
    )

    class Meta:
        verbose_name = _("correction or update")
        verbose_name_plural = _("corrections and updates (shown to readers)")
        ordering = ["published_at", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=not_blank("text") & Q(kind__in=["correction", "update"]),
                name="correction_has_text",
                violation_error_message=_("A correction needs a note for readers."),
            ),
        ]

    def __str__(self):
        return f"{self.get_kind_display()}: {self.text[:60]}"
