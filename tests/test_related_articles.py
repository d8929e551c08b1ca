"""Related articles fill themselves: the editor's list first, then the most related public
articles (shared topics, authors, section, then recency), in a bounded number of queries."""

from datetime import timedelta

import pytest
from django.utils import timezone

from articles.models import ArticleTopic, Status, Topic
from articles.related import related_for

from .factories import make_article, make_author, make_section

pytestmark = pytest.mark.django_db


def tag(article, *topics):
    for position, topic in enumerate(topics):
        ArticleTopic.objects.create(article=article, topic=topic, position=position)
    return article


def hours_ago(hours):
    return timezone.now() - timedelta(hours=hours)


def shown(client, article):
    return [a.headline for a in client.get(article.get_absolute_url()).context["related_articles"]]


def test_curated_links_come_first_in_the_editors_order_then_the_most_related(client):
    flooding = Topic.objects.create(name="Flooding")
    section = make_section()
    picked_b, picked_a = make_article(headline="Picked B"), make_article(headline="Picked A")
    tag(make_article(headline="Shares the topic", section=make_section()), flooding)
    make_article(headline="Same section only", section=section, published_at=hours_ago(0.5))
    article = tag(make_article(section=section, related=[picked_b, picked_a]), flooding)
    assert shown(client, article) == ["Picked B", "Picked A", "Shares the topic"]


def test_the_fill_ranks_topics_over_authors_over_section_then_recency():
    coast, flooding = Topic.objects.create(name="Coast"), Topic.objects.create(name="Flooding")
    writer, section = make_author(), make_section()
    elsewhere = make_section()
    article = tag(make_article(section=section, authors=[writer]), coast, flooding)
    make_article(headline="Unrelated", section=elsewhere, published_at=hours_ago(0.1))
    make_article(headline="Same section, new", section=section, published_at=hours_ago(0.2))
    make_article(headline="Same author", section=elsewhere, authors=[writer])
    tag(make_article(headline="One topic", section=elsewhere), coast)
    tag(make_article(headline="Two topics, old", section=elsewhere, published_at=hours_ago(99)),
        coast, flooding)  # fmt: skip
    assert [a.headline for a in related_for(article)] == [
        "Two topics, old",
        "One topic",
        "Same author",
    ]
    assert [a.headline for a in related_for(article, wanted=5)][3:] == ["Same section, new"]


def test_never_itself_and_never_an_article_readers_cannot_see(client):
    topic, section = Topic.objects.create(name="Flooding"), make_section()
    article = tag(make_article(section=section), topic)
    hidden = [
        make_article(headline="Draft", published=False, section=section),
        make_article(
            headline="Scheduled",
            status=Status.SCHEDULED,
            published_at=timezone.now() + timedelta(minutes=5),
            section=section,
        ),
        make_article(headline="Unpublished", status=Status.UNPUBLISHED, section=section),
        make_article(headline="Archived", status=Status.ARCHIVED, section=section),
    ]
    for other in hidden:
        tag(other, topic)
    article.related_links.create(to_article=hidden[0], position=0)  # curated, but a draft
    assert shown(client, article) == []
    make_article(headline="Public", section=section)
    assert shown(client, article) == ["Public"]


def test_a_full_curated_list_is_not_filled(client):
    section = make_section()
    picked = [make_article(headline=f"Picked {n}", section=section) for n in range(4)]
    make_article(headline="Same section", section=section)
    article = make_article(section=section, related=picked)
    assert shown(client, article) == [f"Picked {n}" for n in range(4)]


@pytest.mark.parametrize("n", [1, 8])
def test_filling_costs_two_queries_however_many_candidates(n, django_assert_num_queries):
    topics = [Topic.objects.create(name=f"Topic {i}") for i in range(n)]
    authors = [make_author() for _ in range(n)]
    section = make_section()
    article = tag(make_article(section=section, authors=authors), *topics)
    for i in range(3 * n):
        tag(make_article(section=section, authors=authors[: i % n + 1]), *topics[: i % n + 1])
    article = type(article).objects.with_parts().with_topics().get(pk=article.pk)
    with django_assert_num_queries(2):
        found = related_for(article)
        assert [a.section.name for a in found] == [section.name] * 3


def test_the_editors_list_comes_with_the_article_s_own_query(
    client, django_assert_num_queries, django_capture_on_commit_callbacks
):
    """A full curated list needs no fill: the article page runs one query, the article's,
    which brings its curated links and the menu."""
    section = make_section()
    with django_capture_on_commit_callbacks(execute=True):  # the story is drawn then
        picked = [make_article(headline=f"Picked {n}", section=section) for n in range(3)]
        article = make_article(section=section, related=picked)  # the oldest first
    with django_assert_num_queries(1):
        response = client.get(article.get_absolute_url())
    assert [a.headline for a in response.context["related_articles"]] == [
        "Picked 0",
        "Picked 1",
        "Picked 2",
    ]
