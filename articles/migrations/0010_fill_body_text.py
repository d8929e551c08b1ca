from django.db import migrations


def fill_body_text(apps, schema_editor):
    """Existing articles get the plain-text copy of their body that search reads (and their
    word count and reading time again, from the same function `Article.save()` uses)."""
    from articles.models.articles import derived_from_body

    Article = apps.get_model("articles", "Article")
    for article in Article.objects.only("pk", "body").iterator():
        Article.objects.filter(pk=article.pk).update(**derived_from_body(article.body))


class Migration(migrations.Migration):
    dependencies = [("articles", "0009_article_body_text")]

    operations = [migrations.RunPython(fill_body_text, migrations.RunPython.noop)]
