"""On SQLite, a full-text index (FTS5, Porter stemming) of each article's headline,
standfirst, authors' names and body text: what `search_vector` is on PostgreSQL. Nothing on
other databases. Kept by `ArticleQuerySet.refresh_search_vector()`."""

from django.db import migrations

FTS = "articles_article_fts"


def create(apps, schema_editor):
    if schema_editor.connection.vendor != "sqlite":
        return
    schema_editor.execute(
        f"CREATE VIRTUAL TABLE IF NOT EXISTS {FTS} USING fts5("
        "headline, standfirst, names, body, tokenize='porter unicode61')"
    )
    # A migration keeps its own SQL (`ArticleQuerySet._refresh_sqlite_index` may change).
    schema_editor.execute(
        f"INSERT INTO {FTS}(rowid, headline, standfirst, names, body) "
        "SELECT a.id, a.headline, a.standfirst, COALESCE((SELECT group_concat(au.name, ' ') "
        "FROM articles_byline b JOIN articles_author au ON au.id = b.author_id "
        "WHERE b.article_id = a.id), ''), a.body_text FROM articles_article a"
    )


def drop(apps, schema_editor):
    if schema_editor.connection.vendor == "sqlite":
        schema_editor.execute(f"DROP TABLE IF EXISTS {FTS}")


class Migration(migrations.Migration):
    dependencies = [("articles", "0022_updated_index")]

    operations = [migrations.RunPython(create, drop, elidable=False)]
