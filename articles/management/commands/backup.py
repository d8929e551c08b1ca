from pathlib import Path

from django.core.management.base import BaseCommand
from django.utils import timezone

from articles import backups


class Command(BaseCommand):
    help = (
        "Write one archive with the database's content and every media file, originals "
        "included (restore it with `manage.py restore ARCHIVE`)."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--output",
            help="Where to write the archive (default: newsroom-backup-YYYYmmdd-HHMMSS.tar.gz "
            "in the current folder).",
        )

    def handle(self, *args, **options):
        stamp = timezone.localtime().strftime("%Y%m%d-%H%M%S")
        destination = Path(options["output"] or f"newsroom-backup-{stamp}.tar.gz")
        manifest = backups.write_backup(destination)
        self.stdout.write(
            self.style.SUCCESS(
                f"Backup written to {destination} ({len(manifest['files'])} media files)."
            )
        )
