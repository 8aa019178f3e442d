from django.db import migrations

LICENCES = [
    # (name, URL, kind)
    ("CC0 1.0", "https://creativecommons.org/publicdomain/zero/1.0/", "public_domain"),
    ("Public domain", "https://creativecommons.org/publicdomain/mark/1.0/", "public_domain"),
    ("CC BY 2.0", "https://creativecommons.org/licenses/by/2.0/", "attribution"),
    ("CC BY 3.0", "https://creativecommons.org/licenses/by/3.0/", "attribution"),
    ("CC BY 4.0", "https://creativecommons.org/licenses/by/4.0/", "attribution"),
    ("CC BY-SA 3.0", "https://creativecommons.org/licenses/by-sa/3.0/", "attribution"),
    ("CC BY-SA 4.0", "https://creativecommons.org/licenses/by-sa/4.0/", "attribution"),
    ("All rights reserved", "", "all_rights_reserved"),
    ("Used with permission", "", "all_rights_reserved"),
]


def add_licences(apps, schema_editor):
    Licence = apps.get_model("images", "Licence")
    for name, url, kind in LICENCES:
        Licence.objects.get_or_create(name=name, defaults={"url": url, "kind": kind})


def remove_licences(apps, schema_editor):
    Licence = apps.get_model("images", "Licence")
    Licence.objects.filter(name__in=[name for name, _, _ in LICENCES], images=None).delete()


class Migration(migrations.Migration):
    dependencies = [("images", "0001_initial")]

    operations = [migrations.RunPython(add_licences, remove_licences)]
