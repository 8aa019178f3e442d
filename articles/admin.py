from django import forms
from django.contrib import admin, messages
from django.utils.html import format_html

from .models import Article, Byline, HourlyViews, TaggedArticle
from .services import articles_publish, articles_unpublish


class BylineInline(admin.TabularInline):
    model = Byline
    extra = 0
    min_num = 1
    autocomplete_fields = ("person",)
    verbose_name = "author"
    verbose_name_plural = "Byline (in the order printed)"

    def get_formset(self, request, obj=None, **kwargs):
        # min_num alone only shows an empty row; validate_min refuses a story with no author.
        return super().get_formset(request, obj, validate_min=True, **kwargs)


class TaggedArticleInline(admin.TabularInline):
    model = TaggedArticle
    extra = 0
    autocomplete_fields = ("tag",)
    verbose_name_plural = "Tags"


class ArticleForm(forms.ModelForm):
    class Meta:
        widgets = {
            "headline": forms.TextInput(attrs={"style": "width: 100%; max-width: 46rem"}),
            "lead": forms.Textarea(attrs={"rows": 3, "style": "width: 100%; max-width: 46rem"}),
        }


@admin.register(Article)
class ArticleAdmin(admin.ModelAdmin):
    form = ArticleForm
    list_display = ("thumbnail", "headline", "state", "section", "byline", "published_at")
    list_display_links = ("thumbnail", "headline")
    list_filter = ("status", "section", "is_pinned", "authors", "published_at")
    list_select_related = ("section", "main_image")
    search_fields = ("headline", "lead")
    date_hierarchy = "published_at"
    prepopulated_fields = {"slug": ("headline",)}
    autocomplete_fields = ("editor", "main_image")
    inlines = (BylineInline, TaggedArticleInline)
    readonly_fields = ("created_at", "modified_at")
    fieldsets = (
        (None, {"fields": ("headline", "lead", "body")}),
        ("Photo", {"fields": ("main_image", "main_image_caption")}),
        (
            "Publication",
            {"fields": ("section", "status", "published_at", "updated_at", "editor", "is_pinned")},
        ),
        (
            "Address and history",
            {"classes": ("collapse",), "fields": ("slug", "created_at", "modified_at")},
        ),
    )
    actions = ("publish", "unpublish")

    def view_on_site(self, article):
        # Unpublished stories have no public page yet: no link to a 404.
        return article.get_absolute_url() if article.is_published() else None

    def get_queryset(self, request):
        return super().get_queryset(request).prefetch_related("bylines__person")

    @admin.display(description="Photo")
    def thumbnail(self, article):
        if not article.main_image:
            return "—"
        return format_html(
            '<img src="{}" alt="" width="64" style="height:auto;border-radius:2px">',
            article.main_image.file.url,
        )

    @admin.display(description="Status", ordering="status")
    def state(self, article):
        return article.publication_state

    @admin.display(description="Byline")
    def byline(self, article):
        return ", ".join(byline.person.name for byline in article.bylines.all())

    @admin.action(description="Publish selected articles", permissions=["change"])
    def publish(self, request, queryset):
        published, scheduled = articles_publish(articles=queryset)
        message = f"{published} article(s) published."
        if scheduled:
            message += f" {scheduled} scheduled article(s) will appear at their publication time."
        self.message_user(request, message, messages.SUCCESS)

    @admin.action(description="Unpublish selected articles (back to draft)", permissions=["change"])
    def unpublish(self, request, queryset):
        count = articles_unpublish(articles=queryset)
        self.message_user(request, f"{count} article(s) returned to draft.", messages.SUCCESS)


@admin.register(HourlyViews)
class HourlyViewsAdmin(admin.ModelAdmin):
    list_display = ("article", "hour", "views")
    list_select_related = ("article",)
    date_hierarchy = "hour"
    search_fields = ("article__headline",)

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False
