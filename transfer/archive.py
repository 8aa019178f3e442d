"""Our own archive: the newsroom's content as files, to move it to another installation.

`export_archive()` writes it and `import_archive()` loads it into an empty database;
docs/archive-format.md describes format version 1 for anyone reading it without us.
In short: a folder (or the same folder as a .tar.gz) holding `archive.json` (what the
archive is, the site, editions, licences, sections, people, tags and flat pages),
`images.jsonl`, `stories.jsonl` and `redirects.jsonl` (one JSON record a line) and
`media/` (the photos' originals under their storage names).

JSON Lines for the big tables: both sides stream them a chunk at a time with the
standard library, where one JSON array of 100 000 stories can be written in chunks but
not read back without holding all of it (or a streaming parser) in memory.

What is left out, on purpose: logins (users and passwords: each installation makes its
own; people keep their names and bylines), revisions, preview links (signed with the
old site's secret key), view counts, readers' typo reports and the WordPress import's
own bookkeeping. Backups (transfer/backup.py) keep all of those.
"""

import hashlib
import json
import tarfile
import tempfile
import uuid
from collections.abc import Callable, Container, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from pathlib import Path, PurePosixPath

from django.conf import settings
from django.contrib.flatpages.models import FlatPage
from django.contrib.redirects.models import Redirect
from django.contrib.sites.models import Site
from django.core.exceptions import ValidationError
from django.core.files import File
from django.core.management.color import no_style
from django.db import DatabaseError, connection, models, transaction
from django.db.models import Count, Prefetch
from django.utils import timezone
from django.utils.dateparse import parse_date, parse_datetime
from taggit.models import Tag

from articles.models import Article, Byline, Correction, LiveUpdate, TaggedArticle
from articles.sanitize import sanitize_html
from authors.models import Person
from images.models import Image, Licence
from images.storage import originals
from newsroom.editions import all_editions
from newsroom.pagecache import content_changed
from sections.models import Section

FORMAT = "newsroom-archive"
VERSION = 1
# Rows written or read per database round trip; what sits in memory at a time.
CHUNK_SIZE = 1000
MANIFEST, MEDIA = "archive.json", "media"
IMAGES, STORIES, REDIRECTS = "images.jsonl", "stories.jsonl", "redirects.jsonl"

# The fields each record carries, named as on the model (a foreign key holds the id).
LICENCE_FIELDS = ("id", "name", "url", "kind")
IMAGE_FIELDS = (
    "id",
    "file",
    "width",
    "height",
    "file_size",
    "alt_text",
    "caption",
    "creator",
    "source_name",
    "source_url",
    "copyright_holder",
    "licence",
    "focal_x",
    "focal_y",
    "usable_until",
    "created_at",
)
SECTION_FIELDS = (
    "id",
    "name",
    "slug",
    "description",
    "position",
    "show_in_navigation",
    "translations",
    "shows_columnists",
)
PERSON_FIELDS = ("id", "name", "slug", "role", "job_title", "bio", "photo")
TAG_FIELDS = ("id", "name", "slug")
PAGE_FIELDS = (
    "url",
    "title",
    "content",
    "enable_comments",
    "template_name",
    "registration_required",
)
STORY_FIELDS = (
    "id",
    "language",
    "translation_key",
    "headline",
    "slug",
    "lead",
    "body",
    "section",
    "editor",
    "main_image",
    "main_image_caption",
    "is_pinned",
    "status",
    "published_at",
    "expires_at",
    "updated_at",
    "breaking_until",
    "live_from",
    "live_until",
    "created_at",
    "modified_at",
)
CORRECTION_FIELDS = ("id", "published_at", "text")
REDIRECT_FIELDS = ("old_path", "new_path")
LIVE_UPDATE_FIELDS = (
    "id",
    "published_at",
    "title",
    "text",
    "image",
    "is_pinned",
    "created_at",
    "modified_at",
)


class ArchiveError(Exception):
    """The archive cannot be written, read or imported; the message tells the operator why."""


Log = Callable[[str], None]


def _quiet(message: str) -> None:
    pass


# Values to JSON and back.


def _encode(value):
    if isinstance(value, datetime):
        # Full microseconds in UTC (DjangoJSONEncoder keeps milliseconds only): the times
        # order the stories and the live updates, and equal times must stay equal.
        return value.astimezone(UTC).isoformat()
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, uuid.UUID):
        return str(value)
    if isinstance(value, models.fields.files.FieldFile):
        return value.name
    return value


def _record(obj: models.Model, names: Iterable[str]) -> dict:
    return {
        name: _encode(obj._meta.get_field(name).value_from_object(obj))
        for name in names  # value_from_object gives a foreign key's id
    }


def _records_of(queryset, names: Iterable[str]) -> list[dict]:
    return [_record(obj, names) for obj in queryset]


def _decode(model_field: models.Field, value):
    """The archive's value for a model field, checked as the database would not always
    (SQLite ignores lengths): raises ValueError with words for the operator."""
    if value is None:
        if model_field.null:
            return None
        raise ValueError("must have a value (null given)")
    if isinstance(model_field, models.ForeignKey | models.IntegerField):
        if not isinstance(value, int) or isinstance(value, bool):
            raise ValueError(f"a whole number expected, not {value!r}")
        return value
    if isinstance(model_field, models.BooleanField):
        if not isinstance(value, bool):
            raise ValueError(f"true or false expected, not {value!r}")
        return value
    if isinstance(model_field, models.FloatField):
        if not isinstance(value, int | float) or isinstance(value, bool):
            raise ValueError(f"a number expected, not {value!r}")
        return float(value)
    if isinstance(model_field, models.DateTimeField):  # before DateField: a subclass of it
        moment = parse_datetime(value) if isinstance(value, str) else None
        if moment is None or timezone.is_naive(moment):
            raise ValueError(f"a date and time with its UTC offset expected, not {value!r}")
        return moment
    if isinstance(model_field, models.DateField):
        day = parse_date(value) if isinstance(value, str) else None
        if day is None:
            raise ValueError(f"a date (YYYY-MM-DD) expected, not {value!r}")
        return day
    if isinstance(model_field, models.UUIDField):
        if not isinstance(value, str):
            raise ValueError(f"a UUID expected, not {value!r}")
        return uuid.UUID(value)  # its ValueError says what is wrong
    if isinstance(model_field, models.JSONField):
        if not isinstance(value, dict):
            raise ValueError(f"a JSON object expected, not {value!r}")
        return value
    if not isinstance(value, str):
        raise ValueError(f"text expected, not {value!r}")
    if model_field.max_length and len(value) > model_field.max_length:
        raise ValueError(f"longer than {model_field.max_length} characters")
    if model_field.choices and value not in {code for code, _ in model_field.flatchoices}:
        allowed = ", ".join(str(code) for code, _ in model_field.flatchoices)
        raise ValueError(f"{value!r} is not one of {allowed}")
    return value


def _values(model, record, names: Iterable[str], where: str) -> dict:
    """Keyword arguments for model(...) from an archive record: every field must be there."""
    if not isinstance(record, dict):
        raise ArchiveError(f"{where}: a JSON object expected.")
    values = {}
    for name in names:
        if name not in record:
            raise ArchiveError(f"{where}: “{name}” is missing.")
        model_field = model._meta.get_field(name)
        try:
            value = _decode(model_field, record[name])
        except ValueError as error:
            raise ArchiveError(f"{where}: “{name}”: {error}.") from None
        values[model_field.attname] = value
    return values


def _ids(record: dict, name: str, where: str) -> list[int]:
    ids = record.get(name)
    if not isinstance(ids, list) or not all(
        isinstance(pk, int) and not isinstance(pk, bool) for pk in ids
    ):
        raise ArchiveError(f"{where}: “{name}” must be a list of ids.")
    return ids


def _records(record: dict, name: str, where: str) -> list:
    rows = record.get(name)
    if not isinstance(rows, list):
        raise ArchiveError(f"{where}: “{name}” must be a list.")
    return rows


def _sha256(file) -> str:
    digest = hashlib.sha256()
    for block in iter(lambda: file.read(1 << 20), b""):
        digest.update(block)
    return digest.hexdigest()


def _safe_name(name: str, where: str) -> str:
    """A storage name from the archive, refused if it would leave the media folder."""
    path = PurePosixPath(name)
    if not name or path.is_absolute() or ".." in path.parts or "\\" in name or str(path) != name:
        raise ArchiveError(f"{where}: “{name}” is not a file name inside media/.")
    return name


def _chunks(lines: Iterable, size: int) -> Iterator[list]:
    chunk = []
    for line in lines:
        chunk.append(line)
        if len(chunk) == size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


# Export.


@dataclass
class ExportResult:
    path: Path
    counts: dict[str, int]
    # Originals the database names but storage no longer has: their records are in the
    # archive without a file, so the photos come back without renditions.
    missing_files: list[str] = field(default_factory=list)


def export_archive(
    destination: Path, *, chunk_size: int = CHUNK_SIZE, log: Log = _quiet
) -> ExportResult:
    """Write the archive to a new folder, or to a .tar.gz when the name ends so."""
    packed = destination.name.endswith(".tar.gz")
    if destination.exists() and (packed or not destination.is_dir() or any(destination.iterdir())):
        raise ArchiveError(f"{destination} already exists: name a new archive.")
    if not destination.parent.is_dir():
        raise ArchiveError(f"{destination.parent} is not a folder.")
    if not packed:
        destination.mkdir(exist_ok=True)
        return _export_folder(destination, chunk_size, log)
    # Written as a folder beside the target (same disk), packed, then moved into place:
    # a half-written archive never carries the name.
    with tempfile.TemporaryDirectory(dir=destination.parent, prefix=".export-") as work:
        folder = Path(work) / destination.name.removesuffix(".tar.gz")
        folder.mkdir()
        result = _export_folder(folder, chunk_size, log)
        log(f"Packing {destination.name}…")
        partial = Path(work) / destination.name
        # Photos do not compress: a light level saves time on the media, not bytes.
        with tarfile.open(partial, "w:gz", compresslevel=6) as tar:
            tar.add(folder, arcname=folder.name)
        partial.replace(destination)
    result.path = destination
    return result


@contextmanager
def _snapshot() -> Iterator[None]:
    """One consistent view of the database for the whole export while editors work on:
    a story saved meanwhile must not name a photo the archive has already passed."""
    outermost = not connection.in_atomic_block
    with transaction.atomic():
        if outermost and connection.vendor == "postgresql":
            with connection.cursor() as cursor:
                cursor.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY")
        yield


def _export_folder(root: Path, chunk_size: int, log: Log) -> ExportResult:
    result = ExportResult(path=root, counts={})
    with _snapshot():
        result.counts["images"] = _export_images(root, result.missing_files, chunk_size, log)
        result.counts["stories"] = _export_stories(root, chunk_size, log)
        result.counts["redirects"] = _export_redirects(root, chunk_size)
        manifest = _manifest(result.counts)
        result.counts = manifest["counts"]
    (root / MANIFEST).write_text(
        json.dumps(manifest, ensure_ascii=False, indent=1) + "\n", encoding="utf-8"
    )
    return result


def _keyset(queryset, chunk_size: int) -> Iterator[list]:
    """The rows in key order, a chunk per query: no offset that grows with the archive."""
    last = 0
    while chunk := list(queryset.filter(pk__gt=last).order_by("pk")[:chunk_size]):
        yield chunk
        last = chunk[-1].pk


def _export_images(root: Path, missing: list[str], chunk_size: int, log: Log) -> int:
    count = 0
    with (root / IMAGES).open("w", encoding="utf-8") as out:
        for chunk in _keyset(Image.objects.all(), chunk_size):
            for image in chunk:
                record = _record(image, IMAGE_FIELDS)
                record["sha256"] = _copy_original(image.file.name, root / MEDIA, missing)
                out.write(json.dumps(record, ensure_ascii=False) + "\n")
            count += len(chunk)
            log(f"{count} photos")
    return count


def _copy_original(name: str, media: Path, missing: list[str]) -> str | None:
    target = media / name
    target.parent.mkdir(parents=True, exist_ok=True)
    digest = hashlib.sha256()
    try:
        with originals.open(name, "rb") as source, target.open("wb") as copy:
            for block in iter(lambda: source.read(1 << 20), b""):
                digest.update(block)
                copy.write(block)
    except FileNotFoundError:
        target.unlink(missing_ok=True)
        missing.append(name)
        return None
    return digest.hexdigest()


def _export_stories(root: Path, chunk_size: int, log: Log) -> int:
    stories = Article.objects.defer("search_vector").prefetch_related(
        Prefetch("bylines", queryset=Byline.objects.order_by("position", "id")),
        Prefetch("taggedarticle_set", queryset=TaggedArticle.objects.order_by("id")),
        Prefetch("corrections", queryset=Correction.objects.order_by("published_at", "id")),
        Prefetch("live_updates", queryset=LiveUpdate.objects.order_by("published_at", "id")),
    )
    count = 0
    with (root / STORIES).open("w", encoding="utf-8") as out:
        for chunk in _keyset(stories, chunk_size):
            for story in chunk:
                record = _record(story, STORY_FIELDS)
                record["byline"] = [byline.person_id for byline in story.bylines.all()]
                record["tags"] = [item.tag_id for item in story.taggedarticle_set.all()]
                record["corrections"] = [
                    _record(correction, CORRECTION_FIELDS) for correction in story.corrections.all()
                ]
                record["live_updates"] = [
                    _record(update, LIVE_UPDATE_FIELDS) for update in story.live_updates.all()
                ]
                out.write(json.dumps(record, ensure_ascii=False) + "\n")
            count += len(chunk)
            log(f"{count} stories")
    return count


def _export_redirects(root: Path, chunk_size: int) -> int:
    """Old addresses (a WordPress site's, say) and where they lead now."""
    count = 0
    with (root / REDIRECTS).open("w", encoding="utf-8") as out:
        redirects = Redirect.objects.filter(site=Site.objects.get_current())
        for chunk in _keyset(redirects, chunk_size):
            for redirect in chunk:
                out.write(json.dumps(_record(redirect, REDIRECT_FIELDS), ensure_ascii=False) + "\n")
            count += len(chunk)
    return count


def _manifest(counts: dict[str, int]) -> dict:
    site = Site.objects.get_current()
    per_edition = dict(
        Article.objects.order_by().values_list("language").annotate(stories=Count("pk"))
    )
    manifest = {
        "format": FORMAT,
        "version": VERSION,
        "created_at": _encode(timezone.now()),
        "site": {"domain": site.domain, "name": site.name},
        "editions": [
            {"code": edition.code, "name": edition.name, "default": edition.is_default}
            for edition in all_editions()
        ],
        "stories_per_edition": per_edition,
        "licences": _records_of(Licence.objects.order_by("pk"), LICENCE_FIELDS),
        "sections": _records_of(Section.objects.order_by("pk"), SECTION_FIELDS),
        "people": _records_of(Person.objects.order_by("pk"), PERSON_FIELDS),
        "tags": _records_of(Tag.objects.order_by("pk"), TAG_FIELDS),
        "pages": _records_of(FlatPage.objects.filter(sites=site).order_by("url"), PAGE_FIELDS),
    }
    manifest["counts"] = counts | {
        name: len(manifest[name]) for name in ("licences", "sections", "people", "tags", "pages")
    }
    return manifest


# Import.


@dataclass
class ImportResult:
    counts: dict[str, int]
    site: dict


def import_archive(
    source: Path, *, chunk_size: int = CHUNK_SIZE, log: Log = _quiet
) -> ImportResult:
    """Load an archive (folder or .tar.gz) into an empty database, all or nothing.

    Ids are kept, so every story keeps its address (/<section>/<id>-<slug>/) and every
    feed entry its id. Photos come back without renditions: build them afterwards
    (images.services.images_renditions_build; the import command does).
    """
    with _opened(source) as root:
        manifest = _read_manifest(root)
        written: list[str] = []  # originals this import put in storage
        try:
            with transaction.atomic(), _timestamps_kept(Image, Article, LiveUpdate):
                _refuse_unless_empty()
                counts = _import_all(root, manifest, written, chunk_size, log)
                _reset_sequences()
                content_changed()
        except DatabaseError as error:
            _delete(written)
            message = f"The database refused the archive; nothing was imported: {error}"
            raise ArchiveError(message) from error
        except BaseException:
            _delete(written)
            raise
    if connection.vendor == "postgresql" and not connection.in_atomic_block:
        # Fresh statistics for the planner: without them it walked the whole archive for
        # pages that need a few rows (see articles migration 0014).
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE")
    return ImportResult(counts=counts, site=manifest["site"])


@contextmanager
def _opened(source: Path) -> Iterator[Path]:
    """The archive's folder: the one given, or a .tar.gz unpacked beside it (same disk)."""
    if source.is_dir():
        yield source
        return
    if not source.is_file():
        raise ArchiveError(f"{source}: no such file or folder.")
    with tempfile.TemporaryDirectory(dir=source.parent, prefix=".import-") as work:
        unpacked = Path(work)
        try:
            with tarfile.open(source, "r:*") as tar:
                # The "data" filter refuses members that would land outside the folder,
                # links to outside it and device files.
                tar.extractall(unpacked, filter="data")
        except (tarfile.TarError, OSError) as error:
            message = f"{source} is neither an archive folder nor a .tar.gz that unpacks"
            raise ArchiveError(f"{message} ({error}).") from None
        candidates = [unpacked, *(path for path in unpacked.iterdir() if path.is_dir())]
        yield next((path for path in candidates if (path / MANIFEST).is_file()), unpacked)


def _read_manifest(root: Path) -> dict:
    path = root / MANIFEST
    if not path.is_file():
        raise ArchiveError(f"{root} holds no {MANIFEST}: it is not a Newsroom archive.")
    try:
        manifest = json.loads(path.read_text(encoding="utf-8"))
    except (ValueError, UnicodeDecodeError) as error:
        raise ArchiveError(f"{MANIFEST} is not valid JSON: {error}.") from None
    if not isinstance(manifest, dict) or manifest.get("format") != FORMAT:
        said = manifest.get("format") if isinstance(manifest, dict) else None
        raise ArchiveError(
            f"{MANIFEST} says format {said!r}, not {FORMAT!r}: "
            "this is not an archive export_newsroom writes."
        )
    if manifest.get("version") != VERSION:
        raise ArchiveError(
            f"The archive is format version {manifest.get('version')!r}; this Newsroom reads "
            f"version {VERSION} only. Import it with a Newsroom release that knows that version."
        )
    for name in ("site", "stories_per_edition"):
        if not isinstance(manifest.get(name), dict):
            raise ArchiveError(f"{MANIFEST}: “{name}” must be an object.")
    for name in ("licences", "sections", "people", "tags", "pages"):
        if not isinstance(manifest.get(name), list):
            raise ArchiveError(f"{MANIFEST}: “{name}” must be a list.")
    ours = {edition.code for edition in all_editions()}
    per_edition = manifest["stories_per_edition"]
    if foreign := sorted(code for code, count in per_edition.items() if count and code not in ours):
        raise ArchiveError(
            f"The archive has stories in the {', '.join(foreign)} edition(s), which this "
            f"installation does not run (NEWSROOM_EDITIONS={','.join(sorted(ours))}). "
            "Add them to NEWSROOM_EDITIONS, then import again."
        )
    return manifest


def _refuse_unless_empty() -> None:
    held = [
        (Article.objects.count(), "story", "stories"),
        (Section.objects.count(), "section", "sections"),
        (Person.objects.count(), "person", "people"),
        (Image.objects.count(), "photo", "photos"),
        (Tag.objects.count(), "tag", "tags"),
        (FlatPage.objects.count(), "page", "pages"),
        (Redirect.objects.count(), "redirect", "redirects"),
    ]
    if listed := [f"{count} {one if count == 1 else many}" for count, one, many in held if count]:
        raise ArchiveError(
            f"The database already holds {', '.join(listed)}. An archive is imported into an "
            "empty database only (it keeps its ids, so its stories cannot sit beside others): "
            "create a new database and run `manage.py migrate`, or empty this one with "
            "`manage.py flush`."
        )


@contextmanager
def _timestamps_kept(*model_classes) -> Iterator[None]:
    """auto_now and auto_now_add would stamp every imported row with the time of the
    import; the archive's own times are the content's history (a feed entry's id is
    made from its story's created_at: new ones would show every story as new to every
    subscriber). Switched off for the import, which runs alone in its process."""
    stamped = [
        model_field
        for model in model_classes
        for model_field in model._meta.concrete_fields
        if getattr(model_field, "auto_now", False) or getattr(model_field, "auto_now_add", False)
    ]
    flags = [(model_field.auto_now, model_field.auto_now_add) for model_field in stamped]
    for model_field in stamped:
        model_field.auto_now = model_field.auto_now_add = False
    try:
        yield
    finally:
        for model_field, (auto_now, auto_now_add) in zip(stamped, flags, strict=True):
            model_field.auto_now, model_field.auto_now_add = auto_now, auto_now_add


def _import_all(root: Path, manifest: dict, written: list[str], chunk_size: int, log: Log):
    counts = {}
    licences = _import_licences(manifest["licences"])
    image_ids = _import_images(root, licences, written, chunk_size, log)
    counts["images"] = len(image_ids)
    section_ids = _import_rows(Section, manifest["sections"], SECTION_FIELDS, "sections")
    person_ids = _import_rows(
        Person, manifest["people"], PERSON_FIELDS, "people", refs={"photo": image_ids}
    )
    tag_ids = _import_rows(Tag, manifest["tags"], TAG_FIELDS, "tags")
    counts |= {
        "licences": len(licences),
        "sections": len(section_ids),
        "people": len(person_ids),
        "tags": len(tag_ids),
        "pages": _import_pages(manifest["pages"]),
    }
    known = {"image": image_ids, "section": section_ids, "person": person_ids, "tag": tag_ids}
    counts["stories"] = _import_stories(root, known, chunk_size, log)
    counts["redirects"] = _import_redirects(root, chunk_size)
    _import_site(manifest["site"])
    return counts


def _import_licences(rows: list) -> dict[int, int]:
    """Licences are matched by name: a fresh database has the common ones already (a
    data migration), under ids of its own. Returns the archive's id -> ours."""
    ours = {}
    for position, row in enumerate(rows):
        values = _values(Licence, row, LICENCE_FIELDS, f"{MANIFEST}, licence {position + 1}")
        archive_id = values.pop("id")
        licence, _ = Licence.objects.update_or_create(name=values.pop("name"), defaults=values)
        ours[archive_id] = licence.pk
    return ours


def _lines(root: Path, name: str) -> Iterator[tuple[str, object]]:
    """(where, record) for each line of a JSON Lines file of the archive."""
    path = root / name
    if not path.is_file():
        raise ArchiveError(f"The archive has no {name}.")
    with path.open(encoding="utf-8") as lines:
        for number, line in enumerate(lines, start=1):
            where = f"{name}, line {number}"
            try:
                yield where, json.loads(line)
            except ValueError as error:
                raise ArchiveError(f"{where}: not valid JSON ({error}).") from None


def _import_images(
    root: Path, licences: dict[int, int], written: list[str], chunk_size: int, log: Log
) -> set[int]:
    ids: set[int] = set()
    for chunk in _chunks(_lines(root, IMAGES), chunk_size):
        images = []
        for where, record in chunk:
            values = _values(Image, record, IMAGE_FIELDS, where)
            _check_ref(values["licence_id"], licences, "licence", where)
            values["licence_id"] = licences[values["licence_id"]]
            name = _safe_name(values["file"], where)
            if "sha256" not in record:
                raise ArchiveError(f"{where}: “sha256” is missing.")
            values["file"] = _restore_original(root, name, record["sha256"], where, written)
            images.append(Image(**values))
        Image.objects.bulk_create(images)
        ids.update(image.pk for image in images)
        log(f"{len(ids)} photos")
    return ids


def _restore_original(root: Path, name: str, digest, where: str, written: list[str]) -> str:
    """Put the original in storage under its name; returns the name it got."""
    if digest is None:  # missing from the old site's storage when the archive was made
        return name
    source = root / MEDIA / name
    if not source.is_file():
        raise ArchiveError(f"{where}: {MEDIA}/{name} is not in the archive.")
    with source.open("rb") as file:
        if _sha256(file) != digest:
            raise ArchiveError(f"{where}: {MEDIA}/{name} is damaged (its checksum differs).")
        if originals.exists(name):
            with originals.open(name, "rb") as existing:
                if _sha256(existing) == digest:
                    return name  # the same file, left by an earlier attempt or installation
        file.seek(0)
        saved = originals.save(name, File(file, name=name))  # another name if taken
    written.append(saved)
    return saved


def _delete(names: list[str]) -> None:
    for name in names:
        originals.delete(name)


def _check_ref(pk: int | None, known: Container[int], kind: str, where: str) -> None:
    if pk is not None and pk not in known:
        raise ArchiveError(f"{where}: {kind} {pk} is not in the archive.")


def _import_rows(model, rows: list, names: tuple[str, ...], table: str, refs=None) -> set[int]:
    """The small tables: every row validated as the admin would (slugs, reserved names)."""
    objects = []
    for position, row in enumerate(rows):
        where = f"{MANIFEST}, {table} {position + 1}"
        values = _values(model, row, names, where)
        for name, known in (refs or {}).items():
            _check_ref(values[model._meta.get_field(name).attname], known, name, where)
        obj = model(**values)
        try:
            # Foreign keys were checked above, uniqueness the database checks in bulk.
            obj.full_clean(exclude=list(refs or {}), validate_unique=False)
        except ValidationError as error:
            raise ArchiveError(f"{where}: {_words(error)}") from None
        objects.append(obj)
    model.objects.bulk_create(objects)
    return {obj.pk for obj in objects}


def _words(error: ValidationError) -> str:
    if hasattr(error, "message_dict"):
        return "; ".join(f"{name}: {' '.join(texts)}" for name, texts in error.message_dict.items())
    return " ".join(error.messages)


def _import_pages(rows: list) -> int:
    site = Site.objects.get_current()
    for position, row in enumerate(rows):
        values = _values(FlatPage, row, PAGE_FIELDS, f"{MANIFEST}, page {position + 1}")
        FlatPage.objects.create(**values).sites.add(site)
    return len(rows)


def _import_redirects(root: Path, chunk_size: int) -> int:
    site = Site.objects.get_current()
    count = 0
    for chunk in _chunks(_lines(root, REDIRECTS), chunk_size):
        redirects = [
            Redirect(site=site, **_values(Redirect, record, REDIRECT_FIELDS, where))
            for where, record in chunk
        ]
        Redirect.objects.bulk_create(redirects)
        count += len(redirects)
    return count


def _import_site(record: dict) -> None:
    """The public domain and name: absolute addresses in feeds and sitemaps use them."""
    values = _values(Site, record, ("domain", "name"), f"{MANIFEST}, site")
    Site.objects.update_or_create(pk=settings.SITE_ID, defaults=values)
    Site.objects.clear_cache()


def _import_stories(root: Path, known: dict[str, set[int]], chunk_size: int, log: Log) -> int:
    count = 0
    for chunk in _chunks(_lines(root, STORIES), chunk_size):
        stories, bylines, tagged, corrections, updates = [], [], [], [], []
        for where, record in chunk:
            values = _values(Article, record, STORY_FIELDS, where)
            where = f"{where} (story {values['id']})"
            _check_ref(values["section_id"], known["section"], "section", where)
            _check_ref(values["editor_id"], known["person"], "person", where)
            _check_ref(values["main_image_id"], known["image"], "photo", where)
            story = Article(**values)
            story.derive_fields()  # the body sanitised again: an archive is input like any other
            stories.append(story)
            for position, person_id in enumerate(_ids(record, "byline", where)):
                _check_ref(person_id, known["person"], "person", where)
                bylines.append(Byline(article_id=story.pk, person_id=person_id, position=position))
            for tag_id in _ids(record, "tags", where):
                _check_ref(tag_id, known["tag"], "tag", where)
                tagged.append(TaggedArticle(content_object_id=story.pk, tag_id=tag_id))
            for row in _records(record, "corrections", where):
                fix = _values(Correction, row, CORRECTION_FIELDS, f"{where}, a correction")
                corrections.append(Correction(article_id=story.pk, **fix))
            for row in _records(record, "live_updates", where):
                update = _values(LiveUpdate, row, LIVE_UPDATE_FIELDS, f"{where}, a live update")
                _check_ref(update["image_id"], known["image"], "photo", where)
                update["text"] = sanitize_html(update["text"])  # as LiveUpdate.save() does
                updates.append(LiveUpdate(article_id=story.pk, **update))
        Article.objects.bulk_create(stories)
        Byline.objects.bulk_create(bylines)
        TaggedArticle.objects.bulk_create(tagged)
        Correction.objects.bulk_create(corrections)
        LiveUpdate.objects.bulk_create(updates)
        count += len(stories)
        log(f"{count} stories")
    return count


def _reset_sequences() -> None:
    """Rows came with their ids: the next story made in the admin must not take one."""
    statements = connection.ops.sequence_reset_sql(
        no_style(),
        [
            Licence,
            Image,
            Section,
            Person,
            Tag,
            Article,
            Byline,
            TaggedArticle,
            Correction,
            LiveUpdate,
        ],
    )
    with connection.cursor() as cursor:
        for statement in statements:
            cursor.execute(statement)
