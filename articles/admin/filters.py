"""Changelist filters that need a rule of their own, not a plain field lookup."""

from django.contrib import admin
from django.utils.translation import gettext_lazy as _

from ..models import Status


class StatusFilter(admin.SimpleListFilter):
    """Status as the desk sees it (the status column, `workflow.state`): a scheduled article
    whose time has come is listed under Published, not Scheduled."""

    title = _("status")
    parameter_name = "status"

    def lookups(self, request, model_admin):
        return Status.choices

    def queryset(self, request, queryset):
        if self.value() not in Status.values:
            return queryset
        return queryset.in_state(self.value())
