"""In-process helpers of bench/run, run with its environment (bench/environment.py).

probe.py create-database   make the PostgreSQL database named by DATABASE_URL if missing
probe.py plan OUT.json     choose the URLs of every case, log an editor in, and count the
                           SQL queries each case makes per request (Django's test client,
                           same settings and database as the server, second request of each
                           URL so that start-up work is not counted)
"""

import json
import os
import sys
from urllib.parse import urlencode

import django

MIXED = 500  # different article pages in the "mixed" case
QUERY_SAMPLE = 50  # of those, how many are counted (the most any of them makes is reported)


def create_database():
    import dj_database_url
    import psycopg

    config = dj_database_url.parse(os.environ["DATABASE_URL"])
    if config["ENGINE"] != "django.db.backends.postgresql":
        return
    server = {
        "host": config["HOST"] or None,
        "port": config["PORT"] or None,
        "user": config["USER"] or None,
        "password": config["PASSWORD"] or None,
        "dbname": "postgres",
    }
    with psycopg.connect(**server, autocommit=True) as connection:
        exists = connection.execute(
            "SELECT 1 FROM pg_database WHERE datname = %s", [config["NAME"]]
        ).fetchone()
        if not exists:
            connection.execute(f'CREATE DATABASE "{config["NAME"]}"')
            print(f"created database {config['NAME']}")


def plan(out):
    django.setup()
    from django.contrib.auth import get_user_model
    from django.contrib.auth.models import Group
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext
    from django.urls import reverse

    from articles.models import Article
    from articles.permissions import EDITOR

    cases = {**reader_cases(), "admin list": [reverse("admin:articles_article_changelist")]}

    editor, _ = get_user_model().objects.get_or_create(
        username="bench-editor", defaults={"is_staff": True}
    )
    editor.groups.add(Group.objects.get(name=EDITOR))
    reader, desk = Client(HTTP_HOST="127.0.0.1"), Client(HTTP_HOST="127.0.0.1")
    desk.force_login(editor)

    queries = {}
    for case, urls in cases.items():
        client = desk if case == "admin list" else reader
        counted = []
        for url in urls[:: max(1, len(urls) // QUERY_SAMPLE)]:
            client.get(url)
            with CaptureQueriesContext(connection) as captured:
                response = client.get(url)
            if response.status_code != 200:
                raise SystemExit(f"{url} answered {response.status_code}, not 200")
            counted.append(len(captured))
        queries[case] = max(counted)

    result = {
        "vendor": connection.vendor,
        "articles": Article.objects.published().count(),
        "cases": cases,
        "queries": queries,
        "cookie": f"sessionid={desk.cookies['sessionid'].value}",
    }
    with open(out, "w") as file:
        json.dump(result, file, indent=1)


SEARCHES = [
    {"q": "quayside"},
    {"q": "Kingsmoor"},
    {"q": "ferry operator"},
    {"q": '"flood defences"'},
    {"q": "redevelop*"},
    {"q": "Okafor"},
    {"q": "ticket prices", "section": "sport"},
]


def reader_cases():
    """{case: [URL, …]} for every reader case of bench/run (after django.setup())."""
    from django.db.models import Count, Q
    from django.urls import reverse

    from articles.models import Article, Author, Section

    published = Article.objects.published()
    slugs = list(published.values_list("slug", flat=True))
    step = max(1, len(slugs) // MIXED)
    mixed = [reverse("articles:detail", args=[slug]) for slug in slugs[::step][:MIXED]]
    author = (
        Author.objects.annotate(n=Count("articles", filter=Q(articles__in=published)))
        .order_by("-n", "pk")
        .first()
    )
    return {
        "article": [mixed[0]],
        "home": [reverse("articles:home")],
        "section": [Section.objects.first().get_absolute_url()],
        "author": [author.get_absolute_url()],
        "search": [reverse("articles:search") + "?q=quayside"],
        # What readers type, one at a time: a word in every body, a rare one, two words, a
        # phrase, a prefix, a name, and a word narrowed to a section.
        "search (1 reader)": [
            reverse("articles:search") + "?" + urlencode(query) for query in SEARCHES
        ],
        "feed": [reverse("articles:feed")],
        "sitemap": [reverse("sitemap")],
        "mixed": mixed,
    }


if __name__ == "__main__":
    command, *rest = sys.argv[1:]
    {"create-database": create_database, "plan": plan}[command](*rest)
