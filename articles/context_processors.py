from django.conf import settings

from .models import Section


def navigation(request):
    """The section menu and site name on every page (one query, made lazily)."""
    return {"nav_sections": Section.objects.all(), "site_name": settings.SITE_NAME}
