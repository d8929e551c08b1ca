from django.db import models
from django.utils.translation import gettext_lazy as _

from ..addresses import slug_url


class Section(models.Model):
    """A part of the paper: News, Sport, Culture …"""

    name = models.CharField(_("name"), max_length=80, unique=True)
    slug = models.SlugField(_("slug"), max_length=80, unique=True)
    position = models.PositiveSmallIntegerField(
        _("order"), default=0, help_text=_("Sections are listed in this order in the menu.")
    )

    class Meta:
        verbose_name = _("section")
        verbose_name_plural = _("sections")
        ordering = ["position", "name"]

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return slug_url("articles:section", self.slug)
