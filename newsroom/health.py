"""Liveness and readiness probes: is this app server alive, and can it do its work?

/healthz (liveness) says only that the process answers requests: it touches nothing, so an
outage of the database or Redis never gets healthy app servers restarted or dropped all
at once. Load balancers and the proxy use it.

/readyz (readiness) checks what a request needs: the database, the shared cache, the
queue's broker and the storage where uploads and renditions go. 503 names the part that
failed. `make prod` and the compose file wait on it before sending readers.

Both are answered by HealthCheckMiddleware, first in MIDDLEWARE, not by a view below it:
the page cache reads the shared cache and the database before any view runs, and a probe
must not depend on what it does not check. Orchestrators probe by address, not by host
name, so no Host check applies; probes stay out of the request log too.
"""

import logging
import uuid

from django.core.cache import cache
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.db import DatabaseError, connection
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_safe
from kombu import Connection
from kombu.exceptions import KombuError

from .celery import app as celery_app
from .quotas import CACHE_UNREACHABLE

logger = logging.getLogger(__name__)

# A check that waits longer than this counts as down: the balancer's own probe times out
# after a few seconds, and a hung dependency should not hold a worker that long.
TIMEOUT = 1


def database() -> str:
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
    except DatabaseError as error:
        logger.error("Readiness: database down: %s", error)
        return "down"
    return "up"


def shared_cache() -> str:
    """Written and read back: a cache that accepts writes but loses them is down too."""
    try:
        cache.set("readyz", "up", timeout=10)
        return "up" if cache.get("readyz") == "up" else "down"
    except CACHE_UNREACHABLE as error:
        logger.error("Readiness: cache down: %s", error)
        return "down"


def queue() -> str:
    """The broker the workers read from; "in-process" when tasks run in the request."""
    if celery_app.conf.task_always_eager:
        return "in-process"
    try:
        with Connection(
            celery_app.conf.broker_url,
            connect_timeout=TIMEOUT,
            transport_options={"socket_connect_timeout": TIMEOUT, "socket_timeout": TIMEOUT},
        ) as broker:
            # One attempt, no back-off: the balancer asks again soon enough.
            broker.ensure_connection(max_retries=1, interval_start=0, interval_step=0)
    except (KombuError, OSError) as error:
        logger.error("Readiness: queue broker down: %s", error)
        return "down"
    return "up"


def storage() -> str:
    """Where uploads and renditions go: a small file written, read back and deleted.

    A folder that is full, read-only or not mounted fails here, not at an editor's upload.
    """
    content = uuid.uuid4().hex.encode()
    try:
        name = default_storage.save(f"readyz-{uuid.uuid4().hex}.txt", ContentFile(content))
        try:
            with default_storage.open(name) as file:
                same = file.read() == content
        finally:
            default_storage.delete(name)
    # The backend is a setting (a folder here, an S3 bucket elsewhere), each with its own
    # errors: whatever it raises, it cannot take the site's files.
    except Exception as error:
        logger.error("Readiness: storage down: %s", error)
        return "down"
    return "up" if same else "down"


@require_safe
@never_cache
def healthz(request: HttpRequest) -> HttpResponse:
    """200 whenever the process can answer at all."""
    return JsonResponse({"status": "ok"})


@require_safe
@never_cache
def readyz(request: HttpRequest) -> HttpResponse:
    """200 with each part's state when all answer, 503 (same body) when one does not."""
    checks = {
        "database": database(),
        "cache": shared_cache(),
        "queue": queue(),
        "storage": storage(),
    }
    ready = "down" not in checks.values()
    return JsonResponse(
        {"status": "ok" if ready else "unavailable", **checks}, status=200 if ready else 503
    )


PROBES = {"/healthz": healthz, "/readyz": readyz}


class HealthCheckMiddleware:
    """Answers the probes before any other middleware runs (see the module's docstring)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        probe = PROBES.get(request.path_info)
        if probe is None:
            return self.get_response(request)
        return probe(request)
