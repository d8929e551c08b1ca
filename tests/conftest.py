import pytest


@pytest.fixture(autouse=True)
def _media_root(settings, tmp_path):
    """Every test writes uploads to its own temporary folder, never to media/."""
    settings.MEDIA_ROOT = tmp_path / "media"
    settings.PRIVATE_MEDIA_ROOT = tmp_path / "private-media"


@pytest.fixture(autouse=True)
def _empty_cache():
    """Each test starts with an empty cache: presence and other cached state from an earlier
    test (whose article may have had the same id) must not leak in."""
    from django.core.cache import cache

    cache.clear()
    yield
    cache.clear()


@pytest.fixture(scope="session", autouse=True)
def _end_stray_database_sessions(django_db_setup, django_db_blocker):
    """Django keeps a connection per context; once Playwright's event loop runs in the test
    thread, tests after the browser tests open connections in its context that Django's
    teardown (in the outer context) cannot see. PostgreSQL then refuses to drop the test
    database. Before it is dropped, end every other session on it."""
    yield
    from django.db import connection

    if connection.vendor == "postgresql":
        with django_db_blocker.unblock(), connection.cursor() as cursor:
            cursor.execute(
                "SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
                "WHERE datname = current_database() AND pid <> pg_backend_pid()"
            )
