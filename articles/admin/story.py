from django.contrib import admin, messages
from django.utils.html import format_html

from newsroom.pagecache import PublicContentAdmin

from ..models import Article, Correction, PreviewLink
from ..services import article_corrections_changed, articles_publish, articles_unpublish
from .forms import ArticleForm, can_publish
from .history import StoryHistory
from .inlines import BylineInline, CorrectionInline, PreviewLinkInline, TaggedArticleInline
from .roles import StoryRoles


@admin.register(Article)
class ArticleAdmin(PublicContentAdmin, StoryRoles, StoryHistory):
    form = ArticleForm
    list_display = ("thumbnail", "headline", "state", "section", "byline", "published_at")
    list_display_links = ("thumbnail", "headline")
    list_filter = ("status", "section", "is_pinned", "authors", "published_at")
    list_select_related = ("section", "main_image")
    search_fields = ("headline", "lead")
    date_hierarchy = "published_at"
    prepopulated_fields = {"slug": ("headline",)}
    autocomplete_fields = ("editor",)
    readonly_fields = ("created_at", "modified_at")
    fieldsets = (
        (None, {"fields": ("headline", "lead", "body", "version")}),
        ("Photo", {"fields": ("main_image", "main_image_caption")}),
        (
            "Publication",
            {
                "fields": (
                    "section",
                    "status",
                    "published_at",
                    "expires_at",
                    "updated_at",
                    "editor",
                    "is_pinned",
                )
            },
        ),
        (
            "Address and history",
            {"classes": ("collapse",), "fields": ("slug", "created_at", "modified_at")},
        ),
    )
    actions = ("publish", "unpublish")

    def get_form(self, request, obj=None, change=False, **kwargs):
        form = super().get_form(request, obj, change, **kwargs)
        return type(form.__name__, (form,), {"user": request.user})

    def get_inlines(self, request, obj):
        if can_publish(request.user):
            return [BylineInline, TaggedArticleInline, PreviewLinkInline, CorrectionInline]
        return [BylineInline, TaggedArticleInline]

    def change_view(self, request, object_id, form_url="", extra_context=None):
        article = self.get_object(request, object_id)
        image = article.main_image if article is not None else None
        if request.method == "GET" and image is not None and (warning := image.rights_warning()):
            messages.warning(request, warning)
        return super().change_view(request, object_id, form_url, extra_context)

    def changes_public_pages(self, request, article, form):
        # Published, scheduled, or just taken down; a draft's edits are nobody's business.
        return article.status == Article.Status.PUBLISHED or "status" in form.changed_data

    def view_on_site(self, article):
        # Unpublished stories have no public page yet: no link to a 404.
        return article.get_absolute_url() if article.is_published() else None

    def get_queryset(self, request):
        return super().get_queryset(request).prefetch_related("bylines__person")

    def save_formset(self, request, form, formset, change):
        instances = formset.save(commit=False)
        for instance in instances:
            if isinstance(instance, PreviewLink) and instance.created_by_id is None:
                instance.created_by = request.user
        formset.save()  # saves the instances again, deletions and many-to-many
        if formset.model is Correction and (instances or formset.deleted_objects):
            article_corrections_changed(article=form.instance)

    @admin.display(description="Photo")
    def thumbnail(self, article):
        if not article.main_image:
            return "—"
        if (url := article.main_image.thumbnail_url) is None:
            return "Processing…"  # a small rendition, never the full-size original
        return format_html(
            '<img src="{}" alt="" width="64" height="64" style="border-radius:2px">', url
        )

    @admin.display(description="Status", ordering="status")
    def state(self, article):
        return article.publication_state

    @admin.display(description="Byline")
    def byline(self, article):
        return ", ".join(byline.person.name for byline in article.bylines.all())

    @admin.action(description="Publish selected articles", permissions=["publish"])
    def publish(self, request, queryset):
        outcome = articles_publish(articles=queryset)
        live = sum(article.is_published() for article in outcome.done)
        if outcome.done:
            message = f"{live} article(s) published."
            if scheduled := len(outcome.done) - live:
                message += (
                    f" {scheduled} scheduled article(s) will appear at their publication time."
                )
            self.message_user(request, message, messages.SUCCESS)
        self.report_refused(request, outcome.refused, "published")

    @admin.action(
        description="Unpublish selected articles (back to draft)", permissions=["publish"]
    )
    def unpublish(self, request, queryset):
        outcome = articles_unpublish(articles=queryset)
        if outcome.done:
            message = f"{len(outcome.done)} article(s) returned to draft."
            self.message_user(request, message, messages.SUCCESS)
        self.report_refused(request, outcome.refused, "returned to draft")

    def report_refused(self, request, refused, done):
        """One warning naming every story the action left as it was, and why."""
        if refused:
            stories = " ".join(f"“{article}”: {reason}" for article, reason in refused)
            message = f"{len(refused)} article(s) not {done}, left as they were. {stories}"
            self.message_user(request, message, messages.WARNING)
