"""The editors' whole job in Chromium (issue 10), with the demo accounts: the author
uploads a photo from the story form, writes a story with a subheading and two new tags and
submits it; the editor finds it on the desk, previews it through a copied link in a
logged-out browser and schedules it two minutes ahead; the site's clock moves on and the
story is on the home page, with the page cache on.

The author's clicks and keystrokes from the desk to "Submit for review" are counted and
printed (run with -s to see them).
"""

import io
import os
import re
import threading
from datetime import timedelta
from io import StringIO
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from django.core.management import call_command
from django.db import connections
from django.utils import timezone
from PIL import Image as PILImage
from taggit.models import Tag

from articles.models import Article

from .browser import CHROMIUM, CHROMIUM_ARGS, browser_available, sign_in

__all__ = ["browser_available"]  # a fixture, used by name

# The live server and the test share the database, so it is committed, not rolled back.
pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

SHOTS = Path(os.environ.get("EDITORIAL_WORKFLOW_SHOTS", "/tmp/shots/e2e"))
WIDE = {"width": 1440, "height": 1000}

HEADLINE = "Night ferries return to the northern islands"
LEAD = "The islands get their late boats back from Friday after a winter without them."
OPENING = "The last crossing now leaves the harbour at midnight."
SUBHEADING = "What travellers need to know"
CLOSING = "Tickets are sold on board."
NEW_TAGS = ("night ferries", "island crossings")
ALT_TEXT = "A white ferry at the quay at dusk"
CAPTION = "The night ferry at the harbour quay"
CREATOR = "Ines Photographer"

# The author's clicks from the desk to "Submit for review": 8 for the story (Write a story,
# lead, body, the H2 button, the section list and its option, tags, Submit for review) and
# 5 for the photo uploaded from the form (Upload new, the file chooser and the file in it,
# the licence list and its option); Tab, Enter and the arrow keys do the rest of the upload
# and the focal point. Issue 10 aims under 12 beside the typing: 13 with the upload.
STORY_CLICKS = 8
PHOTO_CLICKS = 5


def demo_logins() -> dict[str, str]:
    """The demo content and its two accounts, as `manage.py seed_demo` prints them."""
    out = StringIO()
    call_command("seed_demo", articles=60, no_renditions=True, stdout=out)
    found = re.findall(r"username: (\w+)  password: (\S+)", out.getvalue())
    return dict(found)


def write_jpeg(path: Path) -> Path:
    photo = PILImage.new("RGB", (1200, 800), (190, 205, 220))
    photo.paste((245, 245, 240), (250, 430, 700, 600))  # the ferry, low on the left
    buffer = io.BytesIO()
    photo.save(buffer, "JPEG", quality=85)
    path.write_bytes(buffer.getvalue())
    return path


def in_own_thread(work):
    """Database work while Playwright's event loop runs in this thread, where Django
    refuses synchronous queries: done in a thread of its own, as another app server would."""
    result = []

    def run():
        try:
            result.append(work())
        finally:
            connections.close_all()

    thread = threading.Thread(target=run)
    thread.start()
    thread.join()
    return result[0]


class Counter:
    """The author's clicks and keystrokes, as a person at the keyboard would make them."""

    def __init__(self, page):
        self.page = page
        self.clicks = 0
        self.keys = 0

    def click(self, locator, **options):
        self.clicks += 1
        locator.click(**options)

    def type(self, text: str):
        self.keys += len(text)
        self.page.keyboard.type(text)

    def press(self, key: str):
        self.keys += 1
        self.page.keyboard.press(key)

    def select(self, select, label: str):
        self.clicks += 2  # open the list, pick the option
        select.select_option(label=label)

    def choose_file(self, file_input, path: Path):
        # One click opens the system's file chooser, one (a double click) picks the file.
        with self.page.expect_file_chooser() as chooser:
            self.click(file_input)
        self.clicks += 1
        chooser.value.set_files(str(path))


def test_author_writes_editor_previews_schedules_and_the_story_appears_on_time(
    browser_available, live_server, settings, tmp_path
):
    # Imported here, as Playwright is, so that the module loads without the dev extras.
    import time_machine
    from playwright.sync_api import expect, sync_playwright

    # Pages stored as in production (the other tests store none); photos served as
    # nginx serves them.
    settings.PAGE_CACHE = {**settings.PAGE_CACHE, "SECONDS": 300}
    settings.SERVE_MEDIA = True
    logins = demo_logins()
    assert not Tag.objects.filter(name__in=NEW_TAGS).exists()
    upload = write_jpeg(tmp_path / "night-ferry.jpg")
    SHOTS.mkdir(parents=True, exist_ok=True)
    home = f"{live_server.url}/"
    newsroom_zone = ZoneInfo(settings.TIME_ZONE)

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        try:
            # --- 1. The author, from the desk to "Submit for review" -----------------
            author = browser.new_context(viewport=WIDE)
            author.set_default_timeout(15_000)
            page = author.new_page()
            sign_in(page, live_server.url, "author", logins["author"], "/admin/")
            expect(page.get_by_role("heading", name="Desk", exact=True)).to_be_visible()
            count = Counter(page)

            count.click(page.get_by_role("link", name="Write a story"))
            expect(page.get_by_label("Headline")).to_be_focused()
            count.type(HEADLINE)

            # The photo, uploaded from the form with its credit and licence.
            widget = page.locator(".photo-picker")
            count.click(widget.get_by_role("button", name="Upload new"))
            dialog = page.get_by_role("dialog", name="Main photo")
            expect(dialog).to_be_visible()
            count.choose_file(dialog.get_by_label("File"), upload)
            expect(dialog.locator(".photo-picker__local-preview")).to_be_visible()
            # The keyboard does the rest: the focus is in Alt text once the file is chosen.
            expect(dialog.get_by_label("Alt text")).to_be_focused()
            count.type(ALT_TEXT)
            count.press("Tab")
            count.type(CAPTION)
            count.press("Tab")
            expect(dialog.get_by_label("Creator")).to_be_focused()
            count.type(CREATOR)
            licence = dialog.get_by_label("Licence")
            licence.focus()  # as the click that opens the list does
            count.select(licence, "CC BY 4.0")
            page.screenshot(path=str(SHOTS / "picker-upload.png"))
            count.press("Enter")  # uploads the photo; the story is not saved
            # The focal point, right after the upload: the photo has the focus, and the
            # arrow keys move the point towards the ferry.
            focal = dialog.locator(".photo-picker__focal .focal-picker")
            expect(focal).to_be_focused()
            for key in ["ArrowLeft"] * 2 + ["ArrowDown"] * 3:
                count.press(key)
            expect(dialog.get_by_text("Focal point saved.")).to_be_visible()
            count.press("Enter")  # Done
            expect(dialog).to_be_hidden()
            photo_clicks, photo_keys = count.clicks - 1, count.keys  # "Write a story" apart
            expect(widget.locator(".photo-picker__credit")).to_have_text(
                f"Photo: {CREATOR}, CC BY 4.0"
            )

            count.click(page.get_by_label("Lead"))
            count.type(LEAD)
            count.click(page.locator(".prose-editor .ProseMirror[contenteditable]"))
            count.type(OPENING)
            count.press("Enter")
            count.click(page.locator(".prose-menubar button[data-name=heading2]"))
            count.type(SUBHEADING)
            count.press("Enter")
            count.type(CLOSING)
            count.select(page.get_by_label("Section"), "Science")
            count.click(page.get_by_label("Tags"))
            count.type(", ".join(NEW_TAGS))
            page.screenshot(path=str(SHOTS / "story-form-author.png"), full_page=True)

            count.click(page.get_by_role("button", name="Submit for review"))
            expect(page.locator("ul.messagelist")).to_have_text(
                "Submitted for review: the editors will see it on their desk."
            )
            story_clicks, story_keys = count.clicks - photo_clicks, count.keys - photo_keys
            print(
                f"\nAuthor, desk to 'Submit for review': {count.clicks} clicks and "
                f"{count.keys} keystrokes in all; the story {story_clicks} clicks and "
                f"{story_keys} keystrokes (2 of them Enter), the photo upload {photo_clicks} "
                f"clicks and {photo_keys} keystrokes"
            )
            assert story_clicks <= STORY_CLICKS < 12, story_clicks
            assert count.clicks <= STORY_CLICKS + PHOTO_CLICKS, count.clicks
            author.close()

            # --- 2. The editor finds it on the desk and previews it --------------------
            editor = browser.new_context(viewport=WIDE)
            editor.set_default_timeout(15_000)
            editor.grant_permissions(["clipboard-read", "clipboard-write"])
            page = editor.new_page()
            sign_in(page, live_server.url, "editor", logins["editor"], "/admin/")
            waiting = page.locator("#desk-review")
            story_link = waiting.get_by_role("link", name=HEADLINE)
            expect(story_link).to_be_visible()
            page.screenshot(path=str(SHOTS / "desk-editor.png"), full_page=True)
            story_link.click()
            expect(page.get_by_label("Headline")).to_have_value(HEADLINE)

            page.get_by_role("button", name="Preview").click()
            address = page.locator("#story-preview-url")
            expect(address).to_have_value(re.compile(rf"^{live_server.url}/preview/[^/]+/$"))
            page.get_by_role("button", name="Copy").click()
            expect(page.locator(".story-preview__status")).to_have_text("Copied.")
            copied = page.evaluate("navigator.clipboard.readText()")

            reader = browser.new_context(viewport=WIDE)
            reader.set_default_timeout(15_000)
            outsider = reader.new_page()
            response = outsider.goto(copied)
            assert response.status == 200
            expect(outsider.get_by_role("heading", level=1)).to_have_text(HEADLINE)
            expect(outsider.get_by_role("heading", level=2, name=SUBHEADING)).to_be_visible()
            picture = outsider.get_by_role("img", name=ALT_TEXT)
            expect(picture).to_be_visible()
            assert picture.evaluate("img => img.complete && img.naturalWidth > 0")
            expect(outsider.locator("meta[name=robots]")).to_have_attribute(
                "content", "noindex, nofollow"
            )
            headers = response.headers
            assert headers["x-robots-tag"] == "noindex, nofollow"
            assert {"no-store", "private"} <= set(re.split(r",\s*", headers["cache-control"]))
            outsider.screenshot(path=str(SHOTS / "preview-logged-out.png"))

            # --- 3. Scheduled two minutes ahead, in the newsroom's time ----------------
            appears = (timezone.now() + timedelta(minutes=2)).astimezone(newsroom_zone)
            appears = appears.replace(second=0, microsecond=0)
            page.get_by_role("button", name="Schedule…").click()
            page.get_by_label("Appears on the site at").fill(f"{appears:%Y-%m-%dT%H:%M}")
            page.locator("#story-schedule").get_by_role("button", name="Schedule").click()
            expect(page.locator("ul.messagelist")).to_have_text(
                f"Scheduled: “{HEADLINE}” will appear on the site on "
                f"{appears:%A} {appears.day} {appears:%B %Y} at {appears:%H:%M}."
            )
            page.get_by_role("link", name="History").click()
            expect(page.locator("#content")).to_contain_text(
                f"Publication time: not set → {appears:%a} {appears.day} {appears:%b %Y, %H:%M}"
            )
            page.screenshot(path=str(SHOTS / "history-after-scheduling.png"), full_page=True)

            page.locator(".breadcrumbs").get_by_role("link", name="Home").click()
            scheduled = page.locator("#desk-scheduled .desk-row", has_text=HEADLINE)
            expect(scheduled.locator("time")).to_have_text(
                f"{appears:%a} {appears.day} {appears:%b}, {appears:%H:%M}"
            )
            expect(page.locator("#desk-review")).not_to_contain_text(HEADLINE)

            # The home page, stored by the page cache: a change made behind its back (no
            # service told it) stays unseen, so the page comes from the store...
            top = in_own_thread(lambda: Article.objects.published().in_edition("en").top_story())
            outsider.goto(home)
            expect(outsider.get_by_role("link", name=top.headline).first).to_be_visible()
            expect(outsider.get_by_role("link", name=HEADLINE)).to_have_count(0)
            assert HEADLINE not in outsider.request.get(home).text()
            quietly = "A headline changed where no cache hears of it"
            in_own_thread(lambda: Article.objects.filter(pk=top.pk).update(headline=quietly))
            stored = outsider.request.get(home).text()
            assert top.headline in stored and quietly not in stored
            assert HEADLINE not in stored

            # --- 4. Three minutes later on the server's clock --------------------------
            # The live server is a thread of this process: time-machine moves its
            # timezone.now() and time.time() together, so the local-memory cache's expiry
            # moves too (Redis, in CI, keeps its own clock: the page's stamp retires it).
            # Chromium's clock stays put; reload() asks the server again all the same.
            with time_machine.travel(timezone.now() + timedelta(minutes=3), tick=True):
                outsider.reload()
                expect(outsider.get_by_role("link", name=HEADLINE).first).to_be_visible()
                # The stored page was retired by the clock: the quiet change shows too.
                expect(outsider.get_by_role("link", name=quietly).first).to_be_visible()
                outsider.get_by_role("link", name=HEADLINE).first.click()
                expect(outsider.get_by_role("heading", level=1)).to_have_text(HEADLINE)
                expect(outsider.get_by_role("heading", name=SUBHEADING)).to_be_visible()
                for tag in NEW_TAGS:
                    expect(outsider.get_by_role("link", name=tag)).to_be_visible()
                outsider.screenshot(path=str(SHOTS / "story-on-the-site.png"), full_page=True)
        finally:
            browser.close()

    story = Article.objects.get(headline=HEADLINE)
    assert story.status == Article.Status.PUBLISHED
    assert story.published_at == appears
    assert f"<h2>{SUBHEADING}</h2>" in story.body
    assert sorted(tag.name for tag in story.tags.all()) == sorted(NEW_TAGS)
    assert [b.person.user.username for b in story.bylines.select_related("person__user")] == [
        "author"
    ]
    photo = story.main_image
    assert (photo.creator, photo.licence.name, photo.alt_text) == (CREATOR, "CC BY 4.0", ALT_TEXT)
    assert abs(photo.focal_x - 0.4) < 0.02 and abs(photo.focal_y - 0.64) < 0.02
