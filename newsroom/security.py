"""Response headers that limit what a page may do once it is in a browser.

Content-Security-Policy (django-csp): public pages get `CONTENT_SECURITY_POLICY`, strict (no
inline script, no eval, nothing from other origins). The desk (`/admin/`, `/desk/`) gets
`DESK_CONTENT_SECURITY_POLICY`: scripts from the site or carrying this response's nonce (the
body editor's import map), styles inline too (the admin and the editor set them). Browsers
send what a policy blocked to `csp_report`, which logs it. Permissions-Policy turns off the
browser features no page of the site uses.
"""

import json
import logging

from csp.middleware import CSPMiddleware
from django.conf import settings
from django.http import HttpResponse, HttpResponseNotAllowed
from django.views.decorators.csrf import csrf_exempt

logger = logging.getLogger(__name__)

DESK_PREFIXES = ("/admin/", "/desk/")


class ContentSecurityPolicyMiddleware(CSPMiddleware):
    def get_policy_parts(self, request, response, report_only=False):
        parts = super().get_policy_parts(request, response, report_only)
        if not report_only and parts.config is None and request.path_info.startswith(DESK_PREFIXES):
            parts.config = settings.DESK_CONTENT_SECURITY_POLICY["DIRECTIVES"]
        return parts


class PermissionsPolicyMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response
        self.header = ", ".join(f"{feature}=()" for feature in settings.PERMISSIONS_POLICY_OFF)

    def __call__(self, request):
        response = self.get_response(request)
        response.setdefault("Permissions-Policy", self.header)
        return response


REPORT_MAX_BYTES = 8 * 1024


@csrf_exempt
def csp_report(request):
    """Where browsers report what a policy blocked: logged (logger "newsroom.security")."""
    if request.method != "POST":
        return HttpResponseNotAllowed(["POST"])
    body = request.body[:REPORT_MAX_BYTES]
    try:
        report = json.loads(body).get("csp-report", {})
    except (ValueError, AttributeError):
        report = {}
    logger.warning(
        "Content-Security-Policy blocked %s on %s (%s)",
        str(report.get("blocked-uri", "?"))[:200],
        str(report.get("document-uri", "?"))[:200],
        str(report.get("violated-directive", "?"))[:100],
    )
    return HttpResponse(status=204)
