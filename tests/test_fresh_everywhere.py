"""Nothing a reader page shows is kept from an earlier request: a renamed author or section,
an edited headline or a picture's new credit in the body shows on every page that shows it,
on the very next request (issue 9: what is made once for speed must stay correct)."""

from io import StringIO

import pytest
from django.urls import reverse

from articles.models import Topic
from tests.factories import make_article, make_author, make_image, make_section

pytestmark = pytest.mark.django_db


@pytest.fixture
def story():
    section = make_section(name="Harbour")
    author = make_author(name="Ann Other")
    topic = Topic.objects.create(name="Tides", slug="tides")
    picture = make_image(credit="First Agency")
    article = make_article(
        headline="Pier reopens",
        section=section,
        authors=[author],
        hero_image=make_image(),
        body=f'<p>Before.</p><figure data-image="{picture.pk}"></figure><p>After.</p>',
    )
    article.article_topics.create(topic=topic, position=0)
    return {
        "article": article,
        "section": section,
        "author": author,
        "topic": topic,
        "picture": picture,
    }


def pages(story):
    return [
        reverse("articles:home"),
        story["article"].get_absolute_url(),
        story["section"].get_absolute_url(),
        story["author"].get_absolute_url(),
        story["topic"].get_absolute_url(),
        reverse("articles:feed"),
        reverse("articles:search") + "?q=pier",
    ]


def seen(client, urls):
    for url in urls:
        assert client.get(url).status_code == 200, url  # each page has drawn the old words


def test_a_renamed_author_shows_everywhere_at_once(client, story):
    urls = pages(story)
    seen(client, urls)
    story["author"].name = "Ann Renamed"
    story["author"].save()
    for url in urls:
        assert "Ann Renamed" in client.get(url).text, url


def test_a_renamed_section_shows_everywhere_at_once(client, story):
    urls = pages(story)
    seen(client, urls)
    story["section"].name = "Waterfront"
    story["section"].save()
    for url in urls:
        if url.startswith(story["author"].get_absolute_url()):
            continue  # an author's page names no section
        assert "Waterfront" in client.get(url).text, url


def test_an_edited_headline_shows_everywhere_at_once(client, story):
    urls = pages(story)[:-1]  # search for the old word would not find it
    seen(client, urls)
    story["article"].headline = "Pier reopens after repairs"
    story["article"].save()
    for url in urls:
        assert "Pier reopens after repairs" in client.get(url).text, url


def test_a_body_picture_s_new_credit_shows_at_once(client, story):
    url = story["article"].get_absolute_url()
    assert "Image credit: First Agency" in client.get(url).text
    story["picture"].credit = "Second Agency"
    story["picture"].save()
    assert "Image credit: Second Agency" in client.get(url).text


# The hero picture is drawn into each article's stored parts (`articles.fragments`): its words
# change on every page that shows it, rendered again when the change commits.
HERO_WORDS = [
    ("credit", "Third Agency", "Image credit: Third Agency", "everywhere"),
    ("alt_text", "Gulls circle the pier", 'alt="Gulls circle the pier"', "everywhere"),
    # Listings draw no caption; the home page's lead and the article page do.
    ("caption", "Gulls over the pier at dawn", "Gulls over the pier at dawn", "captioned"),
]


@pytest.mark.parametrize(("field", "value", "shown", "where"), HERO_WORDS)
def test_a_hero_picture_s_new_words_show_on_every_page_at_once(
    client, story, django_capture_on_commit_callbacks, field, value, shown, where
):
    urls = pages(story)[:5]  # home, article, section, author, topic
    seen(client, urls)
    hero = story["article"].hero_image
    setattr(hero, field, value)
    with django_capture_on_commit_callbacks(execute=True):
        hero.save()
    if where == "captioned":
        urls = urls[:2]
    for url in urls:
        assert shown in client.get(url).text, url


def test_a_change_is_drawn_when_it_commits_so_readers_pay_no_render(
    client, story, django_capture_on_commit_callbacks, django_assert_max_num_queries
):
    url = story["article"].get_absolute_url()
    seen(client, [url])
    with django_capture_on_commit_callbacks(execute=True):
        story["author"].name = "Ann Committed"
        story["author"].save()
    with django_assert_max_num_queries(5):  # the stored story: nothing drawn on the way
        assert "Ann Committed" in client.get(url).text


def test_a_new_site_address_is_drawn_into_every_stored_page(client, story, settings):
    """The stored parts write full addresses (canonical, OpenGraph, JSON-LD): a deploy under
    another address draws them again, as a change of their templates does."""
    url = story["article"].get_absolute_url()
    assert 'href="https://news.example.com/other' not in client.get(url).text
    settings.SITE_URL = "https://news.example.com/other"
    page = client.get(url).text
    assert f'<link rel="canonical" href="https://news.example.com/other{url}">' in page
    assert '"url":"https://news.example.com/other/static/img/logo' in page  # JSON-LD


def test_render_articles_draws_the_out_of_date_beforehand(
    client, story, django_assert_max_num_queries
):
    """After a deploy every article is out of date; `render_articles` draws them all, so
    the first reader of each pays no render."""
    from django.core.management import call_command

    from articles.models import Article

    url = story["article"].get_absolute_url()
    Article.objects.update(rendered_as="")  # as a new deploy leaves them
    out = StringIO()
    call_command("render_articles", stdout=out)
    assert f"Rendered 1 of {Article.objects.count()} articles." in out.getvalue()
    with django_assert_max_num_queries(5):  # the stored story: nothing drawn on the way
        assert "Pier reopens" in client.get(url).text
    out = StringIO()
    call_command("render_articles", stdout=out)
    assert "Rendered 0 of" in out.getvalue()  # nothing left to draw
