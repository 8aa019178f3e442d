from django.contrib import admin

from newsroom.pagecache import PublicContentAdmin

from .models import Section


@admin.register(Section)
class SectionAdmin(PublicContentAdmin, admin.ModelAdmin):
    list_display = ("name", "slug", "position", "show_in_navigation")
    list_editable = ("position", "show_in_navigation")
    search_fields = ("name", "slug")
    prepopulated_fields = {"slug": ("name",)}
