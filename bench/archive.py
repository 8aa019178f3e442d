"""Does the archive's size show? Every page, feed and sitemap file timed at two sizes.

    .venv/bin/python bench/archive.py --small postgres://…/newsroom_small \\
        --big postgres://…/newsroom_big [--runs 7]

Each database is measured in its own process (Django reads DATABASE_URL once), in
process with Django's test client, the whole middleware stack included: uncached (the
cache is cleared before every request), one warm-up request, then the median of the
runs, with the SQL time of the same requests (the statements' own time, timed around
each execute). Prints one table: page, ms at small, ms at big, ratio, SQL ms at big and
queries at both sizes. Pages are found by the same names at both sizes (the World
section, its newest story, the busiest tag and author, the newest story's day).
"""

import argparse
import json
import os
import re
import statistics
import subprocess
import sys
import time
from pathlib import Path
from urllib.parse import urlsplit

ROOT = Path(__file__).resolve().parent.parent
TARGET_RATIO = 1.5
MONTH_LINK = re.compile(rb'href="/archive/\d{4}/\d{1,2}/"')
SEARCH_SQL_MS = 50
SITEMAP_INDEX_MS = 100


def pages() -> list[tuple[str, str]]:
    """(name, path) of every public page kind, picked by rule so both sizes match."""
    from django.db.models import Count
    from django.test import Client
    from lxml import etree

    from articles.models import Article, Byline, TaggedArticle

    published = Article.objects.published()
    story = published.filter(section__slug="world").select_related("section").first()
    author = (
        Byline.objects.filter(article__in=published)
        .values("person__slug")
        .annotate(n=Count("pk"))
        .order_by("-n", "person__slug")[0]["person__slug"]
    )
    tag = (
        TaggedArticle.objects.filter(content_object__in=published)
        .values("tag__slug")
        .annotate(n=Count("pk"))
        .order_by("-n", "tag__slug")[0]["tag__slug"]
    )
    day = story.published_at.astimezone()
    listed = [
        ("home", "/"),
        ("news", "/news/"),
        ("news, page 3", "/news/?page=3"),
        ("section", "/world/"),
        ("article", story.get_absolute_url()),
        ("authors", "/authors/"),
        ("author", f"/authors/{author}/"),
        ("tag", f"/tags/{tag}/"),
        ("search council", "/search/?q=council"),
        ("search council, p2", "/search/?q=council&page=2"),
        ("archive", "/archive/"),
        ("archive year", f"/archive/{day:%Y}/"),
        ("archive month", f"/archive/{day:%Y/%m}/"),
        ("archive day", f"/archive/{day:%Y/%m/%d}/"),
        ("corrections", "/corrections/"),
        ("rss", "/rss/"),
        ("atom", "/atom/"),
        ("section rss", "/world/rss/"),
        ("author rss", f"/authors/{author}/rss/"),
        ("tag rss", f"/tags/{tag}/rss/"),
        ("corrections rss", "/corrections/rss/"),
        ("sitemap page", "/sitemap/"),
        ("robots.txt", "/robots.txt"),
        ("sitemap.xml", "/sitemap.xml"),
    ]
    # Every file the index names: the first and last of a paginated one.
    index = etree.fromstring(Client().get("/sitemap.xml").content)
    files = {}
    for loc in index.xpath("//*[local-name()='loc']/text()"):
        url = urlsplit(loc)
        path = url.path + (f"?{url.query}" if url.query else "")
        name = url.path.removeprefix("/sitemap-").removesuffix(".xml")
        files.setdefault(name, []).append(path)
    for name, paths in files.items():
        listed.append((f"sitemap {name}", paths[0]))
        if len(paths) > 1:
            listed.append((f"sitemap {name}, last", paths[-1]))
    return listed


def serve() -> None:
    """Worker: answers "pages" with the page list, then times each path it is sent."""
    import django

    django.setup()
    from django.core.cache import cache
    from django.db import connection
    from django.test import Client

    from articles.models import Article

    sql = {"seconds": 0.0, "count": 0}

    def timed(execute, sql_text, params, many, context):
        start = time.perf_counter()
        try:
            return execute(sql_text, params, many, context)
        finally:
            sql["seconds"] += time.perf_counter() - start
            sql["count"] += 1

    client = Client()
    for line in sys.stdin:
        request = json.loads(line)
        if request == "pages":
            answer = {"articles": Article.objects.count(), "pages": pages()}
        else:
            cache.clear()
            sql.update(seconds=0.0, count=0)
            with connection.execute_wrapper(timed):
                start = time.perf_counter()
                response = client.get(request)
                body = b"".join(response) if response.streaming else response.content
                elapsed = time.perf_counter() - start
            answer = {
                # A sitemap file grows with the archive up to its limit, and the archive's
                # index with the months it spans: compare those per entry.
                "entries": body.count(b"<url>")
                or (len(MONTH_LINK.findall(body)) if request == "/archive/" else 0),
                "status": response.status_code,
                "ms": elapsed * 1000,
                "sql_ms": sql["seconds"] * 1000,
                "queries": sql["count"],
            }
        print(json.dumps(answer), flush=True)


class Worker:
    """One database, one process: Django reads DATABASE_URL once."""

    def __init__(self, database_url: str):
        env = {
            **os.environ,
            "DATABASE_URL": database_url,
            "DJANGO_SETTINGS_MODULE": "newsroom.settings",
            "DJANGO_ALLOWED_HOSTS": "testserver",
            "DJANGO_DEBUG": "off",
            "DJANGO_SECRET_KEY": os.environ.get("DJANGO_SECRET_KEY", "bench-only-secret-key"),
            # The process's own memory: nothing here reaches a shared Redis.
            "CACHE_URL": "locmemcache://bench-archive",
        }
        env.pop("REDIS_URL", None)
        self.process = subprocess.Popen(
            [sys.executable, __file__, "--serve"],
            env=env,
            cwd=ROOT,
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            text=True,
        )

    def ask(self, request):
        self.process.stdin.write(json.dumps(request) + "\n")
        self.process.stdin.flush()
        return json.loads(self.process.stdout.readline())

    def close(self):
        self.process.stdin.close()
        self.process.wait()


def measure(small_url: str, big_url: str, runs: int, only: str = "") -> tuple[dict, dict]:
    """Both sizes page by page, their requests interleaved (small, big, small, big …)
    so that the machine's other work weighs on both alike."""
    workers = {"small": Worker(small_url), "big": Worker(big_url)}
    try:
        results = {}
        for size, worker in workers.items():
            listing = worker.ask("pages")
            results[size] = {"articles": listing["articles"], "paths": dict(listing["pages"])}
            results[size]["pages"] = {}
        names = list(results["big"]["paths"])
        names += [name for name in results["small"]["paths"] if name not in names]
        names = [name for name in names if only in name]
        for name in names:
            samples = {size: [] for size in workers}
            for _run in range(runs + 1):
                for size, worker in workers.items():
                    path = results[size]["paths"].get(name)
                    if path is not None:
                        samples[size].append(worker.ask(path))
            for size, answers in samples.items():
                if not answers:
                    continue
                timed = answers[1:]  # the first run warms Python's and PostgreSQL's caches
                results[size]["pages"][name] = {
                    "path": results[size]["paths"][name],
                    "status": answers[-1]["status"],
                    "ms": statistics.median(a["ms"] for a in timed),
                    "sql_ms": statistics.median(a["sql_ms"] for a in timed),
                    "queries": max(a["queries"] for a in timed),
                    "entries": answers[-1]["entries"],
                }
        return results["small"], results["big"]
    finally:
        for worker in workers.values():
            worker.close()


def table(small: dict, big: dict) -> list[str]:
    lines = [
        f"Archive size: {small['articles']} stories (small) vs {big['articles']} (big); "
        "uncached, in process, median ms",
        f"{'page':<24} {'small':>8} {'big':>8} {'ratio':>6} {'SQL big':>8} {'queries':>8}  note",
    ]
    for name, at_big in big["pages"].items():
        at_small = small["pages"].get(name)
        if at_small is None:  # a sitemap file only the big archive has
            at_small = small["pages"].get(name.removesuffix(", last"))
        notes = []
        if at_small:
            ratio = at_big["ms"] / at_small["ms"]
            if at_small["entries"] and at_big["entries"] != at_small["entries"]:
                # Per entry: a file of 5 000 stories is not compared with one of 300.
                ratio *= at_small["entries"] / at_big["entries"]
                notes.append(f"per entry ({at_small['entries']}/{at_big['entries']} entries)")
            queries = f"{at_small['queries']}/{at_big['queries']}"
            small_ms = f"{at_small['ms']:8.1f}"
            if ratio > TARGET_RATIO:
                notes.append(f"over {TARGET_RATIO}x")
            if at_big["queries"] > at_small["queries"]:
                notes.append("more queries")
        else:
            ratio, queries, small_ms = float("nan"), f"-/{at_big['queries']}", f"{'-':>8}"
        if name.startswith("search") and at_big["sql_ms"] > SEARCH_SQL_MS:
            notes.append(f"SQL over {SEARCH_SQL_MS} ms")
        if name == "sitemap.xml" and at_big["ms"] > SITEMAP_INDEX_MS:
            notes.append(f"over {SITEMAP_INDEX_MS} ms")
        if at_big["status"] != 200:
            notes.append(f"status {at_big['status']}")
        lines.append(
            f"{name:<24} {small_ms} {at_big['ms']:8.1f} {ratio:6.2f} "
            f"{at_big['sql_ms']:8.1f} {queries:>8}  {', '.join(notes)}"
        )
    return lines


def create_databases(urls: list[str]) -> None:
    """Create each PostgreSQL database that does not exist yet (the server's own
    `postgres` database is where CREATE DATABASE runs)."""
    import psycopg

    for url in urls:
        parts = urlsplit(url)
        name = parts.path.lstrip("/")
        with psycopg.connect(parts._replace(path="/postgres").geturl(), autocommit=True) as db:
            if not db.execute("SELECT 1 FROM pg_database WHERE datname = %s", [name]).fetchone():
                db.execute(f'CREATE DATABASE "{name}"')
                print(f"Created database {name}.")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--small", help="DATABASE_URL of the demo-size database")
    parser.add_argument("--big", help="DATABASE_URL of the big database")
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--json", help="also write both results to this file")
    parser.add_argument("--only", default="", help="only the pages whose name holds this")
    parser.add_argument("--create", nargs="+", metavar="URL", help="create these databases")
    parser.add_argument("--serve", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.create:
        create_databases(args.create)
        return
    if args.serve:
        sys.path.insert(0, str(ROOT))
        serve()
        return
    if not (args.small and args.big):
        parser.error("--small and --big (two DATABASE_URLs) are needed")
    small, big = measure(args.small, args.big, args.runs, args.only)
    if args.json:
        Path(args.json).write_text(json.dumps({"small": small, "big": big}, indent=1))
    print("\n".join(table(small, big)))


if __name__ == "__main__":
    main()
