"""The trash's pages on the desk: what a delete moved there (`articles.trash`), restored one
by one or emptied, by whoever may delete that kind (`permissions.can_trash`). Each admin
wires `urls` in and its delete becomes `move_to_trash`."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import path
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from .. import permissions, trash
from .common import admin_page


def urls(model_admin):
    name = f"{model_admin.opts.app_label}_{model_admin.opts.model_name}_trash"
    return [path("trash/", admin_page(model_admin, trash_view), name=name)]


def trash_view(model_admin, request):
    kind = model_admin.model
    if not permissions.can_trash(request.user, kind):
        raise PermissionDenied
    items = trash.in_trash(kind)
    if request.method == "POST":
        if "restore" in request.POST:
            item = get_object_or_404(items, pk=request.POST["restore"])
            trash.restore(item, by=request.user)
            messages.success(request, _("“%(item)s” is back where it was.") % {"item": item})
        elif request.POST.get("empty") == "yes":
            removed = trash.empty([kind])
            messages.success(
                request,
                ngettext(
                    "%(count)d item deleted for good.", "%(count)d items deleted for good.", removed
                )
                % {"count": removed},
            )
        return redirect(request.path)
    context = {
        **model_admin.admin_site.each_context(request),
        "opts": model_admin.opts,
        "title": _("Trash: %(kind)s") % {"kind": kind._meta.verbose_name_plural},
        "items": [{"item": item, "expires_at": trash.expires_at(item)} for item in items],
        "retention_days": trash.settings.TRASH_RETENTION_DAYS,
    }
    return TemplateResponse(request, "admin/articles/trash.html", context)


def move_to_trash(model_admin, request, queryset_or_obj):
    """The admin's delete (one object or the bulk action), as a move to the trash."""
    objs = [queryset_or_obj] if hasattr(queryset_or_obj, "pk") else list(queryset_or_obj)
    for obj in objs:
        trash.trash(obj, by=request.user)


def moved_response(model_admin, request, obj_display):
    """After a delete: said as what happened (not Django's "deleted successfully")."""
    message = _("“%(item)s” is in the trash.") % {"item": obj_display}
    model_admin.message_user(request, message, messages.SUCCESS)
    opts = model_admin.opts
    return redirect(f"admin:{opts.app_label}_{opts.model_name}_changelist")


def trash_count(model_admin, request) -> int | None:
    """How many items wait in this kind's trash, for its list's link; None if the user may
    not open it."""
    if not permissions.can_trash(request.user, model_admin.model):
        return None
    return trash.in_trash(model_admin.model).count()
