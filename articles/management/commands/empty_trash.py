from django.conf import settings
from django.core.management.base import BaseCommand

from articles import trash


class Command(BaseCommand):
    help = (
        "Delete for good the articles and pictures that have been in the trash longer than "
        "TRASH_RETENTION_DAYS (run it daily), or with --all everything in the trash."
    )

    def add_arguments(self, parser):
        parser.add_argument("--all", action="store_true", help="Empty the whole trash now.")

    def handle(self, *args, **options):
        removed = trash.empty(expired_only=not options["all"])
        days = settings.TRASH_RETENTION_DAYS
        kept = "" if options["all"] else f" (in the trash over {days} days)"
        self.stdout.write(f"Deleted {removed} item{'s' if removed != 1 else ''} for good{kept}.")
