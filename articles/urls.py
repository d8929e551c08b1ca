from django.urls import path

from . import feeds, views, views_preview

app_name = "articles"

urlpatterns = [
    path("", views.HomeView.as_view(), name="home"),
    path("articles/<slug:slug>/", views.ArticleDetailView.as_view(), name="detail"),
    path("sections/<slug:slug>/", views.SectionView.as_view(), name="section"),
    path("authors/<slug:slug>/", views.AuthorView.as_view(), name="author"),
    path("topics/<slug:slug>/", views.TopicView.as_view(), name="topic"),
    path("search/", views.SearchView.as_view(), name="search"),
    # Feeds: RSS at feed/, Atom at feed/atom/ (README, "Feeds").
    path("feed/", feeds.LatestArticlesFeed(), name="feed"),
    path("feed/atom/", feeds.atom(feeds.LatestArticlesFeed)(), name="atom"),
    path("sections/<slug:slug>/feed/", feeds.SectionFeed(), name="section_feed"),
    path("sections/<slug:slug>/feed/atom/", feeds.atom(feeds.SectionFeed)(), name="section_atom"),
    path("authors/<slug:slug>/feed/", feeds.AuthorFeed(), name="author_feed"),
    path("authors/<slug:slug>/feed/atom/", feeds.atom(feeds.AuthorFeed)(), name="author_atom"),
    path("topics/<slug:slug>/feed/", feeds.TopicFeed(), name="topic_feed"),
    path("topics/<slug:slug>/feed/atom/", feeds.atom(feeds.TopicFeed)(), name="topic_atom"),
    path("preview/<int:pk>/", views_preview.staff_preview, name="preview"),
    path("preview/shared/<str:token>/", views_preview.shared_preview, name="shared_preview"),
]
