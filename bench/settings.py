"""Settings of the server that bench/run starts: the production settings, read from the same
environment, with the benchmark's URLconf (the site plus the floor, bench/urls.py) and static
files collected into the benchmark's scratch folder. Nothing else uses this module."""

import os

from newsroom.settings import *  # noqa: F403

ROOT_URLCONF = "bench.urls"
STATIC_ROOT = os.environ.get("BENCH_STATIC_ROOT", STATIC_ROOT)  # noqa: F405
