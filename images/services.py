from django.db import transaction

from . import renditions
from .models import Image


def image_renditions_build(*, image: Image) -> int:
    """Build the photo's missing renditions and record them; returns files written."""
    written = renditions.build(image)
    Image.objects.filter(pk=image.pk).update(
        renditions_key=renditions.rendition_key(image), width=image.width, height=image.height
    )
    image.renditions_key = renditions.rendition_key(image)
    return written


def image_saved(*, image: Image) -> None:
    """After an upload or a new focal point: renditions once the row is committed."""
    if image.renditions_key != renditions.rendition_key(image):
        transaction.on_commit(lambda: image_renditions_build(image=image))
