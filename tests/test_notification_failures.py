"""A mail server that fails after a workflow move: the move stays saved, the failure is
logged and the desk says which email did not go, never an error page."""

import logging

import pytest
from django.urls import reverse

from articles import workflow
from articles.models import Article, Status

from .desk import change_url, form_data, messages_of, workflow_url
from .factories import make_article, make_user

FAILING = "tests.failing_email.EmailBackend"


@pytest.fixture
def mail_server_down(settings, caplog):
    settings.EMAIL_BACKEND = FAILING
    caplog.set_level(logging.ERROR, logger="articles.notifications")
    return caplog


def failures(caplog):
    return [r for r in caplog.records if r.name == "articles.notifications"]


# Emails go out after the commit: these tests commit for real, as a request does.
@pytest.mark.django_db(transaction=True)
def test_submitting_saves_and_says_the_email_failed(client, mail_server_down):
    writer = make_user("Writer")
    reviewer = make_user("Editor", email="desk@example.com")
    article = make_article(published=False, created_by=writer, headline="Pier reopens")
    client.force_login(writer)
    response = client.post(
        workflow_url(article, "submit"), form_data("submit", reviewer=reviewer.pk), follow=True
    )
    assert response.status_code == 200
    assert Article.objects.get(pk=article.pk).status == Status.IN_REVIEW
    assert messages_of(response) == [
        "Submitted “Pier reopens” for review. But the email to desk@example.com could not "
        "be sent: please tell them yourself."
    ]
    [record] = failures(mail_server_down)
    assert "desk@example.com" in record.getMessage() and record.exc_info


@pytest.mark.django_db(transaction=True)
def test_requesting_changes_saves_the_note_and_says_the_email_failed(client, mail_server_down):
    writer = make_user("Writer", email="writer@example.com")
    article = make_article(published=False, status=Status.IN_REVIEW, created_by=writer)
    client.force_login(make_user("Editor"))
    response = client.post(
        workflow_url(article, "request_changes"),
        form_data("request_changes", note="Name the source."),
        follow=True,
    )
    assert response.redirect_chain[-1][0] == change_url(article)
    assert Article.objects.get(pk=article.pk).status == Status.CHANGES_REQUESTED
    assert "Name the source." in response.text  # the note is on the page all the same
    [message] = messages_of(response)
    assert "But the email to writer@example.com could not be sent" in message
    assert len(failures(mail_server_down)) == 1


@pytest.mark.django_db(transaction=True)
def test_a_move_outside_the_desk_survives_a_failed_email(mail_server_down):
    make_user("Editor", email="e1@example.com")
    writer = make_user("Writer")
    article = make_article(published=False, created_by=writer)
    workflow.submit(article, by=writer)  # e.g. from a management command
    assert Article.objects.get(pk=article.pk).status == Status.IN_REVIEW
    assert len(failures(mail_server_down)) == 1


@pytest.mark.django_db(transaction=True)
def test_when_mail_works_the_desk_just_confirms(client, mailoutbox):
    writer = make_user("Writer")
    make_user("Editor", email="e1@example.com")
    article = make_article(published=False, created_by=writer, headline="Pier reopens")
    client.force_login(writer)
    response = client.post(workflow_url(article, "submit"), follow=True)
    assert messages_of(response) == ["Submitted “Pier reopens” for review."]
    assert [email.to for email in mailoutbox] == [["e1@example.com"]]
    assert reverse("admin:articles_article_change", args=[article.pk]) in mailoutbox[0].body
