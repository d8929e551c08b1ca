"""Plain text as the newsroom keeps it: the one rule for characters no output can carry.

Pure: nothing here imports models. Control characters (other than tab and line breaks),
NUL, lone surrogates and the non-characters U+FFFE/U+FFFF break later outputs: XML 1.0
cannot hold them (a headline with one made every feed listing it answer 500) and
PostgreSQL refuses NUL in text and JSON. They are removed wherever text comes in.
"""

import re

UNWANTED = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff\ufffe\uffff]")


def clean_text(value: str) -> str:
    """`value` without the characters no page, feed or database can carry."""
    return UNWANTED.sub("", value)


def clean_model_text(sender, instance, raw=False, **kwargs):
    """`pre_save` of every newsroom model: its text fields, cleaned before they are stored,
    whichever way they came (admin, desk, importer, seed, fixture)."""
    for field in instance._meta.concrete_fields:
        if field.get_internal_type() in {"CharField", "TextField", "SlugField"}:
            value = getattr(instance, field.attname)
            if isinstance(value, str) and UNWANTED.search(value):
                setattr(instance, field.attname, clean_text(value))
