"""The benchmark's URLconf: every page of the site, plus the floor.

Mounted only by the server bench/run starts (`DJANGO_SETTINGS_MODULE=bench.settings`);
newsroom/urls.py and the production settings never include it.
"""

import functools
import os
from pathlib import Path

from django.http import HttpResponse
from django.urls import path

from newsroom.urls import urlpatterns as site

FLOOR = "bench/floor/"


def floor(request):
    """The saved bytes of an article page (the file named by BENCH_FLOOR_FILE), with no
    query and no template, through the same middleware and server as every page: what
    serving a page costs before the site does any work of its own."""
    return HttpResponse(saved_page(os.environ["BENCH_FLOOR_FILE"]))


@functools.cache
def saved_page(name):
    return Path(name).read_bytes()


urlpatterns = [path(FLOOR, floor, name="bench_floor"), *site]
