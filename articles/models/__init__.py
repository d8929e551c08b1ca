"""The newsroom's content model. Import models from here: `from articles.models import Article`."""

from .articles import Article, ArticleQuerySet, Byline, RelatedArticle, Status
from .authors import Author
from .editorial import ArticleEvent, Correction
from .images import ImageAsset
from .sections import Section

__all__ = [
    "Article",
    "ArticleEvent",
    "ArticleQuerySet",
    "Author",
    "Byline",
    "Correction",
    "ImageAsset",
    "RelatedArticle",
    "Section",
    "Status",
]
