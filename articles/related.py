"""Related articles under a story: the editor's list first, then the most related others.

The editor's curated links come first, in their order (`Article.related_articles`). When
there are fewer than `WANTED`, the rest are filled with the published articles that share
most with this one: each shared topic counts 3, each shared author 2, the same section 1;
ties go to the most recent. Never the article itself, never one that is not public
(`Article.objects.published()`, the one rule).

Cheap at any size: two queries. The fill scores only a bounded pool of candidates, the
latest `POOL` public articles sharing a topic, an author or the section (each found through
an index on publication time), so it does not score the whole archive.
"""

from django.db.models import Case, Count, IntegerField, OuterRef, Q, Subquery, Value, When
from django.db.models.functions import Coalesce

from .models import Article, ArticleTopic, Byline

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


def related_for(article: Article, *, wanted: int = WANTED) -> list[Article]:
    """What the article page lists under "Related articles"."""
    curated = list(article.related_articles())
    missing = wanted - len(curated)
    if missing <= 0:
        return curated
    topic_ids = [topic.pk for topic in article.topic_list()]
    author_ids = [author.pk for author in article.byline()]
    others = Article.objects.published().exclude(pk__in=[article.pk, *(a.pk for a in curated)])

    pools = [Q(section_id=article.section_id)]
    score = Case(When(section_id=article.section_id, then=Value(SECTION_WEIGHT)), default=0)
    if topic_ids:
        pools.append(Q(article_topics__topic_id__in=topic_ids))
        score = score + TOPIC_WEIGHT * _shared(ArticleTopic, topic_ids, "topic_id")
    if author_ids:
        pools.append(Q(bylines__author_id__in=author_ids))
        score = score + AUTHOR_WEIGHT * _shared(Byline, author_ids, "author_id")
    candidates = Q()
    for pool in pools:
        latest = others.filter(pool).order_by("-published_at").values("pk")[:POOL]
        candidates |= Q(pk__in=latest)

    fill = (
        others.filter(candidates)
        .annotate(relatedness=score)
        .order_by("-relatedness", "-published_at", "-pk")
        .select_related("section")
        .only("headline", "slug", "section", "published_at")[:missing]
    )
    return curated + list(fill)
