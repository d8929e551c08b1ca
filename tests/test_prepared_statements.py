"""On PostgreSQL the reader pages' queries are prepared on the server once per connection
and then only run (newsroom/postgresql/base.py): the pages are the same, and nothing else
Django sends is prepared."""

import pytest
from django.db import connection

from tests.factories import make_article

pytestmark = [
    pytest.mark.django_db,
    pytest.mark.skipif(connection.vendor != "postgresql", reason="PostgreSQL's own"),
]


def prepared() -> list[str]:
    with connection.cursor() as cursor:
        cursor.execute("SELECT statement FROM pg_prepared_statements ORDER BY statement")
        return [row[0] for row in cursor.fetchall()]


@pytest.fixture
def article():
    connection.ensure_connection()
    with connection.cursor() as cursor:
        cursor.execute("DEALLOCATE ALL")
    return make_article(headline="Ferry timetable changes")


def test_a_reader_page_s_queries_are_prepared_once_then_reused(client, article):
    url = article.get_absolute_url()
    assert "Ferry timetable changes" in client.get(url).text
    statements = prepared()
    assert any('FROM "articles_article"' in statement for statement in statements)
    assert all(statement.lstrip().startswith("SELECT") for statement in statements)

    assert "Ferry timetable changes" in client.get(url).text
    assert prepared() == statements  # run again, not prepared again

    article.headline = "Ferry timetable changed"
    article.save()  # Django's own queries (the save, the signals') are sent as they were
    assert "Ferry timetable changed" in client.get(url).text
    assert prepared() == statements


def test_a_prepared_query_keeps_one_generic_plan(client, article):
    """Planned once, not on every request: the section list, left to choose, was planned
    for its values every time (its generic plan was estimated a little dearer)."""
    url = article.section.get_absolute_url()
    for _ in range(8):
        assert "Ferry timetable changes" in client.get(url).text
    with connection.cursor() as cursor:
        cursor.execute("SELECT generic_plans, custom_plans, statement FROM pg_prepared_statements")
        plans = cursor.fetchall()
    section_list = [p for p in plans if '"section_id" =' in p[2] and "LIMIT" in p[2]]
    assert section_list and all(p[0] >= 8 and p[1] == 0 for p in section_list), plans
    assert all(custom == 0 for _, custom, _ in plans), plans


def test_prepared_statements_can_be_turned_off_for_a_pooler(client, article, monkeypatch):
    monkeypatch.setitem(connection.settings_dict, "PREPARED_STATEMENTS", False)
    assert "Ferry timetable changes" in client.get(article.get_absolute_url()).text
    assert prepared() == []
