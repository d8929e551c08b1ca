"""What the reader pages show of each article, rendered once when it changes, not per request.

An article row stores its rendered parts (`FIELDS`): the teaser of every listing, the lead
block of the home page, the story of its own page (header, hero picture, body with its
figures, topics, corrections) and that page's metadata (canonical, OpenGraph, JSON-LD). They
are made by the same templates and tags that draw a preview live (`render`), from the
article and everything they name: its section, byline, topics, pictures and corrections.

Never stale: every change of any of those adds one to the article's `changes` in the same
transaction (`mark_changed`, from the signals below), and parts count as the article's only
while `rendered_as` says they were made from that many changes by this code and settings
(`version()`: a hash of the templates and modules that draw them and of the addresses they
write, so a deploy that changes either re-renders too). After the commit the live articles
changed are rendered again at once (`refresh`), the newest `RENDER_AT_COMMIT` of them (a
draft is drawn when it goes live); a reader page that meets one whose parts are out of date
(a section renamed over thousands of articles, a new deploy) renders it then, stores it,
and shows what it rendered. A render stores its parts only if no change happened meanwhile.

What a page shows around them comes from the database on every request as before: whether
an article is public (`Article.objects.published()`), the related articles, the section
menu. Kickers in teasers are filled in per page (`KICKER`), as a section's own page has none.
"""

import functools
import hashlib
from pathlib import Path

from django.conf import settings
from django.core.signals import setting_changed
from django.db import transaction
from django.db.models import F, Q
from django.db.models.signals import post_delete, post_save, pre_save
from django.dispatch import receiver
from django.http import HttpRequest
from django.template.loader import render_to_string
from django.templatetags.static import static

from . import caching, seo
from .models import (
    Article,
    ArticleTopic,
    Author,
    BodyImage,
    Byline,
    Correction,
    ImageAsset,
    Rendition,
    Section,
    Topic,
)
from .models.articles import LIVE_STATUSES, STORED_PARTS

FIELDS = STORED_PARTS
# Where a listing's teaser shows the section it is in: filled per page (`reading.listed`).
KICKER = "<!--kicker-->"
RENDER_AT_COMMIT = 100  # live articles rendered after one commit; the rest when first read

_SOURCES = [
    "templates/includes/story.html",
    "templates/includes/lead.html",
    "templates/includes/corrections.html",
    "articles/templatetags/newsroom.py",
    "articles/seo.py",
    "articles/fragments.py",
]


@functools.cache
def version() -> str:
    """What drew the stored parts: the code above, and what their addresses and dates
    come from (the site's address, the hashed names of the static pictures their metadata
    names, where media is served, the time zone and language). Asked once per process."""
    from django.core.files.storage import default_storage

    served = [
        seo.site_address("/"),
        static(seo.DEFAULT_IMAGE[0]),
        static(seo.LOGO[0]),
        default_storage.url("x"),
        settings.TIME_ZONE,
        settings.LANGUAGE_CODE,
    ]
    code = b"".join((Path(settings.BASE_DIR) / name).read_bytes() for name in _SOURCES)
    return hashlib.sha256(code + "\n".join(served).encode()).hexdigest()[:12]


@receiver(setting_changed)
def _settings_changed(**kwargs):
    version.cache_clear()


def rendered_as(changes) -> str:
    return f"{changes}:{version()}"


# ---------------------------------------------------------------------------------------
# Drawing


def story_context(article) -> dict:
    """What the story and the page's metadata are drawn from: the article (loaded with
    `Article.objects.with_parts().with_topics()`), its corrections and its "Updated" time
    (the latest correction, or changes published since it went live: `workflow`)."""
    corrections = list(article.corrections.all())
    updates = [moment for moment in [article.revised_at] if moment is not None]
    updates += [corrections[-1].published_at] if corrections else []
    return {
        "article": article,
        "corrections": corrections,
        "updated_at": max(updates) if updates else None,
    }


def story(context) -> str:
    return render_to_string("includes/story.html", context)


def article_meta(article, context) -> seo.PageMeta:
    """The article page's metadata (drawn by `seo.head_html`)."""
    updated_at = context["updated_at"]
    properties = [
        ("article:published_time", seo.iso(article.published_at)),
        ("article:modified_time", seo.iso(updated_at or article.published_at)),
        ("article:section", article.section.name),
        *(("article:author", seo.site_address(a.get_absolute_url())) for a in article.byline()),
        *(("article:tag", topic.name) for topic in article.topic_list()),
    ]
    request = HttpRequest()  # addresses come from SITE_URL (`seo.site_address`), not a request
    request.path = article.get_absolute_url()
    return seo.page_meta(
        request,
        title=article.headline,
        description=article.standfirst,
        image=article.hero_image,
        og_type="article",
        properties=properties,
        json_ld=[
            seo.news_article(
                request, article, corrections=context["corrections"], updated_at=updated_at
            ),
            seo.breadcrumbs(request, article),
        ],
    )


def render(article) -> dict:
    """The parts (`FIELDS`) of one article, loaded as `story_context` says."""
    from .templatetags.newsroom import teaser

    context = story_context(article)
    meta = article_meta(article, context)
    head = seo.head_html(meta)
    return {
        "teaser_html": teaser(article, kicker_html=KICKER),
        "lead_html": render_to_string("includes/lead.html", {"lead": article}),
        "story_html": story(context),
        "head_html": head,
        "rendered_tags": " ".join(sorted(caching.tags_for(article))),
    }


def loaded(articles):
    return articles.with_parts().with_topics().prefetch_related("corrections")


def refresh(pks, *, only_stale=True, bulk=False) -> dict:
    """Render the articles `pks` whose parts are out of date (all of them: `only_stale`
    False) and store what is rendered unless a change came meanwhile (`bulk`: in one write,
    for a database nobody else writes to, as `seed_bench` seeds it). {pk: parts}."""
    chosen = Article.objects.filter(pk__in=list(pks))
    if only_stale:
        rows = chosen.values_list("pk", "changes", "rendered_as")
        chosen = chosen.filter(pk__in=[pk for pk, n, made in rows if made != rendered_as(n)])
    done, drawn = {}, []
    for article in loaded(chosen.defer("search_vector", "body_text", *FIELDS)):
        parts = done[article.pk] = render(article)
        if bulk:
            for name, value in parts.items():
                setattr(article, name, value)
            article.rendered_as = rendered_as(article.changes)
            drawn.append(article)
            continue
        Article.objects.filter(pk=article.pk, changes=article.changes).update(
            **parts, rendered_as=rendered_as(article.changes)
        )
    if drawn:
        Article.objects.bulk_update(drawn, [*FIELDS, "rendered_as"])
    return done


def current(rows, fields):
    """Reader rows `(pk, changes, rendered_as, *fields)` with each out-of-date one's
    `fields` rendered now (and stored): [(pk, *fields), …] in the same order."""
    out, stale = [], []
    for row in rows:
        if row[2] != rendered_as(row[1]):
            stale.append(row[0])
        out.append((row[0], *row[3:]))
    if not stale:
        return out
    made = refresh(stale, only_stale=False)
    names = list(fields)
    return [
        (pk, *(made[pk][name] for name in names)) if pk in made else (pk, *rest)
        for pk, *rest in out
    ]


# ---------------------------------------------------------------------------------------
# Changes


def mark_changed(articles) -> None:
    """The articles of queryset `articles` changed in what their parts show: out of date
    now, in this transaction, and rendered again once it commits."""
    # Through a subquery: a renamed section names thousands, and a join (an author's
    # bylines, a picture's uses) may name one twice.
    touched = Article.objects.filter(pk__in=articles.values("pk"))
    # Drawn now only what readers may see (a draft is drawn when it goes live: a save).
    due = list(
        touched.filter(status__in=LIVE_STATUSES)
        .order_by("-published_at", "-pk")
        .values_list("pk", flat=True)[:RENDER_AT_COMMIT]
    )
    touched.update(changes=F("changes") + 1)
    if due:
        transaction.on_commit(lambda: refresh(due))


def image_changed(pk) -> None:
    """A picture's credit, caption, alt text or renditions: every article showing it."""
    mark_changed(Article.objects.filter(Q(hero_image_id=pk) | Q(body_images__image_id=pk)))


@receiver(pre_save, sender=Article)
def _article_loaded(sender, instance, raw=False, **kwargs):
    """A row stored raw (`loaddata`, `manage.py restore`) is drawn again from what came
    with it, on the first page that shows it."""
    if raw:
        instance.rendered_as = ""


@receiver(post_save, sender=Article)
def _article_saved(sender, instance, raw=False, **kwargs):
    if not raw:
        mark_changed(Article.objects.filter(pk=instance.pk))


@receiver([post_save, post_delete], sender=Byline)
@receiver([post_save, post_delete], sender=ArticleTopic)
@receiver([post_save, post_delete], sender=Correction)
@receiver([post_save, post_delete], sender=BodyImage)
def _part_changed(sender, instance, raw=False, **kwargs):
    if not raw:
        mark_changed(Article.objects.filter(pk=instance.article_id))


@receiver(post_save, sender=ImageAsset)
def _image_saved(sender, instance, raw=False, **kwargs):
    if not raw:
        image_changed(instance.pk)


@receiver([post_save, post_delete], sender=Rendition)
def _rendition_changed(sender, instance, raw=False, **kwargs):
    if not raw:
        image_changed(instance.image_id)


@receiver(post_save, sender=Author)
def _author_saved(sender, instance, raw=False, **kwargs):
    if not raw:
        mark_changed(Article.objects.filter(bylines__author=instance))


@receiver(post_save, sender=Topic)
def _topic_saved(sender, instance, raw=False, **kwargs):
    if not raw:
        mark_changed(Article.objects.filter(article_topics__topic=instance))


@receiver(post_save, sender=Section)
def _section_saved(sender, instance, raw=False, **kwargs):
    if not raw:
        mark_changed(Article.objects.filter(section=instance))
