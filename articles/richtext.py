"""The article body: HTML limited to what a news article uses, cleaned before it is stored."""

import nh3
from django.db import models

ALLOWED_TAGS = {"p", "h2", "h3", "strong", "em", "a", "blockquote", "ul", "ol", "li", "br"}
ALLOWED_ATTRIBUTES = {"a": {"href", "title"}}
ALLOWED_URL_SCHEMES = {"http", "https", "mailto"}


def sanitize_html(html: str) -> str:
    """Keep the allow-listed tags and attributes; drop scripts, styles, handlers, bad URLs."""
    return nh3.clean(
        html or "",
        tags=ALLOWED_TAGS,
        attributes=ALLOWED_ATTRIBUTES,
        url_schemes=ALLOWED_URL_SCHEMES,
        link_rel="noopener noreferrer",
    ).strip()


class SanitizedHTMLField(models.TextField):
    """A TextField whose HTML is sanitized on every save, whatever wrote it."""

    def pre_save(self, model_instance, add):
        value = sanitize_html(getattr(model_instance, self.attname))
        setattr(model_instance, self.attname, value)
        return value
