from django.core.files.storage import default_storage
from django.db import migrations, models

import images.storage


def move(names, source, target) -> dict[str, str]:
    """Copy each file to the target storage under the same name, then delete it from the
    source. Returns the names the target gave differently (it never overwrites)."""
    renamed = {}
    for name in names:
        if not name or not source.exists(name):
            continue  # already moved, or lost before this migration: nothing to copy
        if not target.exists(name):
            with source.open(name, "rb") as file:
                saved = target.save(name, file)
            if saved != name:
                renamed[name] = saved
        source.delete(name)
    return renamed


def relocate(apps, source, target):
    Image = apps.get_model("images", "Image")
    names = Image.objects.exclude(file="").values_list("file", flat=True).iterator()
    for old, new in move(names, source, target).items():
        Image.objects.filter(file=old).update(file=new)


def originals_to_private_storage(apps, schema_editor):
    """Uploaded originals leave the public storage, so nothing serves them any more."""
    relocate(apps, default_storage, images.storage.originals_storage())


def originals_back_to_default_storage(apps, schema_editor):
    relocate(apps, images.storage.originals_storage(), default_storage)


class Migration(migrations.Migration):
    dependencies = [
        ("images", "0006_upright_size"),
    ]

    operations = [
        migrations.AlterField(
            model_name="image",
            name="file",
            field=models.ImageField(
                help_text="JPEG, PNG, WebP or GIF. Upload the largest version you have.",
                storage=images.storage.originals_storage,
                upload_to="images/%Y/%m/",
            ),
        ),
        migrations.RunPython(originals_to_private_storage, originals_back_to_default_storage),
    ]
