from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from articles import backups


class Command(BaseCommand):
    help = (
        "Bring back an archive written by `manage.py backup` into an empty database (after "
        "`migrate`) and empty media folders."
    )

    def add_arguments(self, parser):
        parser.add_argument("archive", help="The .tar.gz written by `manage.py backup`.")

    def handle(self, *args, **options):
        try:
            manifest = backups.restore_backup(Path(options["archive"]))
        except backups.BackupProblem as problem:
            raise CommandError(str(problem)) from None
        self.stdout.write(
            self.style.SUCCESS(
                f"Restored the backup of {manifest['created_at']} "
                f"({len(manifest['files'])} media files)."
            )
        )
