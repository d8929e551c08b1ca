from django.conf import settings
from django.db.models import Q
from django.shortcuts import get_object_or_404
from django.views.generic import DetailView, ListView

from .models import Article, Author, Section
from .text import clean_text


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
        "related_articles": article.related_articles(),
        "corrections": corrections,
        "updated_at": corrections[-1].published_at if corrections else None,
    }


class ArticleDetailView(DetailView):
    template_name = "articles/article_detail.html"
    context_object_name = "article"

    def get_queryset(self):
        return Article.objects.published().with_parts().prefetch_related("corrections")

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


class SearchView(PublishedListView):
    template_name = "articles/search.html"

    def filter_articles(self, articles):
        self.query = clean_text(self.request.GET.get("q", "")).strip()[:200]
        if not self.query:
            return articles.none()
        # The body's words, not its markup: `body_text` is the plain-text copy saved with it.
        return articles.filter(
            Q(headline__icontains=self.query)
            | Q(standfirst__icontains=self.query)
            | Q(body_text__icontains=self.query)
        )

    def get_context_data(self, **kwargs):
        return super().get_context_data(query=self.query, **kwargs)
