import django.contrib.postgres.search
from django.db import migrations

# PostgreSQL only: SQLite has no tsvector or GIN index (there the field stays empty and
# `articles.search` matches words instead). The index is made here rather than in the
# model's Meta so that migrating SQLite does not try to build it.
CREATE_INDEX = (
    "CREATE INDEX IF NOT EXISTS article_search_vector_gin "
    "ON articles_article USING gin (search_vector)"
)
DROP_INDEX = "DROP INDEX IF EXISTS article_search_vector_gin"
# The same vector as `ArticleQuerySet.refresh_search_vector()`, for the articles already there.
FILL = """
UPDATE articles_article AS a SET search_vector =
    setweight(to_tsvector('english', a.headline), 'A')
    || setweight(to_tsvector('english', a.standfirst), 'B')
    || setweight(to_tsvector('english', coalesce((
        SELECT string_agg(au.name, ' ') FROM articles_byline b
        JOIN articles_author au ON au.id = b.author_id WHERE b.article_id = a.id
    ), '')), 'B')
    || setweight(to_tsvector('english', a.body_text), 'C')
"""


def on_postgresql(*statements):
    def run(apps, schema_editor):
        if schema_editor.connection.vendor == "postgresql":
            for statement in statements:
                schema_editor.execute(statement)

    return run


class Migration(migrations.Migration):
    dependencies = [("articles", "0017_topics")]

    operations = [
        migrations.AddField(
            model_name="article",
            name="search_vector",
            field=django.contrib.postgres.search.SearchVectorField(
                editable=False, null=True, verbose_name="search vector"
            ),
        ),
        migrations.RunPython(on_postgresql(FILL, CREATE_INDEX), on_postgresql(DROP_INDEX)),
    ]
