"""Load test: gunicorn (sync workers, debug off, persistent connections) under wrk.

Starts one gunicorn per tree on its own loopback port against DATABASE_URL, then runs
wrk on each page, the trees in turn (A B A B ...) so that a machine whose speed drifts
still gives fair ratios, and prints rps, p50, p99 and errors per page and tree, plus
the page's queries and bytes measured in-process.

    .venv/bin/python bench/load.py --database-url postgres://postgres@127.0.0.1/newsroom_perf
    .venv/bin/python bench/load.py --tree before=/tmp/newsroom-before --tree after=. --rounds 3

The page cache (if the tree has one) is whatever the environment says: pass
--env NAME=VALUE to switch it off or on.
"""

import argparse
import math
import os
import re
import shutil
import signal
import statistics
import subprocess
import sys
import time
import urllib.request
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PAGES = ("article", "home", "section", "tag", "rss")
UNITS = {"us": 1e-3, "ms": 1.0, "s": 1000.0, "m": 60_000.0}


@dataclass
class Run:
    rps: float
    p50_ms: float
    p99_ms: float
    errors: int


@dataclass
class Tree:
    name: str
    path: Path
    port: int
    process: subprocess.Popen | None = None
    runs: dict[str, list[Run]] = field(default_factory=dict)


def parse_args():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--database-url",
        default=os.environ.get("DATABASE_URL", f"sqlite:///{ROOT / 'db.sqlite3'}"),
        help="the database every tree serves (default: $DATABASE_URL)",
    )
    parser.add_argument(
        "--tree",
        action="append",
        default=[],
        metavar="NAME=DIR",
        help="a checkout to serve; repeat to compare (default: this one, as 'app')",
    )
    parser.add_argument(
        "--pages", default=",".join(PAGES), help=f"comma-separated: {', '.join(PAGES)}, search"
    )
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--connections", type=int, default=8)
    parser.add_argument("--threads", type=int, default=2)
    parser.add_argument("--duration", type=int, default=10, help="seconds of wrk per run")
    parser.add_argument("--rounds", type=int, default=1, help="runs per page and tree")
    parser.add_argument("--port", type=int, default=8801, help="first port; one per tree")
    parser.add_argument("--env", action="append", default=[], metavar="NAME=VALUE")
    parser.add_argument(
        "--uncached",
        action="store_true",
        help="serve without the page cache (bench/uncached_settings.py): the view's own cost",
    )
    return parser.parse_args()


def page_paths(database_url: str, uncached: bool) -> dict[str, str]:
    """Typical pages of the database's default edition: its newest story with a photo,
    its busiest tag."""
    if uncached:
        os.environ["DJANGO_SETTINGS_MODULE"] = "uncached_settings"
        sys.path.insert(0, str(ROOT / "bench"))
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "newsroom.settings")
    os.environ.setdefault("DJANGO_SECRET_KEY", "bench-only-secret-key")
    os.environ["DATABASE_URL"] = database_url
    os.environ["DJANGO_ENV_FILE"] = ""
    sys.path.insert(0, str(ROOT))
    import django

    django.setup()
    from django.conf import settings
    from django.db.models import Count
    from taggit.models import Tag

    from articles.models import Article
    from images.models import Image

    # The default edition's pages, as the home, feed and search addresses below are.
    published = Article.objects.published().in_edition(settings.LANGUAGE_CODE)
    article = (
        published.filter(main_image__in=Image.objects.public()).select_related("section").first()
        or published.select_related("section").first()
    )
    if article is None:
        sys.exit("No published story: seed the database first (manage.py seed_demo).")
    tag = (
        Tag.objects.filter(articles_taggedarticle_items__content_object__in=published)
        .annotate(uses=Count("articles_taggedarticle_items"))
        .order_by("-uses")
        .first()
    )
    return {
        "article": article.get_absolute_url(),
        "home": "/",
        "section": article.section.get_absolute_url(),
        "tag": f"/tags/{tag.slug}/" if tag else "/news/",
        "rss": "/rss/",
        "search": "/search/?q=council",
    }


def queries_and_bytes(path: str) -> tuple[int, int]:
    """The page's database queries and size, rendered once in this process."""
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    client = Client(HTTP_HOST="127.0.0.1")
    client.get(path)  # warm: the site object, compiled templates
    with CaptureQueriesContext(connection) as queries:
        response = client.get(path)
    if response.status_code != 200:
        sys.exit(f"{path} answered {response.status_code}, not 200")
    return len(queries), len(response.content)


def server_env(tree: Tree, args) -> dict[str, str]:
    env = os.environ.copy()
    env.update(
        DJANGO_DEBUG="off",
        DJANGO_ENV_FILE="",
        DJANGO_SECRET_KEY="bench-only-secret-key-" + "x" * 40,
        DJANGO_ALLOWED_HOSTS="127.0.0.1,localhost",
        DATABASE_URL=args.database_url,
        DATABASE_CONN_MAX_AGE="600",
        PYTHONPATH=str(tree.path),
    )
    if args.uncached:
        env["DJANGO_SETTINGS_MODULE"] = "uncached_settings"
        env["PYTHONPATH"] += os.pathsep + str(ROOT / "bench")
    env.update(item.split("=", 1) for item in args.env)
    return env


PYTHON = str(ROOT / ".venv" / "bin" / "python")


def collect_static(tree: Tree, args) -> None:
    """Debug off needs the hashed names of the static files."""
    if not (tree.path / "staticfiles" / "staticfiles.json").exists():
        subprocess.run(
            [PYTHON, "manage.py", "collectstatic", "--noinput", "-v0"],
            cwd=tree.path,
            env=server_env(tree, args),
            check=True,
        )


def start(tree: Tree, args) -> None:
    env = server_env(tree, args)
    tree.process = subprocess.Popen(
        [
            PYTHON,
            "-m",
            "gunicorn",
            "newsroom.wsgi",
            f"--workers={args.workers}",
            f"--bind=127.0.0.1:{tree.port}",
            "--worker-class=sync",
            "--log-level=warning",
            f"--chdir={tree.path}",
        ],
        cwd=tree.path,
        env=env,
        start_new_session=True,
    )
    url = f"http://127.0.0.1:{tree.port}/healthz"
    for _ in range(100):
        try:
            urllib.request.urlopen(url, timeout=2)
            return
        except OSError:
            if tree.process.poll() is not None:
                sys.exit(f"gunicorn for {tree.name} exited with {tree.process.returncode}")
            time.sleep(0.2)
    sys.exit(f"gunicorn for {tree.name} did not answer on {url}")


def stop(tree: Tree) -> None:
    if tree.process and tree.process.poll() is None:
        tree.process.send_signal(signal.SIGTERM)
        try:
            tree.process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            tree.process.kill()


def milliseconds(text: str) -> float:
    """wrk's "812.00us", "4.31ms", "1.02s"; NaN when no request finished."""
    if match := re.fullmatch(r"([\d.]+)(us|ms|s|m)", text):
        return float(match[1]) * UNITS[match[2]]
    return math.nan


def wrk(url: str, args) -> Run:
    result = subprocess.run(
        [
            "wrk",
            f"-t{args.threads}",
            f"-c{args.connections}",
            f"-d{args.duration}s",
            "--latency",
            url,
        ],
        capture_output=True,
        text=True,
        check=True,
    )
    return parse_wrk(result.stdout)


def parse_wrk(out: str) -> Run:
    """One run's figures from wrk's report (run with --latency)."""
    errors = sum(int(n) for n in re.findall(r"(?:connect|read|write|timeout) (\d+)", out))
    if match := re.search(r"Non-2xx or 3xx responses: (\d+)", out):
        errors += int(match[1])
    return Run(
        rps=float(re.search(r"Requests/sec:\s+([\d.]+)", out)[1]),
        # Anchored: the thread stats' "+/- Stdev" column (e.g. "90.50%") ends in 50% too.
        p50_ms=milliseconds(re.search(r"^\s+50%\s+(\S+)", out, re.MULTILINE)[1]),
        p99_ms=milliseconds(re.search(r"^\s+99%\s+(\S+)", out, re.MULTILINE)[1]),
        errors=errors,
    )


def warm(url: str) -> None:
    for _ in range(5):
        with urllib.request.urlopen(url, timeout=30) as response:
            if response.status != 200:
                sys.exit(f"{url} answered {response.status}")
            response.read()


def main() -> None:
    args = parse_args()
    if not shutil.which("wrk"):
        sys.exit("wrk is not installed (apt-get install wrk).")
    specs = args.tree or [f"app={ROOT}"]
    trees = [
        Tree(name, Path(path).resolve(), args.port + index)
        for index, (name, path) in enumerate(spec.split("=", 1) for spec in specs)
    ]
    pages = args.pages.split(",")
    for tree in trees:
        collect_static(tree, args)
    paths = page_paths(args.database_url, args.uncached)
    measured = {page: queries_and_bytes(paths[page]) for page in pages}
    try:
        for tree in trees:
            start(tree, args)
        for page in pages:
            for tree in trees:
                warm(f"http://127.0.0.1:{tree.port}{paths[page]}")
            for _ in range(args.rounds):
                for tree in trees:
                    run = wrk(f"http://127.0.0.1:{tree.port}{paths[page]}", args)
                    tree.runs.setdefault(page, []).append(run)
    finally:
        for tree in trees:
            stop(tree)
    report(trees, pages, paths, measured, args)


def report(trees, pages, paths, measured, args) -> None:
    print(
        f"{args.workers} sync workers, wrk -t{args.threads} -c{args.connections} "
        f"-d{args.duration}s, {args.rounds} round(s), medians; queries and bytes in-process "
        f"(this tree)"
    )
    header = f"{'page':<8} {'tree':<10} {'rps':>8} {'p50 ms':>8} {'p99 ms':>8} {'errors':>6}"
    header += f" {'queries':>7} {'bytes':>7}"
    if len(trees) > 1:
        header += f" {'ratio':>6}"
    print(header)
    for page in pages:
        base = statistics.median(run.rps for run in trees[0].runs[page])
        for tree in trees:
            runs = tree.runs[page]
            rps = statistics.median(run.rps for run in runs)
            line = (
                f"{page:<8} {tree.name:<10} {rps:>8.1f} "
                f"{statistics.median(run.p50_ms for run in runs):>8.1f} "
                f"{statistics.median(run.p99_ms for run in runs):>8.1f} "
                f"{sum(run.errors for run in runs):>6} "
                f"{measured[page][0]:>7} {measured[page][1]:>7}"
            )
            if len(trees) > 1:
                line += f" {rps / base:>6.2f}"
            print(line)
    print("paths: " + ", ".join(f"{page} {paths[page]}" for page in pages))


if __name__ == "__main__":
    main()
