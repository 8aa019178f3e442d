from collections.abc import Callable, Iterable
from concurrent.futures import ThreadPoolExecutor

from django.db import transaction

from newsroom.pagecache import content_changed

from . import renditions
from .models import Image


def image_renditions_build(*, image: Image) -> int:
    """Build the photo's missing renditions and record them; returns files written."""
    written = renditions.build(image)
    _record(image)
    return written


def images_renditions_build(
    *, images: Iterable[Image], on_done: Callable[[Image, OSError | None], None] | None = None
) -> int:
    """Many photos: encoded in parallel threads (Pillow releases the GIL while it
    encodes), recorded in the database from this thread. Returns files written."""

    def build(image: Image) -> int | OSError:
        try:
            return renditions.build(image)
        except OSError as error:  # a missing or unreadable original
            return error

    written = 0
    images = list(images)
    with ThreadPoolExecutor() as pool:
        for image, result in zip(images, pool.map(build, images), strict=True):
            if isinstance(result, OSError):
                if on_done:
                    on_done(image, result)
                continue
            _record(image)
            written += result
            if on_done:
                on_done(image, None)
    return written


def image_saved(*, image: Image) -> None:
    """After an upload or a new focal point: the renditions are queued once the row is
    committed, and the editor's request returns at once. The photo stays off the site
    (it has no renditions) until a worker has built them."""
    # The task module imports this one: imported here, when the cycle is complete.
    from .tasks import image_renditions_build_task

    if image.renditions_key != renditions.rendition_key(image):
        transaction.on_commit(lambda: image_renditions_build_task.delay(image.pk))


def _record(image: Image) -> None:
    """The new set is in place: point the row at it, then drop the sets it replaces."""
    image.renditions_key = renditions.rendition_key(image)
    image.__dict__.pop("shared_file", None)  # computed from the old set, if at all
    Image.objects.filter(pk=image.pk).update(
        renditions_key=image.renditions_key, width=image.width, height=image.height
    )
    renditions.prune(image)
    content_changed()  # the photo appears where it was waiting for its renditions
