"""Editors handle typo reports: the Editors group (articles.0007) gets the permissions."""

from django.contrib.auth.management import create_permissions
from django.db import migrations

CODENAMES = ["view_typoreport", "change_typoreport", "delete_typoreport"]


def grant(apps, schema_editor):
    app_config = apps.get_app_config("typos")
    app_config.models_module = True
    create_permissions(app_config, verbosity=0)
    app_config.models_module = None
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    editors, _ = Group.objects.get_or_create(name="Editors")
    editors.permissions.add(
        *Permission.objects.filter(content_type__app_label="typos", codename__in=CODENAMES)
    )


def revoke(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    for group in Group.objects.filter(name="Editors"):
        group.permissions.remove(
            *Permission.objects.filter(content_type__app_label="typos", codename__in=CODENAMES)
        )


class Migration(migrations.Migration):
    dependencies = [("typos", "0001_initial"), ("articles", "0007_roles")]

    operations = [migrations.RunPython(grant, revoke)]
