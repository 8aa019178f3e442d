"""Live coverage in the admin: the updates of a live story, posted by editors."""

from django import forms
from django.contrib import admin

from newsroom.pagecache import PublicContentAdmin

from ..models import Article, LiveUpdate


class LiveUpdateForm(forms.ModelForm):
    class Meta:
        model = LiveUpdate
        fields = ("published_at", "title", "text", "image", "is_pinned")
        widgets = {"text": forms.Textarea(attrs={"rows": 4, "cols": 60})}


class LiveUpdateInline(admin.StackedInline):
    """Updates on the live story's own form, newest first: the one being written on top."""

    model = LiveUpdate
    form = LiveUpdateForm
    extra = 1
    autocomplete_fields = ("image",)
    verbose_name = "live update"
    verbose_name_plural = "Live updates (shown newest first on the story's page)"

    def get_extra(self, request, obj=None, **kwargs):
        # A blank update to write only where coverage is on: other stories show none.
        return 1 if obj is not None and obj.is_live_blog else 0


@admin.register(LiveUpdate)
class LiveUpdateAdmin(PublicContentAdmin, admin.ModelAdmin):
    """Every update of every live story, to find one again; posted from the story's form."""

    form = LiveUpdateForm
    list_display = ("published_at", "article", "title", "is_pinned")
    list_display_links = ("published_at",)
    list_filter = ("is_pinned", "published_at")
    list_select_related = ("article",)
    search_fields = ("title", "text", "article__headline")
    date_hierarchy = "published_at"
    autocomplete_fields = ("image",)
    fields = ("article", *LiveUpdateForm.Meta.fields)

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        if db_field.name == "article":
            # Only stories with live coverage take updates.
            kwargs["queryset"] = Article.objects.filter(live_from__isnull=False)
        return super().formfield_for_foreignkey(db_field, request, **kwargs)

    def changes_public_pages(self, request, update, form):
        return update.article.status == Article.Status.PUBLISHED
