"""The photo picker: how a story (or anything else with a photo) chooses one in the admin.

The widget holds the chosen photo's id in a hidden input and shows the photo; the
library, the search and the upload run in a dialog fed by ImageAdmin's picker views.
"""

import json

from django import forms
from django.template.loader import get_template
from django.urls import reverse

from . import renditions
from .forms import PhotoUploadForm
from .models import Image

UPLOAD_PREFIX = "photo"
# The widget's own preview: the card crop (16:9), as the photo appears on story cards.
PREVIEW_WIDTH = 640


def card_url(image: Image) -> str:
    """The landscape crop social networks show (1.91:1), or "" while readers could not see
    the photo (renditions not built yet, or the right to use it over)."""
    if not image.is_public:
        return ""
    return renditions.url(image, "social", renditions.widths(image, "social")[0])


def preview_url(image: Image) -> str:
    """A 16:9 card rendition for the form; the private original (through the admin, for
    editors only) while the worker has not built the renditions yet."""
    if not image.renditions_key:
        return reverse("admin:images_image_original", args=[image.pk])
    widths = renditions.widths(image, "card")
    fitting = [width for width in widths if width <= PREVIEW_WIDTH] or widths
    return renditions.url(image, "card", fitting[-1])


def picker_entry(image: Image) -> dict:
    """What the picker shows of one photo and what the story form needs to know of it.

    The image's licence must be loaded with it (select_related) for the credit."""
    return {
        "id": image.pk,
        "caption": str(image),
        "alt": image.alt_text,
        "credit": image.credit_text,
        "thumbnail": image.thumbnail_url or "",
        "preview": preview_url(image),
        "original": reverse("admin:images_image_original", args=[image.pk]),
        "card_url": card_url(image),
        # No crops yet, or crops around an old focal point: the worker is (re)building them.
        "processing": image.renditions_key != renditions.rendition_key(image),
        "usable": image.is_usable,
        "rights": image.rights_warning(),
        "focal_x": image.focal_x,
        "focal_y": image.focal_y,
        "focal_url": reverse("admin:images_image_focal", args=[image.pk]),
        "status_url": reverse("admin:images_image_picker_photo", args=[image.pk]),
        "change_url": reverse("admin:images_image_change", args=[image.pk]),
    }


class PhotoPickerWidget(forms.Widget):
    """A foreign key to Image, chosen from thumbnails or uploaded on the spot.

    The input keeps the usual name and id (`id_main_image` on the story form) and carries
    `data-card-url`, the social crop of the chosen photo, for the form's social preview;
    the script updates both and fires a bubbling "change" whenever the choice changes.
    """

    template_name = "admin/images/photo_picker/widget.html"

    class Media:
        css = {"all": ["css/admin-focal-point.css", "css/admin-photo-picker.css"]}
        js = ["js/admin-focal-point.js", "js/admin-photo-picker.js"]

    def get_context(self, name, value, attrs):
        context = super().get_context(name, value, attrs)
        image = self.chosen(value)
        entry = picker_entry(image) if image is not None else None
        context["widget"].update(
            photo=entry,
            # For the script, which keeps it current (escaped into the attribute).
            photo_json=json.dumps(entry) if entry else "",
            upload_form=PhotoUploadForm(
                prefix=UPLOAD_PREFIX, auto_id=f"id_{name}_%s", label_suffix=""
            ),
            picker_url=reverse("admin:images_image_picker"),
            upload_url=reverse("admin:images_image_picker_upload"),
        )
        return context

    def render(self, name, value, attrs=None, renderer=None):
        # The project's template engine, not the form renderer's: the markup lives in
        # templates/ with the rest of the admin's, which the default renderer does not read.
        context = self.get_context(name, value, attrs)
        return get_template(self.template_name).render(context)

    def id_for_label(self, id_):
        # No `for`: the hidden input cannot take focus, and pointing the label at the
        # "Choose photo" button would rename the button to the field's label.
        return None

    @staticmethod
    def chosen(value) -> Image | None:
        if isinstance(value, Image):
            return value
        try:
            pk = int(value)
        except (TypeError, ValueError):
            return None
        return Image.objects.select_related("licence").filter(pk=pk).first()
