"""The newsroom's content model. Import models from here: `from articles.models import Article`."""

from .articles import Article, ArticleQuerySet, Byline, RelatedArticle, Status
from .authors import Author
from .autosave import ArticleAutosave
from .images import ImageAsset
from .sections import Section

__all__ = [
    "Article",
    "ArticleAutosave",
    "ArticleQuerySet",
    "Author",
    "Byline",
    "ImageAsset",
    "RelatedArticle",
    "Section",
    "Status",
]
