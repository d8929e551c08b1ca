from django.apps import AppConfig
from django.db.models.signals import post_migrate, pre_save


def sync_role_groups(sender, **kwargs):
    from django.contrib.auth.models import Group, Permission

    from .permissions import sync_roles

    sync_roles(Group, Permission)


class ArticlesConfig(AppConfig):
    name = "articles"
    verbose_name = "Newsroom"

    def ready(self):
        # After `migrate` (and each test-database flush) keep the role groups complete.
        post_migrate.connect(sync_role_groups, sender=self)
        # Text no feed or database can carry is removed before any row is stored.
        from .text import clean_model_text

        for model in self.get_models():
            pre_save.connect(clean_model_text, sender=model, dispatch_uid=f"clean-{model}")
        # Pillow refuses to decode pictures bigger than the photo desk accepts.
        from django.conf import settings
        from PIL import Image

        Image.MAX_IMAGE_PIXELS = settings.IMAGE_MAX_PIXELS
        # A byline or an author's name is part of an article's search vector (signals); an
        # edit drops the cached pages that show what it changed (invalidation) and makes the
        # articles it touches render their stored parts again (fragments).
        from . import fragments, invalidation, signals  # noqa: F401
