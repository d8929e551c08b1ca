"""The front page is the editors': a lead story and up to three top stories, each with an
optional expiry; the newest articles fill what is not chosen (`articles.frontpage`)."""

import re
from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from articles import fragments
from articles.models import Article, ArticleEvent, FrontPageSlot, Status
from articles.models.frontpage import Position

from .factories import make_article, make_user
from .test_query_counts import BOUNDS

pytestmark = pytest.mark.django_db

HOME = reverse("articles:home")


def pick(article, position, *, expires_at=None):
    return FrontPageSlot.objects.create(article=article, position=position, expires_at=expires_at)


def aged(hours, **fields):
    return make_article(published_at=timezone.now() - timedelta(hours=hours), **fields)


def home(client):
    # What the commits would have rendered (the test's transaction never commits).
    fragments.refresh(Article.objects.values_list("pk", flat=True))
    response = client.get(HOME)
    assert response.status_code == 200
    return response.context


def headlines(shown):
    """The headlines of the teasers shown (each knows its article's pk)."""
    names = dict(Article.objects.values_list("pk", "headline"))
    return [names[teaser.pk] for teaser in shown]


def test_without_picks_the_newest_leads_and_there_are_no_top_stories(client):
    old, new = aged(5, headline="Old"), aged(1, headline="New")

    page = home(client)

    assert page["lead"].pk == new.pk
    assert page["top_stories"] == []
    assert headlines(page["articles"]) == ["Old"]
    assert old  # listed under Latest


def test_the_chosen_lead_and_top_stories_lead_in_their_order_and_are_not_repeated(client):
    articles = [aged(hours, headline=f"Story {hours}") for hours in range(1, 7)]
    pick(articles[5], Position.LEAD)
    pick(articles[4], Position.TOP_2)
    pick(articles[3], Position.TOP_1)

    page = home(client)

    assert page["lead"].pk == articles[5].pk
    assert headlines(page["top_stories"]) == ["Story 4", "Story 5"]
    assert headlines(page["articles"]) == ["Story 1", "Story 2", "Story 3"]
    html = client.get(HOME).text
    assert html.index("Story 6") < html.index("Top stories") < html.index("Story 4")


def test_a_top_story_without_a_lead_leaves_the_lead_to_the_newest_other(client):
    newest, older = aged(1, headline="Newest"), aged(2, headline="Older")
    pick(newest, Position.TOP_1)

    page = home(client)

    assert page["lead"].pk == older.pk
    assert [t.pk for t in page["top_stories"]] == [newest.pk]
    assert page["articles"] == []


def test_an_expired_pick_gives_its_place_back_to_the_newest(client, time_machine):
    time_machine.move_to(timezone.now(), tick=False)
    chosen, newest = aged(30, headline="Chosen"), aged(1, headline="Newest")
    pick(chosen, Position.LEAD, expires_at=timezone.now() + timedelta(hours=2))

    assert home(client)["lead"].pk == chosen.pk

    time_machine.shift(timedelta(hours=2))  # the expiry itself: over
    page = home(client)
    assert page["lead"].pk == newest.pk
    assert headlines(page["articles"]) == ["Chosen"]


@pytest.mark.parametrize("status", [Status.DRAFT, Status.UNPUBLISHED])
def test_a_pick_of_an_article_readers_cannot_see_is_ignored(client, status):
    hidden = make_article(published=False, status=status, headline="Hidden")
    newest = aged(1, headline="Newest")
    pick(hidden, Position.LEAD)

    page = home(client)

    assert page["lead"].pk == newest.pk
    assert "Hidden" not in client.get(HOME).text


def test_a_scheduled_pick_takes_its_place_when_it_goes_live(client, time_machine):
    time_machine.move_to(timezone.now(), tick=False)
    newest = aged(1, headline="Newest")
    embargoed = make_article(
        status=Status.SCHEDULED, published_at=timezone.now() + timedelta(hours=1)
    )
    pick(embargoed, Position.LEAD)
    assert home(client)["lead"].pk == newest.pk

    time_machine.shift(timedelta(hours=1))
    assert home(client)["lead"].pk == embargoed.pk


def test_the_latest_list_keeps_its_length_beside_the_picks(client, settings):
    settings.ARTICLES_PER_PAGE = 3  # read when the view is called
    articles = [aged(hours, headline=f"Story {hours}") for hours in range(1, 9)]
    pick(articles[7], Position.LEAD)
    pick(articles[6], Position.TOP_1)

    page = home(client)

    assert page["lead"].pk == articles[7].pk
    assert headlines(page["top_stories"]) == ["Story 7"]
    assert headlines(page["articles"]) == ["Story 1", "Story 2", "Story 3"]


def test_the_home_page_with_picks_stays_within_its_query_bound(
    client, django_assert_max_num_queries, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):  # saved: their parts rendered
        for position in Position:
            pick(aged(10 + position, authors=[]), position)
        for hours in range(1, 5):
            aged(hours)

    with django_assert_max_num_queries(BOUNDS["home"]):  # the bound: in the menu query
        assert client.get(HOME).status_code == 200


# The desk: editors choose, the choice is in the article's history.


def add_url():
    return reverse("admin:articles_frontpageslot_add")


def test_an_editor_chooses_the_lead_and_the_history_says_so(client):
    editor = make_user("Editor", first_name="Ana", last_name="Diaz")
    article = aged(3, headline="Harbour reopens")
    client.force_login(editor)

    response = client.post(
        add_url(), {"position": Position.LEAD, "article": article.pk, "expires_at_0": ""}
    )

    assert response.status_code == 302
    slot = FrontPageSlot.objects.get()
    assert (slot.chosen_by, slot.article) == (editor, article)
    event = ArticleEvent.objects.get(article=article)
    assert (event.actor, event.action, event.note) == (
        editor,
        "front_page",
        "Lead story on the front page",
    )
    assert event.from_status == event.to_status == Status.PUBLISHED
    timeline = client.get(reverse("admin:articles_article_change", args=[article.pk])).text
    assert "Lead story on the front page" in timeline


def test_replacing_and_removing_a_pick_are_recorded_on_both_articles(client):
    editor = make_user("Editor")
    first, second = aged(3), aged(4)
    client.force_login(editor)
    slot = pick(first, Position.TOP_1)
    change = reverse("admin:articles_frontpageslot_change", args=[slot.pk])

    client.post(change, {"position": Position.TOP_1, "article": second.pk, "expires_at_0": ""})
    client.post(reverse("admin:articles_frontpageslot_delete", args=[slot.pk]), {"post": "yes"})

    assert list(first.events.values_list("note", flat=True)) == ["Taken off the front page"]
    assert list(second.events.values_list("note", flat=True)) == [
        "Top story 1 on the front page",
        "Taken off the front page",
    ]
    assert not FrontPageSlot.objects.exists()


def test_a_draft_or_a_past_expiry_is_refused_and_what_was_typed_stays(client):
    client.force_login(make_user("Editor"))
    draft = make_article(published=False, headline="Unfinished")

    response = client.post(
        add_url(),
        {"position": Position.LEAD, "article": draft.pk, "expires_at_0": "01/01/2020",
         "expires_at_1": "10:00"},
    )  # fmt: skip

    assert response.status_code == 200
    errors = response.context["adminform"].form.errors
    assert "published or scheduled" in str(errors["article"])
    assert "future" in str(errors["expires_at"])
    assert 'value="01/01/2020"' in response.text
    assert not FrontPageSlot.objects.exists()


@pytest.mark.parametrize("role", ["Writer", "Photo desk"])
def test_only_those_who_publish_choose_the_front_page(client, role):
    client.force_login(make_user(role))
    article = aged(2)

    assert client.get(add_url()).status_code == 403
    response = client.post(add_url(), {"position": Position.LEAD, "article": article.pk})
    assert response.status_code == 403
    assert client.get(reverse("admin:articles_frontpageslot_changelist")).status_code == 403
    assert not FrontPageSlot.objects.exists()


def test_the_front_page_list_says_what_is_showing(client, time_machine):
    time_machine.move_to(timezone.now(), tick=False)
    client.force_login(make_user("Editor"))
    pick(aged(2, headline="Live pick"), Position.LEAD)
    pick(aged(3, headline="Old pick"), Position.TOP_1, expires_at=timezone.now() + timedelta(1))
    pick(make_article(published=False, status=Status.DRAFT), Position.TOP_2)
    time_machine.shift(timedelta(days=2))

    page = client.get(reverse("admin:articles_frontpageslot_changelist")).text

    assert "No: expired" in page
    assert "No: not published yet" in page
    assert ">Yes<" in page
    assert "The newsroom, " in page  # chosen by nobody on record (made here, not on the desk)
    assert "until changed" in page


def lead_block(html):
    """The headline of the lead block drawn on the home page, or None."""
    found = re.search(r'id="lead-headline"><a href="[^"]+">([^<]+)</a>', html)
    return found[1] if found else None


def test_the_lead_block_is_drawn_whichever_article_leads(client):
    articles = [aged(hours, headline=f"Story {hours}") for hours in range(1, 11)]
    tops = [Position.TOP_1, Position.TOP_2, Position.TOP_3]
    for position, article in zip(tops, articles[:3], strict=True):
        pick(article, position)  # the three newest are top stories
    home(client)
    assert lead_block(client.get(HOME).text) == "Story 4"  # the newest one not picked

    pick(articles[9], Position.LEAD)  # the oldest, far down the latest
    home(client)
    html = client.get(HOME).text
    assert lead_block(html) == "Story 10"
    assert html.count('class="lead-story"') == 1
