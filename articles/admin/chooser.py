"""The picture chooser: one modal for the hero picture and for pictures in the body.

Two admin views under the article admin answer the modal (`static/js/picture-chooser.js`)
with pieces of HTML: the library as a grid of thumbnails (search over caption, credit and alt
text; "uploaded by me", "recent"; pages), and the Upload tab, which is the photo desk's own
two steps (`articles.desk.choose_files`, `add_confirmed`) with its own forms and includes:
the same checks, the IPTC/XMP prefill, credit and alt text required. Staff only (the admin's
login), then `permissions.can_choose_pictures` / `can_upload_in_chooser`, else 403.

`picture_data` is what the page needs to show a chosen picture (the body editor's figure, the
hero field's preview): read from the picture's row, renditions as made at upload.
"""

import json
from datetime import timedelta

from django import forms
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.db.models import Q
from django.http import HttpResponseNotAllowed
from django.shortcuts import render
from django.urls import path, reverse
from django.utils import timezone

from .. import desk, permissions, renditions
from ..image_forms import ChooseFilesForm, ImageDetailsFormSet
from ..models import ImageAsset
from .common import admin_page, usable_keys

PER_PAGE = 24
RECENT = timedelta(days=7)
PREFIX = "chooser"  # the Upload tab's forms sit on the article page: their own names


def picture_data(image) -> dict:
    """A chosen picture as the page shows it: small renditions only (never the original),
    with caption and credit. None where no rendition was made yet (listed by its words)."""
    small = renditions.jpeg(image, "hero", make=False)
    card = renditions.jpeg(image, "card", make=False)
    return {
        "id": image.pk,
        "url": small.url if small else None,
        "card": card.url if card else None,
        "alt": image.alt_text,
        "caption": image.caption,
        "credit_line": image.credit_line,
    }


def urls(model_admin):
    return [
        path("chooser/", admin_page(model_admin, library_view), name="articles_article_chooser"),
        path(
            "chooser/upload/",
            admin_page(model_admin, upload_view),
            name="articles_article_chooser_upload",
        ),
    ]


def search(images, *, query="", user=None, mine=False, recent=False):
    """The library narrowed as the chooser asks: every word of `query` in the caption, the
    credit or the alt text; uploaded by `user`; uploaded in the last week."""
    for word in query.split()[:10]:
        images = images.filter(
            Q(caption__icontains=word) | Q(credit__icontains=word) | Q(alt_text__icontains=word)
        )
    if mine:
        images = images.filter(uploaded_by=user)
    if recent:
        images = images.filter(uploaded_at__gte=timezone.now() - RECENT)
    return images


def library_view(model_admin, request):
    if not permissions.can_choose_pictures(request.user):
        raise PermissionDenied
    query = request.GET.get("q", "").replace("\x00", "")[:200]
    mine, recent = request.GET.get("mine") == "1", request.GET.get("recent") == "1"
    images = search(
        ImageAsset.objects.filter(trashed_at__isnull=True).order_by("-uploaded_at", "-pk"),
        query=query,
        user=request.user,
        mine=mine,
        recent=recent,
    )
    page_obj = Paginator(images, PER_PAGE).get_page(request.GET.get("page"))
    items = [
        {"image": image, "thumb": renditions.jpeg(image, "thumb", make=False),
         "json": json.dumps(picture_data(image))}
        for image in page_obj
    ]  # fmt: skip
    context = {
        "items": items,
        "page_obj": page_obj,
        "query": query,
        "mine": mine,
        "recent": recent,
        "can_upload": permissions.can_upload_in_chooser(request.user),
        "library_url": reverse("admin:articles_article_chooser"),
    }
    return render(request, "admin/articles/chooser/library.html", context)


def upload_view(model_admin, request):
    """The Upload tab: choose files (checked, staged), then confirm each one's details.
    A refusal keeps what was typed; nothing is added until every detail is right."""
    if not permissions.can_upload_in_chooser(request.user):
        raise PermissionDenied
    if request.method not in ("GET", "POST"):
        return HttpResponseNotAllowed(["GET", "POST"])
    context = {"upload_url": reverse("admin:articles_article_chooser_upload")}
    if request.method == "POST" and "details" in request.POST:
        formset = ImageDetailsFormSet(
            request.POST, form_kwargs={"user": request.user}, prefix=PREFIX
        )
        added = desk.add_confirmed(formset, user=request.user)
        if added is not None:
            context["added"] = [picture_data(image) for image in added]
            context["added_json"] = json.dumps(context["added"])
        else:
            context["formset"] = formset
        return render(request, "admin/articles/chooser/upload.html", context)
    choose = ChooseFilesForm(request.POST or None, request.FILES or None, prefix=PREFIX)
    if request.method == "POST" and choose.is_valid():
        formset, context["rejected"] = desk.choose_files(request, choose, prefix=PREFIX)
        if formset is not None:
            context["formset"] = formset
            return render(request, "admin/articles/chooser/upload.html", context)
    context["choose"] = choose
    return render(request, "admin/articles/chooser/upload.html", context)


class HeroPictureWidget(forms.Widget):
    """The hero picture as the chooser sets it: the chosen picture's thumbnail with its
    caption and credit, "Choose a picture…" (the modal) and "Remove". The value travels in a
    hidden input, so a refused form comes back with the same picture chosen."""

    template_name = "articles/widgets/hero_picture.html"

    def get_context(self, name, value, attrs):
        context = super().get_context(name, value, attrs)
        image = None
        if value not in (None, ""):
            keys = usable_keys(ImageAsset._meta.pk, [value])
            image = ImageAsset.objects.filter(pk__in=keys).first() if keys else None
        context["picture"] = picture_data(image) if image else None
        context["chooser_url"] = reverse("admin:articles_article_chooser")
        return context


def hero_formfield(formfield):
    """The article form's hero picture field, drawn by the chooser (no add/change links
    around it: the chooser uploads in place)."""
    if formfield is not None:
        formfield.widget = HeroPictureWidget()
    return formfield
