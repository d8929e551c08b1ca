"""`manage.py import_article FILE`: a plain-text or Markdown file becomes a Draft."""

from pathlib import Path

from django.core.files import File
from django.core.management.base import BaseCommand, CommandError
from django.urls import reverse

from articles.importing import (
    ImportProblem,
    find_owner,
    find_section,
    import_article,
    parse,
    read_text,
)


class Command(BaseCommand):
    help = (
        "Import an article from a plain-text (.txt) or Markdown (.md) file as a Draft. "
        "Reports what it recognised; never publishes."
    )

    def add_arguments(self, parser):
        parser.add_argument("file", help="The .txt or .md file.")
        parser.add_argument("--image", help="A picture file to use as the hero image.")
        parser.add_argument(
            "--credit", help="The picture's credit (else the file's “Image Credit:” line)."
        )
        parser.add_argument(
            "--author",
            action="append",
            default=[],
            dest="authors",
            metavar="NAME",
            help="An author for the byline (repeat for more); found by name or created.",
        )
        parser.add_argument("--section", help="The section's slug (default: the first section).")
        parser.add_argument(
            "--owner",
            metavar="USERNAME",
            help="The writer who owns the draft and may edit it (default: the staff account "
            "linked to the first --author, if any; otherwise only editors can edit it).",
        )
        parser.add_argument(
            "--update",
            action="store_true",
            help="If a draft with this headline's slug exists, replace its text.",
        )

    def handle(self, *args, file, image, credit, authors, section, owner, update, **options):
        path = Path(file)
        try:
            data = path.read_bytes()
        except OSError as error:
            raise CommandError(f"Cannot read {file}: {error.strerror or error}.") from None
        try:
            parsed = parse(read_text(data, path.name), path.name)
            target_section = find_section(section)
            arguments = {
                "section": target_section,
                "owner": find_owner(owner, authors),
                "authors": authors,
                "credit": credit or "",
                "update": update,
            }
            if image:
                try:
                    image_handle = open(image, "rb")  # noqa: SIM115 (closed below)
                except OSError as error:
                    raise ImportProblem(
                        f"Cannot read the picture {image}: {error.strerror or error}."
                    ) from None
                with image_handle:
                    picture = File(image_handle, name=Path(image).name)
                    result = import_article(parsed, image_file=picture, **arguments)
            else:
                result = import_article(parsed, **arguments)
        except ImportProblem as problem:
            raise CommandError(str(problem)) from None
        for line in result.report():
            self.stdout.write(line)
        change_url = reverse("admin:articles_article_change", args=[result.article.pk])
        self.stdout.write(self.style.SUCCESS(f"Draft saved; edit it at {change_url}"))
