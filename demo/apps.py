from django.apps import AppConfig


class DemoConfig(AppConfig):
    """Demo content (`manage.py seed_demo`): depends on every app, and none on it."""

    name = "demo"
    verbose_name = "Demo content"
