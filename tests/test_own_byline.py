"""A new article's byline starts with the writer's own author profile."""

import pytest
from django.urls import reverse

from tests.factories import make_author, make_user

pytestmark = pytest.mark.django_db
ADD = reverse("admin:articles_article_add")


def test_the_add_page_starts_the_byline_with_the_writers_own_name(client):
    writer = make_user("Writer")
    author = make_author(name="Mara Quinn", user=writer)
    client.force_login(writer)

    page = client.get(ADD).text

    assert 'name="bylines-TOTAL_FORMS" value="1"' in page
    assert f'<option value="{author.pk}" selected>Mara Quinn</option>' in page


def test_someone_without_an_author_profile_starts_with_no_byline_row(client):
    editor = make_user("Editor")
    make_author(name="Somebody Else")
    client.force_login(editor)

    page = client.get(ADD).text

    assert 'name="bylines-TOTAL_FORMS" value="0"' in page
