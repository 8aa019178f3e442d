from django.contrib import messages
from django.contrib.admin.utils import unquote
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.http import Http404, HttpResponseRedirect
from django.shortcuts import get_object_or_404
from django.urls import reverse
from simple_history.admin import SimpleHistoryAdmin
from simple_history.models import to_historic
from taggit.forms import TagWidget
from taggit.models import Tag

from authors.models import Person

from ..history import (
    PUBLICATION_FIELDS,
    compare,
    current_state,
    describe,
    latest_history_id,
    record_related_since,
    restored_from,
    summary,
    who_saved,
)


class StoryHistory(SimpleHistoryAdmin):
    """A story's revisions in words, newest first, and restoring one of them.

    Each revision records the byline, tags, corrections and preview links it had
    (articles.history.RevisionRecord). The story's row is saved before the admin saves
    its inlines and tag field, so the record is taken again once the whole save is
    written: in log_addition()/log_change(), which Django calls after save_related()
    (whatever order other mixins save things in there) and simple-history's restore
    calls after its form is saved.
    """

    object_history_template = "admin/articles/article/object_history.html"
    object_history_list_template = "admin/articles/article/object_history_list.html"
    object_history_form_template = "admin/articles/article/object_history_form.html"
    history_list_per_page = 50

    def save_model(self, request, obj, form, change):
        # The revisions this save writes (one per save of the row: a correction writes
        # a second) are the ones after the newest so far.
        obj._revisions_after = latest_history_id(self.history_model, obj.pk) if change else None
        if (revision := to_historic(obj)) is not None:
            obj._change_reason = restored_from(revision)  # simple-history stores it
        super().save_model(request, obj, form, change)

    def log_addition(self, request, obj, message):
        self.record_related(obj)
        return super().log_addition(request, obj, message)

    def log_change(self, request, obj, message):
        self.record_related(obj)
        return super().log_change(request, obj, message)

    def record_related(self, obj):
        record_related_since(self.history_model, obj.pk, getattr(obj, "_revisions_after", None))

    @property
    def history_model(self):
        return self.model.history.model

    def get_history_queryset(self, request, history_manager, pk_name, object_id):
        revisions = super().get_history_queryset(request, history_manager, pk_name, object_id)
        return revisions.select_related("history_user__person")

    def set_history_delta_changes(self, request, historical_records, foreign_keys_are_objs=True):
        # In place of simple-history's raw field deltas: each revision in words, against
        # the one before it, which for the oldest on the page is the first of the next.
        records = list(historical_records)
        if not records:
            return
        before_page = None
        if historical_records.has_next():
            paginator = historical_records.paginator
            before_page = paginator.object_list[historical_records.end_index()]
        for record, previous in zip(records, [*records[1:], before_page], strict=True):
            record.revision = describe(record, previous)
        records[0].revision.is_current = historical_records.number == 1

    def history_view_title(self, request, obj):
        return f"History of “{obj}”"

    def history_form_view_title(self, request, obj):
        if self.revert_disabled(request, obj):
            return f"An earlier version of “{obj}”"
        return f"Restore an earlier version of “{obj}”"

    def history_view(self, request, object_id, extra_context=None):
        address_id_or_404(object_id)
        return super().history_view(request, object_id, extra_context)

    def history_form_view(self, request, object_id, version_id, extra_context=None):
        revision = get_object_or_404(
            self.history_model,
            id=address_id_or_404(object_id),
            history_id=address_id_or_404(version_id),
        )
        # Restoring a revision is a save like any other: allowed only to whoever may
        # change the story as it is now (not as it was in the revision), in one
        # transaction so the form's row lock holds, against the current version.
        current = self.get_object(request, object_id)
        if current is None:
            raise PermissionDenied  # a colleague's story, hidden from this author
        if request.method == "POST" and not self.has_change_permission(request, current):
            raise PermissionDenied
        context = {
            "revision": describe(revision),
            "restoring": compare(current_state(self.history_model, current), revision),
            "story": current,
            "saved_by": who_saved(revision.history_user),
            "summary": summary(revision),
            **(extra_context or {}),
        }
        with transaction.atomic():
            before = latest_history_id(self.history_model, current.pk)
            response = super().history_form_view(request, object_id, version_id, context)
            if request.method == "POST" and response.status_code == 302:
                # simple-history restores the story's row; its byline and tags are ours.
                notes = revision.restore_related(current)
                record_related_since(self.history_model, current.pk, before)
                self.message_user(request, f"{restored_from(revision)}.", messages.SUCCESS)
                for note in notes:
                    self.message_user(request, note, messages.WARNING)
        return response

    def get_form(self, request, obj=None, change=False, **kwargs):
        form = super().get_form(request, obj, change, **kwargs)
        if (revision := to_historic(obj)) is None:
            return form
        return restoring(form, revision)

    def response_change(self, request, obj):
        if to_historic(obj) is None:
            return super().response_change(request, obj)
        # A restore: back to the story as it now is (history_form_view() says what it did).
        return HttpResponseRedirect(
            reverse(f"admin:{self.opts.app_label}_{self.opts.model_name}_change", args=[obj.pk])
        )

    def revert_disabled(self, request, obj=None):
        current = self.get_object(request, str(obj.pk)) if obj is not None else None
        return current is None or not self.has_change_permission(request, current)


def address_id_or_404(value: str) -> int:
    """An id from the address, or a 404: the admin's routes hand "61/change" to the
    history views for /admin/articles/article/61/change/history/."""
    try:
        return int(unquote(value))
    except ValueError:
        raise Http404("No such story or version.") from None


class HiddenTagWidget(TagWidget):
    input_type = "hidden"  # the tags as their comma-separated text, not a list's repr


def restoring(form_class, revision):
    """The change form carrying an earlier version: every field hidden, posted as it was.

    What is restored is the story's content: text, photo, section, editor, byline, tags.
    Its publication (status and times) stays as it is now: restoring an old draft must not
    take a live story down, nor an old published version put a draft on the site (the
    publishing buttons, and their permission, do that).
    """

    class RestoreForm(form_class):
        def __init__(self, *args, instance=None, initial=None, **kwargs):
            current = type(instance).objects.get(pk=instance.pk)
            for name in PUBLICATION_FIELDS:
                setattr(instance, name, getattr(current, name))
            initial = {**(initial or {}), **related_initial(revision)}
            super().__init__(*args, instance=instance, initial=initial, **kwargs)
            for field in self.fields.values():
                hidden = isinstance(field.widget, TagWidget)
                field.widget = HiddenTagWidget() if hidden else field.hidden_widget()

    return RestoreForm


def related_initial(revision) -> dict:
    """The byline and tags of a revision as a story form's initial values (a form without
    such fields ignores them); nothing for a revision that did not record them."""
    if not revision.related_recorded:
        return {}
    wanted = [entry["id"] for entry in revision.byline_snapshot]
    people = Person.objects.in_bulk(wanted)
    initial = {}
    if byline := [pk for pk in wanted if pk in people]:
        initial["byline"] = byline
    if revision.tag_snapshot is not None:
        tags = Tag.objects.in_bulk([entry["id"] for entry in revision.tag_snapshot])
        initial["tags"] = [
            tags.get(entry["id"]) or Tag(name=entry["name"]) for entry in revision.tag_snapshot
        ]
    return initial
