"""`manage.py seed_bench` fills a database with the load benchmark's archive (bench/run)."""

from io import StringIO

import pytest
from django.core.management import CommandError, call_command
from django.db import connection
from django.db.models import Count
from django.test.utils import CaptureQueriesContext
from django.utils.html import escape
from pytest_django.asserts import assertContains

from articles.models import Article, Author, ImageAsset, Rendition, Section
from articles.renditions import planned_specs

from .factories import make_article

pytestmark = pytest.mark.django_db

# Small pictures keep the test quick; the benchmark itself draws them 1600 px wide.
SMALL = {"picture_width": 320}


def seed(**options):
    out = StringIO()
    call_command("seed_bench", stdout=out, **{**SMALL, **options})
    return out.getvalue()


def test_the_archive_has_the_benchmark_proportions(client):
    seed(articles=40)

    assert Article.objects.count() == 40
    assert Article.objects.published().count() == 40
    assert Author.objects.count() == 2  # 50 per 2,000 articles, at least two
    assert ImageAsset.objects.count() == 4  # 200 per 2,000 articles
    assert Section.objects.count() == 4
    counted = Article.objects.annotate(
        authors_count=Count("bylines", distinct=True),
        related_count=Count("related_links", distinct=True),
    )
    assert {a.authors_count for a in counted} <= {1, 2}
    assert {a.related_count for a in counted} == {3}
    assert all(a.hero_image_id for a in Article.objects.all())
    assert set(Article.objects.values_list("section__name", flat=True)) == {
        "News",
        "Sport",
        "Business",
        "Culture",
    }

    article = Article.objects.published().first()
    assert 700 <= article.word_count <= 1000
    for markup in ("<h2>", "<strong>", "<em>", '<a href="https://'):
        assert markup in article.body
    response = client.get(article.get_absolute_url())
    assertContains(response, escape(f"Image credit: {article.hero_image.credit}"))
    assertContains(response, "Related articles")


def test_options_set_the_number_of_authors_and_pictures():
    seed(articles=30, authors=5, images=12)

    assert (Article.objects.count(), Author.objects.count(), ImageAsset.objects.count()) == (
        30,
        5,
        12,
    )


def test_every_picture_is_credited_and_has_all_its_renditions():
    seed(articles=100, images=12)  # more pictures than are drawn: the rest share their files

    for image in ImageAsset.objects.prefetch_related("renditions"):
        assert image.credit.strip() and image.alt_text.strip()
        specs = {r.spec for r in image.renditions.all()}
        assert specs == set(planned_specs(image))
        assert image.file.storage.exists(image.file.name)
        for rendition in image.renditions.all():
            assert rendition.file.storage.exists(rendition.file.name)


def test_refuses_a_database_with_other_content_unless_forced():
    article = make_article(headline="A real story")

    with pytest.raises(CommandError, match="not bench content"):
        seed(articles=10)
    assert list(Article.objects.all()) == [article]

    seed(articles=10, force=True)
    assert Article.objects.count() == 10
    assert not Article.objects.filter(headline="A real story").exists()


def test_seeding_again_replaces_the_archive():
    seed(articles=20)
    seed(articles=12)

    assert Article.objects.count() == 12
    assert Author.objects.count() == 2


def test_reuse_leaves_an_archive_of_the_asked_size_alone():
    seed(articles=10)
    first = list(Article.objects.values_list("pk", flat=True))

    assert "already holds" in seed(articles=10, reuse=True)
    assert list(Article.objects.values_list("pk", flat=True)) == first

    seed(articles=12, reuse=True)  # another size: made again
    assert Article.objects.count() == 12


def test_reuse_draws_stored_parts_of_older_templates_again_and_says_so():
    seed(articles=10)
    Article.objects.update(rendered_as="0:drawn by older templates")

    said = seed(articles=10, reuse=True)

    assert "Stored parts drawn again: 10 articles." in said
    assert not Article.objects.filter(rendered_as="0:drawn by older templates").exists()
    assert "drawn again" not in seed(articles=10, reuse=True)  # nothing stale now


def test_writes_in_bulk_queries_do_not_grow_with_the_archive(django_assert_max_num_queries):
    # Both runs replace an archive of the same size, so only the size asked for differs.
    seed(articles=20, authors=3, images=10)
    with CaptureQueriesContext(connection) as small:
        seed(articles=20, authors=3, images=10)
    seed(articles=20, authors=3, images=10)

    # Three times the content: a row-by-row write would add at least 40 queries; a bulk one
    # adds at most a few (SQLite caps the values of one INSERT, so a batch may split).
    with django_assert_max_num_queries(len(small) + 5):
        seed(articles=60, authors=9, images=30)
    assert Article.objects.count() == 60
    assert Rendition.objects.count() == 30 * len(planned_specs(ImageAsset.objects.first()))


def test_an_authors_name_finds_their_articles_in_the_archive(client):
    """bench/run searches for a name too: the bylines, written after the articles, are in
    each article's search vector."""
    seed(articles=20, authors=3)
    author = Author.objects.annotate(n=Count("articles")).order_by("-n").first()
    surname = author.name.split()[-1]
    response = client.get("/search/", {"q": surname})
    shown = response.context["paginator"].count
    assert shown == Article.objects.filter(bylines__author__name__contains=surname).count() > 0
