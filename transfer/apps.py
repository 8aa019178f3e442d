from django.apps import AppConfig


class TransferConfig(AppConfig):
    """Moving in and out: a WordPress archive imported, our own archive exported and
    imported again, backups of the database and the media restored."""

    name = "transfer"
