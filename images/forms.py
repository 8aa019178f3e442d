import warnings

from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.template.defaultfilters import filesizeformat
from django.urls import reverse
from PIL import Image as PILImage
from PIL import IptcImagePlugin

from .models import Image

ALLOWED_FORMATS = {"JPEG": "JPEG", "PNG": "PNG", "WEBP": "WebP", "GIF": "GIF"}
EXIF_ARTIST, EXIF_COPYRIGHT = 0x013B, 0x8298
IPTC_BYLINE, IPTC_CREDIT, IPTC_SOURCE, IPTC_COPYRIGHT = (2, 80), (2, 110), (2, 115), (2, 116)


class PhotoField(forms.ImageField):
    """Accepts a photo only if Pillow decodes all of it as an allowed format, within limits.

    The content decides, never the file name; nothing is stored until the form is valid.
    """

    def to_python(self, data):
        upload = forms.FileField.to_python(self, data)
        if upload is None:
            return None
        limit = settings.IMAGES_MAX_UPLOAD_BYTES
        if upload.size > limit:
            raise ValidationError(
                f"The file is {filesizeformat(upload.size)}; the limit is "
                f"{filesizeformat(limit)}. Export a smaller JPEG and upload that.",
                code="too_large",
            )
        max_pixels = settings.IMAGES_MAX_PIXELS
        try:
            with warnings.catch_warnings():
                # Pillow only warns below twice its own limit; we refuse at ours.
                warnings.simplefilter("error", PILImage.DecompressionBombWarning)
                photo = PILImage.open(upload)
                if photo.width * photo.height > max_pixels:
                    raise ValidationError(
                        f"The photo is {photo.width} × {photo.height} pixels; the limit is "
                        f"{max_pixels // 1_000_000} megapixels.",
                        code="too_many_pixels",
                    )
                if photo.format not in ALLOWED_FORMATS:
                    raise ValidationError(
                        f"{photo.format} files are not accepted: upload a JPEG, PNG, WebP or GIF.",
                        code="format",
                    )
                photo.load()  # decodes every pixel: a truncated file fails here
        except ValidationError:
            raise
        except (PILImage.DecompressionBombError, PILImage.DecompressionBombWarning):
            raise ValidationError(
                "The photo has too many pixels; "
                f"the limit is {max_pixels // 1_000_000} megapixels.",
                code="too_many_pixels",
            ) from None
        except (OSError, SyntaxError, ValueError):
            raise ValidationError(
                "This file is not a complete JPEG, PNG, WebP or GIF photo. It may be damaged or "
                "of another kind with a photo's name.",
                code="invalid_image",
            ) from None
        upload.image = photo
        upload.content_type = PILImage.MIME.get(photo.format)
        upload.seek(0)
        return upload


def embedded_credit(photo: PILImage.Image) -> dict[str, str]:
    """Creator, source and copyright holder as the camera or the agency wrote them."""
    try:
        exif = photo.getexif()
        iptc = IptcImagePlugin.getiptcinfo(photo) or {}
    except (SyntaxError, OSError, ValueError):  # damaged metadata: the pixels are still fine
        return {}

    def text(value) -> str:
        if isinstance(value, list):
            value = value[0] if value else b""
        if isinstance(value, bytes):
            value = value.decode("utf-8", "replace")
        return str(value or "").strip().strip("\x00").strip()

    credit = {
        "creator": text(iptc.get(IPTC_BYLINE)) or text(exif.get(EXIF_ARTIST)),
        "source_name": text(iptc.get(IPTC_SOURCE)) or text(iptc.get(IPTC_CREDIT)),
        "copyright_holder": text(iptc.get(IPTC_COPYRIGHT)) or text(exif.get(EXIF_COPYRIGHT)),
    }
    return {field: value[:200] for field, value in credit.items() if value}


class FocalCoordinate(forms.FloatField):
    """Set by clicking the photo; the centre until someone does."""

    widget = forms.HiddenInput

    def __init__(self, **kwargs):
        super().__init__(required=False, min_value=0, max_value=1, **kwargs)

    def clean(self, value):
        cleaned = super().clean(value)
        return 0.5 if cleaned is None else cleaned


class PrivateOriginal(str):
    """The current file's name, linked to the editors' private view of it."""

    url: str


class OriginalFileInput(forms.ClearableFileInput):
    """Links the current original through the admin, never by a storage URL (the
    originals storage is not served: such a link would be a dead or public one)."""

    original_url = ""

    def get_context(self, name, value, attrs):
        context = super().get_context(name, value, attrs)
        if self.is_initial(value):
            link = PrivateOriginal(value.name)
            link.url = self.original_url
            context["widget"]["value"] = link
        return context


class ImageAdminForm(forms.ModelForm):
    file = PhotoField(help_text=Image._meta.get_field("file").help_text, widget=OriginalFileInput)
    focal_x = FocalCoordinate()
    focal_y = FocalCoordinate()

    class Meta:
        model = Image
        fields = [
            "file",
            "focal_x",
            "focal_y",
            "alt_text",
            "caption",
            "creator",
            "source_name",
            "source_url",
            "copyright_holder",
            "licence",
            "usable_until",
        ]

    prefilled: dict[str, str]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.pk:
            self.fields["file"].widget.original_url = reverse(
                "admin:images_image_original", args=[self.instance.pk]
            )

    def clean(self):
        cleaned = super().clean()
        self.prefilled = {}
        upload = cleaned.get("file")
        if upload is not None and hasattr(upload, "image"):
            for field, value in embedded_credit(upload.image).items():
                if not cleaned.get(field):
                    cleaned[field] = value
                    self.prefilled[field] = value
                    self.errors.pop(field, None)
        return cleaned


class PhotoUploadForm(ImageAdminForm):
    """The photo's own admin form, as the story form's photo picker shows it: the same
    checks and the same credit taken from the file, but no focal point yet (the editor
    clicks the photo for it once it is uploaded) and wide boxes for the words."""

    file = PhotoField(
        help_text=Image._meta.get_field("file").help_text,
        widget=forms.FileInput(attrs={"accept": "image/jpeg,image/png,image/webp,image/gif"}),
    )
    focal_x = None
    focal_y = None

    class Meta(ImageAdminForm.Meta):
        fields = [name for name in ImageAdminForm.Meta.fields if not name.startswith("focal_")]
        widgets = {
            "alt_text": forms.Textarea(attrs={"rows": 2}),
            "caption": forms.Textarea(attrs={"rows": 3}),
            "usable_until": forms.DateInput(format="%Y-%m-%d", attrs={"type": "date"}),
        }


class FocalPointForm(forms.ModelForm):
    """Where the editor clicked the photo, as fractions of its width and height."""

    focal_x = forms.FloatField(label="across", min_value=0, max_value=1)
    focal_y = forms.FloatField(label="down", min_value=0, max_value=1)

    class Meta:
        model = Image
        fields = ["focal_x", "focal_y"]

    def error_message(self) -> str:
        """One sentence for the picker to show: which value is wrong, and what is right."""
        problems = "; ".join(
            f"{self.fields[name].label if name in self.fields else 'photo'}: {' '.join(errors)}"
            for name, errors in self.errors.items()
        )
        return f"The focal point is two numbers from 0 to 1, across and down ({problems})"
