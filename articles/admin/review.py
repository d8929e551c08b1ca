"""The workflow in the admin: the buttons (one small form each) on an article's page, the
view they post to, and the "Awaiting my review" queue. The rules stay in `articles.workflow`
and `articles.permissions`; this module only offers and forwards."""

from django import forms
from django.contrib import admin, messages
from django.contrib.auth import get_user_model
from django.db import transaction
from django.db.models import Q
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_POST

from .. import notifications, permissions, workflow
from ..models import Status
from ..people import display_name
from .common import article_or_404
from .widgets import date_time_field


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
    deadline = date_time_field(label=_("Needed by"), required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["reviewer"].queryset = permissions.reviewers().order_by(
            "first_name", "last_name", "username"
        )
        self.fields["reviewer"].label_from_instance = display_name

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
    at = date_time_field(
        label=_("Goes live at"),
        help_text=_("The article appears on the site, feeds and sitemap by itself at this time."),
    )

    def arguments(self):
        return {"at": self.cleaned_data["at"]}


# The moves that need more than the click (their words live in `workflow.MOVES`).
FORMS = {
    "submit": SubmitForm,
    "submit_changes": SubmitForm,
    "request_changes": RequestChangesForm,
    "send_back_changes": RequestChangesForm,
    "schedule": ScheduleForm,
}


def form_for(move, article, data=None):
    """The move's small form; "Reschedule" starts from the time already set, and a
    resubmission from the reviewer (and the deadline, while it is ahead) asked last time."""
    initial = {}
    if move.name == "schedule" and article.status == Status.SCHEDULED:
        initial["at"] = article.published_at
    if FORMS.get(move.name) is SubmitForm:
        initial["reviewer"] = article.reviewer_id
        if article.review_deadline and article.review_deadline > timezone.now():
            initial["deadline"] = timezone.localtime(article.review_deadline)
    return FORMS.get(move.name, ButtonForm)(data, prefix=move.name, initial=initial)


def status_summary(article):
    """The changelist's status column: "In review: Ana Diaz, by 4 May, 17:00"."""
    status = workflow.state(article).label
    if article.has_pending_changes:
        live = status if workflow.state(article) == Status.SCHEDULED else _("Live")
        if not article.changes_in_review:
            return _("%(live)s, with unpublished changes") % {"live": live}
        status = _("%(live)s, changes in review") % {"live": live}
    elif article.status != Status.IN_REVIEW:
        return status
    reviewer = article.reviewer
    who = display_name(reviewer) if reviewer else _("any editor")
    if article.review_deadline is None:
        return f"{status}: {who}"
    deadline = date_format(timezone.localtime(article.review_deadline), "SHORT_DATETIME_FORMAT")
    return f"{status}: {who}, by {deadline}"


APART = {"archive", "discard_changes"}


def panel_context(request, article):
    """What the workflow panel on the change page shows to this user."""
    events = list(article.events.select_related("actor"))
    for event in events:
        event.move = workflow.MOVES.get(event.action)  # the timeline names it in its words
    return {
        "workflow_state": workflow.state(article),
        "workflow_buttons": [
            {
                "action": move.name,
                "label": move.label_for(article),
                "confirm": move.confirm_message(article),
                "url": reverse("admin:articles_article_workflow", args=[article.pk, move.name]),
                "form": form_for(move, article),
                # Cannot be undone, or throws work away: kept apart from the moves forward.
                "apart": move.name in APART,
            }
            for move in workflow.available(article, request.user)
        ],
        "workflow_events": events,
        "changes_note": open_request(events),
    }


def open_request(events):
    """The writer's open task: the latest "Request changes" note, shown until the article
    moves on (resubmitted, published…); being put back to a draft does not hide it."""
    for event in reversed(events):
        if event.to_status == Status.CHANGES_REQUESTED:
            return event
        if event.to_status != Status.DRAFT:
            return None
    return None


@require_POST
def transition_view(request, object_id, action):
    """Run one workflow move from a button on the article's page, then go back to it."""
    move = workflow.MOVES.get(action)
    if move is None:
        return redirect("admin:articles_article_changelist")
    article = article_or_404(request, object_id, move.permitted)
    back = reverse("admin:articles_article_change", args=[article.pk])
    form = form_for(move, article, request.POST)
    if not form.is_valid():
        problems = " ".join(
            f"{form.fields[field].label if field in form.fields else ''}: {' '.join(errors)}"
            for field, errors in form.errors.items()
        )
        messages.error(request, _("Nothing changed. %(problems)s") % {"problems": problems})
        return redirect(back)
    # The state the button was drawn for (workflow_panel.html): the move is made only from it.
    run(request, move, article, drawn_for=request.POST.get("drawn_for"), **form.arguments())
    return redirect(back)


def run(request, move, article, *, drawn_for=None, **arguments) -> bool:
    """Make `move` on `article` as this user and say how it went, in the move's own words:
    the one path of the buttons and the bulk actions. From a button, `drawn_for` is the state
    the page showed; the move is refused if the article has moved on since."""
    with notifications.collect_undelivered() as undelivered:
        try:
            with transaction.atomic():
                if drawn_for is not None:
                    workflow.expect(article, drawn_for)
                article = move.function(article, by=request.user, **arguments)
        except workflow.TransitionError as error:
            messages.error(request, _("Nothing changed. %(error)s") % {"error": error})
            return False
    done = move.done_message(article)  # as it is now: published changes may rename it
    if undelivered:
        messages.warning(
            request,
            _("%(done)s But the email to %(who)s could not be sent: please tell them yourself.")
            % {"done": done, "who": ", ".join(undelivered)},
        )
    else:
        messages.success(request, done)
    return True


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
        if permissions.can_review(request.user):
            mine |= Q(reviewer__isnull=True)
        return queryset.awaiting_review().filter(mine)


def bulk(model_admin, request, move, queryset):
    """A bulk action of the article list: first a page naming each article and what the
    move does to it (`move.confirm`); once confirmed, each article goes through the same
    path as its button (`run`), with the same message."""
    articles = list(queryset)
    if request.POST.get("confirmed") != "yes":
        context = {
            **model_admin.admin_site.each_context(request),
            "title": move.bulk,
            "opts": model_admin.opts,
            "move": move,
            "articles": [(article, move.confirm_message(article)) for article in articles],
            "action_checkbox_name": admin.helpers.ACTION_CHECKBOX_NAME,
        }
        return TemplateResponse(request, "admin/articles/article/bulk_confirm.html", context)
    for article in articles:
        run(request, move, article)
    return None
