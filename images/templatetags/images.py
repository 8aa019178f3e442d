from functools import lru_cache
from typing import NamedTuple

from django import template
from django.core.files.storage import default_storage
from django.utils.html import conditional_escape, escape
from django.utils.safestring import SafeString, mark_safe

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


@register.simple_tag
def picture(image, crop="original", sizes="100vw", alt="", priority=False, css_class=""):
    """A responsive <picture>: AVIF/WebP sources, a JPEG fallback, and its size (no shifts).

    A photo whose right to use has expired prints nothing, and so does one whose
    renditions are not built yet: the uploaded original is never linked.
    """
    if not image or not image.is_public:
        return mark_safe("\n")
    return picture_html(
        image.pk,
        image.renditions_key,
        image.width,
        image.height,
        image.focal_x,
        image.focal_y,
        crop,
        default_storage.base_url,
        sizes,
        alt,
        bool(priority),
        css_class,
    )


@lru_cache(maxsize=4096)
def picture_html(
    pk, key, width, height, focal_x, focal_y, crop, base_url, sizes, alt, priority, css_class
) -> SafeString:
    """The <picture> markup, built once per process for what it is made of: a list page
    prints a dozen of them, and a template for each cost more than the rest of its card."""
    files = picture_files(pk, key, width, height, focal_x, focal_y, crop, base_url)
    sizes = escape(sizes)
    parts = ["<picture"]
    if css_class:
        parts.append(f' class="{escape(css_class)}"')
    parts.append(">")
    for mime_type, srcset in files["sources"]:
        parts.append(
            f'<source type="{escape(mime_type)}" srcset="{escape(srcset)}" sizes="{sizes}">'
        )
    parts.append(f'<img src="{escape(files["src"])}"')
    if files["jpeg_srcset"]:
        parts.append(f' srcset="{escape(files["jpeg_srcset"])}" sizes="{sizes}"')
    parts.append(f' width="{files["width"]}" height="{files["height"]}"')
    parts.append(f' alt="{conditional_escape(alt)}"')
    parts.append(' fetchpriority="high"' if priority else ' loading="lazy"')
    parts.append(' decoding="async"></picture>\n')
    return mark_safe("".join(parts))


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
