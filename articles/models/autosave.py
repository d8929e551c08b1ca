from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class ArticleAutosave(models.Model):
    """What a writer had typed in the article form, saved in the background.

    Kept apart from the article: saving it changes neither the article's state nor its
    last-saved time and leaves no trace in its history. One row per article and writer;
    it is deleted when the writer saves the article or discards it.
    """

    article = models.ForeignKey(
        "articles.Article", on_delete=models.CASCADE, related_name="autosaves"
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="article_autosaves"
    )
    data = models.JSONField(_("unsaved fields"), default=dict)
    saved_at = models.DateTimeField(_("saved at"))

    class Meta:
        verbose_name = _("unsaved changes")
        verbose_name_plural = _("unsaved changes")
        constraints = [
            models.UniqueConstraint(fields=["article", "user"], name="autosave_one_per_writer"),
        ]

    def __str__(self):
        return f"{self.article} ({self.user}, {self.saved_at:%H:%M})"
