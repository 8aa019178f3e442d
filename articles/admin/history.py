from django.core.exceptions import PermissionDenied
from django.db import transaction
from simple_history.admin import SimpleHistoryAdmin


class StoryHistory(SimpleHistoryAdmin):
    """A story's revisions: who changed what, and restoring one."""

    history_list_display = ("status",)
    object_history_list_template = "admin/articles/article/object_history_list.html"

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
