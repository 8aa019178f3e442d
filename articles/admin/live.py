"""Live coverage in the admin: the updates of a live story, posted by editors."""

from django import forms
from django.contrib import admin
from django.db.models import F, Window
from django.db.models.functions import RowNumber

from newsroom.pagecache import PublicContentAdmin

from ..models import Article, LiveUpdate
from ..services import article_live_updates_changed

NEWEST = (F("published_at").desc(), F("id").desc())


class LiveUpdateForm(forms.ModelForm):
    class Meta:
        model = LiveUpdate
        fields = ("published_at", "title", "text", "image", "is_pinned")
        widgets = {"text": forms.Textarea(attrs={"rows": 4, "cols": 60})}


# Updates the story form shows: the latest few, so that the blank one for the next update
# is a short scroll away however long the coverage runs.
INLINE_UPDATES = 5


class LiveUpdateInline(admin.StackedInline):
    """The latest updates on the live story's own form, oldest of them first, then a blank
    one for the next: the form reads on as the coverage does."""

    model = LiveUpdate
    form = LiveUpdateForm
    extra = 1
    autocomplete_fields = ("image",)
    verbose_name = "live update"
    verbose_name_plural = (
        f"Live updates: the latest {INLINE_UPDATES}, then the next one "
        "(every update is under Articles › Live updates)"
    )

    def get_queryset(self, request):
        latest_first = Window(RowNumber(), partition_by=F("article_id"), order_by=NEWEST)
        return (
            super()
            .get_queryset(request)
            .annotate(recency=latest_first)
            .filter(recency__lte=INLINE_UPDATES)
            .order_by("published_at", "id")
        )

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

    # The pages and the live feed of the story the update is on (and was on, when it
    # moves): through the service, which also tells the WebSub hub.
    def changes_public_pages(self, request, update, form):
        return False

    def save_model(self, request, update, form, change):
        super().save_model(request, update, form, change)
        if "article" in form.changed_data and form.initial.get("article"):
            article_live_updates_changed(article=Article.objects.get(pk=form.initial["article"]))
        article_live_updates_changed(article=update.article)

    def delete_model(self, request, update):
        super().delete_model(request, update)
        article_live_updates_changed(article=update.article)
