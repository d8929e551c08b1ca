"""How dates read on every page, email and note: 24-hour clock, day before month.

Templates name a format (`{{ value|date:"DATETIME_FORMAT" }}`), Python code passes the name
to `django.utils.formats.date_format`; nothing else types a pattern. Machine formats (ISO in
`<time datetime>`, feeds, `datetime-local` inputs) stay as they are.
"""

# 26 Nov 2026: a teaser's date.
DATE_FORMAT = "j M Y"
# 03:53
TIME_FORMAT = "H:i"
# 26 November 2026, 03:53: an article's date line, corrections, the desk's status panel.
DATETIME_FORMAT = "j F Y, H:i"
# 26 Nov 2026, 03:53: tables and notes on the desk (revisions, share links, timeline).
SHORT_DATETIME_FORMAT = "j M Y, H:i"

# What the desk's date and time fields accept (articles/admin/widgets.py): the first of each
# is how a value is written back into the field. ISO 8601 is always accepted as well.
DATE_INPUT_FORMATS = ["%d/%m/%Y", "%d/%m/%y", "%d.%m.%Y"]
TIME_INPUT_FORMATS = ["%H:%M", "%H:%M:%S", "%H.%M"]
DATETIME_INPUT_FORMATS = ["%d/%m/%Y %H:%M", "%d/%m/%Y %H:%M:%S", "%d/%m/%y %H:%M"]
