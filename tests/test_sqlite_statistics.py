"""The SQLite backend keeps the planner's statistics, so the reader lists read the newest
articles along the date index instead of sorting the whole archive (newsroom/sqlite)."""

import pytest
from django.db import connection

from newsroom.sqlite.base import DatabaseWrapper

pytestmark = [
    pytest.mark.skipif(connection.vendor != "sqlite", reason="SQLite's planner"),
    pytest.mark.django_db,
]

# Past what a sampled ANALYZE (`analysis_limit`) reads: it counted 1,001 rows of the one
# status where 100,000 were, and the home page sorted the archive (117 ms at 100,000).
ROWS = 20_000

LATEST = (
    "SELECT a.id FROM article a JOIN section s ON a.section_id = s.id "
    "WHERE a.published_at <= '9999' AND a.status IN ('published', 'scheduled') "
    "ORDER BY a.published_at DESC LIMIT 20"
)


def plan(wrapper):
    with wrapper.cursor() as cursor:
        cursor.execute(f"EXPLAIN QUERY PLAN {LATEST}")
        return " / ".join(row[3] for row in cursor.fetchall())


def test_a_closed_connection_leaves_statistics_and_the_next_plan_uses_the_date_index(tmp_path):
    settings = {**connection.settings_dict, "NAME": str(tmp_path / "site.sqlite3")}
    wrapper = DatabaseWrapper(settings, alias="statistics")
    with wrapper.cursor() as cursor:
        cursor.execute("CREATE TABLE section (id INTEGER PRIMARY KEY)")
        cursor.execute(
            "CREATE TABLE article (id INTEGER PRIMARY KEY, section_id INTEGER, status TEXT, "
            "published_at TEXT)"
        )
        cursor.execute("CREATE INDEX latest ON article (published_at DESC)")
        cursor.execute("CREATE INDEX by_section ON article (section_id, published_at DESC)")
        cursor.execute("CREATE INDEX public ON article (status, published_at DESC)")  # a desk's
        cursor.executemany("INSERT INTO section VALUES (?)", [(n,) for n in range(4)])
        cursor.executemany(
            "INSERT INTO article (section_id, status, published_at) VALUES (?, 'published', ?)",
            [(n % 4, f"2026-{n:06d}") for n in range(ROWS)],
        )
    before = plan(wrapper)  # no statistics yet: SQLite guesses
    wrapper.close()

    wrapper = DatabaseWrapper(settings, alias="statistics")
    with wrapper.cursor() as cursor:
        cursor.execute("SELECT count(*) FROM sqlite_stat1 WHERE tbl = 'article'")
        assert cursor.fetchone()[0] > 0
    after = plan(wrapper)
    wrapper.close()
    assert "USE TEMP B-TREE FOR ORDER BY" in before, before
    assert "USING INDEX latest" in after and "TEMP B-TREE" not in after, after
