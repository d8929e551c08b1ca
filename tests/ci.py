"""What a test does when something it needs is not on the machine (Chromium, Redis).

Outside CI it is skipped, saying what is missing and how to get it. Under CI=true (set by
.ci/run's caller and by CI services) nothing may be skipped for that reason: it fails.
"""

import os

import pytest

IN_CI = os.environ.get("CI") == "true"


def missing(reason):
    if IN_CI:
        pytest.fail(f"CI=true, so this may not be skipped: {reason}", pytrace=False)
    pytest.skip(reason)
