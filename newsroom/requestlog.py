"""One JSON line per request on the "newsroom.requests" logger: what happened, how fast.

Each line holds the time, method, path, status, duration, the page cache's outcome
(hit, miss or bypass), the database's share (time and queries), the edition, a request
id and the worker's pid. Nothing that names a reader: no address, user agent, cookie,
user or query string (a search is what someone looked for), and a preview link's token
is left out of its path. The README's "Monitoring" section is the privacy note.

The middleware is outermost but for the health probes (newsroom.health), so a page served
from the page cache is logged like any other. It is installed only when
DJANGO_REQUEST_LOG is on, as it is under gunicorn (deploy/gunicorn.conf.py).
"""

import json
import logging
import os
import re
import time
import uuid
from datetime import UTC, datetime

from django.conf import settings
from django.db import connection
from django.http import HttpRequest, HttpResponse

from .monitoring import loggable_path

logger = logging.getLogger("newsroom.requests")

# nginx sends its $request_id (32 hex digits), so a line here and one in its access log
# name the same request. Anything else a client sends is not trusted into the log.
REQUEST_ID = re.compile(r"[A-Za-z0-9._-]{1,64}")


class QueryTimer:
    """An execute wrapper that adds up the queries of one request and their time."""

    __slots__ = ("count", "seconds")

    def __init__(self):
        self.count = 0
        self.seconds = 0.0

    def __call__(self, execute, sql, params, many, context):
        start = time.perf_counter()
        try:
            return execute(sql, params, many, context)
        finally:
            self.seconds += time.perf_counter() - start
            self.count += 1


def request_id_of(request: HttpRequest) -> str:
    given = request.META.get("HTTP_X_REQUEST_ID", "")
    return given if REQUEST_ID.fullmatch(given) else uuid.uuid4().hex


class JsonLines(logging.Formatter):
    """A record logged with a dict as its message, as one line of JSON, its time first.

    Not python-json-logger: it looks through every attribute of each record for extra
    fields, and took 30 µs a line in the request loop against 18 µs for this one, on a
    page-cache hit of about 500 µs; our lines have one fixed shape.
    """

    def format(self, record: logging.LogRecord) -> str:
        fields = record.msg if isinstance(record.msg, dict) else {"message": record.getMessage()}
        line = {
            "time": datetime.fromtimestamp(record.created, UTC).isoformat(timespec="microseconds"),
            **fields,
        }
        if record.exc_info:
            line["error"] = self.formatException(record.exc_info)
        # default=str: a value JSON has no type for is written, not lost with the line.
        return json.dumps(line, ensure_ascii=False, default=str)


class RequestLogMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response
        # gunicorn forks its workers after importing the settings, not this middleware:
        # the pid is read here, in the worker.
        self.pid = os.getpid()
        # An error reported to Sentry (newsroom.monitoring) names the request's log line.
        self.tag_error_reports = None
        if settings.SENTRY_ENABLED:
            import sentry_sdk

            self.tag_error_reports = sentry_sdk.set_tag

    def __call__(self, request: HttpRequest) -> HttpResponse:
        start = time.perf_counter()
        request_id = request_id_of(request)
        if self.tag_error_reports:
            self.tag_error_reports("request_id", request_id)
        queries = QueryTimer()
        with connection.execute_wrapper(queries):
            response = self.get_response(request)
        duration = time.perf_counter() - start
        fields = {
            "method": request.method,
            "path": loggable_path(request.path),
            "status": response.status_code,
            "duration_ms": round(duration * 1000, 2),
            # Set by newsroom.pagecache where it serves ("hit") or stores ("miss") a page;
            # any other request went past it.
            "cache": getattr(request, "page_cache", "bypass"),
            "db_ms": round(queries.seconds * 1000, 2),
            "db_queries": queries.count,
            # A page from the page cache skipped the edition's middleware, but carries
            # the language it was rendered in.
            "edition": getattr(request, "LANGUAGE_CODE", None) or response.get("Content-Language"),
            "request_id": request_id,
            "pid": self.pid,
        }
        if logger.isEnabledFor(logging.INFO):
            # The record made here, not by logger.info(), which would also walk the stack
            # for a file and line no request line prints: 4 % of a page-cache hit.
            logger.handle(logger.makeRecord(logger.name, logging.INFO, "", 0, fields, (), None))
        return response
