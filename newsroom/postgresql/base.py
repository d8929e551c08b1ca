"""Django's PostgreSQL backend, with the reader pages' queries kept prepared on the server.

Django sends each query as text with its values written in (client-side binding), so the
server parses and plans it anew every time. For the reader pages' few query shapes, run
again and again with new values, that is most of what PostgreSQL spends on them: the home
page's list took 0.93 ms of the server's time as text and 0.44 ms prepared (pgbench, 2,000
articles); the home page as a whole 2.5 ms of the server's CPU, 1.2 ms prepared.

`prepared_cursor()` is a cursor whose queries are bound on the server and prepared there on
their first run (psycopg's `prepare_threshold`); `articles.prepared` runs its queries through
it. Every other cursor is Django's own, client-bound, which psycopg never prepares, so all
else Django does is unchanged.

Each prepared query keeps one generic plan (`plan_cache_mode=force_generic_plan`, which only
prepared statements heed). Left to choose, PostgreSQL plans a query for its values five
times, then keeps the generic plan if it is estimated to cost no more; the section list's
(`section_id = $1 AND published_at <= $2 … LIMIT 21`) was estimated at 80.6 against 73.9
for the same index scan with the values in, so it was planned again on every request
(0.14 ms of the server's time for a 0.04 ms query). Every reader query is an index walk
chosen by equality on an id or slug and a time bound, whose plan does not change with the
values.

Prepared statements live in the connection's session: a pooler that shares server sessions
between transactions needs to support them (PgBouncer does from 1.21, with
`max_prepared_statements`); with one that does not, set `DATABASE_PREPARED_STATEMENTS=false`.
"""

from django.db.backends.postgresql import base, operations


class DatabaseOperations(operations.DatabaseOperations):
    def last_executed_query(self, cursor, sql, params):
        """A prepared query as it ran, values written in (for logs and `connection.queries`:
        psycopg keeps no text of it)."""
        if isinstance(cursor, base.ServerBindingCursor):
            return self.compose_sql(sql, params)
        return super().last_executed_query(cursor, sql, params)


class DatabaseWrapper(base.DatabaseWrapper):
    ops_class = DatabaseOperations
    _next_prepared = False

    @property
    def prepares(self) -> bool:
        return self.settings_dict.get("PREPARED_STATEMENTS", True)

    def get_connection_params(self):
        params = super().get_connection_params()
        if self.prepares and params.get("prepare_threshold") is None:
            # Only server-bound cursors prepare, and only `prepared_cursor` makes them.
            params["prepare_threshold"] = 0
            options = params.get("options", "")
            if "plan_cache_mode" not in options:
                params["options"] = f"{options} -c plan_cache_mode=force_generic_plan".strip()
        return params

    def prepared_cursor(self):
        """A cursor for a query run again and again with new values (`articles.prepared`)."""
        if not self.prepares:
            return self.cursor()
        self._next_prepared = True
        try:
            return self.cursor()
        finally:
            self._next_prepared = False

    def create_cursor(self, name=None):
        if name or not self._next_prepared:
            return super().create_cursor(name)
        connection = self.connection
        factory, connection.cursor_factory = connection.cursor_factory, base.ServerBindingCursor
        try:
            return super().create_cursor(name)
        finally:
            connection.cursor_factory = factory
