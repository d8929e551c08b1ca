"""The workflow functions: states, refusals that change nothing, the timeline, emails and
the review queue."""

import re
from datetime import UTC, datetime, timedelta

import pytest
from django.contrib import admin
from django.core import mail
from django.db.models import ProtectedError
from django.urls import reverse
from django.utils import timezone

from articles import workflow
from articles.models import Article, Status

from .desk import change_url, form_data, snapshot, workflow_url
from .factories import make_article, make_user

pytestmark = pytest.mark.django_db


def draft(**overrides):
    overrides.setdefault("created_by", make_user("Writer"))
    return make_article(published=False, **overrides)


def test_every_move_is_recorded_with_who_when_and_note():
    writer, editor = make_user("Writer"), make_user("Editor")
    article = draft(created_by=writer)
    workflow.submit(article, by=writer)
    workflow.request_changes(article, by=editor, note="Name the second source.")
    workflow.submit(article, by=writer)
    workflow.publish(article, by=editor)
    workflow.unpublish(article, by=editor, note="Legal asked.")
    workflow.return_to_draft(article, by=editor)
    workflow.archive(article, by=editor)
    steps = [
        (event.actor, event.from_status, event.to_status, event.note)
        for event in article.events.all()
    ]
    assert steps == [
        (writer, "draft", "in_review", "Reviewer: any editor"),
        (editor, "in_review", "changes_requested", "Name the second source."),
        (writer, "changes_requested", "in_review", "Reviewer: any editor"),
        (editor, "in_review", "published", ""),
        (editor, "published", "unpublished", "Legal asked."),
        (editor, "unpublished", "draft", ""),
        (editor, "draft", "archived", ""),
    ]
    assert Article.objects.get(pk=article.pk).status == Status.ARCHIVED


def test_archive_is_the_end():
    superuser = make_user(is_superuser=True)
    article = draft(status=Status.ARCHIVED)
    assert workflow.available(article, superuser) == []
    later = timezone.now() + timedelta(days=1)
    moves = [
        lambda: workflow.submit(article, by=superuser),
        lambda: workflow.request_changes(article, by=superuser, note="Why?"),
        lambda: workflow.return_to_draft(article, by=superuser),
        lambda: workflow.publish(article, by=superuser),
        lambda: workflow.schedule(article, by=superuser, at=later),
        lambda: workflow.unpublish(article, by=superuser),
        lambda: workflow.archive(article, by=superuser),
    ]
    for move in moves:
        with pytest.raises(workflow.TransitionError, match="is archived"):
            move()
    assert snapshot(article) == (Status.ARCHIVED, None, None, 0, None, False)


@pytest.mark.parametrize(
    ("move", "arguments", "message"),
    [
        ("request_changes", {"note": "   "}, "the note is required"),
        ("schedule", {"at": "past"}, "in the future"),
        ("publish", {"at": "future"}, "schedule the article instead"),
        ("submit", {"deadline": "past"}, "deadline must be in the future"),
    ],
)
def test_bad_input_is_refused_and_changes_nothing(move, arguments, message):
    editor = make_user("Editor")
    article = draft(status=Status.DRAFT if move == "submit" else Status.IN_REVIEW)
    times = {"past": timezone.now() - timedelta(hours=1), "future": timezone.now() + timedelta(1)}
    arguments = {key: times.get(value, value) for key, value in arguments.items()}
    before = snapshot(article)
    with pytest.raises(workflow.TransitionError, match=message):
        workflow.MOVES[move].function(article, by=editor, **arguments)
    assert snapshot(article) == before


def test_only_a_reviewer_can_be_named():
    writer = make_user("Writer")
    article = draft(created_by=writer)
    with pytest.raises(workflow.TransitionError, match="cannot review"):
        workflow.submit(article, by=writer, reviewer=make_user("Writer"))
    assert snapshot(article)[0] == Status.DRAFT


def test_a_writer_may_withdraw_their_article_from_review_but_not_publish_it():
    writer = make_user("Writer")
    article = draft(created_by=writer)
    workflow.submit(article, by=writer)
    assert workflow.available(Article.objects.get(pk=article.pk), writer) == [
        workflow.MOVES["withdraw"]
    ]
    with pytest.raises(workflow.TransitionError, match="“Approve & publish” is not open to you"):
        workflow.publish(article, by=writer)
    with pytest.raises(workflow.TransitionError, match="is not open to you"):
        workflow.return_to_draft(article, by=writer)  # putting aside is the editors' call
    workflow.withdraw(article, by=writer)
    assert Article.objects.get(pk=article.pk).status == Status.DRAFT


def test_a_scheduled_article_whose_time_has_come_counts_as_published(time_machine):
    editor = make_user("Editor")
    article = draft()
    workflow.schedule(article, by=editor, at=timezone.now() + timedelta(hours=1))
    article.refresh_from_db()
    assert workflow.state(article) == Status.SCHEDULED
    assert workflow.MOVES["return_to_draft"] in workflow.available(article, editor)
    time_machine.move_to(timezone.now() + timedelta(hours=2))
    assert workflow.state(article) == Status.PUBLISHED
    assert workflow.available(article, editor) == [workflow.MOVES["unpublish"]]
    with pytest.raises(workflow.TransitionError, match="is published"):
        workflow.schedule(article, by=editor, at=timezone.now() + timedelta(hours=1))


def test_an_article_with_history_cannot_be_deleted_only_trashed(admin_client):
    article = draft()
    workflow.submit(article, by=article.created_by)
    with pytest.raises(ProtectedError):
        Article.objects.filter(pk=article.pk).delete()
    # The desk's delete moves it to the trash with its history (`articles.trash`).
    admin_client.post(reverse("admin:articles_article_delete", args=[article.pk]), {"post": "yes"})
    article.refresh_from_db()
    assert article.trashed_at is not None and article.events.count() == 1


def test_events_are_not_in_the_admin():
    from articles.models import ArticleEvent

    assert ArticleEvent not in admin.site._registry


def test_submitting_emails_the_named_reviewer(django_capture_on_commit_callbacks):
    writer = make_user("Writer", first_name="Ana", last_name="Diaz")
    reviewer = make_user("Editor", email="desk@example.com")
    make_user("Editor", email="other-editor@example.com")
    article = draft(created_by=writer, headline="Bridge tolls rise")
    deadline = timezone.now() + timedelta(days=1)
    with django_capture_on_commit_callbacks(execute=True):
        workflow.submit(article, by=writer, reviewer=reviewer, deadline=deadline)
    [email] = mail.outbox
    assert email.to == ["desk@example.com"]
    assert email.subject == "Submitted for review: Bridge tolls rise"
    assert "Ana Diaz asks you to review" in email.body
    assert "It is needed by" in email.body
    assert change_url(article) in email.body


def test_submitting_without_a_reviewer_emails_every_editor(django_capture_on_commit_callbacks):
    writer = make_user("Writer", email="writer@example.com")
    make_user("Editor", email="e1@example.com")
    make_user("Editor", email="e2@example.com")
    make_user("Editor", email="gone@example.com", is_active=False)
    make_user("Photo desk", email="photo@example.com")
    with django_capture_on_commit_callbacks(execute=True):
        workflow.submit(draft(created_by=writer), by=writer)
    [email] = mail.outbox
    assert sorted(email.to) == ["e1@example.com", "e2@example.com"]


def test_requesting_changes_emails_the_writer_the_note(django_capture_on_commit_callbacks):
    writer = make_user("Writer", email="writer@example.com")
    editor = make_user("Editor", username="maria")
    article = draft(created_by=writer, status=Status.IN_REVIEW)
    with django_capture_on_commit_callbacks(execute=True):
        workflow.request_changes(article, by=editor, note="Shorten the intro.")
    [email] = mail.outbox
    assert email.to == ["writer@example.com"]
    assert email.subject.startswith("Sent back for changes: ")
    assert "maria sent" in email.body and "Shorten the intro." in email.body


def test_a_refused_move_sends_no_email(django_capture_on_commit_callbacks):
    make_user("Editor", email="e1@example.com")
    article = draft(status=Status.IN_REVIEW)
    with (
        django_capture_on_commit_callbacks(execute=True),
        pytest.raises(workflow.TransitionError),
    ):
        workflow.submit(article, by=article.created_by)
    assert mail.outbox == []


def test_review_queue_lists_what_awaits_me_oldest_deadline_first(client):
    me, colleague = make_user("Editor"), make_user("Editor")
    now = timezone.now()
    writer = make_user("Writer")

    def submitted(headline, reviewer, hours):
        article = draft(headline=headline, created_by=writer)
        deadline = now + timedelta(hours=hours) if hours else None
        workflow.submit(article, by=writer, reviewer=reviewer, deadline=deadline)

    submitted("Late deadline for me", me, 48)
    submitted("Early deadline for me", me, 2)
    submitted("Anyone may review", None, 5)
    submitted("For my colleague", colleague, 1)
    submitted("No deadline for me", me, None)
    draft(headline="Still a draft")
    client.force_login(me)
    response = client.get(reverse("admin:articles_article_changelist") + "?review=mine")
    headlines = [article.headline for article in response.context["cl"].result_list]
    assert headlines == [
        "Early deadline for me",
        "Anyone may review",
        "Late deadline for me",
        "No deadline for me",
    ]
    assert "Awaiting my review" in response.content.decode()


def test_the_writer_sees_the_note_on_the_article_page(client):
    writer = make_user("Writer")
    article = draft(created_by=writer)
    workflow.submit(article, by=writer)
    workflow.request_changes(article, by=make_user("Editor"), note="Add the council’s reply.")
    client.force_login(writer)
    page = client.get(change_url(article)).content.decode()
    assert "Changes requested by" in page
    assert "Add the council’s reply." in page
    assert 'name="_save"' in page  # and the writer may edit it again


def test_in_changes_requested_the_writer_keeps_the_note_and_has_no_back_to_draft(client):
    writer = make_user("Writer")
    article = draft(created_by=writer)
    workflow.submit(article, by=writer)
    workflow.request_changes(article, by=make_user("Editor"), note="Add the council’s reply.")
    client.force_login(writer)
    page = client.get(change_url(article)).content.decode()
    assert workflow_url(article, "return_to_draft") not in page
    assert workflow_url(article, "withdraw") not in page
    assert workflow_url(article, "submit") in page

    assert client.post(workflow_url(article, "return_to_draft")).status_code == 403
    response = client.post(workflow_url(article, "withdraw"), follow=True)
    assert "Nothing changed." in response.content.decode()
    assert Article.objects.get(pk=article.pk).status == Status.CHANGES_REQUESTED
    assert "Add the council’s reply." in response.content.decode()  # the note is still there


def test_the_last_request_stays_in_front_of_the_writer_until_they_resubmit(client):
    writer, editor = make_user("Writer"), make_user("Editor")
    article = draft(created_by=writer)
    workflow.submit(article, by=writer)
    workflow.request_changes(article, by=editor, note="Check the tide tables.")
    workflow.return_to_draft(article, by=editor, note="On hold until Monday.")
    client.force_login(writer)
    page = client.get(change_url(article)).content.decode()
    assert Article.objects.get(pk=article.pk).status == Status.DRAFT
    assert '<p class="desk-note__text">Check the tide tables.</p>' in page

    workflow.submit(article, by=writer)
    client.force_login(editor)
    page = client.get(change_url(article)).content.decode()
    assert 'class="desk-note' not in page

    workflow.request_changes(article, by=editor, note="Now add a map.")
    client.force_login(writer)
    page = client.get(change_url(article)).content.decode()
    assert '<p class="desk-note__text">Now add a map.</p>' in page
    assert '<p class="desk-note__text">Check the tide tables.' not in page


def test_withdraw_from_review_is_the_writers_own_move_editors_request_changes(client):
    writer, editor = make_user("Writer"), make_user("Editor")
    article = draft(created_by=writer)
    workflow.submit(article, by=writer)
    withdraw = f'action="{workflow_url(article, "withdraw")}"'

    client.force_login(writer)
    page = client.get(change_url(article)).content.decode()
    assert withdraw in page and ">Withdraw from review</button>" in page
    response = client.post(workflow_url(article, "withdraw"), follow=True)
    done = f"Withdrew “{article.headline}” from review: it is a draft again."
    assert done in response.content.decode()

    workflow.submit(article, by=writer)
    client.force_login(editor)
    page = client.get(change_url(article)).content.decode()
    assert withdraw not in page and "Withdraw from review" not in page
    assert workflow_url(article, "return_to_draft") not in page
    assert ">Request changes</button>" in page


def test_reschedule_starts_from_the_time_already_set(client, settings):
    settings.TIME_ZONE = "Europe/London"
    editor = make_user("Editor")
    article = draft()
    at = datetime(2030, 7, 1, 8, 30, tzinfo=UTC)  # 09:30 in London
    workflow.schedule(article, by=editor, at=at)
    client.force_login(editor)
    page = client.get(change_url(article)).content.decode()
    assert ">Reschedule</legend>" in page
    # The desk's one date and time widget (articles/admin/widgets.py), in the house order.
    date = re.search(r'<input type="text" name="schedule-at_0"[^>]*>', page)[0]
    time = re.search(r'<input type="text" name="schedule-at_1"[^>]*>', page)[0]
    assert 'value="01/07/2030"' in date
    assert 'value="09:30"' in time


def test_only_the_review_desk_is_offered_emailed_and_accepted_as_reviewer(
    client, django_capture_on_commit_callbacks
):
    writer = make_user("Writer")
    editor = make_user("Editor", first_name="Eda", email="eda@example.com")
    make_user("Editor", first_name="Gone", email="gone@example.com", is_active=False)
    admin = make_user(is_superuser=True, first_name="Root", email="root@example.com")
    chief = make_user("Editor", is_superuser=True, first_name="Chief", email="chief@example.com")
    article = draft(created_by=writer)

    client.force_login(writer)
    page = client.get(change_url(article)).content.decode()
    select = re.search(r'<select name="submit-reviewer".*?</select>', page, re.S)[0]
    offered = re.findall(r'<option value="(\d+)"', select)
    assert sorted(offered) == sorted([str(editor.pk), str(chief.pk)])

    with django_capture_on_commit_callbacks(execute=True):
        workflow.submit(article, by=writer)
    [email] = mail.outbox
    assert sorted(email.to) == ["chief@example.com", "eda@example.com"]

    workflow.withdraw(article, by=writer)
    response = client.post(
        workflow_url(article, "submit"), form_data("submit", reviewer=admin.pk), follow=True
    )
    assert "Nothing changed." in response.content.decode()
    with pytest.raises(workflow.TransitionError, match="cannot review"):
        workflow.submit(article, by=writer, reviewer=admin)
    assert Article.objects.get(pk=article.pk).status == Status.DRAFT
