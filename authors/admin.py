from django.contrib import admin
from django.contrib.auth.admin import UserAdmin

from newsroom.pagecache import PublicContentAdmin

from .models import Person, User

admin.site.register(User, UserAdmin)


@admin.register(Person)
class PersonAdmin(PublicContentAdmin, admin.ModelAdmin):
    list_display = ("name", "role", "job_title", "user")
    list_filter = ("role",)
    search_fields = ("name", "job_title")
    prepopulated_fields = {"slug": ("name",)}
    autocomplete_fields = ("photo", "user")
