"""Sign-in throttling's two hooks into django-axes (settings: `AXES_*`, `LOGIN_*`).

`client_ip` is the address a sign-in comes from, for the lockout by address. Directly on
the internet it is REMOTE_ADDR. Behind proxies (LOGIN_CLIENT_IP_HEADER, e.g. X-Forwarded-For,
and LOGIN_TRUSTED_PROXIES, how many of them) it is the address the nearest trusted proxy
saw: the list's entry that many places from its end. Entries further left were written by
the client and are not believed. `locked_out` is the page a locked-out sign-in gets.
"""

from django.conf import settings
from django.shortcuts import render


def client_ip(request) -> str:
    header = settings.LOGIN_CLIENT_IP_HEADER
    if header:
        meta = "HTTP_" + header.upper().replace("-", "_")
        hops = [hop.strip() for hop in request.META.get(meta, "").split(",") if hop.strip()]
        if len(hops) >= settings.LOGIN_TRUSTED_PROXIES > 0:
            return hops[-settings.LOGIN_TRUSTED_PROXIES]
    return request.META.get("REMOTE_ADDR", "")


def locked_out(request, original_response=None, credentials=None):
    """The page a locked-out sign-in gets (429): what happened, for how long, who can help."""
    from django.contrib import admin

    context = {
        **admin.site.each_context(request),  # the desk's header and look
        "failure_limit": settings.AXES_FAILURE_LIMIT,
        "minutes": int(settings.AXES_COOLOFF_TIME.total_seconds() // 60)
        if settings.AXES_COOLOFF_TIME
        else None,
    }
    return render(request, "registration/locked_out.html", context, status=429)
