from django import forms
from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.http import HttpResponseRedirect
from django.utils import timezone
from django.utils.html import format_html
from simple_history.admin import SimpleHistoryAdmin

from newsroom.pagecache import PublicContentAdmin

from .models import Article, Byline, Correction, HourlyViews, PreviewLink, TaggedArticle
from .services import article_corrections_changed, articles_publish, articles_unpublish


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


class PreviewLinkInline(admin.TabularInline):
    model = PreviewLink
    extra = 0
    fields = ("link", "expires_at", "revoked", "created_by", "created_at")
    readonly_fields = ("link", "created_by", "created_at")
    verbose_name_plural = "Preview links (work without an account; never indexed)"

    @admin.display(description="Address")
    def link(self, preview):
        if not preview.pk:
            return "Save to create the link."
        return format_html('<a href="{0}" target="_blank">{0}</a>', preview.get_absolute_url())


class CorrectionForm(forms.ModelForm):
    def clean(self):
        cleaned = super().clean()
        # Checked here, on a date an editor sets now, not in Correction.clean(): a
        # correction stored before this rule existed must not lock the story's form.
        article, when = cleaned.get("article"), cleaned.get("published_at")
        published = article.published_at if article is not None else None
        if when and published and when < published and self.date_is_set_here(when):
            self.add_error(
                "published_at",
                ValidationError(
                    "A correction cannot be dated before the story was published (%(published)s).",
                    code="before_publication",
                    params={"published": f"{timezone.localtime(published):%-d %B %Y, %H:%M}"},
                ),
            )
        return cleaned

    def date_is_set_here(self, when) -> bool:
        """A new correction, or a moved one (the form shows whole seconds: no fraction moves it)."""
        stored = None if self.instance._state.adding else self.instance.published_at
        return stored is None or when != stored.replace(microsecond=0)


class CorrectionInline(admin.StackedInline):
    model = Correction
    form = CorrectionForm
    extra = 0
    verbose_name_plural = "Corrections (printed at the foot of the story)"


class ArticleForm(forms.ModelForm):
    """Refuses what the user's role does not allow, and a save over someone else's newer one."""

    user = None  # set per request by ArticleAdmin.get_form()

    class Meta:
        widgets = {
            "headline": forms.TextInput(attrs={"style": "width: 100%; max-width: 46rem"}),
            "lead": forms.Textarea(attrs={"rows": 3, "style": "width: 100%; max-width: 46rem"}),
            "version": forms.HiddenInput,
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if "status" in self.fields and not can_publish(self.user):
            # Offer authors only what they may choose; clean_status() explains a refusal.
            self.fields["status"].widget.choices = [
                choice for choice in Article.Status.choices if choice[0] != Article.Status.PUBLISHED
            ]

    def clean_status(self):
        status = self.cleaned_data["status"]
        if status == Article.Status.PUBLISHED and not can_publish(self.user):
            raise ValidationError(
                "Only editors can publish. Set the story to “Ready for review” instead.",
                code="not_allowed",
            )
        return status

    def clean(self):
        cleaned = super().clean()
        if self.instance.pk:
            # Locks the row until the admin's transaction ends, so two saves in the
            # same instant cannot both pass this check.
            saved = (
                Article.objects.select_for_update()
                .filter(pk=self.instance.pk)
                .values_list("version", flat=True)
                .first()
            )
            if saved != cleaned.get("version"):
                raise ValidationError(
                    "Someone else saved this story while you were editing it, so your changes "
                    "were not saved. Nothing you typed is lost: it is still in the form below. "
                    "Copy what you need, reload the page to see their version, and apply your "
                    "changes again.",
                    code="stale",
                )
        return cleaned


def can_publish(user) -> bool:
    return user is not None and user.has_perm("articles.publish_article")


@admin.register(Article)
class ArticleAdmin(PublicContentAdmin, SimpleHistoryAdmin):
    form = ArticleForm
    list_display = ("thumbnail", "headline", "state", "section", "byline", "published_at")
    list_display_links = ("thumbnail", "headline")
    list_filter = ("status", "section", "is_pinned", "authors", "published_at")
    list_select_related = ("section", "main_image")
    search_fields = ("headline", "lead")
    date_hierarchy = "published_at"
    prepopulated_fields = {"slug": ("headline",)}
    autocomplete_fields = ("editor", "main_image")
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
    history_list_display = ("status",)
    object_history_list_template = "admin/articles/article/object_history_list.html"

    # Roles: editors (publish permission) do everything; authors write their own
    # stories until they are published, and can only ask for review.

    def has_change_permission(self, request, obj=None):
        if not super().has_change_permission(request, obj):
            return False
        if obj is None or can_publish(request.user):
            return True
        return obj.status != Article.Status.PUBLISHED and obj.is_bylined(request.user)

    def has_delete_permission(self, request, obj=None):
        allowed = super().has_delete_permission(request, obj)
        return allowed and (obj is None or obj.status != Article.Status.PUBLISHED)

    def has_publish_permission(self, request):
        return can_publish(request.user)

    def get_form(self, request, obj=None, change=False, **kwargs):
        form = super().get_form(request, obj, change, **kwargs)
        return type(form.__name__, (form,), {"user": request.user})

    def get_readonly_fields(self, request, obj=None):
        if can_publish(request.user):
            return self.readonly_fields
        return (*self.readonly_fields, "published_at", "expires_at", "updated_at", "is_pinned")

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

    def history_form_view(self, request, object_id, version_id, extra_context=None):
        # Restoring a revision is a save like any other: allowed only to whoever may
        # change the story as it is now (not as it was in the revision), in one
        # transaction so the form's row lock holds, against the current version.
        current = self.get_object(request, object_id)
        if request.method == "POST" and not self.has_change_permission(request, current):
            raise PermissionDenied
        with transaction.atomic():
            return super().history_form_view(request, object_id, version_id, extra_context)

    def revert_disabled(self, request, obj=None):
        current = self.get_object(request, str(obj.pk)) if obj is not None else None
        return not self.has_change_permission(request, current)

    def changelist_view(self, request, extra_context=None):
        action = request.POST.get("action")
        if action in ("publish", "unpublish") and not can_publish(request.user):
            # Django would answer "No action selected": say what happened instead.
            self.message_user(request, "Only editors can publish or unpublish.", messages.ERROR)
            return HttpResponseRedirect(request.get_full_path())
        return super().changelist_view(request, extra_context)

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
