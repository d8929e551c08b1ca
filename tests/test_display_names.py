"""A person's name, one rule everywhere: full name, else username; nobody is "The newsroom"."""

import pytest
from django.core import mail
from django.urls import reverse

from articles import revisions, workflow
from articles.people import display_name

from .factories import make_article, make_user

pytestmark = pytest.mark.django_db


def test_a_full_name_is_shown_else_the_username_and_nobody_is_the_newsroom():
    assert display_name(make_user(username="ana", first_name="Ana", last_name="Diaz")) == (
        "Ana Diaz"
    )
    assert display_name(make_user(username="eda", first_name="Eda")) == "Eda"
    assert display_name(make_user(username="kit")) == "kit"
    assert display_name(None) == "The newsroom"


def revisions_page(client, article):
    return client.get(reverse("admin:articles_article_revisions", args=[article.pk])).text


def test_the_revisions_page_names_each_saver_by_the_one_rule(client):
    editor = make_user("Editor", username="erin", first_name="Erin", last_name="Editor")
    client.force_login(editor)
    article = make_article(published=False)
    revisions.record(article, by=None, comment="Imported")
    revisions.record(article, by=make_user("Writer", username="wes"), comment="Draft")
    revisions.record(article, by=editor, comment="Edited")

    page = revisions_page(client, article)

    assert "<td>Erin Editor</td>" in page
    assert "<td>wes</td>" in page
    assert "<td>The newsroom</td>" in page


def test_a_deleted_saver_reads_the_same_on_the_revisions_and_change_pages(client):
    client.force_login(make_user("Editor"))
    article = make_article(published=False)
    gone = make_user("Writer", first_name="Gone", last_name="Writer")
    revisions.record(article, by=gone, comment="Draft")
    gone.delete()

    change = client.get(reverse("admin:articles_article_change", args=[article.pk])).text

    assert "<td>The newsroom</td>" in revisions_page(client, article)
    assert "last saved here by\n    The newsroom" in change
    assert "Gone Writer" not in change


def test_the_timeline_and_the_review_email_use_the_same_name(
    client, django_capture_on_commit_callbacks
):
    writer = make_user("Writer", username="wes", email="wes@example.com")
    editor = make_user("Editor", username="eda", first_name="Eda", email="eda@example.com")
    article = make_article(published=False, created_by=writer)
    with django_capture_on_commit_callbacks(execute=True):
        workflow.submit(article, by=writer, reviewer=editor)
    client.force_login(editor)

    page = client.get(reverse("admin:articles_article_change", args=[article.pk])).text

    assert "<strong>wes</strong>:" in page
    assert "Reviewer: Eda" in page
    assert any(message.body.startswith("wes asks you to review") for message in mail.outbox)


def test_the_desk_greets_and_lists_people_by_full_name(client):
    from .factories import make_author

    editor = make_user("Editor", username="eve", first_name="Eve", last_name="Marsh")
    make_author(name="Eve M.", user=editor)
    client.force_login(editor)

    home = client.get(reverse("admin:index")).text
    authors = client.get(reverse("admin:articles_author_changelist")).text

    assert "Welcome, <strong>Eve Marsh</strong>." in home
    assert "Hello, Eve Marsh" in home
    assert '<td class="field-account">Eve Marsh</td>' in authors
