from django.contrib import admin, messages
from django.contrib.admin.options import IS_POPUP_VAR
from django.contrib.admin.templatetags.admin_urls import add_preserved_filters
from django.contrib.admin.utils import quote, unquote
from django.core.exceptions import PermissionDenied
from django.db.models import Case, Count, IntegerField, Value, When
from django.http import Http404, HttpResponseNotAllowed, HttpResponseRedirect, JsonResponse
from django.urls import path, reverse
from django.utils.html import format_html
from taggit.models import Tag

from newsroom.editions import all_editions
from newsroom.pagecache import PublicContentAdmin

from ..models import Article, Correction, LiveUpdate, PreviewLink
from ..services import (
    article_corrections_changed,
    article_live_updates_changed,
    article_publication_announce,
    articles_publish,
    articles_unpublish,
)
from .forms import (
    Action,
    ArticleForm,
    can_publish,
    editions_in_use,
    long_time,
    short_time,
    story_actions,
    story_stage,
)
from .history import StoryHistory
from .inlines import CorrectionInline, PreviewLinkInline
from .live import LiveUpdateInline
from .roles import StoryRoles
from .translations import StoryTranslations

# Labels that depend on where the story stands: "Save changes" on a live story updates
# what readers see, so it says so.
ACTION_LABELS = {
    ("review", Action.DRAFT): "Back to draft",
    ("review", Action.REVIEW): "Save, keep in review",
    ("live", Action.SAVE): "Update",
    ("scheduled", Action.SCHEDULE): "Reschedule",
}
TAG_SUGGESTIONS = 8


@admin.register(Article)
class ArticleAdmin(PublicContentAdmin, StoryRoles, StoryTranslations, StoryHistory):
    form = ArticleForm
    list_display = ("thumbnail", "headline", "state", "section", "byline", "published")
    list_display_links = ("thumbnail", "headline")
    list_filter = ("status", "section", "is_pinned", "authors", "published_at")
    list_select_related = ("section", "main_image")
    search_fields = ("headline", "lead")
    date_hierarchy = "published_at"
    prepopulated_fields = {"slug": ("headline",)}
    autocomplete_fields = ("editor",)
    readonly_fields = ("created_at", "modified_at")
    actions = ("publish", "unpublish")

    class Media:
        css = {"all": ("css/admin-story.css", "css/admin-writing-aids.css")}
        # After jquery.init.js: the byline's Select2 events are jQuery events.
        js = ("admin/js/jquery.init.js", "js/admin-story.js", "js/admin-writing-aids.js")

    def get_list_display(self, request):
        if not editions_in_use():
            return self.list_display
        return (*self.list_display[:4], "edition", *self.list_display[4:])

    def get_list_filter(self, request):
        if not editions_in_use():
            return self.list_filter
        return ("language", *self.list_filter)

    def get_fieldsets(self, request, obj=None):
        # Two columns (admin-story.css): the writing on the left, the rest beside it.
        rare = ("slug", "created_at", "modified_at")
        if can_publish(request.user):
            rare = ("slug", "published_at", "expires_at", "updated_at", "is_pinned", *rare)
        main, side = ("story-main",), ("story-side",)
        # The edition heads the story's settings: it decides where the story appears.
        story = ("language",) if editions_in_use() else ()
        story = (*story, "section", "byline", "editor", "tags")
        fieldsets = (
            (None, {"classes": main, "fields": ("headline", "lead", "body", "version")}),
            ("Story", {"classes": side, "fields": story}),
            ("Photo", {"classes": side, "fields": ("main_image", "main_image_caption")}),
            ("More options", {"classes": (*side, "collapse"), "fields": rare}),
        )
        if can_publish(request.user):
            # Editors' calls, open on the form: a banner or a live blog is decided in a hurry.
            live = ("breaking_until", "live_from", "live_until")
            fieldsets += (("Breaking news and live coverage", {"classes": side, "fields": live}),)
        return fieldsets

    def get_form(self, request, obj=None, change=False, **kwargs):
        form = super().get_form(request, obj, change, **kwargs)
        # The stories this user may see: those they may link as translations.
        stories = self.get_queryset(request).prefetch_related(None)
        return type(form.__name__, (form,), {"user": request.user, "stories": stories})

    def get_inlines(self, request, obj):
        if not can_publish(request.user):
            return []
        if obj is not None and obj.is_live_blog:
            return [LiveUpdateInline, CorrectionInline, PreviewLinkInline]
        return [CorrectionInline, PreviewLinkInline]

    def get_urls(self):
        opts = self.model._meta
        name = f"{opts.app_label}_{opts.model_name}"
        return [
            path(
                "<path:object_id>/preview-link/",
                self.admin_site.admin_view(self.preview_link_view),
                name=f"{name}_preview_link",
            ),
            path(
                "tag-suggestions/",
                self.admin_site.admin_view(self.tag_suggestions_view),
                name=f"{name}_tag_suggestions",
            ),
            *super().get_urls(),
        ]

    def change_view(self, request, object_id, form_url="", extra_context=None):
        article = self.get_object(request, object_id)
        image = article.main_image if article is not None else None
        if request.method == "GET" and image is not None and (warning := image.rights_warning()):
            messages.warning(request, warning)
        return super().change_view(request, object_id, form_url, extra_context)

    def render_change_form(self, request, context, add=False, change=False, form_url="", obj=None):
        form = context["adminform"].form
        article = obj if obj is not None else form.instance
        if form.errors and article.pk:
            # A refused save has already copied the form onto the instance, the pressed
            # button's status too: the side column says what the story is, as saved.
            article = type(article).objects.select_related("section").get(pk=article.pk)
        stage = story_stage(article)
        actions = story_actions_for(article, request.user, stage)
        context.update(
            story_stage=stage,
            story_state=self.state_label(article, stage),
            story_actions=actions,
            story_schedule=next((a for a in actions if a["value"] == Action.SCHEDULE), None),
            story_schedule_open=bool(form.errors.get("schedule_at")),
            story_public_url=(
                request.build_absolute_uri(article.get_absolute_url())
                if article.pk and article.is_published()
                else None
            ),
            story_preview=self.current_preview(request, article),
            tag_suggestions_url=reverse(f"{self.admin_site.name}:articles_article_tag_suggestions"),
            translations=self.translations_box(request, article, form),
            story_editions=all_editions(),
        )
        return super().render_change_form(request, context, add, change, form_url, obj)

    def state_label(self, article, stage) -> str:
        if stage == "new":
            return "New story, not saved yet"
        if stage == "live":
            return f"Published {short_time(article.published_at)}"
        return article.publication_state

    def current_preview(self, request, article) -> dict | None:
        """The story's newest live preview link, for whoever may change the story."""
        if article.pk is None or not self.has_change_permission(request, article):
            return None
        link = PreviewLink.objects.active().filter(article=article).order_by("-created_at").first()
        return {
            "create_url": reverse(
                f"{self.admin_site.name}:articles_article_preview_link", args=(quote(article.pk),)
            ),
            "url": request.build_absolute_uri(link.get_absolute_url()) if link else "",
            "expires": short_time(link.expires_at) if link else "",
        }

    def preview_link_view(self, request, object_id):
        """POST: a signed preview link for the story (the newest live one if it lasts)."""
        if request.method != "POST":
            return HttpResponseNotAllowed(["POST"])
        article = self.get_object(request, unquote(object_id))
        if article is None:
            raise Http404("No such story.")
        if not self.has_change_permission(request, article):
            raise PermissionDenied
        link, _created = PreviewLink.for_sharing(article=article, by=request.user)
        url = request.build_absolute_uri(link.get_absolute_url())
        expires = short_time(link.expires_at)
        if "application/json" in request.headers.get("Accept", ""):
            return JsonResponse({"url": url, "expires": expires})
        self.message_user(
            request,
            format_html(
                'Preview link, for anyone who has it until {}: <a href="{}">{}</a>',
                expires,
                url,
                url,
            ),
            messages.SUCCESS,
        )
        return HttpResponseRedirect(self.change_url(request, article))

    def tag_suggestions_view(self, request):
        """Existing tags for what is being typed: those starting with it first, then the
        most used."""
        if not (self.has_add_permission(request) or self.has_change_permission(request)):
            raise PermissionDenied
        term = request.GET.get("q", "").strip()[: Tag._meta.get_field("name").max_length]
        if not term:
            return JsonResponse({"tags": []})
        tags = (
            Tag.objects.filter(name__icontains=term)
            .annotate(
                starts=Case(
                    When(name__istartswith=term, then=Value(1)),
                    default=Value(0),
                    output_field=IntegerField(),
                ),
                uses=Count("articles_taggedarticle_items"),
            )
            .order_by("-starts", "-uses", "name")
            .values_list("name", flat=True)[:TAG_SUGGESTIONS]
        )
        return JsonResponse({"tags": list(tags)})

    def save_model(self, request, obj, form, change):
        # Where the story stood before this save, for the message that says what it did.
        obj.stage_before = form.stage_before
        super().save_model(request, obj, form, change)
        article_publication_announce(article=obj)

    def response_add(self, request, obj, post_url_continue=None):
        if IS_POPUP_VAR in request.POST:
            return super().response_add(request, obj, post_url_continue)
        return self.after_save(request, obj)

    def response_change(self, request, obj):
        if IS_POPUP_VAR in request.POST:
            return super().response_change(request, obj)
        return self.after_save(request, obj)

    def after_save(self, request, article):
        """Back to the story, with a message saying exactly what the save did."""
        self.message_user(request, self.outcome_message(request, article), messages.SUCCESS)
        return HttpResponseRedirect(self.change_url(request, article))

    def outcome_message(self, request, article) -> str:
        before, now = getattr(article, "stage_before", "new"), story_stage(article)
        headline = article.headline
        if now == "live":
            url = request.build_absolute_uri(article.get_absolute_url())
            done = "Updated on the site" if before == "live" else "Published"
            return format_html('{}: <a href="{}">{}</a>', done, url, url)
        if now == "scheduled":
            done = "Saved" if before == "scheduled" else "Scheduled"
            when = long_time(article.published_at)
            return f"{done}: “{headline}” will appear on the site on {when}."
        if now == "expired":
            when = long_time(article.expires_at)
            return f"Saved: “{headline}” expired on {when}; it is not on the site."
        if before in ("live", "expired"):
            return f"Unpublished: “{headline}” is back to draft and no longer on the site."
        if before == "scheduled":
            return f"Unpublished: “{headline}” is back to draft and will not appear."
        if now == Article.Status.REVIEW and before == Article.Status.REVIEW:
            return "Saved: still waiting for review on the editors' desk."
        if now == Article.Status.REVIEW:
            return "Submitted for review: the editors will see it on their desk."
        return f"Draft saved: “{headline}” is not on the site."

    def change_url(self, request, article) -> str:
        opts = self.model._meta
        url = reverse(
            f"{self.admin_site.name}:{opts.app_label}_{opts.model_name}_change",
            args=(quote(article.pk),),
        )
        filters = {"preserved_filters": self.get_preserved_filters(request), "opts": opts}
        return add_preserved_filters(filters, url)

    def changes_public_pages(self, request, article, form):
        # Published, scheduled, or just taken down; a draft's edits are nobody's business.
        return article.status == Article.Status.PUBLISHED or form.stage_before in (
            "live",
            "scheduled",
            "expired",
        )

    def view_on_site(self, article):
        # Unpublished stories have no public page yet: no link to a 404.
        return article.get_absolute_url() if article.is_published() else None

    def get_queryset(self, request):
        return super().get_queryset(request).prefetch_related("bylines__person")

    def save_formset(self, request, form, formset, change):
        instances = formset.save(commit=False)
        formset.save()  # saves the instances again, deletions and many-to-many
        if not (instances or formset.deleted_objects):
            return
        if formset.model is Correction:
            article_corrections_changed(article=form.instance)
        elif formset.model is LiveUpdate:
            article_live_updates_changed(article=form.instance)

    @admin.display(description="Photo")
    def thumbnail(self, article):
        if not article.main_image:
            return "—"
        if (url := article.main_image.thumbnail_url) is None:
            return "Processing…"  # a small rendition, never the full-size original
        return format_html(
            '<img src="{}" alt="" width="64" height="64" class="story-thumbnail">', url
        )

    @admin.display(description="Edition", ordering="language")
    def edition(self, article):
        return article.get_language_display()

    @admin.display(description="Status", ordering="status")
    def state(self, article):
        return article.publication_state

    @admin.display(description="Publication time", ordering="published_at")
    def published(self, article):
        # One format everywhere in the list, in the newsroom's time zone.
        return short_time(article.published_at) if article.published_at else "—"

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


def story_actions_for(article, user, stage) -> list[dict]:
    """The form's buttons: what each posts, its label and its look."""
    primary = Action.PUBLISH if can_publish(user) else Action.REVIEW
    buttons = []
    for action in story_actions(article, user):
        label = ACTION_LABELS.get((stage, action), action.label)
        look = "default" if action == primary or (stage == "live" and action == Action.SAVE) else ""
        if action == Action.UNPUBLISH:
            look = "story-unpublish"
        buttons.append({"value": action.value, "label": label, "look": look})
    return buttons
