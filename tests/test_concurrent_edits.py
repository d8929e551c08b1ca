"""No lost edits: a save on top of a version the editor did not see is refused."""

import re

import pytest
from django.test import Client
from django.urls import reverse

from articles.models import Article

from .admin_forms import form_data
from .factories import make_article, make_author, make_user

pytestmark = pytest.mark.django_db


def change_url(article):
    return reverse("admin:articles_article_change", args=[article.pk])


def open_editor(role="Editor"):
    client = Client()
    user = make_user(role, first_name=role, last_name=str(Client.__name__))
    client.force_login(user)
    return client, user


def test_the_second_of_two_concurrent_saves_is_refused_and_keeps_its_text():
    article = make_article(published=False, body="<p>First draft.</p>", authors=[make_author()])
    alice, _ = open_editor()
    bob, _ = open_editor()
    alice_data = form_data(alice.get(change_url(article)))
    bob_data = form_data(bob.get(change_url(article)))

    alice_data["body"] = "<p>Alice checked the figures.</p>"
    assert alice.post(change_url(article), alice_data).status_code == 302

    bob_data["body"] = "<p>Bob rewrote the intro in the meantime.</p>"
    bob_data["headline"] = "Bob’s new headline"
    response = bob.post(change_url(article), bob_data)

    assert response.status_code == 200
    assert "Not saved" in response.text and "after you opened it" in response.text
    assert "Nothing was overwritten" in response.text
    form = response.context["adminform"].form
    assert form["body"].value() == "<p>Bob rewrote the intro in the meantime.</p>"
    assert "Bob rewrote the intro in the meantime." in response.text
    assert form["headline"].value() == "Bob’s new headline"
    article.refresh_from_db()
    assert article.body == "<p>Alice checked the figures.</p>"
    assert article.headline != "Bob’s new headline"
    assert article.bylines.count() == 1
    assert article.revisions.count() == 1  # only Alice's save


def test_the_refused_form_keeps_refusing_until_the_editor_reloads():
    article = make_article(published=False)
    alice, _ = open_editor()
    bob, _ = open_editor()
    stale = form_data(bob.get(change_url(article)))
    alice.post(change_url(article), form_data(alice.get(change_url(article))))

    refused = bob.post(change_url(article), {**stale, "body": "<p>Mine.</p>"})
    again = form_data(refused)  # what the browser now shows, Bob's text included
    assert bob.post(change_url(article), again).status_code == 200

    fresh = form_data(bob.get(change_url(article)))
    assert bob.post(change_url(article), {**fresh, "body": "<p>Mine.</p>"}).status_code == 302
    assert Article.objects.get(pk=article.pk).body == "<p>Mine.</p>"


def test_a_status_change_while_editing_also_makes_the_save_stale():
    from articles import workflow

    article = make_article(published=False)
    bob, bob_user = open_editor()
    stale = form_data(bob.get(change_url(article)))
    workflow.publish(article, by=bob_user)
    response = bob.post(change_url(article), {**stale, "headline": "Late change"})
    assert response.status_code == 200 and "Not saved" in response.text
    assert Article.objects.get(pk=article.pk).headline != "Late change"


def test_a_post_without_the_version_token_is_refused():
    article = make_article(published=False)
    bob, _ = open_editor()
    data = form_data(bob.get(change_url(article)))
    del data["version"]
    response = bob.post(change_url(article), {**data, "headline": "Crafted"})
    assert response.status_code == 200 and "Not saved" in response.text
    assert Article.objects.get(pk=article.pk).headline != "Crafted"


def page_token(response):
    """The token of this load of the change page, which its heartbeats send."""
    return re.search(r'id="article-presence"[^>]* data-page="([^"]+)"', response.text)[1]


def test_the_change_page_shows_who_else_has_it_open_and_who_changed_it_last():
    article = make_article(published=False)
    alice, alice_user = open_editor()
    bob, _ = open_editor()
    alice_page = alice.get(change_url(article))
    alice.post(change_url(article), form_data(alice_page))

    page = bob.get(change_url(article)).text
    assert "Also open now:" in page and alice_user.get_full_name() in page
    assert f"last saved here by\n    {alice_user.get_full_name()}" in page

    heartbeat = reverse("admin:articles_article_presence", args=[article.pk])
    assert bob.post(heartbeat).json() == {"others": [alice_user.get_full_name()]}
    alice.post(heartbeat, {"leave": "1", "page": page_token(alice_page)})
    assert bob.post(heartbeat).json() == {"others": []}


def test_reloading_or_saving_does_not_drop_someone_from_who_has_it_open():
    """The old page's "leaving" beacon arrives after the new page said hello: it must not
    remove its writer, who is still there."""
    article = make_article(published=False)
    alice, alice_user = open_editor()
    bob, _ = open_editor()
    heartbeat = reverse("admin:articles_article_presence", args=[article.pk])

    first = alice.get(change_url(article))
    second = alice.get(change_url(article))  # reload
    assert page_token(first) != page_token(second)
    alice.post(heartbeat, {"leave": "1", "page": page_token(first)})  # the late beacon
    assert bob.post(heartbeat).json() == {"others": [alice_user.get_full_name()]}

    # "Save and continue editing": the page comes back, then the old one's beacon arrives.
    saved = alice.post(change_url(article), {**form_data(second), "_continue": "1"}, follow=True)
    alice.post(heartbeat, {"leave": "1", "page": page_token(second)})
    assert bob.post(heartbeat).json() == {"others": [alice_user.get_full_name()]}

    alice.post(heartbeat, {"page": page_token(saved)})
    alice.post(heartbeat, {"leave": "1", "page": page_token(saved)})  # she closes the tab
    assert bob.post(heartbeat).json() == {"others": []}


def test_saving_and_going_back_to_the_list_leaves_the_article():
    article = make_article(published=False)
    alice, _ = open_editor()
    bob, _ = open_editor()
    heartbeat = reverse("admin:articles_article_presence", args=[article.pk])
    page = alice.get(change_url(article))
    assert alice.post(change_url(article), form_data(page)).status_code == 302  # "Save"
    alice.post(heartbeat, {"leave": "1", "page": page_token(page)})
    assert bob.post(heartbeat).json() == {"others": []}


def test_a_refused_save_keeps_its_author_listed():
    article = make_article(published=False)
    alice, alice_user = open_editor()
    bob, _ = open_editor()
    heartbeat = reverse("admin:articles_article_presence", args=[article.pk])
    stale = alice.get(change_url(article))
    bob.post(change_url(article), form_data(bob.get(change_url(article))))
    refused = alice.post(change_url(article), form_data(stale))
    assert "Not saved" in refused.text
    alice.post(heartbeat, {"leave": "1", "page": page_token(stale)})
    assert bob.post(heartbeat).json() == {"others": [alice_user.get_full_name()]}


def test_presence_forgets_people_who_stopped_sending_heartbeats(time_machine):
    article = make_article(published=False)
    alice, alice_user = open_editor()
    bob, _ = open_editor()
    heartbeat = reverse("admin:articles_article_presence", args=[article.pk])
    time_machine.move_to("2026-05-01 09:00:00Z")
    alice.get(change_url(article))
    assert bob.post(heartbeat).json()["others"] == [alice_user.get_full_name()]
    time_machine.move_to("2026-05-01 09:05:00Z")
    assert bob.post(heartbeat).json()["others"] == []


def test_people_without_the_article_get_no_presence():
    article = make_article(published=False)
    photo_desk, _ = open_editor("Photo desk")
    heartbeat = reverse("admin:articles_article_presence", args=[article.pk])
    assert photo_desk.post(heartbeat).status_code == 404  # may not see it: told nothing


def test_the_refusal_names_who_moved_the_article_in_the_workflow(time_machine):
    """A workflow move leaves no revision: the refusal names the editor from the timeline."""
    time_machine.move_to("2026-05-01 09:00:00Z")
    article = make_article(published=False)
    carol, _ = open_editor()
    carol.post(change_url(article), form_data(carol.get(change_url(article))))  # a revision

    time_machine.move_to("2026-05-01 10:00:00Z")
    bob, _ = open_editor()
    stale = form_data(bob.get(change_url(article)))
    maria = Client()
    maria.force_login(make_user("Editor", first_name="Maria", last_name="Ortega"))
    time_machine.move_to("2026-05-01 10:01:00Z")
    maria.post(reverse("admin:articles_article_workflow", args=[article.pk, "publish"]))
    assert Article.objects.get(pk=article.pk).is_published

    time_machine.move_to("2026-05-01 10:02:00Z")
    response = bob.post(change_url(article), {**stale, "headline": "Too late"})
    assert response.status_code == 200
    assert "Not saved: Maria Ortega changed this article at" in response.text
    assert "someone else" not in response.text
