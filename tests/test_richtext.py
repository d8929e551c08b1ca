"""The body is safe by construction: whatever HTML arrives, readers get only the schema."""

import re
from html import unescape
from html.parser import HTMLParser
from io import StringIO

import pytest
from django.core.management import call_command
from django.urls import reverse
from pytest_django.asserts import assertContains, assertNotContains

from articles import revisions, workflow
from articles.models import Article, Status
from articles.richtext import BREAK_TAGS, WORDS_PER_MINUTE, plain_text, sanitize_html

from .admin_forms import form_data
from .factories import make_article, make_image, make_section, make_user

pytestmark = pytest.mark.django_db

XSS_PAYLOADS = [
    "<script>alert(1)</script>",
    "<SCRIPT SRC=//evil.example/x.js></SCRIPT>",
    "<ScRiPt>alert(1)</sCrIpT>",
    "<img src=x onerror=alert(1)>",
    '<p onclick="alert(1)">click</p>',
    "<p onmouseover=alert(1)>hover</p>",
    '<a href="javascript:alert(1)">link</a>',
    '<a href="JaVaScRiPt:alert(1)">mixed case</a>',
    '<a href="jav&#x09;ascript:alert(1)">tab entity</a>',
    '<a href="&#106;&#97;&#118;&#97;&#115;&#99;&#114;&#105;&#112;&#116;&#58;alert(1)">dec</a>',
    '<a href="&#x6A;avascript:alert(1)">hex entity</a>',
    '<a href=" javascript:alert(1)">leading space</a>',
    '<a href="data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==">data url</a>',
    '<a href="vbscript:msgbox(1)">vbscript</a>',
    "<svg onload=alert(1)><circle r=10 /></svg>",
    "<svg><script>alert(1)</script></svg>",
    '<iframe src="https://evil.example"></iframe>',
    '<iframe srcdoc="<script>alert(1)</script>"></iframe>',
    '<p style="background:url(javascript:alert(1))">styled</p>',
    "<style>body{display:none}</style>",
    '<div style="position:fixed;inset:0">cover</div>',
    "<p><b><i>unclosed <a href=x onclick=alert(1)>nest</b></p></i>",
    "<<script>alert(1)//<</script>",
    '"><img src=x onerror=alert(1)>',
    "<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>",
    '<object data="javascript:alert(1)"></object><embed src="javascript:alert(1)">',
    '<form action="javascript:alert(1)"><button>go</button></form>',
    '<details open ontoggle="alert(1)">x</details>',
    '<figure data-image="1" onmouseover="alert(1)"><img src=x onerror=alert(1)></figure>',
    '<figure data-image="javascript:alert(1)"></figure>',
    "{{ request.user }} {% debug %} <p>{{ 7|add:7 }}</p>",
    "<!--<script>alert(1)</script>-->",
    '<base href="javascript:alert(1)//">',
    '<meta http-equiv="refresh" content="0;url=javascript:alert(1)">',
    '<input autofocus onfocus="alert(1)">',
]

DANGEROUS_TAGS = {"script", "iframe", "svg", "style", "object", "embed", "math", "form", "base"}
URL_ATTRIBUTES = {"href", "src", "action", "formaction", "data", "srcset", "xlink:href"}


class _Tags(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.tags = []

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, attrs))


def assert_harmless(html):
    """No executable markup: checked on the served HTML, as a browser would parse it."""
    lowered = html.lower()
    for raw in ("<script", "<iframe", "<svg", "<style", "<object", "<embed"):
        assert raw not in lowered, raw
    tags_only = " ".join(re.findall(r"<[a-zA-Z][^>]*>", html))
    assert not re.search(r"\son\w+\s*=", tags_only, re.IGNORECASE), tags_only
    assert "style=" not in tags_only.lower()
    assert "javascript:" not in tags_only.lower()
    parser = _Tags()
    parser.feed(html)
    for tag, attrs in parser.tags:
        assert tag not in DANGEROUS_TAGS
        for name, value in attrs:
            assert not name.startswith("on"), (tag, name)
            assert name != "style"
            if name in URL_ATTRIBUTES and value:
                scheme = re.sub(r"[\s\x00-\x1f]", "", unescape(value)).lower()
                assert not scheme.startswith(("javascript:", "data:", "vbscript:")), value


def article_part(response):
    """The article as served (not the site's chrome around it)."""
    html = response.content.decode()
    return html[html.index('<article class="story">') : html.index("</article>")]


def admin_form_data(client, url, body):
    """The change form as the browser would send it, with `body` typed in."""
    return form_data(client.get(url)) | {"body": body}


TEMPLATE_SYNTAX = "{{ request.user }} {% debug %} <p>{{ 7|add:7 }}</p>"


@pytest.mark.parametrize("payload", [p for p in XSS_PAYLOADS if p != TEMPLATE_SYNTAX])
def test_each_payload_is_refused_by_the_check_until_it_is_cleaned(payload):
    """The public-page tests below prove something only if each payload is dangerous as
    written: the check refuses it raw and accepts it cleaned; cleaning twice changes nothing."""
    with pytest.raises(AssertionError):
        assert_harmless(payload)
    cleaned = sanitize_html(payload)
    assert_harmless(cleaned)
    assert sanitize_html(cleaned) == cleaned


def test_template_syntax_in_a_body_is_shown_as_text_not_run(client):
    assert TEMPLATE_SYNTAX in XSS_PAYLOADS
    article = make_article(body=f"<p>Before.</p>{TEMPLATE_SYNTAX}")

    served = article_part(client.get(article.get_absolute_url()))

    assert "{{ request.user }} {% debug %}" in served
    assert "<p>{{ 7|add:7 }}</p>" in served


@pytest.mark.parametrize("payload", XSS_PAYLOADS)
def test_payload_saved_in_the_admin_is_harmless_on_the_public_page(client, payload):
    editor = make_user("Editor")
    make_image(pk=1)
    article = make_article(published=False, created_by=editor)
    client.force_login(editor)
    url = reverse("admin:articles_article_change", args=[article.pk])
    body = f"<p>Before the payload.</p>{payload}<p>After the payload.</p>"
    response = client.post(url, admin_form_data(client, url, body))
    assert response.status_code == 302, response.content.decode()[:2000]
    article.refresh_from_db()
    assert article.body == sanitize_html(article.body)
    workflow.publish(article, by=editor)

    page = client.get(article.get_absolute_url())

    assert page.status_code == 200
    served = article_part(page)
    assert "Before the payload." in served
    assert_harmless(served)


@pytest.mark.parametrize("suffix", ["txt", "md"])
def test_payloads_imported_from_a_file_are_harmless_on_the_public_page(client, tmp_path, suffix):
    make_section(slug="news")
    head = "# Payload story" if suffix == "md" else "Payload story"
    text = "\n\n".join([head, "A standfirst.", *XSS_PAYLOADS, "Last paragraph."])
    path = tmp_path / f"payloads.{suffix}"
    path.write_text(text)
    call_command("import_article", str(path), stdout=StringIO())
    article = Article.objects.get()
    assert article.status == Status.DRAFT
    workflow.publish(article, by=make_user("Editor"))

    served = article_part(client.get(article.get_absolute_url()))

    assert "Last paragraph." in served
    assert_harmless(served)


# The body is cleaned once, by Article.save(), and the reader page trusts what is stored; so
# the bulk writes that skip save() may not write a body (QuerySet.update is not a write path).


def test_writing_a_body_around_save_is_refused_and_nothing_is_stored(client):
    article = make_article(body="<p>Safe.</p>")
    with pytest.raises(TypeError, match=r"Article\.save\(\)"):
        Article.objects.filter(pk=article.pk).update(body="<p>Hi<script>alert(1)</script></p>")
    article.body = "<p>Hi<script>alert(1)</script></p>"
    with pytest.raises(TypeError, match=r"Article\.save\(\)"):
        Article.objects.bulk_update([article], ["body"])

    served = article_part(client.get(article.get_absolute_url()))
    assert "<p>Safe.</p>" in served
    assert "Hi" not in served


def test_articles_created_in_bulk_are_cleaned_and_counted_like_saved_ones():
    section = make_section()
    [article] = Article.objects.bulk_create(
        [
            Article(
                headline="Bulk",
                slug="bulk",
                section=section,
                body="<p onclick=alert(1)>Two words<script>alert(2)</script></p>",
            )
        ]
    )
    article = Article.objects.get(slug="bulk")
    assert article.body == "<p>Two words</p>"
    assert (article.body_text, article.word_count, article.reading_minutes) == ("Two words", 2, 1)


def test_the_editor_schema_survives_sanitizing_unchanged():
    body = (
        "<h2>Sub</h2><h3>Smaller</h3><p>Text <strong>bold</strong> <em>italic</em> "
        '<a href="https://example.com/x" rel="noopener noreferrer">link</a><br>next</p>'
        "<blockquote><p>“Quote”</p></blockquote><ul><li><p>one</p></li></ul>"
        '<ol start="3"><li><p>three</p></li></ol><figure data-image="7"></figure>'
    )
    assert sanitize_html(body) == body


def test_links_get_noopener_and_unknown_tags_keep_only_their_text():
    cleaned = sanitize_html(
        '<h1>Big</h1><p><a href="https://other.example" target="_blank">x</a>'
        '<span class="c">kept</span></p>'
    )
    assert cleaned == (
        'Big<p><a href="https://other.example" rel="noopener noreferrer">x</a>kept</p>'
    )


def test_the_admin_form_shows_the_writer_what_will_be_stored(admin_client):
    article = make_article(published=False)
    url = reverse("admin:articles_article_change", args=[article.pk])
    data = admin_form_data(
        admin_client, url, '<p onclick="x()">Kept <script>alert(1)</script>text</p>'
    )
    data["headline"] = ""  # an error, so the form comes back
    response = admin_client.post(url, data)
    assert response.status_code == 200
    form_body = response.context["adminform"].form.cleaned_data["body"]
    assert form_body == "<p>Kept text</p>"
    assertContains(response, "&lt;p&gt;Kept text&lt;/p&gt;")


# Word count and reading time


@pytest.mark.parametrize(
    ("body", "words", "minutes"),
    [
        ("", 0, 0),
        ("<p>One two three.</p>", 3, 1),
        ("<h2>Head</h2><p>one</p><ul><li>two</li><li>three&nbsp;four</li></ul>", 5, 1),
        ("<p>" + "word " * 230 + "</p>", 230, 1),
        ("<p>" + "word " * 231 + "</p>", 231, 2),
        ("<p>" + "word " * 1000 + "</p><script>not counted</script>", 1000, 5),
    ],
)
def test_word_count_and_reading_time_match_the_body(body, words, minutes):
    article = make_article(body=body)
    article.refresh_from_db()
    assert (article.word_count, article.reading_minutes) == (words, minutes)


def test_word_count_follows_an_edit_and_shows_to_reader_and_writer(client, admin_client):
    article = make_article(body="<p>short</p>")
    article.body = "<p>" + "word " * 500 + "</p>"
    article.save(update_fields=["body"])
    article.refresh_from_db()
    assert (article.word_count, article.reading_minutes) == (500, 3)
    assertContains(client.get(article.get_absolute_url()), "3 min read")
    change = admin_client.get(reverse("admin:articles_article_change", args=[article.pk]))
    assertContains(change, "500 words · 3 min read")


def test_the_editors_live_count_gets_the_servers_rule_from_the_page(admin_client):
    article = make_article(published=False, body="<p>short</p>")
    change = admin_client.get(reverse("admin:articles_article_change", args=[article.pk]))
    # static/js/article-editor.js counts with these, never with figures of its own.
    assertContains(change, f'data-words-per-minute="{WORDS_PER_MINUTE}"')
    assertContains(change, f'data-break-tags="{" ".join(BREAK_TAGS)}"')


# Pictures from the library inside the body


def test_a_library_picture_in_the_body_shows_with_caption_and_current_credit(client):
    image = make_image(caption="The pier at dawn", credit="Old Credit")
    article = make_article(body=f'<p>Intro.</p><figure data-image="{image.pk}"></figure>')
    image.credit = "Jo Reyes / Island Press"
    image.save()

    served = article_part(client.get(article.get_absolute_url()))

    assert f"/media/renditions/{image.pk}/" in served  # a rendition, never the original
    assert image.file.url not in served
    assert "The pier at dawn" in served
    assert "Image credit: Jo Reyes / Island Press" in served
    assert "Old Credit" not in served


def test_a_picture_in_a_published_body_cannot_be_deleted_and_stays_on_the_page(
    client, admin_client
):
    image = make_image(credit="Jo Reyes / Island Press")
    article = make_article(body=f'<figure data-image="{image.pk}"></figure><p>Text.</p>')
    response = admin_client.post(
        reverse("admin:articles_imageasset_delete", args=[image.pk]), {"post": "yes"}
    )
    assertContains(response, "cannot be deleted while it is used")
    assertContains(response, article.headline)
    body = article_part(client.get(article.get_absolute_url())).split('class="story__body"')[1]
    assert "Image credit: Jo Reyes / Island Press" in body
    assert "Text." in body


def test_a_body_pointing_at_a_picture_that_does_not_exist_shows_no_empty_frame(client):
    # e.g. copy pasted from another newsroom's site: the reference is kept, nothing is drawn
    article = make_article(body='<figure data-image="987654"></figure><p>Text.</p>')
    served = article_part(client.get(article.get_absolute_url()))
    assert "<figure" not in served.split('class="story__body"')[1]
    assert "Text." in served


def test_a_body_with_pictures_costs_the_reader_no_query_of_its_own(
    client, django_assert_num_queries, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):  # saved: the story is drawn then
        one = make_article()
        many = make_article(
            body="".join(f'<figure data-image="{make_image().pk}"></figure>' for _ in range(5))
        )
    # The article with its stored story, curated related and the menu with the next
    # scheduled publication (articles/caching.py), then the related filled: the figures
    # were drawn at save.
    with django_assert_num_queries(2):
        client.get(one.get_absolute_url())
    with django_assert_num_queries(2):
        response = client.get(many.get_absolute_url())
    assert article_part(response).count("Image credit:") == 5


# What is derived from the body (plain text, words, minutes) follows it everywhere


def derived(article):
    article.refresh_from_db()
    return article.body_text, article.word_count, article.reading_minutes


def test_the_plain_text_word_count_and_reading_time_follow_a_revision_restore(admin_client):
    first = "<h2>Tide tables</h2><p>The <em>spring</em> tide peaks at noon.</p>"
    article = make_article(published=False, body=first)
    change = reverse("admin:articles_article_change", args=[article.pk])
    data = form_data(admin_client.get(change))
    assert admin_client.post(change, data).status_code == 302  # revision 1: the first text
    longer = "<p>" + "word " * 300 + "</p><blockquote><p>Quoted.</p></blockquote>"
    data = form_data(admin_client.get(change)) | {"body": longer}
    assert admin_client.post(change, data).status_code == 302
    assert derived(article) == (("word " * 300).strip() + " Quoted.", 301, 2)

    restore = reverse("admin:articles_article_restore", args=[article.pk, 1])
    assert admin_client.post(restore).status_code == 302

    assert derived(article) == ("Tide tables The spring tide peaks at noon.", 8, 1)
    assert article.body == first


def test_search_and_revision_comparison_read_the_body_by_the_same_rule(client, admin_client):
    first = "<h2>Fish &amp; chips</h2><p>Open<br>late</p><ul><li>Friday</li></ul>"
    article = make_article(body=first)
    assert derived(article) == ("Fish & chips Open late Friday", 6, 1)
    assert plain_text(first) == "Fish & chips\nOpen\nlate\nFriday"
    search = client.get(reverse("articles:search"), {"q": "fish & chips"})
    assertContains(search, article.headline)

    change = reverse("admin:articles_article_change", args=[article.pk])
    revisions.record(article, by=None)  # revision 1; the desk's edit of this live article: 2
    data = form_data(admin_client.get(change)) | {"body": first.replace("Open", "Shut")}
    assert admin_client.post(change, data).status_code == 302
    compare = reverse("admin:articles_article_compare", args=[article.pk])
    response = admin_client.get(compare, {"a": 1, "b": 2})
    # The reader's words, one line per block, entities read (not "&amp;amp;").
    assert "Fish &amp; chips\n<del>Open</del><ins>Shut</ins>\nlate" in response.text


def test_the_migration_fills_the_plain_text_of_existing_articles():
    from importlib import import_module

    from django.apps import apps

    article = make_article(body="<p>Ferry <strong>returns</strong>.</p><ul><li>Friday</li></ul>")
    Article.objects.filter(pk=article.pk).update(body_text="", word_count=0, reading_minutes=0)
    import_module("articles.migrations.0010_fill_body_text").fill_body_text(apps, None)
    assert derived(article) == ("Ferry returns. Friday", 3, 1)


# Someone who may not change the article reads its body as readers will, not its HTML


def test_a_writer_reads_their_article_in_review_rendered_without_the_editors_tools(client):
    writer = make_user("Writer")
    image = make_image(caption="The pier at dawn", credit="Jo Reyes / Island Press")
    article = make_article(
        published=False,
        created_by=writer,
        body=(
            "<h2>The crossing</h2><p>A <strong>bold</strong> claim.</p>"
            f'<figure data-image="{image.pk}"></figure>'
            "<p onclick=alert(1)>Late.</p><script>alert(2)</script>"
        ),
    )
    workflow.submit(article, by=writer)
    client.force_login(writer)

    response = client.get(reverse("admin:articles_article_change", args=[article.pk]))

    assert response.status_code == 200
    assertContains(response, "<h2>The crossing</h2><p>A <strong>bold</strong> claim.</p>")
    assertNotContains(response, "&lt;p&gt;")
    assertContains(response, "The pier at dawn")
    assertContains(response, "Image credit: Jo Reyes / Island Press")
    assertNotContains(response, "alert(")
    assertContains(response, "6 words · 1 min read")
    # No picture picker, no autosave status, no editor.
    assertNotContains(response, 'data-chooser-open="body"')
    assertNotContains(response, "Insert picture")
    assertNotContains(response, "data-autosave-status")
    assertNotContains(response, 'name="body"')


def test_an_editor_still_gets_the_editor_on_an_article_in_review(client):
    writer = make_user("Writer")
    article = make_article(published=False, created_by=writer, body="<p>Text.</p>")
    workflow.submit(article, by=writer)
    client.force_login(make_user("Editor"))
    response = client.get(reverse("admin:articles_article_change", args=[article.pk]))
    assertContains(response, 'name="body"')
    assertContains(response, 'data-chooser-open="body"')
    assertContains(response, "data-autosave-status")
