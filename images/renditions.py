"""Renditions: each photo cropped around its focal point and resized, in modern formats.

Files are written once through Django's storage API (local disk or S3-compatible
storage alike) under names that change whenever the source or the focal point
changes, so they can be cached for a year.
"""

import hashlib
import io
from dataclasses import dataclass
from functools import cached_property

from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from PIL import Image as PILImage
from PIL import ImageOps, features

# The width of the file shared with feeds, search engines and metadata.
SHARED_WIDTH = 1280
# Bump to rebuild every rendition after changing how they are made.
RECIPE_VERSION = 1
FORMATS = ("avif", "webp", "jpeg") if features.check("avif") else ("webp", "jpeg")
MIME_TYPES = {"avif": "image/avif", "webp": "image/webp", "jpeg": "image/jpeg"}
SAVE_OPTIONS = {
    "avif": {"format": "AVIF", "quality": 55, "speed": 8},
    "webp": {"format": "WEBP", "quality": 74, "method": 4},
    "jpeg": {"format": "JPEG", "quality": 78, "optimize": True, "progressive": True},
}


@dataclass(frozen=True)
class Crop:
    ratio: float | None  # width / height; None keeps the photo's own shape
    widths: tuple[int, ...]
    formats: tuple[str, ...] = FORMATS


CROPS = {
    "original": Crop(None, (320, 640, 960, 1280, 1920)),
    "card": Crop(16 / 9, (320, 640, 960)),
    "square": Crop(1.0, (160, 320)),
    "social": Crop(1.91, (1200,), ("jpeg",)),
}


def rendition_key(image) -> str:
    source = f"{image.file.name}|{image.focal_x:.3f}|{image.focal_y:.3f}|{RECIPE_VERSION}"
    return hashlib.sha256(source.encode()).hexdigest()[:12]


def rendition_name(image, key: str, crop: str, width: int, fmt: str) -> str:
    return f"renditions/{image.pk}/{key}/{crop}-{width}.{'jpg' if fmt == 'jpeg' else fmt}"


def crop_box(size: tuple[int, int], ratio: float | None, focal: tuple[float, float]):
    """The largest box of the ratio that keeps the focal point as central as it can."""
    width, height = size
    if ratio is None:
        return (0, 0, width, height)
    if width / height > ratio:
        new_width = round(height * ratio)
        left = min(max(round(focal[0] * width - new_width / 2), 0), width - new_width)
        return (left, 0, left + new_width, height)
    new_height = round(width / ratio)
    top = min(max(round(focal[1] * height - new_height / 2), 0), height - new_height)
    return (0, top, width, top + new_height)


def cropped_size(image, crop: str) -> tuple[int, int]:
    box = crop_box((image.width, image.height), CROPS[crop].ratio, (image.focal_x, image.focal_y))
    return box[2] - box[0], box[3] - box[1]


def widths(image, crop: str) -> list[int]:
    """The crop's widths, never wider than the photo; at least one."""
    available = cropped_size(image, crop)[0]
    fitting = [width for width in CROPS[crop].widths if width <= available]
    return fitting or [available]


def names(image, key: str) -> list[str]:
    return [
        rendition_name(image, key, crop_name, width, fmt)
        for crop_name, crop in CROPS.items()
        for width in widths(image, crop_name)
        for fmt in crop.formats
    ]


def build(image, *, storage=default_storage) -> int:
    """Write every missing rendition of the image; returns how many files were written."""
    key = rendition_key(image)
    if image.renditions_key == key and all(storage.exists(n) for n in names(image, key)):
        return 0  # complete: no need to decode the original
    with image.file.open("rb") as source:
        original = PILImage.open(source)
        original.load()
    # Turn the photo upright, then drop everything but the pixels: no EXIF, no GPS.
    upright = ImageOps.exif_transpose(original)
    pixels = upright.convert("RGB")
    # Pages print the upright size, which a rotated camera photo swaps.
    image.width, image.height = pixels.size
    written = 0
    for crop_name, crop in CROPS.items():
        box = crop_box(pixels.size, crop.ratio, (image.focal_x, image.focal_y))
        cropped = pixels.crop(box)
        for width in widths(image, crop_name):
            height = round(width * cropped.height / cropped.width)
            resized = cropped.resize((width, height), PILImage.Resampling.LANCZOS)
            for fmt in crop.formats:
                name = rendition_name(image, key, crop_name, width, fmt)
                if storage.exists(name):
                    continue
                buffer = io.BytesIO()
                resized.save(buffer, **SAVE_OPTIONS[fmt])
                storage.save(name, ContentFile(buffer.getvalue()))
                written += 1
    return written


def prune(image, *, storage=default_storage) -> int:
    """Delete the renditions of earlier sources or focal points; returns files deleted."""
    folder = f"renditions/{image.pk}"
    if not storage.exists(folder):
        return 0
    current = rendition_key(image)
    deleted = 0
    for key in storage.listdir(folder)[0]:
        if key != current:
            for name in storage.listdir(f"{folder}/{key}")[1]:
                storage.delete(f"{folder}/{key}/{name}")
                deleted += 1
    return deleted


def srcsets(image, crop: str) -> dict[str, str]:
    """format -> srcset, for a photo whose renditions are built."""
    key = image.renditions_key
    return {
        fmt: ", ".join(
            f"{default_storage.url(rendition_name(image, key, crop, width, fmt))} {width}w"
            for width in widths(image, crop)
        )
        for fmt in CROPS[crop].formats
    }


def url(image, crop: str, width: int, fmt: str = "jpeg") -> str:
    return default_storage.url(rendition_name(image, image.renditions_key, crop, width, fmt))


@dataclass
class PublicFile:
    url: str
    width: int
    height: int
    mime_type: str
    name: str  # the rendition's name in the default (public) storage

    @cached_property
    def size(self) -> int:
        """Asked of the storage only by the feeds, which print it; once per file."""
        return default_storage.size(self.name)


def public_file(image, *, storage=default_storage) -> PublicFile | None:
    """The one file of a photo that feeds, sitemaps and metadata link to: the largest
    JPEG rendition up to 1280 px, stripped of metadata. None until the renditions
    exist: the uploaded original (GPS, camera serial) is never public."""
    if not image.renditions_key:
        return None
    available = widths(image, "original")
    width = ([w for w in available if w <= SHARED_WIDTH] or available)[-1]
    crop_width, crop_height = cropped_size(image, "original")
    name = rendition_name(image, image.renditions_key, "original", width, "jpeg")
    height = round(width * crop_height / crop_width)
    return PublicFile(storage.url(name), width, height, MIME_TYPES["jpeg"], name)


def thumbnail_url(image) -> str | None:
    """A small square JPEG for admin lists (never the original); None until built."""
    if not image.renditions_key:
        return None
    return url(image, "square", widths(image, "square")[0])
