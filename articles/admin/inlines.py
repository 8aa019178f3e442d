from django import forms
from django.contrib import admin
from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.html import format_html

from ..models import Byline, Correction, PreviewLink, TaggedArticle


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
