from django.db import migrations


def fill_body_stats(apps, schema_editor):
    from articles.models.articles import derived_from_body

    Article = apps.get_model("articles", "Article")
    for article in Article.objects.only("pk", "body").iterator():
        derived = derived_from_body(article.body)
        Article.objects.filter(pk=article.pk).update(
            word_count=derived["word_count"], reading_minutes=derived["reading_minutes"]
        )


class Migration(migrations.Migration):
    dependencies = [("articles", "0006_body_stats_and_autosave")]

    operations = [migrations.RunPython(fill_body_stats, migrations.RunPython.noop)]
