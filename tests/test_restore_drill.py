"""Backups (transfer/backup.py): the drill a newsroom should run before it needs it. Back
up, lose the database and the files, restore, and the site serves the same pages.

The drill runs on the database the suite runs on: PostgreSQL in CI (pg_dump and
pg_restore, the schema dropped) and SQLite locally (its backup API, every table dropped).
"""

import shutil
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
import time_machine
from django.conf import settings
from django.contrib.sites.models import Site
from django.core.management import call_command
from django.core.management.base import CommandError
from django.db import DatabaseError, connection

from articles.models import Article, Correction
from images.models import Image
from images.services import images_renditions_build

from . import stack
from .factories import ArticleFactory, ImageFactory, PersonFactory, SectionFactory
from .test_export_import import files, originals_root, public_pages

BUILT = datetime(2026, 3, 2, 9, 0, tzinfo=UTC)
READ = BUILT + timedelta(hours=3)


def require_clients() -> None:
    if connection.vendor == "postgresql":
        stack.require(
            bool(shutil.which("pg_dump") and shutil.which("pg_restore")),
            "pg_dump and pg_restore are not installed (postgresql-client)",
        )


def backup_now(directory: Path, *, at: datetime, keep: int = 14) -> Path:
    with time_machine.travel(at, tick=False):
        call_command("backup_newsroom", "--dir", str(directory), "--keep", str(keep), verbosity=0)
    return directory / f"newsroom-{at:%Y%m%dT%H%M%SZ}"


def restore(backup: Path) -> None:
    call_command("restore_newsroom", str(backup), "--no-input", verbosity=0)


def destroy_the_database() -> None:
    """Every table gone, as after a bad migration or a dropped database."""
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute("DROP SCHEMA public CASCADE")
        else:
            cursor.execute("PRAGMA foreign_keys = OFF")
            for table in connection.introspection.table_names(cursor):
                cursor.execute(f'DROP TABLE "{table}"')
            cursor.execute("PRAGMA foreign_keys = ON")


def make_content() -> list[str]:
    """Stories with built photos, a portrait, a translation, a correction and tags;
    returns the addresses of the drafts, which must stay unseen."""
    with time_machine.travel(BUILT, tick=False):
        Site.objects.filter(pk=settings.SITE_ID).update(domain="news.example.org")
        Site.objects.clear_cache()
        world = SectionFactory(name="World", slug="world", translations={"ru": {"name": "Мир"}})
        ada = PersonFactory(name="Ada Lindqvist", slug="ada-lindqvist", photo=ImageFactory())
        story = ArticleFactory(
            headline="Harbour workers end their strike",
            section=world,
            authors=[ada],
            tags=["Harbour"],
            published_at=BUILT - timedelta(hours=2),
        )
        Correction.objects.create(article=story, text="The vote was on Tuesday.")
        ArticleFactory(
            headline="Портовики завершили забастовку",
            language="ru",
            section=world,
            main_image=story.main_image,
            authors=[ada],
            published_at=BUILT - timedelta(hours=1),
        )
        draft = ArticleFactory(
            headline="Not yet", section=world, status=Article.Status.DRAFT, published_at=None
        )
        images_renditions_build(images=Image.objects.all())
    return [draft.get_absolute_url()]


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_restore_drill_brings_back_the_same_site(client, tmp_path):
    require_clients()
    hidden = make_content()
    with time_machine.travel(READ, tick=False):
        before = public_pages(client, extra=hidden)
    media, originals = Path(settings.MEDIA_ROOT), originals_root()
    files_before = (files(media), files(originals))
    backup = backup_now(tmp_path / "backups", at=BUILT + timedelta(hours=1))

    # A bad day: a story deleted, another written, a photo's files lost, a table of a
    # migration gone wrong. The restore puts back the database as backed up, exactly.
    Article.objects.filter(language="ru").delete()
    ArticleFactory(headline="Written after the backup", main_image=None)
    shutil.rmtree(media / "renditions")
    with connection.cursor() as cursor:
        cursor.execute("CREATE TABLE articles_newer_feature (id integer)")
    restore(backup)
    with connection.cursor() as cursor:
        assert "articles_newer_feature" not in connection.introspection.table_names(cursor)
    with time_machine.travel(READ, tick=False):
        assert public_pages(client, extra=hidden) == before

    # A worse one: no database tables and no files at all.
    destroy_the_database()
    shutil.rmtree(media)
    shutil.rmtree(originals)
    with pytest.raises(DatabaseError):
        Article.objects.count()
    restore(backup)
    with time_machine.travel(READ, tick=False):
        after = public_pages(client, extra=hidden)

    assert len(before) > 30
    assert [path for path in before if after.get(path) != before[path]] == []
    assert sorted(after) == sorted(before)
    assert (files(media), files(originals)) == files_before
    # The site goes on: the next story takes a new id, not one of the restored ones.
    newest = Article.objects.order_by("-pk").first().pk
    assert ArticleFactory(main_image=None).pk > newest


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_only_the_newest_backups_are_kept(tmp_path):
    require_clients()
    ArticleFactory(main_image=None)
    made = [backup_now(tmp_path, at=BUILT + timedelta(days=day), keep=2) for day in range(3)]
    (tmp_path / "newsroom-20260101T000000Z.partial").mkdir()  # an interrupted run's

    assert sorted(path.name for path in tmp_path.iterdir()) == [
        "newsroom-20260101T000000Z.partial",
        made[1].name,
        made[2].name,
    ]
    assert sorted(path.name for path in made[2].iterdir()) == [
        "backup.json",
        "database.dump" if connection.vendor == "postgresql" else "database.sqlite3",
        "media.tar",
        "originals.tar",
    ]


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_a_damaged_backup_is_refused_before_anything_changes(tmp_path):
    require_clients()
    ArticleFactory()
    backup = backup_now(tmp_path, at=BUILT)
    damaged = bytearray((backup / "originals.tar").read_bytes())
    damaged[-1000] ^= 0xFF  # one flipped byte: same size, wrong content
    (backup / "originals.tar").write_bytes(damaged)
    story_files = files(originals_root())

    with pytest.raises(CommandError, match=r"originals\.tar is damaged \(its checksum differs\)"):
        restore(backup)
    assert Article.objects.count() == 1
    assert files(originals_root()) == story_files


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_a_backup_of_another_database_kind_or_format_is_refused(tmp_path):
    require_clients()
    backup = backup_now(tmp_path, at=BUILT)
    manifest = backup / "backup.json"
    text = manifest.read_text()
    other = "sqlite" if connection.vendor == "postgresql" else "postgresql"
    manifest.write_text(text.replace(f'"vendor": "{connection.vendor}"', f'"vendor": "{other}"'))

    with pytest.raises(CommandError, match=f"holds a {other} database"):
        restore(backup)
    manifest.write_text(text.replace('"version": 1', '"version": 7'))
    with pytest.raises(CommandError, match="backup format version 7"):
        restore(backup)
    with pytest.raises(CommandError, match="not a Newsroom backup"):
        restore(tmp_path)


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_restore_asks_before_replacing_the_site(tmp_path, monkeypatch):
    require_clients()
    backup = backup_now(tmp_path, at=BUILT)
    monkeypatch.setattr("builtins.input", lambda question: "no")

    with pytest.raises(CommandError, match="Restore cancelled"):
        call_command("restore_newsroom", str(backup), verbosity=0)
