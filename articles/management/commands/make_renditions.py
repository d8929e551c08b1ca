"""Make the missing renditions of library pictures (e.g. after deploying new sizes)."""

from django.core.management.base import BaseCommand

from articles.models import ImageAsset
from articles.renditions import make_renditions, refresh_renditions


class Command(BaseCommand):
    help = "Make every missing rendition, so no reader waits for a picture to be processed."

    def add_arguments(self, parser):
        parser.add_argument(
            "--refresh", action="store_true", help="Make every rendition again from the original."
        )

    def handle(self, *args, refresh=False, **options):
        made = 0
        for image in ImageAsset.objects.prefetch_related("renditions").iterator(chunk_size=100):
            before = 0 if refresh else len(image.renditions.all())
            result = refresh_renditions(image) if refresh else make_renditions(image)
            made += len(result) - before
        self.stdout.write(self.style.SUCCESS(f"{made} renditions made."))
