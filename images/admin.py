import json

from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.db import transaction
from django.http import FileResponse, Http404, JsonResponse
from django.shortcuts import render
from django.urls import path, reverse
from django.utils.decorators import method_decorator
from django.utils.html import format_html, format_html_join
from django.views.decorators.http import require_GET, require_POST
from PIL import Image as PILImage

from newsroom.pagecache import PublicContentAdmin, content_changed

from .forms import ALLOWED_FORMATS, FocalPointForm, ImageAdminForm, PhotoUploadForm
from .models import Image, Licence
from .services import image_saved
from .widgets import UPLOAD_PREFIX, picker_entry

# Photos per page of the picker's grid: four rows of a wide dialog.
PICKER_PAGE_SIZE = 24


@admin.register(Licence)
class LicenceAdmin(PublicContentAdmin, admin.ModelAdmin):
    list_display = ("name", "kind", "url")
    list_filter = ("kind",)
    search_fields = ("name",)


class RightsFilter(admin.SimpleListFilter):
    title = "right to use"
    parameter_name = "rights"

    def lookups(self, request, model_admin):
        return [("expiring", "Expiring within 14 days"), ("expired", "Expired")]

    def queryset(self, request, queryset):
        if self.value() == "expiring":
            return queryset.expiring_soon()
        if self.value() == "expired":
            return queryset.expired()
        return queryset


@admin.register(Image)
class ImageAdmin(PublicContentAdmin, admin.ModelAdmin):
    form = ImageAdminForm
    list_display = ("thumbnail", "__str__", "creator", "source_name", "licence", "rights")
    list_display_links = ("thumbnail", "__str__")
    list_filter = (RightsFilter, "licence")
    list_select_related = ("licence",)
    search_fields = ("caption", "alt_text", "creator", "source_name")
    date_hierarchy = "created_at"
    readonly_fields = ("focal_point", "credit_line", "usage", "width", "height", "file_size")
    fieldsets = (
        (None, {"fields": ("file", "focal_point", "focal_x", "focal_y", "alt_text", "caption")}),
        (
            "Credit and licence",
            {
                "description": "Every photo we print is credited. Name the creator or the "
                "source (or both) and the licence we use it under. Credit written into the "
                "file by the camera or the agency is filled in for you: check it.",
                "fields": (
                    "creator",
                    "source_name",
                    "source_url",
                    "copyright_holder",
                    "licence",
                    "usable_until",
                    "credit_line",
                ),
            },
        ),
        ("Where it is used", {"fields": ("usage",)}),
        ("File", {"classes": ("collapse",), "fields": ("width", "height", "file_size")}),
    )

    class Media:
        css = {"all": ["css/admin-focal-point.css"]}
        js = ["js/admin-focal-point.js"]

    @admin.display(description="Photo")
    def thumbnail(self, image):
        url = image.thumbnail_url
        if url is None:
            return "Processing…"
        return format_html(
            '<img src="{}" alt="" width="80" height="80" style="border-radius:2px">', url
        )

    @admin.display(description="Right to use", ordering="usable_until")
    def rights(self, image):
        if image.usable_until is None:
            return "No end date"
        if not image.is_usable:
            return format_html(
                '<strong style="color:#ba2121">Expired {}</strong>', image.usable_until
            )
        if image.expires_soon:
            return format_html(
                '<strong style="color:#b35c00">Until {}</strong>', image.usable_until
            )
        return f"Until {image.usable_until}"

    @admin.display(description="Focal point")
    def focal_point(self, image):
        if not image.pk:
            return "Save the photo first; then click it here to mark where the subject is."
        return format_html(
            '<div class="focal-picker" title="Click where the subject is">'
            '<img src="{}" alt="" draggable="false">'
            '<span class="focal-picker__marker" style="left:{}%;top:{}%"></span></div>'
            '<p class="help">Click the subject. Crops for cards (16:9), portraits (1:1) '
            "and social networks (1.91:1) keep this point in view.</p>",
            reverse("admin:images_image_original", args=[image.pk]),
            round(image.focal_x * 100, 1),
            round(image.focal_y * 100, 1),
        )

    @admin.display(description="Printed credit")
    def credit_line(self, image):
        return image.credit_html() if image.licence_id else "—"

    @admin.display(description="Used in")
    def usage(self, image):
        articles = list(image.articles.only("pk", "headline")[:50])
        if not articles:
            return "No article uses this photo."
        links = format_html_join(
            "",
            '<li><a href="{}">{}</a></li>',
            (
                (reverse("admin:articles_article_change", args=[article.pk]), article.headline)
                for article in articles
            ),
        )
        count = image.articles.count()
        return format_html("{} article{}:<ul>{}</ul>", count, "" if count == 1 else "s", links)

    def get_urls(self):
        def view(function, route, name):
            return path(route, self.admin_site.admin_view(function), name=f"images_image_{name}")

        # Before Django's own: its catch-all would take "picker/" for an object's id.
        return [
            view(self.picker_view, "picker/", "picker"),
            view(self.picker_upload_view, "picker/upload/", "picker_upload"),
            view(self.picker_photo_view, "picker/<int:object_id>/", "picker_photo"),
            view(self.focal_view, "<int:object_id>/focal/", "focal"),
            view(self.original_view, "<path:object_id>/original/", "original"),
            *super().get_urls(),
        ]

    @method_decorator(require_GET)
    def picker_view(self, request):
        """One page of the photo library for the story form's picker, newest first, as an
        HTML fragment the picker puts into its grid."""
        if not self.has_view_permission(request):
            raise PermissionDenied
        query = request.GET.get("q", "").strip()
        # The photo list's own search (search_fields), so both find the same photos.
        photos, _ = self.get_search_results(request, Image.objects.select_related("licence"), query)
        page = Paginator(photos, PICKER_PAGE_SIZE).get_page(request.GET.get("page"))
        context = {
            "page": page,
            # Each photo with what the script needs when it is chosen (escaped in the attribute).
            "entries": [(entry, json.dumps(entry)) for entry in map(picker_entry, page)],
            "query": query,
        }
        return render(request, "admin/images/photo_picker/grid.html", context)

    @method_decorator(require_GET)
    def picker_photo_view(self, request, object_id):
        """One photo as the picker knows it: asked again while its renditions are built."""
        image = self.get_object(request, object_id)
        if image is None:
            raise Http404("No such photo.")
        if not self.has_view_permission(request, image):
            raise PermissionDenied
        return JsonResponse({"photo": picker_entry(image)})

    @method_decorator(require_POST)
    def picker_upload_view(self, request):
        """A new photo from the story form, checked by the photo's own form. Answers with
        the photo (201) or with the errors by field (400); nothing is kept from a refusal."""
        if not self.has_add_permission(request):
            raise PermissionDenied
        form = PhotoUploadForm(request.POST, request.FILES, prefix=UPLOAD_PREFIX)
        if not form.is_valid():
            return JsonResponse({"errors": form.errors.get_json_data()}, status=400)
        with transaction.atomic():
            image = form.save(commit=False)
            image.uploaded_by = request.user
            image.save()
            self.log_addition(
                request, image, self.construct_change_message(request, form, None, True)
            )
            self.photo_saved(image)
        # Read again: a worker in this process (tests, the quick start) has built it by now.
        image = Image.objects.select_related("licence").get(pk=image.pk)
        return JsonResponse(
            {"photo": picker_entry(image), "notice": prefilled_notice(form)}, status=201
        )

    @method_decorator(require_POST)
    def focal_view(self, request, object_id):
        """A new focal point, clicked on the photo in the picker: saved as the photo's page
        saves one, so the crops are rebuilt around it and the pages refreshed."""
        image = self.get_object(request, object_id)
        if image is None:
            raise Http404("No such photo.")
        if not self.has_change_permission(request, image):
            raise PermissionDenied
        form = FocalPointForm(request.POST, instance=image)
        if not form.is_valid():
            return JsonResponse({"error": form.error_message()}, status=400)
        with transaction.atomic():
            image = form.save()
            self.log_change(request, image, self.construct_change_message(request, form, None))
            self.photo_saved(image)
        image = Image.objects.select_related("licence").get(pk=image.pk)
        return JsonResponse({"photo": picker_entry(image)})

    def photo_saved(self, image):
        """What follows a save on the photo's page (PublicContentAdmin.save_model, then
        save_model below), for the picker's saves: pages refreshed, renditions queued."""
        content_changed()
        image_saved(image=image)

    def original_view(self, request, object_id):
        """The uploaded original, for editors only: it keeps the camera's EXIF and GPS and
        may belong to an unpublished story. admin_view() requires a staff login and marks
        the response private and uncacheable."""
        image = self.get_object(request, object_id)
        if image is None:
            raise Http404("No such photo.")
        if not self.has_view_permission(request, image):
            raise PermissionDenied
        try:
            file = image.file.open("rb")
        except OSError:
            raise Http404("The original file is missing.") from None
        # The type comes from the content, never from the uploaded file's name.
        try:
            kind = PILImage.open(file).format
        except (OSError, SyntaxError, ValueError):
            kind = None
        if kind not in ALLOWED_FORMATS:
            file.close()
            raise Http404("The original is not a photo we accept.")
        file.seek(0)
        return FileResponse(file, content_type=PILImage.MIME[kind])

    def change_view(self, request, object_id, form_url="", extra_context=None):
        image = self.get_object(request, object_id)
        if request.method == "GET" and image is not None and (warning := image.rights_warning()):
            messages.warning(request, warning)
        return super().change_view(request, object_id, form_url, extra_context)

    def save_model(self, request, obj, form, change):
        if not change:
            obj.uploaded_by = request.user
        super().save_model(request, obj, form, change)
        if notice := prefilled_notice(form):
            messages.warning(request, notice)
        image_saved(image=obj)


def prefilled_notice(form: ImageAdminForm) -> str:
    """What the form took from the file's own metadata, for the editor to check."""
    if not form.prefilled:
        return ""
    found = ", ".join(
        f"{Image._meta.get_field(f).verbose_name}: {v}" for f, v in form.prefilled.items()
    )
    return f"Credit filled in from the photo's own metadata ({found}). Check it."
