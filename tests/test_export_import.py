"""Our own archive (transfer/archive.py): export, then import into an empty database, gives
the same site; a bad archive is refused with a message and leaves nothing behind."""

import hashlib
import json
import re
import shutil
import uuid
from datetime import UTC, datetime, timedelta
from pathlib import Path
from urllib.parse import urlsplit

import pytest
import time_machine
from bs4 import BeautifulSoup
from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.contrib.flatpages.models import FlatPage
from django.contrib.redirects.models import Redirect
from django.contrib.sites.models import Site
from django.core.cache import cache
from django.core.management import call_command
from django.core.management.base import CommandError
from django.db import connection
from django.test.utils import CaptureQueriesContext

from articles.models import Article, Correction, LiveUpdate
from images.models import Image, Licence
from images.services import images_renditions_build
from transfer.archive import export_archive

from .factories import ArticleFactory, ImageFactory, LicenceFactory, PersonFactory, SectionFactory

pytestmark = pytest.mark.django_db

BUILT = datetime(2026, 3, 2, 9, 0, tzinfo=UTC)
READ = BUILT + timedelta(hours=3)  # both renderings happen at this instant
IMPORTED = BUILT + timedelta(days=30)  # the new installation is made a month later
# Where a reader starts; every public link from there is followed.
START = [
    "/",
    "/ru/",
    "/de/",
    "/news/",
    "/authors/",
    "/archive/",
    "/corrections/",
    "/sitemap.xml",
    "/rss/",
    "/atom/",
    "/robots.txt",
]
NOT_PAGES = ("/admin/", "/static/", "/media/", "/views/", "/typos/")
# A WordPress site's addresses, redirected to the story (transfer/redirects.py).
OLD_ADDRESSES = ["/2019/05/harbour-strike/", "/?p=12"]


def public_pages(client, *, extra=(), limit=250) -> dict[str, tuple[int, str, bytes]]:
    """Status, redirect target and bytes of every page a reader or a crawler reaches from
    the editions' home pages, feeds and sitemaps (links, <link> tags, sitemap <loc>s)."""
    cache.clear()  # shared blocks kept from an earlier rendering would hide a difference
    pages: dict[str, tuple[int, str, bytes]] = {}
    waiting = [*START, *extra]
    while waiting and len(pages) < limit:
        path = waiting.pop(0)
        if path in pages:
            continue
        response = client.get(path)
        pages[path] = (response.status_code, response.get("Location", ""), response.content)
        if response.status_code != 200:
            continue
        if "html" in response["Content-Type"]:
            soup = BeautifulSoup(response.content, "html.parser")
            links = [tag["href"] for tag in soup.find_all(["a", "link"], href=True)]
        else:  # feeds and sitemaps
            links = re.findall(r"<(?:loc|link)>([^<]+)</", response.content.decode())
            links += re.findall(r'<link[^>]* href="([^"]+)"', response.content.decode())
        for link in links:
            address = urlsplit(link)
            local = address.path + (f"?{address.query}" if address.query else "")
            if address.netloc in ("", "testserver", Site.objects.get_current().domain) and (
                local.startswith("/") and not local.startswith(NOT_PAGES)
            ):
                waiting.append(local)
    return pages


def files(root: Path) -> dict[str, str]:
    """Every file under the folder, by its path there, with its SHA-256."""
    return {
        str(path.relative_to(root)): hashlib.sha256(path.read_bytes()).hexdigest()
        for path in sorted(root.rglob("*"))
        if path.is_file()
    }


def originals_root() -> Path:
    return Path(settings.STORAGES["originals"]["OPTIONS"]["location"])


def empty_the_installation() -> None:
    """What a new installation has: no rows (manage.py flush) and no files."""
    if connection.vendor == "postgresql":
        # The test's transaction holds the deferred foreign key checks of the rows it
        # wrote; TRUNCATE refuses to run over pending checks, so they are run now.
        with connection.cursor() as cursor:
            cursor.execute("SET CONSTRAINTS ALL IMMEDIATE")
    call_command("flush", interactive=False, verbosity=0)
    ContentType.objects.clear_cache()
    Site.objects.clear_cache()
    shutil.rmtree(settings.MEDIA_ROOT, ignore_errors=True)
    shutil.rmtree(originals_root(), ignore_errors=True)


@pytest.fixture
def site(django_user_model):
    """Two editions with a translation, credited photos (one under all rights reserved,
    one whose rights ran out), a byline of two in a deliberate order, an editor, tags,
    a correction, a live story with updates, a breaking banner, a scheduled story, a
    draft, an expired story, a flat page, old addresses redirected, and a site name and
    domain of its own. Returns the addresses no link leads to."""
    with time_machine.travel(BUILT, tick=False):
        Site.objects.filter(pk=settings.SITE_ID).update(domain="news.example.org", name="Harbour")
        Site.objects.clear_cache()
        world = SectionFactory(
            name="World",
            slug="world",
            translations={"ru": {"name": "Мир", "description": "Новости мира."}},
        )
        sport = SectionFactory(name="Sport", slug="sport", show_in_navigation=False)
        reserved = LicenceFactory(
            name="Used with permission", url="", kind=Licence.Kind.ALL_RIGHTS_RESERVED
        )
        cranes = ImageFactory(focal_x=0.2, focal_y=0.7)
        stadium = ImageFactory(
            licence=reserved,
            copyright_holder="Northern Sports Agency",
            caption="The new stand",
            alt_text="Seats of a football stadium",
        )
        portrait = ImageFactory(alt_text="Ada Lindqvist", caption="")
        ImageFactory(usable_until=(BUILT - timedelta(days=1)).date(), caption="Rights ran out")
        ada = PersonFactory(
            name="Ada Lindqvist",
            slug="ada-lindqvist",
            photo=portrait,
            user=django_user_model.objects.create_user("ada", password="not exported"),
        )
        ben = PersonFactory(name="Ben Okafor", slug="ben-okafor")
        editor = PersonFactory(name="Cora Milne", slug="cora-milne", role="editor")
        key = uuid.uuid4()
        strike = ArticleFactory(
            headline="Harbour workers end their strike",
            section=world,
            main_image=cranes,
            main_image_caption="Cranes idle on the last day of the strike",
            authors=[ben, ada],
            editor=editor,
            tags=["Harbour", "Strikes"],
            translation_key=key,
            published_at=BUILT - timedelta(hours=5),
            updated_at=BUILT - timedelta(hours=1),
            is_pinned=True,
        )
        Correction.objects.create(
            article=strike,
            published_at=BUILT - timedelta(minutes=30),
            text="An earlier version misspelt the harbour master's name.",
        )
        ArticleFactory(
            headline="Портовики завершили забастовку",
            slug="портовики-завершили-забастовку",
            language="ru",
            section=world,
            main_image=cranes,
            authors=[ada],
            tags=["Гавань"],
            translation_key=key,
            published_at=BUILT - timedelta(hours=4),
        )
        ArticleFactory(
            headline="Hafenarbeiter stimmen ab",
            language="de",
            section=world,
            main_image=None,
            authors=[ben],
            published_at=BUILT - timedelta(hours=6),
        )
        live = ArticleFactory(
            headline="Cup final, live",
            section=sport,
            main_image=stadium,
            authors=[ben],
            tags=["Football"],
            published_at=BUILT - timedelta(hours=2),
            live_from=BUILT - timedelta(hours=2),
            breaking_until=BUILT + timedelta(hours=6),
        )
        LiveUpdate.objects.create(
            article=live,
            published_at=BUILT - timedelta(minutes=90),
            title="Kick-off",
            text="The teams are out.\n\nA full stadium.",
            image=stadium,
        )
        LiveUpdate.objects.create(
            article=live,
            published_at=BUILT - timedelta(minutes=20),
            text="<p>Half time: <strong>1–0</strong>.</p>",
            is_pinned=True,
        )
        ArticleFactory(
            headline="Old rights, no photo",
            section=world,
            main_image=Image.objects.get(caption="Rights ran out"),
            authors=[ada],
            published_at=BUILT - timedelta(days=3),
        )
        hidden = [
            ArticleFactory(
                headline="Scheduled for tomorrow",
                section=world,
                main_image=None,
                published_at=BUILT + timedelta(days=1),
            ),
            ArticleFactory(
                headline="Still a draft",
                section=world,
                main_image=None,
                status=Article.Status.DRAFT,
                published_at=None,
            ),
            ArticleFactory(
                headline="Embargo over",
                section=sport,
                main_image=None,
                published_at=BUILT - timedelta(days=2),
                expires_at=BUILT - timedelta(days=1),
            ),
        ]
        FlatPage.objects.create(
            url="/about/", title="About us", content="<p>A harbour town's paper.</p>"
        ).sites.add(Site.objects.get_current())
        for old_path in OLD_ADDRESSES:
            Redirect.objects.create(
                site=Site.objects.get_current(),
                old_path=old_path,
                new_path=strike.get_absolute_url(),
            )
        images_renditions_build(images=Image.objects.all())  # as the worker would have
    return [story.get_absolute_url() for story in hidden] + OLD_ADDRESSES


def test_an_exported_site_imported_into_an_empty_database_serves_the_same_pages(
    client, site, tmp_path
):
    with time_machine.travel(READ, tick=False):
        before = public_pages(client, extra=site)
    renditions_before = files(Path(settings.MEDIA_ROOT))
    originals_before = files(originals_root())
    stories_before = sorted(Article.objects.values_list("pk", "status", "headline"))
    archive = tmp_path / "newsroom.tar.gz"
    call_command("export_newsroom", str(archive), verbosity=0)

    empty_the_installation()
    # A new installation has the common licences already (a data migration), under ids
    # of its own: the archive's are matched to them by name.
    LicenceFactory(name="Public domain", url="", kind=Licence.Kind.PUBLIC_DOMAIN)
    LicenceFactory()
    with time_machine.travel(IMPORTED, tick=False):
        call_command("import_newsroom", str(archive), verbosity=0)
    with time_machine.travel(READ, tick=False):
        after = public_pages(client, extra=site)

    # Nothing ignored: every page, feed and sitemap is the same to the byte (the times a
    # feed entry's id is made of, the photos' rendition addresses, the translations'
    # links, the byline's order, the site's domain in absolute addresses).
    assert len(before) > 100
    assert sorted(after) == sorted(before)
    assert [path for path in before if after[path] != before[path]] == []
    assert sum(status == 404 for status, _, _ in before.values()) >= 3  # stayed hidden
    assert sum(status == 301 for status, _, _ in before.values()) >= 2  # old addresses
    assert files(Path(settings.MEDIA_ROOT)) == renditions_before  # rebuilt, identical
    assert files(originals_root()) == originals_before
    assert sorted(Article.objects.values_list("pk", "status", "headline")) == stories_before


def test_the_next_story_written_after_an_import_takes_a_new_id(site, tmp_path):
    newest = Article.objects.order_by("-pk").first().pk
    export_archive(tmp_path / "archive")
    empty_the_installation()
    call_command("import_newsroom", str(tmp_path / "archive"), "--skip-renditions", verbosity=0)

    assert ArticleFactory(main_image=None).pk > newest


def test_logins_stay_behind_and_people_keep_their_names(site, tmp_path):
    export_archive(tmp_path / "archive")
    written = (tmp_path / "archive" / "archive.json").read_text()
    empty_the_installation()
    call_command("import_newsroom", str(tmp_path / "archive"), "--skip-renditions", verbosity=0)

    assert "ada" not in re.findall(r'"username": "([^"]*)"', written)
    assert "password" not in written
    ada = Article.objects.get(headline="Harbour workers end their strike").bylines.last().person
    assert (ada.name, ada.user) == ("Ada Lindqvist", None)


def test_exporting_more_stories_takes_no_more_queries(tmp_path):
    def queries_for(stories: int) -> int:
        Article.objects.all().delete()
        for _ in range(stories):
            ArticleFactory(main_image=None, tags=["Harbour"])
        Site.objects.clear_cache()
        with CaptureQueriesContext(connection) as queries:
            export_archive(tmp_path / f"archive-{stories}")
        return len(queries)

    assert queries_for(2) == queries_for(6)


# Bad archives: refused, with the reason, and nothing left behind.


@pytest.fixture
def exported(tmp_path):
    """A small site exported to a folder, then the database and files emptied."""
    ArticleFactory(headline="One story", tags=["Harbour"])
    export_archive(tmp_path / "archive")
    empty_the_installation()
    return tmp_path / "archive"


def edit(folder: Path, name: str, change) -> None:
    """Rewrite one JSON file of the archive (archive.json, or each line of a .jsonl)."""
    path = folder / name
    if name.endswith(".jsonl"):
        lines = [change(json.loads(line)) for line in path.read_text().splitlines()]
        path.write_text("".join(json.dumps(line) + "\n" for line in lines))
    else:
        path.write_text(json.dumps(change(json.loads(path.read_text()))))


def refusal(folder: Path) -> str:
    with pytest.raises(CommandError) as refused:
        call_command("import_newsroom", str(folder), "--skip-renditions", verbosity=0)
    assert not Article.objects.exists() and not Image.objects.exists()
    assert not originals_root().exists() or files(originals_root()) == {}
    return str(refused.value)


def test_a_database_with_stories_is_refused(exported):
    ArticleFactory(main_image=None)

    with pytest.raises(CommandError, match=r"already holds 1 story, 1 section, .*empty database"):
        call_command("import_newsroom", str(exported), verbosity=0)


def test_an_unknown_version_is_refused(exported):
    edit(exported, "archive.json", lambda manifest: manifest | {"version": 2})

    assert "format version 2; this Newsroom reads version 1 only" in refusal(exported)


def test_something_else_is_not_taken_for_an_archive(exported, tmp_path):
    (tmp_path / "notes.tar.gz").write_text("not a tar")
    edit(exported, "archive.json", lambda manifest: manifest | {"format": "wordpress"})

    assert "neither an archive folder nor a .tar.gz" in refusal(tmp_path / "notes.tar.gz")
    assert "not an archive export_newsroom writes" in refusal(exported)


def test_stories_of_an_edition_this_installation_does_not_run_are_refused(exported):
    edit(exported, "archive.json", lambda manifest: manifest | {"stories_per_edition": {"fr": 1}})

    assert "stories in the fr edition" in refusal(exported)


def test_a_damaged_photo_is_refused_and_no_file_is_left(exported):
    photo = next((exported / "media").rglob("*.jpg"))
    photo.write_bytes(photo.read_bytes()[:-10])

    assert "is damaged (its checksum differs)" in refusal(exported)


def test_a_photo_name_leaving_the_media_folder_is_refused(exported):
    edit(exported, "images.jsonl", lambda image: image | {"file": "../../settings.py"})

    assert "is not a file name inside media/" in refusal(exported)


def test_a_missing_field_is_named_with_its_line(exported):
    edit(exported, "stories.jsonl", lambda story: {k: v for k, v in story.items() if k != "lead"})

    assert "stories.jsonl, line 1: “lead” is missing" in refusal(exported)


def test_a_story_naming_a_section_not_in_the_archive_is_refused(exported):
    edit(exported, "stories.jsonl", lambda story: story | {"section": 999})

    assert "section 999 is not in the archive" in refusal(exported)


def test_a_reserved_section_slug_is_refused(exported):
    edit(
        exported,
        "archive.json",
        lambda manifest: manifest | {"sections": [manifest["sections"][0] | {"slug": "admin"}]},
    )

    assert "address of one of the site's own pages" in refusal(exported)


def test_a_body_is_sanitised_on_the_way_in(exported):
    edit(
        exported,
        "stories.jsonl",
        lambda story: story | {"body": '<p onclick="x()">Hi<script>alert(1)</script></p>'},
    )

    call_command("import_newsroom", str(exported), "--skip-renditions", verbosity=0)

    assert Article.objects.get().body == "<p>Hi</p>"
