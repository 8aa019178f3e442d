"""make bench: the production stack under wrk, page by page, from uncached to static.

    .venv/bin/python bench/run.py [--big] [--duration 5] [--pages article,home]

Seeds its own PostgreSQL database once (20 000 stories, or 100 000 with --big; photos
with their real renditions), starts deploy/prod.py's stack on its own ports, Redis
databases and run folder, and runs wrk on the article, home, section, tag, RSS and search
pages in four modes:

    uncached   an app server of its own with the page cache off (2 sync workers)
    page       one of the stack's app servers, straight, its page cache warm
    proxy      through nginx, its micro-cache warm
    static     nginx serving a saved copy of the proxy's bytes: the ceiling

at 8 connections, and the three cached modes again at 64. It prints one table with the
issue's targets beside the figures (printed, not asserted: numbers on a shared machine
are noisy), stops everything it started (also on Ctrl+C or an error), and then runs
`make bench-archive` if that benchmark's two databases exist.
"""

import argparse
import json
import os
import shutil
import signal
import subprocess
import sys
import time
import urllib.request
from pathlib import Path
from urllib.parse import urlsplit

import load  # bench/load.py: wrk and the in-process page measurements

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "deploy"))
import prod  # noqa: E402  deploy/prod.py: the production stack

POSTGRES = "postgres://postgres@127.0.0.1:5432"
RUN_DIR = ROOT / "run" / "bench"
NGINX_PORT, APP_PORTS, STATIC_PORT, UNCACHED_PORT = 8380, (8381, 8382), 8390, 8391
CACHE_REDIS, BROKER_REDIS = "redis://127.0.0.1:6379/10", "redis://127.0.0.1:6379/11"
PAGES = ("article", "home", "section", "tag", "rss", "search")
WORKERS = 2  # per app server: the comparison setup
CONNECTIONS, SPIKE_CONNECTIONS = 8, 64

# The issue's targets (#9). Uncached rps at 8 connections; the cached modes' p99 at 64.
UNCACHED_RPS = {"article": 450, "home": 200, "section": 200, "tag": 200, "rss": 300}
PAGE_CACHE_ARTICLE_RPS = 2000
PROXY_SHARE_OF_STATIC = 50
SPIKE_P99_MS = 50


def parse_args():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--big", action="store_true", help="100 000 stories, not 20 000")
    parser.add_argument("--duration", type=int, default=5, help="seconds of wrk per cell")
    parser.add_argument("--pages", default=",".join(PAGES), help="comma-separated subset")
    parser.add_argument("--archive-small", default=f"{POSTGRES}/newsroom_archive_small")
    parser.add_argument("--archive-big", default=f"{POSTGRES}/newsroom_archive_big")
    parser.add_argument("--no-archive", action="store_true", help="skip make bench-archive")
    parser.add_argument("--measure", help=argparse.SUPPRESS)  # child: in-process figures
    return parser.parse_args()


def stack_environment(database: str) -> dict[str, str]:
    """Everything deploy/prod.py and manage.py read, pointed at the bench's own
    database, Redis databases, ports and files (photos live beside their database)."""
    data = RUN_DIR / database
    return {
        "DATABASE_URL": f"{POSTGRES}/{database}",
        "REDIS_URL": CACHE_REDIS,
        "CELERY_BROKER_URL": BROKER_REDIS,
        "PROD_PORT": str(NGINX_PORT),
        "PROD_APP_PORTS": ",".join(map(str, APP_PORTS)),
        "PROD_RUN_DIR": str(RUN_DIR),
        "MEDIA_ROOT": str(data / "media"),
        "ORIGINALS_ROOT": str(data / "originals"),
        "GUNICORN_WORKERS": str(WORKERS),
        "DJANGO_SETTINGS_MODULE": "newsroom.settings",
    }


def sql(database: str, statement: str, params=()) -> list[tuple]:
    import psycopg

    with psycopg.connect(f"{POSTGRES}/{database}", autocommit=True) as connection:
        cursor = connection.execute(statement, params)
        return cursor.fetchall() if cursor.description else []


def seed(database: str, articles: int) -> None:
    """Fill the database up to `articles` stories unless it holds them already. Photos
    are encoded once, after the stories: seed_demo's own renditions step would repeat
    for nothing on a database that is only topped up."""
    env = prod.environment(RUN_DIR)
    originals = Path(env["ORIGINALS_ROOT"])
    exists = sql("postgres", "SELECT 1 FROM pg_database WHERE datname = %s", [database])
    if exists and not any(originals.glob("**/*.jpg")):
        # Rows whose photo files are gone (make clean removes run/) would print broken
        # pictures: start again rather than measure a site with no photos.
        print(f"{database} has no photo files in {originals}: recreating it.")
        sql("postgres", f'DROP DATABASE "{database}" WITH (FORCE)')
    prod.create_database(env["DATABASE_URL"])
    prod.manage(env, "migrate", "--noinput", "--verbosity", "0")
    count = sql(database, "SELECT count(*) FROM articles_article")[0][0]
    if count >= articles:
        print(f"{database} holds {count} stories: no seeding needed.")
        return
    started = time.monotonic()
    print(f"Seeding {database} with {articles} stories (it holds {count}); this runs once.")
    prod.manage(env, "seed_demo", "--articles", str(articles), "--no-renditions")
    prod.manage(env, "renditions")
    sql(database, "VACUUM ANALYZE")
    print(f"Seeded in {time.monotonic() - started:.0f} s.")


def measure_in_process(database: str) -> None:
    """Child process: each page's path, and its queries rendered uncached and served
    from the page cache, in this process's own memory cache (not the stack's Redis)."""
    os.environ["CACHE_URL"] = "locmemcache://bench-run"
    paths = load.page_paths(f"{POSTGRES}/{database}", uncached=False)
    from django.conf import settings
    from django.test.utils import override_settings

    figures = {}
    for page, path in paths.items():
        with override_settings(PAGE_CACHE={**settings.PAGE_CACHE, "SECONDS": 0}):
            uncached, _ = load.queries_and_bytes(path)
        cached, _ = load.queries_and_bytes(path)  # its first request stores the page
        figures[page] = {"path": path, "uncached": uncached, "cached": cached}
    print(json.dumps(figures))


def in_process_figures(database: str, env: dict[str, str]) -> dict:
    out = subprocess.run(
        [sys.executable, __file__, "--measure", database],
        env=env,
        cwd=ROOT,
        capture_output=True,
        text=True,
    )
    if out.returncode:
        sys.exit(f"Measuring the pages in process failed:\n{out.stderr}")
    return json.loads(out.stdout.strip().splitlines()[-1])


def spawn(name: str, command: list[str], env: dict[str, str]) -> subprocess.Popen:
    """A process of the bench beside the stack's: its pid file goes with theirs, so
    prod.stop() stops it too, and a run killed outright is cleaned up by the next."""
    with (RUN_DIR / f"{name}.log").open("ab") as log:
        process = subprocess.Popen(
            command, cwd=ROOT, env=env, stdout=log, stderr=subprocess.STDOUT,
            start_new_session=True,
        )  # fmt: skip
    (RUN_DIR / "pids" / f"{name}.pid").write_text(str(process.pid))
    return process


def start_uncached_server(env: dict[str, str]) -> None:
    """The stack's own gunicorn configuration, with the page cache storing nothing."""
    process = spawn(
        f"app-{UNCACHED_PORT}-uncached",
        [sys.executable, "-m", "gunicorn", "--config", str(prod.DEPLOY_DIR / "gunicorn.conf.py"),
         "--bind", f"127.0.0.1:{UNCACHED_PORT}", "newsroom.wsgi"],
        env | {"NEWSROOM_PAGE_CACHE_SECONDS": "0"},
    )  # fmt: skip
    url = f"http://127.0.0.1:{UNCACHED_PORT}/healthz"
    if not prod._healthy(url, {"uncached": process}, host="127.0.0.1"):
        sys.exit(f"The uncached app server did not start; see {RUN_DIR}.")


def start_static_server(bodies: dict[str, tuple[bytes, str]], env: dict[str, str]) -> None:
    """nginx with the stack's own main configuration (workers, sendfile, access log),
    serving each page's saved bytes as a file."""
    folder = RUN_DIR / "static"
    pages = folder / "pages"
    shutil.rmtree(pages, ignore_errors=True)
    pages.mkdir(parents=True)
    locations = []
    for page, (body, content_type) in bodies.items():
        (pages / page).write_bytes(body)
        locations.append(f'    location = /{page} {{ default_type "{content_type}"; }}')
    config = prod.nginx_config(
        folder,
        listen=f"127.0.0.1:{STATIC_PORT}",
        app_servers=[],
        static_root=ROOT / "staticfiles",
        media_root=Path(env["MEDIA_ROOT"]),
    )
    (folder / "site.conf").write_text(
        "server {\n"
        f"    listen 127.0.0.1:{STATIC_PORT};\n"
        f"    root {pages};\n"
        "    types { }\n" + "\n".join(locations) + "\n}\n"
    )
    process = spawn("nginx-static", prod.nginx_command(config), env)
    for _ in range(50):
        try:
            fetch(f"http://127.0.0.1:{STATIC_PORT}/{next(iter(bodies))}")
            return
        except OSError:
            if process.poll() is not None:
                break
            time.sleep(0.1)
    sys.exit(f"The static nginx did not start; see {folder}/nginx-error.log.")


def fetch(url: str) -> tuple[bytes, dict[str, str]]:
    with urllib.request.urlopen(url, timeout=30) as response:
        if response.status != 200:
            sys.exit(f"{url} answered {response.status}")
        return response.read(), dict(response.headers)


def warm(url: str) -> bytes:
    """A few requests, so the caches hold the page and the workers have compiled it;
    through the proxy, until nginx answers from its cache."""
    for attempt in range(50):
        body, headers = fetch(url)
        status = headers.get("X-Cache-Status")
        if attempt >= 4 and (f":{NGINX_PORT}/" not in url or status == "HIT"):
            return body
        time.sleep(0.1 if attempt >= 4 else 0)
    sys.exit(f"{url} is not served from nginx's cache ({status}).")


def wrk(url: str, connections: int, duration: int) -> load.Run:
    return load.wrk(url, argparse.Namespace(threads=2, connections=connections, duration=duration))


def run_cells(figures: dict, pages: list[str], duration: int) -> list[dict]:
    """Every page in every mode, its modes back to back so that they share the
    machine's mood of the moment; the proxy's share is of the static run beside it."""
    bases = {
        "uncached": f"http://127.0.0.1:{UNCACHED_PORT}",
        "page": f"http://127.0.0.1:{APP_PORTS[0]}",
        "proxy": f"http://127.0.0.1:{NGINX_PORT}",
    }
    bodies, sizes = {}, {}
    for page in pages:
        path = figures[page]["path"]
        for mode, base in bases.items():
            sizes[page, mode] = len(warm(base + path))
        body, headers = fetch(bases["proxy"] + path)
        bodies[page] = (body, headers["Content-Type"])
        sizes[page, "static"] = len(body)
    start_static_server(bodies, prod.environment(RUN_DIR))
    urls = {
        (page, mode): base + figures[page]["path"] for page in pages for mode, base in bases.items()
    }
    urls |= {(page, "static"): f"http://127.0.0.1:{STATIC_PORT}/{page}" for page in pages}
    cells = [("uncached", CONNECTIONS)]
    cells += [
        (mode, c) for c in (CONNECTIONS, SPIKE_CONNECTIONS) for mode in ("page", "proxy", "static")
    ]
    rows = []
    for page in pages:
        for mode, connections in cells:
            print(f"  wrk {page:<8} {mode:<8} {connections:>2} connections", flush=True)
            result = wrk(urls[page, mode], connections, duration)
            queries = {"uncached": figures[page]["uncached"], "page": figures[page]["cached"]}
            rows.append({
                "page": page, "mode": mode, "connections": connections, "run": result,
                "queries": queries.get(mode), "bytes": sizes[page, mode],
            })  # fmt: skip
    return rows


def target(row: dict, static_rps: float | None) -> str:
    """The issue's target for this cell and whether this run met it ("" if none)."""
    run, page, mode = row["run"], row["page"], row["mode"]
    checks = []
    if mode == "uncached" and page in UNCACHED_RPS:
        checks.append((f">= {UNCACHED_RPS[page]} rps", run.rps >= UNCACHED_RPS[page]))
    if mode == "page" and page == "article" and row["connections"] == CONNECTIONS:
        checks.append((f">= {PAGE_CACHE_ARTICLE_RPS} rps", run.rps >= PAGE_CACHE_ARTICLE_RPS))
    if mode == "proxy" and static_rps:
        share = 100 * run.rps / static_rps
        checks.append((f">= {PROXY_SHARE_OF_STATIC}% of static", share >= PROXY_SHARE_OF_STATIC))
    if mode != "uncached" and row["connections"] == SPIKE_CONNECTIONS:
        checks.append((f"p99 < {SPIKE_P99_MS} ms", run.p99_ms < SPIKE_P99_MS))
    checks.append(("0 errors", run.errors == 0))
    return "; ".join(f"{text} {'ok' if met else 'MISSED'}" for text, met in checks)


def table(rows: list[dict]) -> list[str]:
    static = {(r["page"], r["connections"]): r["run"].rps for r in rows if r["mode"] == "static"}
    lines = [
        f"{'page':<8} {'mode':<8} {'conns':>5} {'rps':>8} {'p50 ms':>7} {'p99 ms':>7} "
        f"{'errors':>6} {'queries':>7} {'bytes':>7} {'%static':>7}  target"
    ]
    for row in rows:
        run = row["run"]
        static_rps = static.get((row["page"], row["connections"]))
        share = f"{100 * run.rps / static_rps:.0f}%" if row["mode"] == "proxy" else ""
        queries = "-" if row["queries"] is None else str(row["queries"])
        lines.append(
            f"{row['page']:<8} {row['mode']:<8} {row['connections']:>5} {run.rps:>8.0f} "
            f"{run.p50_ms:>7.1f} {run.p99_ms:>7.1f} {run.errors:>6} {queries:>7} "
            f"{row['bytes']:>7} {share:>7}  {target(row, static_rps)}"
        )
    return lines


def run_archive(small: str, big: str) -> None:
    """`make bench-archive` needs two seeded databases that take minutes to make: run
    it only when they are there."""
    names = [urlsplit(url).path.lstrip("/") for url in (small, big)]
    found = {row[0] for row in sql("postgres", "SELECT datname FROM pg_database")}
    if not set(names) <= found:
        print(
            f"\nArchive size (make bench-archive) skipped: {' and '.join(names)} do not exist. "
            "Create them once with `make bench-archive-seed` (about six minutes), then "
            "`make bench` runs it too."
        )
        return
    print("\nmake bench-archive:", flush=True)
    subprocess.run(
        ["make", "--no-print-directory", "bench-archive", f"ARCHIVE_SMALL={small}",
         f"ARCHIVE_BIG={big}"],
        cwd=ROOT, check=True,
    )  # fmt: skip


def main() -> None:
    args = parse_args()
    if args.measure:
        measure_in_process(args.measure)
        return
    if not shutil.which("wrk"):
        sys.exit("wrk is not installed (apt-get install wrk).")
    database = "newsroom_bench_big" if args.big else "newsroom_bench"
    articles = 100_000 if args.big else 20_000
    pages = args.pages.split(",")
    RUN_DIR.mkdir(parents=True, exist_ok=True)
    (RUN_DIR / "pids").mkdir(exist_ok=True)
    os.environ.update(stack_environment(database))
    # SIGTERM (a CI timeout, kill) unwinds like Ctrl+C, through the finally below.
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(1))
    prod.stop()  # whatever an earlier run killed outright left behind
    seed(database, articles)
    env = prod.environment(RUN_DIR)
    figures = in_process_figures(database, env)
    stories = sql(database, "SELECT count(*) FROM articles_article")[0][0]
    # nginx's copies from an earlier run may be of another database's state.
    shutil.rmtree(RUN_DIR / "nginx-cache", ignore_errors=True)
    try:
        prod.start()
        start_uncached_server(env)
        print(f"wrk -t2 -d{args.duration}s per cell:", flush=True)
        rows = run_cells(figures, pages, args.duration)
    finally:
        prod.stop()
    load_average = " ".join(f"{n:.1f}" for n in os.getloadavg())
    print(
        f"\nNewsroom under wrk: {stories} stories (PostgreSQL {database}), {WORKERS} sync "
        f"workers per app server, wrk -t2 -d{args.duration}s; {os.cpu_count()} cores, load "
        f"average {load_average} at the end.\n"
        "uncached: app server with NEWSROOM_PAGE_CACHE_SECONDS=0; page: app server, page "
        "cache warm; proxy: nginx micro-cache warm; static: nginx serving the same bytes.\n"
        "queries: in process, uncached render / from the page cache; bytes: body as served."
    )
    print("\n".join(table(rows)))
    print("paths: " + ", ".join(f"{page} {figures[page]['path']}" for page in pages))
    if not args.no_archive:
        run_archive(args.archive_small, args.archive_big)


if __name__ == "__main__":
    main()
