"""Share links: a signed, expiring, revocable preview of one article for someone without an
account. The token in the URL is signed with SECRET_KEY and names the link row and its
article; the row decides whether the link still works (expiry, revocation)."""

from datetime import timedelta

from django.conf import settings
from django.core import signing
from django.utils import timezone

from .models import Article, ShareLink

SALT = "articles.share-link"


def create_link(article: Article, *, by, hours: int | None = None, note: str = "") -> ShareLink:
    hours = hours or settings.SHARE_LINK_HOURS
    return ShareLink.objects.create(
        article=article,
        created_by=by,
        note=note,
        expires_at=timezone.now() + timedelta(hours=hours),
    )


def token_for(link: ShareLink) -> str:
    return signing.dumps({"link": link.pk, "article": link.article_id}, salt=SALT)


def link_for_token(token: str) -> ShareLink | None:
    """The active link the token names, or None (bad signature, revoked, expired)."""
    try:
        payload = signing.loads(token, salt=SALT)
        return ShareLink.objects.active().get(pk=payload["link"], article_id=payload["article"])
    except (signing.BadSignature, ShareLink.DoesNotExist, KeyError, TypeError):
        return None


def revoke(link: ShareLink, *, by) -> None:
    if link.revoked_at is None:
        link.revoked_at, link.revoked_by = timezone.now(), by
        link.save(update_fields=["revoked_at", "revoked_by"])
