from django import forms
from django.contrib import admin
from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.html import format_html

from ..models import Correction, PreviewLink


class PreviewLinkInline(admin.TabularInline):
    """The story's preview links, to see and revoke. New ones come from the form's
    Preview button: a blank row here was saved only if its expiry was edited."""

    model = PreviewLink
    extra = 0
    can_delete = False  # revoking keeps the record of who was sent what
    fields = ("link", "expires_at", "revoked", "created_by", "created_at")
    readonly_fields = ("link", "created_by", "created_at")
    verbose_name_plural = "Preview links (work without an account; never indexed)"
    request = None  # set per request by get_formset(), for the full address

    def has_add_permission(self, request, obj=None):
        return False

    def get_formset(self, request, obj=None, **kwargs):
        self.request = request  # inline instances are made per request
        return super().get_formset(request, obj, **kwargs)

    @admin.display(description="Address")
    def link(self, preview):
        url = preview.get_absolute_url()
        if self.request is not None:
            url = self.request.build_absolute_uri(url)
        return format_html('<a href="{0}" target="_blank" rel="noopener">{0}</a>', url)


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
