from django.contrib import admin, messages
from django.contrib.admin.utils import unquote
from django.core.exceptions import ValidationError
from django.http import HttpResponseRedirect
from django.template.response import TemplateResponse
from django.utils import timezone

from ..models import Article
from .forms import can_publish


class StoryRoles(admin.ModelAdmin):
    """Who may do what to a story.

    Editors (the publish permission) see and do everything; authors see the stories
    they are bylined on, write them until they are published, and can only ask for
    review. Where an author may not go, they get a page that says why, never a raw
    403 or the read-only form (which shows the body as HTML source).
    """

    refusal_template = "admin/articles/article/refused.html"

    def get_queryset(self, request):
        stories = super().get_queryset(request)
        if can_publish(request.user):
            return stories
        return stories.bylined_to(request.user)

    def has_view_permission(self, request, obj=None):
        if not super().has_view_permission(request, obj):
            return False
        return obj is None or can_publish(request.user) or obj.is_bylined(request.user)

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

    def get_readonly_fields(self, request, obj=None):
        if can_publish(request.user):
            return self.readonly_fields
        return (*self.readonly_fields, "published_at", "expires_at", "updated_at", "is_pinned")

    def changelist_view(self, request, extra_context=None):
        action = request.POST.get("action")
        if action in ("publish", "unpublish") and not can_publish(request.user):
            # Django would answer "No action selected": say what happened instead.
            self.message_user(request, "Only editors can publish or unpublish.", messages.ERROR)
            return HttpResponseRedirect(request.get_full_path())
        return super().changelist_view(request, extra_context)

    def change_view(self, request, object_id, form_url="", extra_context=None):
        if (refusal := self.refusal(request, object_id)) is not None:
            return refusal
        return super().change_view(request, object_id, form_url, extra_context)

    def refusal(self, request, object_id) -> TemplateResponse | None:
        """The page for a story the user may not change, or None to go on.

        Looked up past get_queryset(), which hides colleagues' stories from authors:
        Django would say such a story "doesn't exist", which is not true.
        """
        if can_publish(request.user):
            return None  # editors may change every story: no need to look it up twice
        if not super().has_change_permission(request):
            return None  # no newsroom role at all: Django's plain refusal tells them nothing
        try:
            story = (
                Article.objects.select_related("section")
                .filter(pk=unquote(object_id))
                .prefetch_related("bylines__person")
                .first()
            )
        except (ValidationError, ValueError):
            return None  # not an id at all: Django's "doesn't exist" is right
        if story is None or self.has_change_permission(request, story):
            return None
        context = {
            **self.admin_site.each_context(request),
            "title": "You cannot change this story",
            "subtitle": None,
            "opts": self.opts,
            "story": story,
            "reason": refusal_reason(story, request.user),
            "byline": [byline.person.name for byline in story.bylines.all()],
            "public_url": story.get_absolute_url() if story.is_published() else None,
        }
        if context["reason"] in ("published", "scheduled", "expired"):
            # Their own story, closed to them now, may still be translated
            # (StoryTranslations, the story admin's other half).
            context["translations"] = self.translations_box(request, story)
        return TemplateResponse(request, self.refusal_template, context, status=403)


def refusal_reason(story: Article, user) -> str:
    """Why the user may not change the story, as the refusal page words it."""
    if not story.is_bylined(user):
        return "colleague"
    if story.status != Article.Status.PUBLISHED:
        return "no-permission"  # their own draft, but their account may not edit stories
    if story.is_published():
        return "published"
    return "scheduled" if story.published_at > timezone.now() else "expired"
