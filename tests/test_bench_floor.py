"""The benchmark's floor (bench/urls.py) exists only on the server bench/run starts."""

from pathlib import Path

import pytest
from django.urls import NoReverseMatch, reverse

pytestmark = pytest.mark.django_db


def test_the_site_does_not_serve_the_floor(client, settings):
    assert settings.ROOT_URLCONF == "newsroom.urls"
    assert client.get("/bench/floor/").status_code == 404
    with pytest.raises(NoReverseMatch):
        reverse("bench_floor")


def test_the_bench_server_serves_the_saved_page_without_a_query(
    client, settings, tmp_path, monkeypatch, django_assert_num_queries
):
    page = tmp_path / "floor.html"
    page.write_bytes(b"<!doctype html><title>A saved article page</title>")
    monkeypatch.setenv("BENCH_FLOOR_FILE", str(page))
    settings.ROOT_URLCONF = "bench.urls"

    with django_assert_num_queries(0):
        response = client.get("/bench/floor/")
    assert response.status_code == 200
    assert response.content == page.read_bytes()
    assert client.get("/").status_code == 200  # the rest of the site is there too


def test_the_bench_keeps_its_uploads_with_its_database(monkeypatch):
    """Pictures and originals live beside the bench database in bench/results/, not in the
    project's media/ and private-media/: a bench archive is whole wherever it is reused."""
    from bench.environment import RESULTS, bench_env

    monkeypatch.setenv("DATABASE_URL", "postgres://postgres@127.0.0.1:5432/newsroom_bench")
    env = bench_env()
    scratch = RESULTS / "postgresql-newsroom_bench"
    assert Path(env["MEDIA_ROOT"]) == scratch / "media"
    assert Path(env["PRIVATE_MEDIA_ROOT"]) == scratch / "private-media"


def test_each_bench_database_has_its_own_uploads(monkeypatch):
    """Two SQLite bench archives (2,000 and 100,000 articles) never share a media folder."""
    from bench.environment import RESULTS, bench_env

    monkeypatch.delenv("DATABASE_URL", raising=False)
    default = bench_env()
    monkeypatch.setenv("DATABASE_URL", f"sqlite:///{RESULTS / 'sqlite' / 'bench100k.sqlite3'}")
    bigger = bench_env()
    assert Path(default["MEDIA_ROOT"]) == RESULTS / "sqlite" / "media"
    assert Path(bigger["MEDIA_ROOT"]) == RESULTS / "sqlite-bench100k" / "media"
    assert Path(bigger["PRIVATE_MEDIA_ROOT"]) == RESULTS / "sqlite-bench100k" / "private-media"
