"""Move originals kept in the public media folder into the private originals storage."""

from django.core.files.storage import default_storage
from django.core.management.base import BaseCommand

from articles import imaging
from articles.image_forms import STAGING
from articles.models import ImageAsset


class Command(BaseCommand):
    help = (
        "Move every library original (and every upload waiting for confirmation) out of the "
        "public media folder into STORAGES['originals'] (PRIVATE_MEDIA_ROOT by default), "
        "renaming any that kept the uploader's file extension. Safe to run again."
    )

    def handle(self, *args, **options):
        counts = {}
        for image in ImageAsset.objects.iterator(chunk_size=100):
            outcome = imaging.move_original(image, source=default_storage)
            if outcome not in {"moved", "renamed", "kept", "missing"}:
                self.stderr.write(f"Picture {image.pk} ({image.file.name}) left: {outcome}")
                outcome = "refused"
            counts[outcome] = counts.get(outcome, 0) + 1
        target = imaging.originals()
        if target is not default_storage:
            try:
                _, staged = default_storage.listdir(STAGING)
            except FileNotFoundError:
                staged = []
            for name in staged:  # uploads waiting for their uploader's confirmation
                path = f"{STAGING}/{name}"
                with default_storage.open(path, "rb") as file:
                    target.save(path, file)
                default_storage.delete(path)
        summary = ", ".join(f"{count} {outcome}" for outcome, count in sorted(counts.items()))
        self.stdout.write(self.style.SUCCESS(f"Originals: {summary or 'none'}."))
