"""The whole story through the desk, as the newsroom lives it: a writer drafts and submits,
an editor sends it back, the writer fixes it, the editor schedules it, it goes live."""

from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from django.core import mail
from django.urls import reverse

from articles.models import Article, Status
from articles.revisions import version_token

from .desk import change_url, form_data, local, messages_of, workflow_url
from .factories import make_section, make_user

pytestmark = pytest.mark.django_db

MORNING = datetime(2026, 5, 4, 9, 0, tzinfo=ZoneInfo("Europe/London"))


def article_form(headline, section, body):
    return {
        "headline": headline,
        "standfirst": "Councillors vote tonight.",
        "body": body,
        "section": section.pk,
        "slug": "",
        "bylines-TOTAL_FORMS": "0",
        "bylines-INITIAL_FORMS": "0",
        "related_links-TOTAL_FORMS": "0",
        "related_links-INITIAL_FORMS": "0",
        "article_topics-TOTAL_FORMS": "0",
        "article_topics-INITIAL_FORMS": "0",
    }


def test_from_draft_to_live_through_the_desk(
    client, time_machine, django_capture_on_commit_callbacks
):
    time_machine.move_to(MORNING, tick=False)
    section = make_section(name="Local")
    writer = make_user("Writer", username="sam", email="sam@example.com")
    editor = make_user("Editor", username="rita", email="rita@example.com")
    make_user("Editor", username="other", email="other@example.com")

    # The writer drafts the article.
    client.force_login(writer)
    data = article_form("Library hours cut", section, "<p>The library will close early.</p>")
    assert client.post(reverse("admin:articles_article_add"), data).status_code == 302
    article = Article.objects.get(headline="Library hours cut")
    assert (article.status, article.created_by) == (Status.DRAFT, writer)

    # … and submits it to Rita, needed by 17:00.
    page = client.get(change_url(article)).content.decode()
    assert "Submit for review" in page and "Approve &amp; publish" not in page
    deadline = MORNING.replace(hour=17)
    submit = form_data("submit", reviewer=editor.pk, deadline=local(deadline))
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(workflow_url(article, "submit"), submit, follow=True)
    assert "Submitted “Library hours cut” for review." in messages_of(response)
    assert 'name="_save"' not in response.content.decode()  # out of the writer's hands
    assert [m.to for m in mail.outbox] == [["rita@example.com"]]

    # Rita finds it in her queue and sends it back with a note.
    time_machine.move_to(MORNING + timedelta(hours=1), tick=False)
    client.force_login(editor)
    queue = client.get(reverse("admin:articles_article_changelist") + "?review=mine")
    assert list(queue.context["cl"].result_list) == [article]
    page = client.get(change_url(article)).content.decode()
    assert "Request changes" in page and "Approve &amp; publish" in page
    note = "Add the opening hours before and after the cut."
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            workflow_url(article, "request_changes"),
            form_data("request_changes", note=note),
            follow=True,
        )
    assert "Sent “Library hours cut” back to the writer." in messages_of(response)
    assert mail.outbox[-1].to == ["sam@example.com"] and note in mail.outbox[-1].body

    # Sam sees the note, fixes the article and submits it again.
    time_machine.move_to(MORNING + timedelta(hours=2), tick=False)
    client.force_login(writer)
    page = client.get(change_url(article)).content.decode()
    assert note in page and "Changes requested by rita" in page
    fixed = article_form(
        "Library hours cut", section, "<p>The library will close at 17:00 instead of 20:00.</p>"
    )
    fixed["slug"] = article.slug
    fixed["version"] = version_token(Article.objects.get(pk=article.pk))  # reopened the latest
    assert client.post(change_url(article), fixed).status_code == 302
    with django_capture_on_commit_callbacks(execute=True):
        client.post(workflow_url(article, "submit"), form_data("submit", reviewer=editor.pk))
    assert len(mail.outbox) == 3 and mail.outbox[-1].to == ["rita@example.com"]

    # Rita schedules it for 18:00.
    time_machine.move_to(MORNING + timedelta(hours=3), tick=False)
    client.force_login(editor)
    go_live = MORNING.replace(hour=18)
    response = client.post(
        workflow_url(article, "schedule"), form_data("schedule", at=local(go_live)), follow=True
    )
    assert "Scheduled “Library hours cut”." in messages_of(response)

    # Readers see nothing before 18:00, then the fixed article.
    client.logout()
    assert client.get(article.get_absolute_url()).status_code == 404
    time_machine.move_to(go_live + timedelta(minutes=1), tick=False)
    response = client.get(article.get_absolute_url())
    assert response.status_code == 200
    assert "close at 17:00 instead of 20:00" in response.content.decode()
    assert "Library hours cut" in client.get(reverse("articles:home")).content.decode()

    # The timeline on the desk tells the whole story.
    client.force_login(editor)
    response = client.get(change_url(article))
    steps = [
        (event.actor.username, event.from_status, event.to_status)
        for event in response.context["workflow_events"]
    ]
    assert steps == [
        ("sam", "draft", "in_review"),
        ("rita", "in_review", "changes_requested"),
        ("sam", "changes_requested", "in_review"),
        ("rita", "in_review", "scheduled"),
    ]
    timeline = response.content.decode().split('id="timeline-heading"')[1]
    for text in ("Draft → In review", "In review → Changes requested", note, "Goes live"):
        assert text in timeline
    assert "live since 4 May 2026, 18:00" in response.content.decode()
