from django import forms
from django.contrib import admin

from newsroom.editions import Edition, all_editions
from newsroom.pagecache import PublicContentAdmin

from .models import Section

# The words a section has in each edition other than the default (Section.translations).
TRANSLATED = ("name", "description")


def other_editions() -> list[Edition]:
    return [edition for edition in all_editions() if not edition.is_default]


def edition_field(code: str, name: str) -> str:
    return f"{name}_{code}"


class SectionForm(forms.ModelForm):
    """The section, with its name and description in each other edition, read from and
    written to Section.translations. Its edition fields are made by section_form()."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for code, words in self.instance.translations.items():
            for name in TRANSLATED:
                if edition_field(code, name) in self.fields:
                    self.initial.setdefault(edition_field(code, name), words.get(name, ""))

    def clean(self):
        cleaned = super().clean()
        # Only the editions this form has fields for are rewritten: an edition the site
        # no longer runs keeps its words, should it come back.
        translations = dict(self.instance.translations)
        for edition in other_editions():
            if edition_field(edition.code, "name") not in self.fields:
                continue
            words = {
                name: value
                for name in TRANSLATED
                if (value := (cleaned.get(edition_field(edition.code, name)) or "").strip())
            }
            if words:
                translations[edition.code] = words
            else:
                translations.pop(edition.code, None)
        self.instance.translations = translations
        return cleaned


def section_form(base=SectionForm) -> type[SectionForm]:
    """The form with a name and a description field per other edition: the editions come
    from settings, so the fields are declared when the form is made, not in the class."""
    max_length = Section._meta.get_field("name").max_length
    fields = {}
    for edition in other_editions():
        fields[edition_field(edition.code, "name")] = forms.CharField(
            label="Name",
            max_length=max_length,
            required=False,
            help_text=f"As the {edition.name} edition prints it. Left empty, the name above "
            "is printed.",
            widget=forms.TextInput(attrs={"lang": edition.code, "class": "vTextField"}),
        )
        fields[edition_field(edition.code, "description")] = forms.CharField(
            label="Description",
            required=False,
            help_text="Left empty, the description above is printed.",
            widget=forms.Textarea(attrs={"lang": edition.code, "rows": 3}),
        )
    return type(base.__name__, (base,), fields)


@admin.register(Section)
class SectionAdmin(PublicContentAdmin, admin.ModelAdmin):
    form = SectionForm
    list_display = ("name", "slug", "position", "show_in_navigation")
    list_editable = ("position", "show_in_navigation")
    search_fields = ("name", "slug")
    prepopulated_fields = {"slug": ("name",)}

    def get_form(self, request, obj=None, change=False, **kwargs):
        kwargs["form"] = section_form(self.form)
        return super().get_form(request, obj, change, **kwargs)

    def get_fieldsets(self, request, obj=None):
        main = ("name", "slug", "description", "position", "show_in_navigation")
        fieldsets = [(None, {"fields": (*main, "shows_columnists")})]
        for edition in other_editions():
            fields = tuple(edition_field(edition.code, name) for name in TRANSLATED)
            fieldsets.append((f"{edition.name} edition", {"fields": fields}))
        return fieldsets

    def get_list_display(self, request):
        if not other_editions():
            return self.list_display
        return (*self.list_display[:1], "other_names", *self.list_display[1:])

    @admin.display(description="In other editions")
    def other_names(self, section):
        names = (section.translations.get(e.code, {}).get("name") for e in other_editions())
        return " · ".join(name for name in names if name) or "—"
