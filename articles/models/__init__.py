"""The newsroom's content model. Import models from here: `from articles.models import Article`."""

from .articles import Article, ArticleQuerySet, Byline, RelatedArticle, Status
from .authors import Author
from .images import ImageAsset, Rendition
from .sections import Section

__all__ = [
    "Article",
    "ArticleQuerySet",
    "Author",
    "Byline",
    "ImageAsset",
    "RelatedArticle",
    "Rendition",
    "Section",
    "Status",
]
