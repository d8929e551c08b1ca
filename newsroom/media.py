"""Uploaded media as Django serves them in development (`SERVE_MEDIA`).

Only the picture formats the library stores are served as what they are; anything else
that finds its way into the media folder is sent as a download, never as a page of this
site. Every response says `nosniff` (the browser must not guess a type) and carries a
sandboxing Content-Security-Policy. A production web server in front must send the same:
see "Serving media in production" in the README.
"""

from django.conf import settings
from django.http import Http404
from django.views.static import serve

# The content types of the formats `articles.imaging` accepts (and renditions are made in).
SAFE_TYPES = frozenset({"image/jpeg", "image/png", "image/webp", "image/gif", "image/avif"})
MEDIA_CSP = "default-src 'none'; img-src 'self'; style-src 'unsafe-inline'; sandbox"


def serve_media(request, path):
    """`MEDIA_ROOT` as it is now (tests move it), and only while `SERVE_MEDIA` is on."""
    if not settings.SERVE_MEDIA:
        raise Http404("Media are served by the web server in front.")
    response = serve(request, path, document_root=settings.MEDIA_ROOT)
    if response.get("Content-Type", "").split(";")[0].strip() not in SAFE_TYPES:
        response["Content-Type"] = "application/octet-stream"
        response["Content-Disposition"] = "attachment"
    response["X-Content-Type-Options"] = "nosniff"
    response["Content-Security-Policy"] = MEDIA_CSP
    return response
