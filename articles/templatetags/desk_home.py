"""`{% desk_home as desk %}`: the desk home's lists for the signed-in user
(`articles.admin.desk_home`), for `templates/admin/index.html`."""

from django import template

from articles.admin import desk_home as home

register = template.Library()


@register.simple_tag(takes_context=True)
def desk_home(context):
    request = context["request"]
    return {"lists": home.desk_lists(request), "shortcuts": home.shortcuts(request)}
