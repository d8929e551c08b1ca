from django.db import models
from django.utils.translation import gettext_lazy as _

from articles.slugs import unique_slug

from ..addresses import slug_url


class Topic(models.Model):
    """A subject that runs across sections (Flooding, Public transport …): editors tag
    articles with it, readers follow it on its page and in its feed."""

    name = models.CharField(_("name"), max_length=80, unique=True)
    slug = models.SlugField(
        _("slug"),
        max_length=80,
        unique=True,
        blank=True,
        help_text=_("The last part of the topic page’s address. Made from the name if empty."),
    )
    description = models.CharField(
        _("description"),
        max_length=300,
        blank=True,
        help_text=_("One sentence shown on the topic page and in search results."),
    )

    class Meta:
        verbose_name = _("topic")
        verbose_name_plural = _("topics")
        ordering = ["name"]

    def __str__(self):
        return self.name

    def save(self, *args, **kwargs):
        if not self.slug:
            self.slug = unique_slug(Topic, self.name, exclude_pk=self.pk)
        super().save(*args, **kwargs)

    def get_absolute_url(self):
        return slug_url("articles:topic", self.slug)


class ArticleTopic(models.Model):
    """A topic on an article, in the order the editor set (the first is the main one)."""

    article = models.ForeignKey(
        "articles.Article", on_delete=models.CASCADE, related_name="article_topics"
    )
    topic = models.ForeignKey(
        Topic, verbose_name=_("topic"), on_delete=models.PROTECT, related_name="article_topics"
    )
    position = models.PositiveSmallIntegerField(_("order"), default=0)

    class Meta:
        verbose_name = _("topic")
        verbose_name_plural = _("topics")
        ordering = ["position", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["article", "topic"],
                name="article_topic_unique",
                violation_error_message=_("This topic is already on the article."),
            ),
        ]

    def __str__(self):
        return str(self.topic)
