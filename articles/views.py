from django.conf import settings
from django.http import Http404
from django.utils.functional import cached_property
from django.utils.safestring import mark_safe
from django.views.generic import ListView, TemplateView

from . import caching, fragments, frontpage, paging, reading, related, search, seo
from .addresses import fixed_url, slug_url
from .models import Article

RAIL_LENGTH = 4  # articles in each section's rail on the home page


class HomeView(TemplateView):
    """The lead story with its picture, the editors' top stories, then the latest articles
    (`articles.frontpage`), then a rail per section. Drawn from the articles' stored parts
    (`articles.fragments`)."""

    template_name = "articles/home.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        page = frontpage.front_page(settings.ARTICLES_PER_PAGE)
        # One query for the sections, each with its rail: the menu (the `navigation`
        # context processor's `nav_sections`, overridden here), the kickers and the rails.
        sections = reading.sections(self.request, rails=RAIL_LENGTH)
        context["nav_sections"] = sections
        kickers = reading.kickers(sections)
        rows = [row for row in [page.lead] if row] + page.top + page.latest
        current = fragments.current(rows, ("teaser_html", "rendered_tags", "lead_html"))
        teasers = [reading.listed(pk, html, tags, kickers) for pk, html, tags, _ in current]
        context["cache_tags"] = caching.Tags(
            set().union(*(teaser.cache_tags for teaser in teasers))
        )
        if page.lead:
            lead_pk, _, _, lead_html = current[0]
            context["lead"] = reading.Listed(lead_pk, mark_safe(lead_html), teasers[0].cache_tags)
            teasers = teasers[1:]
        context["top_stories"] = teasers[: len(page.top)]
        context["articles"] = teasers[len(page.top) :]
        context["rails"] = [(section, section.rail) for section in sections if section.rail]
        context["meta"] = seo.page_meta(
            self.request,
            title=settings.SITE_NAME,
            json_ld=[seo.website(self.request)],
            feeds=seo.feeds(
                settings.SITE_NAME, fixed_url("articles:feed"), fixed_url("articles:atom")
            ),
        )
        return context


def article_page_context(article):
    """What the article page shows, drawn live: every preview uses this with the public
    page's template, `articles/article_detail.html`, whose story is the stored one."""
    context = fragments.story_context(article)
    return {
        **context,
        # Drawn when the page template reaches it (a callable, which templates call).
        "story": lambda: mark_safe(fragments.story(context)),
        "related_articles": related.related_for(article),
    }


ARTICLE_PARTS = ("story_html", "head_html", "rendered_tags")
ARTICLE = (*reading.STORED, *ARTICLE_PARTS, "headline", "slug", "published_at", "section_id")
# The article with its editor's related links and the menu: one query.
_article = reading.WithMenu(
    lambda now, slug: (
        Article.objects.published(now=now)
        .filter(slug=slug)
        .annotate(curated=related.curated_column(now))
    ),
    lambda: [*ARTICLE, "curated"],
    timed=True,
)


class ArticleDetailView(TemplateView):
    """A public article: its stored story and metadata (`articles.fragments`), the related
    articles and the menu read now: the article, the menu (with the next scheduled
    publication), the related articles (curated, then filled if too few): three or four."""

    template_name = "articles/article_detail.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        row, sections = _article(self.request, slug=self.kwargs["slug"])
        if row is None:
            raise Http404("No such article.")
        [(pk, story, head, tags)] = fragments.current([row[:6]], ARTICLE_PARTS)
        headline, slug, published_at, section, curated = row[6:]
        context["nav_sections"] = sections
        by_pk = {s.pk: s for s in sections}
        context["article"] = reading.Linked(
            pk, headline, slug_url("articles:detail", slug), published_at, by_pk[section]
        )
        context["story"], context["head"] = mark_safe(story), mark_safe(head)
        context["related_articles"] = related.related_links(
            pk,
            section,
            reading.ids_in(tags, "topic"),
            reading.ids_in(tags, "author"),
            curated=related.curated_rows(curated),
        )
        context["cache_tags"] = caching.Tags(tags.split())
        return context


class PublishedListView(ListView):
    """A paginated list of published articles, narrowed by `filter_articles`, with the
    page's metadata from `meta_fields`."""

    context_object_name = "articles"
    paginate_by = settings.ARTICLES_PER_PAGE
    empty_first_page = True  # False: a list with nothing in it is a 404
    counted = False  # True: Django's paginator, which counts (`paging.SearchPaginator`)

    def filter_articles(self, articles):
        return articles

    def list_tag(self) -> str | None:
        """The tag that every change of an article on this list changes (its section's,
        an author's, a topic's: `invalidation.article_tags`), so the page cache need not
        check each article's (`caching.checked_tags`)."""
        return None

    def render_to_response(self, context, **kwargs):
        response = super().render_to_response(context, **kwargs)
        if tag := self.list_tag():
            response.reader_lists = {tag}
        return response

    # The list's stored teasers (`reading.ListQuery`), with `list_values()` its arguments;
    # None: the articles of `get_queryset()` (search, which ranks them).
    list_query = None
    show_section = True

    def list_values(self) -> dict:
        return {}

    def paginate_queryset(self, queryset, page_size):
        if self.counted:
            return super().paginate_queryset(queryset, page_size)
        number = paging.page_number(self.request.GET.get(self.page_kwarg))
        rows = self.list_query(page=number, per_page=page_size, **self.list_values())
        teasers = reading.teasers(rows, self.sections, show_section=self.show_section)
        page = paging.rows_page(
            teasers, number, page_size, allow_empty_first_page=self.empty_first_page
        )
        self.cache_tags = caching.Tags(set().union(*(teaser.cache_tags for teaser in teasers)))
        return None, page, page.object_list, page.has_other_pages()

    @cached_property
    def sections(self):
        return reading.sections(self.request)

    def find(self):
        """Look up what the list is of (its section, author or topic): 404 if none."""

    def get_queryset(self):
        if self.list_query is not None:
            self.find()
            return []  # the page reads its stored teasers (`paginate_queryset`)
        return self.filter_articles(Article.objects.published().for_listing())

    def meta_fields(self) -> dict:
        return {}

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["meta"] = seo.page_meta(
            self.request, page=context.get("page_obj"), **self.meta_fields()
        )
        if self.list_query is not None:
            context["nav_sections"] = self.sections
            context["cache_tags"] = self.cache_tags
        return context


class SectionView(PublishedListView):
    template_name = "articles/section.html"
    list_query = reading.in_section
    show_section = False  # the page's own

    def find(self):
        slug = self.kwargs["slug"]
        self.section = next((s for s in self.sections if s.slug == slug), None)
        if self.section is None:
            raise Http404("No such section.")

    def list_values(self):
        return {"section": self.section.pk}

    def list_tag(self):
        return f"section-{self.section.pk}"

    def meta_fields(self):
        section = self.section
        return {
            "title": f"{section.name} – {settings.SITE_NAME}",
            "description": f"The latest {section.name} news and features from "
            f"{settings.SITE_NAME}.",
            "feeds": seo.feeds(
                section.name,
                slug_url("articles:section_feed", section.slug),
                slug_url("articles:section_atom", section.slug),
            ),
        }

    def get_context_data(self, **kwargs):
        return super().get_context_data(section=self.section, **kwargs)


class AuthorView(PublishedListView):
    """An author's published articles. Someone with none published has no public page
    (404), so their name is not announced before their first article is."""

    template_name = "articles/author.html"
    empty_first_page = False

    def find(self):
        self.author, self.sections = reading.author(self.request, self.kwargs["slug"])
        if self.author is None:
            raise Http404("No such author.")

    list_query = reading.by_author

    def list_values(self):
        return {"author": self.author.pk}

    def list_tag(self):
        return f"author-{self.author.pk}"

    def meta_fields(self):
        author = self.author
        return {
            "title": f"{author.name} – {settings.SITE_NAME}",
            "description": author.bio
            or f"Articles by {author.name}, {author.role or 'writer'}, in {settings.SITE_NAME}.",
            "image": author.photo,
            "og_type": "profile",
            "json_ld": [seo.profile_page(self.request, author)],
            "feeds": seo.feeds(
                author.name,
                slug_url("articles:author_feed", author.slug),
                slug_url("articles:author_atom", author.slug),
            ),
        }

    def get_context_data(self, **kwargs):
        return super().get_context_data(author=self.author, **kwargs)


class TopicView(PublishedListView):
    template_name = "articles/topic.html"

    def find(self):
        self.topic, self.sections = reading.topic(self.request, self.kwargs["slug"])
        if self.topic is None:
            raise Http404("No such topic.")

    list_query = reading.on_topic

    def list_values(self):
        return {"topic": self.topic.pk}

    def list_tag(self):
        return f"topic-{self.topic.pk}"

    def meta_fields(self):
        topic = self.topic
        return {
            "title": f"{topic.name} – {settings.SITE_NAME}",
            "description": topic.description
            or f"News and features about {topic.name} from {settings.SITE_NAME}.",
            "feeds": seo.feeds(
                topic.name,
                slug_url("articles:topic_feed", topic.slug),
                slug_url("articles:topic_atom", topic.slug),
            ),
        }

    def get_context_data(self, **kwargs):
        return super().get_context_data(topic=self.topic, **kwargs)


class SearchView(PublishedListView):
    """Results for `?q=` (and `&section=`), ranked by `articles.search`. Not indexed."""

    template_name = "articles/search.html"
    counted = True  # "12 results for …"
    paginator_class = paging.SearchPaginator

    def filter_articles(self, articles):
        # One query for the sections: the menu (`nav_sections`) and the form's choices.
        self.sections = reading.sections(self.request)
        self.form = search.SearchForm(self.request.GET or None, sections=self.sections)
        self.form.is_valid()  # a wrong section is explained beside its box, not a 500
        data = getattr(self.form, "cleaned_data", {})
        self.query = data.get("q", "")
        if data.get("section"):
            articles = articles.filter(section=data["section"])
        return search.search(articles, self.query)

    def meta_fields(self):
        title = f"“{self.query}” – " if self.query else ""
        return {"title": f"{title}Search – {settings.SITE_NAME}", "noindex": True}

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            query=self.query,
            form=self.form,
            nav_sections=self.sections,
            search_count_limit=f"{paging.SEARCH_COUNT_LIMIT:,}",
            **kwargs,
        )
