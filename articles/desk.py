"""The photo desk's upload page: several pictures at once, each with its credit, drawn in
the desk's own look (the admin's header and navigation). Its two steps, `choose_files` and
`add_confirmed`, are also the picture chooser's Upload tab (`articles.admin.chooser`).

Nothing is half-saved: either every confirmed picture is added (rows, originals and
renditions) or none is and their stored files are removed. Refused files say why; the others
go on to the next step, and a failed step keeps what the uploader typed.
"""

from datetime import timedelta

from django.contrib import admin, messages
from django.contrib.auth import get_user_model
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import redirect, render
from django.urls import path, reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from . import imaging, permissions
from .image_forms import STAGING, ChooseFilesForm, ImageDetailsFormSet, stage

app_name = "desk"
TEMPLATE = "desk/image_upload.html"


@login_required(login_url="admin:login")
def upload_images(request):
    if not permissions.can_upload(request.user):
        raise PermissionDenied(_("Only the photo desk may add pictures to the library."))
    if request.method == "POST" and "details" in request.POST:
        return confirm_details(request)
    choose = ChooseFilesForm(request.POST or None, request.FILES or None)
    rejected = []
    if request.method == "POST" and choose.is_valid():
        formset, rejected = choose_files(request, choose)
        if formset is not None:
            return page(request, {"formset": formset, "rejected": rejected})
    return page(request, {"choose": choose, "rejected": rejected})


def choose_files(request, choose, *, prefix=None):
    """Step 1, checked: stage every accepted file. Returns (details formset or None, the
    refused files as (name, reason)). The upload page and the picture chooser's Upload tab
    both go through here."""
    remove_stale_staged_files()
    initial, rejected = [], []
    for file in choose.cleaned_data["files"]:
        try:
            initial.append(stage(file, user=request.user))
        except ValidationError as error:
            rejected.append((file.name, " ".join(error.messages)))
    if not initial:
        return None, rejected
    formset = ImageDetailsFormSet(
        initial=initial, form_kwargs={"user": request.user}, prefix=prefix
    )
    return formset, rejected


def add_confirmed(formset, *, user):
    """Step 2: add every confirmed picture, or none (then the formset carries the reason).
    Returns the pictures added, or None."""
    if not formset.is_valid():
        return None
    added = []
    try:
        with imaging.files_removed_on_failure() as stored:
            # A staged file is consumed once: the uploader's row is locked, so a second
            # submission of the same page (a double click) waits, then finds the files
            # gone instead of adding every picture twice.
            get_user_model().objects.select_for_update().filter(pk=user.pk).get()
            for form in formset:
                if not imaging.originals().exists(form.staged["name"]):
                    raise ValidationError(
                        _("This picture is already in the library (the page was sent twice).")
                    )
                with imaging.originals().open(form.staged["name"], "rb") as file:
                    added.append(
                        imaging.create_image(
                            file,
                            credit=form.cleaned_data["credit"],
                            caption=form.cleaned_data["caption"],
                            alt_text=form.cleaned_data["alt_text"],
                            uploaded_by=user,
                            stored=stored,
                        )
                    )
            for form in formset:  # before the lock is let go
                imaging.originals().delete(form.staged["name"])
    except ValidationError as error:
        form.add_error(None, error.messages)
        return None
    return added


def confirm_details(request):
    formset = ImageDetailsFormSet(request.POST, form_kwargs={"user": request.user})
    added = add_confirmed(formset, user=request.user)
    if added is not None:
        count = len(added)
        messages.success(
            request,
            ngettext(
                "%(count)d picture added to the library.",
                "%(count)d pictures added to the library.",
                count,
            )
            % {"count": count},
        )
        return redirect(reverse("admin:articles_imageasset_changelist"))
    return page(request, {"formset": formset})


def page(request, context):
    """The upload page inside the desk's own look (the admin's header and navigation)."""
    return render(
        request,
        TEMPLATE,
        {**admin.site.each_context(request), "title": _("Upload pictures"), **context},
    )


def remove_stale_staged_files(max_age=timedelta(days=1)):
    """Files chosen but never confirmed are removed after a day."""
    try:
        _, names = imaging.originals().listdir(STAGING)
    except FileNotFoundError:
        return
    cutoff = timezone.now() - max_age
    for name in names:
        path_name = f"{STAGING}/{name}"
        if imaging.originals().get_modified_time(path_name) < cutoff:
            imaging.originals().delete(path_name)


urlpatterns = [path("images/upload/", upload_images, name="image_upload")]
