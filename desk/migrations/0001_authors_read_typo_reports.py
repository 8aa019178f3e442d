"""Authors may read the typo reports about their own stories (the admin shows them no
others), instead of a bare "403 Forbidden" for the whole queue; editors still handle them."""

from django.contrib.auth.management import create_permissions
from django.db import migrations


def grant(apps, schema_editor):
    app_config = apps.get_app_config("typos")
    app_config.models_module = True
    create_permissions(app_config, verbosity=0)
    app_config.models_module = None
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    authors, _ = Group.objects.get_or_create(name="Authors")
    authors.permissions.add(
        *Permission.objects.filter(content_type__app_label="typos", codename="view_typoreport")
    )


def revoke(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    for group in Group.objects.filter(name="Authors"):
        group.permissions.remove(
            *Permission.objects.filter(content_type__app_label="typos", codename="view_typoreport")
        )


class Migration(migrations.Migration):
    dependencies = [("typos", "0002_editors_triage_reports"), ("articles", "0007_roles")]

    operations = [migrations.RunPython(grant, revoke)]
