from django.contrib import admin
from django.utils.translation import gettext_lazy as _

from ..models import Author, Section, Topic
from ..people import display_name
from .common import SafeKeys


@admin.register(Section)
class SectionAdmin(SafeKeys, admin.ModelAdmin):
    list_display = ["name", "slug", "position"]
    list_editable = ["position"]
    prepopulated_fields = {"slug": ["name"]}
    search_fields = ["name"]


@admin.register(Author)
class AuthorAdmin(SafeKeys, admin.ModelAdmin):
    list_display = ["name", "role", "account"]
    search_fields = ["name", "role"]
    prepopulated_fields = {"slug": ["name"]}
    autocomplete_fields = ["photo", "user"]
    list_select_related = ["user"]

    @admin.display(description=_("staff account"), ordering="user__last_name")
    def account(self, author):
        return display_name(author.user) if author.user_id else "—"


@admin.register(Topic)
class TopicAdmin(SafeKeys, admin.ModelAdmin):
    """Topics are chosen on the article form by typing (autocomplete searches the name)."""

    list_display = ["name", "slug", "description"]
    search_fields = ["name"]
    prepopulated_fields = {"slug": ["name"]}
