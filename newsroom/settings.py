"""Settings for newsroom, read from the environment.

`DEBUG=true` gives a development site with safe local defaults. Anything else is
production: SECRET_KEY and ALLOWED_HOSTS must then be set, or the site refuses to start.
"""

import os
import zlib
from datetime import timedelta
from pathlib import Path
from urllib.parse import urlsplit

import dj_database_url
from csp.constants import NONCE, NONE, SELF, UNSAFE_INLINE
from django.core.exceptions import ImproperlyConfigured
from django_prose_editor.config import html_tags
from js_asset import static_lazy

BASE_DIR = Path(__file__).resolve().parent.parent


def env_bool(name, default):
    value = os.environ.get(name)
    if value is None or value == "":
        return default
    if value.lower() in {"1", "true", "yes", "on"}:
        return True
    if value.lower() in {"0", "false", "no", "off"}:
        return False
    raise ImproperlyConfigured(f"{name} must be true or false, not {value!r}.")


def env_list(name, default=()):
    value = os.environ.get(name, "")
    return [item.strip() for item in value.split(",") if item.strip()] or list(default)


DEBUG = env_bool("DEBUG", False)

DEVELOPMENT_SECRET_KEY = "development-only-key-not-for-production-0123456789-abcdefghijklmnop"
SECRET_KEY = os.environ.get("SECRET_KEY", "") or (DEVELOPMENT_SECRET_KEY if DEBUG else "")


def low_entropy(key: str) -> bool:
    """Too short, too few different characters, a pattern that repeats (a random key does
    not compress) or Django's marked-insecure key."""
    return (
        len(key) < 50
        or len(set(key)) < 10
        or len(zlib.compress(key.encode(), 9)) < 0.9 * len(key)
        or key.startswith("django-insecure-")
        or key == DEVELOPMENT_SECRET_KEY
    )


if not DEBUG and low_entropy(SECRET_KEY):
    raise ImproperlyConfigured(
        "SECRET_KEY is not set to a real secret. Production (DEBUG off) needs a random "
        "SECRET_KEY of at least 50 characters in the environment, e.g. from "
        "`python -c 'import secrets; print(secrets.token_urlsafe(50))'`; "
        "for local development set DEBUG=true."
    )

ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", ["localhost", "127.0.0.1", "[::1]"] if DEBUG else [])
if not ALLOWED_HOSTS:
    raise ImproperlyConfigured(
        "ALLOWED_HOSTS is not set. Production (DEBUG off) needs the site's host names, "
        "comma-separated, e.g. ALLOWED_HOSTS=news.example.com."
    )
if not DEBUG and any(host.strip(".") in {"*", ""} for host in ALLOWED_HOSTS):
    raise ImproperlyConfigured(
        "ALLOWED_HOSTS=* accepts any Host header. Production (DEBUG off) needs the site's own "
        "host names, e.g. ALLOWED_HOSTS=news.example.com."
    )
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS")

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
    "crispy_forms",
    "crispy_bootstrap5",
    "django_prose_editor",
    "axes",
    "csp",
    "articles",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "newsroom.security.ContentSecurityPolicyMiddleware",
    "newsroom.security.PermissionsPolicyMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # Reader pages: HTTP caching, surrogate keys and the page cache (articles/caching.py).
    # After the redirect to HTTPS, before the session: a hit needs neither session nor SQL.
    "articles.caching.PageCacheMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    # Last, as django-axes asks: it answers a locked-out sign-in with the lockout page.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "newsroom.urls"
WSGI_APPLICATION = "newsroom.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "articles.context_processors.navigation",
            ],
        },
    },
]

# SQLite in the project folder unless DATABASE_URL names another database,
# e.g. postgres://user@127.0.0.1:5432/newsroom
DATABASES = {
    "default": dj_database_url.config(
        default=f"sqlite:///{BASE_DIR / 'db.sqlite3'}",
        conn_max_age=int(os.environ.get("CONN_MAX_AGE", "60")),
        conn_health_checks=True,
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql":
    # Keeps the reader pages' queries prepared on the server (newsroom/postgresql/base.py);
    # false behind a pooler that cannot keep prepared statements (PgBouncer before 1.21).
    DATABASES["default"]["ENGINE"] = "newsroom.postgresql"
    DATABASES["default"]["PREPARED_STATEMENTS"] = env_bool("DATABASE_PREPARED_STATEMENTS", True)
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    DATABASES["default"]["ENGINE"] = "newsroom.sqlite"  # keeps the planner's statistics
    # SQLite behind a web server: readers never wait for a writer (WAL), a writer waits for
    # another instead of failing ("database is locked"), and a write transaction takes the
    # lock when it begins (IMMEDIATE), so two simultaneous saves are serialized and the
    # second sees the first: it gets the edit-conflict message, not a 500.
    DATABASES["default"].setdefault("OPTIONS", {}).update(
        {
            "transaction_mode": "IMMEDIATE",
            "timeout": 20,
            # An 8 MB page cache per connection (SQLite's default is 2 MB): an author's
            # page reads some ninety article rows of about 25 KB, which a 2 MB cache could
            # not keep from one request to the next (6.3 ms of worker CPU at 100,000
            # articles, 3.0 at 2,000; in-process 4.0 → 3.0 ms with 8 MB).
            "init_command": (
                "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA cache_size=-8000;"
            ),
        }
    )
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# A shared cache (Redis) when REDIS_URL is set, else memory local to each process.
if os.environ.get("REDIS_URL"):
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": os.environ["REDIS_URL"],
            # A Redis that does not answer costs a page half a second, never a hang: what
            # is cached is best-effort (articles/presence.py) and degrades without it.
            "OPTIONS": {"socket_connect_timeout": 0.5, "socket_timeout": 0.5},
            # Several sites (or test runs) may share one Redis: each its own prefix.
            "KEY_PREFIX": os.environ.get("CACHE_KEY_PREFIX", ""),
        }
    }
else:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}

# Caching of reader pages (articles/caching.py, README "Caching"). The page cache keeps
# whole pages for anonymous readers in the cache above, for at most PAGE_CACHE_SECONDS, and
# is never stale: an edit drops what it changed. It is on by default in production with a
# shared cache (REDIS_URL) only: with memory local to each process, an edit made in another
# process (another worker, a management command) could not reach it.
PAGE_CACHE_SECONDS = int(
    os.environ.get(
        "PAGE_CACHE_SECONDS", "600" if os.environ.get("REDIS_URL") and not DEBUG else "0"
    )
)
# Cache-Control of reader pages: browsers keep them CACHE_MAX_AGE seconds, shared caches
# (Varnish, a CDN) CACHE_S_MAXAGE; either may serve a page that old while it fetches a new
# one (stale-while-revalidate), and while the site fails (stale-if-error). None of these
# reaches past the next scheduled publication.
CACHE_MAX_AGE = int(os.environ.get("CACHE_MAX_AGE", "60"))
CACHE_S_MAXAGE = int(os.environ.get("CACHE_S_MAXAGE", "600"))
CACHE_STALE_WHILE_REVALIDATE = int(os.environ.get("CACHE_STALE_WHILE_REVALIDATE", "30"))
CACHE_STALE_IF_ERROR = int(os.environ.get("CACHE_STALE_IF_ERROR", "86400"))
# The response header naming what a page shows: `xkey` for Varnish (deploy/varnish),
# `Surrogate-Key` for Fastly, `Cache-Tag` for Cloudflare (comma-separated there).
SURROGATE_KEY_HEADER = os.environ.get("SURROGATE_KEY_HEADER", "xkey")
# Where purges by tag are sent after an edit commits, e.g. http://127.0.0.1:6081/ (a
# comma-separated list for a fleet of caches); none are sent when empty.
VARNISH_PURGE_URLS = env_list("VARNISH_PURGE_URLS")

# Sign-in throttling (django-axes): a password is checked only while the account and the
# address are not locked out. Axes' backend comes first; it needs the request (the admin's
# login page gives it).
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
# After this many failed sign-ins an account is locked (from any address), and so is an
# address (for any account): guessing one password and spraying many accounts both stop.
AXES_FAILURE_LIMIT = int(os.environ.get("LOGIN_FAILURE_LIMIT", "5"))
AXES_LOCKOUT_PARAMETERS = ["username", "ip_address"]
# How long a lockout lasts; 0 keeps it until an administrator unlocks it in the admin
# (Axes › Access attempts: delete the row) or with `manage.py axes_reset_username NAME`.
_lockout_minutes = int(os.environ.get("LOGIN_LOCKOUT_MINUTES", "15"))
AXES_COOLOFF_TIME = timedelta(minutes=_lockout_minutes) if _lockout_minutes else None
AXES_RESET_ON_SUCCESS = True  # a right password (before the limit) forgets the failures
AXES_LOCKOUT_CALLABLE = "newsroom.login_throttling.locked_out"
# Behind a proxy the address is the proxy's: name the header it sets (X-Forwarded-For) and
# how many proxies are in front, or every sign-in shares one address.
AXES_CLIENT_IP_CALLABLE = "newsroom.login_throttling.client_ip"
LOGIN_CLIENT_IP_HEADER = os.environ.get("LOGIN_CLIENT_IP_HEADER", "")
LOGIN_TRUSTED_PROXIES = int(os.environ.get("LOGIN_TRUSTED_PROXIES", "1"))

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

LANGUAGE_CODE = "en-gb"
# The house date formats (newsroom/formats/en_GB/formats.py): the locale file wins over
# DATETIME_FORMAT and friends in settings, so they live in a format module of our own.
FORMAT_MODULE_PATH = ["newsroom.formats"]
TIME_ZONE = os.environ.get("TIME_ZONE", "Europe/London")
USE_I18N = True
USE_TZ = True

STATIC_URL = "static/"
STATIC_ROOT = Path(os.environ.get("STATIC_ROOT", BASE_DIR / "staticfiles"))
STATICFILES_DIRS = [BASE_DIR / "static"]
MEDIA_URL = os.environ.get("MEDIA_URL", "/media/")
MEDIA_ROOT = Path(os.environ.get("MEDIA_ROOT", BASE_DIR / "media"))
# Originals of library pictures keep the photographer's metadata (GPS, camera serial): they
# are kept outside MEDIA_ROOT, where no public address reaches them (articles/storage.py).
PRIVATE_MEDIA_ROOT = Path(os.environ.get("PRIVATE_MEDIA_ROOT", BASE_DIR / "private-media"))
if PRIVATE_MEDIA_ROOT.resolve().is_relative_to(MEDIA_ROOT.resolve()):
    raise ImproperlyConfigured(
        "PRIVATE_MEDIA_ROOT must be outside MEDIA_ROOT: whatever serves media would serve "
        "the originals, GPS positions included."
    )
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "originals": {"BACKEND": "articles.storage.OriginalsStorage"},
    "staticfiles": {
        "BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"
        if DEBUG
        else "newsroom.staticfiles.StaticFilesStorage"
    },
}

CRISPY_ALLOWED_TEMPLATE_PACKS = "bootstrap5"
CRISPY_TEMPLATE_PACK = "bootstrap5"

EMAIL_BACKEND = os.environ.get(
    "EMAIL_BACKEND",
    "django.core.mail.backends.console.EmailBackend"
    if DEBUG
    else "django.core.mail.backends.smtp.EmailBackend",
)
DEFAULT_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL", "newsroom@localhost")
EMAIL_HOST = os.environ.get("EMAIL_HOST", "localhost")
EMAIL_PORT = int(os.environ.get("EMAIL_PORT", "25"))
EMAIL_HOST_USER = os.environ.get("EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = os.environ.get("EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS", False)
EMAIL_TIMEOUT = 10

# HTTPS. Behind a TLS-terminating proxy set SECURE_PROXY_SSL_HEADER=X-Forwarded-Proto;
# to serve plain HTTP (e.g. on 127.0.0.1) set SECURE_SSL_REDIRECT=false and SECURE_COOKIES=false.
SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", not DEBUG)
if os.environ.get("SECURE_PROXY_SSL_HEADER"):
    header = "HTTP_" + os.environ["SECURE_PROXY_SSL_HEADER"].upper().replace("-", "_")
    SECURE_PROXY_SSL_HEADER = (header, "https")
SESSION_COOKIE_SECURE = env_bool("SECURE_COOKIES", not DEBUG)
CSRF_COOKIE_SECURE = SESSION_COOKIE_SECURE
SECURE_HSTS_SECONDS = int(os.environ.get("SECURE_HSTS_SECONDS", "0" if DEBUG else "31536000"))
# Both bind every subdomain, and preload for months after being undone: opt in only.
SECURE_HSTS_INCLUDE_SUBDOMAINS = env_bool("SECURE_HSTS_INCLUDE_SUBDOMAINS", False)
SECURE_HSTS_PRELOAD = env_bool("SECURE_HSTS_PRELOAD", False)
# Off by choice (above), so `check --deploy` need not say they are off.
SILENCED_SYSTEM_CHECKS = ["security.W005", "security.W021"]
SECURE_REFERRER_POLICY = "strict-origin-when-cross-origin"
X_FRAME_OPTIONS = "DENY"

# Content-Security-Policy (newsroom/security.py). Pictures may come from the media host when
# MEDIA_URL is on another origin (S3, a CDN).
_media = urlsplit(os.environ.get("MEDIA_URL", ""))
MEDIA_ORIGINS = [f"{_media.scheme}://{_media.netloc}"] if _media.netloc else []
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF],
        "style-src": [SELF],
        "img-src": [SELF, "data:", *MEDIA_ORIGINS],
        "font-src": [SELF],
        "connect-src": [SELF],
        "object-src": [NONE],
        "base-uri": [SELF],
        "form-action": [SELF],
        "frame-ancestors": [NONE],
        "report-uri": "/csp-report/",
    }
}
DESK_CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        **CONTENT_SECURITY_POLICY["DIRECTIVES"],
        "script-src": [SELF, NONCE],
        "style-src": [SELF, UNSAFE_INLINE],
        "img-src": [SELF, "data:", "blob:", *MEDIA_ORIGINS],
    }
}
PERMISSIONS_POLICY_OFF = [
    "accelerometer", "autoplay", "camera", "display-capture", "geolocation", "gyroscope",
    "magnetometer", "microphone", "midi", "payment", "usb",
]  # fmt: skip

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": os.environ.get("LOG_LEVEL", "INFO")},
}

# Newsroom
SITE_NAME = os.environ.get("SITE_NAME", "The Newsroom")
# The site's address, for links in emails (no trailing slash), e.g. https://news.example.com;
# in production it defaults to https:// and the first of ALLOWED_HOSTS.
SITE_URL = os.environ.get(
    "SITE_URL",
    "http://127.0.0.1:8000" if DEBUG else f"https://{ALLOWED_HOSTS[0].lstrip('.')}",
).rstrip("/")
# Uploads are served by Django only in development; production serves them from the
# storage (S3 via django-storages) or a web server in front.
SERVE_MEDIA = env_bool("SERVE_MEDIA", DEBUG)
ARTICLES_PER_PAGE = 20
# How long a preview share link works unless the editor chooses otherwise.
SHARE_LINK_HOURS = int(os.environ.get("SHARE_LINK_HOURS", "48"))
# How long a deleted article or picture stays restorable (articles/trash.py).
TRASH_RETENTION_DAYS = int(os.environ.get("TRASH_RETENTION_DAYS", "30"))
# Who else has an article open: heartbeats kept in the cache (Redis in production).
PRESENCE_TIMEOUT_SECONDS = 60

# The body editor's one custom extension: a picture from the library (articles/richtext.py).
DJANGO_PROSE_EDITOR_EXTENSIONS = [
    {
        "js": [static_lazy("js/library-figure.js")],
        "extensions": {"LibraryFigure": html_tags(["figure"], {"figure": ["data-image"]})},
    }
]
# The photo desk's limits for an uploaded picture (articles/imaging.py).
IMAGE_UPLOAD_MAX_BYTES = int(os.environ.get("IMAGE_UPLOAD_MAX_BYTES", 20 * 1024 * 1024))
IMAGE_MAX_PIXELS = int(os.environ.get("IMAGE_MAX_PIXELS", 50_000_000))
# Several large pictures arrive in one request on the upload page.
DATA_UPLOAD_MAX_NUMBER_FILES = 50
