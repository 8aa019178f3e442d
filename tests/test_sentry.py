"""Errors reach Sentry only when SENTRY_DSN is set, and carry nothing that names a reader.

Sentry is started in a separate Python process (once started, it stays hooked into Django
for the life of the process), which serves one failing request through the site's WSGI
application. Its DSN points at a small HTTP server this test runs on 127.0.0.1: what
arrives there is what a Sentry server would receive.
"""

import gzip
import json
import os
import subprocess
import sys
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import brotli
import pytest

ROOT = Path(__file__).resolve().parent.parent

FAILING_SITE = {
    # The site's own settings and middleware, with one more address whose view fails.
    # The page cache is left out: it would ask the database, which this process lacks.
    "failing_settings.py": (
        "from newsroom.settings import *  # noqa: F403\n"
        "from newsroom.settings import MIDDLEWARE, STORAGES\n"
        "ROOT_URLCONF = 'failing_urls'\n"
        "ALLOWED_HOSTS = ['news.example.org']\n"
        "MIDDLEWARE = [m for m in MIDDLEWARE if m != 'newsroom.pagecache.PageCacheMiddleware']\n"
        # As the suite's own settings (conftest.py): a fresh clone has run no collectstatic,
        # and the error page names its stylesheet.
        "STORAGES = {**STORAGES, 'staticfiles': "
        "{'BACKEND': 'django.contrib.staticfiles.storage.StaticFilesStorage'}}\n"
    ),
    "failing_urls.py": (
        "from django.urls import path\n"
        "def press(request):\n"
        "    query = request.GET['q']\n"
        "    raise RuntimeError('The printing press jammed')\n"
        "urlpatterns = [path('press/', press)]\n"
    ),
    "serve_one.py": (
        "import json, wsgiref.util\n"
        "import sentry_sdk\n"
        "from django.core.wsgi import get_wsgi_application\n"
        "application = get_wsgi_application()\n"
        "environ = {}\n"
        "wsgiref.util.setup_testing_defaults(environ)\n"
        "environ.update(\n"
        "    PATH_INFO='/press/', QUERY_STRING='q=my+neighbour%27s+illness',\n"
        "    HTTP_HOST='news.example.org', REMOTE_ADDR='198.51.100.5',\n"
        "    HTTP_COOKIE='sessionid=s3cr3tsession; csrftoken=t0ken',\n"
        '    HTTP_USER_AGENT="Mozilla/5.0 (Reader\'s Phone)",\n'
        "    HTTP_X_FORWARDED_FOR='203.0.113.77',\n"
        "    HTTP_X_REQUEST_ID='5f0c1b2a9d8e7f6a5b4c3d2e1f0a9b8c',\n"
        ")\n"
        "statuses = []\n"
        "b''.join(application(environ, lambda status, headers, *_: statuses.append(status)))\n"
        "sentry_sdk.flush(timeout=10)\n"
        "print(json.dumps({'status': statuses[0], 'sentry': sentry_sdk.is_initialized()}))\n"
    ),
}
PERSONAL = ("neighbour", "s3cr3t", "t0ken", "Mozilla", "203.0.113", "198.51.100")


@pytest.fixture
def sentry_server():
    """A stand-in for a Sentry server: keeps every envelope posted to it, decompressed."""
    received = []

    class Handler(BaseHTTPRequestHandler):
        def do_POST(self):
            body = self.rfile.read(int(self.headers["Content-Length"]))
            encoding = self.headers.get("Content-Encoding", "")
            if encoding == "gzip":
                body = gzip.decompress(body)
            elif encoding == "br":
                body = brotli.decompress(body)
            received.append((self.path, body))
            self.send_response(200)
            self.send_header("Content-Length", "2")
            self.end_headers()
            self.wfile.write(b"{}")

        def log_message(self, *args):
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield server.server_address[1], received
    server.shutdown()
    server.server_close()


@pytest.fixture
def serve_one(tmp_path):
    """Runs the failing request in a fresh process with these variables; its outcome."""
    for name, text in FAILING_SITE.items():
        (tmp_path / name).write_text(text)
    inherited = {name: value for name, value in os.environ.items() if "SENTRY" not in name}

    def run(**variables) -> dict:
        process = subprocess.run(
            [sys.executable, str(tmp_path / "serve_one.py")],
            cwd=ROOT,
            env=inherited
            | {
                "PYTHONPATH": f"{tmp_path}{os.pathsep}{ROOT}",
                "DJANGO_SETTINGS_MODULE": "failing_settings",
                "DJANGO_ENV_FILE": "",
                "DJANGO_REQUEST_LOG": "on",
                **variables,
            },
            capture_output=True,
            text=True,
            timeout=60,
        )
        assert process.returncode == 0, process.stderr
        return json.loads(process.stdout.splitlines()[-1])

    return run


def events(envelope: bytes) -> list[dict]:
    """The error events of an envelope: a header line, then each item's header and body."""
    lines = envelope.split(b"\n")
    found = []
    for header, body in zip(lines[1::2], lines[2::2], strict=False):
        if json.loads(header).get("type") == "event":
            found.append(json.loads(body))
    return found


def test_without_a_dsn_nothing_is_started_or_sent(sentry_server, serve_one):
    _, received = sentry_server

    outcome = serve_one()

    assert outcome == {"status": "500 Internal Server Error", "sentry": False}
    assert received == []


def test_an_error_in_a_view_reaches_sentry_without_personal_data(sentry_server, serve_one):
    port, received = sentry_server

    outcome = serve_one(
        SENTRY_DSN=f"http://publickey@127.0.0.1:{port}/42",
        SENTRY_ENVIRONMENT="staging",
        SENTRY_RELEASE="newsroom@1.2.3",
    )

    assert outcome == {"status": "500 Internal Server Error", "sentry": True}
    assert {path for path, _ in received} == {"/api/42/envelope/"}
    (event,) = [event for _, envelope in received for event in events(envelope)]
    (error,) = event["exception"]["values"]
    assert (error["type"], error["value"]) == ("RuntimeError", "The printing press jammed")
    assert (event["environment"], event["release"]) == ("staging", "newsroom@1.2.3")
    # The request log's line for this request carries the same id.
    assert event["tags"]["request_id"] == "5f0c1b2a9d8e7f6a5b4c3d2e1f0a9b8c"
    assert event["request"] == {
        "method": "GET",
        "url": "http://news.example.org/press/",
        "headers": {"Host": "news.example.org"},
    }
    assert "user" not in event
    # Nowhere in what was sent: not in the stack's variables, breadcrumbs or contexts.
    sent = b"".join(envelope for _, envelope in received).decode()
    for personal in PERSONAL:
        assert personal not in sent
