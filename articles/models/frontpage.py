"""The front page's editorial picks: a lead story and up to three top stories, chosen by
editors (`permissions.can_choose_front_page`), each with an optional expiry.

The home page (`articles.views.HomeView`) reads them through `FrontPageSlot.objects.active()`
and shows only picks of published articles; where a slot is empty or its pick has expired,
the newest articles fill the page as before. Changes are recorded in the article's history
by `articles.frontpage`.
"""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class Position(models.IntegerChoices):
    LEAD = 0, _("Lead story")
    TOP_1 = 1, _("Top story 1")
    TOP_2 = 2, _("Top story 2")
    TOP_3 = 3, _("Top story 3")


class FrontPageSlotQuerySet(models.QuerySet):
    def active(self, now=None):
        """Picks in force now: no expiry, or one still to come. Whether the article itself
        is public is `Article.objects.published()`'s to say (the home page asks it)."""
        return self.filter(Q(expires_at__isnull=True) | Q(expires_at__gt=now or timezone.now()))


class FrontPageSlot(models.Model):
    position = models.PositiveSmallIntegerField(
        _("place"), choices=Position.choices, unique=True, help_text=_("Where on the front page.")
    )
    article = models.ForeignKey(
        "articles.Article",
        verbose_name=_("article"),
        on_delete=models.CASCADE,
        related_name="front_page_slots",
        help_text=_("A published article. An unpublished one is not shown until it is live."),
    )
    expires_at = models.DateTimeField(
        _("until"),
        null=True,
        blank=True,
        help_text=_("Leave empty to keep it until someone changes it; the newest leads after."),
    )
    chosen_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("chosen by"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        editable=False,
        related_name="+",
    )
    chosen_at = models.DateTimeField(_("chosen"), default=timezone.now, editable=False)

    objects = FrontPageSlotQuerySet.as_manager()

    class Meta:
        verbose_name = _("front-page story")
        verbose_name_plural = _("front page")
        ordering = ["position"]
        constraints = [
            models.UniqueConstraint(
                fields=["article"],
                name="front_page_one_place_per_article",
                violation_error_message=_("This article already has a place on the front page."),
            ),
            models.CheckConstraint(condition=Q(position__lte=3), name="front_page_known_position"),
        ]

    def __str__(self):
        return f"{self.get_position_display()}: {self.article}"

    @property
    def is_active(self):
        """The same rule as `FrontPageSlotQuerySet.active()`, for one pick in hand."""
        return self.expires_at is None or self.expires_at > timezone.now()
