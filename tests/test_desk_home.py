"""The desk home: each person's lists in place of the admin's model index
(`articles.admin.desk_home`). Which lists a user sees is `articles.permissions`' to say, and
every list starts from `visible_articles`: a writer never sees another writer's drafts."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from articles import revisions
from articles.admin.desk_home import LIST_LENGTH
from articles.models import Status

from .factories import make_article, make_user

pytestmark = pytest.mark.django_db

INDEX = reverse("admin:index")


def lists_of(client, user):
    client.force_login(user)
    response = client.get(INDEX)
    assert response.status_code == 200
    lists = response.context["desk"]["lists"]
    return {desk_list.key: desk_list for desk_list in lists}, response.text


def headlines(desk_list):
    return [article.headline for article in desk_list.rows]


@pytest.fixture
def newsroom():
    """Two writers and an editor, with articles in every state."""
    now = timezone.now()
    ana = make_user("Writer", first_name="Ana", last_name="Diaz")
    ben = make_user("Writer", first_name="Ben", last_name="Okoro")
    eve = make_user("Editor", first_name="Eve", last_name="Marsh")
    other_editor = make_user("Editor")

    def article(headline, owner, status, **fields):
        return make_article(
            headline=headline, created_by=owner, published=False, status=status, **fields
        )

    article("Ana draft", ana, Status.DRAFT)
    article("Ben draft", ben, Status.DRAFT)
    article("Ana sent back", ana, Status.CHANGES_REQUESTED)
    article("Ben sent back", ben, Status.CHANGES_REQUESTED)
    article("For Eve, late", ana, Status.IN_REVIEW, reviewer=eve,
            review_deadline=now - timedelta(hours=1))  # fmt: skip
    article("For anyone", ben, Status.IN_REVIEW, review_deadline=now + timedelta(hours=3))
    article("For Eve, no deadline", ben, Status.IN_REVIEW, reviewer=eve)
    article("For someone else", ben, Status.IN_REVIEW, reviewer=other_editor)
    article("Ben embargo", ben, Status.SCHEDULED, published_at=now + timedelta(hours=2))
    article("Ana embargo", ana, Status.SCHEDULED, published_at=now + timedelta(hours=3))
    article("Next week", ana, Status.SCHEDULED, published_at=now + timedelta(days=7))
    article("Out this minute", ben, Status.PUBLISHED, published_at=now - timedelta(minutes=1))
    article("Last month", ben, Status.PUBLISHED, published_at=now - timedelta(days=30))
    return {"ana": ana, "ben": ben, "eve": eve}


def test_a_writer_sees_their_own_work_and_never_another_writers_drafts(client, newsroom):
    lists, page = lists_of(client, newsroom["ana"])

    assert set(lists) == {"sent_back", "drafts", "scheduled", "published_today", "recent"}
    assert headlines(lists["drafts"]) == ["Ana draft"]
    assert headlines(lists["sent_back"]) == ["Ana sent back"]
    assert headlines(lists["scheduled"]) == ["Ana embargo"]  # Ben's embargo is not hers
    assert headlines(lists["published_today"]) == ["Out this minute"]  # what readers see
    for hidden in ["Ben draft", "Ben sent back", "Ben embargo", "For anyone"]:
        assert hidden not in page
    assert "Awaiting my review" not in page


def test_an_editor_sees_the_review_queue_by_deadline_with_the_overdue_marked(client, newsroom):
    lists, page = lists_of(client, newsroom["eve"])

    review = lists["review"]
    assert headlines(review) == ["For Eve, late", "For anyone", "For Eve, no deadline"]
    assert review.count == 3
    assert review.overdue == {review.rows[0].pk}
    assert page.count("desk-list__row--overdue") == 1
    assert "Overdue:" in page
    assert "from Ana Diaz" in page  # people by full name
    assert headlines(lists["scheduled"]) == ["Ben embargo", "Ana embargo"]  # next 24 h only
    assert headlines(lists["drafts"]) == []  # her own drafts: none


def test_the_photo_desk_sees_no_article_lists_but_every_part_of_the_desk(client):
    lists, page = lists_of(client, make_user("Photo desk"))

    assert lists == {}
    assert reverse("admin:articles_imageasset_changelist") in page
    assert reverse("desk:image_upload") in page


def test_each_row_links_to_its_article_with_its_status_badge(client, newsroom):
    lists, page = lists_of(client, newsroom["ana"])

    draft = lists["drafts"].rows[0]
    assert reverse("admin:articles_article_change", args=[draft.pk]) in page
    assert '<span class="desk-status desk-status--draft">Draft</span>' in page
    assert reverse("admin:articles_article_changelist") in page  # the admin's links stay


def test_recently_edited_lists_what_i_saved_newest_first(client, newsroom, time_machine):
    time_machine.move_to(timezone.now())
    ana = newsroom["ana"]
    first = make_article(headline="Saved first", created_by=ana, published=False)
    second = make_article(headline="Saved second", created_by=ana, published=False)
    revisions.record(first, by=ana)
    time_machine.shift(timedelta(minutes=5))
    revisions.record(second, by=ana)
    revisions.record(make_article(headline="Ben saved it"), by=newsroom["ben"])

    lists, _ = lists_of(client, ana)

    assert headlines(lists["recent"]) == ["Saved second", "Saved first"]


def test_the_review_count_counts_beyond_the_rows_shown(client):
    editor = make_user("Editor")
    for n in range(LIST_LENGTH + 2):
        make_article(headline=f"Queue {n}", published=False, status=Status.IN_REVIEW)

    lists, page = lists_of(client, editor)

    assert len(lists["review"].rows) == LIST_LENGTH
    assert lists["review"].count == LIST_LENGTH + 2
    assert f"All {LIST_LENGTH + 2}" in page


@pytest.mark.parametrize("role", ["Writer", "Editor"])
def test_the_desk_home_runs_a_fixed_number_of_queries(client, role, django_assert_max_num_queries):
    """Session, user, the role's permissions, one query per list (plus the review count),
    the admin's app list, whatever the number of articles."""
    user = make_user(role)
    client.force_login(user)
    client.get(INDEX)  # warm the permission cache's first miss equally for both runs
    for n in range(3 * LIST_LENGTH):
        status = [Status.DRAFT, Status.IN_REVIEW, Status.CHANGES_REQUESTED][n % 3]
        article = make_article(created_by=user, published=False, status=status)
        revisions.record(article, by=user)
        make_article(published_at=timezone.now() - timedelta(minutes=n + 1))

    with django_assert_max_num_queries({"Writer": 9, "Editor": 11}[role]):
        assert client.get(INDEX).status_code == 200
