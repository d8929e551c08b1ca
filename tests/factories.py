"""Small, plain factories: `make_article(**overrides)` and friends."""

import io
import itertools
from datetime import timedelta

from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone
from PIL import Image

from articles.models import Article, Author, Byline, ImageAsset, RelatedArticle, Section, Status

_numbers = itertools.count(1)


def image_bytes(width=64, height=48, colour=(180, 40, 40), format="JPEG"):
    """A real picture made in memory with Pillow."""
    buffer = io.BytesIO()
    Image.new("RGB", (width, height), colour).save(buffer, format=format)
    return buffer.getvalue()


def image_upload(name="photo.jpg", **kwargs):
    return SimpleUploadedFile(name, image_bytes(**kwargs), content_type="image/jpeg")


def make_image(*, renditions=True, **overrides):
    """A library picture, through the same path as an upload (its renditions made).

    `renditions=False` stores the row alone, like a picture from before renditions existed.
    """
    from articles import imaging

    n = next(_numbers)
    fields = {
        "credit": f"Photographer {n} / Test Agency",
        "caption": f"Caption number {n}",
        "alt_text": f"Alt text number {n}",
    }
    fields.update(overrides)
    file = fields.pop("file", None) or image_upload(f"photo-{n}.jpg")
    if renditions:
        return imaging.create_image(file, **fields)
    return ImageAsset.objects.create(file=file, **fields)


def make_section(**overrides):
    n = next(_numbers)
    fields = {"name": f"Section {n}", "slug": f"section-{n}", "position": n}
    fields.update(overrides)
    return Section.objects.create(**fields)


def make_author(**overrides):
    n = next(_numbers)
    fields = {"name": f"Author {n}", "slug": f"author-{n}", "role": "Reporter"}
    fields.update(overrides)
    return Author.objects.create(**fields)


def make_article(*, authors=(), related=(), published=True, **overrides):
    """An article; published an hour ago unless `published=False` (a draft)."""
    n = next(_numbers)
    fields = {
        "headline": f"Headline number {n}",
        "standfirst": f"Standfirst number {n}.",
        "body": f"<p>Body paragraph number {n}.</p>",
    }
    if published:
        fields["status"] = Status.PUBLISHED
        fields["published_at"] = timezone.now() - timedelta(hours=1)
    fields.update(overrides)
    if "section" not in fields:
        fields["section"] = make_section()
    article = Article.objects.create(**fields)
    for position, author in enumerate(authors):
        Byline.objects.create(article=article, author=author, position=position)
    for position, other in enumerate(related):
        RelatedArticle.objects.create(from_article=article, to_article=other, position=position)
    return article


def make_user(role=None, **overrides):
    """A staff user in one of the newsroom's roles ("Writer", "Editor", "Photo desk")."""
    from django.contrib.auth.models import Group, User

    n = next(_numbers)
    fields = {"username": f"user{n}", "email": f"user{n}@example.com", "is_staff": True}
    fields.update(overrides)
    user = User.objects.create_user(password="pw", **fields)
    if role:
        user.groups.add(Group.objects.get(name=role))
    return user
