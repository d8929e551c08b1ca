"""Settings for the test suite: the real settings, with test-only speed-ups.

The database still comes from DATABASE_URL, so the same suite runs on SQLite and PostgreSQL.
"""

import os
import tempfile

os.environ.setdefault("SECRET_KEY", "tests-only-secret-key-0123456789-abcdefghijklmnopqrstuvwxyz")
os.environ.setdefault("ALLOWED_HOSTS", "testserver,localhost,127.0.0.1")
os.environ["SECURE_SSL_REDIRECT"] = "false"
os.environ["SECURE_COOKIES"] = "false"
os.environ.pop("REDIS_URL", None)

from newsroom.settings import *

PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
# Uploads never touch the real media/ folder (conftest gives each test its own folder too).
MEDIA_ROOT = tempfile.mkdtemp(prefix="newsroom-test-media-")
PRIVATE_MEDIA_ROOT = tempfile.mkdtemp(prefix="newsroom-test-originals-")
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "originals": {"BACKEND": "articles.storage.OriginalsStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
LOGGING = {"version": 1, "disable_existing_loggers": False}
# Serve static files from the app folders (no collectstatic) in tests and the live server.
WHITENOISE_AUTOREFRESH = True
WHITENOISE_USE_FINDERS = True
# Threads of the live server must not keep connections open past the test database's life.
DATABASES["default"]["CONN_MAX_AGE"] = 0
if DATABASES["default"]["ENGINE"] == "newsroom.sqlite":
    # A file, as in production: threads then take SQLite's real locks (an in-memory shared
    # cache fails at once instead of waiting), so concurrent saves are tested as served.
    DATABASES["default"]["TEST"] = {
        "NAME": os.path.join(tempfile.gettempdir(), f"newsroom-test-{os.getpid()}.sqlite3")
    }
