"""The workflow in the admin: the buttons (one small form each) on an article's page, the
view they post to, and the "Awaiting my review" queue. The rules stay in `articles.workflow`
and `articles.permissions`; this module only offers and forwards."""

from django import forms
from django.contrib import admin, messages
from django.contrib.auth import get_user_model
from django.db.models import Q
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_POST

from .. import workflow
from ..models import Article, Status

DATETIME_INPUT = forms.DateTimeInput(attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M")


class ButtonForm(forms.Form):
    """A move that needs nothing but the click."""

    def arguments(self):
        return {}


class SubmitForm(forms.Form):
    reviewer = forms.ModelChoiceField(
        label=_("Reviewer"),
        queryset=get_user_model().objects.none(),
        required=False,
        empty_label=_("Any editor"),
        help_text=_("Who should review it. Everyone on the editors’ desk is told if nobody."),
    )
    deadline = forms.DateTimeField(label=_("Needed by"), required=False, widget=DATETIME_INPUT)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["reviewer"].queryset = (
            get_user_model()
            .objects.with_perm("articles.review_article")
            .filter(is_active=True)
            .order_by("first_name", "username")
        )

    def arguments(self):
        return {
            "reviewer": self.cleaned_data["reviewer"],
            "deadline": self.cleaned_data["deadline"],
        }


class RequestChangesForm(forms.Form):
    note = forms.CharField(
        label=_("What needs to change"),
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("The writer sees this note on the article and by email."),
    )

    def arguments(self):
        return {"note": self.cleaned_data["note"]}


class ScheduleForm(forms.Form):
    at = forms.DateTimeField(
        label=_("Goes live at"),
        widget=DATETIME_INPUT,
        help_text=_("The article appears on the site, feeds and sitemap by itself at this time."),
    )

    def arguments(self):
        return {"at": self.cleaned_data["at"]}


FORMS = {"submit": SubmitForm, "request_changes": RequestChangesForm, "schedule": ScheduleForm}

LABELS = {
    "submit": _("Submit for review"),
    "request_changes": _("Request changes"),
    "return_to_draft": _("Back to draft"),
    "publish": _("Publish now"),
    "schedule": _("Schedule"),
    "unpublish": _("Unpublish"),
    "archive": _("Archive"),
}

DONE = {
    "submit": _("Submitted “{}” for review."),
    "request_changes": _("Sent “{}” back to the writer."),
    "return_to_draft": _("“{}” is a draft again."),
    "publish": _("Published “{}”."),
    "schedule": _("Scheduled “{}”."),
    "unpublish": _("Unpublished “{}”: it is off the site, feeds and sitemap."),
    "archive": _("Archived “{}”."),
}


def form_for(action, data=None):
    return FORMS.get(action, ButtonForm)(data, prefix=action)


def label(article, action):
    if action == "publish" and article.status == Status.IN_REVIEW:
        return _("Approve & publish")
    if action == "schedule" and article.status == Status.SCHEDULED:
        return _("Reschedule")
    if action == "return_to_draft" and article.status == Status.IN_REVIEW:
        return _("Withdraw from review")
    if action == "return_to_draft" and article.status == Status.SCHEDULED:
        return _("Take off the schedule")
    return LABELS[action]


def status_summary(article):
    """The changelist's status column: "In review: Ana Diaz, by 4 May, 17:00"."""
    status = workflow.state(article).label
    if article.status != Status.IN_REVIEW:
        return status
    reviewer = article.reviewer
    who = (reviewer.get_full_name() or reviewer.get_username()) if reviewer else _("any editor")
    if article.review_deadline is None:
        return f"{status}: {who}"
    deadline = date_format(timezone.localtime(article.review_deadline), "j M, H:i")
    return f"{status}: {who}, by {deadline}"


def panel_context(request, article):
    """What the workflow panel on the change page shows to this user."""
    events = list(article.events.select_related("actor"))
    last_request = next(
        (event for event in reversed(events) if event.to_status == Status.CHANGES_REQUESTED), None
    )
    return {
        "workflow_state": workflow.state(article),
        "workflow_buttons": [
            {
                "action": action,
                "label": label(article, action),
                "url": reverse("admin:articles_article_workflow", args=[article.pk, action]),
                "form": form_for(action),
            }
            for action in workflow.available(article, request.user)
        ],
        "workflow_events": events,
        "changes_note": last_request if article.status == Status.CHANGES_REQUESTED else None,
    }


@require_POST
def transition_view(request, object_id, action):
    """Run one workflow move from a button on the article's page, then go back to it."""
    if action not in workflow.FUNCTIONS:
        return redirect("admin:articles_article_changelist")
    article = get_object_or_404(Article, pk=object_id)
    back = reverse("admin:articles_article_change", args=[article.pk])
    form = form_for(action, request.POST)
    if not form.is_valid():
        problems = " ".join(
            f"{form.fields[field].label if field in form.fields else ''}: {' '.join(errors)}"
            for field, errors in form.errors.items()
        )
        messages.error(request, _("Nothing changed. %(problems)s") % {"problems": problems})
        return redirect(back)
    try:
        workflow.FUNCTIONS[action](article, by=request.user, **form.arguments())
    except workflow.TransitionError as error:
        messages.error(request, _("Nothing changed. %(error)s") % {"error": error})
    else:
        messages.success(request, str(DONE[action]).format(article))
    return redirect(back)


class ReviewQueueFilter(admin.SimpleListFilter):
    """ "Awaiting my review": in review and sent to me (or to any editor, if I review)."""

    title = _("review")
    parameter_name = "review"

    def lookups(self, request, model_admin):
        return [("mine", _("Awaiting my review"))]

    def queryset(self, request, queryset):
        if self.value() != "mine":
            return queryset
        mine = Q(reviewer=request.user)
        if request.user.has_perm("articles.review_article"):
            mine |= Q(reviewer__isnull=True)
        return queryset.filter(mine, status=Status.IN_REVIEW)
