from django import forms
from django.core.exceptions import ValidationError

from images.widgets import PhotoPickerWidget

from ..models import Article


class ArticleForm(forms.ModelForm):
    """Refuses what the user's role does not allow, and a save over someone else's newer one."""

    user = None  # set per request by ArticleAdmin.get_form()

    class Meta:
        widgets = {
            "headline": forms.TextInput(attrs={"style": "width: 100%; max-width: 46rem"}),
            "lead": forms.Textarea(attrs={"rows": 3, "style": "width: 100%; max-width: 46rem"}),
            "version": forms.HiddenInput,
            "main_image": PhotoPickerWidget(),
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
