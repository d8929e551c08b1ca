"""`manage.py render_articles`: draw again every article whose stored parts are out of date
(`articles.fragments`): after a deploy that changed how they are drawn, say. Pages would
draw each on first sight anyway; this spares the first readers the wait."""

from django.core.management.base import BaseCommand

from articles import fragments
from articles.models import Article

BATCH = 500


class Command(BaseCommand):
    help = "Render the stored reader parts of every article that is out of date."

    def handle(self, *args, **options):
        pks = list(Article.objects.order_by("-pk").values_list("pk", flat=True))
        done = 0
        for start in range(0, len(pks), BATCH):
            done += len(fragments.refresh(pks[start : start + BATCH]))
        self.stdout.write(self.style.SUCCESS(f"Rendered {done} of {len(pks)} articles."))
