"""Web addresses: one slug rule (articles/slugs.py) for articles, authors and imports."""

from io import StringIO

import pytest
from django.core.management import CommandError, call_command

from articles.models import Article, Author

from .factories import make_article, make_author, make_section

pytestmark = pytest.mark.django_db

# 199 characters: fits a headline (200) but not a slug with room for a suffix (190), and the
# cut at 190 falls on a hyphen.
LONG_HEADLINE = "Ships " + "Harbour " * 23 + "wall ends"


def import_file(tmp_path, headline, *args):
    path = tmp_path / "copy.txt"
    path.write_text(f"{headline}\n\nA standfirst.\n\nA paragraph of the body.\n")
    call_command("import_article", str(path), *args, stdout=StringIO())


def test_a_taken_slug_gets_the_next_free_number():
    make_section()
    slugs = [make_article(headline="Pier reopens!").slug for _ in range(3)]
    assert slugs == ["pier-reopens", "pier-reopens-2", "pier-reopens-3"]


def test_resaving_an_article_keeps_its_slug_and_an_emptied_one_is_made_again():
    article = make_article(headline="Pier reopens")
    article.save()
    assert article.slug == "pier-reopens"
    article.slug = ""
    article.save()
    assert article.slug == "pier-reopens"


def test_long_text_is_cut_leaving_room_for_a_suffix_and_no_trailing_hyphen():
    first = make_article(headline=LONG_HEADLINE)
    second = make_article(headline=LONG_HEADLINE)
    assert len(LONG_HEADLINE) == 199
    assert len(first.slug) == 189 and not first.slug.endswith("-")
    assert LONG_HEADLINE.lower().replace(" ", "-").startswith(first.slug)
    assert second.slug == f"{first.slug}-2"
    author = Author.objects.create(name=("Mara " * 24).strip())  # 119 of 120 characters
    assert len(author.slug) <= 110 and not author.slug.endswith("-")


def test_text_that_gives_no_slug_falls_back_to_the_kind_of_thing():
    assert [make_article(headline="¿?!").slug for _ in range(2)] == ["article", "article-2"]
    assert Author.objects.create(name="…").slug == "author"


def test_an_imported_author_whose_slug_is_taken_gets_the_next_number(tmp_path):
    make_section()
    make_author(name="M. Quinn (archive)", slug="mara-quinn")
    import_file(tmp_path, "Pier reopens", "--author", "Mara Quinn")
    assert Article.objects.get().byline()[0].slug == "mara-quinn-2"


def test_an_import_finds_an_article_whose_long_headline_was_slugged_on_the_desk(tmp_path):
    """The importer and Article.save() cut a long headline at the same length, so the same
    copy imported twice is recognised and not stored as a second article."""
    make_article(headline=LONG_HEADLINE, published=False)
    with pytest.raises(CommandError, match="already exists"):
        import_file(tmp_path, LONG_HEADLINE)
    assert Article.objects.count() == 1


def test_an_import_whose_headline_gives_no_slug_is_refused(tmp_path):
    make_section()
    with pytest.raises(CommandError, match="no usable web address"):
        import_file(tmp_path, "¿?!")
    assert not Article.objects.exists()
