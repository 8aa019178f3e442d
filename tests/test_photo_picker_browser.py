"""An author picks a photo from the library, then uploads one with its credit and sets its
focal point, without leaving the story form, in Chromium under the site's CSP."""

import io
import os
import re
from pathlib import Path

import pytest
from django.contrib.auth.models import Group
from PIL import Image as PILImage

from articles.models import Article
from images.models import Image

from .browser import browser_available, chromium_page, sign_in
from .factories import ImageFactory, PersonFactory, SectionFactory

__all__ = ["browser_available"]  # a fixture, used by name

# The live server and the test share the database, so it is committed, not rolled back.
pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

SHOTS = Path(os.environ.get("PHOTO_PICKER_SHOTS", "/tmp/shots/photo-picker"))
RECORD_VIOLATIONS = """
window.cspViolations = [];
document.addEventListener("securitypolicyviolation", (event) => {
    window.cspViolations.push(`${event.violatedDirective} ${event.blockedURI}`);
});
"""


@pytest.fixture
def author(django_user_model):
    user = django_user_model.objects.create_user(
        username="nina", password="correct horse battery", is_staff=True
    )
    user.groups.add(Group.objects.get(name="Authors"))
    PersonFactory(name="Nina Author", slug="nina-author", user=user)
    return user


@pytest.fixture
def library():
    """A few photos with their crops built, as the worker leaves them."""
    SectionFactory(name="City", slug="city")
    ImageFactory(
        caption="Cranes at the container terminal", file__color="steelblue", renditions=True
    )
    return ImageFactory(
        caption="A tram crosses the old bridge",
        alt_text="A red tram on a stone bridge",
        creator="Oleg Lens",
        file__color="firebrick",
        renditions=True,
    )


def write_jpeg(path: Path) -> Path:
    photo = PILImage.new("RGB", (900, 600), "khaki")
    # A dark subject in the lower left, where the editor will click.
    photo.paste((40, 60, 90), (120, 330, 330, 560))
    buffer = io.BytesIO()
    photo.save(buffer, "JPEG", quality=85)
    path.write_bytes(buffer.getvalue())
    return path


def fill_story(page, headline: str) -> None:
    """The story's own fields, whichever of them the form pre-fills for the author."""
    page.get_by_label("Headline").fill(headline)
    page.get_by_label("Lead").fill("The old bridge reopens to trams after a year of repairs.")
    page.locator(".prose-editor .ProseMirror[contenteditable]").click()
    page.keyboard.type("Trams cross the bridge again from Monday.")
    page.get_by_label("Section").select_option(label="City")
    for name in ("byline", "bylines-0-person"):  # one field, or the inline's first row
        byline = page.locator(f"select[name='{name}']")
        if byline.count() and not byline.evaluate("select => select.selectedOptions.length"):
            # Django's autocomplete (select2): open it, search, choose.
            page.locator(f"select[name='{name}'] + .select2 .select2-selection").click()
            page.keyboard.type("Nina")
            page.locator(".select2-results__option", has_text="Nina Author").click()


def save_draft(page) -> None:
    draft = page.get_by_role("button", name="Save draft")
    (draft if draft.count() else page.locator("input[name='_save']")).first.click()


def test_an_author_chooses_then_uploads_a_photo_and_sets_its_focal_point(
    browser_available, live_server, author, library, tmp_path, settings
):
    from playwright.sync_api import expect

    settings.SERVE_MEDIA = True  # the thumbnails, as nginx serves them in production
    tram = library
    upload = write_jpeg(tmp_path / "bridge.jpg")
    SHOTS.mkdir(parents=True, exist_ok=True)

    with chromium_page() as page:
        page.add_init_script(RECORD_VIOLATIONS)
        page.set_viewport_size({"width": 1440, "height": 1000})
        sign_in(
            page, live_server.url, "nina", "correct horse battery", "/admin/articles/article/add/"
        )
        widget = page.locator(".photo-picker")
        expect(widget.get_by_text("No photo")).to_be_visible()

        # Choose from the library: a search, then a click on the thumbnail.
        widget.get_by_role("button", name="Choose photo").click()
        dialog = page.get_by_role("dialog", name="Main photo")
        expect(dialog).to_be_visible()
        expect(dialog.locator(".photo-picker__pick")).to_have_count(2)
        expect(
            dialog.get_by_text("Photo: commons.example.org by Oleg Lens, CC BY 3.0")
        ).to_be_visible()
        page.screenshot(path=str(SHOTS / "picker-library.png"))
        dialog.get_by_label("Search photos").fill("tram")
        expect(dialog.locator(".photo-picker__pick")).to_have_count(1)
        dialog.get_by_role("button", name="A tram crosses the old bridge").click()
        expect(dialog).to_be_hidden()
        chosen = widget.locator(".photo-picker__chosen")
        expect(chosen.locator(".photo-picker__caption")).to_have_text(
            "A tram crosses the old bridge"
        )
        expect(chosen.locator("img")).to_have_attribute(
            "src", re.compile(f"^/media/renditions/{tram.pk}/")
        )
        assert page.locator("#id_main_image").input_value() == str(tram.pk)
        assert "/social-" in page.locator("#id_main_image").get_attribute("data-card-url")

        # Upload a new one: the credit is missing first, and the dialog says where.
        widget.get_by_role("button", name="Upload new").click()
        expect(dialog).to_be_visible()
        dialog.get_by_label("File").set_input_files(str(upload))
        expect(dialog.locator(".photo-picker__local-preview")).to_be_visible()
        dialog.get_by_label("Alt text").fill("Workers lay new tram rails on the bridge")
        dialog.get_by_label("Caption").fill("Rails go down on the old bridge")
        dialog.get_by_label("Licence").select_option(label="CC BY 4.0")
        dialog.get_by_role("button", name="Upload and use").click()
        creator_error = dialog.locator(".photo-picker__field[data-field=creator] .errorlist")
        expect(creator_error).to_have_text(
            "Every photo is credited: name its creator, its source, or both."
        )
        dialog.get_by_label("Creator").fill("Ines Photographer")
        dialog.get_by_label("Source", exact=True).fill("City Desk")
        page.screenshot(path=str(SHOTS / "picker-upload.png"))
        dialog.get_by_role("button", name="Upload and use").click()

        # The focal point, right after the upload: a click on the subject.
        focal = dialog.locator(".photo-picker__focal .focal-picker")
        expect(focal).to_be_visible()
        expect(widget.locator(".photo-picker__caption")).to_have_text(
            "Rails go down on the old bridge"
        )
        expect(widget.locator(".photo-picker__credit")).to_have_text(
            "Photo: City Desk by Ines Photographer, CC BY 4.0"
        )
        box = focal.locator("img").bounding_box()
        page.mouse.click(box["x"] + box["width"] * 0.25, box["y"] + box["height"] * 0.75)
        expect(dialog.get_by_text("Focal point saved.")).to_be_visible()
        page.screenshot(path=str(SHOTS / "picker-focal.png"))
        dialog.get_by_role("button", name="Done").click()
        expect(dialog).to_be_hidden()
        new_id = page.locator("#id_main_image").input_value()
        assert new_id != str(tram.pk)
        expect(widget.locator(".photo-picker__image")).to_be_visible()
        page.screenshot(path=str(SHOTS / "picker-chosen.png"))

        fill_story(page, "Trams return to the old bridge")
        save_draft(page)
        expect(page.locator(".messagelist, .errornote").first).to_be_visible()
        violations = page.evaluate("window.cspViolations")

    assert Image.objects.count() == 3  # the library's two and one upload: nothing from the refusal
    photo = Image.objects.get(pk=new_id)
    assert (photo.creator, photo.source_name, photo.licence.name) == (
        "Ines Photographer",
        "City Desk",
        "CC BY 4.0",
    )
    assert photo.uploaded_by == author
    assert abs(photo.focal_x - 0.25) < 0.02 and abs(photo.focal_y - 0.75) < 0.02
    assert photo.renditions_key  # rebuilt around the new point
    story = Article.objects.get(headline="Trams return to the old bridge")
    assert story.main_image == photo
    assert violations == []


def test_the_photos_own_page_still_sets_the_focal_point_by_a_click(
    browser_available, live_server, editor, tmp_path
):
    """admin-focal-point.js is shared with the picker now; the photo's page keeps working."""
    from playwright.sync_api import expect

    image = ImageFactory()
    with chromium_page() as page:
        page.set_viewport_size({"width": 1440, "height": 1000})
        sign_in(
            page,
            live_server.url,
            editor.username,
            "correct horse battery",
            f"/admin/images/image/{image.pk}/change/",
        )
        picker = page.locator(".focal-picker")
        expect(picker.locator("img")).to_be_visible()
        box = picker.locator("img").bounding_box()
        page.mouse.click(box["x"] + box["width"] * 0.8, box["y"] + box["height"] * 0.3)
        expect(page.locator("#id_focal_x")).to_have_value("0.800")
        picker.focus()
        page.keyboard.press("ArrowDown")
        expect(page.locator("#id_focal_y")).to_have_value("0.350")
        page.get_by_role("button", name="Save", exact=True).click()
        expect(page.locator(".messagelist")).to_be_visible()

    image.refresh_from_db()
    assert (image.focal_x, image.focal_y) == (0.8, 0.35)


# Clicks for an upload from the story form with the keyboard doing the rest: Upload new,
# the file chooser and the file, the licence list and its option. The typing (alt text,
# Tab, caption, Tab, creator), Enter to upload, the arrow keys for the focal point and
# Enter for Done are keystrokes. (It was 11 clicks: each box, Upload and use, Done.)
UPLOAD_CLICKS = 5


def test_an_upload_takes_five_clicks_with_the_keyboard_doing_the_rest(
    browser_available, live_server, author, library, tmp_path, settings
):
    """The focus follows the work: Alt text once a file is chosen, Enter in a one-line
    field uploads (the story is not saved), the photo takes arrow keys at once, and Enter
    or Escape closes the dialog with the focal point kept."""
    from playwright.sync_api import expect

    settings.SERVE_MEDIA = True
    first, second = write_jpeg(tmp_path / "rails.jpg"), write_jpeg(tmp_path / "quay.jpg")
    clicks = 0

    def click(locator):
        nonlocal clicks
        clicks += 1
        locator.click()

    with chromium_page() as page:
        page.add_init_script(RECORD_VIOLATIONS)
        page.set_viewport_size({"width": 1440, "height": 1000})
        add = "/admin/articles/article/add/"
        sign_in(page, live_server.url, "nina", "correct horse battery", add)
        widget = page.locator(".photo-picker")
        dialog = page.get_by_role("dialog", name="Main photo")

        click(widget.get_by_role("button", name="Upload new"))
        with page.expect_file_chooser() as chooser:
            click(dialog.get_by_label("File"))
        clicks += 1  # the file, picked in the system's chooser
        chooser.value.set_files(str(first))
        expect(dialog.get_by_label("Alt text")).to_be_focused()
        page.keyboard.type("Workers lay new tram rails on the bridge")
        page.keyboard.press("Tab")
        expect(dialog.get_by_label("Caption")).to_be_focused()
        page.keyboard.type("Rails go down on the old bridge")
        page.keyboard.press("Tab")
        expect(dialog.get_by_label("Creator")).to_be_focused()
        page.keyboard.type("Ines Photographer")
        clicks += 2  # open the licence list, pick the option
        licence = dialog.get_by_label("Licence")
        licence.focus()  # as the click that opens the list does
        licence.select_option(label="CC BY 4.0")
        page.keyboard.press("Enter")  # uploads the photo, does not save the story

        # The focal step, with the photo focused: arrow keys move the point.
        focal = dialog.locator(".photo-picker__focal .focal-picker")
        expect(focal).to_be_visible()
        expect(focal).to_be_focused()
        expect(widget.locator(".photo-picker__caption")).to_have_text(
            "Rails go down on the old bridge"
        )
        for key in ["ArrowLeft"] * 5 + ["ArrowDown"] * 5:
            page.keyboard.press(key)
        expect(dialog.get_by_text("Focal point saved.")).to_be_visible()
        page.keyboard.press("Enter")  # "Done"
        expect(dialog).to_be_hidden()
        expect(widget.get_by_role("button", name="Choose photo")).to_be_focused()
        rails = page.locator("#id_main_image").input_value()
        assert page.url == f"{live_server.url}{add}"  # the story was never posted
        assert clicks == UPLOAD_CLICKS, clicks

        # A second one: Enter in the source's one-line box uploads it; a click sets the
        # point and Escape closes the dialog, the point kept.
        widget.get_by_role("button", name="Upload new").click()
        dialog.get_by_label("File").set_input_files(str(second))
        expect(dialog.get_by_label("Alt text")).to_be_focused()
        page.keyboard.type("A ferry at the quay")
        dialog.get_by_label("Licence").select_option(label="CC BY 4.0")
        dialog.get_by_label("Source", exact=True).fill("City Desk")
        dialog.get_by_label("Source", exact=True).press("Enter")
        expect(focal).to_be_focused()
        box = focal.locator("img").bounding_box()
        saved = page.expect_response(lambda answer: answer.url.endswith("/focal/"))
        with saved:  # sent when the point is chosen, or at the latest as the dialog closes
            page.mouse.click(box["x"] + box["width"] * 0.8, box["y"] + box["height"] * 0.2)
            page.keyboard.press("Escape")
        expect(dialog).to_be_hidden()
        quay = page.locator("#id_main_image").input_value()
        violations = page.evaluate("window.cspViolations")

    assert violations == []
    assert not Article.objects.exists()
    photo = Image.objects.get(pk=rails)
    assert (photo.alt_text, photo.caption, photo.creator, photo.licence.name) == (
        "Workers lay new tram rails on the bridge",
        "Rails go down on the old bridge",
        "Ines Photographer",
        "CC BY 4.0",
    )
    assert (photo.focal_x, photo.focal_y) == pytest.approx((0.25, 0.75), abs=0.001)
    photo = Image.objects.get(pk=quay)
    assert photo.source_name == "City Desk"
    assert (photo.focal_x, photo.focal_y) == pytest.approx((0.8, 0.2), abs=0.02)
