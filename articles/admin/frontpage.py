"""The front page in the desk: the lead story and the top stories, chosen by editors
(`permissions.can_choose_front_page`). Every change is written into the article's history
(`articles.frontpage.record_change`)."""

from django import forms
from django.contrib import admin
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from .. import frontpage, permissions
from ..models import FrontPageSlot
from ..models.articles import LIVE_STATUSES
from ..people import display_name
from . import widgets
from .common import SafeKeys


class FrontPageSlotForm(forms.ModelForm):
    class Meta:
        model = FrontPageSlot
        fields = ["position", "article", "expires_at"]

    def clean_article(self):
        article = self.cleaned_data["article"]
        if article.status not in LIVE_STATUSES or article.trashed_at is not None:
            raise forms.ValidationError(
                _("Only a published or scheduled article can take a place on the front page.")
            )
        return article

    def clean_expires_at(self):
        expires_at = self.cleaned_data["expires_at"]
        if expires_at is not None and expires_at <= timezone.now():
            raise forms.ValidationError(_("Choose a time in the future, or leave it empty."))
        return expires_at


@admin.register(FrontPageSlot)
class FrontPageAdmin(SafeKeys, admin.ModelAdmin):
    form = FrontPageSlotForm
    list_display = ["position", "article", "showing", "expires_at", "chosen"]
    empty_value_display = _("until changed")
    list_display_links = ["position", "article"]
    list_select_related = ["article", "chosen_by"]
    autocomplete_fields = ["article"]
    formfield_overrides = widgets.DATETIME_OVERRIDES

    def has_module_permission(self, request):
        return permissions.can_choose_front_page(request.user)

    def has_view_permission(self, request, obj=None):
        return permissions.can_choose_front_page(request.user)

    has_add_permission = has_change_permission = has_delete_permission = has_view_permission

    @admin.display(description=_("On the page now"))
    def showing(self, slot):
        if not slot.article.is_published:
            return gettext("No: not published yet")
        return gettext("Yes") if slot.is_active else gettext("No: expired")

    @admin.display(description=_("chosen"), ordering="chosen_at")
    def chosen(self, slot):
        when = date_format(timezone.localtime(slot.chosen_at), "SHORT_DATETIME_FORMAT")
        return f"{display_name(slot.chosen_by)}, {when}"

    def save_model(self, request, obj, form, change):
        before = FrontPageSlot.objects.filter(pk=obj.pk).select_related("article").first()
        obj.chosen_by, obj.chosen_at = request.user, timezone.now()
        super().save_model(request, obj, form, change)
        if before is not None and before.article_id != obj.article_id:
            frontpage.record_change(
                before.article, by=request.user, note=gettext("Taken off the front page")
            )
        frontpage.record_change(obj.article, by=request.user, note=frontpage.describe(obj))

    def delete_model(self, request, obj):
        self.delete_queryset(request, FrontPageSlot.objects.filter(pk=obj.pk))

    def delete_queryset(self, request, queryset):
        for slot in queryset.select_related("article"):
            frontpage.record_change(
                slot.article, by=request.user, note=gettext("Taken off the front page")
            )
        queryset.delete()
