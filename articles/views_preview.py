"""Previews: the article page exactly as readers will see it, for staff and share links.

Rendered by the public page's template and context builder (`article_page_context`), with
a banner; never cached (never_cache) and never indexed (X-Robots-Tag and a robots meta).
"""

from django.contrib.auth.views import redirect_to_login
from django.http import Http404
from django.shortcuts import render
from django.urls import reverse
from django.views.decorators.cache import never_cache

from . import permissions, revisions, sharing
from .admin.common import article_or_404
from .models import Article
from .views import article_page_context


def render_preview(request, article, *, share_link=None):
    """The article as it will be: a live article's pending changes, if any, are shown
    (`revisions.showing_pending`; the page is drawn before they are rolled back)."""
    with revisions.showing_pending(article):
        if article.has_pending_changes:  # read again, as the database shows it now
            article = Article.objects.with_parts().with_topics().get(pk=article.pk)
        context = {
            **article_page_context(article),
            "preview": True,
            "share_link": share_link,
            "can_edit": share_link is None and permissions.can_edit(request.user, article),
        }
        response = render(request, "articles/article_preview.html", context)
    response["X-Robots-Tag"] = "noindex, nofollow"
    # A share token must not leak to the sites the article links to.
    response["Referrer-Policy"] = "no-referrer"
    return response


@never_cache
def staff_preview(request, pk):
    if not request.user.is_authenticated:
        return redirect_to_login(request.get_full_path(), reverse("admin:login"))
    article = article_or_404(request, pk)  # may not see it: 404, as on every desk page
    return render_preview(request, Article.objects.with_parts().with_topics().get(pk=article.pk))


@never_cache
def shared_preview(request, token):
    link = sharing.link_for_token(token)
    if link is None:
        raise Http404
    article = Article.objects.with_parts().with_topics().get(pk=link.article_id)
    return render_preview(request, article, share_link=link)
