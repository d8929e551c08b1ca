"""Web-address slugs: the one rule for articles, authors and imported copy.

Pure: the model to check against is passed in; nothing here imports models.

Any script gives a slug: the text is transliterated to ASCII first (text-unidecode: "Привет
мир" → "privet-mir", "北京" → "bei-jing", "Straße" → "strasse"), then Django's `slugify`
applies its rules as before. ASCII slugs, not Unicode ones (`allow_unicode`), because the
`<slug:…>` URL patterns, the SlugFields and every address already shared stay as they are,
and an address copied into an email or a tweet stays readable rather than percent-encoded.
"""

from django.utils.text import slugify
from text_unidecode import unidecode

# Kept free at the end of the slug field for a collision suffix ("-2" … "-999999999").
SUFFIX_ROOM = 10


def slug_base(model, text: str) -> str:
    """`text` as a slug, cut to leave room for a suffix in `model`'s slug field; "" when the
    text gives nothing usable (only punctuation, say)."""
    max_length = model._meta.get_field("slug").max_length
    return slugify(unidecode(text))[: max_length - SUFFIX_ROOM].strip("-")


def unique_slug(model, text: str, *, exclude_pk=None) -> str:
    """A slug for `text` that no other row of `model` has: the base, else base-2, base-3 …

    Text that gives nothing falls back to the model's name ("article", "author").
    `exclude_pk` is the row being saved, which may keep its own slug.
    """
    base = slug_base(model, text) or model._meta.model_name
    others = model._default_manager.filter(slug__startswith=base)
    if exclude_pk is not None:
        others = others.exclude(pk=exclude_pk)
    taken = set(others.values_list("slug", flat=True))
    slug, n = base, 2
    while slug in taken:
        slug, n = f"{base}-{n}", n + 1
    return slug
