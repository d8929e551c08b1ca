"""The static files' storage in production: WhiteNoise's compressed files under hashed names,
each name's address looked up once per process.

The manifest of hashed names is read once, when the process starts, so a name's address
cannot change while it runs; Django's storage still parses, cleans and looks the name up on
every `{% static %}` (15 µs, six on every page)."""

from django.conf import settings
from whitenoise.storage import CompressedManifestStaticFilesStorage


class StaticFilesStorage(CompressedManifestStaticFilesStorage):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._addresses = {}

    def url(self, name, force=False):
        if settings.DEBUG:  # unhashed names, as Django serves them in development
            return super().url(name, force)
        address = self._addresses.get((name, force))
        if address is None:
            address = self._addresses[(name, force)] = super().url(name, force)
        return address
