from django.contrib import admin
from django.utils.html import format_html

from .models import Image, Licence


@admin.register(Licence)
class LicenceAdmin(admin.ModelAdmin):
    list_display = ("name", "kind", "url")
    list_filter = ("kind",)
    search_fields = ("name",)


@admin.register(Image)
class ImageAdmin(admin.ModelAdmin):
    list_display = ("thumbnail", "__str__", "creator", "source_name", "licence", "created_at")
    list_display_links = ("thumbnail", "__str__")
    list_filter = ("licence",)
    list_select_related = ("licence",)
    search_fields = ("caption", "alt_text", "creator", "source_name")
    date_hierarchy = "created_at"
    readonly_fields = ("preview", "credit_line", "width", "height")
    fieldsets = (
        (None, {"fields": ("file", "preview", "alt_text", "caption")}),
        (
            "Credit and licence",
            {
                "description": "Every photo we print is credited. Name the creator or the "
                "source (or both) and the licence we use it under.",
                "fields": (
                    "creator",
                    "source_name",
                    "source_url",
                    "copyright_holder",
                    "licence",
                    "credit_line",
                ),
            },
        ),
        ("Size", {"classes": ("collapse",), "fields": ("width", "height")}),
    )

    @admin.display(description="Photo")
    def thumbnail(self, image):
        return format_html(
            '<img src="{}" alt="" width="80" style="height:auto;border-radius:2px">',
            image.file.url,
        )

    @admin.display(description="Preview")
    def preview(self, image):
        if not image.file:
            return "—"
        return format_html(
            '<img src="{}" alt="" style="max-width:480px;height:auto">', image.file.url
        )

    @admin.display(description="Printed credit")
    def credit_line(self, image):
        return image.credit_text if image.licence_id else "—"

    def save_model(self, request, obj, form, change):
        if not change:
            obj.uploaded_by = request.user
        super().save_model(request, obj, form, change)
