"""Importing copy from plain text or Markdown: `manage.py import_article` and the admin."""

from io import StringIO
from pathlib import Path

import pytest
from django.contrib.auth.models import Group
from django.core.management import CommandError, call_command
from django.urls import reverse
from pytest_django.asserts import assertContains

from articles.models import Article, Author, ImageAsset, Status

from .factories import image_bytes, image_upload, make_article, make_section, make_user

pytestmark = pytest.mark.django_db

FIXTURES = Path(__file__).parent / "fixtures" / "import"
FERRY_TXT = FIXTURES / "ferry-returns.txt"
FERRY_MD = FIXTURES / "ferry-returns.md"


def run(*args):
    out = StringIO()
    call_command("import_article", *map(str, args), stdout=out)
    return out.getvalue()


@pytest.fixture
def sections():
    return make_section(slug="news", position=0), make_section(slug="travel", position=1)


@pytest.fixture
def existing():
    """The articles the fixture's "Related articles:" block names (by headline and slug)."""
    return [
        make_article(headline="Harbour wall repairs finish early"),
        make_article(headline="Council budget approved", slug="council-budget-approved"),
    ]


def test_a_plain_text_file_becomes_a_draft_with_everything_recognised(sections, existing):
    output = run(FERRY_TXT, "--author", "Mara Quinn", "--section", "travel")

    article = Article.objects.get(
        slug="night-ferry-to-the-islands-returns-after-a-two-year-absence"
    )
    assert article.status == Status.DRAFT
    assert article.published_at is None
    assert article.headline == "Night ferry to the islands returns after a two-year absence"
    assert article.standfirst == (
        "The overnight sailing from Wexley harbour resumes on Friday with a refitted ship "
        "and a new timetable."
    )
    assert article.section.slug == "travel"
    assert [author.name for author in article.byline()] == ["Mara Quinn"]
    assert article.body.count("<h2>") == 2
    assert "<h2>A refitted ship for the crossing</h2>" in article.body
    assert "<h2>What the timetable means for travellers</h2>" in article.body
    assert article.body.count("<blockquote>") == 1
    assert "<blockquote><p>“We have waited a long time for this" in article.body
    assert "Image Credit" not in article.body and "Related articles" not in article.body
    assert list(article.related_links.values_list("to_article", flat=True)) == [
        existing[0].pk,
        existing[1].pk,
    ]
    assert "Image credit: Harbour Photo Agency" in output
    assert "2 subheadings, 1 quote" in output
    assert "“Harbour wall repairs finish early”, “Council budget approved”" in output
    assert "not found (not linked): “A story that does not exist”" in output


def test_the_first_section_is_the_default(sections):
    run(FERRY_TXT)
    assert Article.objects.get().section.slug == "news"


def test_importing_the_same_file_twice_is_refused_without_a_duplicate(sections):
    run(FERRY_TXT)
    with pytest.raises(CommandError, match=r"already exists .*Nothing was imported"):
        run(FERRY_TXT)
    assert Article.objects.count() == 1


def test_update_replaces_the_text_of_the_draft(sections, tmp_path):
    run(FERRY_TXT)
    article = Article.objects.get()
    changed = tmp_path / "ferry.txt"
    changed.write_text(
        FERRY_TXT.read_text().replace("eleven weeks in dry dock", "twelve weeks in dry dock")
    )
    output = run(changed, "--update")
    article.refresh_from_db()
    assert Article.objects.count() == 1
    assert "twelve weeks in dry dock" in article.body
    assert article.status == Status.DRAFT
    assert output.startswith("Updated draft")


def test_update_never_touches_a_published_article(sections):
    make_article(headline="Night ferry to the islands returns after a two-year absence")
    with pytest.raises(CommandError, match="is published, not a draft"):
        run(FERRY_TXT, "--update")
    assert Article.objects.get().body.startswith("<p>Body paragraph")


def test_a_markdown_file_is_imported(sections):
    output = run(FERRY_MD)
    article = Article.objects.get()
    assert article.headline == "Night ferry returns to the islands"
    assert article.standfirst == "The overnight sailing resumes on Friday with a refitted ship."
    assert article.status == Status.DRAFT
    body = article.body
    assert "<h2>A refitted ship</h2>" in body and "<h3>The timetable</h3>" in body
    assert "<em>new engines</em>" in body
    assert (
        '<a href="https://example.com/ferry" rel="noopener noreferrer">bigger car deck</a>' in body
    )
    assert "<blockquote>" in body and "<ul>" in body and "<ol>" in body
    assert "2 subheadings, 1 quote" in output


def test_a_hero_picture_gets_the_credit_from_the_file(sections, tmp_path):
    picture = tmp_path / "ferry.jpg"
    picture.write_bytes(image_bytes())
    run(FERRY_TXT, "--image", picture)
    image = Article.objects.get().hero_image
    assert image.credit == "Harbour Photo Agency"
    assert image.width == 64


def test_the_credit_option_wins_over_the_file(sections, tmp_path):
    picture = tmp_path / "ferry.jpg"
    picture.write_bytes(image_bytes())
    run(FERRY_TXT, "--image", picture, "--credit", "Jo Reyes / Island Press")
    assert Article.objects.get().hero_image.credit == "Jo Reyes / Island Press"


def test_a_picture_without_any_credit_is_refused(sections, tmp_path):
    text = tmp_path / "story.txt"
    text.write_text("A headline\n\nA standfirst.\n\nA paragraph of the story.\n")
    picture = tmp_path / "ferry.jpg"
    picture.write_bytes(image_bytes())
    with pytest.raises(CommandError, match="A picture needs a credit"):
        run(text, "--image", picture)
    assert not Article.objects.exists() and not ImageAsset.objects.exists()


def test_a_file_that_is_not_a_picture_is_refused(sections, tmp_path):
    fake = tmp_path / "ferry.jpg"
    fake.write_text("not a picture")
    with pytest.raises(CommandError, match=r"The picture ferry\.jpg"):
        run(FERRY_TXT, "--image", fake)
    assert not Article.objects.exists()


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (None, r"Cannot read .*missing\.txt"),
        (b"", "empty"),
        (b"  \n\n ", "empty"),
        (b"\xff\xfeH\x00e\x00a\x00d\x00", "is not UTF-8 text"),
    ],
)
def test_an_unreadable_file_exits_with_a_clear_message(sections, tmp_path, content, message):
    path = tmp_path / "missing.txt"
    if content is not None:
        path.write_bytes(content)
    with pytest.raises(CommandError, match=message):
        run(path)
    assert not Article.objects.exists()


def test_the_command_exits_non_zero(sections, tmp_path):
    import subprocess
    import sys

    result = subprocess.run(
        [sys.executable, "manage.py", "import_article", str(tmp_path / "nope.txt")],
        cwd=Path(__file__).parent.parent,
        capture_output=True,
        text=True,
        env={"DEBUG": "true", "PATH": "", "DATABASE_URL": "sqlite:///:memory:"},
    )
    assert result.returncode != 0
    assert "Cannot read" in result.stderr


def test_an_unknown_section_lists_the_valid_ones(sections):
    with pytest.raises(
        CommandError, match=r"Unknown section “sport”\. Valid sections: news, travel"
    ):
        run(FERRY_TXT, "--section", "sport")


def test_authors_are_found_by_name_or_created(sections):
    Author.objects.create(name="Mara Quinn", slug="mara-quinn")
    run(FERRY_TXT, "--author", "mara quinn", "--author", "Tom Ode")
    assert [a.name for a in Article.objects.get().byline()] == ["Mara Quinn", "Tom Ode"]
    assert Author.objects.count() == 2


def test_an_import_is_the_first_revision_and_an_update_the_next(sections, existing, tmp_path):
    run(FERRY_TXT, "--author", "Mara Quinn")
    article = Article.objects.get(slug__startswith="night-ferry")
    first = article.revisions.get()
    assert first.comment == "Imported from ferry-returns.txt"
    # Kept after the byline and related articles were written: the revision has them.
    assert [a["name"] for a in first.data["authors"]] == ["Mara Quinn"]
    assert [r["headline"] for r in first.data["related"]] == [e.headline for e in existing]

    changed = tmp_path / "ferry-v2.txt"
    changed.write_text(FERRY_TXT.read_text().replace("eleven weeks", "twelve weeks"))
    run(changed, "--update")
    latest = article.revisions.order_by("-number").first()
    assert (latest.number, latest.comment) == (2, "Imported from ferry-v2.txt")
    assert "twelve weeks" in latest.data["fields"]["body"]


def test_the_owner_given_may_edit_the_imported_draft(client, sections):
    writer = make_user("Writer", username="mara")
    output = run(FERRY_TXT, "--owner", "mara")
    article = Article.objects.get()
    assert article.created_by == writer
    assert "Owner: mara" in output
    assert article.revisions.get().created_by == writer
    client.force_login(writer)
    response = client.get(reverse("admin:articles_article_change", args=[article.pk]))
    assertContains(response, 'name="headline"')  # the form, not a read-only page


def test_an_unknown_or_unsuitable_owner_is_refused_before_anything_is_made(sections):
    make_user("Photo desk", username="lens")
    with pytest.raises(CommandError, match="Unknown user “nobody”"):
        run(FERRY_TXT, "--owner", "nobody")
    with pytest.raises(CommandError, match="“lens” may not write articles"):
        run(FERRY_TXT, "--owner", "lens")
    assert not Article.objects.exists()


def test_the_owner_defaults_to_the_account_of_the_first_author(sections):
    writer = make_user("Writer", username="mara")
    Author.objects.create(name="Mara Quinn", slug="mara-quinn", user=writer)
    Author.objects.create(name="Tom Ode", slug="tom-ode", user=make_user("Writer"))
    output = run(FERRY_TXT, "--author", "Mara Quinn", "--author", "Tom Ode")
    assert Article.objects.get().created_by == writer
    assert "Owner: mara" in output


def test_without_an_owner_the_report_says_only_editors_can_edit_it(sections):
    output = run(FERRY_TXT, "--author", "A Freelancer Without An Account")
    assert Article.objects.get().created_by is None
    assert "Owner: nobody — only editors can edit it" in output


def test_the_report_says_when_the_files_credit_is_not_stored(sections, tmp_path):
    output = run(FERRY_TXT)
    assert "Image credit: Harbour Photo Agency (credit not stored: no picture given)" in output
    assert not ImageAsset.objects.exists()
    picture = tmp_path / "ferry.jpg"
    picture.write_bytes(image_bytes())
    output = run(FERRY_TXT, "--update", "--image", picture)
    assert "Image credit: Harbour Photo Agency\n" in output


# The same import in the admin.


def import_url():
    return reverse("admin:articles_article_import")


def test_the_changelist_offers_import_to_writers_only(client, sections):
    client.force_login(make_user("Writer"))
    assertContains(client.get(reverse("admin:articles_article_changelist")), "Import from file")
    client.force_login(make_user("Photo desk"))
    assert client.get(import_url()).status_code == 403


def test_a_writer_imports_a_file_in_the_admin(client, sections):
    writer = make_user("Writer")
    client.force_login(writer)
    with FERRY_TXT.open("rb") as text:
        response = client.post(import_url(), {"file": text, "section": sections[1].pk}, follow=True)
    article = Article.objects.get()
    assert article.created_by == writer and article.status == Status.DRAFT
    assert response.redirect_chain[-1][0] == reverse(
        "admin:articles_article_change", args=[article.pk]
    )
    assertContains(response, "2 subheadings, 1 quote")
    assertContains(response, "Image credit: Harbour Photo Agency")
    revision = article.revisions.get()
    assert (revision.created_by, revision.comment) == (writer, "Imported from ferry-returns.txt")


def test_the_admin_import_explains_errors_and_keeps_the_input(client, sections):
    writer = make_user("Writer")
    writer.groups.add(Group.objects.get(name="Photo desk"))  # may add the hero picture
    client.force_login(writer)
    with FERRY_TXT.open("rb") as text:
        client.post(import_url(), {"file": text, "section": sections[0].pk})
    with FERRY_TXT.open("rb") as text:
        response = client.post(
            import_url(), {"file": text, "section": sections[1].pk, "credit": "Jo Reyes"}
        )
    assert response.status_code == 200
    assertContains(response, "already exists")
    assertContains(response, 'value="Jo Reyes"')
    assertContains(response, f'<option value="{sections[1].pk}" selected>')
    assert Article.objects.count() == 1


def test_the_admin_import_refuses_a_non_text_file(client, sections):
    client.force_login(make_user("Writer"))
    response = client.post(
        import_url(), {"file": image_upload("story.txt"), "section": sections[0].pk}
    )
    assertContains(response, "is not UTF-8 text")
    assert not Article.objects.exists()


def test_a_writer_cannot_replace_another_writers_draft_by_import(client, sections):
    owner = make_user("Writer")
    make_article(
        headline="Night ferry to the islands returns after a two-year absence",
        published=False,
        created_by=owner,
    )
    client.force_login(make_user("Writer"))
    with FERRY_TXT.open("rb") as text:
        response = client.post(
            import_url(), {"file": text, "section": sections[0].pk, "update": "on"}
        )
    assertContains(response, "another writer’s draft")
    assert Article.objects.get().body.startswith("<p>Body paragraph")
