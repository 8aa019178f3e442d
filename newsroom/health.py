"""/healthz, for load balancers and the proxy: can this app server do its work?"""

import logging

from django.core.cache import cache
from django.db import DatabaseError, connection
from django.http import JsonResponse
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
        logger.error("Health: database down: %s", error)
        return "down"
    return "up"


def shared_cache() -> str:
    """Written and read back: a cache that accepts writes but loses them is down too."""
    try:
        cache.set("healthz", "up", timeout=10)
        return "up" if cache.get("healthz") == "up" else "down"
    except CACHE_UNREACHABLE as error:
        logger.error("Health: cache down: %s", error)
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
        logger.error("Health: queue broker down: %s", error)
        return "down"
    return "up"


@require_safe
@never_cache
def healthz(request):
    """200 with each part's state when all answer, 503 (same body) when one does not."""
    checks = {"database": database(), "cache": shared_cache(), "queue": queue()}
    healthy = "down" not in checks.values()
    return JsonResponse(
        {"status": "ok" if healthy else "unavailable", **checks}, status=200 if healthy else 503
    )
