"""/healthz: what a load balancer reads to keep or drop an app server."""

import pytest

from newsroom.celery import app as celery_app

pytestmark = pytest.mark.django_db


@pytest.fixture
def broker_down():
    """Tasks go to a broker on a loopback port where nothing listens: a real outage."""
    saved = {key: celery_app.conf[key] for key in ("broker_url", "task_always_eager")}
    celery_app.conf.update(broker_url="redis://127.0.0.1:1/0", task_always_eager=False)
    yield
    celery_app.conf.update(saved)


def test_all_parts_up_without_a_broker(client):
    response = client.get("/healthz")

    assert response.status_code == 200
    assert response.json() == {
        "status": "ok",
        "database": "up",
        "cache": "up",
        # No broker configured: tasks run in the request, nothing to reach.
        "queue": "in-process",
    }
    assert "no-cache" in response["Cache-Control"]


def test_cache_down_is_503(client, cache_down):
    response = client.get("/healthz")

    assert response.status_code == 503
    assert response.json() == {
        "status": "unavailable",
        "database": "up",
        "cache": "down",
        "queue": "in-process",
    }


def test_broker_down_is_503(client, broker_down):
    response = client.get("/healthz")

    assert response.status_code == 503
    assert response.json()["queue"] == "down"
    assert response.json()["status"] == "unavailable"
