from django.apps import AppConfig


class TyposConfig(AppConfig):
    name = "typos"
    verbose_name = "Reader typo reports"
