from django.contrib import admin, messages
from django.http import HttpResponseRedirect

from ..models import Article
from .forms import can_publish


class StoryRoles(admin.ModelAdmin):
    """Who may do what to a story.

    Editors (the publish permission) do everything; authors write their own stories
    until they are published, and can only ask for review.
    """

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
