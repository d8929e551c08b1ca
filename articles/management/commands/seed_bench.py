"""Fill the database with a benchmark archive: `manage.py seed_bench --articles 2000`.

The proportions are those of the load benchmark (bench/run, bench/README.md): per 2,000
published articles of about 800 words, 50 authors and 200 credited 1600 × 900 pictures; every
article has one or two authors, exactly three related articles and a hero picture, in one of
four sections. Bodies have subheadings, a link, bold and italic, like a real story.

Everything is written with `bulk_create` in batches, so the number of queries grows with the
number of batches, not of rows: 100,000 articles take minutes. Articles go through
`Article.objects.bulk_create()`, which cleans the body and stores its plain text, word count
and reading time exactly as `save()` does.
With DEBUG on, Django keeps the SQL of every query in memory (over 1 GB at
100,000 articles): seed large archives with DEBUG off, as bench/run does.

Pictures: the first few (`DRAWN_PICTURES`) are drawn with Pillow and enter the library the one
way an upload does (`imaging.create_image`: checks, storing, every rendition). Each further
picture is its own library row with its own credit, caption and alt text, and its own full set
of rendition rows, sharing the files of one of the drawn pictures: every picture has all its
renditions, and seeding stays quick (making renditions costs about 2 s per picture).

Bench content is recognised by its names (slugs starting `bench-`, the four bench sections,
pictures credited to the bench agency, users named `bench-…`). The command replaces bench
content, and refuses a database holding anything else unless `--force`, which deletes every
article, author, picture and section first (users are left alone).
"""

import random
from datetime import timedelta

from django.contrib.auth import get_user_model
from django.core.files.base import ContentFile
from django.core.management.base import BaseCommand, CommandError
from django.db import connection, transaction
from django.utils import timezone
from django.utils.text import slugify

from articles import fragments, imaging
from articles.management.commands.seed_demo import landscape_jpeg
from articles.models import (
    Article,
    Author,
    Byline,
    ImageAsset,
    RelatedArticle,
    Rendition,
    Section,
    Status,
)
from articles.renditions import planned_specs

PREFIX = "bench-"
AGENCY = "Bench Pictures"
SECTIONS = [("News", "news"), ("Sport", "sport"), ("Business", "business"), ("Culture", "culture")]
DRAWN_PICTURES = 8
BATCH = 500
RELATED = 3

FIRST_NAMES = [
    "Amira", "Ben", "Chloe", "Dev", "Elena", "Femi", "Grace", "Hiro", "Ines", "Jonah",
    "Kasia", "Liam", "Maya", "Nikhil", "Orla", "Pavel", "Qi", "Rosa", "Samir", "Tessa",
]  # fmt: skip
LAST_NAMES = [
    "Okafor", "Lindqvist", "Moreau", "Patel", "Brennan", "Adeyemi", "Novak", "Tanaka",
    "Castillo", "Whitaker", "Haddad", "Kowalski", "O'Neill", "Ferreira", "Baptiste",
]  # fmt: skip
ROLES = ["Reporter", "Political correspondent", "Sports writer", "Business editor", "Critic"]
PLACES = ["Harbour", "Northgate", "Riverside", "Old Town", "Eastfield", "Kingsmoor", "Westbay"]
SUBJECTS = [
    "council", "ferry operator", "hospital trust", "football club", "theatre", "port authority",
    "university", "bus company", "market traders", "fire service", "library", "orchestra",
]  # fmt: skip
VERBS = [
    "approves", "delays", "rethinks", "defends", "unveils", "cuts", "doubles", "questions",
    "pauses", "backs",
]  # fmt: skip
OBJECTS = [
    "plan for new flood defences", "late-night services", "budget for next year",
    "redevelopment of the quayside", "ticket prices", "summer festival", "repairs to the pier",
    "new training ground", "parking charges", "housing scheme on the old dockyard",
]  # fmt: skip
SUBHEADINGS = [
    "What happens next", "How we got here", "The cost", "What residents say", "The numbers",
    "A long dispute", "Who decides", "The view from the harbour",
]  # fmt: skip
SENTENCES = [
    "Councillors met for more than three hours on Tuesday evening before the vote was taken.",
    "Residents who packed the public gallery applauded when the result was announced.",
    "The proposal has been discussed in one form or another for almost a decade.",
    "Officials said the work would begin in the spring if the funding is confirmed.",
    "Opposition members argued that the figures had not been checked independently.",
    "Local businesses have been asked to share their views before the end of the month.",
    "A spokesperson said the decision was the right one for the town in the long term.",
    "Campaigners said they would continue to press for a full public consultation.",
    "The cost has risen sharply since the scheme was first announced two years ago.",
    "Traders on the quayside said footfall had fallen by a third since the winter.",
    "The chief executive told the meeting that there was no realistic alternative.",
    "Figures released last week show the number of visitors has recovered strongly.",
    "Several speakers raised concerns about the effect on families with young children.",
    "The report recommends that the work is carried out in three separate phases.",
    "Engineers have warned that the existing structure will not last another ten years.",
    "Some of those who spoke said they had only heard about the plans at the weekend.",
    "Supporters say the change will bring hundreds of jobs to the area within five years.",
    "The committee will review the decision again once the first phase is complete.",
    "Bus and ferry timetables are expected to change from the start of next month.",
    "The leader of the council said she understood why people felt strongly about it.",
]
LINKS = [
    ("https://example.org/reports/quayside", "the full report"),
    ("https://example.org/council/minutes", "the published minutes"),
    ("https://example.org/consultation", "the consultation page"),
]


class Command(BaseCommand):
    help = "Fill the database with a benchmark archive of published articles (bulk writes)."

    def add_arguments(self, parser):
        parser.add_argument("--articles", type=int, default=2000, help="default 2,000")
        parser.add_argument("--authors", type=int, help="default 50 per 2,000 articles")
        parser.add_argument("--images", type=int, help="default 200 per 2,000 articles")
        parser.add_argument(
            "--picture-width",
            type=int,
            default=1600,
            help="width of the drawn pictures (16:9); default 1600. Smaller is quicker.",
        )
        parser.add_argument(
            "--force",
            action="store_true",
            help="Also run on a database with other content: deletes every article, author, "
            "picture and section first.",
        )
        parser.add_argument(
            "--reuse",
            action="store_true",
            help="Leave the database alone if it already holds exactly this bench archive.",
        )

    def handle(self, *args, articles, authors, images, picture_width, force, reuse, **options):
        authors = authors or max(2, round(articles * 50 / 2000))
        images = images or max(1, round(articles * 200 / 2000))
        if articles < RELATED + 1 or authors < 1 or picture_width < 16:
            raise CommandError(
                f"Needs at least {RELATED + 1} articles (each has {RELATED} related), "
                "one author and pictures at least 16 px wide."
            )
        size = dict(articles=articles, authors=authors, images=images, width=picture_width)
        if reuse and holds_bench_archive(**size):
            self.stdout.write(f"The database already holds this bench archive ({describe(size)}).")
            # Parts drawn by other code (an archive seeded before a change of the templates)
            # are drawn again now, as a deploy would leave them after `render_articles`.
            pks = list(Article.objects.order_by("pk").values_list("pk", flat=True))
            drawn = 0
            for start in range(0, len(pks), BATCH):
                drawn += len(fragments.refresh(pks[start : start + BATCH], bulk=True))
                if drawn and (start // BATCH) % 20 == 0:  # minutes at 100,000: say so
                    self.stdout.write(f"  stored parts drawn again: {drawn} articles so far")
                    self.stdout.flush()
            if drawn:
                self.stdout.write(f"Stored parts drawn again: {drawn} articles.")
                fresh_statistics()  # each drawn row left a dead one behind on PostgreSQL
            return
        foreign = other_content()
        if foreign and not force:
            raise CommandError(
                f"This database holds content that is not bench content ({foreign}). "
                "seed_bench replaces what is there: use an empty database, or --force to "
                "delete every article, author, picture and section first."
            )
        started = timezone.now()
        with transaction.atomic():
            delete_content()
            seed(**size)
        fresh_statistics()
        seconds = (timezone.now() - started).total_seconds()
        self.stdout.write(
            self.style.SUCCESS(f"Bench archive ready: {describe(size)} in {seconds:.0f} s.")
        )


def fresh_statistics():
    with connection.cursor() as cursor:
        # Fresh statistics for the query planner, as a database in service has: without
        # them PostgreSQL plans the reader pages' queries for empty tables (an article
        # page took 340 ms instead of 18 ms at 100,000 articles). On PostgreSQL a vacuum
        # too, as autovacuum gives a table in service: seeding leaves three dead rows per
        # article (each is written, then given its search text and parts), which counts
        # read through, and autovacuum would reclaim in the middle of a measurement.
        # (A vacuum runs outside a transaction only, so not inside a test's.)
        vacuum = connection.vendor == "postgresql" and not connection.in_atomic_block
        cursor.execute("VACUUM ANALYZE" if vacuum else "ANALYZE")


def describe(size):
    return (
        f"{size['articles']} articles, {size['authors']} authors, {size['images']} pictures "
        f"{size['width']} px wide"
    )


def other_content():
    """What in the database is not bench content, in words; empty if nothing."""
    found = {
        "articles": Article.objects.exclude(slug__startswith=PREFIX),
        "authors": Author.objects.exclude(slug__startswith=PREFIX),
        "sections": Section.objects.exclude(slug__in=[slug for _, slug in SECTIONS]),
        "pictures": ImageAsset.objects.exclude(credit__endswith=f"/ {AGENCY}"),
        "users": get_user_model().objects.exclude(username__startswith=PREFIX),
    }
    return ", ".join(name for name, queryset in found.items() if queryset.exists())


def holds_bench_archive(*, articles, authors, images, width):
    """True if the database holds exactly the archive these options would make, with the
    picture files still in storage."""
    if other_content():
        return False
    first = ImageAsset.objects.order_by("pk").first()
    if (
        Article.objects.published().count() != articles
        or Article.objects.count() != articles
        or Author.objects.count() != authors
        or ImageAsset.objects.count() != images
        or first is None
        or first.width != width
        or Rendition.objects.count() != images * len(planned_specs(first))
    ):
        return False
    rendition = first.renditions.first()
    return first.file.storage.exists(first.file.name) and rendition.file.storage.exists(
        rendition.file.name
    )


def delete_content():
    """Every article (with what hangs off it), author, picture and section."""
    Article.objects.only("pk").delete()
    Author.objects.only("pk").delete()
    ImageAsset.objects.only("pk").delete()
    Section.objects.all().delete()


def seed(*, articles, authors, images, width):
    rng = random.Random(2000)
    sections = Section.objects.bulk_create(
        Section(name=name, slug=slug, position=position)
        for position, (name, slug) in enumerate(SECTIONS)
    )
    people = Author.objects.bulk_create(
        (make_author(n, rng) for n in range(authors)), batch_size=BATCH
    )
    pictures = make_pictures(images, width=width, rng=rng)

    now = timezone.now()
    pks = []
    for start in range(0, articles, BATCH):
        batch = [
            make_article(n, rng, section=sections[n % len(sections)], picture=pictures[n % images])
            for n in range(start, min(start + BATCH, articles))
        ]
        for n, article in enumerate(batch, start):
            article.published_at = now - timedelta(minutes=n + 1)  # newest first
        pks += [article.pk for article in Article.objects.bulk_create(batch)]

    for start in range(0, articles, BATCH):  # written batch by batch: memory stays flat
        bylines, related = [], []
        for n in range(start, min(start + BATCH, articles)):
            pk, authors_count = pks[n], 2 if rng.random() < 0.4 else 1
            for position, author in enumerate(rng.sample(people, authors_count)):
                bylines.append(Byline(article_id=pk, author=author, position=position))
            # Related stories are from around the same time (never the article itself).
            for position, offset in enumerate(rng.sample(range(1, min(articles, 60)), RELATED)):
                to = pks[(n + offset) % articles]
                related.append(
                    RelatedArticle(from_article_id=pk, to_article_id=to, position=position)
                )
        Byline.objects.bulk_create(bylines)
        RelatedArticle.objects.bulk_create(related)
        # The authors' names are searchable (`refresh_search_vector`), now they are written.
        Article.objects.filter(pk__in=pks[start : start + BATCH]).refresh_search_vector()
        # What the site draws of each article when it is saved (`articles.fragments`).
        fragments.refresh(pks[start : start + BATCH], bulk=True)


def make_author(n, rng):
    name = f"{FIRST_NAMES[n % len(FIRST_NAMES)]} {LAST_NAMES[n * 7 % len(LAST_NAMES)]}"
    return Author(
        name=name,
        slug=f"{PREFIX}{slugify(name)}-{n}",
        role=rng.choice(ROLES),
        bio=f"{name} has reported on the town for the paper since {2000 + n % 25}.",
    )


def make_pictures(count, *, width, rng):
    """`count` credited pictures, each with every rendition (see the module's docstring)."""
    height = round(width * 9 / 16)
    palette = [("#87a9d6", "#2f4f2f"), ("#f4b183", "#5b3a29"), ("#9dc3e6", "#1f3864")]
    drawn = [
        imaging.create_image(
            ContentFile(
                landscape_jpeg(*palette[n % len(palette)], seed=n, size=(width, height)),
                name="bench.jpg",
            ),
            **picture_details(n, rng),
        )
        for n in range(min(count, DRAWN_PICTURES))
    ]
    copies = ImageAsset.objects.bulk_create(
        (
            ImageAsset(
                file=drawn[n % len(drawn)].file.name,
                width=drawn[n % len(drawn)].width,
                height=drawn[n % len(drawn)].height,
                # The same rendition files, so the same record of them (`renditions.index`).
                sources=drawn[n % len(drawn)].sources,
                **picture_details(n, rng),
            )
            for n in range(len(drawn), count)
        ),
        batch_size=BATCH,
    )
    renditions = {image.pk: list(image.renditions.all()) for image in drawn}
    Rendition.objects.bulk_create(
        (
            Rendition(
                image=copy,
                spec=source.spec,
                file=source.file.name,
                width=source.width,
                height=source.height,
                size=source.size,
            )
            for n, copy in enumerate(copies, len(drawn))
            for source in renditions[drawn[n % len(drawn)].pk]
        ),
        batch_size=BATCH,
    )
    return [*drawn, *copies]


def picture_details(n, rng):
    first, last = rng.choice(FIRST_NAMES), rng.choice(LAST_NAMES)
    place = rng.choice(PLACES)
    return {
        "credit": f"{first} {last} / {AGENCY}",
        "caption": f"{place} at first light, picture {n + 1}.",
        "alt_text": f"Hills and a low sun over {place}",
    }


def make_article(n, rng, *, section, picture):
    place, subject = rng.choice(PLACES), rng.choice(SUBJECTS)
    headline = f"{place} {subject} {rng.choice(VERBS)} {rng.choice(OBJECTS)}"
    return Article(
        headline=headline,
        slug=f"{PREFIX}{n}-{slugify(headline)}"[:200],
        standfirst=f"The {subject} in {place} says the decision could shape the town for years.",
        body=body(rng),
        section=section,
        hero_image=picture,
        status=Status.PUBLISHED,
    )


def body(rng, paragraphs=10, sentences=6):
    """About 800 words: paragraphs under three subheadings, with bold, italic and a link."""
    href, label = rng.choice(LINKS)
    parts = []
    for p in range(paragraphs):
        text = [rng.choice(SENTENCES) for _ in range(sentences)]
        if p == 0:
            text[0] = f"<strong>{text[0]}</strong>"
        if p == 2:
            text[1] = f'{text[1][:-1]}, according to <a href="{href}">{label}</a>.'
        if p == 4:
            text[2] = f"<em>{text[2]}</em>"
        if p in (3, 6, 8):
            parts.append(f"<h2>{rng.choice(SUBHEADINGS)}</h2>")
        parts.append(f"<p>{' '.join(text)}</p>")
    return "\n".join(parts)
