from django.db import migrations


def fill_body_images(apps, schema_editor):
    """Existing articles get a `BodyImage` row for each library picture their body shows, by
    the rule `Article.keep_body_images()` follows: once per picture, in order of first
    appearance, references to pictures that no longer exist left out."""
    from articles.richtext import figure_ids

    Article = apps.get_model("articles", "Article")
    BodyImage = apps.get_model("articles", "BodyImage")
    ImageAsset = apps.get_model("articles", "ImageAsset")
    known = set(ImageAsset.objects.values_list("pk", flat=True))
    rows = []
    for article in Article.objects.only("pk", "body").iterator():
        wanted = [pk for pk in dict.fromkeys(figure_ids(article.body)) if pk in known]
        rows += [
            BodyImage(article_id=article.pk, image_id=pk, position=position)
            for position, pk in enumerate(wanted)
        ]
    BodyImage.objects.bulk_create(rows, batch_size=500)


class Migration(migrations.Migration):
    dependencies = [("articles", "0011_body_images")]

    operations = [migrations.RunPython(fill_body_images, migrations.RunPython.noop)]
