"""Backup and restore (issue 13, item 10): `manage.py backup` writes one archive with the
database's content and every media file; `manage.py restore ARCHIVE` brings it back into an
empty database and empty media folders. A body arriving through `loaddata` or a restore is
cleaned like any other."""

import hashlib
import io
import json
import re
import shutil
import tarfile
from pathlib import Path

import pytest
from django.core.cache import cache
from django.core.management import CommandError, call_command
from django.urls import reverse

from articles.models import Article, Author, Section

from .factories import make_article, make_image

PAGE_TIMESTAMPS = re.compile(r"<lastBuildDate>[^<]*</lastBuildDate>")


def site_pages():
    urls = [reverse("articles:home"), reverse("articles:feed"), reverse("sitemap")]
    urls += [a.get_absolute_url() for a in Article.objects.published()]
    for section in Section.objects.all():
        urls += [section.get_absolute_url(), reverse("articles:section_feed", args=[section.slug])]
    urls += [a.get_absolute_url() for a in Author.objects.filter(articles__isnull=False).distinct()]
    urls += [reverse("articles:search") + "?q=the"]
    return sorted(set(urls))


def render_all(client):
    pages = {}
    for url in site_pages():
        response = client.get(url)
        assert response.status_code == 200, url
        pages[url] = PAGE_TIMESTAMPS.sub("", response.content.decode())
    return pages


def media_files(root):
    root = Path(root)
    return {
        path.relative_to(root).as_posix(): hashlib.sha256(path.read_bytes()).hexdigest()
        for path in sorted(root.rglob("*"))
        if path.is_file()
    }


@pytest.mark.django_db(transaction=True)
def test_the_seeded_site_restored_gives_the_same_pages_and_files(client, settings, tmp_path):
    call_command("seed_demo", stdout=io.StringIO())
    pages = render_all(client)
    files = media_files(settings.MEDIA_ROOT)
    originals = media_files(settings.PRIVATE_MEDIA_ROOT)  # kept apart from public media
    assert len(pages) > 10 and files and originals
    archive = tmp_path / "site.tar.gz"
    call_command("backup", output=str(archive), stdout=io.StringIO())

    # A new, empty database (as `migrate` leaves it) and an empty media folder.
    call_command("flush", interactive=False, verbosity=0)
    shutil.rmtree(settings.MEDIA_ROOT)
    shutil.rmtree(settings.PRIVATE_MEDIA_ROOT)
    cache.clear()
    assert not Article.objects.exists()
    output = io.StringIO()
    call_command("restore", str(archive), stdout=output)
    assert "Restored the backup" in output.getvalue()
    cache.clear()

    assert render_all(client) == pages  # byte for byte
    assert media_files(settings.MEDIA_ROOT) == files
    assert media_files(settings.PRIVATE_MEDIA_ROOT) == originals
    # New rows get new ids after a restore (PostgreSQL's sequences were moved on).
    assert make_article(headline="After the restore").pk > max(
        Article.objects.exclude(headline="After the restore").values_list("pk", flat=True)
    )


@pytest.mark.django_db
def test_restore_refuses_a_database_that_is_not_empty(tmp_path):
    make_article(headline="Already here")
    archive = tmp_path / "site.tar.gz"
    call_command("backup", output=str(archive), stdout=io.StringIO())
    with pytest.raises(CommandError, match="The database is not empty"):
        call_command("restore", str(archive))
    assert Article.objects.count() == 1


@pytest.mark.django_db(transaction=True)
def test_restore_refuses_a_media_folder_that_is_not_empty(settings, tmp_path):
    make_image()
    archive = tmp_path / "site.tar.gz"
    call_command("backup", output=str(archive), stdout=io.StringIO())
    call_command("flush", interactive=False, verbosity=0)
    with pytest.raises(CommandError, match="is not empty: restore into an empty one"):
        call_command("restore", str(archive))


def write_archive(path, members):
    with tarfile.open(path, "w:gz") as archive:
        for name, content in members.items():
            info = tarfile.TarInfo(name)
            info.size = len(content)
            archive.addfile(info, io.BytesIO(content))


@pytest.mark.django_db
def test_restore_refuses_a_bad_archive_with_a_clear_message(tmp_path, settings):
    not_an_archive = tmp_path / "notes.tar.gz"
    not_an_archive.write_text("hello")
    with pytest.raises(CommandError, match="is not a backup archive"):
        call_command("restore", str(not_an_archive))
    with pytest.raises(CommandError, match="is not a backup archive"):
        call_command("restore", str(tmp_path / "missing.tar.gz"))

    data = b'<?xml version="1.0" encoding="utf-8"?><django-objects version="1.0"/>'
    sneaky = tmp_path / "sneaky.tar.gz"
    manifest = {
        "format": "newsroom-backup/1",
        "created_at": "2026-01-01T00:00:00+00:00",
        "data_sha256": hashlib.sha256(data).hexdigest(),
        "files": {"media/../../escaped.txt": hashlib.sha256(b"x").hexdigest()},
    }
    write_archive(
        sneaky,
        {
            "manifest.json": json.dumps(manifest).encode(),
            "data.xml": data,
            "media/../../escaped.txt": b"x",
        },
    )
    with pytest.raises(CommandError, match="outside the media folders"):
        call_command("restore", str(sneaky))
    assert not (Path(settings.MEDIA_ROOT).parent.parent / "escaped.txt").exists()


@pytest.mark.django_db
def test_a_body_loaded_from_a_fixture_is_cleaned_like_any_other(client, tmp_path):
    section = Section.objects.create(name="News", slug="news")
    fixture = tmp_path / "story.json"
    fixture.write_text(
        json.dumps(
            [
                {
                    "model": "articles.article",
                    "pk": 900,
                    "fields": {
                        "headline": "Loaded from a fixture",
                        "slug": "loaded-from-a-fixture",
                        "standfirst": "",
                        "body": '<p>Hello</p><script>alert("owned")</script>'
                        '<p onclick="steal()">there</p>',
                        "section": section.pk,
                        "status": "published",
                        "published_at": "2026-01-01T00:00:00Z",
                        "created_at": "2026-01-01T00:00:00Z",
                        "updated_at": "2026-01-01T00:00:00Z",
                    },
                }
            ]
        )
    )
    call_command("loaddata", str(fixture), verbosity=0)
    article = Article.objects.get(pk=900)
    assert "<script" not in article.body and "onclick" not in article.body
    assert article.word_count == 2  # what is stored beside the body is made from it too
    page = client.get(article.get_absolute_url()).text
    assert "alert(" not in page and "steal()" not in page
    assert "<p>Hello</p>" in page
