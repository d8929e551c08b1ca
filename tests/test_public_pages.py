"""What readers see: home, article, section, author, search, 404."""

import re
from datetime import timedelta

import pytest
import time_machine
from django.urls import reverse
from django.utils import timezone
from pytest_django.asserts import assertContains, assertNotContains

from articles.models import Article, Status

from .factories import make_article, make_author, make_image, make_section, make_user

pytestmark = pytest.mark.django_db


def public_pages(article):
    """Every public page an article could appear on."""
    pages = [reverse("articles:home"), article.section.get_absolute_url()]
    pages += [author.get_absolute_url() for author in article.authors.all()]
    pages += [reverse("articles:search") + "?q=" + article.headline.split()[0]]
    return pages


def test_a_published_article_appears_on_home_section_and_author_pages(client):
    author = make_author(name="Mira Okafor")
    article = make_article(headline="Ferry timetable doubles for summer", authors=[author])
    for url in public_pages(article):
        assertContains(client.get(url), "Ferry timetable doubles for summer")
    assert client.get(article.get_absolute_url()).status_code == 200


@pytest.mark.parametrize("status", [s for s in Status if s not in (Status.PUBLISHED,)])
def test_an_unpublished_article_is_invisible_everywhere(client, status):
    author = make_author()
    make_article(authors=[author])  # so the author has a public page, without the draft
    published_at = timezone.now() + timedelta(days=1) if status == Status.SCHEDULED else None
    if status in (Status.UNPUBLISHED, Status.ARCHIVED):
        published_at = timezone.now() - timedelta(days=1)
    draft = make_article(
        headline="Secret merger talks collapse",
        authors=[author],
        published=False,
        status=status,
        published_at=published_at,
    )
    for url in public_pages(draft):
        assertNotContains(client.get(url), "Secret merger talks collapse")
    assert client.get(draft.get_absolute_url()).status_code == 404


def test_public_rule_holds_at_the_exact_instant_of_publication(client):
    moment = timezone.now().replace(microsecond=0) + timedelta(hours=2)
    article = make_article(status=Status.SCHEDULED, published_at=moment)
    with time_machine.travel(moment - timedelta(microseconds=1), tick=False):
        assert not article.is_published
        assert article not in Article.objects.published()
        assert client.get(article.get_absolute_url()).status_code == 404
    with time_machine.travel(moment, tick=False):
        assert article.is_published
        assert article in Article.objects.published()
        assert client.get(article.get_absolute_url()).status_code == 200


def test_article_page_shows_credit_caption_byline_order_and_date(client):
    image = make_image(credit="Lena Park / Harbour Press", caption="Lifeboat crews at dawn.")
    # The editor's order differs from both name order and creation order.
    second = make_author(name="Ada Byrne")
    first = make_author(name="Zoe Adams")
    article = make_article(
        headline="Lifeboat station saved",
        standfirst="Volunteers raised the money in six weeks.",
        hero_image=image,
        authors=[first, second],
        body="<h2>Six weeks</h2><p>It began with a bake sale.</p>"
        "<blockquote><p>We did it.</p></blockquote>",
    )
    response = client.get(article.get_absolute_url())
    assertContains(response, '<h1 class="story__headline">Lifeboat station saved</h1>', html=True)
    assertContains(response, "Volunteers raised the money in six weeks.")
    assertContains(response, "Lifeboat crews at dawn.")
    assertContains(response, "Image credit: Lena Park / Harbour Press")
    assertContains(response, f'alt="{image.alt_text}"')
    html = response.content.decode()
    assert html.index("Zoe Adams") < html.index("Ada Byrne")
    assertContains(response, f'href="{first.get_absolute_url()}"')
    assertContains(response, "<h2>Six weeks</h2>", html=True)
    assertContains(response, article.published_at.strftime("%Y-%m-%d"))


def test_article_page_lists_only_published_related_articles_in_editor_order(client):
    # The editor's order (Birch, Cedar, Alder) is no order of name, creation or date.
    now = timezone.now()
    cedar = make_article(headline="Cedar story", published_at=now - timedelta(days=2))
    alder = make_article(headline="Alder story", published_at=now - timedelta(hours=1))
    birch = make_article(headline="Birch story", published_at=now - timedelta(days=1))
    draft = make_article(headline="Unfinished related draft", published=False)
    article = make_article(related=[birch, draft, cedar, alder])
    response = client.get(article.get_absolute_url())
    assertContains(response, "Related articles")
    assertNotContains(response, "Unfinished related draft")
    html = response.content.decode()
    assert html.index("Birch story") < html.index("Cedar story") < html.index("Alder story")


def test_article_page_without_published_related_articles_has_no_related_block(client):
    article = make_article(related=[make_article(published=False)])
    assertNotContains(client.get(article.get_absolute_url()), "Related articles")


def test_home_leads_with_the_newest_story_and_its_picture(client):
    make_article(headline="Older story", published_at=timezone.now() - timedelta(hours=5))
    lead = make_article(headline="Newest story", hero_image=make_image(credit="Kai Moreno / Staff"))
    response = client.get(reverse("articles:home"))
    assert response.context["lead"] == lead
    assertContains(response, "Image credit: Kai Moreno / Staff")
    html = response.content.decode()
    assert html.index("Newest story") < html.index("Older story")


def test_section_page_lists_only_its_own_articles(client):
    sport, culture = make_section(name="Sport", slug="sport"), make_section(slug="culture")
    make_article(headline="Cup final tickets sell out", section=sport)
    make_article(headline="Gallery reopens", section=culture)
    response = client.get(sport.get_absolute_url())
    assertContains(response, "Cup final tickets sell out")
    assertNotContains(response, "Gallery reopens")


def test_author_page_shows_profile_and_articles(client):
    author = make_author(name="Ines Duarte", role="Science editor", bio="Writes about the sea.")
    make_article(headline="Seagrass meadows return", authors=[author])
    response = client.get(author.get_absolute_url())
    assertContains(response, "Ines Duarte")
    assertContains(response, "Science editor")
    assertContains(response, "Seagrass meadows return")


def test_search_finds_published_articles_only(client):
    make_article(headline="Library extension approved")
    make_article(headline="Library budget leaked", published=False)
    response = client.get(reverse("articles:search"), {"q": "library"})
    assertContains(response, "Library extension approved")
    assertNotContains(response, "Library budget leaked")
    assertContains(response, "1 result for")


def test_search_reads_the_words_of_the_body_not_its_markup(client):
    picture = make_image()
    make_article(
        headline="Pier reopens",
        body=(
            "<h2>A long wait</h2><p>The <strong>pier</strong> reopened to walkers.</p>"
            "<blockquote><p>“Worth it,” said the harbourmaster.</p></blockquote>"
            f'<figure data-image="{picture.pk}"></figure><ul><li>Open daily</li></ul>'
        ),
    )
    search = reverse("articles:search")
    for markup in ["blockquote", "figure", "strong", "data-image", "<p>", "h2"]:
        assertContains(client.get(search, {"q": markup}), "0 results for", msg_prefix=markup)
    for words in ["harbourmaster", "reopened to walkers", "A long wait", "open daily"]:
        assertContains(client.get(search, {"q": words}), "Pier reopens", msg_prefix=words)
    # Words either side of a paragraph break are not glued together.
    assertContains(client.get(search, {"q": "walkers. “Worth"}), "Pier reopens")


def test_unknown_pages_get_a_helpful_404(client):
    make_section(name="Culture", slug="culture")
    for url in ["/articles/no-such-story/", "/sections/nope/", "/authors/nobody/", "/nothing/"]:
        response = client.get(url)
        assert response.status_code == 404
        assertContains(response, "We can’t find that page", status_code=404)
        assertContains(response, 'href="/sections/culture/"', status_code=404)
        assertContains(response, 'name="q"', status_code=404)


def test_pages_are_readable_without_javascript(client):
    article = make_article()
    for url in [reverse("articles:home"), article.get_absolute_url()]:
        html = client.get(url).text
        # Structured data for search engines is data, not a program.
        assert "<script" not in html.replace('<script type="application/ld+json">', "")


@pytest.mark.parametrize("url", ["/", "/admin/login/"])
def test_pages_name_the_site_icon_so_browsers_do_not_ask_for_favicon_ico(client, url):
    page = client.get(url).content.decode()
    [href] = re.findall(r'<link rel="icon" href="([^"]+)" type="image/svg\+xml">', page)
    icon = client.get(href)
    assert icon.status_code == 200
    assert b"<svg" in b"".join(icon.streaming_content if icon.streaming else [icon.content])


def test_the_desk_pages_name_the_site_icon_too(client):
    client.force_login(make_user(is_superuser=True))
    article = make_article()
    for url in (
        reverse("admin:index"),
        reverse("admin:articles_article_changelist"),
        reverse("admin:articles_article_change", args=[article.pk]),
        reverse("admin:articles_article_revisions", args=[article.pk]),
    ):
        assert '<link rel="icon" href="/static/favicon.svg"' in client.get(url).content.decode()
