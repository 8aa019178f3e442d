from django import template

from .. import renditions

register = template.Library()


@register.inclusion_tag("includes/picture.html")
def picture(image, crop="original", sizes="100vw", alt="", priority=False, css_class=""):
    """A responsive <picture>: AVIF/WebP sources, a JPEG fallback, and its size (no shifts).

    A photo whose right to use has expired prints nothing, and so does one whose
    renditions are not built yet: the uploaded original is never linked.
    """
    if not image or not image.is_public:
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
    srcsets = renditions.srcsets(image, crop)
    widths = renditions.widths(image, crop)
    return context | {
        "src": renditions.url(image, crop, widths[len(widths) // 2]),
        "jpeg_srcset": srcsets.pop("jpeg"),
        "sources": [(renditions.MIME_TYPES[fmt], srcset) for fmt, srcset in srcsets.items()],
    }
