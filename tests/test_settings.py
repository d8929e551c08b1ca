"""The environment alone decides between development and production."""

import os
import subprocess
import sys
from pathlib import Path

import pytest
import redis

from .ci import missing

ROOT = Path(__file__).resolve().parent.parent
# What `secrets.token_urlsafe(50)` gives: random, so it does not compress.
A_REAL_KEY = "q5J0r8nTzW4cVx_LmB2pKy7dHs9aUe3Ro6FgNi1Ct-ZwXv0QbEj8MhYl5Ik2DfSa4Ou7TnGp9"


def manage(*args, **env):
    environ = {
        k: v
        for k, v in os.environ.items()
        if k not in {"DJANGO_SETTINGS_MODULE", "DJANGO_ALLOW_ASYNC_UNSAFE"}
    }
    for key in ["DEBUG", "SECRET_KEY", "ALLOWED_HOSTS", "SECURE_SSL_REDIRECT", "SECURE_COOKIES"]:
        environ.pop(key, None)
    environ.update(env)
    return subprocess.run(
        [sys.executable, "manage.py", *args], cwd=ROOT, env=environ, capture_output=True, text=True
    )


@pytest.mark.parametrize(
    "key",
    [
        None,
        "short-key",
        "a" * 60,
        "development-only-key-not-for-production-0123456789-abcdefghijklmnop",
        # Long, but low in entropy: a short pattern repeated, or Django's insecure marker.
        "k3y-" + "abcdefghij0123456789" * 3,
        "password" * 8,
        "django-insecure-" + "x7Kp2Qm9Rt4Vw8Yz3Bn6Cd1Fg5Hj0Lq2Ms7Nu4Pv9Sx3Tw8Ya",
    ],
)
def test_production_refuses_to_start_without_a_real_secret_key(key):
    env = {"ALLOWED_HOSTS": "news.example.com"}
    if key is not None:
        env["SECRET_KEY"] = key
    result = manage("check", **env)
    assert result.returncode != 0
    assert "SECRET_KEY is not set to a real secret" in result.stderr


def test_production_refuses_to_start_without_allowed_hosts():
    result = manage("check", SECRET_KEY=A_REAL_KEY)
    assert result.returncode != 0
    assert "ALLOWED_HOSTS is not set" in result.stderr


def test_production_settings_pass_the_deployment_checklist():
    result = manage(
        "check",
        "--deploy",
        "--fail-level",
        "WARNING",
        DEBUG="False",
        SECRET_KEY=A_REAL_KEY,
        ALLOWED_HOSTS="news.example.com",
    )
    assert result.returncode == 0, result.stderr
    assert "no issues" in result.stdout


def test_development_needs_no_configuration():
    result = manage("check", DEBUG="true")
    assert result.returncode == 0, result.stderr


def redis_for_tests():
    """The Redis this test may use: TEST_REDIS_URL (.ci/run starts one and sets it; the suite's
    own REDIS_URL is removed by tests/settings.py), else the usual local one. If it does not
    answer, the test is skipped saying so, or fails under CI=true (tests/ci.py)."""
    url = os.environ.get("TEST_REDIS_URL", "redis://127.0.0.1:6379/15")
    try:
        redis.Redis.from_url(url, socket_connect_timeout=2, socket_timeout=2).ping()
    except redis.RedisError as error:
        missing(f"no Redis answers at {url} ({error}): start redis-server or set TEST_REDIS_URL")
    return url


def test_redis_url_gives_a_cache_shared_between_processes():
    """Presence and other cached state must be shared by every app server: two separate
    processes see the same cache when REDIS_URL is set."""
    env = {"DEBUG": "true", "REDIS_URL": redis_for_tests()}
    key = f"newsroom-test-{os.getpid()}"
    write = manage(
        "shell", "-c", f"from django.core.cache import cache; cache.set('{key}', 'x')", **env
    )
    assert write.returncode == 0, write.stderr
    read = manage(
        "shell", "-c", f"from django.core.cache import cache; print(cache.get('{key}'))", **env
    )
    assert read.returncode == 0, read.stderr
    assert read.stdout.strip().endswith("x")


@pytest.mark.parametrize("hosts", ["*", "news.example.com,*", ".", "*,"])
def test_production_refuses_to_accept_any_host(hosts):
    result = manage("check", SECRET_KEY=A_REAL_KEY, ALLOWED_HOSTS=hosts)
    assert result.returncode != 0
    assert "accepts any Host header" in result.stderr or "ALLOWED_HOSTS is not set" in result.stderr


def hsts(**env):
    result = manage(
        "shell",
        "-c",
        "from django.conf import settings as s; "
        "print(s.SECURE_HSTS_SECONDS, s.SECURE_HSTS_INCLUDE_SUBDOMAINS, s.SECURE_HSTS_PRELOAD)",
        SECRET_KEY=A_REAL_KEY,
        ALLOWED_HOSTS="news.example.com",
        **env,
    )
    assert result.returncode == 0, result.stderr
    return result.stdout.split()[-3:]


def test_hsts_preload_and_subdomains_are_opt_in():
    assert hsts() == ["31536000", "False", "False"]
    opted_in = hsts(SECURE_HSTS_INCLUDE_SUBDOMAINS="true", SECURE_HSTS_PRELOAD="true")
    assert opted_in == ["31536000", "True", "True"]
