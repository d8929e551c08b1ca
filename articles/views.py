from django.conf import settings
from django.db.models.expressions import RawSQL
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.views.generic import DetailView, ListView

from . import frontpage, paging, related, search, seo
from .models import Article, Author, Section, Topic
from .seo import site_address

RAIL_LENGTH = 4  # articles in each section's rail on the home page
RAIL_STAND_IN = -7_301_954  # no section has this id: marks where each section's goes


def section_rails(sections):
    """The latest `RAIL_LENGTH` public articles of each of `sections`, in their order, in one
    query: [(section, [article, …]), …], sections with none left out.

    Each section's few come from its own small select (`LIMIT`, along the section's index),
    joined with UNION ALL, so the cost follows the rails, not the archive. Django cannot put
    a sliced queryset in a union on SQLite, hence the SQL is assembled from Django's own."""
    sections = list(sections)
    if not sections:
        return []
    # One select compiled (compiling is most of the cost), repeated with each section's id.
    latest = Article.objects.published().values("pk").filter(section_id=RAIL_STAND_IN)
    sql, arm_params = latest[:RAIL_LENGTH].query.sql_with_params()
    place = arm_params.index(RAIL_STAND_IN)
    arms, params = [], []
    for section in sections:
        arms.append(f"SELECT * FROM ({sql}) AS rail_{len(arms)}")
        params.extend((*arm_params[:place], section.pk, *arm_params[place + 1 :]))
    articles = Article.objects.filter(pk__in=RawSQL(" UNION ALL ".join(arms), params)).only(
        "headline", "slug", "published_at", "section_id"
    )
    by_section = {}
    for article in articles:
        by_section.setdefault(article.section_id, []).append(article)
    rails = []
    for section in sections:
        if section.pk in by_section:
            for article in by_section[section.pk]:
                article.section = section  # the menu's object: no query, no copy
            rails.append((section, by_section[section.pk]))
    return rails


class HomeView(ListView):
    """The lead story with its picture, the editors' top stories, then the latest articles
    (`articles.frontpage`), then a rail per section."""

    template_name = "articles/home.html"
    context_object_name = "articles"

    def get_queryset(self):
        return frontpage.front_page(settings.ARTICLES_PER_PAGE)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        page = context["articles"]
        context["lead"], context["top_stories"] = page.lead, page.top
        context["articles"] = page.latest
        # One query for the sections: the menu (the `navigation` context processor's
        # `nav_sections`, overridden here) and the rails share it.
        context["nav_sections"] = sections = list(Section.objects.all())
        context["rails"] = section_rails(sections)
        context["meta"] = seo.page_meta(
            self.request,
            title=settings.SITE_NAME,
            json_ld=[seo.website(self.request)],
            feeds=seo.feeds(settings.SITE_NAME, reverse("articles:feed"), reverse("articles:atom")),
        )
        return context


def article_page_context(article):
    """What the article page shows. The public page and every preview use this one builder
    with the one template, `articles/article_detail.html`."""
    corrections = list(article.corrections.all())
    # "Updated": the latest correction, or changes published since it went live (`workflow`).
    updates = [moment for moment in [article.revised_at] if moment is not None]
    updates += [corrections[-1].published_at] if corrections else []
    return {
        "article": article,
        "related_articles": related.related_for(article),
        "corrections": corrections,
        "updated_at": max(updates) if updates else None,
    }


class ArticleDetailView(DetailView):
    template_name = "articles/article_detail.html"
    context_object_name = "article"

    def get_queryset(self):
        return (
            Article.objects.published()
            .with_parts()
            .with_topics()
            .prefetch_related("corrections")
            .defer("search_vector")
        )

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**article_page_context(self.object), **kwargs)
        context["meta"] = self.page_meta(context)
        return context

    def page_meta(self, context):
        article, request = self.object, self.request
        updated_at = context["updated_at"]
        properties = [
            ("article:published_time", seo.iso(article.published_at)),
            ("article:modified_time", seo.iso(updated_at or article.published_at)),
            ("article:section", article.section.name),
            *(("article:author", site_address(a.get_absolute_url()))
              for a in article.byline()),
            *(("article:tag", topic.name) for topic in article.topic_list()),
        ]  # fmt: skip
        return seo.page_meta(
            request,
            title=article.headline,
            description=article.standfirst,
            image=article.hero_image,
            og_type="article",
            properties=properties,
            json_ld=[
                seo.news_article(
                    request, article, corrections=context["corrections"], updated_at=updated_at
                ),
                seo.breadcrumbs(request, article),
            ],
        )


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

    def paginate_queryset(self, queryset, page_size):
        if self.counted:
            return super().paginate_queryset(queryset, page_size)
        page = paging.page_of(
            queryset,
            self.request.GET.get(self.page_kwarg),
            page_size,
            allow_empty_first_page=self.empty_first_page,
        )
        return None, page, page.object_list, page.has_other_pages()

    def get_queryset(self):
        return self.filter_articles(Article.objects.published().for_listing())

    def meta_fields(self) -> dict:
        return {}

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["meta"] = seo.page_meta(
            self.request, page=context.get("page_obj"), **self.meta_fields()
        )
        return context


class SectionView(PublishedListView):
    template_name = "articles/section.html"

    def filter_articles(self, articles):
        self.section = get_object_or_404(Section, slug=self.kwargs["slug"])
        return articles.filter(section=self.section)

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
                reverse("articles:section_feed", args=[section.slug]),
                reverse("articles:section_atom", args=[section.slug]),
            ),
        }

    def get_context_data(self, **kwargs):
        return super().get_context_data(section=self.section, **kwargs)


class AuthorView(PublishedListView):
    """An author's published articles. Someone with none published has no public page
    (404), so their name is not announced before their first article is."""

    template_name = "articles/author.html"
    empty_first_page = False

    def filter_articles(self, articles):
        self.author = get_object_or_404(
            Author.objects.select_related("photo"),
            slug=self.kwargs["slug"],
        )
        return articles.filter(bylines__author=self.author)

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
                reverse("articles:author_feed", args=[author.slug]),
                reverse("articles:author_atom", args=[author.slug]),
            ),
        }

    def get_context_data(self, **kwargs):
        return super().get_context_data(author=self.author, **kwargs)


class TopicView(PublishedListView):
    template_name = "articles/topic.html"

    def filter_articles(self, articles):
        self.topic = get_object_or_404(Topic, slug=self.kwargs["slug"])
        return articles.filter(article_topics__topic=self.topic)

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
                reverse("articles:topic_feed", args=[topic.slug]),
                reverse("articles:topic_atom", args=[topic.slug]),
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
        self.sections = list(Section.objects.all())
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
