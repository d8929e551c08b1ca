"""Changelist filters that need a rule of their own, not a plain field lookup."""

from django.contrib import admin
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from ..models import Byline, Status


class MineFilter(admin.SimpleListFilter):
    """ "Mine": the articles I keep (created) or carry my byline (my Author's account)."""

    title = _("whose")
    parameter_name = "mine"

    def lookups(self, request, model_admin):
        return [("1", _("Mine"))]

    def queryset(self, request, queryset):
        if self.value() != "1":
            return queryset
        bylined = Byline.objects.filter(author__user=request.user).values("article_id")
        return queryset.filter(Q(created_by=request.user) | Q(pk__in=bylined))


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
