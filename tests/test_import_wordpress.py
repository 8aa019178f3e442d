"""manage.py import_wordpress: a WordPress export (tests/data/wordpress/small.xml, written
for these tests) becomes stories, people, sections, tags, photos and redirects."""

import json
import shutil
from datetime import UTC, datetime
from io import StringIO
from pathlib import Path

import pytest
import time_machine
from django.contrib.auth import get_user_model
from django.contrib.redirects.models import Redirect
from django.core.management import CommandError, call_command
from taggit.models import Tag

from articles.models import Article
from authors.models import Person
from bench.wxr import write_wxr
from images.models import Image, Licence
from sections.models import Section
from transfer.models import ImportedItem
from transfer.phpserial import PHPSerialError, php_unserialize

DATA = Path(__file__).parent / "data" / "wordpress"
WXR = DATA / "small.xml"
UPLOADS = DATA / "uploads"
# Stories the small export holds, once trash, auto-drafts and pages are left out.
STORIES = 9

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _spring_2025():
    """After the export's posts, before its scheduled one (January 2031)."""
    with time_machine.travel(datetime(2025, 6, 1, 12, tzinfo=UTC), tick=False):
        yield


def run(*args, export=WXR) -> tuple[str, str]:
    out, err = StringIO(), StringIO()
    call_command("import_wordpress", str(export), *args, stdout=out, stderr=err)
    return out.getvalue(), err.getvalue()


def story(post_id: int) -> Article:
    record = ImportedItem.objects.get(kind="post", wordpress_id=str(post_id))
    return Article.objects.get(pk=record.object_id)


def edited_export(tmp_path, *replacements) -> Path:
    text = WXR.read_text()
    for old, new in replacements:
        assert old in text, old
        text = text.replace(old, new)
    path = tmp_path / "export.xml"
    path.write_text(text)
    return path


@pytest.fixture
def imported(django_capture_on_commit_callbacks):
    """The small export imported with its photos, renditions built as the worker would."""
    with django_capture_on_commit_callbacks(execute=True):
        out, _ = run("--media-dir", str(UPLOADS))
    return out


def test_a_post_becomes_a_story_with_its_byline_section_tags_and_photo(imported, client, html):
    page = html(client.get(story(101).get_absolute_url()))

    assert page.select_one("h1").get_text() == "Dock workers vote on the port’s pay offer"
    assert page.select_one(".article__lead").get_text() == (
        "Dock workers vote today on a pay offer that would end a month of strikes at the port."
    )
    assert page.select_one(".kicker").get_text() == "World"
    assert page.select_one(".article__meta a[href='/authors/maja-lindqvist/']").get_text() == (
        "Maja Lindqvist"
    )
    assert page.select_one(".article__date time")["datetime"].startswith("2024-03-15T")
    assert [a.get_text() for a in page.select(".tags a")] == ["Harbour", "Strikes"]
    body = page.select_one(".article__body")
    assert [p.get_text() for p in body.select("p")][1:] == [
        "A three-year contract with a rise each spring and shorter night shifts.",
        '"We have waited a month for this," said one crane driver.',
    ]
    assert body.select_one("h2").get_text() == "What is on the table"
    figure = page.select_one(".article__figure")
    assert figure.select_one("img")["alt"] == "Two orange cranes standing still against a grey sky"
    assert figure.select_one(".caption").get_text() == (
        "Cranes idle at the north quay on the first day of the strike"
    )
    assert figure.select_one(".credit").get_text() == "© Harbour Gazette"


def test_the_photo_keeps_its_credit_and_is_listed_for_a_licence_review(imported, editor_client):
    photo = story(101).main_image
    assert photo.creator == "Inês Duarte"
    assert photo.copyright_holder == "Harbour Gazette"
    assert photo.licence.kind == Licence.Kind.ALL_RIGHTS_RESERVED
    assert "Photos with a licence to review: 1." in imported

    listing = editor_client.get("/admin/transfer/importeditem/?licence_to_review__exact=1")
    rows = listing.context["cl"].result_list
    assert [(row.kind, row.wordpress_id) for row in rows] == [("attachment", "201")]
    assert f'href="/admin/images/image/{photo.pk}/change/"' in listing.content.decode()

    editor_client.post(
        "/admin/transfer/importeditem/",
        {"action": "mark_licence_reviewed", "_selected_action": [rows[0].pk]},
    )
    assert not ImportedItem.objects.licence_to_review().exists()


def test_the_review_list_costs_the_same_queries_however_many_photos(
    imported, editor_client, django_assert_num_queries
):
    for number in range(5):
        ImportedItem.objects.create(
            source="https://gazette.example.org",
            kind="attachment",
            wordpress_id=f"9{number}",
            object_id=story(101).main_image_id,
            licence_to_review=True,
        )
    # Session, user, two counts, the rows, the date drill-down (2), the source filter, and
    # the site's context (sections, the next scheduled change): none per row.
    with django_assert_num_queries(10):
        response = editor_client.get("/admin/transfer/importeditem/?licence_to_review__exact=1")
    assert len(response.context["cl"].result_list) == 6


def test_a_broken_photo_leaves_the_story_without_one_and_says_why(imported, client, html):
    assert story(102).main_image is None
    assert (
        "#102 “Night ferry returns after the storm”: imported without its photo, "
        "2024/03/night-shift.jpg: This file is not a complete JPEG, PNG, WebP or GIF photo."
    ) in imported
    assert not ImportedItem.objects.filter(kind="attachment", wordpress_id="202").exists()
    assert html(client.get(story(102).get_absolute_url())).select_one(".article__figure") is None


def test_bodies_go_through_the_allow_list_and_embeds_become_links(imported, client, html):
    page = html(client.get(story(102).get_absolute_url()))
    body = page.select_one(".article__body")

    assert not body.select("script, iframe, img, [onclick]")
    assert "alert" not in str(body) and "tracker.example.net" not in str(body)
    embed = body.select_one("a[href^='https://www.youtube-nocookie.com/']")
    assert embed["href"] == "https://www.youtube-nocookie.com/embed/abc123XYZ"
    assert embed.get_text() == "The first crossing after the storm (www.youtube-nocookie.com)"
    assert "The repaired pier at dusk" not in body.get_text()  # a caption without its photo
    assert not body.select("a[href^='javascript']")
    # No excerpt: the first paragraph is the lead, and is not printed twice.
    lead = "The night ferry to the islands sailed again on Monday"
    assert page.select_one(".article__lead").get_text().startswith(lead)
    assert lead not in body.get_text()
    assert (
        "Bodies, through our allow-list: 1 embeds made links, 1 inline images removed "
        "(the featured image is the story's photo), 1 scripts removed"
    ) in imported


def test_statuses_keep_their_meaning(client):
    out, _ = run()

    assert {post: story(post).status for post in (101, 103, 104, 105, 106, 112)} == {
        101: "published",
        103: "published",  # scheduled
        104: "draft",
        105: "review",
        106: "draft",  # private: not public here
        112: "draft",  # password-protected: not public here
    }
    assert story(103).published_at == datetime(2031, 1, 10, 7, tzinfo=UTC)
    for post in (103, 104, 105, 106, 112):
        assert client.get(story(post).get_absolute_url()).status_code == 404
    assert (
        "    of those saved: 1 drafts, 1 password-protected (now drafts), "
        "1 private (now drafts), 4 published, 1 ready for review, 1 scheduled"
    ) in out
    assert "    skipped, in the WordPress trash: 1" in out
    assert "    skipped, an auto-draft (WordPress saved it by itself): 1" in out
    assert "    skipped, a page (pages are not stories: make them flat pages): 1" in out
    assert Article.objects.count() == STORIES

    with time_machine.travel(datetime(2031, 1, 10, 7, 1, tzinfo=UTC), tick=False):
        assert client.get(story(103).get_absolute_url()).status_code == 200


def test_authors_become_people_without_logins_or_addresses():
    users = get_user_model().objects.count()
    run()

    people = Person.objects.order_by("name")
    assert [(p.name, p.slug, p.role, p.user_id) for p in people] == [
        ("Ana Morgan", "ana-morgan", "author", None),  # no display name: first and last
        ("Maja Lindqvist", "maja-lindqvist", "author", None),
        ("Tunde Okafor", "tunde-okafor", "author", None),
    ]
    assert get_user_model().objects.count() == users
    assert not any("@" in str(value) for p in people for value in vars(p).values())
    assert [p.name for p in story(102).authors.all()] == ["Tunde Okafor"]


def test_categories_become_sections_and_tags():
    world = Section.objects.create(name="World", slug="world", position=1)
    out, _ = run()

    assert story(101).section == world  # the section of that name here
    city = story(102).section
    assert (city.name, city.slug, city.show_in_navigation) == ("City & Port", "city", False)
    assert city.description == "What happens on the quays and in the streets."
    # Its second category is a tag: a story has one section.
    assert sorted(story(102).tags.names()) == ["Harbour", "News"]
    # Yoast's primary category wins over the first one.
    assert story(110).section.slug == "science"
    assert list(story(110).tags.names()) == ["World"]
    # "news" is the address of the site's own list of stories.
    assert story(111).section.slug == "news-2"
    assert (
        "News: “news” is one of the site's own addresses, so its section is /news-2/ "
        "(rename it or use --sections)"
    ) in out
    assert sorted(Tag.objects.values_list("name", flat=True)) == [
        "Harbour",
        "News",
        "Strikes",
        "Tides",
        "World",
    ]


@pytest.mark.parametrize("kind", ["csv", "json"])
def test_a_sections_file_maps_categories_to_our_sections(tmp_path, kind):
    local = Section.objects.create(name="Local", slug="local")
    if kind == "csv":
        mapping = tmp_path / "sections.csv"
        mapping.write_text("category,section\ncity,local\nnews,local\n")
    else:
        mapping = tmp_path / "sections.json"
        mapping.write_text(json.dumps({"city": "local", "news": "local"}))
    run("--sections", str(mapping))

    assert story(102).section == local
    assert story(111).section == local
    assert not Section.objects.filter(slug__in=["city", "news-2"]).exists()


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("city,nowhere\n", "names sections that do not exist: nowhere"),
        ("city,local,extra\n", "line 1: expected two columns"),
    ],
)
def test_a_bad_sections_file_is_refused_before_anything_is_saved(tmp_path, content, message):
    Section.objects.create(name="Local", slug="local")
    mapping = tmp_path / "sections.csv"
    mapping.write_text(content)
    with pytest.raises(CommandError, match=message):
        run("--sections", str(mapping))
    assert not Article.objects.exists()


def test_old_addresses_redirect_to_the_new_ones(client):
    run()
    dock = story(101).get_absolute_url()

    for old in ("/2024/03/15/dock-workers-vote/", "/?p=101"):
        response = client.get(old)
        assert (response.status_code, response["Location"]) == (301, dock), old
    assert client.get(dock).status_code == 200
    assert client.get("/category/city/")["Location"] == "/city/"
    assert client.get("/tag/harbour/")["Location"] == "/tags/harbour/"
    assert client.get("/author/mlindqvist/")["Location"] == "/authors/maja-lindqvist/"
    # Unknown posts and stories that are not public: the home page, or a 404, as before.
    assert client.get("/?p=999").status_code == 200
    assert client.get("/?p=104").status_code == 200
    assert client.get("/2024/03/22/staff-rota/").status_code == 404
    assert client.get("/2024/03/27/pilots-report/").status_code == 404
    assert not Redirect.objects.filter(old_path__in=["/?p=103", "/?p=106", "/?p=112"]).exists()


def test_a_second_run_changes_nothing():
    run("--media-dir", str(UPLOADS))
    counted = (Article, Article.history.model, Person, Section, Tag, Image, Redirect, ImportedItem)
    before = {model: model.objects.count() for model in counted}
    versions = dict(Article.objects.values_list("pk", "version"))

    out, _ = run("--media-dir", str(UPLOADS))

    assert {model: model.objects.count() for model in counted} == before
    assert dict(Article.objects.values_list("pk", "version")) == versions
    assert f"Stories: 0 created, 0 updated, {STORIES} unchanged, 3 skipped" in out


def test_a_changed_post_updates_its_story_in_place(tmp_path, client):
    run()
    dock, draft = story(101), story(104)
    export = edited_export(
        tmp_path,
        ("Dock workers vote on the port&#8217;s pay offer", "Dock workers accept the pay offer"),
        (
            "<wp:post_date_gmt><![CDATA[0000-00-00 00:00:00]]></wp:post_date_gmt>\n"
            "\t\t<wp:post_name><![CDATA[]]></wp:post_name>\n"
            "\t\t<wp:status><![CDATA[draft]]></wp:status>",
            "<wp:post_date_gmt><![CDATA[2024-03-20 10:00:00]]></wp:post_date_gmt>\n"
            "\t\t<wp:post_name><![CDATA[fish-market-moves]]></wp:post_name>\n"
            "\t\t<wp:status><![CDATA[publish]]></wp:status>",
        ),
    )
    out, _ = run(export=export)

    assert f"Stories: 0 created, 2 updated, {STORIES - 2} unchanged, 3 skipped" in out
    updated = story(101)
    assert (updated.pk, updated.headline, updated.version) == (
        dock.pk,
        "Dock workers accept the pay offer",
        dock.version + 1,
    )
    revisions = updated.history.order_by("history_id")
    assert [r.history_change_reason for r in revisions] == ["Imported from WordPress"] * 2
    assert [entry["name"] for entry in revisions.last().byline_snapshot] == ["Maja Lindqvist"]
    # The draft went out on WordPress: it is published here, and its old address leads to it.
    published = story(104)
    assert (published.pk, published.status) == (draft.pk, "published")
    assert client.get("/?p=104")["Location"] == published.get_absolute_url()


def test_a_story_edited_here_is_left_as_editors_left_it(tmp_path):
    run()
    dock = story(101)
    dock.headline = "Dock workers vote on pay (edited by the desk)"
    dock.save()
    export = edited_export(tmp_path, ("shorter night shifts", "shorter night shifts and a bonus"))

    out, _ = run(export=export)

    assert story(101).headline == "Dock workers vote on pay (edited by the desk)"
    assert "skipped, edited here since the last import, left as editors left it: 1" in out
    assert "#101 “Dock workers vote on the port’s pay offer”: version 1 then, 2 now" in out


def test_an_edition_takes_the_stories(client):
    run("--edition", "ru")

    dock = story(101)
    assert dock.language == "ru"
    assert dock.get_absolute_url().startswith("/ru/world/")
    assert client.get("/2024/03/15/dock-workers-vote/")["Location"] == dock.get_absolute_url()
    assert Section.objects.get(slug="world").translations == {
        "ru": {"name": "World", "description": ""}
    }


def test_wxr_1_1_reads_the_same(tmp_path):
    run(
        export=edited_export(
            tmp_path, *[(f"export/1.2/{s}", f"export/1.1/{s}") for s in ("excerpt/", '"')]
        )
    )

    assert Article.objects.count() == STORIES
    assert story(101).lead.startswith("Dock workers vote today")


def test_progress_goes_to_stderr():
    _, err = run("--batch-size", "5")
    assert [line.split(",")[0] for line in err.splitlines()] == [
        "  posts 5 of 12",
        "  posts 10 of 12",
        "  posts 12 of 12",
    ]


BOMB = """<?xml version="1.0"?>
<!DOCTYPE rss [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">]>
<rss><channel><title>&b;</title></channel></rss>"""
FEED = """<?xml version="1.0"?>
<rss version="2.0"><channel><title>A feed</title><link>https://x.example</link>
<item><title>Hello</title></item></channel></rss>"""


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("just some words", "not well-formed XML at line 1"),
        ("<html><body>Hi</body></html>", "it starts with <html>, not <rss>"),
        (FEED, "an RSS feed, not a WordPress export"),
        (BOMB, "declares XML entities or a DTD"),
        (WXR.read_text()[: len(WXR.read_text()) // 2], "not well-formed XML"),
    ],
    ids=["text", "html", "feed", "entity-bomb", "cut-short"],
)
def test_a_file_that_is_not_a_whole_export_is_refused_with_nothing_saved(
    tmp_path, content, message
):
    export = tmp_path / "export.xml"
    export.write_text(content)
    with pytest.raises(CommandError, match=message):
        run(export=export)
    assert not Article.objects.exists()
    assert not Person.objects.exists()


def test_missing_files_and_folders_are_named(tmp_path):
    with pytest.raises(CommandError, match="no such file"):
        run(export=tmp_path / "missing.xml")
    with pytest.raises(CommandError, match=r"--media-dir .*: no such folder"):
        run("--media-dir", str(tmp_path / "nowhere"))
    with pytest.raises(CommandError, match="invalid choice: 'xx'"):
        run("--edition", "xx")


def test_a_photo_path_outside_the_media_folder_is_not_read(tmp_path):
    uploads = tmp_path / "uploads"
    shutil.copytree(UPLOADS, uploads)
    shutil.copy(UPLOADS / "2024/03/cranes.jpg", tmp_path / "secret.jpg")
    export = edited_export(
        tmp_path,
        (
            "<wp:meta_value><![CDATA[2024/03/cranes.jpg]]></wp:meta_value>",
            "<wp:meta_value><![CDATA[../secret.jpg]]></wp:meta_value>",
        ),
    )
    out, _ = run("--media-dir", str(uploads), export=export)

    assert story(101).main_image is None
    assert "“../secret.jpg” is not a file in the media folder" in out


def test_a_generated_export_imports_whole(tmp_path):
    export = tmp_path / "generated.xml"
    write_wxr(export, posts=40, authors=3, categories=4, tags=6)
    out, _ = run(export=export)

    assert Article.objects.count() == 40
    assert "Stories: 40 created, 0 updated, 0 skipped" in out
    assert Section.objects.count() == 4


def test_php_serialized_metadata_is_read_as_data_only():
    value = php_unserialize('a:2:{s:6:"credit";s:5:"Inês";i:0;a:1:{s:1:"x";d:0.5;}}')
    assert value == {"credit": "Inês", 0: {"x": 0.5}}
    for bad in ('O:8:"stdClass":0:{}', 's:9:"short";', "a:1:{", "b:2;", ""):
        with pytest.raises(PHPSerialError):
            php_unserialize(bad)
