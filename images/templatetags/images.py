from functools import lru_cache
from typing import NamedTuple

from django import template
from django.core.files.storage import default_storage

from .. import renditions

register = template.Library()


class PhotoFacts(NamedTuple):
    """What the renditions' names and sizes are made of."""

    pk: int
    renditions_key: str
    width: int
    height: int
    focal_x: float
    focal_y: float


@register.inclusion_tag("includes/picture.html")
def picture(image, crop="original", sizes="100vw", alt="", priority=False, css_class=""):
    """A responsive <picture>: AVIF/WebP sources, a JPEG fallback, and its size (no shifts).

    A photo whose right to use has expired prints nothing, and so does one whose
    renditions are not built yet: the uploaded original is never linked.
    """
    if not image or not image.is_public:
        return {"image": None}
    context = {
        "image": image,
        "alt": alt,
        "sizes": sizes,
        "priority": priority,
        "css_class": css_class,
    }
    return context | picture_files(
        image.pk,
        image.renditions_key,
        image.width,
        image.height,
        image.focal_x,
        image.focal_y,
        crop,
        default_storage.base_url,
    )


@lru_cache(maxsize=4096)
def picture_files(pk, key, width, height, focal_x, focal_y, crop, base_url) -> dict:
    """A photo's file addresses, size and srcsets for one crop, worked out once per process
    (a dozen storage URLs a photo): they follow from the arguments alone, and a new file
    or focal point gives the photo a new renditions key."""
    image = PhotoFacts(pk, key, width, height, focal_x, focal_y)
    crop_width, crop_height = renditions.cropped_size(image, crop)
    srcsets = renditions.srcsets(image, crop)
    widths = renditions.widths(image, crop)
    return {
        "width": crop_width,
        "height": crop_height,
        "src": renditions.url(image, crop, widths[len(widths) // 2]),
        "jpeg_srcset": srcsets.pop("jpeg"),
        "sources": [(renditions.MIME_TYPES[fmt], srcset) for fmt, srcset in srcsets.items()],
    }
