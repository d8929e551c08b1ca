"""The desk's one date and time widget: Django admin's split date and time fields (calendar
and clock, "Today" and "Now"), typed in the house order (26/11/2026 and 03:53, see
newsroom/formats), never the browser's own picker (which follows the browser's locale, e.g.
mm/dd/yyyy). Every date and time typed on the desk uses it: the workflow forms, corrections,
the front page."""

from django import forms
from django.contrib.admin.widgets import AdminSplitDateTime
from django.db import models
from django.utils.translation import gettext_lazy as _


class DeskDateTimeWidget(AdminSplitDateTime):
    """Date and time, each with a real label (the admin's own widget labels the time with
    plain text, which screen readers cannot tie to its field) and an example."""

    # In the app's templates: widgets are drawn by the form renderer, which reads apps only.
    template_name = "admin/widgets/desk_split_datetime.html"

    def __init__(self, attrs=None):
        super().__init__(attrs)
        self.widgets[0].attrs.update({"placeholder": _("dd/mm/yyyy"), "autocomplete": "off"})
        self.widgets[1].attrs.update({"placeholder": _("hh:mm"), "autocomplete": "off"})

    def value_from_datadict(self, data, files, name):
        """A client that sends one value (`2026-11-26T03:53`, as a script or an older page
        would) is read too; the fields below accept ISO dates and times as well."""
        if f"{name}_0" not in data and name in data:
            date, _sep, time = data[name].replace("T", " ").partition(" ")
            return [date, time]
        return super().value_from_datadict(data, files, name)


def date_time_field(**kwargs) -> forms.SplitDateTimeField:
    """A form's date-and-time field on the desk."""
    return forms.SplitDateTimeField(widget=DeskDateTimeWidget, **kwargs)


# For ModelAdmins and inlines: `formfield_overrides = DATETIME_OVERRIDES`.
DATETIME_OVERRIDES = {
    models.DateTimeField: {"form_class": forms.SplitDateTimeField, "widget": DeskDateTimeWidget}
}
