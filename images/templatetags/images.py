from django import template

from .. import renditions

register = template.Library()


@register.inclusion_tag("includes/picture.html")
def picture(image, crop="original", sizes="100vw", alt="", priority=False, css_class=""):
    """A responsive <picture>: AVIF/WebP sources, a JPEG fallback, and its size (no shifts).

    A photo whose right to use has expired prints nothing.
    """
    if not image or not image.is_usable:
        return {"image": None}
    width, height = renditions.cropped_size(image, crop)
    context = {
        "image": image,
        "alt": alt,
        "sizes": sizes,
        "priority": priority,
        "css_class": css_class,
        "width": width,
        "height": height,
    }
    if not image.renditions_key:  # not built yet: the original is all there is
        return context | {"src": image.file.url, "sources": [], "jpeg_srcset": ""}
    srcsets = renditions.srcsets(image, crop)
    widths = renditions.widths(image, crop)
    return context | {
        "src": renditions.url(image, crop, widths[len(widths) // 2]),
        "jpeg_srcset": srcsets.pop("jpeg"),
        "sources": [(renditions.MIME_TYPES[fmt], srcset) for fmt, srcset in srcsets.items()],
    }
