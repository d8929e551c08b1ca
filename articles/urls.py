from django.urls import path

from . import feeds, views, views_preview
from .caching import reader_page

app_name = "articles"

urlpatterns = [
    path("", reader_page(views.HomeView.as_view(), "home"), name="home"),
    path("articles/<slug:slug>/", reader_page(views.ArticleDetailView.as_view()), name="detail"),
    path("sections/<slug:slug>/", reader_page(views.SectionView.as_view()), name="section"),
    path("authors/<slug:slug>/", reader_page(views.AuthorView.as_view()), name="author"),
    path("topics/<slug:slug>/", reader_page(views.TopicView.as_view()), name="topic"),
    path("search/", reader_page(views.SearchView.as_view(), "search"), name="search"),
    # Feeds: RSS at feed/, Atom at feed/atom/ (README, "Feeds").
    path("feed/", reader_page(feeds.LatestArticlesFeed(), "feed"), name="feed"),
    path("feed/atom/", reader_page(feeds.atom(feeds.LatestArticlesFeed)(), "feed"), name="atom"),
    path(
        "sections/<slug:slug>/feed/", reader_page(feeds.SectionFeed(), "feed"), name="section_feed"
    ),
    path(
        "sections/<slug:slug>/feed/atom/",
        reader_page(feeds.atom(feeds.SectionFeed)(), "feed"),
        name="section_atom",
    ),
    path("authors/<slug:slug>/feed/", reader_page(feeds.AuthorFeed(), "feed"), name="author_feed"),
    path(
        "authors/<slug:slug>/feed/atom/",
        reader_page(feeds.atom(feeds.AuthorFeed)(), "feed"),
        name="author_atom",
    ),
    path("topics/<slug:slug>/feed/", reader_page(feeds.TopicFeed(), "feed"), name="topic_feed"),
    path(
        "topics/<slug:slug>/feed/atom/",
        reader_page(feeds.atom(feeds.TopicFeed)(), "feed"),
        name="topic_atom",
    ),
    path("preview/<int:pk>/", views_preview.staff_preview, name="preview"),
    path("preview/shared/<str:token>/", views_preview.shared_preview, name="shared_preview"),
]
