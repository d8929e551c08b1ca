"""Sign-in throttling (issue 13, item 6): unlimited password guesses were accepted (300 in a
row, then the right one worked). Tried through the admin's own login page."""

import pytest
import time_machine
from axes.models import AccessAttempt
from django.urls import reverse
from django.utils import timezone
from pytest_django.asserts import assertContains

from .factories import make_user

pytestmark = pytest.mark.django_db

LOGIN = reverse("admin:login")


def sign_in(client, username, password, address="203.0.113.7"):
    return client.post(
        LOGIN,
        {"username": username, "password": password, "next": "/admin/"},
        REMOTE_ADDR=address,
    )


def signed_in(response):
    return response.status_code == 302 and response["Location"] == "/admin/"


def test_twenty_wrong_passwords_lock_the_account_even_against_the_right_one(client, settings):
    make_user("Editor", username="mara")
    answers = [sign_in(client, "mara", f"guess-{n}") for n in range(20)]
    assert all(not signed_in(answer) for answer in answers)
    assert answers[settings.AXES_FAILURE_LIMIT - 1].status_code == 429
    response = sign_in(client, "mara", "pw")
    assert not signed_in(response)
    assert response.status_code == 429
    assertContains(response, "Signing in is paused", status_code=429)
    assertContains(response, "ask an administrator", status_code=429)


def test_the_account_is_locked_from_every_address(client):
    make_user("Editor", username="mara")
    for n in range(5):
        sign_in(client, "mara", "wrong", address=f"198.51.100.{n}")
    assert sign_in(client, "mara", "pw", address="192.0.2.99").status_code == 429


def test_an_address_trying_many_accounts_is_locked(client):
    make_user("Editor", username="mara")
    for n in range(5):
        sign_in(client, f"someone-{n}", "wrong", address="203.0.113.50")
    assert sign_in(client, "mara", "pw", address="203.0.113.50").status_code == 429
    assert signed_in(sign_in(client, "mara", "pw", address="203.0.113.51"))


def test_a_few_mistakes_then_the_right_password_still_work(client):
    make_user("Editor", username="mara")
    for _ in range(3):
        assertContains(sign_in(client, "mara", "wrong"), "Please enter the correct username")
    assert signed_in(sign_in(client, "mara", "pw"))


def test_the_lockout_ends_after_the_cool_off(client, settings):
    make_user("Editor", username="mara")
    for _ in range(5):
        sign_in(client, "mara", "wrong")
    later = timezone.now() + settings.AXES_COOLOFF_TIME
    with time_machine.travel(later, tick=False):
        assert signed_in(sign_in(client, "mara", "pw"))


def test_an_administrator_unlocks_an_account_in_the_admin(client):
    make_user("Editor", username="mara")
    for _ in range(5):
        sign_in(client, "mara", "wrong")
    admin = make_user(is_superuser=True)
    client.force_login(admin)
    attempts = client.get(reverse("admin:axes_accessattempt_changelist"))
    assertContains(attempts, "mara")
    attempt = AccessAttempt.objects.get(username="mara")
    client.post(reverse("admin:axes_accessattempt_delete", args=[attempt.pk]), {"post": "yes"})
    client.logout()
    assert signed_in(sign_in(client, "mara", "pw"))


def test_the_address_behind_a_proxy_is_the_one_the_proxy_saw(client, settings):
    settings.LOGIN_CLIENT_IP_HEADER = "X-Forwarded-For"
    settings.LOGIN_TRUSTED_PROXIES = 1
    make_user("Editor", username="mara")
    for n in range(5):
        # The client writes its own "address" first; the proxy appends the real one.
        client.post(
            LOGIN,
            {"username": f"someone-{n}", "password": "wrong"},
            REMOTE_ADDR="10.0.0.1",
            HTTP_X_FORWARDED_FOR=f"192.0.2.{n}, 203.0.113.9",
        )
    # The address the proxy saw is locked; another user behind the same proxy is not.
    response = client.post(
        LOGIN,
        {"username": "mara", "password": "pw", "next": "/admin/"},
        REMOTE_ADDR="10.0.0.1",
        HTTP_X_FORWARDED_FOR="198.51.100.1",
    )
    assert signed_in(response)
    assert AccessAttempt.objects.filter(ip_address="203.0.113.9").exists()
