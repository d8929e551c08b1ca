"""How the newsroom names a person: the one rule for pages, emails, notes and the desk.

Pure: no models, no templates. Templates use the `display_name` filter (articles/templatetags).
"""

from django.utils.translation import gettext

__all__ = ["display_name"]


def display_name(user) -> str:
    """The user's full name, else their username.

    No user (a step taken by a command such as `seed_demo` or an import, or by an account
    since deleted) is "The newsroom": the one wording for "no person on record". Where an
    empty value means something else ("any editor" for no named reviewer), the caller says
    so itself.
    """
    if user is None:
        return gettext("The newsroom")
    return user.get_full_name().strip() or user.get_username()
