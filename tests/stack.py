"""Parts of the production stack started as real processes for a test: Celery workers,
gunicorn app servers, nginx. They reach the test database (a transactional test, so
what the test writes is committed and visible to them) and its temporary files.

Missing tools or services skip the tests here, but fail them in CI, which must run them.
"""

import os
import shutil
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from django.conf import settings
from django.db import connection

BASE_DIR = Path(settings.BASE_DIR)
# The broker the worker tests use; each test has a queue of its own on it.
BROKER_URL = os.environ.get("TEST_BROKER_URL", "redis://127.0.0.1:6379/6")


def require(condition: bool, missing: str) -> None:
    if condition:
        return
    if os.environ.get("CI"):
        pytest.fail(f"CI must run the production-stack tests, but {missing}.")
    pytest.skip(missing)


def require_postgresql() -> None:
    # Several processes write at once: SQLite's test database lives in memory.
    require(connection.vendor == "postgresql", "they need PostgreSQL")


def reachable(host: str, port: int) -> bool:
    try:
        with socket.create_connection((host, port), timeout=1):
            return True
    except OSError:
        return False


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def database_url() -> str:
    """The test database (not the one settings name) as a DATABASE_URL."""
    db = connection.settings_dict
    credentials = db["USER"] + (f":{db['PASSWORD']}" if db["PASSWORD"] else "")
    return f"postgres://{credentials}@{db['HOST'] or '127.0.0.1'}:{db['PORT'] or 5432}/{db['NAME']}"


def app_environment(**extra: str) -> dict[str, str]:
    """What an app server or a worker of the stack runs with, pointed at this test's
    database, files and cache; no local .env file."""
    cache = settings.CACHES["default"]
    environment = {
        **os.environ,
        "DJANGO_ENV_FILE": "",
        "DJANGO_SECRET_KEY": settings.SECRET_KEY,
        "DJANGO_DEBUG": "off",
        "DATABASE_URL": database_url(),
        "MEDIA_ROOT": str(settings.MEDIA_ROOT),
        "ORIGINALS_ROOT": str(settings.STORAGES["originals"]["OPTIONS"]["location"]),
        "PYTHONUNBUFFERED": "1",
    }
    if cache["BACKEND"].endswith("RedisCache"):
        environment["REDIS_URL"] = cache["LOCATION"]
    return environment | extra


def wait_for(check: Callable[[], bool], *, timeout: float, what: str, log: Path | None = None):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if check():
            return
        time.sleep(0.1)
    output = log.read_text()[-3000:] if log and log.exists() else ""
    pytest.fail(f"{what} not within {timeout} s.\n{output}")


@contextmanager
def running(args: list[str], *, log: Path, env: dict[str, str]) -> Iterator[subprocess.Popen]:
    """A process of the stack for the block's length; stopped (TERM, then KILL) after."""
    with log.open("ab") as output:
        process = subprocess.Popen(
            args, cwd=BASE_DIR, env=env, stdout=output, stderr=subprocess.STDOUT
        )
    try:
        yield process
    finally:
        stop(process)


def stop(process: subprocess.Popen) -> None:
    if process.poll() is None:
        process.send_signal(signal.SIGTERM)
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


def celery_worker(queue: str, *, log: Path, env: dict[str, str]):
    return running(
        [sys.executable, "-m", "celery", "-A", "newsroom", "worker", "--queues", queue,
         "--pool", "solo", "--without-gossip", "--without-mingle", "--without-heartbeat",
         "--loglevel", "INFO"],
        log=log,
        env=env,
    )  # fmt: skip


def gunicorn(port: int, *, log: Path, env: dict[str, str]):
    """An app server with the production config (deploy/gunicorn.conf.py)."""
    return running(
        [sys.executable, "-m", "gunicorn", "--config", "deploy/gunicorn.conf.py",
         "--bind", f"127.0.0.1:{port}", "newsroom.wsgi"],
        log=log,
        env={"GUNICORN_WORKERS": "2"} | env,
    )  # fmt: skip


NGINX = shutil.which("nginx") or "/usr/sbin/nginx"
