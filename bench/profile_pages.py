"""Where a reader page spends its time: pyinstrument over the page, in-process, on the bench
database that bench/run built (run that first, same DATABASE_URL).

    .venv/bin/python bench/profile_pages.py home article [--requests 100] [--html]

pyinstrument is a tool, not a requirement: `.venv/bin/pip install pyinstrument`. Requests go
through Django's full stack (middleware, views, templates) with the production settings of
the bench server; the first request of each page is left out of the profile.
"""

import argparse
import os
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from bench.environment import bench_env

PAGES = ["article", "home", "section", "author", "search", "feed", "sitemap"]


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("pages", nargs="+", choices=PAGES)
    parser.add_argument("--requests", type=int, default=100)
    parser.add_argument("--top", type=int, default=25, help="functions in the flat list")
    parser.add_argument("--html", action="store_true", help="write an HTML profile per page")
    args = parser.parse_args()

    os.environ.update(bench_env())
    import django

    django.setup()
    from django.test import Client
    from pyinstrument import Profiler

    from bench.probe import reader_cases

    cases = reader_cases()
    client = Client(HTTP_HOST="127.0.0.1")
    for page in args.pages:
        url = cases[page][0]
        assert client.get(url).status_code == 200, url
        profiler = Profiler(interval=0.0005)
        with profiler:
            for _ in range(args.requests):
                client.get(url)
        session = profiler.last_session
        print(
            f"== {page} ({url}): {session.duration / args.requests * 1000:.1f} ms per request, "
            f"{session.cpu_time / args.requests * 1000:.1f} ms of it on the CPU (the rest is "
            "waiting: for the database, or for a CPU on a busy machine, which pyinstrument "
            "counts against whatever was running)"
        )
        print(profiler.output_text(unicode=True, time="percent_of_total"))
        flat = profiler.output_text(flat=True, time="percent_of_total", show_all=True)
        print(f"-- {page}: functions by own time (top {args.top})")
        print("\n".join([line for line in flat.splitlines() if "%" in line][: args.top]))
        if args.html:
            out = Path(os.environ["BENCH_SCRATCH"]) / f"profile-{page}.html"
            out.write_text(profiler.output_html())
            print(f"(HTML profile in {out})")


if __name__ == "__main__":
    main()
