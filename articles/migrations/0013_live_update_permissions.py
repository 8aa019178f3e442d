"""Editors post live updates: the Editors group gets the new model's permissions.

Created here rather than left to post_migrate, as in 0007_roles, so a fresh database
has complete groups after migrate.
"""

from django.contrib.auth.management import create_permissions
from django.db import migrations

CODENAMES = [f"{action}_liveupdate" for action in ("add", "change", "delete", "view")]


def grant(apps, schema_editor):
    app_config = apps.get_app_config("articles")
    app_config.models_module = True
    create_permissions(app_config, verbosity=0)
    app_config.models_module = None
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    permissions = Permission.objects.filter(
        content_type__app_label="articles", codename__in=CODENAMES
    )
    for group in Group.objects.filter(name="Editors"):
        group.permissions.add(*permissions)
    for group in Group.objects.filter(name="Authors"):
        group.permissions.add(*permissions.filter(codename="view_liveupdate"))


def revoke(apps, schema_editor):
    Permission = apps.get_model("auth", "Permission")
    Permission.objects.filter(content_type__app_label="articles", codename__in=CODENAMES).delete()


class Migration(migrations.Migration):
    dependencies = [("articles", "0012_breaking_and_live"), ("articles", "0007_roles")]

    operations = [migrations.RunPython(grant, revoke)]
