"""Who may do what: the one place that decides it.

Roles are groups (made by a data migration) holding Django permissions; these functions
read those permissions. The admin, the workflow functions and every view ask here.
"""

from django.contrib.auth import get_user_model
from django.db.models import Q

from .models import Article, Byline, Status
from .models.articles import LIVE_STATUSES, public_now

WRITER, EDITOR, PHOTO_DESK = "Writer", "Editor", "Photo desk"

_ARTICLE_PARTS = [
    f"{action}_{model}"
    for model in ("byline", "relatedarticle", "articletopic")
    for action in ("add", "change", "delete", "view")
]
ROLES = {
    WRITER: [
        "add_article", "change_article", "view_article", *_ARTICLE_PARTS,
        "view_imageasset", "view_author", "view_section", "view_topic",
    ],
    EDITOR: [
        "add_article", "change_article", "delete_article", "view_article",
        "view_others_article", "edit_others_article", "review_article", "publish_article",
        *_ARTICLE_PARTS,
        "add_correction", "change_correction", "view_correction",
        "view_imageasset",
        "add_author", "change_author", "view_author",
        "add_section", "change_section", "view_section",
        "add_topic", "change_topic", "view_topic",
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


def is_staff(user) -> bool:
    """The guard every rule below starts from: an active member of staff (the desk's users).
    A deactivated account, a reader's account or no user (None) may do nothing here."""
    return user is not None and user.is_active and user.is_staff


def _has(user, codename: str) -> bool:
    return is_staff(user) and user.has_perm(f"articles.{codename}")


def can_upload(user) -> bool:
    """The photo desk (and anyone else given the permission) adds pictures to the library."""
    return _has(user, "add_imageasset")


def is_editor(user) -> bool:
    return _has(user, "edit_others_article")


def can_review(user, article: Article | None = None) -> bool:
    """Reviewers (the Editor role) send articles back with a note and take the open queue."""
    return _has(user, "review_article")


def reviewers():
    """The review desk: active staff who review through their role or own permissions.

    They are the people a writer may name as reviewer and those emailed when nobody is
    named. A superuser is on it only when also given the role, so the site's technical
    administrators are neither offered nor emailed (they may still review anything).
    """
    return (
        get_user_model()
        .objects.with_perm(
            "articles.review_article",
            include_superusers=False,
            # Permissions live in the database (django-axes' backend, first, holds none).
            backend="django.contrib.auth.backends.ModelBackend",
        )
        .filter(is_active=True, is_staff=True)
    )


def can_publish(user, article: Article | None = None) -> bool:
    """Publishing, scheduling, unpublishing and archiving are editors' decisions."""
    return _has(user, "publish_article")


def can_publish_changes(user, article: Article | None = None) -> bool:
    """Making a live article's pending changes live is publishing: the editors' decision."""
    return can_publish(user, article)


def is_owner(user, article: Article) -> bool:
    return article.created_by_id is not None and article.created_by_id == user.pk


def can_edit(user, article: Article) -> bool:
    """Editors edit any article; writers add articles, and edit their own while it is a draft
    or sent back. Submitting an article for review is the same rule.

    A writer also edits their own published or scheduled article: the edit waits as pending
    changes (`articles.revisions`) that only a publisher makes live, and is frozen while
    those changes are in review."""
    if not _has(user, "change_article"):
        return False
    if is_editor(user):
        return True
    if article.pk is None:
        return _has(user, "add_article")
    if not is_owner(user, article):
        return False
    if article.status in LIVE_STATUSES:
        return not article.changes_in_review
    return article.status in WRITER_EDITABLE


def can_submit_changes(user, article: Article) -> bool:
    """Who edits a live article (its writer, editors) but may not publish sends its pending
    changes to review (the state and the changes are the move's own conditions)."""
    if not _has(user, "change_article") or can_publish_changes(user, article):
        return False
    return is_editor(user) or is_owner(user, article)


def can_withdraw(user, article: Article) -> bool:
    """The article's own writer takes it back out of review to keep working on it (from
    review only: `articles.workflow.MOVES`)."""
    return _has(user, "change_article") and is_owner(user, article)


def can_put_aside(user, article: Article | None = None) -> bool:
    """Putting an article back to a draft (from changes requested, the schedule or
    Unpublished) is the editors' call."""
    return _has(user, "change_article") and is_editor(user)


def can_import(user) -> bool:
    """Importing a file makes a new draft: whoever may add articles may import one."""
    return _has(user, "add_article")


def visible_articles(user, articles=None):
    """The articles `user` may see on the desk: the one rule behind `can_preview`, the
    article list and every desk lookup.

    Staff who may view articles see those they wrote, those carrying their byline (their
    Author's account) and what readers see anyway (`published()`); other writers' drafts,
    articles in review and embargoed (scheduled) ones only with "Can see every writer's
    article" (the Editor role). Anyone else sees none. What is in the trash is seen only on
    the trash page (`articles.admin.trash`).
    """
    articles = Article.objects.all() if articles is None else articles
    if not _has(user, "view_article"):
        return articles.none()
    articles = articles.filter(trashed_at__isnull=True)  # the trash has its own page
    if _has(user, "view_others_article"):
        return articles
    bylined = Byline.objects.filter(author__user=user).values("article_id")
    return articles.filter(Q(created_by=user) | Q(pk__in=bylined) | public_now())


def can_preview(user, article: Article | None) -> bool:
    """Who may see an article on the desk at all, in any state (`visible_articles`).
    Whoever may not is told nothing about it (`articles.admin.common.article_or_404`)."""
    if article is None or not _has(user, "view_article") or article.trashed_at is not None:
        return False
    if article.pk is None or _has(user, "view_others_article"):
        return True
    return visible_articles(user, Article.objects.filter(pk=article.pk)).exists()


def can_see_history(user, article: Article) -> bool:
    """Editors see every article's revisions; a writer sees those of an article they may edit."""
    return is_editor(user) or can_edit(user, article)


def can_restore(user, article: Article) -> bool:
    """Restoring a revision is an edit: the same rule as editing."""
    return can_edit(user, article)


def can_share(user, article: Article) -> bool:
    """Only editors hand out (and revoke) preview links for people without an account."""
    return is_editor(user)


def can_trash(user, kind) -> bool:
    """Who may delete articles (editors) or pictures (the photo desk) moves them to the
    trash, restores them and empties the trash of them. `kind` is Article or ImageAsset."""
    return _has(user, f"delete_{kind._meta.model_name}")


def can_correct(user) -> bool:
    """Editors attach public corrections and updates to published articles."""
    return _has(user, "add_correction")


def can_see_original(user) -> bool:
    """An original keeps what the camera wrote (GPS, camera serial): only those who may
    change library pictures (the photo desk) open it; everyone else gets renditions."""
    return _has(user, "change_imageasset")


def can_choose_pictures(user) -> bool:
    """The picture chooser (hero and body pictures) lists the library for whoever may see
    it: writers, editors and the photo desk."""
    return _has(user, "view_imageasset")


def can_upload_in_chooser(user) -> bool:
    """The chooser's Upload tab: the photo desk (`can_upload`) and editors, who pick pictures
    for stories on deadline. The picture goes through the photo desk's own checks and form
    (credit and alt text required), so nothing weaker enters the library. Writers choose
    from the library."""
    return can_upload(user) or (is_editor(user) and _has(user, "view_imageasset"))


def can_choose_front_page(user) -> bool:
    """The front page's lead and top stories (`FrontPageSlot`) are chosen by those who
    publish: putting a story in front of every reader is a publishing decision."""
    return can_publish(user)


def can_write(user) -> bool:
    """Writers (and editors) keep articles of their own: the desk home's "My drafts" and
    "Sent back to me"."""
    return _has(user, "add_article")


def can_view_articles(user) -> bool:
    """Who works with articles at all (writers, editors; not the photo desk): the desk
    home's schedule, today's articles and recent edits, each narrowed by `visible_articles`."""
    return _has(user, "view_article")
