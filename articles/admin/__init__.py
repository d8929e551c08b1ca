"""The desk: the Django admin, one module per part of the newsroom.

`articles.py` (the article page), `review.py` (workflow buttons and the review queue),
`history.py` (revisions, share links, presence, the edit-conflict check), `editor.py`
(import, autosave, the picture picker), `images.py` (the photo library), `directory.py`
(sections, authors and topics).
"""

from . import articles, directory, frontpage, images  # noqa: F401  (importing registers them)
