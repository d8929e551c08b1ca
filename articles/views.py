from django.conf import settings
from django.db.models import F, Window
from django.db.models.functions import RowNumber
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.views.generic import DetailView, ListView

from . import related, search, seo
from .models import Article, Author, Section, Topic
from .seo import site_address

RAIL_LENGTH = 4  # articles in each section's rail on the home page


def section_rails():
    """The latest `RAIL_LENGTH` public articles of every section, in menu order, in one
    query (a row number per section): [(section, [article, …]), …]."""
    latest = (
        Article.objects.published()
        .annotate(
            place=Window(
                RowNumber(),
                partition_by=F("section_id"),
                order_by=[F("published_at").desc(), F("pk").desc()],
            )
        )
        .filter(place__lte=RAIL_LENGTH)
        .select_related("section")
        .only("headline", "slug", "published_at", "section")
        .order_by("section__position", "section__name", "place")
    )
    rails = {}
    for article in latest:
        rails.setdefault(article.section, []).append(article)
    return list(rails.items())


class HomeView(ListView):
    """The lead story with its picture, then the latest articles, then a rail per section."""

    template_name = "articles/home.html"
    context_object_name = "articles"

    def get_queryset(self):
        return Article.objects.published().for_listing()[: settings.ARTICLES_PER_PAGE + 1]

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        articles = list(context["articles"])
        context["lead"] = articles[0] if articles else None
        context["articles"] = articles[1:]
        context["rails"] = section_rails()
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

    def filter_articles(self, articles):
        return articles

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

    def get_paginator(self, *args, **kwargs):
        # Empty: 404 from the count the pager makes anyway (`allow_empty` would ask again).
        return super().get_paginator(*args, **{**kwargs, "allow_empty_first_page": False})

    def filter_articles(self, articles):
        self.author = get_object_or_404(
            Author.objects.select_related("photo"),
            slug=self.kwargs["slug"],
        )
        return articles.filter(bylines__author=self.author)

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

    def filter_articles(self, articles):
        self.form = search.SearchForm(self.request.GET or None)
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
        return super().get_context_data(query=self.query, form=self.form, **kwargs)
