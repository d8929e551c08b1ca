"""Where originals live: a folder no public address reaches (`PRIVATE_MEDIA_ROOT`).

An original keeps what the camera wrote (GPS position, camera serial, the photographer's
name), so it is never under `MEDIA_ROOT`, which a web server serves to anyone. Staff who may
see it open it through the admin (`ImageAssetAdmin.original_view`), which is what `url()`
points to; readers only ever get renditions, in the default storage.
"""

import os

from django.conf import settings
from django.core.files.storage import FileSystemStorage
from django.urls import reverse


class OriginalsStorage(FileSystemStorage):
    # Read at each use, not once, so that a changed setting (a test's folder) is followed.
    @property
    def base_location(self):
        return self._value_or_setting(self._location, settings.PRIVATE_MEDIA_ROOT)

    @property
    def location(self):
        return os.path.abspath(self.base_location)

    def url(self, name):
        return reverse("admin:articles_imageasset_original", args=[name])
