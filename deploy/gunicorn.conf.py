"""gunicorn for the app servers: `gunicorn -c deploy/gunicorn.conf.py newsroom.wsgi`.

Every value can be set from the environment, so one file serves `make prod`, the
containers and the tests.
"""

import multiprocessing
import os

bind = os.environ.get("GUNICORN_BIND", "127.0.0.1:8000")
# Sync workers: pages are rendered on the CPU and the proxy buffers slow clients, so a
# worker per core (plus one for the time spent waiting on the database) keeps them busy.
workers = int(os.environ.get("GUNICORN_WORKERS", multiprocessing.cpu_count() + 1))
threads = int(os.environ.get("GUNICORN_THREADS", 1))
# Longer than the proxy's read timeout would be useless: nginx has given up by then.
timeout = int(os.environ.get("GUNICORN_TIMEOUT", 30))
graceful_timeout = int(os.environ.get("GUNICORN_GRACEFUL_TIMEOUT", 20))
# nginx keeps connections to the app servers open (upstream keepalive): hold them longer
# than it does, so nginx never reuses a connection this side just closed.
keepalive = int(os.environ.get("GUNICORN_KEEPALIVE", 75))
# Recycle workers now and then so a slow leak never grows without bound, but rarely: a
# cached page takes under a millisecond, so 5 000 requests recycled each worker every few
# seconds under a spike, and every restart (imports, first queries) showed in p99 (home
# through the page cache at 64 connections: 273 ms with 5 000, 11.5 ms with none). The
# jitter keeps the workers from restarting together. 0 never recycles.
max_requests = int(os.environ.get("GUNICORN_MAX_REQUESTS", 100_000))
max_requests_jitter = max_requests // 5
# Workers' heartbeat files in memory: a busy disk must not get them killed as hung.
worker_tmp_dir = "/dev/shm" if os.path.isdir("/dev/shm") else None

# The app's request log (newsroom/requestlog.py): one JSON line per request on standard
# output, a page-cache hit included. Set before the workers import the settings, which
# read it; DJANGO_REQUEST_LOG=off in the environment wins.
os.environ.setdefault("DJANGO_REQUEST_LOG", "on")
# gunicorn's own access log would say the same again, with the reader's address and
# browser: off, unless GUNICORN_ACCESS_LOG names a file ("-" for standard output).
accesslog = os.environ.get("GUNICORN_ACCESS_LOG") or None
access_log_format = "%(m)s %(U)s %(s)s %(B)s %(D)sus"
errorlog = "-"
loglevel = os.environ.get("GUNICORN_LOG_LEVEL", "info")
