from django.conf import settings
from django.contrib.postgres.search import SearchVector, SearchVectorField
from django.db import connections, models, transaction
from django.db.models import F, OuterRef, Prefetch, Q, Subquery, Value
from django.db.models.functions import Coalesce
from django.db.models.signals import pre_save
from django.dispatch import receiver
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from articles.richtext import (
    SanitizedHTMLField,
    figure_ids,
    plain_text,
    reading_minutes,
    sanitize_html,
)
from articles.slugs import unique_slug

from ..addresses import slug_url
from .images import ImageAsset


class Status(models.TextChoices):
    DRAFT = "draft", _("Draft")
    IN_REVIEW = "in_review", _("In review")
    CHANGES_REQUESTED = "changes_requested", _("Changes requested")
    SCHEDULED = "scheduled", _("Scheduled")
    PUBLISHED = "published", _("Published")
    UNPUBLISHED = "unpublished", _("Unpublished")
    ARCHIVED = "archived", _("Archived")


# Statuses that put an article in front of readers once `published_at` has come.
# A scheduled article goes live at its time with no job to flip it: see `published()`.
LIVE_STATUSES = [Status.PUBLISHED, Status.SCHEDULED]

# The desk's article list puts what needs someone's action first: in review, sent back, drafts,
# each by its review deadline (none last), then the most recently changed. `desk_rank` (a
# column the database computes) is the first two as one number, so that the whole order
# (`DESK_ORDER`) is an index's own (`article_desk_idx`): the list's first page is read from
# the index and stopped after a hundred rows, instead of sorting every article.
NEEDS_ACTION = models.Case(
    models.When(status=Status.IN_REVIEW, then=Value(0)),
    models.When(status=Status.CHANGES_REQUESTED, then=Value(1)),
    models.When(status=Status.DRAFT, then=Value(2)),
    default=Value(3),
    output_field=models.IntegerField(),
)
NO_DEADLINE = models.Case(
    models.When(review_deadline__isnull=True, then=Value(1)),
    default=Value(0),
    output_field=models.IntegerField(),
)
DESK_ORDER = [
    F("desk_rank").asc(),  # NEEDS_ACTION, then a deadline before none (NO_DEADLINE)
    F("review_deadline").asc(),  # within a rank, all deadlines or none: nulls never mix in
    F("updated_at").desc(),
    F("id").desc(),
]


# The language of the search vector and of every search query (stemming: "storms" finds
# "storm"). PostgreSQL only; `articles.search` falls back to word matching elsewhere.
SEARCH_CONFIG = "english"

# What the reader pages show of an article, rendered and stored by `articles.fragments`: long,
# and read only by the pages that print them.
STORED_PARTS = ("teaser_html", "lead_html", "story_html", "head_html", "rendered_tags")
# They and their bookkeeping, which lists leave unread: stored after the long parts, a column
# read from a row makes SQLite walk past them (the desk's list of 100 took twice as long).
RENDERING = (*STORED_PARTS, "changes", "rendered_as")

# Stored copies of what the body says, kept in step by `Article.save()`.
BODY_DERIVED_FIELDS = ("body_text", "word_count", "reading_minutes")


def derived_from_body(body: str) -> dict:
    """Everything stored alongside the body and computed from it: its plain text (for
    search), words and reading minutes. The one place these are computed, from the body as
    stored (already cleaned by `Article.save()`); keys are `BODY_DERIVED_FIELDS`."""
    text = " ".join(plain_text(body).split())
    words = len(text.split())
    return {"body_text": text, "word_count": words, "reading_minutes": reading_minutes(words)}


def _refuse_body(fields):
    """A body written around `Article.save()` would be stored uncleaned: refused."""
    if "body" in fields:
        raise TypeError(
            "An article's body is stored only through Article.save(), which cleans it and "
            "keeps its plain text, word count and reading time in step."
        )


def public_now(prefix="", now=None) -> Q:
    """What `published()` filters on: a live status, a publication time that has come, and
    not in the trash (`articles.trash`). `prefix` applies it across a relation, e.g.
    "article__" from a byline."""
    return Q(
        **{
            f"{prefix}status__in": LIVE_STATUSES,
            f"{prefix}published_at__lte": now or timezone.now(),
            f"{prefix}trashed_at__isnull": True,
        }
    )


class ArticleQuerySet(models.QuerySet):
    # The reader page trusts the stored body (it is cleaned once, in `Article.save()`), so
    # the bulk writes that skip save() may not write it.
    def update(self, **kwargs):
        _refuse_body(kwargs)
        return super().update(**kwargs)

    def bulk_update(self, objs, fields, *args, **kwargs):
        _refuse_body(fields)
        return super().bulk_update(objs, fields, *args, **kwargs)

    def bulk_create(self, objs, *args, **kwargs):
        objs = list(objs)
        for article in objs:
            article.prepare_body()
        with transaction.atomic(using=self.db):
            created = super().bulk_create(objs, *args, **kwargs)
            new = [article for article in created if article.pk is not None]
            # New articles have no BodyImage rows yet: one query for the pictures their
            # bodies name, one insert for all the rows (as `keep_body_images` would make).
            wanted = {article.pk: dict.fromkeys(figure_ids(article.body)) for article in new}
            named = {pk for ids in wanted.values() for pk in ids}
            known = set(ImageAsset.objects.filter(pk__in=named).values_list("pk", flat=True))
            BodyImage.objects.bulk_create(
                BodyImage(article_id=article_pk, image_id=image_pk, position=position)
                for article_pk, ids in wanted.items()
                for position, image_pk in enumerate(pk for pk in ids if pk in known)
            )
            pks = list(wanted)
            self.model._default_manager.db_manager(self.db).filter(
                pk__in=pks
            ).refresh_search_vector()
        return created

    def refresh_search_vector(self):
        """Store each article's search vector from its words: headline (weight A) above
        standfirst and author names (B) above the body's plain text (C). One UPDATE; on
        PostgreSQL only (elsewhere the field stays empty and search matches words).

        `Article.save()` and `bulk_create()` call it, and so do byline and author changes
        (`articles/signals.py`); call it after writing bylines with `bulk_create`."""
        vendor = connections[self.db].vendor
        if vendor == "sqlite":
            return self._refresh_sqlite_index()
        if vendor != "postgresql":
            return 0
        # Imported here: the aggregates module imports psycopg (11 MB of every worker's
        # memory), which a site on SQLite never needs.
        from django.contrib.postgres.aggregates import StringAgg

        names = (
            Byline.objects.filter(article=OuterRef("pk"))
            .values("article")
            .annotate(names=StringAgg("author__name", " "))
            .values("names")
        )
        vector = (
            SearchVector("headline", weight="A", config=SEARCH_CONFIG)
            + SearchVector("standfirst", weight="B", config=SEARCH_CONFIG)
            + SearchVector(
                Coalesce(Subquery(names), Value(""), output_field=models.TextField()),
                weight="B",
                config=SEARCH_CONFIG,
            )
            + SearchVector("body_text", weight="C", config=SEARCH_CONFIG)
        )
        return self.update(search_vector=vector)

    def _refresh_sqlite_index(self):
        """SQLite: the same words in the FTS5 table of migration 0023 (`SQLITE_INDEX`), one
        row per article (replaced, as a flushed test database gives ids out again)."""
        chosen, params = self.order_by().values("pk").query.sql_with_params()
        with connections[self.db].cursor() as cursor:
            cursor.execute(f"DELETE FROM {SQLITE_INDEX} WHERE rowid IN ({chosen})", params)
            cursor.execute(
                f"INSERT INTO {SQLITE_INDEX}(rowid, headline, standfirst, names, body) "
                "SELECT a.id, a.headline, a.standfirst, COALESCE((SELECT group_concat(au.name, "
                "' ') FROM articles_byline b JOIN articles_author au ON au.id = b.author_id "
                "WHERE b.article_id = a.id), ''), a.body_text FROM articles_article a "
                f"WHERE a.id IN ({chosen})",
                params,
            )
            return cursor.rowcount

    def drop_from_sqlite_index(self, pks):
        """SQLite: forget deleted articles in the FTS5 table (`articles.signals`)."""
        if connections[self.db].vendor == "sqlite":
            with connections[self.db].cursor() as cursor:
                places = ", ".join(["%s"] * len(pks))
                cursor.execute(f"DELETE FROM {SQLITE_INDEX} WHERE rowid IN ({places})", pks)

    def published(self, now=None):
        """What readers may see: the one definition of "public".

        Every public view, listing, feed, sitemap and search starts from this. `now`: the
        moment it is asked for (a prepared query's argument, `articles.prepared`).
        """
        return self.filter(public_now(now=now))

    def awaiting_review(self):
        """In review: a draft submitted for review, or a live article's changes submitted."""
        return self.filter(Q(status=Status.IN_REVIEW) | Q(changes_in_review=True))

    def in_state(self, status):
        """Articles whose state on the desk (`workflow.state`) is `status`, by the one rule
        of `published()`: a scheduled article whose time has come is Published, no longer
        Scheduled."""
        if status == Status.PUBLISHED:
            return self.filter(public_now() | Q(status=Status.PUBLISHED))
        return self.filter(status=status).exclude(public_now())

    def with_parts(self):
        """Section, picture (which carries its renditions: `ImageAsset.sources`) and byline,
        in a fixed number of queries."""
        return self.select_related("section", "hero_image").prefetch_related(
            # Into a plain list (`to_attr`): Django otherwise builds a filtered queryset per
            # article to hold its prefetched rows, a sixth of a listing's time.
            Prefetch(
                "bylines",
                queryset=Byline.objects.select_related("author"),
                to_attr="prefetched_bylines",
            ),
        )

    def with_topics(self):
        """Topics in the editor's order, all articles' in one query (`Article.topic_list`)."""
        from .topics import ArticleTopic

        return self.prefetch_related(
            Prefetch(
                "article_topics",
                queryset=ArticleTopic.objects.select_related("topic"),
                to_attr="prefetched_topics",
            )
        )

    def for_listing(self):
        """Everything a teaser needs, without the body, the search vector or the stored parts
        (long, and not shown in these lists)."""
        return self.with_parts().defer("body", "body_text", "search_vector", *RENDERING)


SQLITE_INDEX = "articles_article_fts"  # SQLite's full-text index (migration 0023)


class Article(models.Model):
    headline = models.CharField(_("headline"), max_length=200)
    slug = models.SlugField(
        _("slug"),
        max_length=200,
        unique=True,
        blank=True,
        help_text=_(
            "The last part of the article’s web address. Made from the headline if left empty."
        ),
    )
    standfirst = models.CharField(
        _("standfirst"),
        max_length=300,
        blank=True,
        help_text=_(
            "The one-sentence summary under the headline, also used in listings and feeds."
        ),
    )
    body = SanitizedHTMLField(
        _("body"),
        blank=True,
        help_text=_(
            "Subheadings, bold, italic, links, quotes, lists and pictures from the library. "
            "Pasted formatting outside these is removed when you save."
        ),
    )
    body_text = models.TextField(
        _("body as plain text"),
        blank=True,
        default="",
        editable=False,
        help_text=_("The body’s words without markup, for search. Made when the article is saved."),
    )
    # On PostgreSQL a GIN index serves it (made by migration 0015 there only, as SQLite has no
    # GIN indexes). Kept by `ArticleQuerySet.refresh_search_vector()`.
    search_vector = SearchVectorField(_("search vector"), null=True, editable=False)
    word_count = models.PositiveIntegerField(_("words"), default=0, editable=False)
    reading_minutes = models.PositiveSmallIntegerField(
        _("reading time (minutes)"), default=0, editable=False
    )
    hero_image = models.ForeignKey(
        "articles.ImageAsset",
        verbose_name=_("hero image"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="hero_articles",
        help_text=_("The main picture, shown at the top of the article with its credit."),
    )
    section = models.ForeignKey(
        "articles.Section",
        verbose_name=_("section"),
        on_delete=models.PROTECT,
        related_name="articles",
    )
    body_pictures = models.ManyToManyField(
        "articles.ImageAsset",
        verbose_name=_("pictures in the body"),
        through="articles.BodyImage",
        related_name="articles_in_body",
        editable=False,
        help_text=_("The library pictures the body shows. Kept from the body when it is saved."),
    )
    authors = models.ManyToManyField(
        "articles.Author",
        verbose_name=_("authors"),
        through="articles.Byline",
        related_name="articles",
    )
    topics = models.ManyToManyField(
        "articles.Topic",
        verbose_name=_("topics"),
        through="articles.ArticleTopic",
        related_name="articles",
        blank=True,
    )
    status = models.CharField(
        _("status"), max_length=20, choices=Status.choices, default=Status.DRAFT, editable=False
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("created by"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        editable=False,
        related_name="created_articles",
        help_text=_("The writer who owns the draft."),
    )
    reviewer = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("reviewer"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        editable=False,
        related_name="articles_to_review",
        help_text=_("Who the writer asked to review it; empty means any editor."),
    )
    review_deadline = models.DateTimeField(
        _("review deadline"),
        null=True,
        blank=True,
        editable=False,
        help_text=_("When the writer needs the review by."),
    )
    desk_rank = models.GeneratedField(
        expression=NEEDS_ACTION * 2 + NO_DEADLINE,
        output_field=models.PositiveSmallIntegerField(),
        db_persist=True,
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)
    # Set by `articles.trash`: deleted on the desk, off every public page, restorable.
    trashed_at = models.DateTimeField(
        _("moved to the trash"), null=True, blank=True, editable=False
    )
    published_at = models.DateTimeField(
        _("publication date"),
        null=True,
        blank=True,
        help_text=_("When the article goes (or went) live."),
    )
    # Pending changes (`articles.revisions`, "Pending changes"): an edit of a published or
    # scheduled article is kept as a revision and named here; the row stays the live version
    # (what `published()` reads) until "Publish changes" (`articles.workflow`) applies it.
    pending_revision = models.ForeignKey(
        "articles.Revision",
        verbose_name=_("unpublished changes"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        editable=False,
        related_name="+",
    )
    live_revision = models.ForeignKey(
        "articles.Revision",
        verbose_name=_("live version"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        editable=False,
        related_name="+",
        help_text=_("The revision readers see, once changes have been published."),
    )
    changes_in_review = models.BooleanField(
        _("changes in review"),
        default=False,
        editable=False,
        help_text=_("The writer submitted the unpublished changes for review."),
    )
    revised_at = models.DateTimeField(
        _("changes published"),
        null=True,
        blank=True,
        editable=False,
        help_text=_("When changes to the live article last went live: the page says “Updated”."),
    )
    # What the reader pages show of it, rendered when it (or what it names) changes, by
    # `articles.fragments`: current while `rendered_as` is "<changes>:<fragments.version()>".
    teaser_html = models.TextField(editable=False, default="")
    lead_html = models.TextField(editable=False, default="")
    story_html = models.TextField(editable=False, default="")
    head_html = models.TextField(editable=False, default="")
    rendered_tags = models.TextField(editable=False, default="")
    changes = models.PositiveIntegerField(editable=False, default=0)
    rendered_as = models.CharField(editable=False, max_length=40, default="")

    objects = ArticleQuerySet.as_manager()

    class Meta:
        verbose_name = _("article")
        verbose_name_plural = _("articles")
        ordering = ["-published_at", "-created_at"]
        permissions = [
            ("view_others_article", _("Can see every writer’s article, in any state")),
            ("edit_others_article", _("Can edit any writer’s article, in any state")),
            ("review_article", _("Can request changes on and approve articles")),
            ("publish_article", _("Can schedule, publish, unpublish and correct articles")),
        ]
        indexes = [
            # The reader lists walk these in page order and stop after a page: the public
            # rule (`public_now`) filters as they go. A leading status column cannot serve
            # the order (`status IN (…)` is two ranges), so it is not in them.
            models.Index(fields=["-published_at", "-created_at"], name="article_latest_idx"),
            models.Index(
                fields=["section", "-published_at", "-created_at"], name="article_section_idx"
            ),
            # The desk's lists and counts, which leave out the trash (small, as is the trash's
            # own, which the desk's trash link counts).
            models.Index(
                fields=["status", "-published_at"],
                condition=Q(trashed_at__isnull=True),
                name="article_public_idx",
            ),
            models.Index(
                fields=["trashed_at"],
                condition=Q(trashed_at__isnull=False),
                name="article_trash_idx",
            ),
            # The desk's list in its default order (`DESK_ORDER`): its page's keys are read
            # from this index in order (`admin.articles.DeskPaginator`), then only their rows.
            # Sorting the archive for them took 0.24 s (PostgreSQL) and 0.6 s (SQLite) at
            # 100,000 articles, and sorting this index's entries 49 ms and 5 MB of the
            # worker's memory (SQLite). `trashed_at` last, though always null here: SQLite
            # then reads the index alone, for this and the list's count.
            models.Index(
                fields=["desk_rank", "review_deadline", "-updated_at", "-id", "trashed_at"],
                condition=Q(trashed_at__isnull=True),
                name="article_desk_idx",
            ),
            # The sitemap index's `lastmod` of the articles: the newest public edit, read
            # newest first and stopped at the first public one (a scan of the archive before).
            models.Index(fields=["-updated_at"], name="article_updated_idx"),
        ]
        constraints = [
            models.CheckConstraint(
                condition=~Q(status__in=LIVE_STATUSES) | Q(published_at__isnull=False),
                name="article_live_has_published_at",
                violation_error_message=_(
                    "A published or scheduled article needs a publication date."
                ),
            ),
        ]

    def __str__(self):
        return self.headline

    def save(self, *args, **kwargs):
        if not self.slug:
            self.slug = unique_slug(Article, self.headline, exclude_pk=self.pk)
        self.prepare_body()
        update_fields = kwargs.get("update_fields")
        if update_fields is not None and "body" in update_fields:
            kwargs["update_fields"] = {*update_fields, *BODY_DERIVED_FIELDS}
        with transaction.atomic(using=kwargs.get("using")):
            super().save(*args, **kwargs)
            if update_fields is None or "body" in update_fields:
                self.keep_body_images()
            if update_fields is None or {"headline", "standfirst", "body"} & {*update_fields}:
                Article.objects.using(kwargs.get("using") or self._state.db).filter(
                    pk=self.pk
                ).refresh_search_vector()

    def get_absolute_url(self):
        return slug_url("articles:detail", self.slug)

    @property
    def is_published(self):
        """The same rule as `Article.objects.published()`, for one article in hand."""
        return (
            self.status in LIVE_STATUSES
            and self.published_at is not None
            and self.published_at <= timezone.now()
            and self.trashed_at is None
        )

    @property
    def has_pending_changes(self):
        """Edits saved but not live yet: "Live, with unpublished changes"."""
        return self.pending_revision_id is not None

    def prepare_body(self):
        """Clean the body for storing — the one place it is cleaned — and make what is
        stored alongside it from that cleaned value."""
        self.body = sanitize_html(self.body)
        for name, value in derived_from_body(self.body).items():
            setattr(self, name, value)

    def keep_body_images(self):
        """Make the `BodyImage` rows say which library pictures the stored body shows, in
        order of first appearance: one row per picture, however often it is placed.

        A reference to a picture that does not exist (pasted from another site, or restored
        from a revision after the picture was deleted) gets no row and does not stop the save;
        the reader page draws nothing for it. An unchanged body costs one query.
        """
        wanted = list(dict.fromkeys(figure_ids(self.body)))
        current = list(self.body_images.order_by("position").values_list("image_id", flat=True))
        if wanted == current:
            return
        new = set(wanted).difference(current)
        known = set(ImageAsset.objects.filter(pk__in=new).values_list("pk", flat=True))
        keep = [pk for pk in wanted if pk in known or pk in current]
        if keep == current:
            return
        self.body_images.all().delete()
        BodyImage.objects.bulk_create(
            BodyImage(article=self, image_id=pk, position=position)
            for position, pk in enumerate(keep)
        )

    def related_articles(self):
        """Curated related articles, in the editor's order, readers' rule applied. The page
        shows these filled up with the most related others: `articles.related`."""
        return (
            Article.objects.published()
            .filter(linked_from__from_article=self)
            .order_by("linked_from__position", "linked_from__pk")
            .select_related("section")
            .only("headline", "slug", "section", "published_at")
        )

    def topic_list(self):
        """Topics in the editor's order (uses prefetched topics when present)."""
        links = getattr(self, "prefetched_topics", None)
        return [link.topic for link in (self.article_topics.all() if links is None else links)]

    def byline(self):
        """Authors in the editor's order (uses prefetched bylines when present)."""
        links = getattr(self, "prefetched_bylines", None)
        return [link.author for link in (self.bylines.all() if links is None else links)]


@receiver(pre_save, sender=Article)
def clean_loaded_body(sender, instance, raw, **kwargs):
    """`loaddata` (and `manage.py restore`) store rows raw, around `Article.save()`: a body
    arriving that way is cleaned here, like any other, before it is stored. Its `BodyImage`
    rows come in the same fixture."""
    if raw:
        instance.prepare_body()


class Byline(models.Model):
    """An author on an article, in the order the editor set."""

    article = models.ForeignKey(Article, on_delete=models.CASCADE, related_name="bylines")
    author = models.ForeignKey(
        "articles.Author",
        verbose_name=_("author"),
        on_delete=models.PROTECT,
        related_name="bylines",
        db_index=False,  # byline_author_article_idx leads with it
    )
    position = models.PositiveSmallIntegerField(_("order"), default=0)

    class Meta:
        verbose_name = _("author")
        verbose_name_plural = _("authors")
        ordering = ["position", "pk"]
        indexes = [
            # An author's page finds their articles from the index alone (an index-only
            # scan), not from one heap page per byline: 94 buffers read for an author
            # with 90 articles at 100,000, 5 with it.
            models.Index(fields=["author", "article"], name="byline_author_article_idx"),
        ]
        constraints = [
            models.UniqueConstraint(
                fields=["article", "author"],
                name="byline_unique_author",
                violation_error_message=_("This author is already in the byline."),
            ),
        ]

    def __str__(self):
        return str(self.author)


class BodyImage(models.Model):
    """A library picture shown inside an article's body: derived from the body by
    `Article.save()` (never edited by hand), so that the database knows the use.

    `image` is PROTECT: a picture shown in any article's body, of any status, cannot be
    deleted (a draft or scheduled story would otherwise lose it unnoticed), and Django's
    delete confirmation names the article. One row per picture per article, in order of
    first appearance; a picture placed twice is one use (the body itself says where).
    """

    article = models.ForeignKey(Article, on_delete=models.CASCADE, related_name="body_images")
    image = models.ForeignKey(
        "articles.ImageAsset",
        verbose_name=_("picture"),
        on_delete=models.PROTECT,
        related_name="body_uses",
    )
    position = models.PositiveSmallIntegerField(_("order"))

    class Meta:
        # As Django's delete confirmation for a picture lists each use:
        # "Picture in a body: “Storm over the bay” (Draft), showing “Waves at the pier”".
        verbose_name = _("picture in a body")
        verbose_name_plural = _("pictures in bodies")
        ordering = ["position"]
        constraints = [
            models.UniqueConstraint(
                fields=["article", "position"], name="body_image_unique_position"
            ),
            models.UniqueConstraint(fields=["article", "image"], name="body_image_unique_image"),
        ]

    def __str__(self):
        article, image = self.article, self.image
        return (
            f"“{article.headline}” ({article.get_status_display()}), "
            f"showing “{image.caption or image.alt_text}”"
        )


class RelatedArticle(models.Model):
    """A curated link from one article to another, shown under "Related articles"."""

    from_article = models.ForeignKey(
        Article, on_delete=models.CASCADE, related_name="related_links"
    )
    to_article = models.ForeignKey(
        Article,
        verbose_name=_("related article"),
        on_delete=models.CASCADE,
        related_name="linked_from",
    )
    position = models.PositiveSmallIntegerField(_("order"), default=0)

    class Meta:
        verbose_name = _("related article")
        verbose_name_plural = _("related articles")
        ordering = ["position", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=~Q(from_article=F("to_article")),
                name="related_not_self",
                violation_error_message=_("An article cannot be related to itself."),
            ),
            models.UniqueConstraint(
                fields=["from_article", "to_article"],
                name="related_unique_pair",
                violation_error_message=_("This article is already in the related articles."),
            ),
        ]

    def __str__(self):
        return str(self.to_article)
