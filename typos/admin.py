from django.contrib import admin
from django.contrib.admin.utils import unquote
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import QuerySet
from django.urls import reverse
from django.utils.html import format_html
from django.utils.text import Truncator

from .models import TypoReport


@admin.register(TypoReport)
class TypoReportAdmin(admin.ModelAdmin):
    list_display = ("created_at", "excerpt", "comment_excerpt", "article_link", "status")
    list_display_links = ("created_at", "excerpt")
    list_filter = ("status", ("article", admin.RelatedOnlyFieldListFilter))
    list_select_related = ("article",)
    search_fields = ("selected_text", "context", "comment", "article__headline")
    date_hierarchy = "created_at"
    actions = ("mark_fixed", "dismiss")
    readonly_fields = (
        "article_link",
        "quote",
        "comment",
        "page_link",
        "created_at",
        "sender_hash",
    )
    fieldsets = (
        (None, {"fields": ("status",)}),
        (
            "What the reader sent",
            {"fields": ("article_link", "quote", "comment", "page_link", "created_at")},
        ),
        ("Sender", {"classes": ("collapse",), "fields": ("sender_hash",)}),
    )

    def has_add_permission(self, request):
        # Reports come from readers; an editor who finds a mistake fixes it.
        return False

    def get_queryset(self, request):
        return super().get_queryset(request).visible_to(request.user)

    def get_fieldsets(self, request, obj=None):
        if self.handles_reports(request):
            return self.fieldsets
        return self.fieldsets[:2]  # who sent it is the editors' business (abuse, repeats)

    def handles_reports(self, request) -> bool:
        return request.user.has_perm("typos.change_typoreport")

    def change_view(self, request, object_id, form_url="", extra_context=None):
        if self.get_object(request, object_id) is None and self.exists(object_id):
            # About a colleague's story: say so (the 403 page explains who handles
            # reports), rather than Django's "doesn't exist. Perhaps it was deleted?".
            raise PermissionDenied
        return super().change_view(request, object_id, form_url, extra_context)

    def exists(self, object_id) -> bool:
        try:
            return TypoReport.objects.filter(pk=unquote(object_id)).exists()
        except (ValidationError, ValueError):
            return False

    @admin.display(description="Selected text", ordering="selected_text")
    def excerpt(self, report):
        return report.excerpt

    @admin.display(description="Comment")
    def comment_excerpt(self, report):
        return Truncator(report.comment).chars(80)

    @admin.display(description="Article (edit)", ordering="article__headline")
    def article_link(self, report):
        return format_html(
            '<a href="{}">{}</a>',
            reverse("admin:articles_article_change", args=[report.article_id]),
            Truncator(report.article.headline).chars(70),
        )

    @admin.display(description="Selected text in context")
    def quote(self, report):
        before, found, after = report.context.partition(report.selected_text)
        if not found:
            return format_html("<mark>{}</mark>", report.selected_text)
        return format_html("{}<mark>{}</mark>{}", before, report.selected_text, after)

    @admin.display(description="Page")
    def page_link(self, report):
        # The form accepts only addresses on this site, so the link is safe to follow.
        return format_html(
            '<a href="{}" target="_blank" rel="noopener">{}</a>', report.page_url, report.page_url
        )

    @admin.action(description="Mark fixed", permissions=["change"])
    def mark_fixed(self, request, queryset: QuerySet[TypoReport]):
        self.set_status(request, queryset, TypoReport.Status.FIXED)

    @admin.action(description="Dismiss", permissions=["change"])
    def dismiss(self, request, queryset: QuerySet[TypoReport]):
        self.set_status(request, queryset, TypoReport.Status.DISMISSED)

    def set_status(self, request, queryset, status: TypoReport.Status) -> None:
        count = queryset.update(status=status)
        noun = "report" if count == 1 else "reports"
        self.message_user(request, f"{count} {noun} marked “{status.label.lower()}”.")
