"""Moving in from WordPress: an export (WXR) becomes stories, people, sections, tags,
photos and redirects from the old addresses.

The file is read twice, each time as a stream (transfer.wxr): first for what posts refer
to (authors, categories, and the attachments, which may come after the posts using them
as featured image: only their few words and file names are kept), then for the posts.

Every WordPress item is remembered as an ImportedItem, so a second run finds what the
first made: an unchanged post is left alone, a changed one updated in place (a revision
of the story, bumping its version), a story editors have changed here since is left as
they left it. Posts are saved in batches of BATCH_SIZE, one transaction each, and each
post in a savepoint of its own: a post that cannot be saved is reported and rolled back
whole, and the others of its batch go in.
"""

import csv
import hashlib
import html
import json
import time
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from urllib.parse import unquote, urlsplit

from django.conf import settings
from django.contrib.redirects.models import Redirect
from django.core.exceptions import ValidationError
from django.core.files import File
from django.db import DataError, IntegrityError, models, transaction
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.encoding import escape_uri_path
from django.utils.functional import cached_property
from django.utils.text import Truncator, slugify
from taggit.models import Tag

from articles.history import latest_history_id, record_related_since
from articles.models import Article, Byline, TaggedArticle
from articles.sanitize import sanitize_html
from authors.models import Person
from images.forms import PhotoField, embedded_credit
from images.models import Image, Licence
from images.services import image_saved
from newsroom.pagecache import content_changed
from sections.models import RESERVED_SLUGS, Section

from .bodies import BodyReport, lead_and_body, plain_text, wordpress_body
from .models import ImportedItem
from .phpserial import PHPSerialError, php_unserialize
from .wxr import Author, Item, Site, Term, WXRError, read_wxr

BATCH_SIZE = 200
CHANGE_REASON = "Imported from WordPress"
# WordPress statuses that are nothing a reader or an editor is waiting for.
SKIPPED_STATUSES = {
    "trash": "in the WordPress trash",
    "auto-draft": "an auto-draft (WordPress saved it by itself)",
    "inherit": "a revision",
}
# Redirect.old_path's length: longer old addresses cannot be redirected.
OLD_PATH_MAX = Redirect._meta.get_field("old_path").max_length
NOTES_SHOWN = 20


class SectionMapError(ValueError):
    """The --sections file cannot be used; the message says why."""


def category_key(slug: str) -> str:
    """WordPress keeps non-Latin slugs percent-encoded (%d0%bc…): compared decoded."""
    return unquote(slug).strip().lower()


def read_section_map(path: Path) -> dict[str, str]:
    """WordPress category slug → our section slug, from a CSV file (two columns, an optional
    header row) or a JSON object. Every named section must exist."""
    try:
        text = Path(path).read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as error:
        raise SectionMapError(f"cannot read {path}: {error}") from None
    if Path(path).suffix.lower() == ".json":
        try:
            pairs = json.loads(text)
        except json.JSONDecodeError as error:
            raise SectionMapError(f"{path} is not valid JSON: {error}") from None
        if not isinstance(pairs, dict) or not all(
            isinstance(value, str) for value in pairs.values()
        ):
            raise SectionMapError(
                f'{path} must hold one object, {{"wordpress-category": "our-section"}}'
            )
        rows = list(pairs.items())
    else:
        rows = []
        for number, row in enumerate(csv.reader(text.splitlines()), start=1):
            cells = [cell.strip() for cell in row]
            if not any(cells) or cells[0].startswith("#"):
                continue
            if len(cells) != 2:
                raise SectionMapError(
                    f"{path}, line {number}: expected two columns (WordPress category slug, "
                    f"section slug), found {len(cells)}"
                )
            if number == 1 and cells[1].lower() in ("section", "section slug", "section_slug"):
                continue  # a header row
            rows.append((cells[0], cells[1]))
    mapping = {category_key(wordpress): ours.strip() for wordpress, ours in rows}
    known = set(Section.objects.filter(slug__in=mapping.values()).values_list("slug", flat=True))
    if missing := sorted(set(mapping.values()) - known):
        raise SectionMapError(
            f"{path} names sections that do not exist: {', '.join(missing)} "
            "(create them in the admin first, or leave the category out to have it created)"
        )
    return mapping


@dataclass
class Outcomes:
    """What became of one kind of thing: counts by outcome, skips by reason, and notes."""

    counts: Counter = field(default_factory=Counter)
    skipped: Counter = field(default_factory=Counter)
    notes: list[str] = field(default_factory=list)

    def add(self, outcome: str, note: str = "") -> None:
        self.counts[outcome] += 1
        if note:
            self.notes.append(note)

    def skip(self, reason: str, note: str = "") -> None:
        self.skipped[reason] += 1
        if note:
            self.notes.append(note)

    def summary(self, label: str) -> list[str]:
        done = ", ".join(
            f"{self.counts[outcome]} {outcome}"
            for outcome in ("created", "updated", "unchanged", "matched")
            if self.counts[outcome] or outcome in ("created", "updated")
        )
        lines = [f"{label}: {done}, {sum(self.skipped.values())} skipped"]
        lines += [f"    skipped, {reason}: {count}" for reason, count in self.skipped.most_common()]
        lines += [f"    {note}" for note in self.notes[:NOTES_SHOWN]]
        if len(self.notes) > NOTES_SHOWN:
            lines.append(f"    … and {len(self.notes) - NOTES_SHOWN} more")
        return lines


@dataclass
class ImportReport:
    site: Site = field(default_factory=Site)
    posts: int = 0  # items in the export but attachments: posts, pages, menus …
    stories: Outcomes = field(default_factory=Outcomes)
    people: Outcomes = field(default_factory=Outcomes)
    sections: Outcomes = field(default_factory=Outcomes)
    tags: Outcomes = field(default_factory=Outcomes)
    photos: Outcomes = field(default_factory=Outcomes)
    redirects: Outcomes = field(default_factory=Outcomes)
    # Stories imported or updated, by what they are here: scheduled, drafts …
    story_states: Counter = field(default_factory=Counter)
    bodies: Counter = field(default_factory=Counter)
    seconds: float = 0.0

    @property
    def stories_per_second(self) -> float:
        saved = self.stories.counts["created"] + self.stories.counts["updated"]
        return saved / self.seconds if self.seconds else 0.0

    def lines(self) -> list[str]:
        if self.stories_per_second or not self.seconds:
            speed = f"{self.stories_per_second:.0f} stories saved a second"
        else:  # a run that found everything as it was
            speed = f"{self.posts / self.seconds:.0f} posts checked a second"
        lines = [
            f"Imported from {self.site.address or 'WordPress'} in {self.seconds:.1f} s ({speed}).",
            *self.stories.summary("Stories"),
        ]
        if self.story_states:
            lines.append(
                "    of those saved: "
                + ", ".join(
                    f"{count} {state}" for state, count in sorted(self.story_states.items())
                )
            )
        for label, outcomes in (
            ("People", self.people),
            ("Sections", self.sections),
            ("Tags", self.tags),
            ("Photos", self.photos),
            ("Redirects", self.redirects),
        ):
            lines += outcomes.summary(label)
        if self.bodies:
            lines.append(
                "Bodies, through our allow-list: "
                + ", ".join(f"{count} {what}" for what, count in sorted(self.bodies.items()))
            )
        to_review = ImportedItem.objects.from_site(self.site.address).licence_to_review().count()
        if to_review:
            lines.append(
                f"Photos with a licence to review: {to_review}. WordPress exports no licence, "
                "so they are “All rights reserved” until checked: admin › Items imported "
                "from WordPress › licence to review."
            )
        return lines


@dataclass
class Attachment:
    """The little an attachment's story needs, kept from the first reading of the file."""

    post_id: int
    file: str
    title: str
    caption: str
    alt: str
    credit: str
    copyright: str

    @classmethod
    def from_item(cls, item: Item) -> "Attachment":
        image_meta = {}
        if raw := item.meta.get("_wp_attachment_metadata", ""):
            try:
                data = php_unserialize(raw)
            except PHPSerialError:
                data = {}  # damaged metadata: the photo is still usable, credit unknown
            if isinstance(data, dict) and isinstance(data.get("image_meta"), dict):
                image_meta = data["image_meta"]
        return cls(
            post_id=item.post_id,
            file=item.meta.get("_wp_attached_file", ""),
            title=plain_text(item.title),
            caption=plain_text(item.excerpt),
            alt=plain_text(item.meta.get("_wp_attachment_image_alt", "")),
            credit=plain_text(str(image_meta.get("credit") or "")),
            copyright=plain_text(str(image_meta.get("copyright") or "")),
        )


class SkipPost(Exception):
    """A post left out, and why."""


def wordpress_time(value: str) -> datetime | None:
    """WordPress's 'YYYY-MM-DD HH:MM:SS' in UTC; its zero date ('0000-00-00 …') is None."""
    try:
        return datetime.strptime(value.strip(), "%Y-%m-%d %H:%M:%S").replace(tzinfo=UTC)
    except ValueError:
        return None


def local_path(url: str) -> str:
    """An old address as Django's request.get_full_path() spells the request for it."""
    parts = urlsplit(url.strip())
    path = escape_uri_path(unquote(parts.path or "/"))
    return f"{path}?{parts.query}" if parts.query else path


def unique_slug(model: type[models.Model], base: str, *, taken: frozenset = frozenset()) -> str:
    """base, or base-2, base-3 … : the first no row of the model has and not in taken."""
    max_length = model._meta.get_field("slug").max_length
    base = base[: max_length - 4].strip("-") or "wordpress"
    candidate, number = base, 1
    while candidate in taken or model.objects.filter(slug=candidate).exists():
        number += 1
        candidate = f"{base}-{number}"
    return candidate


class WordPressImport:
    """One import of one export file. run() does it and returns the report."""

    def __init__(
        self,
        path: Path | str,
        *,
        media_dir: Path | str | None = None,
        section_map: dict[str, str] | None = None,
        edition: str | None = None,
        batch_size: int = BATCH_SIZE,
        progress: Callable[[int, int, float], None] | None = None,
    ):
        self.path = Path(path)
        self.media_dir = Path(media_dir).resolve() if media_dir else None
        self.section_map = section_map or {}
        self.edition = edition or settings.LANGUAGE_CODE
        self.batch_size = batch_size
        self.progress = progress
        self.report = ImportReport()
        self.authors: dict[str, Author] = {}
        self.categories: dict[str, Term] = {}  # by category_key(slug)
        self.category_ids: dict[str, str] = {}  # term_id → category_key(slug)
        self.attachments: dict[int, Attachment] = {}
        # What this run has resolved already: one lookup per author, category, tag, photo.
        self.people: dict[str, Person | None] = {}
        self.section_cache: dict[str, Section] = {}
        self.tag_cache: dict[str, Tag] = {}
        self.photo_cache: dict[str, Image | None] = {}
        self.site_id = settings.SITE_ID

    @property
    def source(self) -> str:
        return self.report.site.address

    # The two readings -----------------------------------------------------------------

    def run(self) -> ImportReport:
        started = time.monotonic()
        self.scan()  # a file that is not a whole export is refused here, before any save
        batch: list[Item] = []
        done = 0
        try:
            for record in read_wxr(self.path):
                if not isinstance(record, Item) or record.post_type == "attachment":
                    continue
                batch.append(record)
                if len(batch) >= self.batch_size:
                    done += self.import_batch(batch)
                    batch = []
                    if self.progress:
                        self.progress(done, self.report.posts, time.monotonic() - started)
        except WXRError as error:
            raise WXRError(
                f"{error}; the file changed during the import: the {done} posts before "
                "were saved, run the import again on the whole file"
            ) from None
        if batch:
            done += self.import_batch(batch)
        self.report.seconds = time.monotonic() - started
        if self.progress:
            self.progress(done, self.report.posts, self.report.seconds)
        return self.report

    def scan(self) -> None:
        """First reading: the site, its authors and categories, the attachments' words."""
        for record in read_wxr(self.path):
            if isinstance(record, Site):
                self.report.site = record
                if not record.address:
                    raise WXRError("the export names no site address (channel <link>)")
            elif isinstance(record, Author):
                self.authors[record.login] = record
            elif isinstance(record, Term) and record.taxonomy == "category":
                self.categories[category_key(record.slug)] = record
                self.category_ids[record.term_id] = category_key(record.slug)
            elif isinstance(record, Item):
                if record.post_type == "attachment":
                    self.attachments[record.post_id] = Attachment.from_item(record)
                else:
                    self.report.posts += 1

    def import_batch(self, items: list[Item]) -> int:
        with transaction.atomic():
            for item in items:
                self.import_item(item)
                # The allow-list keeps the last 512 bodies for pages that print the same
                # ones again; an import meets each body once, and long bodies kept by the
                # hundred made the peak memory follow the export's size.
                sanitize_html.cache_clear()
            # Once the batch is committed, readers' pages (and cached 404s of the old
            # addresses now redirected) are rendered afresh.
            content_changed()
        return len(items)

    # One post -------------------------------------------------------------------------

    def import_item(self, item: Item) -> None:
        stories = self.report.stories
        label = f"#{item.post_id} “{Truncator(plain_text(item.title)).chars(60)}”"
        if item.post_type != "post":
            reason = (
                "a page (pages are not stories: make them flat pages)"
                if item.post_type == "page"
                else f"of type “{item.post_type}”"
            )
            stories.skip(reason)
            return
        if item.status in SKIPPED_STATUSES:
            stories.skip(SKIPPED_STATUSES[item.status])
            return
        try:
            self.import_post(item, label)
        except SkipPost as skipped:
            reason, _, detail = str(skipped).partition(": ")
            stories.skip(reason, f"{label}: {detail or reason}")
        except ValidationError as error:
            stories.skip("invalid", f"{label}: {' '.join(dict.fromkeys(error.messages))}")
        except (IntegrityError, DataError) as error:
            stories.skip("refused by the database", f"{label}: {error}")

    def fingerprint(self, item: Item) -> str:
        """Everything of the post this import reads, and the choices it was made with."""
        key = [
            item.title,
            item.link,
            item.creator,
            item.content,
            item.excerpt,
            item.post_date,
            item.post_date_gmt,
            item.post_name,
            item.status,
            bool(item.password),
            item.terms,
            item.meta.get("_thumbnail_id", ""),
            item.meta.get("_yoast_wpseo_primary_category", ""),
            self.edition,
            self.section_map.get(self.primary_category(item) or ""),
            self.media_dir is not None,
        ]
        return hashlib.sha256(json.dumps(key).encode()).hexdigest()

    def import_post(self, item: Item, label: str) -> None:
        stories = self.report.stories
        record = (
            ImportedItem.objects.from_site(self.source)
            .filter(kind=ImportedItem.Kind.POST, wordpress_id=str(item.post_id))
            .first()
        )
        article = None
        if record is not None:
            article = Article.objects.select_for_update().filter(pk=record.object_id).first()
        fingerprint = self.fingerprint(item)
        if article is not None:
            if record.fingerprint == fingerprint:
                stories.add("unchanged")
                return
            if article.version != record.version:
                raise SkipPost(
                    "edited here since the last import, left as editors left it: "
                    f"version {record.version} then, {article.version} now"
                )

        status, published_at, state = self.publication(item)
        person = self.person_for(item.creator)
        section = self.section_for(item)
        tags = self.tags_for(item, section_category=self.primary_category(item))
        photo, photo_failed = self.photo_for(item, label)
        body, body_report = wordpress_body(item.content)
        lead, body = lead_and_body(excerpt=item.excerpt, body=body)
        headline = plain_text(item.title) or Truncator(lead).words(12)
        if not headline or not (body or lead):
            raise SkipPost("empty: no title and no text")

        created = article is None
        with transaction.atomic():
            if created:
                article = Article(language=self.edition)
            revisions_before = (
                None if created else latest_history_id(Article.history.model, article.pk)
            )
            article.headline = Truncator(headline).chars(200)
            article.slug = slugify(unquote(item.post_name), allow_unicode=True)[:200]
            article.lead = lead
            article.body = body or f"<p>{html.escape(lead)}</p>"
            article.section = section
            article.status = status
            article.published_at = published_at
            if photo is not None or not photo_failed:
                article.main_image = photo  # a photo that failed now keeps the one it had
            article._change_reason = CHANGE_REASON  # the revision says where it came from
            article.full_clean()
            article.save()
            if created:  # a new story's byline and tags: one insert each, nothing to compare
                if person is not None:
                    Byline.objects.create(article=article, person=person, position=0)
                TaggedArticle.objects.bulk_create(
                    TaggedArticle(content_object=article, tag=tag) for tag in tags
                )
            else:
                article.set_byline([person] if person else [])
                article.tags.set(tags)
            # The revision just written recorded the byline and tags before they were set.
            record_related_since(Article.history.model, article.pk, revisions_before)
            self.point_redirects(item, article)
            if record is None:
                record = ImportedItem(
                    source=self.source, kind=ImportedItem.Kind.POST, wordpress_id=str(item.post_id)
                )
            record.object_id, record.fingerprint = article.pk, fingerprint
            record.version = article.version
            record.save()
        stories.add("created" if created else "updated")
        if state:
            self.report.story_states[state] += 1
        self.count_body(body_report)

    def publication(self, item: Item) -> tuple[str, datetime | None, str]:
        """Our status and publication time for the post's, and what to call the result."""
        published_at = wordpress_time(item.post_date_gmt)
        if published_at is None and (local := wordpress_time(item.post_date)):
            # No UTC time (older WordPress, some drafts): its local time, read in ours.
            published_at = timezone.make_aware(local.replace(tzinfo=None))
        if item.password:
            # Our site has no password-protected stories: not public until an editor says.
            return Article.Status.DRAFT, None, "password-protected (now drafts)"
        if item.status == "publish":
            if published_at is None:
                raise SkipPost("no publication date: the post has no date WordPress could read")
            return Article.Status.PUBLISHED, published_at, "published"
        if item.status == "future":
            if published_at is None:
                raise SkipPost("no publication date: a scheduled post without its time")
            state = "scheduled" if published_at > timezone.now() else "published (schedule passed)"
            return Article.Status.PUBLISHED, published_at, state
        if item.status == "pending":
            return Article.Status.REVIEW, None, "ready for review"
        if item.status == "private":
            return Article.Status.DRAFT, None, "private (now drafts)"
        if item.status == "draft":
            return Article.Status.DRAFT, None, "drafts"
        raise SkipPost(f"status “{item.status}”: not a WordPress status we know")

    def count_body(self, report: BodyReport) -> None:
        for what, count in (
            ("scripts removed", report.scripts),
            ("embeds made links", report.embeds_linked),
            ("embeds removed (no web address)", report.embeds_dropped),
            (
                "inline images removed (the featured image is the story's photo)",
                report.images_dropped,
            ),
            ("gallery/audio/video shortcodes removed", report.media_dropped),
        ):
            if count:
                self.report.bodies[what] += count

    # People ---------------------------------------------------------------------------

    def person_for(self, login: str) -> Person | None:
        """The post's author as a Person (an author with no login here: no password)."""
        if not login:
            return None
        if login in self.people:
            return self.people[login]
        person = self.remembered(ImportedItem.Kind.AUTHOR, login, Person)
        if person is not None:
            self.report.people.add("unchanged")
        else:
            author = self.authors.get(login) or Author(login=login)
            name = (
                author.display_name or f"{author.first_name} {author.last_name}".strip() or login
            )[:120]
            person = Person.objects.filter(name=name).first()
            if person is not None:
                self.report.people.add("matched", f"{name}: the person of that name here")
            else:
                with transaction.atomic():
                    base = slugify(name) or slugify(login) or "author"
                    person = Person(name=name, slug=unique_slug(Person, base))
                    person.full_clean()
                    person.save()
                self.report.people.add("created")
            self.remember(ImportedItem.Kind.AUTHOR, login, person)
            with translation.override(self.edition):
                self.point(f"/author/{slugify(login)}/", to=person.get_absolute_url())
        self.people[login] = person
        return person

    # Sections and tags ----------------------------------------------------------------

    def primary_category(self, item: Item) -> str | None:
        """The category that becomes the section: Yoast's primary one, else the first."""
        categories = [category_key(slug) for domain, slug, _ in item.terms if domain == "category"]
        primary = self.category_ids.get(item.meta.get("_yoast_wpseo_primary_category", ""))
        if primary in categories:
            return primary
        return categories[0] if categories else None

    def section_for(self, item: Item) -> Section:
        key = self.primary_category(item)
        if key is None:
            raise SkipPost("no category: map the post to a section by giving it a category")
        if key in self.section_cache:
            return self.section_cache[key]
        name = next(
            (
                html.unescape(text)
                for domain, slug, text in item.terms
                if domain == "category" and category_key(slug) == key
            ),
            key,
        )
        term = self.categories.get(key) or Term("category", "", key, name)
        outcomes = self.report.sections
        if key in self.section_map:
            section = Section.objects.get(slug=self.section_map[key])
            outcomes.add("matched", f"{term.name} → {section.slug} (--sections)")
        elif (section := self.remembered(ImportedItem.Kind.CATEGORY, key, Section)) is not None:
            outcomes.add("unchanged")
        else:
            section = self.new_or_matching_section(term)
        self.remember(ImportedItem.Kind.CATEGORY, key, section)
        self.section_cache[key] = section
        with translation.override(self.edition):
            self.point(f"/category/{self.category_path(key)}/", to=section.get_absolute_url())
        return section

    def new_or_matching_section(self, term: Term) -> Section:
        """The section of the category's slug or name, or a new one, hidden from the
        navigation (which editors arrange) until an editor shows it."""
        outcomes = self.report.sections
        name = html.unescape(term.name or category_key(term.slug))[:80]
        base = slugify(category_key(term.slug)) or slugify(name)
        same = models.Q(name__iexact=name)
        if base and base not in RESERVED_SLUGS:
            same |= models.Q(slug=base)
        if (section := Section.objects.filter(same).first()) is not None:
            outcomes.add("matched", f"{name} → {section.slug} (the section of that name here)")
            return section
        if base in RESERVED_SLUGS or not base:
            why = f"“{base}” is one of the site's own addresses" if base else "no Latin slug"
            slug = unique_slug(
                Section, base or f"category-{term.term_id or 'wp'}", taken=RESERVED_SLUGS
            )
            note = f"{name}: {why}, so its section is /{slug}/ (rename it or use --sections)"
        else:
            slug = unique_slug(Section, base)
            note = ""
        with transaction.atomic():
            section = Section(
                name=name,
                slug=slug,
                description=plain_text(term.description),
                show_in_navigation=False,
                position=(Section.objects.aggregate(last=models.Max("position"))["last"] or 0) + 1,
            )
            if self.edition != settings.LANGUAGE_CODE:
                section.translations = {
                    self.edition: {"name": name, "description": section.description}
                }
            section.full_clean()
            section.save()
        outcomes.add("created", note)
        return section

    def category_path(self, key: str) -> str:
        """The category's address below /category/ on WordPress: parents first."""
        parts, seen = [], set()
        while key and key not in seen:
            seen.add(key)
            parts.append(escape_uri_path(key))
            term = self.categories.get(key)
            key = category_key(term.parent) if term and term.parent else ""
        return "/".join(reversed(parts))

    def tags_for(self, item: Item, *, section_category: str | None) -> list[Tag]:
        """The post's tags, and its other categories as tags (a story has one section)."""
        terms = {
            html.unescape(text).strip(): (domain, slug)
            for domain, slug, text in item.terms
            if domain == "post_tag"
            or (domain == "category" and category_key(slug) != section_category)
        }
        tags = []
        for name, (domain, slug) in terms.items():
            if not name:
                continue
            tag = self.tag_cache.get(name.lower())
            if tag is None:
                tag = Tag.objects.filter(name__iexact=name).first()
                if tag is not None:
                    self.report.tags.add("matched")
                else:
                    with transaction.atomic():
                        tag = Tag.objects.create(name=name[:100])
                    self.report.tags.add("created")
                self.tag_cache[name.lower()] = tag
                if domain == "post_tag" and slug:
                    with translation.override(self.edition):
                        self.point(
                            f"/tag/{escape_uri_path(category_key(slug))}/",
                            to=reverse("articles:tag", kwargs={"slug": tag.slug}),
                        )
            if tag not in tags:  # "Harbour" and "harbour" are one tag here
                tags.append(tag)
        return tags

    # Photos ---------------------------------------------------------------------------

    def photo_for(self, item: Item, label: str) -> tuple[Image | None, bool]:
        """The post's featured image as our photo, and whether it had one that failed.

        A photo is imported once, whichever posts use it, and never changed by a later
        import: editors may have set its licence and credit since.
        """
        thumbnail = item.meta.get("_thumbnail_id", "").strip()
        if not thumbnail.isdigit():
            return None, False
        if thumbnail in self.photo_cache:
            photo = self.photo_cache[thumbnail]
            return photo, photo is None
        photo = self.remembered(ImportedItem.Kind.ATTACHMENT, thumbnail, Image)
        if photo is not None:
            self.report.photos.add("unchanged")
        else:
            try:
                photo = self.import_photo(thumbnail, item)
            except SkipPost as skipped:
                reason, _, detail = str(skipped).partition(": ")
                self.report.photos.skip(reason, f"{label}: imported without its photo, {detail}")
        self.photo_cache[thumbnail] = photo
        return photo, photo is None

    def import_photo(self, thumbnail: str, item: Item) -> Image:
        attachment = self.attachments.get(int(thumbnail))
        if attachment is None:
            raise SkipPost(
                "not in the export: its featured image (WordPress #"
                f"{thumbnail}) is not in the file; export “All content” to include it"
            )
        if self.media_dir is None:
            raise SkipPost("no --media-dir: the photo files were not given")
        path = (self.media_dir / attachment.file).resolve()
        if not attachment.file or not path.is_relative_to(self.media_dir):
            raise SkipPost(f"no file: “{attachment.file}” is not a file in the media folder")
        if not path.is_file():
            raise SkipPost(f"file missing: {attachment.file} is not in {self.media_dir}")
        with open(path, "rb") as handle:
            try:
                upload = PhotoField().clean(File(handle, name=path.name))
            except ValidationError as error:
                raise SkipPost(
                    f"not a usable photo: {attachment.file}: {' '.join(error.messages)}"
                ) from None
            embedded = embedded_credit(upload.image)
            creator = attachment.credit or embedded.get("creator", "")
            source = embedded.get("source_name", "") or (
                "" if creator else self.report.site.title or self.source
            )
            holder = attachment.copyright or embedded.get("copyright_holder", "")
            missing = [] if attachment.alt else ["alt text (the caption or title stands in)"]
            if not (attachment.credit or embedded.get("creator")):
                missing.append("credit")
            handle.seek(0)
            with transaction.atomic():
                photo = Image(
                    file=File(handle, name=path.name),
                    alt_text=(
                        attachment.alt
                        or attachment.caption
                        or attachment.title
                        or plain_text(item.title)
                        or "Photo"
                    )[:300],
                    caption=attachment.caption[:400],
                    creator=creator[:200],
                    source_name=source[:200],
                    copyright_holder=(holder or creator or source)[:200],
                    licence=self.unknown_licence,
                )
                photo.full_clean()
                photo.save()
                image_saved(image=photo)  # renditions by the worker, once committed
                self.remember(
                    ImportedItem.Kind.ATTACHMENT,
                    thumbnail,
                    photo,
                    licence_to_review=True,
                    note=f"Missing in WordPress: {', '.join(missing)}." if missing else "",
                )
        self.report.photos.add("created")
        return photo

    @cached_property
    def unknown_licence(self) -> Licence:
        licence, _ = Licence.objects.get_or_create(
            kind=Licence.Kind.ALL_RIGHTS_RESERVED, name="All rights reserved"
        )
        return licence

    # Bookkeeping ----------------------------------------------------------------------

    def remembered(self, kind: str, wordpress_id: str, model: type[models.Model]):
        """What an earlier import made of the item, if it is still here."""
        record = (
            ImportedItem.objects.from_site(self.source)
            .filter(kind=kind, wordpress_id=wordpress_id)
            .values_list("object_id", flat=True)
            .first()
        )
        return None if record is None else model.objects.filter(pk=record).first()

    def remember(self, kind: str, wordpress_id: str, obj: models.Model, **fields) -> None:
        ImportedItem.objects.update_or_create(
            source=self.source,
            kind=kind,
            wordpress_id=wordpress_id,
            defaults={"object_id": obj.pk, **fields},
        )

    # Redirects ------------------------------------------------------------------------

    def point_redirects(self, item: Item, article: Article) -> None:
        """The post's old addresses (its permalink and /?p=<id>) lead to the story, if
        WordPress showed it to readers; otherwise no old address reveals where it is."""
        old_paths = {f"/?p={item.post_id}"}
        if item.link:
            old_paths.add(local_path(item.link))
        old_paths.discard("/")
        if article.status == Article.Status.PUBLISHED and item.status == "publish":
            self.point(*old_paths, to=article.get_absolute_url())
        else:
            Redirect.objects.filter(site_id=self.site_id, old_path__in=old_paths).delete()

    def point(self, *old_paths: str, to: str) -> None:
        """Redirects from the old addresses to `to`: one query to read them, one to add
        the missing ones (the caller's savepoint makes it all or nothing)."""
        outcomes = self.report.redirects
        wanted = []
        for old_path in old_paths:
            if len(old_path) > OLD_PATH_MAX:
                outcomes.skip(f"old address longer than {OLD_PATH_MAX} characters", old_path)
            elif old_path != to:  # the same address here needs no redirect
                wanted.append(old_path)
        existing = {
            redirect.old_path: redirect
            for redirect in Redirect.objects.filter(site_id=self.site_id, old_path__in=wanted)
        }
        missing = []
        for old_path in sorted(wanted):
            redirect = existing.get(old_path)
            if redirect is None:
                missing.append(Redirect(site_id=self.site_id, old_path=old_path, new_path=to))
                outcomes.add("created")
            elif redirect.new_path != to:
                redirect.new_path = to
                redirect.save(update_fields=["new_path"])
                outcomes.add("updated")
            else:
                outcomes.add("unchanged")
        # No signal from bulk_create: import_batch's content_changed() retires cached 404s.
        Redirect.objects.bulk_create(missing)


def wordpress_import(
    *,
    path: Path | str,
    media_dir: Path | str | None = None,
    section_map: dict[str, str] | None = None,
    edition: str | None = None,
    batch_size: int = BATCH_SIZE,
    progress: Callable[[int, int, float], None] | None = None,
) -> ImportReport:
    """Import a WordPress export; see the module's docstring. Raises WXRError, having
    saved nothing, for a file that is not a whole export."""
    return WordPressImport(
        path,
        media_dir=media_dir,
        section_map=section_map,
        edition=edition,
        batch_size=batch_size,
        progress=progress,
    ).run()
