"""Create demo content: sections, authors, credited pictures and articles. Safe to run again.

The copy is data: one Markdown file per article in `articles/demo/`, in the importer's own
format, and `articles/demo/manifest.toml` for what copy does not carry (section, authors, age,
the pictures drawn here with Pillow, drafts). Each article goes the real way in: parsed and
imported by `articles.importing` (as `manage.py import_article` does), then published by
`workflow.publish` as the system, dated its age in the past. Drafts stay drafts.
"""

import io
import re
import secrets
import tomllib
from datetime import timedelta
from pathlib import Path

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.files.base import ContentFile
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from django.utils import timezone
from PIL import Image, ImageDraw, ImageFont

from articles import imaging, importing, workflow
from articles.models import (
    Article,
    ArticleTopic,
    Author,
    ImageAsset,
    RelatedArticle,
    Section,
    Topic,
)
from articles.permissions import EDITOR, PHOTO_DESK, WRITER
from articles.richtext import figure_markup

DEMO = Path(__file__).resolve().parents[2] / "demo"

# A top-level block of an imported body (the demo copy nests no quote in a quote, no list in
# a list, so the first closing tag of the same name ends the block).
BLOCK = re.compile(r"<(p|h[23]|blockquote|[ou]l|figure)\b[^>]*>.*?</\1>", re.DOTALL)


def read_manifest() -> dict:
    return tomllib.loads((DEMO / "manifest.toml").read_text(encoding="utf-8"))


def read_copy(name: str) -> importing.ParsedArticle:
    """One demo file, read and parsed exactly as `manage.py import_article` reads it."""
    path = DEMO / name
    return importing.parse(importing.read_text(path.read_bytes(), path.name), path.name)


def insert_after_block(html: str, count: int, markup: str) -> str:
    """`html` with `markup` after its first `count` top-level blocks (paragraphs, headings,
    quotes, lists): where the manifest puts a picture inside the body."""
    ends = [block.end() for block in BLOCK.finditer(html)]
    if not 1 <= count <= len(ends):
        raise CommandError(f"Cannot put a picture after block {count}: the body has {len(ends)}.")
    at = ends[count - 1]
    return f"{html[:at]}\n{markup}{html[at:]}"


def hex_to_rgb(value):
    value = value.lstrip("#")
    return tuple(int(value[i : i + 2], 16) for i in (0, 2, 4))


def landscape_jpeg(top, bottom, seed, size=(1600, 900)):
    """A real picture: a sky-to-ground gradient with a sun and hills, drawn with Pillow."""
    width, height = size
    top, bottom = hex_to_rgb(top), hex_to_rgb(bottom)
    image = Image.new("RGB", size)
    draw = ImageDraw.Draw(image)
    for y in range(height):
        t = y / (height - 1)
        draw.line(
            [(0, y), (width, y)],
            fill=tuple(round(a + (b - a) * t) for a, b in zip(top, bottom, strict=True)),
        )
    sun_x = width * (0.2 + 0.6 * ((seed * 37) % 100) / 100)
    draw.ellipse(
        [sun_x - 90, height * 0.25 - 90, sun_x + 90, height * 0.25 + 90], fill=(250, 236, 200)
    )
    for i, shade in enumerate((0.55, 0.4, 0.25)):
        colour = tuple(round(c * shade) for c in bottom)
        offset = (seed * 53 + i * 211) % width
        points = [
            (x, height * (0.55 + 0.12 * i) + 60 * ((((x + offset) / 170) % 2) - 1) ** 2)
            for x in range(0, width + 40, 40)
        ]
        draw.polygon([(0, height), *points, (width, height)], fill=colour)
    buffer = io.BytesIO()
    image.save(buffer, format="JPEG", quality=85)
    return buffer.getvalue()


def portrait_jpeg(colour, name, size=400):
    image = Image.new("RGB", (size, size), hex_to_rgb(colour))
    draw = ImageDraw.Draw(image)
    initials = "".join(word[0] for word in name.split()[:2]).upper()
    font = ImageFont.load_default(size=size // 3)
    draw.text((size / 2, size / 2), initials, fill=(255, 255, 255), font=font, anchor="mm")
    buffer = io.BytesIO()
    image.save(buffer, format="JPEG", quality=85)
    return buffer.getvalue()


class Command(BaseCommand):
    help = (
        "Create demo sections, authors, credited images and articles (idempotent). The "
        "articles are imported from articles/demo/ and published through the workflow."
    )

    def handle(self, *args, **options):
        with transaction.atomic():
            created = self.seed(read_manifest())
        self.stdout.write(self.style.SUCCESS(f"Demo content ready ({created} new articles)."))
        if settings.DEBUG:
            self.create_admin()
            self.create_role_users()

    def seed(self, manifest):
        for position, data in enumerate(manifest["sections"]):
            Section.objects.get_or_create(
                slug=data["slug"], defaults={"name": data["name"], "position": position}
            )
        sections = {section.slug: section for section in Section.objects.all()}

        for data in manifest["authors"]:
            author, created = Author.objects.get_or_create(
                slug=data["slug"],
                defaults={"name": data["name"], "role": data["role"], "bio": data["bio"]},
            )
            if created:
                author.photo = self.image(
                    portrait_jpeg(data["photo_colour"], data["name"]),
                    credit=data["photo_credit"],
                    caption=f"{data['name']}, {data['role']}",
                    alt=f"Portrait of {data['name']}",
                )
                author.save()

        now = timezone.now()
        created_count, seeded = 0, []
        for seed, entry in enumerate(manifest["articles"]):
            parsed = read_copy(entry["file"])
            # Seeded before (the importer's slug comes from the headline): leave it as it is.
            article = Article.objects.filter(headline=parsed.headline).first()
            if article is None:
                article = self.import_copy(parsed, entry, sections=sections, seed=seed)
                if not entry.get("draft"):
                    at = now - timedelta(hours=entry["hours_ago"])
                    workflow.publish(article, by=None, at=at)
                created_count += 1
            seeded.append((article, parsed))
            for position, name in enumerate(entry.get("topics", [])):
                topic, _ = Topic.objects.get_or_create(name=name)
                ArticleTopic.objects.get_or_create(
                    article=article, topic=topic, defaults={"position": position}
                )

        # The importer links only the related articles that exist when it runs; now they all do.
        for article, parsed in seeded:
            found, missing = importing.find_related(parsed.related)
            if missing:
                raise CommandError(f"{parsed.source}: no demo article is called {missing}.")
            for position, other in enumerate(found):
                link, _ = RelatedArticle.objects.get_or_create(
                    from_article=article, to_article=other, defaults={"position": position}
                )
                if link.position != position:
                    link.position = position
                    link.save(update_fields=["position"])
        return created_count

    def import_copy(self, parsed, entry, *, sections, seed):
        """A new Draft from one demo file, with its hero picture and any picture in the body."""
        inside = entry.get("body_picture")
        if inside:
            image = self.image(
                landscape_jpeg(*inside["colours"], seed=seed + 100),
                credit=inside["credit"],
                caption=inside["caption"],
                alt=inside["alt"],
            )
            parsed.body = insert_after_block(
                parsed.body, inside["after_block"], figure_markup(image.pk)
            )
        picture = entry["picture"]
        name = Path(entry["file"]).with_suffix(".jpg").name
        result = importing.import_article(
            parsed,
            section=sections[entry["section"]],
            authors=entry["authors"],
            image_file=ContentFile(landscape_jpeg(*picture["colours"], seed=seed), name=name),
        )
        # The importer captions a hero picture with the standfirst and describes it by the
        # headline; the photo desk's own caption and alt text are in the manifest.
        result.image.caption, result.image.alt_text = picture["caption"], picture["alt"]
        result.image.save(update_fields=["caption", "alt_text"])
        return result.article

    def image(self, content, *, credit, caption, alt):
        existing = ImageAsset.objects.filter(credit=credit, caption=caption).first()
        if existing:
            return existing
        return imaging.create_image(
            ContentFile(content, name="demo.jpg"), credit=credit, caption=caption, alt_text=alt
        )

    def create_admin(self):
        """Development only: an `admin` superuser, its password shown once."""
        User = get_user_model()
        if User.objects.filter(username="admin").exists():
            self.stdout.write(already_exists("Admin", "admin"))
            return
        password = secrets.token_urlsafe(12)
        User.objects.create_superuser("admin", "admin@example.com", password)
        self.stdout.write(
            self.style.WARNING(
                f"Created superuser “admin” with password: {password}\n"
                "It is shown only this once. Log in at http://127.0.0.1:8000/admin/"
            )
        )

    def create_role_users(self):
        """Development only: one user per role, so the workflow can be tried at once."""
        User = get_user_model()
        for username, role in (("writer", WRITER), ("editor", EDITOR), ("photodesk", PHOTO_DESK)):
            if User.objects.filter(username=username).exists():
                self.stdout.write(already_exists(role, username))
                continue
            password = secrets.token_urlsafe(12)
            user = User.objects.create_user(
                username,
                f"{username}@example.com",
                password,
                is_staff=True,
                first_name=f"Demo {role.lower()}",
            )
            user.groups.add(Group.objects.get(name=role))
            self.stdout.write(
                self.style.WARNING(f"Created {role} user “{username}” with password: {password}")
            )


def already_exists(role: str, username: str) -> str:
    """An existing demo user keeps its password (shown only when it was made): say how to
    choose a new one."""
    return (
        f"{role} user “{username}” already exists (password unchanged). To set a new password: "
        f"DEBUG=true .venv/bin/python manage.py changepassword {username}"
    )
