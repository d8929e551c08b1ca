from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from articles.slugs import unique_slug

from ..addresses import slug_url


class Author(models.Model):
    """A person who appears in bylines. Contributors need no staff account."""

    name = models.CharField(_("name"), max_length=120)
    slug = models.SlugField(_("slug"), max_length=120, unique=True)
    role = models.CharField(
        _("role"), max_length=120, blank=True, help_text=_("e.g. Political correspondent")
    )
    bio = models.TextField(_("bio"), blank=True)
    photo = models.ForeignKey(
        "articles.ImageAsset",
        verbose_name=_("photo"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="author_photos",
    )
    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        verbose_name=_("staff account"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="author",
    )

    class Meta:
        verbose_name = _("author")
        verbose_name_plural = _("authors")
        ordering = ["name"]

    def __str__(self):
        return self.name

    def save(self, *args, **kwargs):
        if not self.slug:
            self.slug = unique_slug(Author, self.name, exclude_pk=self.pk)
        super().save(*args, **kwargs)

    def get_absolute_url(self):
        return slug_url("articles:author", self.slug)
