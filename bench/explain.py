"""The query plans of every reader page's SQL on the bench database (PostgreSQL or SQLite):
each query once with EXPLAIN ANALYZE (PostgreSQL) or EXPLAIN QUERY PLAN (SQLite), flagging
full scans of the article table and sorts of it. Run after bench/run built the database:

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/newsroom_bench .venv/bin/python bench/explain.py
    .venv/bin/python bench/explain.py home section --plans   # whole plans, two pages
"""

import argparse
import os
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from bench.environment import bench_env


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("pages", nargs="*", help="cases of bench/run (default: every reader page)")
    parser.add_argument("--plans", action="store_true", help="print whole plans")
    args = parser.parse_args()
    os.environ.update(bench_env())
    import django

    django.setup()
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    from bench.probe import reader_cases

    cases = reader_cases()
    client = Client(HTTP_HOST="127.0.0.1")
    postgres = connection.vendor == "postgresql"
    for page in args.pages or [name for name in cases if name != "mixed"]:
        url = cases[page][0]
        client.get(url)
        with CaptureQueriesContext(connection) as queries:
            assert client.get(url).status_code == 200, url
        print(f"== {page} ({url}): {len(queries.captured_queries)} queries")
        for n, query in enumerate(queries.captured_queries, 1):
            sql = query["sql"]
            if not sql.lstrip().upper().startswith("SELECT"):
                continue
            with connection.cursor() as cursor:
                if postgres:
                    cursor.execute(f"EXPLAIN (ANALYZE, BUFFERS, FORMAT TEXT) {sql}")
                else:
                    cursor.execute(f"EXPLAIN QUERY PLAN {sql}")
                plan = [row[-1] for row in cursor.fetchall()]
            text = "\n".join(plan)
            flags = []
            if "Seq Scan on articles_article" in text or "SCAN articles_article" in text:
                flags.append("FULL SCAN of articles")
            if "TEMP B-TREE" in text or ("Sort" in text and "articles_article" in text):
                flags.append("sort")
            timing = next((line.strip() for line in plan if "Execution Time" in line), "")
            print(f"  {n}. {sql[:90]}…\n     {timing} {' '.join(flags)}")
            if args.plans:
                print("     " + "\n     ".join(plan))


if __name__ == "__main__":
    main()
