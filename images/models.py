import html
from datetime import timedelta

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.html import format_html, strip_tags
from django.utils.translation import gettext
from PIL import Image as PILImage

from . import renditions
from .storage import originals_storage


class Licence(models.Model):
    class Kind(models.TextChoices):
        ATTRIBUTION = "attribution", "Free licence, credit required"
        PUBLIC_DOMAIN = "public_domain", "Public domain or no rights reserved"
        ALL_RIGHTS_RESERVED = "all_rights_reserved", "All rights reserved / used with permission"

    name = models.CharField(max_length=80, unique=True, help_text="As printed, e.g. “CC BY 3.0”.")
    url = models.URLField(
        "URL", blank=True, help_text="The licence text; the printed licence name links to it."
    )
    kind = models.CharField(
        max_length=24,
        choices=Kind,
        default=Kind.ATTRIBUTION,
        help_text="Decides how the credit is printed: free licences credit source, creator "
        "and licence; all-rights-reserved photos print “© holder”.",
    )

    class Meta:
        ordering = ["name"]

    def __str__(self):
        return self.name

    @property
    def requires_attribution(self) -> bool:
        return self.kind == Licence.Kind.ATTRIBUTION

    @property
    def is_all_rights_reserved(self) -> bool:
        return self.kind == Licence.Kind.ALL_RIGHTS_RESERVED


EXPIRY_WARNING = timedelta(days=14)
# EXIF orientations that turn the picture a quarter turn: width and height swap.
QUARTER_TURNS = {5, 6, 7, 8}


def upright_size(file) -> tuple[int, int]:
    file.seek(0)
    with PILImage.open(file) as photo:
        width, height = photo.size
        turned = photo.getexif().get(0x0112) in QUARTER_TURNS
    file.seek(0)
    return (height, width) if turned else (width, height)


class ImageQuerySet(models.QuerySet):
    def usable(self):
        """Photos we still have the right to show."""
        return self.filter(Q(usable_until__isnull=True) | Q(usable_until__gte=timezone.localdate()))

    def public(self):
        """Photos readers may see: usable, with their renditions (the public files) built."""
        return self.usable().exclude(renditions_key="")

    def expiring_soon(self):
        today = timezone.localdate()
        return self.filter(usable_until__gte=today, usable_until__lte=today + EXPIRY_WARNING)

    def expired(self):
        return self.filter(usable_until__lt=timezone.localdate())


class Image(models.Model):
    # The original as uploaded (EXIF, GPS, camera serial): private storage, shown only
    # to editors through the admin. Readers get renditions.
    file = models.ImageField(
        upload_to="images/%Y/%m/",
        storage=originals_storage,
        help_text="JPEG, PNG, WebP or GIF. Upload the largest version you have.",
    )
    # The upright size (a camera's EXIF orientation applied), measured when a file
    # arrives and stored, so pages never open the file. Not ImageField's width_field:
    # that measures the sideways pixels again on every form save.
    width = models.PositiveIntegerField(editable=False)
    height = models.PositiveIntegerField(editable=False)
    file_size = models.PositiveIntegerField("file size (bytes)", editable=False, null=True)
    alt_text = models.CharField(
        max_length=300,
        help_text="What the photo shows, for readers who cannot see it. "
        "Not the caption: “Firefighters carry a hose into a burning warehouse”.",
    )
    caption = models.CharField(
        max_length=400, blank=True, help_text="Printed under the photo wherever it appears."
    )
    creator = models.CharField(
        max_length=200,
        blank=True,
        help_text="The photographer or artist, as they want to be named.",
    )
    source_name = models.CharField(
        "source",
        max_length=200,
        blank=True,
        help_text="Where the photo comes from: an agency (“Reuters”), a website, or our own staff.",
    )
    source_url = models.URLField(
        "source URL", blank=True, help_text="The page the photo was taken from, if any."
    )
    copyright_holder = models.CharField(
        max_length=200,
        blank=True,
        help_text="Who owns the rights. Required for all-rights-reserved photos, "
        "which are credited “© holder”.",
    )
    licence = models.ForeignKey(
        Licence,
        on_delete=models.PROTECT,
        related_name="images",
        help_text="The terms we use the photo under. Ask the picture desk if unsure.",
    )
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        editable=False,
        related_name="+",
    )
    focal_x = models.FloatField(
        default=0.5,
        validators=[MinValueValidator(0), MaxValueValidator(1)],
        help_text="Where the subject is, from the left (0) to the right (1). "
        "Click the photo to set it; crops keep this point in view.",
    )
    focal_y = models.FloatField(
        default=0.5,
        validators=[MinValueValidator(0), MaxValueValidator(1)],
        help_text="Where the subject is, from the top (0) to the bottom (1).",
    )
    usable_until = models.DateField(
        null=True,
        blank=True,
        help_text="The last day we may use the photo. After it, it disappears from the site, "
        "feeds and search engines by itself. Leave empty if the right does not expire.",
    )
    renditions_key = models.CharField(
        max_length=40,
        blank=True,
        editable=False,
        help_text="Names the set of resized files that are built; empty until they are.",
    )
    created_at = models.DateTimeField(auto_now_add=True)

    objects = ImageQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at", "-id"]
        get_latest_by = "created_at"
        constraints = [
            models.CheckConstraint(
                condition=~Q(alt_text=""),
                name="image_has_alt_text",
                violation_error_message="Describe the photo for readers who cannot see it.",
            ),
            models.CheckConstraint(
                condition=~Q(creator="") | ~Q(source_name=""),
                name="image_credits_creator_or_source",
                violation_error_message="Name the creator or the source of the photo.",
            ),
            models.CheckConstraint(
                condition=Q(focal_x__gte=0, focal_x__lte=1, focal_y__gte=0, focal_y__lte=1),
                name="image_focal_point_inside",
            ),
        ]

    def __str__(self):
        return self.caption or self.alt_text

    def save(self, *args, **kwargs):
        if self.file and (not self.file._committed or not self.width):
            self.width, self.height = upright_size(self.file)
            self.file_size = self.file.size
        super().save(*args, **kwargs)

    def clean(self):
        super().clean()
        if not self.creator.strip() and not self.source_name.strip():
            raise ValidationError(
                {"creator": "Every photo is credited: name its creator, its source, or both."}
            )
        if self.licence_id and self.licence.is_all_rights_reserved and not self.copyright_holder:
            raise ValidationError(
                {"copyright_holder": "This licence reserves all rights: name who holds them."}
            )

    def credit_html(self) -> str:
        """The credit line as the page prints it: “Photo: source by creator, licence”."""
        if self.licence.is_all_rights_reserved:
            return format_html("© {}", self.copyright_holder or self.source_name or self.creator)
        source = self.source_name or self.source_url
        if source and self.source_url:
            source = format_html('<a href="{}" rel="noopener">{}</a>', self.source_url, source)
        licence = self.licence.name
        if self.licence.url:
            licence = format_html(
                '<a href="{}" rel="license noopener">{}</a>', self.licence.url, licence
            )
        # In the edition's language: newspapers order source and creator their own way.
        if source and self.creator:
            who = format_html(gettext("{source} by {creator}"), source=source, creator=self.creator)
        else:
            who = source or self.creator
        return format_html(gettext("Photo: {who}, {licence}"), who=who, licence=licence)

    @cached_property
    def shared_file(self) -> "renditions.PublicFile | None":
        """The file feeds, sitemaps and metadata link to; None until renditions exist."""
        return renditions.public_file(self)

    @property
    def thumbnail_url(self) -> str | None:
        """A small square rendition for admin lists, never the original; None until built."""
        return renditions.thumbnail_url(self)

    @property
    def is_usable(self) -> bool:
        return self.usable_until is None or self.usable_until >= timezone.localdate()

    @property
    def is_public(self) -> bool:
        """Readers may see it: still usable, and its renditions built (the original never
        is public, so a photo waiting for its renditions is shown nowhere yet)."""
        return self.is_usable and bool(self.renditions_key)

    @property
    def expires_soon(self) -> bool:
        return (
            self.is_usable
            and self.usable_until is not None
            and (self.usable_until <= timezone.localdate() + EXPIRY_WARNING)
        )

    def rights_warning(self) -> str:
        """What editors must hear about the right to use this photo, if anything."""
        if not self.is_usable:
            return (
                f"Our right to use the photo “{self}” ended on {self.usable_until:%-d %B %Y}: "
                "it is no longer shown anywhere. Choose another photo."
            )
        if self.expires_soon:
            days = (self.usable_until - timezone.localdate()).days
            return (
                f"Our right to use the photo “{self}” ends on {self.usable_until:%-d %B %Y} "
                f"(in {days} day{'s' if days != 1 else ''}); after that it disappears "
                "from the site."
            )
        return ""

    @property
    def credit_text(self) -> str:
        """The same credit as plain text, for feeds and metadata."""
        return html.unescape(strip_tags(self.credit_html()))
