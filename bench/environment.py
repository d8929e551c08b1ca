"""Where the benchmark keeps its files, and the environment of everything it runs.

One place for both, used by bench/run, bench/probe.py and bench/profile_pages.py: production
settings (DEBUG off, a generated SECRET_KEY, ALLOWED_HOSTS=127.0.0.1, plain HTTP), the
benchmark's URLconf (bench/settings.py), and a database and media folder of its own under
bench/results/ (SQLite by default; DATABASE_URL for PostgreSQL) with its uploads (public and
private).
"""

import os
import secrets
from pathlib import Path
from urllib.parse import urlsplit

ROOT = Path(__file__).resolve().parent.parent
RESULTS = ROOT / "bench" / "results"


def database_url():
    return os.environ.get("DATABASE_URL") or f"sqlite:///{RESULTS / 'sqlite' / 'bench.sqlite3'}"


def label(url):
    """A short name for the database, for folders and reports: "sqlite" (the default file),
    "sqlite-<file's name>" or "postgresql-<db>". Each database has a folder of its own: a
    2,000-article archive seeded beside a 100,000-article one would replace its pictures,
    and the bigger one would be seeded again when next reused."""
    parts = urlsplit(url)
    if parts.scheme.startswith("sqlite"):
        name = Path(parts.path).stem
        return "sqlite" if name == "bench" else f"sqlite-{name}"
    return f"postgresql-{parts.path.strip('/') or 'default'}"


def bench_env(*, secret_key=None):
    """The environment of the bench server and of the scripts that read its database."""
    url = database_url()
    scratch = RESULTS / label(url)
    return {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "bench.settings",
        "DEBUG": "false",
        "SECRET_KEY": secret_key or secrets.token_urlsafe(50),
        "ALLOWED_HOSTS": "127.0.0.1",
        "SECURE_SSL_REDIRECT": "false",
        "SECURE_COOKIES": "false",
        "LOG_LEVEL": "WARNING",
        "DATABASE_URL": url,
        "MEDIA_ROOT": str(scratch / "media"),
        # The originals too: in the project's own private-media/ they were not found from
        # another checkout of the project, and seed_bench --reuse began again.
        "PRIVATE_MEDIA_ROOT": str(scratch / "private-media"),
        "BENCH_STATIC_ROOT": str(RESULTS / "static"),
        "BENCH_FLOOR_FILE": str(scratch / "floor.html"),
        "BENCH_SCRATCH": str(scratch),
        "PYTHONPATH": str(ROOT),
    }
