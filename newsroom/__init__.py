# Loaded with Django, so tasks are bound to this app whether the web or the worker imports them.
from .celery import app as celery_app

__all__ = ("celery_app",)
