"""Work the queue's workers do for photos."""

from celery import shared_task

from . import renditions
from .models import Image
from .services import image_renditions_build


@shared_task
def image_renditions_build_task(image_id: int) -> int:
    """Build a photo's renditions; returns files written. Safe to run twice: a redelivered
    or repeated task finds the set built (or the photo deleted) and does nothing."""
    image = Image.objects.filter(pk=image_id).first()
    if image is None or image.renditions_key == renditions.rendition_key(image):
        return 0
    return image_renditions_build(image=image)
