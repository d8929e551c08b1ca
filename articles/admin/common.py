from django import forms
from django.contrib import admin
from django.contrib.admin import helpers
from django.contrib.admin.options import IncorrectLookupParameters
from django.contrib.admin.widgets import AutocompleteSelect
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import connections
from django.forms.models import InlineForeignKeyField
from django.http import Http404
from django.template.loader import render_to_string
from django.utils.translation import gettext_lazy as _

from .. import permissions, renditions
from ..models import Article


@admin.display(description=_("Picture"))
def thumbnail(image):
    """The admin's small picture: the same credit-carrying include everywhere (a small
    rendition, never the full-size original)."""
    if image is None:
        return "—"
    small = renditions.jpeg(image, "card")
    return render_to_string("includes/admin_thumbnail.html", {"image": image, "small": small})


class ConstrainedInlineForm(forms.ModelForm):
    """Django leaves an inline's own foreign key out of model validation; our database
    constraints involve it (no self-relation), so check them once the parent exists and
    explain a refusal in the form instead of failing at the database."""

    def _post_clean(self):
        super()._post_clean()
        inline_keys = [
            name for name, field in self.fields.items() if isinstance(field, InlineForeignKeyField)
        ]
        parent_saved = all(getattr(self.instance, f"{name}_id") for name in inline_keys)
        if parent_saved and not self.errors:
            try:
                self.instance.validate_constraints()
            except ValidationError as error:
                self._update_errors(error)


def admin_page(model_admin, function):
    """`function(model_admin, request, …)` as a page of the desk: staff only, never cached,
    like the admin's own pages."""

    def view(request, *args, **kwargs):
        return function(model_admin, request, *args, **kwargs)

    return model_admin.admin_site.admin_view(view)


def article_or_404(request, pk, allowed=None) -> Article:
    """The article `pk`, for a page or a move of the desk that acts on it.

    One answer to "may not see it", everywhere: someone who may not see the article at all
    (`permissions.can_preview`) gets 404, exactly as if there were no such article, so the
    desk tells them nothing about it. Someone who may see it but not do this (`allowed`, a
    rule of `articles.permissions`) gets 403.
    """
    article = Article.objects.filter(pk=pk).first()
    if article is None or not permissions.can_preview(request.user, article):
        raise Http404
    if allowed is not None and not allowed(request.user, article):
        raise PermissionDenied
    return article


def view_on_site(request, content_type_id, object_id):
    """The admin's "View on site" redirect (`admin:view_on_site`), which would otherwise
    tell any member of staff any article's address (its slug, so its headline) from its id.
    An article goes through `article_or_404` like every desk page; other objects through
    Django's own redirect."""
    from django.contrib.contenttypes.models import ContentType
    from django.contrib.contenttypes.views import shortcut

    content_type = ContentType.objects.filter(pk=content_type_id).first()
    if content_type is not None and content_type.model_class() is Article:
        if not str(object_id).isdigit():
            raise Http404
        article_or_404(request, int(object_id))
    return shortcut(request, content_type_id, object_id)


def usable_keys(field, values, *, using="default") -> list:
    """The `values` that can be keys of `field` (a primary key or a foreign key's target):
    one that is no number ("abc", " ") or that the database cannot hold (10**30 overflows
    SQLite's INTEGER) is dropped, where Django would answer 500 rather than "not found"."""
    target = getattr(field, "target_field", field)
    kind = target.get_internal_type()
    low, high = connections[using].ops.integer_field_ranges.get(kind, (None, None))
    usable = []
    for value in values:
        try:
            key = target.to_python(value)
        except (ValidationError, ValueError, TypeError):
            continue
        if key is None or (low is not None and not low <= key <= high):
            continue
        usable.append(value)
    return usable


class SafeAutocompleteSelect(AutocompleteSelect):
    """Django's autocomplete looks up whatever a posted form claimed was chosen; a value that
    is no key ("abc") raised ValueError while drawing the form again, so a bad POST answered
    500 instead of "Select a valid choice". Such values are simply not drawn."""

    def optgroups(self, name, value, attr=None):
        keys = usable_keys(self.field, value, using=self.db or "default")
        return super().optgroups(name, keys, attr)


class SafeKeys:
    """For every ModelAdmin and inline of the newsroom: keys that arrive in a request (the
    chosen rows of a bulk action, an autocomplete's choice) are checked with `usable_keys`
    before they reach the database."""

    def get_changelist_instance(self, request):
        """A filter value out of any range (a year 9999 bound, 10**30 for SQLite) overflows
        where Django expects only ValueError, and PostgreSQL refuses a NUL byte: answer
        both as Django answers a bad filter (the list again, without the filters)."""
        if any("\x00" in value for _, values in request.GET.lists() for value in values):
            raise IncorrectLookupParameters("NUL in the query string")
        try:
            return super().get_changelist_instance(request)
        except OverflowError as error:
            raise IncorrectLookupParameters(error) from error

    def response_action(self, request, queryset):
        selected = request.POST.getlist(helpers.ACTION_CHECKBOX_NAME)
        usable = usable_keys(self.model._meta.pk, selected)
        if usable != selected:  # none left: Django says "Items must be selected…"
            request.POST = request.POST.copy()
            request.POST.setlist(helpers.ACTION_CHECKBOX_NAME, usable)
        return super().response_action(request, queryset)

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        if "widget" not in kwargs and db_field.name in self.get_autocomplete_fields(request):
            kwargs["widget"] = SafeAutocompleteSelect(
                db_field, self.admin_site, using=kwargs.get("using")
            )
        return super().formfield_for_foreignkey(db_field, request, **kwargs)
