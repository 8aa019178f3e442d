from django.contrib import admin, messages
from django.utils.html import format_html

from .models import ImportedItem


@admin.register(ImportedItem)
class ImportedItemAdmin(admin.ModelAdmin):
    """What the WordPress imports made; the photos whose licence nobody has checked yet.

    Read-only but for the review flag: the rows are the import's memory, and a changed
    WordPress id would make the next import create a duplicate.
    """

    list_display = ("__str__", "kind", "became", "licence_to_review", "note", "updated_at")
    list_filter = ("licence_to_review", "kind", "source")
    search_fields = ("wordpress_id", "note")
    date_hierarchy = "imported_at"
    fields = (
        "source",
        "kind",
        "wordpress_id",
        "became",
        "licence_to_review",
        "note",
        "imported_at",
        "updated_at",
    )
    readonly_fields = (
        "source",
        "kind",
        "wordpress_id",
        "became",
        "note",
        "imported_at",
        "updated_at",
    )
    actions = ("mark_licence_reviewed",)

    def has_add_permission(self, request):
        return False  # made by the import only

    @admin.display(description="became")
    def became(self, item: ImportedItem) -> str:
        return format_html(
            '<a href="{}">{} {}</a>', item.get_admin_url(), item.get_kind_display(), item.object_id
        )

    @admin.action(description="Licence reviewed: take the selected photos off the list")
    def mark_licence_reviewed(self, request, queryset):
        count = queryset.filter(licence_to_review=True).update(licence_to_review=False)
        self.message_user(
            request,
            f"{count} photo{'s' if count != 1 else ''} taken off the list.",
            messages.SUCCESS,
        )
