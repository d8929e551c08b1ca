"""Create demo content: sections, authors, credited pictures and articles. Safe to run again."""

import io
import secrets
from datetime import timedelta

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.files.base import ContentFile
from django.core.management.base import BaseCommand
from django.db import transaction
from django.utils import timezone
from django.utils.html import escape
from PIL import Image, ImageDraw, ImageFont

from articles import imaging, workflow
from articles.demo_content import ARTICLES, AUTHORS, BODY_FIGURES, DRAFTS, SECTIONS
from articles.models import Article, Author, Byline, ImageAsset, RelatedArticle, Section
from articles.permissions import EDITOR, PHOTO_DESK, WRITER
from articles.richtext import figure_markup


def body_html(blocks):
    parts = []
    for kind, text, *rest in blocks:
        if kind == "figure":
            parts.append(figure_markup(text))  # text: the library picture's id
        elif kind == "quote":
            attribution = f"<p>— {escape(rest[0])}</p>" if rest else ""
            parts.append(f"<blockquote><p>“{escape(text)}”</p>{attribution}</blockquote>")
        else:
            parts.append(f"<{kind}>{escape(text)}</{kind}>")
    return "\n".join(parts)


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
    help = "Create demo sections, authors, credited images and articles (idempotent)."

    def handle(self, *args, **options):
        with transaction.atomic():
            created = self.seed()
        self.stdout.write(self.style.SUCCESS(f"Demo content ready ({created} new articles)."))
        if settings.DEBUG:
            self.create_admin()
            self.create_role_users()

    def seed(self):
        for position, (name, slug) in enumerate(SECTIONS):
            Section.objects.get_or_create(slug=slug, defaults={"name": name, "position": position})
        sections = {section.slug: section for section in Section.objects.all()}

        authors = {}
        for data in AUTHORS:
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
            authors[data["slug"]] = author

        now = timezone.now()
        created_count = 0
        for seed, data in enumerate(ARTICLES + DRAFTS):
            if Article.objects.filter(slug=data["slug"]).exists():
                continue
            picture = data["image"]
            article = Article.objects.create(
                slug=data["slug"],
                headline=data["headline"],
                standfirst=data["standfirst"],
                body=body_html(self.with_figures(data["slug"], data["body"], seed)),
                section=sections[data["section"]],
                hero_image=self.image(
                    landscape_jpeg(*picture["colours"], seed=seed),
                    credit=picture["credit"],
                    caption=picture["caption"],
                    alt=picture["alt"],
                ),
            )
            for position, slug in enumerate(data["authors"]):
                Byline.objects.create(article=article, author=authors[slug], position=position)
            if "hours_ago" in data:
                workflow.publish(article, by=None, at=now - timedelta(hours=data["hours_ago"]))
            created_count += 1

        articles = {article.slug: article for article in Article.objects.all()}
        for data in ARTICLES + DRAFTS:
            for position, slug in enumerate(data["related"]):
                RelatedArticle.objects.get_or_create(
                    from_article=articles[data["slug"]],
                    to_article=articles[slug],
                    defaults={"position": position},
                )
        return created_count

    def with_figures(self, slug, blocks, seed):
        """The body's blocks with its library pictures (BODY_FIGURES) put in place."""
        if slug not in BODY_FIGURES:
            return blocks
        before, picture = BODY_FIGURES[slug]
        image = self.image(
            landscape_jpeg(*picture["colours"], seed=seed + 100),
            credit=picture["credit"],
            caption=picture["caption"],
            alt=picture["alt"],
        )
        return [*blocks[:before], ("figure", image.pk), *blocks[before:]]

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
            self.stdout.write("Admin user “admin” already exists (password unchanged).")
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
                self.stdout.write(f"{role} user “{username}” already exists (password unchanged).")
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
