"""Who has the article open, with the real page: reloading or saving keeps you listed even
though the old page's "leaving" beacon reaches the server after the new page said hello."""

import pytest
from playwright.sync_api import Page

from articles import presence
from tests.factories import make_article, make_user

from .test_desk_workflow import log_in

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def beacons(monkeypatch):
    """The "leaving" beacons the server received (the real `presence.leave` still runs;
    Playwright does not see requests sent by a page that is going away)."""
    received = []
    leave = presence.leave

    def recorded(*args, **kwargs):
        leave(*args, **kwargs)
        received.append(kwargs.get("page"))

    monkeypatch.setattr(presence, "leave", recorded)
    return received


def wait_for_beacon(page: Page, beacons, count):
    for _ in range(50):
        if len(beacons) >= count:
            return
        page.wait_for_timeout(100)
    raise AssertionError("The page sent no “leaving” beacon.")


def test_reloading_and_saving_keep_me_listed_and_leaving_does_not(live_server, page: Page, beacons):
    alice = make_user("Editor", first_name="Alice", last_name="Ames")
    bob = make_user("Editor")
    article = make_article(published=False, headline="Pier reopens")
    log_in(page, live_server, alice)
    page.goto(f"{live_server.url}/admin/articles/article/{article.pk}/change/")
    assert presence.touch(article.pk, bob) == ["Alice Ames"]

    page.reload()
    wait_for_beacon(page, beacons, 1)
    assert presence.touch(article.pk, bob) == ["Alice Ames"]

    page.click("input[name=_continue]")  # Save and continue editing
    page.wait_for_selector(".messagelist")
    wait_for_beacon(page, beacons, 2)
    assert presence.touch(article.pk, bob) == ["Alice Ames"]

    page.goto(f"{live_server.url}/admin/")
    wait_for_beacon(page, beacons, 3)
    assert presence.touch(article.pk, bob) == []
