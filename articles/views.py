from django.conf import settings
from django.shortcuts import get_object_or_404
from django.views.generic import DetailView, ListView

from . import related, search
from .models import Article, Author, Section, Topic


class HomeView(ListView):
    """The lead story with its picture, then the latest articles."""

    template_name = "articles/home.html"
    context_object_name = "articles"

    def get_queryset(self):
        return Article.objects.published().for_listing()[: settings.ARTICLES_PER_PAGE + 1]

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        articles = list(context["articles"])
        context["lead"] = articles[0] if articles else None
        context["articles"] = articles[1:]
        return context


def article_page_context(article):
    """What the article page shows. The public page and every preview use this one builder
    with the one template, `articles/article_detail.html`."""
    corrections = list(article.corrections.all())
    return {
        "article": article,
        "related_articles": related.related_for(article),
        "corrections": corrections,
        "updated_at": corrections[-1].published_at if corrections else None,
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
        return super().get_context_data(**article_page_context(self.object), **kwargs)


class PublishedListView(ListView):
    """A paginated list of published articles, narrowed by `filter_articles`."""

    context_object_name = "articles"
    paginate_by = settings.ARTICLES_PER_PAGE

    def filter_articles(self, articles):
        return articles

    def get_queryset(self):
        return self.filter_articles(Article.objects.published().for_listing())


class SectionView(PublishedListView):
    template_name = "articles/section.html"

    def filter_articles(self, articles):
        self.section = get_object_or_404(Section, slug=self.kwargs["slug"])
        return articles.filter(section=self.section)

    def get_context_data(self, **kwargs):
        return super().get_context_data(section=self.section, **kwargs)


class AuthorView(PublishedListView):
    template_name = "articles/author.html"

    def filter_articles(self, articles):
        self.author = get_object_or_404(
            Author.objects.select_related("photo").prefetch_related("photo__renditions"),
            slug=self.kwargs["slug"],
        )
        return articles.filter(bylines__author=self.author)

    def get_context_data(self, **kwargs):
        return super().get_context_data(author=self.author, **kwargs)


class TopicView(PublishedListView):
    template_name = "articles/topic.html"

    def filter_articles(self, articles):
        self.topic = get_object_or_404(Topic, slug=self.kwargs["slug"])
        return articles.filter(article_topics__topic=self.topic)

    def get_context_data(self, **kwargs):
        return super().get_context_data(topic=self.topic, **kwargs)


class SearchView(PublishedListView):
    """Results for `?q=` (and `&section=`), ranked by `articles.search`."""

    template_name = "articles/search.html"

    def filter_articles(self, articles):
        self.form = search.SearchForm(self.request.GET or None)
        self.form.is_valid()  # a wrong section is explained beside its box, not a 500
        data = getattr(self.form, "cleaned_data", {})
        self.query = data.get("q", "")
        if data.get("section"):
            articles = articles.filter(section=data["section"])
        return search.search(articles, self.query)

    def get_context_data(self, **kwargs):
        return super().get_context_data(query=self.query, form=self.form, **kwargs)
