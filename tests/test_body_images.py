"""Pictures inside a body are known to the database: `BodyImage`, kept by `Article.save()`.

The rows follow the body wherever it is written (the admin, a revision restore, an import, a
bulk create), a picture shown in any body cannot be deleted (PROTECT), and the rule that
reads a body's pictures (`articles.richtext`) stays pure: no models, no templates.
"""

import ast
import json
import re
import subprocess
import sys
from importlib import import_module
from pathlib import Path

import pytest
from django.apps import apps
from django.db import connection
from django.db.models import ProtectedError
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from articles import importing, revisions
from articles.models import Article, BodyImage, ImageAsset
from articles.richtext import figure_markup

from .factories import make_article, make_image, make_section, make_user

pytestmark = pytest.mark.django_db


def body_of(*parts):
    """A body made of paragraphs (str) and library pictures (ImageAsset)."""
    return "".join(
        figure_markup(part.pk) if isinstance(part, ImageAsset) else f"<p>{part}</p>"
        for part in parts
    )


def pictures(article):
    """The pictures the database says the body shows, in order."""
    return list(
        BodyImage.objects.filter(article=article)
        .order_by("position")
        .values_list("image_id", flat=True)
    )


# The database refuses


def test_a_picture_used_only_inside_a_body_cannot_be_deleted_by_anyone():
    image = make_image()
    article = make_article(headline="Storm over the bay", body=body_of("Intro.", image))
    assert not image.hero_articles.exists() and not image.author_photos.exists()

    with pytest.raises(ProtectedError) as refused:
        ImageAsset.objects.filter(pk=image.pk).delete()  # the plain ORM, no helper in between

    assert [use.article for use in refused.value.protected_objects] == [article]
    assert "“Storm over the bay” (Published)" in str(next(iter(refused.value.protected_objects)))
    assert ImageAsset.objects.filter(pk=image.pk).exists()


def test_the_admin_names_the_article_and_keeps_the_picture(admin_client):
    image = make_image(caption="Waves at the pier")
    make_article(headline="Storm over the bay", body=body_of(image), published=False)
    url = reverse("admin:articles_imageasset_delete", args=[image.pk])

    page = admin_client.get(url)
    refused = admin_client.post(url, {"post": "yes"})

    for response in (page, refused):
        assert response.status_code == 200
        assert "Picture in a body: “Storm over the bay” (Draft)" in response.text
    assert ImageAsset.objects.filter(pk=image.pk).exists()


def test_the_library_reads_uses_from_the_table(admin_client):
    image = make_image()
    article = make_article(headline="Storm over the bay", body=body_of(image, "Text.", image))
    change = reverse("admin:articles_imageasset_change", args=[image.pk])
    library = reverse("admin:articles_imageasset_changelist")
    assert "Storm over the bay</a> (in the body · Published)" in admin_client.get(change).text
    # Placed twice in one body, it is one use.
    assert '<td class="field-uses">1</td>' in admin_client.get(library).text

    BodyImage.objects.filter(article=article).delete()  # what the database knows is what counts

    assert "Not used yet." in admin_client.get(change).text
    assert '<td class="field-uses">—</td>' in admin_client.get(library).text


# The rows follow the body


def test_rows_follow_adding_removing_and_reordering_pictures():
    first, second, third = make_image(), make_image(), make_image()
    article = make_article(body=body_of("Intro.", first))
    assert pictures(article) == [first.pk]

    article.body = body_of(first, "Middle.", second, third)
    article.save()
    assert pictures(article) == [first.pk, second.pk, third.pk]

    article.body = body_of(third, "Middle.", first)
    article.save(update_fields=["body"])
    assert pictures(article) == [third.pk, first.pk]

    article.body = body_of("No pictures now.")
    article.save()
    assert pictures(article) == []
    first.delete()  # no longer used anywhere: nothing protects it


def test_a_picture_placed_twice_is_one_row_in_order_of_first_appearance():
    first, second = make_image(), make_image()
    article = make_article(body=body_of(second, "Text.", first, "More.", second))
    assert pictures(article) == [second.pk, first.pk]


def test_a_reference_to_a_missing_picture_is_skipped_and_the_save_goes_through(client):
    image = make_image()
    article = make_article(body=body_of("Pasted.", image) + figure_markup(987654))
    assert pictures(article) == [image.pk]
    assert figure_markup(987654) in Article.objects.get(pk=article.pk).body  # kept as typed
    assert client.get(article.get_absolute_url()).status_code == 200


def test_saving_without_touching_the_body_leaves_the_rows_alone():
    image = make_image()
    article = make_article(body=body_of(image))

    def bodyimage_writes(**save):
        with CaptureQueriesContext(connection) as captured:
            article.save(**save)
        return [
            q["sql"]
            for q in captured.captured_queries
            if "articles_bodyimage" in q["sql"] and not q["sql"].startswith("SELECT")
        ]

    article.headline = "New headline"
    assert bodyimage_writes(update_fields=["headline"]) == []
    assert bodyimage_writes() == []  # the body is unchanged: read once, nothing rewritten
    assert pictures(article) == [image.pk]


def test_articles_created_in_bulk_get_their_rows():
    image = make_image()
    Article.objects.bulk_create(
        [Article(headline="Bulk", slug="bulk", section=make_section(), body=body_of(image))]
    )
    assert pictures(Article.objects.get(slug="bulk")) == [image.pk]


def test_a_revision_restore_brings_back_the_pictures_it_had():
    editor = make_user("Editor")
    kept, dropped = make_image(), make_image()
    article = make_article(published=False, created_by=editor, body=body_of("One.", kept))
    first = revisions.record(article, by=editor)
    article.body = body_of(dropped, "Two.")
    article.save()
    revisions.record(article, by=editor)
    assert pictures(article) == [dropped.pk]

    revisions.restore(first, by=editor)

    assert pictures(article) == [kept.pk]
    dropped.delete()  # the restore released it


def test_restoring_a_body_whose_picture_was_deleted_since_does_not_fail():
    editor = make_user("Editor")
    gone = make_image()
    article = make_article(published=False, created_by=editor, body=body_of("One.", gone))
    old = revisions.record(article, by=editor)
    article.body = body_of("Two.")
    article.save()
    gone.delete()

    revisions.restore(old, by=editor)

    article.refresh_from_db()
    assert "One." in article.body
    assert pictures(article) == []


def test_an_import_writes_the_rows_and_an_update_replaces_them():
    section = make_section()
    image = make_image()
    parsed = importing.ParsedArticle("Storm over the bay", "Standfirst.", body=body_of(image))
    result = importing.import_article(parsed, section=section)
    assert pictures(result.article) == [image.pk]

    text = importing.parse("# Storm over the bay\n\nStandfirst.\n\nNo picture now.", "storm.md")
    importing.import_article(text, section=section, update=True)

    assert pictures(result.article) == []
    image.delete()


# Where the table is read


def test_the_picture_picker_previews_an_older_picture_the_body_shows(admin_client):
    old = make_image(caption="From the archive")
    for _ in range(60):  # newer pictures fill the picker's list
        make_image(renditions=False)
    article = make_article(published=False, body=body_of(old))

    response = admin_client.get(reverse("admin:articles_article_change", args=[article.pk]))

    data = re.search(r'id="newsroom-library-images"[^>]*>(.*?)</script>', response.text)[1]
    assert json.loads(data)[str(old.pk)]["caption"] == "From the archive"


def test_the_migration_fills_the_table_from_existing_bodies():
    first, second = make_image(), make_image()
    with_pictures = make_article(body=body_of(second, "Text.", first, second))
    missing = make_article(body=body_of("Pasted.") + figure_markup(987654))
    plain = make_article(body=body_of("No pictures."))
    BodyImage.objects.all().delete()  # as before the table existed

    import_module("articles.migrations.0012_fill_body_images").fill_body_images(apps, None)

    assert pictures(with_pictures) == [second.pk, first.pk]
    assert pictures(missing) == pictures(plain) == []


# Dependencies point one way


def test_the_body_rules_import_no_models_and_no_templates():
    """`articles.richtext` is pure: loading it loads no model, view or template code of ours,
    and its source imports nothing from the project or from Django's template system."""
    source = Path(import_module("articles.richtext").__file__).read_text()
    imported = set()
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Import):
            imported |= {alias.name for alias in node.names}
        elif isinstance(node, ast.ImportFrom):
            imported.add("." * node.level + (node.module or ""))
    assert not {name for name in imported if name.startswith((".", "articles", "django.template"))}

    loaded = subprocess.run(
        [
            sys.executable,
            "-c",
            "import sys, articles.richtext; "
            "print(sorted(m for m in sys.modules if m.startswith('articles')))",
        ],
        capture_output=True,
        text=True,
        check=True,
        env={"DJANGO_SETTINGS_MODULE": "newsroom.settings", "PATH": ""},
        cwd=Path(__file__).resolve().parent.parent,
    ).stdout
    assert loaded.strip() == "['articles', 'articles.richtext']"
