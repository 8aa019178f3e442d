import re

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from articles.models import Article
from newsroom.origins import origin_of

from .models import TypoReport

# The largest id a BigAutoField holds; a bigger one is no article.
ARTICLE_ID_MAX = 2**63 - 1


# Half of a UTF-16 pair: JSON's "\ud800" escape decodes to one, which no database can
# encode (UTF-8 has no form for it). NUL, which PostgreSQL refuses in text, is already
# refused by every CharField (ProhibitNullCharactersValidator).
LONE_SURROGATE = re.compile("[\ud800-\udfff]")


def validate_encodable_text(value: str) -> None:
    if LONE_SURROGATE.search(value):
        raise ValidationError(
            _("Holds a broken character (half of a UTF-16 pair); please send the text again."),
            code="lone_surrogate",
        )


class JSONTextField(forms.CharField):
    """Text from a JSON body: nothing else, and nothing the database cannot store."""

    default_validators = [validate_encodable_text]

    def to_python(self, value):
        # In JSON a value can also be a number, a list or an object; a text field takes text.
        if value not in self.empty_values and not isinstance(value, str):
            raise ValidationError(_("Must be text."), code="invalid")
        return super().to_python(value)


class TypoReportForm(forms.Form):
    """What a reader's browser sends about a mistake, checked field by field."""

    # Every field has a label: error_message() names the field to the reader.
    article = forms.IntegerField(
        label=_("Article"),
        min_value=1,
        max_value=ARTICLE_ID_MAX,
        error_messages={
            "required": _("Say which article the mistake is in."),
            "invalid": _("Must be the number of an article."),
            "min_value": _("No such article."),
            "max_value": _("No such article."),
        },
    )
    selected_text = JSONTextField(
        label=_("Selected text"),
        max_length=TypoReport.SELECTED_TEXT_MAX,
        error_messages={
            "required": _("Select the words with the mistake first."),
            "max_length": _(
                "Select only the words with the mistake "
                "(at most %(limit_value)d characters, not %(show_value)d)."
            ),
        },
    )
    context = JSONTextField(label=_("Context"), required=False, max_length=TypoReport.CONTEXT_MAX)
    comment = JSONTextField(
        label=_("Comment"),
        required=False,
        max_length=TypoReport.COMMENT_MAX,
        error_messages={
            "max_length": _("At most %(limit_value)d characters, please (it has %(show_value)d).")
        },
    )
    # Checked against the request's own origin in clean_page_url(), which says more
    # than URLField would (and accepts the host names it refuses, such as intranet ones).
    page_url = JSONTextField(
        label=_("Page address"),
        max_length=TypoReport.PAGE_URL_MAX,
        error_messages={"required": _("Say which page the mistake is on.")},
    )

    def __init__(self, *args, origin: str, **kwargs):
        # The origin the request came from, already checked to be this site's.
        self.origin = origin
        super().__init__(*args, **kwargs)

    def clean_article(self) -> Article:
        # Built here rather than as a field's queryset, which would fix published()'s
        # "now" at import time.
        try:
            return Article.objects.published().get(pk=self.cleaned_data["article"])
        except Article.DoesNotExist:
            raise ValidationError(
                _("That article does not exist or is not published."), code="invalid_choice"
            ) from None

    def clean_page_url(self) -> str:
        page_url = self.cleaned_data["page_url"]
        if origin_of(page_url) != self.origin:
            raise ValidationError(_("Must be a page on this site."), code="other_site")
        return page_url

    def error_message(self) -> str:
        """Every error in one sentence per field, for a reader to read."""
        return " ".join(
            f"{self.fields[name].label}: {' '.join(messages)}"
            for name, messages in self.errors.items()
        )
