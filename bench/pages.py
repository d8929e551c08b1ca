"""Reader-page benchmark: SQL queries and server time per page, on a realistic archive.

Run: `make bench` (or `.venv/bin/python bench/pages.py --articles 500 --requests 50`).
It builds a throw-away database (SQLite in a temp folder, or DATABASE_URL's server with a
`bench_` database), fills it with articles that each carry several authors and related
articles, then requests every reader page through Django's full stack (middleware, templates)
and prints the median and 95th percentile time and the queries per request.
"""

import argparse
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def configure():
    os.environ.setdefault("SECRET_KEY", "bench-only-secret-key-0123456789-abcdefghijklmnopqrstu")
    os.environ.setdefault("ALLOWED_HOSTS", "testserver")
    os.environ["SECURE_SSL_REDIRECT"] = "false"
    os.environ["DEBUG"] = "false"
    os.environ["DJANGO_SETTINGS_MODULE"] = "tests.settings"  # fast hashing, plain static files


def build(articles, authors_per_article, related_per_article):
    from datetime import timedelta

    from django.utils import timezone

    from tests.factories import make_article, make_author, make_image, make_section

    sections = [make_section(name=name, slug=name.lower()) for name in ("News", "Sport", "Arts")]
    authors = [make_author() for _ in range(40)]
    made = []
    now = timezone.now()
    for i in range(articles):
        made.append(
            make_article(
                headline=f"Harbour story number {i}",
                section=sections[i % 3],
                authors=[authors[(i + k) % 40] for k in range(authors_per_article)],
                hero_image=make_image(),
                related=made[-related_per_article:],
                published_at=now - timedelta(minutes=i + 1),
                body="<p>" + "Words about the harbour. " * 120 + "</p>",
            )
        )
    return sections[0], authors[0], made[-1]


def measure(client, url, requests):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    client.get(url)  # warm up
    times, queries = [], 0
    for _ in range(requests):
        with CaptureQueriesContext(connection) as captured:
            start = time.perf_counter()
            response = client.get(url)
            times.append((time.perf_counter() - start) * 1000)
        assert response.status_code == 200, (url, response.status_code)
        queries = len(captured)
    times.sort()
    return statistics.median(times), times[int(len(times) * 0.95) - 1], queries


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=300)
    parser.add_argument("--authors", type=int, default=3, help="authors per article")
    parser.add_argument("--related", type=int, default=4, help="related articles per article")
    parser.add_argument("--requests", type=int, default=40)
    args = parser.parse_args()

    configure()
    import django

    django.setup()
    from django.conf import settings
    from django.test import Client
    from django.test.utils import get_runner, setup_test_environment

    settings.MEDIA_ROOT = tempfile.mkdtemp(prefix="newsroom-bench-media-")
    setup_test_environment()
    runner = get_runner(settings)(verbosity=0, interactive=False)
    old_config = runner.setup_databases()
    try:
        from django.db import connection
        from django.urls import reverse

        start = time.perf_counter()
        section, author, article = build(args.articles, args.authors, args.related)
        print(
            f"{connection.vendor}: {args.articles} articles, {args.authors} authors and "
            f"{args.related} related each (built in {time.perf_counter() - start:.1f}s)"
        )
        pages = {
            "home": reverse("articles:home"),
            "article": article.get_absolute_url(),
            "section": section.get_absolute_url(),
            "section p.5": section.get_absolute_url() + "?page=5",
            "author": author.get_absolute_url(),
            "search": reverse("articles:search") + "?q=harbour",
            "feed": reverse("articles:feed"),
            "sitemap": reverse("sitemap"),
        }
        client = Client()
        print(f"{'page':<12} {'median ms':>10} {'p95 ms':>8} {'queries':>8}")
        for name, url in pages.items():
            median, p95, queries = measure(client, url, args.requests)
            print(f"{name:<12} {median:>10.1f} {p95:>8.1f} {queries:>8}")
    finally:
        runner.teardown_databases(old_config)


if __name__ == "__main__":
    main()
