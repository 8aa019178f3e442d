import re
from datetime import datetime

from django import forms
from django.contrib import admin
from django.contrib.admin.widgets import AutocompleteSelect, AutocompleteSelectMultiple
from django.core.exceptions import ValidationError
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.text import slugify
from taggit.models import Tag

from authors.models import Person
from images.widgets import PhotoPickerWidget
from newsroom.editions import all_editions

from ..models import Article, Byline, Correction
from ..services import translation_link_plan

# The body editor's toolbar: headings as their own buttons ("H2", "H3": one click, and a
# second click turns the heading back into a paragraph) instead of the stock dropdown,
# whose arrow is a character most fonts lack.
STORY_MENU_GROUPS = [
    {"group": "headings"},
    {"group": "lists"},
    {"group": "nodes -blockType -lists"},
    {"group": "marks"},
    {"group": "link"},
    {"group": "history"},
    {"group": "utility"},
]

TAG_NAME_LENGTH = Tag._meta.get_field("name").max_length
SLUG_LENGTH = Article._meta.get_field("slug").max_length
# A line break and the spaces around it, wherever a pasted or scripted headline has one.
LINE_BREAK = re.compile(r"\s*[\r\n]+\s*")


class Action(models.TextChoices):
    """What the button an editor clicked does to the story."""

    SAVE = "save", "Save changes"
    DRAFT = "draft", "Save draft"
    REVIEW = "review", "Submit for review"
    PUBLISH = "publish", "Publish now"
    SCHEDULE = "schedule", "Schedule"
    UNPUBLISH = "unpublish", "Unpublish"

    @property
    def needs_editor(self) -> bool:
        return self in (Action.PUBLISH, Action.SCHEDULE, Action.UNPUBLISH)


def story_stage(article: Article) -> str:
    """new, draft, review, scheduled, live or expired: what the buttons depend on."""
    if article.pk is None:
        return "new"
    if article.status != Article.Status.PUBLISHED:
        return article.status
    if article.is_published():
        return "live"
    return "scheduled" if article.published_at > timezone.now() else "expired"


def story_actions(article: Article, user) -> list[Action]:
    """The buttons offered, the safe one first (Enter in a text box presses it)."""
    stage = story_stage(article)
    if stage in ("new", "draft", "review"):
        actions = [Action.DRAFT, Action.REVIEW]
        return [*actions, Action.PUBLISH, Action.SCHEDULE] if can_publish(user) else actions
    if not can_publish(user):
        return []
    if stage == "scheduled":
        return [Action.SAVE, Action.PUBLISH, Action.SCHEDULE, Action.UNPUBLISH]
    return [Action.SAVE, Action.UNPUBLISH]


class OrderedAutocompleteSelectMultiple(AutocompleteSelectMultiple):
    """Select2 with the chosen people in the order given (the byline's), not by name."""

    def optgroups(self, name, value, attr=None):
        groups = super().optgroups(name, value, attr)
        order = {str(pk): index for index, pk in enumerate(value)}
        for _group, options, _index in groups:
            options.sort(key=lambda option: order.get(str(option["value"]), len(order)))
        return groups


class TranslationChoiceField(forms.ModelChoiceField):
    """A story to link, named with its edition and status: headlines alone look alike
    across editions."""

    def label_from_instance(self, story):
        return translation_label(story)


def translation_label(story: Article) -> str:
    return f"{story.headline} ({story.edition.name}, {story.publication_state})"


class TranslationSelect(AutocompleteSelect):
    """Select2 over the story admin's search for stories to link as a translation.

    Django's autocomplete view knows nothing of the story being edited, so this one asks
    the story admin's translation_candidates_view, which leaves out the story's own
    edition and translations. Django's widget needs a model field pointing at stories
    for its markup: a correction's story is one.
    """

    def __init__(self, story_id: int | None):
        super().__init__(Correction._meta.get_field("article"), admin.site)
        self.story_id = story_id

    def get_url(self):
        url = reverse(f"{self.admin_site.name}:articles_article_translation_candidates")
        return f"{url}?story={self.story_id}" if self.story_id else url


def editions_in_use() -> bool:
    """Editions and translations mean something only where the site runs several."""
    return len(all_editions()) > 1


READERS_SEE_IT = (
    "Only editors can link or unlink two published stories: readers see that link (the "
    "edition switcher, and the language versions search engines are told about)."
)


class ArticleForm(forms.ModelForm):
    """The story form: the clicked button decides the status, within the user's role.

    Refuses what the role does not allow, a schedule in the past, and a save over
    someone else's newer one.
    """

    user = None  # set per request by ArticleAdmin.get_form()
    stories = Article.objects.none()  # the stories the user may see, likewise

    # Not the model's `authors`: its rows carry their position, written in order here.
    byline = forms.ModelMultipleChoiceField(
        queryset=Person.objects.filter(role__in=Person.Role.writing_roles()),
        widget=OrderedAutocompleteSelectMultiple(Byline._meta.get_field("person"), admin.site),
        help_text="Names in the order printed; type to add one, × to remove it.",
        error_messages={"required": "A story needs at least one name on its byline."},
    )
    schedule_at = forms.DateTimeField(
        label="Appears on the site at",
        required=False,
        widget=forms.DateTimeInput(attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M"),
    )
    # Rendered in the Translations box (change_form.html), saved by the admin's
    # save_related() once the story itself is saved.
    translation_of = TranslationChoiceField(
        label="Link a translation",
        queryset=Article.objects.none(),
        required=False,
        help_text="A story already written in another edition that tells this story. "
        "Type words of its headline; the link is made when you save.",
    )

    class Meta:
        widgets = {
            # A box that wraps (and grows, admin-story.css) so a long headline is seen
            # whole; it stays one line: Enter moves on to the lead (admin-story.js).
            "headline": forms.Textarea(
                attrs={
                    "rows": 2,
                    "class": "story-headline",
                    "placeholder": "Headline",
                    "autocomplete": "off",
                }
            ),
            "lead": forms.Textarea(
                attrs={"rows": 3, "class": "story-lead", "placeholder": "Lead: what happened"}
            ),
            "version": forms.HiddenInput,
            "main_image": PhotoPickerWidget(),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.stage_before = story_stage(self.instance)  # as stored, before this save
        schedule_at = self.fields["schedule_at"]
        schedule_at.help_text = f"Newsroom time ({timezone.get_current_timezone_name()})."
        schedule_at.widget.attrs["min"] = f"{timezone.localtime():%Y-%m-%dT%H:%M}"
        if (body := self.fields.get("body")) is not None:
            extensions = {**body.widget.config["extensions"], "Menu": {"groups": STORY_MENU_GROUPS}}
            body.widget.config = {**body.widget.config, "extensions": extensions}
        if (tags := self.fields.get("tags")) is not None:
            tags.help_text = (
                "Separate tags with commas; new ones are created when you save. "
                "Suggestions come from the tags already in use."
            )
            tags.widget.attrs.update({"autocomplete": "off", "class": "story-tags"})
        # Given initial values win: the history view restores an old revision's byline.
        if "byline" not in self.initial:
            if self.instance.pk is not None:
                self.initial["byline"] = [
                    byline.person_id for byline in self.instance.bylines.order_by("position")
                ]
            elif (person := own_person(self.user)) is not None:
                self.initial["byline"] = [person.pk]  # whoever writes it is bylined
        if self.instance.status == Article.Status.PUBLISHED and self.instance.published_at:
            self.initial.setdefault("schedule_at", timezone.localtime(self.instance.published_at))
        if (language := self.fields.get("language")) is not None:
            # A post without it (an old form, a script) keeps the story's edition.
            language.required = False
        if not editions_in_use():
            del self.fields["translation_of"]
        else:
            link = self.fields["translation_of"]
            link.widget = TranslationSelect(self.instance.pk)
            link.queryset = self.stories  # after the widget: it hands the widget its choices
        if (slug := self.fields.get("slug")) is not None and self.slug_follows_headline():
            slug.help_text = (
                "The readable part of the address. Until the story is first published it "
                "follows the headline, unless you type one; old addresses keep working."
            )

    def slug_follows_headline(self) -> bool:
        """A story never published whose address is still the one made from its headline
        (a translation starts with its source's): a new headline makes a new address."""
        stored = self.instance
        return (
            stored.pk is not None
            and stored.published_at is None
            and stored.slug == slugify(stored.headline, allow_unicode=True)[:SLUG_LENGTH]
        )

    @property
    def action(self) -> Action:
        """The clicked button; a post without one (an old form, a script) changes no status."""
        try:
            return Action(self.data.get("_action", Action.SAVE))
        except ValueError:
            return Action.SAVE

    def clean_headline(self):
        # A headline is one line wherever it is printed (titles, feeds, cards).
        return LINE_BREAK.sub(" ", self.cleaned_data["headline"])

    def clean_language(self):
        return self.cleaned_data["language"] or self.instance.language

    def clean_slug(self):
        slug = self.cleaned_data["slug"]
        if slug == self.instance.slug and self.slug_follows_headline():
            return ""  # the story's save() makes it from the headline as now typed
        return slug

    def clean_byline(self):
        chosen = {str(person.pk): person for person in self.cleaned_data["byline"]}
        posted = [str(pk) for pk in self["byline"].data]
        people = [chosen[pk] for pk in dict.fromkeys(posted) if pk in chosen]
        person = own_person(self.user)
        if not can_publish(self.user) and person is not None and person not in people:
            raise ValidationError(
                "Keep your own name on the byline: authors edit only the stories they are "
                "bylined on, so without it this story would be closed to you. An editor can "
                "change the byline later.",
                code="own_byline",
            )
        return people

    def clean_tags(self):
        tags = self.cleaned_data["tags"]
        if too_long := [tag for tag in tags if len(tag) > TAG_NAME_LENGTH]:
            raise ValidationError(
                "A tag can be at most %(limit)d characters long: “%(tag)s”.",
                code="tag_too_long",
                params={"limit": TAG_NAME_LENGTH, "tag": too_long[0]},
            )
        return tags

    def clean(self):
        cleaned = super().clean()
        action = self.action
        if action.needs_editor and not can_publish(self.user):
            raise ValidationError(
                "Only editors can publish, schedule or unpublish a story. Use “Submit for "
                "review”: the editors will see it on their desk.",
                code="not_allowed",
            )
        self.check_version(cleaned)
        status, published_at = self.outcome(action, cleaned)
        if status is not None and self.fits_its_dates(status, published_at, cleaned):
            # Applied to the instance only once valid: the model's own checks, run next,
            # would otherwise name fields this form may not have (an author has no expiry).
            self.instance.status = status
            self.set_value("published_at", published_at)
            updated = self.value_of("updated_at", cleaned)
            if status == Article.Status.PUBLISHED and updated and updated < published_at:
                self.set_value("updated_at", None)  # an "update" from before it went out
        self.check_translations(cleaned)
        return cleaned

    def check_translations(self, cleaned):
        """A new edition or a new link must leave every edition one translation at most;
        a link readers would see is the editors' call (see admin/translations.py)."""
        stored = self.instance
        language = cleaned.get("language") or stored.language
        if stored.pk and stored.translation_key and language != stored.language:
            clash = (
                Article.objects.filter(translation_key=stored.translation_key, language=language)
                .exclude(pk=stored.pk)
                .first()
            )
            if clash is not None:
                self.add_error(
                    "language" if "language" in self.fields else None,
                    ValidationError(
                        "“%(clash)s” is this story's %(edition)s translation: a story has one "
                        "translation per edition. Choose another edition, or unlink that "
                        "translation first.",
                        code="edition_taken",
                        params={"clash": clash, "edition": clash.edition.name},
                    ),
                )
                return
        if (other := cleaned.get("translation_of")) is None:
            return
        try:
            plan = translation_link_plan(article=stored, other=other, language=language)
        except ValidationError as error:
            self.add_error("translation_of", error)
            return
        if plan.public and not can_publish(self.user):
            self.add_error("translation_of", ValidationError(READERS_SEE_IT, code="editors"))

    def outcome(self, action: Action, cleaned) -> tuple[str | None, datetime | None]:
        """The status and publication time the action gives; None where it cannot."""
        published_at = self.value_of("published_at", cleaned)
        now = timezone.now()
        match action:
            case Action.SAVE:
                status = self.instance.status
                if status == Article.Status.PUBLISHED and published_at is None:
                    published_at = now
                return status, published_at
            case Action.DRAFT | Action.UNPUBLISH:
                return Article.Status.DRAFT, published_at
            case Action.REVIEW:
                return Article.Status.REVIEW, published_at
            case Action.PUBLISH:
                # A time already past (a backdated or unpublished story) is kept, as the
                # bulk action does; a future one is what "now" overrides.
                if published_at is None or published_at > now:
                    published_at = now
                return Article.Status.PUBLISHED, published_at
            case Action.SCHEDULE:
                when = cleaned.get("schedule_at")
                if when is None:
                    if "schedule_at" not in self.errors:
                        self.add_error(
                            "schedule_at", "Choose the date and time the story should appear."
                        )
                    return None, None
                if when <= now:
                    self.add_error(
                        "schedule_at",
                        ValidationError(
                            "%(when)s has already passed. Choose a time in the future, or use "
                            "“Publish now”.",
                            code="schedule_in_past",
                            params={"when": short_time(when)},
                        ),
                    )
                    return None, None
                return Article.Status.PUBLISHED, when
        return None, None

    def fits_its_dates(self, status, published_at, cleaned) -> bool:
        """The model's rule on expiry, said where the editor can act on it."""
        expires_at = self.value_of("expires_at", cleaned)
        if status != Article.Status.PUBLISHED or not expires_at or not published_at:
            return True
        if expires_at > published_at:
            return True
        message = ValidationError(
            "This story expires on %(expires)s, before it would appear (%(appears)s). "
            "Change or clear the expiry under “More options”.",
            code="expires_before_publication",
            params={"expires": short_time(expires_at), "appears": short_time(published_at)},
        )
        self.add_error("expires_at" if "expires_at" in self.fields else None, message)
        return False

    def value_of(self, name, cleaned):
        """A date as this save would store it: from the form if it has the field."""
        return cleaned.get(name) if name in self.fields else getattr(self.instance, name)

    def set_value(self, name, value):
        if name in self.fields:
            self.cleaned_data[name] = value  # what construct_instance() will copy over
        setattr(self.instance, name, value)

    def check_version(self, cleaned):
        if not self.instance.pk:
            return
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

    def _save_m2m(self):
        super()._save_m2m()  # the tags, among others
        if "byline" in self.cleaned_data:
            self.instance.set_byline(self.cleaned_data["byline"])


def can_publish(user) -> bool:
    return user is not None and user.has_perm("articles.publish_article")


def own_person(user) -> Person | None:
    """The byline name of a logged-in user, if they have one they may sign with."""
    if user is None or user.pk is None:
        return None
    return Person.objects.filter(user=user, role__in=Person.Role.writing_roles()).first()


def short_time(moment: datetime) -> str:
    """“3 Dec 2026, 19:09” in the newsroom's time zone: the admin's one format for times."""
    return f"{timezone.localtime(moment):%-d %b %Y, %H:%M}"


def long_time(moment: datetime) -> str:
    """“Thursday 3 December 2026 at 19:09”, in the newsroom's time zone, for messages."""
    return f"{timezone.localtime(moment):%A %-d %B %Y at %H:%M}"
