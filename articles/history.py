"""A story's revisions: what each one held beyond the story's own row, and what changed,
in words an editor reads.

django-simple-history copies the story's row at every save (HistoricalArticle). Bylines,
tags, corrections and preview links live in other tables, so every revision also keeps a
small JSON record of them (`RevisionRecord`). JSON rather than simple-history's
`m2m_fields`: that option follows a ManyToManyField's own through rows and copies them when
the story row is saved, which is before the admin saves its inlines, and it cannot follow
taggit's TaggableManager at all; a list in the revision keeps the byline's order, survives
a person or tag being renamed, and is filled again once everything of a save is written.

`describe()` turns a revision and the one before it into a `Revision`: a word-by-word
difference for the headline, lead and body (the body compared as paragraphs and headings
of text, never as HTML tags) and one plain line for everything else. Every value stays a
plain string; the templates escape it.
"""

from __future__ import annotations

import difflib
from dataclasses import dataclass, field
from datetime import datetime
from html.parser import HTMLParser

from django.core.exceptions import ObjectDoesNotExist
from django.db import models
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.text import Truncator, capfirst
from taggit.models import Tag

from authors.models import Person

TIME_FORMAT = "D j M Y, H:i"  # "Mon 30 Nov 2026, 14:32"
# Unchanged words kept either side of a change; longer unchanged runs are elided.
CONTEXT_WORDS = 8
TEXT_FIELDS = ("headline", "lead", "body")
# Fields a revision never reports: bookkeeping, or shown by the revision's own line.
UNREPORTED = {"id", "created_at", "modified_at", "version", "search_vector"}
LABELS = {
    "main_image": "Photo",
    "main_image_caption": "Photo caption",
    "is_pinned": "Pinned as top story",
    "slug": "Address (slug)",
}
EMPTY = {
    "main_image": "no photo",
    "main_image_caption": "the photo's own caption",
    "editor": "none",
    "published_at": "not set",
    "expires_at": "not set",
    "updated_at": "not set",
}
NOT_RECORDED = "not recorded"
# A story's publication: a restore leaves it as it is now.
PUBLICATION_FIELDS = ("status", "published_at", "expires_at", "updated_at", "is_pinned")
SUMMARY = ("section", "byline", "tags", "editor", "main_image")
FIRST_SUMMARY = ("status", "section", "byline", "tags")
READING_ORDER = (
    "status",
    "published_at",
    "expires_at",
    "updated_at",
    "section",
    "byline",  # and the tags: not fields of the story's row
    "editor",
    "main_image",
    "main_image_caption",
    "is_pinned",
    "slug",
)


def newsroom_time(moment: datetime) -> str:
    """A moment as the newsroom reads it: its own time zone, whole minutes."""
    return date_format(timezone.localtime(moment, timezone.get_default_timezone()), TIME_FORMAT)


# What a revision records beyond the story's row ---------------------------------------


def related_snapshot(article_id: int) -> dict[str, list]:
    """The story's byline (in order), tags, corrections and preview links as they are now."""
    from .models import Byline, Correction, PreviewLink, TaggedArticle  # models import us

    bylines = (
        Byline.objects.filter(article_id=article_id)
        .order_by("position", "id")
        .values_list("person_id", "person__name")
    )
    tags = (
        TaggedArticle.objects.filter(content_object_id=article_id)
        .order_by("tag__name")
        .values_list("tag_id", "tag__name")
    )
    corrections = (
        Correction.objects.filter(article_id=article_id)
        .order_by("published_at", "id")
        .values_list("id", "published_at", "text")
    )
    previews = (
        PreviewLink.objects.filter(article_id=article_id)
        .order_by("created_at", "id")
        .values_list("id", "expires_at", "revoked")
    )
    return {
        "byline_snapshot": [{"id": pk, "name": name} for pk, name in bylines],
        "tag_snapshot": [{"id": pk, "name": name} for pk, name in tags],
        "correction_snapshot": [
            {"id": pk, "date": when.isoformat(), "text": text} for pk, when, text in corrections
        ],
        "preview_snapshot": [
            {"id": pk, "expires": expires.isoformat(), "revoked": revoked}
            for pk, expires, revoked in previews
        ],
    }


def record_related_since(history_model, article_id: int, after_history_id: int | None) -> None:
    """Give the revisions written since `after_history_id` the story's related rows as they
    are now: the admin saves its inlines after the story's row, so only now are they final."""
    revisions = history_model.objects.filter(id=article_id)
    if after_history_id is not None:
        revisions = revisions.filter(history_id__gt=after_history_id)
    revisions.update(**related_snapshot(article_id))


def latest_history_id(history_model, article_id: int) -> int | None:
    return (
        history_model.objects.filter(id=article_id)
        .order_by("-history_id")
        .values_list("history_id", flat=True)
        .first()
    )


class RevisionRecord(models.Model):
    """The base of HistoricalArticle: a revision's byline, tags, corrections and preview
    links. Null on revisions saved before these were recorded: "not recorded"."""

    byline_snapshot = models.JSONField(
        null=True, blank=True, editable=False, help_text="[{id, name}] in byline order."
    )
    tag_snapshot = models.JSONField(
        null=True, blank=True, editable=False, help_text="[{id, name}] by name."
    )
    correction_snapshot = models.JSONField(
        null=True, blank=True, editable=False, help_text="[{id, date, text}] oldest first."
    )
    preview_snapshot = models.JSONField(
        null=True, blank=True, editable=False, help_text="[{id, expires, revoked}]."
    )

    class Meta:
        abstract = True

    def save(self, *args, **kwargs):
        # simple-history writes a revision from the story's post_save, whoever saved it
        # (the admin, a service, a script): the one place that sees every revision.
        if self._state.adding and self.history_type != "-" and self.byline_snapshot is None:
            for name, value in related_snapshot(self.id).items():
                setattr(self, name, value)
        super().save(*args, **kwargs)

    @property
    def related_recorded(self) -> bool:
        return self.byline_snapshot is not None

    def restore_related(self, article) -> list[str]:
        """Put back this revision's byline (in its order) and tags; say what could not be.

        Never wipes: a revision that did not record them, or recorded no byline, leaves the
        story's as they are. Corrections and preview links are left alone: a printed
        correction is not withdrawn, and a link already sent out is switched off by hand.
        """
        from .models import Byline

        if not self.related_recorded:
            return [
                "This version did not record its byline and tags, so the current ones were kept."
            ]
        notes = []
        wanted = self.byline_snapshot or []
        people = Person.objects.in_bulk([entry["id"] for entry in wanted])
        kept = [people[entry["id"]] for entry in wanted if entry["id"] in people]
        if gone := [entry["name"] for entry in wanted if entry["id"] not in people]:
            notes.append(
                f"No longer in the list of people, so left off the byline: {', '.join(gone)}."
            )
        if kept:
            article.bylines.all().delete()
            Byline.objects.bulk_create(
                Byline(article=article, person=person, position=position)
                for position, person in enumerate(kept)
            )
        if self.tag_snapshot is not None:
            tags = Tag.objects.in_bulk([entry["id"] for entry in self.tag_snapshot])
            # A tag deleted since comes back by its name.
            article.tags.set(
                [tags.get(entry["id"]) or entry["name"] for entry in self.tag_snapshot]
            )
        return notes


def current_state(history_model, article):
    """The story as it is now, as an unsaved revision: what a restore is compared with."""
    row = {f.attname: getattr(article, f.attname) for f in history_model.tracked_fields}
    return history_model(**row, **related_snapshot(article.pk))


# Text differences --------------------------------------------------------------------


@dataclass(frozen=True)
class Words:
    """A run of words: kept ("same"), removed ("del"), added ("ins"), or a run of unchanged
    words left out ("gap")."""

    kind: str
    text: str = ""


@dataclass(frozen=True)
class Block:
    """A paragraph of a difference: "paragraph", "heading", "item", "quote", or "gap" for
    unchanged paragraphs left out."""

    kind: str
    words: tuple[Words, ...] = ()


GAP = Block("gap")


@dataclass(frozen=True)
class TextChange:
    field: str
    label: str
    blocks: tuple[Block, ...]


def diff_words(old: str, new: str, *, context: int | None = CONTEXT_WORDS) -> tuple[Words, ...]:
    """Word by word; unchanged runs longer than twice `context` keep only their ends."""
    chunks = _word_chunks(old.split(), new.split())
    runs: list[Words] = []
    for index, (changed, before, after) in enumerate(chunks):
        if changed:
            if before:
                runs.append(Words("del", " ".join(before)))
            if after:
                runs.append(Words("ins", " ".join(after)))
            continue
        first, last = index == 0, index == len(chunks) - 1
        head = [] if first else before[:context]
        tail = [] if last else before[-context:] if context else []
        if context is None or len(before) <= len(head) + len(tail) + 1:
            runs.append(Words("same", " ".join(before)))
            continue
        if head:
            runs.append(Words("same", " ".join(head)))
        runs.append(Words("gap"))
        if tail:
            runs.append(Words("same", " ".join(tail)))
    return tuple(runs)


def _word_chunks(old: list[str], new: list[str]) -> list[tuple[bool, list[str], list[str]]]:
    """(changed, old words, new words) in order. A word or two left standing between two
    rewrites ("move [cars] to higher ground" → "leave their [cars] on the ring road") reads
    as noise: it is folded into one rewrite, as diff-match-patch's semantic cleanup does."""
    matcher = difflib.SequenceMatcher(a=old, b=new, autojunk=False)
    chunks = [
        (tag != "equal", old[i1:i2], new[j1:j2]) for tag, i1, i2, j1, j2 in matcher.get_opcodes()
    ]
    index = 1
    while index < len(chunks) - 1:
        before, same, after = chunks[index - 1 : index + 2]
        short = len(same[1]) <= min(max(map(len, before[1:])), max(map(len, after[1:])))
        if before[0] and not same[0] and after[0] and short:
            chunks[index - 1 : index + 2] = [
                (True, before[1] + same[1] + after[1], before[2] + same[2] + after[2])
            ]
            index = max(index - 1, 1)
        else:
            index += 1
    return chunks


class _TextBlocks(HTMLParser):
    """A body's text as (kind, text) paragraphs; markup other than blocks is dropped."""

    KINDS = {
        "p": "paragraph",
        "h2": "heading",
        "h3": "heading",
        "h4": "heading",
        "li": "item",
        "blockquote": "quote",
        "figcaption": "paragraph",
        "caption": "paragraph",
        "th": "paragraph",
        "td": "paragraph",
    }

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.blocks: list[tuple[str, str]] = []
        self.open: list[str] = []
        self.text: list[str] = []

    def handle_starttag(self, tag, attrs):
        if tag in self.KINDS:
            self.flush()
            self.open.append(self.KINDS[tag])
        elif tag == "br":
            self.text.append(" ")

    def handle_endtag(self, tag):
        if tag in self.KINDS:
            self.flush()
            if self.open:
                self.open.pop()

    def handle_data(self, data):
        self.text.append(data)

    def flush(self):
        text = " ".join("".join(self.text).split())
        self.text = []
        if not text:
            return
        # A paragraph inside a list item or a quote reads as the item or the quote.
        kind = next(
            (k for k in ("quote", "item") if k in self.open),
            self.open[-1] if self.open else "paragraph",
        )
        self.blocks.append((kind, text))


def text_blocks(html: str) -> list[tuple[str, str]]:
    parser = _TextBlocks()
    parser.feed(html or "")
    parser.close()
    parser.flush()
    return parser.blocks


def _alike(old: tuple[str, str], new: tuple[str, str]) -> bool:
    """The same paragraph edited, rather than one replaced by another."""
    if old[0] != new[0]:
        return False
    matcher = difflib.SequenceMatcher(a=old[1].split(), b=new[1].split(), autojunk=False)
    return matcher.ratio() >= 0.4


def diff_blocks(old_html: str, new_html: str) -> tuple[Block, ...]:
    """Paragraph by paragraph, then word by word within an edited paragraph."""
    old, new = text_blocks(old_html), text_blocks(new_html)
    blocks: list[Block] = []

    def removed(block):
        blocks.append(Block(block[0], (Words("del", block[1]),)))

    def added(block):
        blocks.append(Block(block[0], (Words("ins", block[1]),)))

    for tag, i1, i2, j1, j2 in difflib.SequenceMatcher(a=old, b=new, autojunk=False).get_opcodes():
        if tag == "equal":
            if not blocks or blocks[-1] is not GAP:
                blocks.append(GAP)
            continue
        olds, news, next_new = old[i1:i2], new[j1:j2], 0
        for block in olds:
            match = next((k for k in range(next_new, len(news)) if _alike(block, news[k])), None)
            if match is None:
                removed(block)
                continue
            for inserted in news[next_new:match]:
                added(inserted)
            blocks.append(Block(news[match][0], diff_words(block[1], news[match][1])))
            next_new = match + 1
        for inserted in news[next_new:]:
            added(inserted)
    return tuple(blocks)


# Revisions in words ------------------------------------------------------------------


@dataclass(frozen=True)
class FieldChange:
    """One line: "Status: Draft → Ready for review" (old and new), or a label and a note
    ("Correction added: …", "Preview link created")."""

    field: str
    label: str
    old: str | None = None
    new: str | None = None
    note: str = ""


@dataclass
class Revision:
    record: models.Model
    when: str
    who: str
    kind: str
    texts: list[TextChange] = field(default_factory=list)
    fields: list[FieldChange] = field(default_factory=list)
    is_current: bool = False

    @property
    def related_recorded(self) -> bool:
        return self.record.related_recorded

    @property
    def changed_nothing(self) -> bool:
        return not self.texts and not self.fields


def who_saved(user) -> str:
    """The name an editor knows a colleague by: their byline name, else their login."""
    if user is None:
        return "Unknown (saved outside the admin)"
    try:
        person = user.person
    except ObjectDoesNotExist:
        person = None
    return (person.name if person else "") or user.get_full_name() or user.get_username()


def shown(record, name: str) -> str:
    """A field's value of a revision as a short plain phrase: no raw ids, no microseconds."""
    model_field = record.instance_type._meta.get_field(name)
    value = getattr(record, model_field.attname)
    if value is None or value == "":
        return EMPTY.get(name, "empty")
    if model_field.choices:
        return str(dict(model_field.flatchoices).get(value, value))
    if isinstance(model_field, models.ForeignKey):
        try:
            related = getattr(record, name)
        except ObjectDoesNotExist:
            related = None
        if related is None:
            return f"a deleted {model_field.related_model._meta.verbose_name}"
        return Truncator(str(related)).chars(90)
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, datetime):
        return newsroom_time(value)
    return Truncator(str(value)).chars(120)


def names(entries: list[dict] | None, empty: str = "none") -> str:
    if entries is None:
        return NOT_RECORDED
    return ", ".join(entry["name"] for entry in entries) or empty


def field_label(record, name: str) -> str:
    return LABELS.get(name) or capfirst(record.instance_type._meta.get_field(name).verbose_name)


def text_changes(old, new) -> list[TextChange]:
    changes = []
    for name in TEXT_FIELDS:
        before, after = getattr(old, name) or "", getattr(new, name) or ""
        if before == after:
            continue
        if name == "body":
            blocks = diff_blocks(before, after)
        else:
            context = None if name == "headline" else CONTEXT_WORDS
            blocks = (Block("paragraph", diff_words(before, after, context=context)),)
        if any(block.kind != "gap" for block in blocks):  # markup alone is not a change
            changes.append(TextChange(name, field_label(new, name), blocks))
    return changes


def field_changes(old, new) -> list[FieldChange]:
    reported = [
        f.name
        for f in new.tracked_fields
        if f.editable and f.name not in UNREPORTED and f.name not in TEXT_FIELDS
    ]
    changes = []
    for name in sorted([*reported, "byline"], key=_reading_order):
        if name == "byline":
            changes += byline_and_tag_changes(old, new)
            continue
        attname = new.instance_type._meta.get_field(name).attname
        if getattr(old, attname) == getattr(new, attname):
            continue
        # A change no one can see (a time moved by its seconds when a form saved it in
        # whole ones) is none: "14:32 → 14:32" would only puzzle.
        if (before := shown(old, name)) != (after := shown(new, name)):
            changes.append(FieldChange(name, field_label(new, name), before, after))
    return changes + correction_changes(old, new) + preview_changes(old, new)


def _reading_order(name: str) -> int:
    """The order a desk reads a story's settings; fields added later come last."""
    return READING_ORDER.index(name) if name in READING_ORDER else len(READING_ORDER)


def byline_and_tag_changes(old, new) -> list[FieldChange]:
    changes = []
    if old.byline_snapshot != new.byline_snapshot and new.byline_snapshot is not None:
        before = names(old.byline_snapshot, "nobody")
        after = names(new.byline_snapshot, "nobody")
        if before != after:  # a person renamed since is the same byline
            changes.append(FieldChange("byline", "Byline", before, after))
    if new.tag_snapshot is None or old.tag_snapshot == new.tag_snapshot:
        return changes
    if old.tag_snapshot is None:
        return [*changes, FieldChange("tags", "Tags", NOT_RECORDED, names(new.tag_snapshot))]
    before = {entry["name"] for entry in old.tag_snapshot}
    after = {entry["name"] for entry in new.tag_snapshot}
    added = [entry["name"] for entry in new.tag_snapshot if entry["name"] not in before]
    removed = [entry["name"] for entry in old.tag_snapshot if entry["name"] not in after]
    if added and removed:
        note = f"{'; '.join(added)}; removed: {'; '.join(removed)}"
        changes.append(FieldChange("tags", "Tags added", note=note))
    elif added:
        changes.append(FieldChange("tags", "Tags added", note="; ".join(added)))
    elif removed:
        changes.append(FieldChange("tags", "Tags removed", note="; ".join(removed)))
    return changes


def _by_id(entries: list[dict] | None) -> dict[int, dict]:
    return {entry["id"]: entry for entry in entries or ()}


def _short(text: str) -> str:
    return Truncator(" ".join(text.split())).chars(160)


def correction_changes(old, new) -> list[FieldChange]:
    if old.correction_snapshot is None or new.correction_snapshot is None:
        return []  # not recorded on one side: nothing can be said
    before, after = _by_id(old.correction_snapshot), _by_id(new.correction_snapshot)
    changes = []
    for pk, entry in after.items():
        if pk not in before:
            changes.append(
                FieldChange("corrections", "Correction added", note=_short(entry["text"]))
            )
        elif before[pk]["text"] != entry["text"]:
            changes.append(
                FieldChange(
                    "corrections",
                    "Correction edited",
                    _short(before[pk]["text"]),
                    _short(entry["text"]),
                )
            )
    for pk, entry in before.items():
        if pk not in after:
            changes.append(
                FieldChange("corrections", "Correction removed", note=_short(entry["text"]))
            )
    return changes


def _until(entry: dict) -> str:
    return f"valid until {newsroom_time(datetime.fromisoformat(entry['expires']))}"


def preview_changes(old, new) -> list[FieldChange]:
    if old.preview_snapshot is None or new.preview_snapshot is None:
        return []
    before, after = _by_id(old.preview_snapshot), _by_id(new.preview_snapshot)
    changes = []
    for pk, entry in after.items():
        was = before.get(pk)
        if was is None:
            changes.append(FieldChange("previews", "Preview link created", note=_until(entry)))
        elif entry["revoked"] and not was["revoked"]:
            changes.append(FieldChange("previews", "Preview link switched off"))
        elif was["revoked"] and not entry["revoked"]:
            changes.append(FieldChange("previews", "Preview link switched back on"))
        elif was["expires"] != entry["expires"]:
            changes.append(FieldChange("previews", "Preview link now", note=_until(entry)))
    if removed := len(set(before) - set(after)):
        label = "Preview link deleted" if removed == 1 else f"{removed} preview links deleted"
        changes.append(FieldChange("previews", label))
    return changes


def summary(record, names_: tuple[str, ...] = SUMMARY) -> list[FieldChange]:
    """What a revision held, one line each: for the first revision known (nothing before
    it to compare with) and for the version shown before a restore."""
    lines = []
    for name in names_:
        if name == "byline":
            lines.append(FieldChange(name, "Byline", note=names(record.byline_snapshot, "nobody")))
        elif name == "tags":
            lines.append(FieldChange(name, "Tags", note=names(record.tag_snapshot)))
        else:
            lines.append(FieldChange(name, field_label(record, name), note=shown(record, name)))
    return lines


KINDS = {"+": "Created", "~": "Changed", "-": "Deleted"}


def restored_from(record) -> str:
    """The reason a restore gives for the revision it writes."""
    when, who = newsroom_time(record.history_date), who_saved(record.history_user)
    return f"Restored the version saved {when} by {who}"


def describe(record, previous=None) -> Revision:
    """A revision in words, against the revision before it (None: the first one known)."""
    revision = Revision(
        record=record,
        when=newsroom_time(record.history_date),
        who=who_saved(record.history_user),
        kind=record.history_change_reason or KINDS.get(record.history_type, "Changed"),
    )
    if record.history_type == "-":
        return revision
    if previous is None:
        if record.history_type != "+":
            revision.kind = "Earliest recorded version"
        revision.fields = summary(record, FIRST_SUMMARY)
        return revision
    revision.texts = text_changes(previous, record)
    revision.fields = field_changes(previous, record)
    return revision


def compare(current, record) -> Revision:
    """What restoring `record` would change in the story as it is now (`current_state()`):
    its content; its publication, corrections and preview links stay as they are."""
    revision = describe(record)
    revision.texts = text_changes(current, record)
    kept = {*PUBLICATION_FIELDS, "corrections", "previews"}  # a restore leaves them be
    revision.fields = [
        change for change in field_changes(current, record) if change.field not in kept
    ]
    return revision
