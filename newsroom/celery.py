"""The background queue: Celery workers, on this machine or any other, fed through Redis.

Start a worker with `celery -A newsroom worker`. Without CELERY_BROKER_URL there is no
queue: tasks run in-process (see settings), so the quick start needs only Python.
"""

import os

from celery import Celery

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "newsroom.settings")

app = Celery("newsroom")
app.config_from_object("django.conf:settings", namespace="CELERY")
app.autodiscover_tasks()
