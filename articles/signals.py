"""One purpose: the search index. An article's search vector holds its authors' names, so a
change to its byline, or to an author's name, stores the vector again
(`refresh_search_vector`); a deleted article leaves SQLite's FTS5 table."""

from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver

from .models import Article, Author, Byline


@receiver([post_save, post_delete], sender=Byline)
def byline_changed(sender, instance, using, **kwargs):
    Article.objects.using(using).filter(pk=instance.article_id).refresh_search_vector()


@receiver(post_save, sender=Author)
def author_changed(sender, instance, using, update_fields=None, **kwargs):
    if update_fields is None or "name" in update_fields:
        Article.objects.using(using).filter(bylines__author=instance).refresh_search_vector()


@receiver(post_delete, sender=Article)
def article_deleted(sender, instance, using, **kwargs):
    Article.objects.using(using).drop_from_sqlite_index([instance.pk])
