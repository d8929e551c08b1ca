from django.db import migrations


def fill_body_stats(apps, schema_editor):
    from articles.models.articles import body_stats

    Article = apps.get_model("articles", "Article")
    for article in Article.objects.only("pk", "body").iterator():
        words, minutes = body_stats(article.body)
        Article.objects.filter(pk=article.pk).update(word_count=words, reading_minutes=minutes)


class Migration(migrations.Migration):
    dependencies = [("articles", "0006_body_stats_and_autosave")]

    operations = [migrations.RunPython(fill_body_stats, migrations.RunPython.noop)]
