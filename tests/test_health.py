"""/healthz (liveness) and /readyz (readiness): what the proxy, the load balancer, the
compose file and `make prod` read to keep, drop or wait for an app server."""

import time

import pytest
from django.db import connections
from django.db.utils import load_backend

from newsroom.celery import app as celery_app

ALL_UP = {
    "status": "ok",
    "database": "up",
    "cache": "up",
    # No broker configured: tasks run in the request, nothing to reach.
    "queue": "in-process",
    "storage": "up",
}


@pytest.fixture
def broker_down():
    """Tasks go to a broker on a loopback port where nothing listens: a real outage."""
    saved = {key: celery_app.conf[key] for key in ("broker_url", "task_always_eager")}
    celery_app.conf.update(broker_url="redis://127.0.0.1:1/0", task_always_eager=False)
    yield
    celery_app.conf.update(saved)


@pytest.fixture
def database_down():
    """The default connection is swapped for one to a database that cannot be reached:
    PostgreSQL on a loopback port where nothing listens, or an SQLite file in a folder
    that does not exist."""
    working = connections["default"]
    settings = dict(working.settings_dict)
    if working.vendor == "postgresql":
        settings.update(HOST="127.0.0.1", PORT=1)
    else:
        settings.update(NAME="/nonexistent-folder/newsroom.sqlite3")
    broken = load_backend(settings["ENGINE"]).DatabaseWrapper(settings, "default")
    connections["default"] = broken
    yield
    connections["default"] = working
    broken.close()


@pytest.fixture
def storage_down(settings, tmp_path):
    """Uploads would go into a folder that cannot exist: a file sits where its parent
    should be. (A read-only folder would not do: the tests may run as root.)"""
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("")
    settings.MEDIA_ROOT = blocker / "media"


def test_liveness_answers_without_touching_anything(client, cache_down):
    # No django_db mark: a query would fail the test. The shared cache is down too.
    started = time.monotonic()
    response = client.get("/healthz")

    assert response.status_code == 200
    assert response.json() == {"status": "ok"}
    assert "no-cache" in response["Cache-Control"]
    # Not held by the cache's one-second connect timeout (the page cache is not asked).
    assert time.monotonic() - started < 0.5


def test_probes_answer_whatever_host_the_prober_names(client, db):
    # Orchestrators probe by the server's address, which ALLOWED_HOSTS need not list.
    assert client.get("/healthz", HTTP_HOST="10.1.2.3:8000").status_code == 200
    assert client.get("/readyz", HTTP_HOST="10.1.2.3:8000").status_code == 200


def test_probes_only_answer_reads(client):
    assert client.post("/healthz").status_code == 405
    assert client.post("/readyz").status_code == 405


@pytest.mark.django_db
def test_readiness_with_every_part_up(client, settings):
    response = client.get("/readyz")

    assert response.status_code == 200
    assert response.json() == ALL_UP
    assert "no-cache" in response["Cache-Control"]
    # The storage check's file is gone again.
    assert list(settings.MEDIA_ROOT.iterdir()) == []


@pytest.mark.django_db
def test_readiness_fails_when_the_cache_is_down(client, cache_down):
    response = client.get("/readyz")

    assert response.status_code == 503
    assert response.json() == ALL_UP | {"status": "unavailable", "cache": "down"}
    # Liveness is another question: the process still answers.
    assert client.get("/healthz").status_code == 200


@pytest.mark.django_db
def test_readiness_fails_when_the_broker_is_down(client, broker_down):
    response = client.get("/readyz")

    assert response.status_code == 503
    assert response.json() == ALL_UP | {"status": "unavailable", "queue": "down"}


@pytest.mark.django_db
def test_readiness_fails_when_storage_cannot_be_written(client, storage_down):
    response = client.get("/readyz")

    assert response.status_code == 503
    assert response.json() == ALL_UP | {"status": "unavailable", "storage": "down"}


@pytest.mark.django_db
def test_readiness_fails_when_the_database_is_down(client, database_down):
    response = client.get("/readyz")

    assert response.status_code == 503
    assert response.json() == ALL_UP | {"status": "unavailable", "database": "down"}
    assert client.get("/healthz").status_code == 200
