"""Reader queries compiled once per process, then run with each request's values.

Turning a queryset into SQL (building its filters, then Django's `SQLCompiler.as_sql`) is
most of what a small query costs: 0.5 ms of the 0.55 ms the article page's row took on
SQLite, against 0.05 ms for running the same SQL. The reader pages run a handful of query
shapes again and again, so each is written once as a `Prepared` query: a function that
builds the `values_list` queryset from its arguments. The first call for a database (and,
for a list argument, a length) builds it with stand-in values, compiles it and keeps the
SQL, where the stand-ins sit among its parameters and Django's converters for its columns;
every call runs that SQL with its own values. The rows are read from the database every
time: nothing of the result is kept.

    latest = Prepared(lambda section, now: Article.objects.published(now=now)
                      .filter(section=section).values_list("pk", "headline")[:20])
    rows = latest(section=3, now=timezone.now())   # [(pk, headline), …]
"""

import datetime
import itertools
import json

from django.db import DEFAULT_DB_ALIAS, connections
from django.db.models import Subquery, TextField

# Stand-ins are told apart from every other parameter by value: unlikely numbers, texts
# and a date no article has, one per argument (and per item of a list).
_NUMBERS = itertools.count(-7_340_000_001, -1)


def _stand_in(value, number):
    if isinstance(value, bool):
        raise TypeError("A prepared query takes no True/False argument: build one per value.")
    if isinstance(value, int):
        return number
    if isinstance(value, str):
        return f"\x1fstand-in {number}\x1f"
    if isinstance(value, datetime.datetime):
        return datetime.datetime(1901, 1, 1, tzinfo=datetime.UTC) + datetime.timedelta(
            seconds=-number
        )
    raise TypeError(f"A prepared query takes numbers, texts and times, not {value!r}.")


class Prepared:
    def __init__(self, build):
        self.build = build
        self.compiled = {}  # (database, lengths of list arguments) -> _Compiled

    def __call__(self, **values) -> list[tuple]:
        lengths = tuple(len(v) for v in values.values() if isinstance(v, list | tuple))
        alias = DEFAULT_DB_ALIAS  # the reader pages read the one database
        key = (alias, *sorted(values), lengths)
        compiled = self.compiled.get(key)
        if compiled is None:
            compiled = self.compiled[key] = _Compiled(self.build, values, alias)
        return compiled.run(values)


class _Compiled:
    def __init__(self, build, values, alias):
        connection = connections[alias]
        stand_ins = {}
        for name, value in values.items():
            if isinstance(value, list | tuple):
                stand_ins[name] = [_stand_in(item, next(_NUMBERS)) for item in value]
            else:
                stand_ins[name] = _stand_in(value, next(_NUMBERS))
        queryset = build(**stand_ins).using(alias)
        compiler = queryset.query.get_compiler(using=alias)
        self.sql, params = compiler.as_sql()
        self.params = list(params)
        # Where each argument goes: (position, name, index in a list or None, adapt).
        self.slots = []
        for position, param in enumerate(self.params):
            for name, stand_in in stand_ins.items():
                items = stand_in if isinstance(stand_in, list) else [stand_in]
                for index, item in enumerate(items):
                    adapt = _adapter(connection, item, param)
                    if adapt is not None:
                        list_index = index if isinstance(stand_in, list) else None
                        self.slots.append((position, name, list_index, adapt))
        wanted = sum(len(s) if isinstance(s, list) else 1 for s in stand_ins.values())
        placed = {(name, index) for _, name, index, _ in self.slots}
        if len(placed) < wanted:
            raise ValueError("A prepared query must use every argument it is given.")
        fields = [column for column, _, _ in compiler.select[: compiler.col_count]]
        self.converters = compiler.get_converters(fields)
        self.compiler = compiler
        self.alias = alias

    def run(self, values) -> list[tuple]:
        params = list(self.params)
        for position, name, index, adapt in self.slots:
            value = values[name] if index is None else values[name][index]
            params[position] = adapt(value)
        connection = connections[self.alias]
        # Kept prepared by the server where the backend can (newsroom/postgresql).
        cursor = getattr(connection, "prepared_cursor", connection.cursor)()
        with cursor:
            cursor.execute(self.sql, params)
            rows = cursor.fetchall()
        if self.converters:
            return [tuple(row) for row in self.compiler.apply_converters(rows, self.converters)]
        return rows


def _adapter(connection, stand_in, param):
    """How a value of this argument becomes the parameter `param`, if `param` is the stand-in
    (as it is, or as the database's adapter wrote it, e.g. a time as text on SQLite)."""
    if type(param) is type(stand_in) and param == stand_in:
        return lambda value: value
    adapt = connection.ops.adapt_datetimefield_value
    if isinstance(stand_in, datetime.datetime) and param == adapt(stand_in):
        return adapt
    return None


class JSONRows(Subquery):
    """The rows of a subquery as one JSON array of arrays: a short list (a section's rail,
    an article's related links, a page of teasers) inside one row of the outer query, so
    it costs no query of its own.

    `queryset` selects `columns` (its `values()`, which go into the JSON) and the columns
    `ordering` names, and is ordered by them (with a LIMIT if it has one). PostgreSQL's
    json_agg is told the order (`ORDER BY` in the aggregate); SQLite's json_group_array
    takes the rows as the ordered subquery yields them (SQLite does not flatten a subquery
    with ORDER BY into an aggregate)."""

    def __init__(self, queryset, columns, ordering):
        super().__init__(queryset, output_field=TextField())
        self.columns, self.ordering = columns, ordering

    def as_sql(self, compiler, connection, template=None, **extra_context):
        inner, params = super().as_sql(compiler, connection, **extra_context)
        quote = connection.ops.quote_name
        names = ", ".join(f"rows.{quote(name)}" for name in self.columns)
        if connection.vendor == "postgresql":
            order = ", ".join(
                f"rows.{quote(name.lstrip('-'))}{' DESC' if name.startswith('-') else ''}"
                for name in self.ordering
            )
            rows = f"json_agg(json_build_array({names}) ORDER BY {order})"
        else:
            rows = f"json_group_array(json_array({names}))"
        return f"(SELECT {rows} FROM {inner} AS rows)", params

    @staticmethod
    def rows(value, *, moments=()) -> list[tuple]:
        """The column's value as row tuples, the columns at the positions `moments` as
        aware times (JSON has them as text: PostgreSQL's with its offset, SQLite's in UTC
        without one)."""
        if not value:
            return []  # PostgreSQL aggregates no rows to NULL
        rows = json.loads(value) if isinstance(value, str) else value
        if not moments:
            return [tuple(row) for row in rows]
        found = []
        for row in rows:
            for position in moments:
                moment = datetime.datetime.fromisoformat(row[position])
                if moment.tzinfo is None:
                    moment = moment.replace(tzinfo=datetime.UTC)
                row[position] = moment
            found.append(tuple(row))
        return found
