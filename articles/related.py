"""Related articles under a story: the editor's list first, then the most related others.

The editor's curated links come first, in their order (`Article.related_articles`). When
there are fewer than `WANTED`, the rest are filled with the published articles that share
most with this one: each shared topic counts 3, each shared author 2, the same section 1;
ties go to the most recent. Never the article itself, never one that is not public
(`Article.objects.published()`, the one rule).

Cheap at any size: the editor's list comes with the article's own row (`curated_column`),
the fill is one query. The fill scores only a bounded pool of candidates, the latest `POOL`
public articles sharing a topic, an author or the section (each found through an index on
publication time), so it does not score the whole archive.
"""

from django.db.models import Case, Count, IntegerField, OuterRef, Q, Subquery, Value, When
from django.db.models.functions import Coalesce
from django.utils import timezone

from .models import Article, ArticleTopic, Byline
from .prepared import JSONRows, Prepared

WANTED = 3
POOL = 50
TOPIC_WEIGHT, AUTHOR_WEIGHT, SECTION_WEIGHT = 3, 2, 1


def _shared(model, ids, field):
    """How many of `ids` the candidate row has in `model` (e.g. shared topics), or 0."""
    rows = (
        model.objects.filter(article=OuterRef("pk"), **{f"{field}__in": ids})
        .values("article")
        .annotate(n=Count("pk"))
        .values("n")
    )
    return Coalesce(Subquery(rows, output_field=IntegerField()), Value(0))


# A related article's row: what its link shows (`reading.Linked`).
LINK = ("pk", "headline", "slug", "published_at", "section_id", "section__name", "section__slug")

PLACE = ("linked_from__position", "linked_from__pk")  # the editor's order


def curated_column(now) -> JSONRows:
    """The editor's list for the outer query's article (`OuterRef("pk")`), as a column of
    its row: `curated_rows` reads it. The article page gets it with the article."""
    links = Article.objects.published(now=now).filter(linked_from__from_article_id=OuterRef("pk"))
    return JSONRows(links.order_by(*PLACE).values(*LINK, *PLACE), LINK, PLACE)


def curated_rows(value) -> list[tuple]:
    """`curated_column`'s value as `LINK` rows, in the editor's order."""
    return JSONRows.rows(value, moments=(LINK.index("published_at"),))


def _fill(now, article, section, others, topics, authors, missing):
    public = Article.objects.published(now=now).exclude(pk__in=[article, *others])
    pools = [Q(section_id=section)]
    score = Case(When(section_id=section, then=Value(SECTION_WEIGHT)), default=0)
    if topics:
        pools.append(Q(article_topics__topic_id__in=topics))
        score = score + TOPIC_WEIGHT * _shared(ArticleTopic, topics, "topic_id")
    if authors:
        pools.append(Q(bylines__author_id__in=authors))
        score = score + AUTHOR_WEIGHT * _shared(Byline, authors, "author_id")
    candidates = Q()
    for pool in pools:
        latest = public.filter(pool).order_by("-published_at").values("pk")[:POOL]
        candidates |= Q(pk__in=latest)
    return (
        public.filter(candidates)
        .annotate(relatedness=score)
        .order_by("-relatedness", "-published_at", "-pk")
        .values_list(*LINK)[:missing]
    )


_fills = {}  # a prepared query per number missing


def related_links(article, section, topics, authors, *, curated, wanted=WANTED):
    """What the article page lists under "Related articles" (`reading.Linked`s): for the
    article with pk `article` in section `section`, with topic and author ids `topics` and
    `authors`. `curated`: the editor's list as `LINK` rows (`curated_rows` of the article's
    row, or the list of an article in hand: `related_for`)."""
    from .reading import linked

    now = timezone.now()
    missing = wanted - len(curated)
    if missing <= 0:
        return linked(curated)
    query = _fills.get(missing)
    if query is None:
        query = _fills[missing] = Prepared(lambda **values: _fill(missing=missing, **values))
    others = [row[0] for row in curated]
    fill = query(now=now, article=article, section=section, others=others, topics=list(topics),
                 authors=list(authors))  # fmt: skip
    return linked([*curated, *fill])


def related_for(article: Article, *, wanted: int = WANTED):
    """`related_links` for an article in hand (previews: its curated list may be unsaved)."""
    curated = [
        (a.pk, a.headline, a.slug, a.published_at, a.section_id, a.section.name, a.section.slug)
        for a in article.related_articles()
    ]
    return related_links(
        article.pk or 0,  # an unsaved article, in the live preview
        article.section_id or 0,
        [topic.pk for topic in article.topic_list()],
        [author.pk for author in article.byline()],
        curated=curated,
        wanted=wanted,
    )
