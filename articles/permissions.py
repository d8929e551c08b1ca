"""Who may do what: the one place that decides it.

Roles are groups (made by a data migration) holding Django permissions; these functions
read those permissions. The admin, the workflow functions and every view ask here.
"""

from django.contrib.auth import get_user_model

from .models import Article, Status

WRITER, EDITOR, PHOTO_DESK = "Writer", "Editor", "Photo desk"

_ARTICLE_PARTS = [
    f"{action}_{model}"
    for model in ("byline", "relatedarticle")
    for action in ("add", "change", "delete", "view")
]
ROLES = {
    WRITER: [
        "add_article", "change_article", "view_article", *_ARTICLE_PARTS,
        "view_imageasset", "view_author", "view_section",
    ],
    EDITOR: [
        "add_article", "change_article", "delete_article", "view_article",
        "edit_others_article", "review_article", "publish_article", *_ARTICLE_PARTS,
        "add_correction", "change_correction", "view_correction",
        "view_imageasset",
        "add_author", "change_author", "view_author",
        "add_section", "change_section", "view_section",
    ],
    PHOTO_DESK: [
        "add_imageasset", "change_imageasset", "delete_imageasset", "view_imageasset",
    ],
}  # fmt: skip


def sync_roles(Group, Permission):
    """Make the role groups hold exactly the permissions above.

    Run by the data migration that creates the roles and after every `migrate` (and test
    database flush), so the groups always match this definition.
    """
    for name, codenames in ROLES.items():
        group, _ = Group.objects.get_or_create(name=name)
        perms = Permission.objects.filter(
            content_type__app_label="articles", codename__in=codenames
        )
        if perms.count() == len(codenames):
            group.permissions.set(perms)


# States in which a writer may still change their own article.
WRITER_EDITABLE = (Status.DRAFT, Status.CHANGES_REQUESTED)


def can_upload_images(user) -> bool:
    """The photo desk (and anyone else given the permission) adds pictures to the library."""
    return user.is_active and user.is_staff and user.has_perm("articles.add_imageasset")


def is_editor(user) -> bool:
    return user.has_perm("articles.edit_others_article")


def can_review(user) -> bool:
    """Reviewers (the Editor role) send articles back with a note and take the open queue."""
    return user.is_active and user.has_perm("articles.review_article")


def reviewers():
    """The review desk: active staff who review through their role or own permissions.

    They are the people a writer may name as reviewer and those emailed when nobody is
    named. A superuser is on it only when also given the role, so the site's technical
    administrators are neither offered nor emailed (they may still review anything).
    """
    return (
        get_user_model()
        .objects.with_perm("articles.review_article", include_superusers=False)
        .filter(is_active=True, is_staff=True)
    )


def can_publish(user) -> bool:
    """Publishing, scheduling, unpublishing and archiving are editors' decisions."""
    return user.is_active and user.has_perm("articles.publish_article")


def is_owner(user, article: Article) -> bool:
    return article.created_by_id is not None and article.created_by_id == user.pk


def can_edit(user, article: Article) -> bool:
    """Editors edit any article; writers edit their own while it is a draft or sent back."""
    if not user.is_active or not user.has_perm("articles.change_article"):
        return False
    if is_editor(user):
        return True
    if article.pk is None:
        return user.has_perm("articles.add_article")
    return article.created_by_id == user.pk and article.status in WRITER_EDITABLE


def can_import(user) -> bool:
    """Importing a file makes a new draft: whoever may add articles may import one."""
    return user.is_active and user.is_staff and user.has_perm("articles.add_article")


def can_see_history(user, article: Article) -> bool:
    """Editors see every article's revisions; a writer sees those of an article they may edit."""
    return user.is_active and user.is_staff and (is_editor(user) or can_edit(user, article))


def can_restore(user, article: Article) -> bool:
    """Restoring a revision is an edit: the same rule as editing."""
    return user.is_active and user.is_staff and can_edit(user, article)


def can_preview(user, article: Article) -> bool:
    """Staff who may view articles in the admin may preview any of them, in any state."""
    return user.is_active and user.is_staff and user.has_perm("articles.view_article")


def can_share(user, article: Article) -> bool:
    """Only editors hand out (and revoke) preview links for people without an account."""
    return user.is_active and user.is_staff and is_editor(user)


# Who may make each workflow move (the state it must be in is checked in `articles.workflow`).
# Superusers hold every permission, so they may do everything.
def may(user, action: str, article: Article) -> bool:
    """May `user` make the workflow move `action` ("submit", "publish", …) on `article`?

    `user` None is the system itself (a management command such as `seed_demo`), never a
    web request: views always pass `request.user`.
    """
    if user is None:
        return True
    if not user.is_active:
        return False
    if action == "submit":
        return can_edit(user, article)
    if action == "return_to_draft":
        # A writer may withdraw their own article from review to keep working on it; taking
        # it off the schedule or back from Unpublished is the editors' call.
        return is_editor(user) or (
            is_owner(user, article)
            and article.status == Status.IN_REVIEW
            and user.has_perm("articles.change_article")
        )
    if action == "request_changes":
        return can_review(user)
    if action in ("publish", "schedule", "unpublish", "archive"):
        return can_publish(user)
    raise ValueError(f"Unknown workflow action {action!r}")


def can_correct(user) -> bool:
    """Editors attach public corrections and updates to published articles."""
    return user.is_active and user.has_perm("articles.add_correction")
