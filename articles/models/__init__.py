"""The newsroom's content model. Import models from here: `from articles.models import Article`."""

from .articles import Article, ArticleQuerySet, BodyImage, Byline, RelatedArticle, Status
from .authors import Author
from .autosave import ArticleAutosave
from .editorial import ArticleEvent, Correction
from .frontpage import FrontPageSlot
from .images import ImageAsset, Rendition
from .revisions import Revision
from .sections import Section
from .sharing import ShareLink
from .topics import ArticleTopic, Topic

__all__ = [
    "Article",
    "ArticleAutosave",
    "ArticleEvent",
    "ArticleQuerySet",
    "ArticleTopic",
    "Author",
    "BodyImage",
    "Byline",
    "Correction",
    "FrontPageSlot",
    "ImageAsset",
    "RelatedArticle",
    "Rendition",
    "Revision",
    "Section",
    "ShareLink",
    "Status",
    "Topic",
]
