"""Two app servers behind nginx (deploy/'s configuration), on loopback, sharing the test
database and a Redis cache: the site behaves as one, and losing a server loses nothing.
"""

import http.cookiejar
import importlib.util
import json
import re
import shutil
import subprocess
import sys
import threading
import urllib.error
import urllib.request
from dataclasses import dataclass
from urllib.parse import urlencode, urlsplit

import pytest
import redis

from articles.models import Article

from . import stack
from .factories import ArticleFactory

pytestmark = [
    pytest.mark.postgresql,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

# The app servers' shared cache (sessions live in the database); flushed at the start.
CACHE_URL = stack.os.environ.get("TEST_CACHE_URL", "redis://127.0.0.1:6379/5")
PASSWORD = "correct horse battery"


def load_prod():
    spec = importlib.util.spec_from_file_location("prod", stack.BASE_DIR / "deploy" / "prod.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@dataclass
class Stack:
    a: str
    b: str
    proxy: str
    b_process: object


class Browser:
    """A reader's or an editor's browser: keeps its cookies across servers (one host)."""

    def __init__(self):
        self.cookies = http.cookiejar.CookieJar()
        self.opener = urllib.request.build_opener(
            urllib.request.HTTPCookieProcessor(self.cookies), NoRedirect
        )

    def request(self, url, data=None, headers=None):
        body = urlencode(data, doseq=True).encode() if isinstance(data, dict) else data
        request = urllib.request.Request(url, data=body, headers=headers or {})
        try:
            with self.opener.open(request, timeout=10) as response:
                return response.status, response.read().decode()
        except urllib.error.HTTPError as error:
            return error.code, error.read().decode()

    def csrf(self) -> str:
        return next(c.value for c in self.cookies if c.name == "csrftoken")

    def sign_in(self, base: str, username: str) -> None:
        self.request(f"{base}/admin/login/")
        status, _ = self.request(
            f"{base}/admin/login/?next=/admin/",
            {"username": username, "password": PASSWORD, "csrfmiddlewaretoken": self.csrf()},
        )
        assert status == 302, "signed in"


def healthy(url: str) -> bool:
    try:
        return Browser().request(f"{url}/healthz")[0] == 200
    except urllib.error.URLError:  # not listening yet
        return False


class NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


@pytest.fixture(scope="module")
def servers(django_db_setup, django_db_blocker, tmp_path_factory):
    with django_db_blocker.unblock():
        stack.require_postgresql()
        environment = stack.app_environment(
            REDIS_URL=CACHE_URL,
            DJANGO_TRUSTED_PROXY_COUNT="1",
            DJANGO_SECURE_COOKIES="off",
            DJANGO_ALLOWED_HOSTS="localhost,127.0.0.1",
            GUNICORN_WORKERS="2",
        )
    stack.require(shutil.which(stack.NGINX) is not None, "nginx is not installed")
    cache = urlsplit(CACHE_URL)
    stack.require(stack.reachable(cache.hostname, cache.port or 6379), f"no Redis at {CACHE_URL}")
    redis.Redis.from_url(CACHE_URL).flushdb()

    folder = tmp_path_factory.mktemp("stack")
    environment |= {
        "MEDIA_ROOT": str(folder / "media"),
        "ORIGINALS_ROOT": str(folder / "orig"),
        "DJANGO_STATIC_ROOT": str(folder / "static"),
    }
    # With debug off, pages name static files by their hashed names: a fresh checkout
    # has none collected yet.
    subprocess.run(
        [sys.executable, "manage.py", "collectstatic", "--noinput", "-v0"],
        cwd=stack.BASE_DIR,
        env=environment,
        check=True,
        timeout=120,
    )
    ports = [stack.free_port() for _ in range(3)]
    with (
        stack.gunicorn(ports[0], log=folder / "a.log", env=environment),
        stack.gunicorn(ports[1], log=folder / "b.log", env=environment) as b_process,
    ):
        for port, name in zip(ports[:2], "ab", strict=False):
            stack.wait_for(
                lambda port=port: healthy(f"http://127.0.0.1:{port}"),
                timeout=30,
                what=f"app server {name}",
                log=folder / f"{name}.log",
            )
        config = load_prod().nginx_config(
            folder,
            listen=f"127.0.0.1:{ports[2]}",
            app_servers=[f"127.0.0.1:{port}" for port in ports[:2]],
            static_root=folder / "static",
            media_root=folder / "media",
        )
        with stack.running(
            load_prod().nginx_command(config), log=folder / "nginx.log", env=environment
        ):
            proxy = f"http://localhost:{ports[2]}"
            stack.wait_for(
                lambda: healthy(proxy),
                timeout=15,
                what="nginx",
                log=folder / "nginx-error.log",
            )
            yield Stack(
                f"http://127.0.0.1:{ports[0]}", f"http://127.0.0.1:{ports[1]}", proxy, b_process
            )


def test_a_story_published_through_a_is_read_through_the_proxy_and_on_b(servers, editor):
    story = ArticleFactory(
        headline="Night ferry returns to the harbour", status=Article.Status.DRAFT
    )
    reader = Browser()
    assert reader.request(servers.b + story.get_absolute_url())[0] == 404
    assert "Night ferry returns" not in reader.request(f"{servers.b}/news/")[1]

    desk = Browser()
    desk.sign_in(servers.a, editor.username)
    status, _ = desk.request(
        f"{servers.a}/admin/articles/article/",
        {"action": "publish", "_selected_action": story.pk, "csrfmiddlewaretoken": desk.csrf()},
    )
    assert status == 302

    for url in (servers.proxy + story.get_absolute_url(), servers.b + story.get_absolute_url()):
        status, page = reader.request(url)
        assert status == 200, url
        assert "Night ferry returns to the harbour" in page
    assert "Night ferry returns" in reader.request(f"{servers.b}/news/")[1], "B's lists too"


def test_signed_in_on_a_is_signed_in_on_b(servers, editor):
    desk = Browser()
    desk.sign_in(servers.a, editor.username)

    status, page = desk.request(f"{servers.b}/admin/")
    assert status == 200
    assert "Log out" in page
    assert Browser().request(f"{servers.b}/admin/")[0] == 302, "a stranger is sent to sign in"


def test_the_typo_quota_counts_across_servers(servers):
    story = ArticleFactory(body="<p>The union said it recieved the offer.</p>")
    reader = Browser()
    statuses = []
    # Five reports allowed in the window, alternately to each server, all from one
    # reader (the address the proxy would pass on); the sixth is refused wherever it goes.
    for base in [servers.a, servers.b] * 3:
        report = {
            "article": story.pk,
            "selected_text": "recieved",
            "context": "The union said it recieved the offer.",
            "comment": "received",
            "page_url": base + story.get_absolute_url(),
        }
        headers = {
            "Content-Type": "application/json",
            "Origin": base,
            "X-Forwarded-For": "198.51.100.23",
        }
        statuses.append(reader.request(f"{base}/typos/", json.dumps(report).encode(), headers)[0])
    assert statuses == [201] * 5 + [429]


def test_stopping_an_app_server_loses_no_request(servers):
    results: list[int] = []
    reader = Browser()

    def burst(count: int) -> None:
        # Different addresses so the micro-cache holds none of them: each reaches an app server.
        for n in range(count):
            results.append(reader.request(f"{servers.proxy}/news/?burst={n}")[0])

    before = threading.Thread(target=burst, args=(30,))
    before.start()
    stack.stop(servers.b_process)
    before.join()
    burst(30)

    assert results == [200] * 60
    assert servers.b_process.poll() is not None, "B really is down"
    assert re.search(r'"status": "ok"', Browser().request(f"{servers.proxy}/healthz")[1])
