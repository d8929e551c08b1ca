from django.db import migrations, models

# The move each past step was, read from its states (as `articles.workflow.MOVES` defines
# them when this was written). In review → Draft was a withdrawal when the writer made it.
BY_TARGET = {
    "in_review": "submit",
    "changes_requested": "request_changes",
    "published": "publish",
    "scheduled": "schedule",
    "unpublished": "unpublish",
    "archived": "archive",
}


def name_past_moves(apps, schema_editor):
    ArticleEvent = apps.get_model("articles", "ArticleEvent")
    for event in ArticleEvent.objects.filter(action="").select_related("article"):
        if event.to_status == "draft":
            withdrawn = (
                event.from_status == "in_review"
                and event.actor_id is not None
                and event.actor_id == event.article.created_by_id
            )
            event.action = "withdraw" if withdrawn else "return_to_draft"
        else:
            event.action = BY_TARGET.get(event.to_status, "")
        event.save(update_fields=["action"])


class Migration(migrations.Migration):
    dependencies = [("articles", "0012_fill_body_images")]

    operations = [
        migrations.AddField(
            model_name="articleevent",
            name="action",
            field=models.CharField(blank=True, editable=False, max_length=30, verbose_name="move"),
        ),
        migrations.RunPython(name_past_moves, migrations.RunPython.noop),
    ]
