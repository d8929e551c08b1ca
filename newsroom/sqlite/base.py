"""Django's SQLite backend, keeping the query planner's statistics up to date.

Without statistics (`sqlite_stat1`) SQLite guesses, and for the reader lists it guesses badly:
it walks every section's articles and sorts them all instead of reading the newest along the
date index and stopping after a page (3.5 ms instead of 0.03 ms at 2,000 articles, and growing
with the archive). SQLite's advice is to run `PRAGMA optimize` when a connection closes: it
analyses only the tables this connection queried whose statistics are missing or out of date
(the size changed 25-fold), so it is usually free. It analyses them whole: a sampled analysis
(`analysis_limit`) counted 1,001 rows of the one status where 100,000 were, and the home page
then sorted the archive (117 ms instead of 3 at 100,000 articles); a whole one takes about a
second at 100,000, once per 25-fold growth. Connections live `CONN_MAX_AGE` seconds, so
each server process does this about once a minute. A database too busy to analyse now is
left for the next close.
"""

import contextlib

from django.db.backends.sqlite3 import base


class DatabaseWrapper(base.DatabaseWrapper):
    def _close(self):
        if self.connection is not None:
            with contextlib.suppress(base.Database.Error):
                self.connection.execute("PRAGMA busy_timeout=100")  # never hold up a close
                self.connection.execute("PRAGMA optimize")
        super()._close()
