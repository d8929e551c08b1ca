"""Topics: editors tag articles in order on the article form; readers get topic pages and
links on the article page; revisions keep the topics like the byline."""

from datetime import timedelta

import pytest
from django.conf import settings
from django.urls import reverse
from django.utils import timezone
from pytest_django.asserts import assertContains, assertNotContains

from articles.models import ArticleTopic, Status, Topic

from .admin_forms import form_data
from .factories import make_article, make_section, make_user

pytestmark = pytest.mark.django_db


def tag(article, *topics):
    for position, topic in enumerate(topics):
        ArticleTopic.objects.create(article=article, topic=topic, position=position)
    return article


@pytest.fixture
def editor(client):
    client.force_login(make_user("Editor"))
    return client


def test_topics_get_unique_slugs_from_their_names():
    first = Topic.objects.create(name="Flooding")
    second = Topic.objects.create(name="Flooding!")
    assert (first.slug, second.slug) == ("flooding", "flooding-2")
    assert first.get_absolute_url() == "/topics/flooding/"


def test_the_article_page_links_its_topics_in_the_editors_order(client):
    coast, flooding = Topic.objects.create(name="Coast"), Topic.objects.create(name="Flooding")
    article = tag(make_article(), flooding, coast)
    html = client.get(article.get_absolute_url()).text
    links = [f'<a href="/topics/{slug}/" rel="tag">' for slug in ("flooding", "coast")]
    assert links[0] in html and links[1] in html
    assert html.index(links[0]) < html.index(links[1])


def test_a_topic_page_lists_only_its_public_articles_and_pages_through_them(client):
    topic = Topic.objects.create(name="Flooding", description="Rising water and what is done.")
    section = make_section()
    for n in range(settings.ARTICLES_PER_PAGE + 1):
        tag(make_article(headline=f"Flood story {n}", section=section), topic)
    tag(make_article(headline="Draft about floods", published=False), topic)
    tag(
        make_article(
            headline="Scheduled about floods",
            status=Status.SCHEDULED,
            published_at=timezone.now() + timedelta(hours=1),
        ),
        topic,
    )
    make_article(headline="Untagged flood story")
    response = client.get(topic.get_absolute_url())
    assertContains(response, "<h1>Flooding</h1>", html=True)
    assertContains(response, "Rising water and what is done.")
    assertNotContains(response, "Draft about floods")
    assertNotContains(response, "Scheduled about floods")
    assertNotContains(response, "Untagged flood story")
    assertContains(response, 'rel="next"')
    second = client.get(topic.get_absolute_url(), {"page": 2})
    assert len(second.context["articles"]) == 1
    assert client.get(topic.get_absolute_url(), {"page": 9}).status_code == 404
    assert client.get("/topics/no-such-topic/").status_code == 404


def test_editors_choose_topics_by_autocomplete_in_order_and_revisions_keep_them(editor):
    coast, flooding = Topic.objects.create(name="Coast"), Topic.objects.create(name="Flooding")
    article = make_article(published=False)
    url = reverse("admin:articles_article_change", args=[article.pk])
    page = editor.get(url)
    assertContains(page, 'data-ajax--url="/admin/autocomplete/"')
    assertContains(page, 'data-field-name="topic"')
    search = editor.get(
        "/admin/autocomplete/",
        {
            "term": "flo",
            "app_label": "articles",
            "model_name": "articletopic",
            "field_name": "topic",
        },
    )
    assert [r["text"] for r in search.json()["results"]] == ["Flooding"]

    data = form_data(page) | {
        "article_topics-TOTAL_FORMS": "2",
        "article_topics-0-topic": str(flooding.pk),
        "article_topics-0-position": "0",
        "article_topics-1-topic": str(coast.pk),
        "article_topics-1-position": "1",
    }
    assert editor.post(url, data).status_code == 302
    assert article.topic_list() == [flooding, coast]
    first = article.revisions.get()
    assert [t["name"] for t in first.data["topics"]] == ["Flooding", "Coast"]

    data = form_data(editor.get(url))
    data["article_topics-0-DELETE"] = "on"
    assert editor.post(url, data).status_code == 302
    assert article.topic_list() == [coast]
    compare = reverse("admin:articles_article_compare", args=[article.pk])
    rows = editor.get(compare, {"a": 1, "b": 2}).context["rows"]
    assert [row["label"] for row in rows] == ["Topics"]

    restore = reverse("admin:articles_article_restore", args=[article.pk, first.number])
    assert editor.post(restore).status_code == 302
    assert article.topic_list() == [flooding, coast]


def test_the_same_topic_twice_is_explained_in_the_form(editor):
    topic = Topic.objects.create(name="Coast")
    article = make_article(published=False)
    url = reverse("admin:articles_article_change", args=[article.pk])
    data = form_data(editor.get(url)) | {
        "article_topics-TOTAL_FORMS": "2",
        "article_topics-0-topic": str(topic.pk),
        "article_topics-0-position": "0",
        "article_topics-1-topic": str(topic.pk),
        "article_topics-1-position": "1",
    }
    response = editor.post(url, data)
    assert response.status_code == 200
    assertContains(response, "Please correct the duplicate data for topic")
    assert article.topic_list() == []
