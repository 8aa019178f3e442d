"""The newsroom's roles as groups: Authors write, Editors publish.

Site administrators are superusers. Permissions are created here rather than
left to post_migrate, so a fresh database has complete groups after migrate.
"""

from django.contrib.auth.management import create_permissions
from django.db import migrations

AUTHORS = {
    "articles": ["view_article", "add_article", "change_article"]
    + [f"{action}_{model}" for model in ("byline", "taggedarticle") for action in ("add", "change", "delete", "view")]
    + ["view_previewlink", "add_previewlink", "change_previewlink", "view_correction"],
    "images": ["view_image", "add_image", "change_image", "view_licence"],
    "authors": ["view_person"],
    "sections": ["view_section"],
    "taggit": ["view_tag", "add_tag"],
}

EDITORS = {
    "articles": [
        f"{action}_{model}"
        for model in ("article", "byline", "taggedarticle", "previewlink", "correction")
        for action in ("add", "change", "delete", "view")
    ]
    + ["publish_article", "view_hourlyviews", "view_historicalarticle"],
    "images": [f"{action}_{model}" for model in ("image", "licence") for action in ("add", "change", "delete", "view")],
    "authors": [f"{action}_person" for action in ("add", "change", "view")],
    "sections": ["view_section", "change_section"],
    "taggit": [f"{action}_tag" for action in ("add", "change", "delete", "view")],
    "flatpages": ["view_flatpage", "change_flatpage"],
}


def create_groups(apps, schema_editor):
    for app_config in apps.get_app_configs():
        app_config.models_module = True
        create_permissions(app_config, verbosity=0)
        app_config.models_module = None
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    for name, grants in (("Authors", AUTHORS), ("Editors", EDITORS)):
        group, _ = Group.objects.get_or_create(name=name)
        for app_label, codenames in grants.items():
            group.permissions.add(
                *Permission.objects.filter(content_type__app_label=app_label, codename__in=codenames)
            )


def remove_groups(apps, schema_editor):
    apps.get_model("auth", "Group").objects.filter(name__in=["Authors", "Editors"]).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("articles", "0006_workflow"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("flatpages", "0001_initial"),
        ("images", "0004_image_measurements_required"),
        ("sections", "0001_initial"),
        ("taggit", "0006_rename_taggeditem_content_type_object_id_taggit_tagg_content_8fc721_idx"),
    ]

    operations = [migrations.RunPython(create_groups, remove_groups)]
