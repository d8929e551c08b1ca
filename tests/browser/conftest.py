"""End-to-end tests in Debian's Chromium, driven by Playwright, against the live server."""

import os
import shutil

import pytest
from playwright.sync_api import expect

from tests.ci import missing

# An `expect` waits until what it asks is true, up to this: CI's two busy cores can take more
# than Playwright's 5 s to draw a page's first answer. A passing check returns at once.
expect.set_options(timeout=15_000)

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"


@pytest.fixture(scope="session", autouse=True)
def _chromium_installed():
    """Before any browser starts: without Chromium these tests are skipped, with the reason,
    except under CI=true, where they fail (tests/ci.py)."""
    if not os.path.exists(CHROMIUM):
        missing(f"Chromium is not installed at {CHROMIUM}: apt-get install chromium")


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args):
    return {
        **browser_type_launch_args,
        "executable_path": CHROMIUM,
        "args": [
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-quic",
            "--no-first-run",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
        ],
    }


@pytest.fixture(scope="session", autouse=True)
def _allow_orm_beside_playwright():
    """Playwright's sync API keeps an event loop in the test thread from its first use to
    the end of the session; the ORM calls our tests make there are still synchronous."""
    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"
    yield
    os.environ.pop("DJANGO_ALLOW_ASYNC_UNSAFE", None)


@pytest.fixture(autouse=True)
def _quiet_page_before_flush(page):
    """Leaving a desk page sends beacons (presence, autosave) that the live server answers
    after the test body ends. Leave the page here and let them be answered, before the
    database is flushed under them ("database table is locked")."""
    yield
    page.goto("about:blank")
    page.wait_for_timeout(500)
