"""The production server: gunicorn with `gunicorn.conf.py`, production settings, a page served."""

import os
import re
import secrets
import socket
import subprocess
import sys
import urllib.request
from pathlib import Path

from .test_settings import ROOT, manage


def test_gunicorn_serves_the_site_with_production_settings(tmp_path: Path):
    # A socket that listens before gunicorn starts (it takes it over as fd://): the first
    # request waits in its backlog until a worker answers, with no polling.
    listener = socket.create_server(("127.0.0.1", 0))
    port = listener.getsockname()[1]
    env = {
        "DEBUG": "false",
        "SECRET_KEY": secrets.token_urlsafe(60),
        "ALLOWED_HOSTS": "127.0.0.1",
        "SECURE_SSL_REDIRECT": "false",
        "DATABASE_URL": f"sqlite:///{tmp_path / 'site.sqlite3'}",
        "STATIC_ROOT": str(tmp_path / "static"),
    }
    assert manage("migrate", "--noinput", **env).returncode == 0
    assert manage("collectstatic", "--noinput", **env).returncode == 0
    environ = {
        **{k: v for k, v in os.environ.items() if k != "DJANGO_SETTINGS_MODULE"},
        **env,
        "GUNICORN_BIND": f"fd://{listener.fileno()}",
        "WEB_CONCURRENCY": "1",
    }
    gunicorn = Path(sys.executable).with_name("gunicorn")
    server = subprocess.Popen(
        [str(gunicorn), "newsroom.wsgi"],
        cwd=ROOT,
        env=environ,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
        pass_fds=[listener.fileno()],
    )
    try:
        answer = urllib.request.urlopen(f"http://127.0.0.1:{port}/", timeout=60)
        assert answer.status == 200
        page = answer.read().decode()
        assert "<html" in page
        # Static files under their hashed names (newsroom/staticfiles.py), the same on the
        # next page, and served.
        [stylesheet] = re.findall(r'href="(/static/css/site\.[0-9a-f]{12}\.css)"', page)
        again = urllib.request.urlopen(f"http://127.0.0.1:{port}/", timeout=60).read().decode()
        assert stylesheet in again
        assert urllib.request.urlopen(f"http://127.0.0.1:{port}{stylesheet}").status == 200
    finally:
        listener.close()
        server.terminate()
        log, _ = server.communicate(timeout=30)
    # The access log (gunicorn.conf.py) has the request with its time taken.
    assert '"GET / HTTP/1.1" 200' in log and "us " in log


def test_a_site_on_sqlite_loads_no_postgresql_driver():
    # psycopg and its bundled libpq and OpenSSL are 11 MB of every worker's memory, which a
    # site on SQLite never uses (issue 9's goal: a worker under 100 MB at 100,000 articles).
    # The WSGI application, the URLconf and every view module, as a worker has them.
    script = (
        "import sys\n"
        "from newsroom.wsgi import application\n"
        "from django.urls import get_resolver\n"
        "get_resolver().url_patterns\n"
        "import articles.admin, articles.feeds, articles.search, articles.sitemaps\n"
        "print(sorted(m for m in sys.modules if m.startswith('psycopg')))\n"
    )
    environ = {
        **{k: v for k, v in os.environ.items() if k != "DJANGO_SETTINGS_MODULE"},
        "DEBUG": "false",
        "SECRET_KEY": secrets.token_urlsafe(60),
        "ALLOWED_HOSTS": "127.0.0.1",
        "DATABASE_URL": "sqlite:///:memory:",
    }
    result = subprocess.run(
        [sys.executable, "-c", script], cwd=ROOT, env=environ, capture_output=True, text=True
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "[]"
