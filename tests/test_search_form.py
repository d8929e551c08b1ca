"""The search form (one include, templates/includes/search_form.html) and paging that keeps
the rest of the address."""

import re

import pytest
from django.conf import settings
from django.urls import reverse

from .factories import make_article, make_section

pytestmark = pytest.mark.django_db

FORM = re.compile(
    r'<form class="[^"]*" role="search" method="get" action="([^"]+)"[^>]*>(.*?)</form>', re.S
)


def attributes(tag):
    return dict(re.findall(r'([\w-]+)="([^"]*)"', tag))


def search_forms(html):
    """(action, label's target, box's id, box's value) for each search form on the page
    (attributes in any order: the search page's form is drawn by crispy-forms)."""
    forms = []
    for action, inner in FORM.findall(html):
        label = re.search(r"<label\s([^>]*)>\s*Search articles\s*</label>", inner)
        box = next(
            (
                attrs
                for tag in re.findall(r"<input [^>]*>", inner)
                if (attrs := attributes(tag)).get("name") == "q" and attrs.get("type") == "search"
            ),
            None,
        )
        forms.append(
            (
                action,
                label and attributes(label[1]).get("for"),
                box and box.get("id"),
                box and box.get("value"),
            )
        )
    return forms


@pytest.mark.parametrize(
    "where, forms_on_page",
    [("home", 1), ("section", 1), ("search", 2), ("not found", 2)],
)
def test_every_search_form_is_labelled_and_sends_q_to_the_search_page(client, where, forms_on_page):
    article = make_article(headline="Pier reopens")
    url = {
        "home": reverse("articles:home"),
        "section": article.section.get_absolute_url(),
        "search": reverse("articles:search") + "?q=pier",
        "not found": "/no-such-page/",
    }[where]

    forms = search_forms(client.get(url).text)

    assert len(forms) == forms_on_page
    ids = [box_id for _, _, box_id, _ in forms]
    assert len(set(ids)) == len(ids), "each box needs its own id"
    for action, label_for, box_id, _ in forms:
        assert action == reverse("articles:search")
        assert label_for is not None and label_for == box_id


def test_the_search_page_shows_the_query_in_both_boxes(client):
    forms = search_forms(client.get(reverse("articles:search"), {"q": "fish & chips"}).text)
    assert [value for *_, value in forms] == ["fish &amp; chips", "fish &amp; chips"]


def one_page_more(**fields):
    """Enough published articles for a second page of listings."""
    section = make_section()
    for n in range(settings.ARTICLES_PER_PAGE + 1):
        make_article(headline=f"Fish & chips shop {n}", section=section, **fields)
    return section


def test_page_two_of_a_search_keeps_the_query_and_the_rest_of_the_address(client):
    one_page_more()

    first = client.get(reverse("articles:search"), {"q": "fish & chips", "ref": "newsletter"})
    older = re.search(r'<a href="([^"]+)" rel="next">', first.text)[1]
    second = client.get(reverse("articles:search") + older.replace("&amp;", "&"))

    assert older == "?q=fish+%26+chips&amp;ref=newsletter&amp;page=2"
    assert "Page 2 of 2" in second.text
    assert f"{settings.ARTICLES_PER_PAGE + 1} results for “fish &amp; chips”" in second.text
    newer = re.search(r'<a href="([^"]+)" rel="prev">', second.text)[1]
    assert newer == "?q=fish+%26+chips&amp;ref=newsletter&amp;page=1"


def test_section_pages_page_with_page_alone(client):
    section = one_page_more()

    page = client.get(section.get_absolute_url()).text

    assert '<a href="?page=2" rel="next">' in page
