"""The request log: one JSON line per request, with what an operator needs (status,
time, the page cache's outcome, the database's share) and nothing that names a reader."""

import io
import json
import logging
import os
import subprocess
import sys
from datetime import datetime
from pathlib import Path

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from .factories import ArticleFactory

pytestmark = pytest.mark.django_db

FIELDS = {
    "time",
    "method",
    "path",
    "status",
    "duration_ms",
    "cache",
    "db_ms",
    "db_queries",
    "edition",
    "request_id",
    "pid",
}


@pytest.fixture
def request_log(settings):
    """The middleware installed as DJANGO_REQUEST_LOG=on installs it, and the lines its
    logger writes, read back as the configured JSON formatter wrote them."""
    middleware = list(settings.MIDDLEWARE)
    middleware.insert(
        middleware.index("newsroom.pagecache.PageCacheMiddleware"),
        "newsroom.requestlog.RequestLogMiddleware",
    )
    settings.MIDDLEWARE = middleware
    logger = logging.getLogger("newsroom.requests")
    stream = io.StringIO()
    handler = logging.StreamHandler(stream)
    # The handler LOGGING names "requests" (pytest adds its own beside it).
    configured = next(h for h in logger.handlers if h.name == "requests")
    handler.setFormatter(configured.formatter)
    logger.addHandler(handler)
    yield lambda: [json.loads(line) for line in stream.getvalue().splitlines()]
    logger.removeHandler(handler)


@pytest.fixture
def page_cache(settings):
    """Pages stored as in production (the other tests store none)."""
    settings.PAGE_CACHE = {**settings.PAGE_CACHE, "SECONDS": 300}


def test_a_rendered_page_is_one_line_with_its_database_work(client, request_log):
    article = ArticleFactory()

    with CaptureQueriesContext(connection) as queries:
        response = client.get(article.get_absolute_url())

    assert response.status_code == 200
    (line,) = request_log()
    assert line.keys() == FIELDS
    assert line["method"] == "GET"
    assert line["path"] == article.get_absolute_url()
    assert line["status"] == 200
    # The page cache stores nothing in these tests: the page went past it.
    assert line["cache"] == "bypass"
    assert line["db_queries"] == len(queries.captured_queries) > 0
    assert 0 < line["db_ms"] <= line["duration_ms"]
    assert line["edition"] == "en"
    assert len(line["request_id"]) == 32
    assert line["pid"] == os.getpid()
    assert datetime.fromisoformat(line["time"]).tzinfo is not None


def test_a_page_cache_hit_is_logged_with_no_database_work(
    client, request_log, page_cache, django_assert_num_queries
):
    article = ArticleFactory(language="ru")
    client.get(article.get_absolute_url())

    with django_assert_num_queries(0):
        response = client.get(article.get_absolute_url())

    assert response.status_code == 200
    miss, hit = request_log()
    assert (miss["cache"], hit["cache"]) == ("miss", "hit")
    assert hit["db_queries"] == 0
    assert hit["db_ms"] == 0
    # The stored page skipped the edition's middleware; its language is still known.
    assert miss["edition"] == hit["edition"] == "ru"
    assert hit["path"] == article.get_absolute_url()
    assert hit["request_id"] != miss["request_id"]


def test_signed_in_editors_and_posts_bypass_the_page_cache(
    client, editor_client, request_log, page_cache
):
    editor_client.get("/news/")
    client.post("/typos/", {})

    editor_line, post_line = request_log()
    assert editor_line["cache"] == "bypass"
    assert (post_line["method"], post_line["cache"]) == ("POST", "bypass")


def test_nothing_that_names_a_reader_is_logged(client, request_log):
    client.get(
        "/search/?q=my+neighbour%27s+illness",
        HTTP_COOKIE="sessionid=s3cr3tsession; csrftoken=t0ken",
        HTTP_USER_AGENT="Mozilla/5.0 (Reader's Phone)",
        HTTP_X_FORWARDED_FOR="203.0.113.77",
        REMOTE_ADDR="198.51.100.5",
    )

    (line,) = request_log()
    assert line.keys() == FIELDS
    assert line["path"] == "/search/"
    written = json.dumps(line)
    for personal in ("neighbour", "s3cr3t", "t0ken", "Mozilla", "203.0.113", "198.51.100"):
        assert personal not in written


def test_a_preview_links_token_stays_out_of_the_log(client, request_log):
    client.get("/preview/AbC123.sIgNeD-tOkEn/")
    client.get("/ru/preview/AbC123.sIgNeD-tOkEn/")

    lines = request_log()
    assert [line["path"] for line in lines] == ["/preview/<token>/", "/ru/preview/<token>/"]
    assert [line["status"] for line in lines] == [404, 404]


def test_the_proxys_request_id_is_kept_and_a_forged_one_is_not(client, request_log):
    client.get("/news/", HTTP_X_REQUEST_ID="5f0c1b2a9d8e7f6a5b4c3d2e1f0a9b8c")
    client.get("/news/", HTTP_X_REQUEST_ID='"}\n{"status": 200')

    from_proxy, forged = request_log()
    assert from_proxy["request_id"] == "5f0c1b2a9d8e7f6a5b4c3d2e1f0a9b8c"
    assert forged["request_id"] != '"}\n{"status": 200'
    assert len(forged["request_id"]) == 32


def test_refused_requests_are_logged_too(client, request_log):
    response = client.get("/news/", HTTP_HOST="attacker.example")

    assert response.status_code == 400
    (line,) = request_log()
    assert (line["status"], line["path"]) == (400, "/news/")


def test_health_probes_are_not_logged(client, request_log):
    client.get("/healthz")
    client.get("/readyz")

    assert request_log() == []


def test_on_under_gunicorn_and_off_when_asked():
    """deploy/gunicorn.conf.py turns the log on; DJANGO_REQUEST_LOG=off keeps it off."""
    script = (
        "import runpy, django; from django.conf import settings; "
        "runpy.run_path('deploy/gunicorn.conf.py'); "
        "print('newsroom.requestlog.RequestLogMiddleware' in settings.MIDDLEWARE)"
    )
    environment = {
        name: value for name, value in os.environ.items() if name != "DJANGO_REQUEST_LOG"
    } | {"DJANGO_SETTINGS_MODULE": "newsroom.settings", "DJANGO_ENV_FILE": ""}
    root = Path(__file__).resolve().parent.parent

    def installed(**extra) -> str:
        return subprocess.run(
            [sys.executable, "-c", script],
            cwd=root,
            env=environment | extra,
            capture_output=True,
            text=True,
            check=True,
        ).stdout.strip()

    assert installed() == "True"
    assert installed(DJANGO_REQUEST_LOG="off") == "False"
