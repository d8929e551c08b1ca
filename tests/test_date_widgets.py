"""One date and time widget across the desk (articles/admin/widgets.py): the admin's
calendar and clock, typed day before month, never the browser's locale-bound picker."""

import re
from datetime import UTC, datetime

import pytest
from django.urls import reverse

from articles.models import Article, Status

from .desk import change_url, form_data, workflow_url
from .factories import make_article, make_user

pytestmark = pytest.mark.django_db


def date_inputs(page):
    return re.findall(r'<input type="[^"]+" name="[^"]*(?:-at|deadline|expires_at)[^"]*"', page)


@pytest.mark.parametrize(
    ("role", "status", "names"),
    [
        ("Writer", Status.DRAFT, ["submit-deadline_0", "submit-deadline_1"]),
        ("Editor", Status.IN_REVIEW, ["schedule-at_0", "schedule-at_1"]),
        ("Editor", Status.PUBLISHED, ["corrections-__prefix__-published_at_0"]),
    ],
)
def test_every_date_on_the_article_page_is_the_desks_widget(client, role, status, names):
    user = make_user(role)
    article = make_article(published=status == Status.PUBLISHED, status=status, created_by=user)
    client.force_login(user)

    page = client.get(change_url(article)).text

    assert 'type="datetime-local"' not in page
    assert 'type="date"' not in page
    for name in names:
        assert f'name="{name}"' in page
    assert page.count('class="datetime desk-datetime"') >= 1
    assert "admin/js/admin/DateTimeShortcuts.js" in page  # the calendar and the clock
    assert 'placeholder="dd/mm/yyyy"' in page


def test_the_time_has_a_label_of_its_own(client):
    user = make_user("Writer")
    article = make_article(published=False, created_by=user)
    client.force_login(user)

    page = client.get(change_url(article)).text

    assert '<label class="desk-datetime__label" for="id_submit-deadline_1">Time:</label>' in page
    assert '<label class="desk-datetime__label" for="id_submit-deadline_0">Date:</label>' in page


def test_a_time_typed_day_before_month_schedules_at_that_time(client, settings):
    settings.TIME_ZONE = "Europe/London"
    editor = make_user("Editor")
    article = make_article(published=False, status=Status.IN_REVIEW)
    client.force_login(editor)

    client.post(
        workflow_url(article, "schedule"),
        {"schedule-at_0": "01/07/2030", "schedule-at_1": "09:30", "drawn_for": "in_review"},
    )

    article = Article.objects.get(pk=article.pk)
    assert article.status == Status.SCHEDULED
    assert article.published_at == datetime(2030, 7, 1, 8, 30, tzinfo=UTC)  # BST


def test_a_single_iso_value_is_still_read(client):
    editor = make_user("Editor")
    article = make_article(published=False, status=Status.IN_REVIEW)
    client.force_login(editor)

    client.post(workflow_url(article, "schedule"), form_data("schedule", at="2030-07-01T09:30"))

    assert Article.objects.get(pk=article.pk).status == Status.SCHEDULED


# 07/01/2000 is 7 January 2000 (day first): in the past, refused as such.
@pytest.mark.parametrize("value", ["07/01/2000", "2030-13-01", "31/02/2030", "\x00", "9" * 40])
def test_a_date_that_is_no_date_changes_nothing_and_says_so(client, value):
    editor = make_user("Editor")
    article = make_article(published=False, status=Status.IN_REVIEW)
    client.force_login(editor)

    response = client.post(
        workflow_url(article, "schedule"),
        {"schedule-at_0": value, "schedule-at_1": "09:30"},
        follow=True,
    )

    assert response.status_code == 200
    assert Article.objects.get(pk=article.pk).status == Status.IN_REVIEW
    assert "Nothing changed" in response.text


def test_the_front_page_uses_the_same_widget(client):
    client.force_login(make_user("Editor"))

    page = client.get(reverse("admin:articles_frontpageslot_add")).text

    assert 'class="datetime desk-datetime"' in page
    assert 'name="expires_at_0"' in page and 'name="expires_at_1"' in page
    assert date_inputs(page)
