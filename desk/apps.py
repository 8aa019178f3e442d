from django.apps import AppConfig


class DeskConfig(AppConfig):
    """The editors' desk: the admin's home page, listing what needs doing."""

    name = "desk"
    verbose_name = "Editors' desk"
