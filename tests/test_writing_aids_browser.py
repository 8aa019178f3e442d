"""The story form's writing aids in a real browser: word count, the copy of the typing
kept in the browser (and offered back after a reload or a refused save), and the story
as a search result and a social card."""

import re

import pytest

from articles.models import Article

from .browser import browser_available, chromium_page, sign_in
from .factories import ArticleFactory, ImageFactory, PersonFactory, SectionFactory

__all__ = ["browser_available"]  # a fixture, used by name

# The live server and the test share the database, so it is committed, not rolled back.
pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

PASSWORD = "correct horse battery"
COPIES = "Object.keys(localStorage).filter((key) => key.startsWith('newsroom:story-copy:'))"
# "from 14:32", or "from 3 May, 23:59" when the test runs across midnight.
OFFER = re.compile(r"An unsaved copy from (\d{1,2} \w+, )?\d{2}:\d{2} is kept in this browser")


@pytest.fixture
def story():
    # A draft, so saving it (whatever the buttons are called) publishes nothing.
    return ArticleFactory(
        headline="Ferry timetable changes for the winter",
        lead="Fewer crossings from November, and a new late boat on Fridays.",
        body="<p>The first ferry leaves at seven.</p><p>The last one at ten.</p>",
        section=SectionFactory(name="Society", slug="society"),
        main_image=None,
        status=Article.Status.DRAFT,
        published_at=None,
    )


def change_path(article) -> str:
    return f"/admin/articles/article/{article.pk}/change/"


def open_story(page, base_url: str, username: str, path: str) -> None:
    sign_in(page, base_url, username, PASSWORD, path)
    wait_for_editor(page)


def wait_for_editor(page) -> None:
    from playwright.sync_api import expect

    expect(page.locator(".prose-editor .ProseMirror[contenteditable]")).to_be_visible()
    # The aids have compared the local copy with the form once the count is printed.
    expect(page.locator(".writing-aids__words")).to_contain_text("min read")


def type_at_end_of_body(page, text: str) -> None:
    from playwright.sync_api import expect

    editor = page.locator(".prose-editor .ProseMirror[contenteditable]")
    paragraphs = editor.locator("p").count()
    editor.click()
    # On a busy machine a key pressed before the editor has the focus is lost, and the
    # new text would run into the last word.
    expect(editor).to_be_focused()
    page.keyboard.press("Control+End")
    page.keyboard.press("Enter")
    expect(editor.locator("p")).to_have_count(paragraphs + 1)
    # One input, as a paste or an input method gives it: typed key by key on a loaded CI
    # machine, a keystroke now and then went missing in the editor (16 words, not 17).
    page.keyboard.insert_text(text)


def wait_for_the_copy(page) -> None:
    from playwright.sync_api import expect

    expect(page.locator(".writing-aids__saved")).to_contain_text("copy kept in this browser")


def save(page) -> None:
    """Click the form's plain save button, whatever the story form calls it."""
    for name in ("Save draft", "Save and continue editing", "Save"):
        button = page.get_by_role("button", name=name, exact=True)
        if button.count():
            button.first.click()
            page.wait_for_load_state()
            return
    raise AssertionError("no save button on the story form")


def test_word_count_and_reading_time_follow_the_typing(
    browser_available, live_server, story, editor
):
    from playwright.sync_api import expect

    with chromium_page() as page:
        open_story(page, live_server.url, editor.username, change_path(story))
        count = page.locator(".writing-aids__words")
        expect(count).to_have_text("11 words · 1 min read")
        # Next to the writing area, not somewhere in the side column.
        assert page.evaluate(
            "document.querySelector('.prose-editor').nextElementSibling"
            ".classList.contains('writing-aids__count')"
        )

        # With a space either side: on a loaded CI machine the caret sometimes stayed where
        # the click put it, and the words typed ran into one there.
        type_at_end_of_body(page, " Tickets go on sale on Monday. ")
        expect(count).to_have_text("17 words · 1 min read")

        page.keyboard.insert_text(" tide" * 220)  # 237 words: past 230 a minute
        expect(count).to_have_text("237 words · 2 min read")


def test_a_copy_survives_a_reload_and_restores_into_the_editor(
    browser_available, live_server, story, editor
):
    from playwright.sync_api import expect

    with chromium_page() as page:
        open_story(page, live_server.url, editor.username, change_path(story))
        page.get_by_label("Headline").fill("Ferry timetable changes for the winter season")
        page.locator("#id_tags").fill("ferries, winter")
        type_at_end_of_body(page, "Storms may cancel the evening crossings.")
        wait_for_the_copy(page)

        page.reload()  # as after a crash: nothing was saved
        wait_for_editor(page)
        editor_area = page.locator(".prose-editor .ProseMirror[contenteditable]")
        expect(editor_area).not_to_contain_text("Storms may cancel")
        offer = page.get_by_role("alert").filter(has_text="An unsaved copy")
        expect(offer).to_have_text(OFFER)
        expect(offer).to_contain_text("headline, text and tags differ")

        offer.get_by_role("button", name="Restore it").click()
        expect(offer).to_be_hidden()
        expect(editor_area).to_contain_text("Storms may cancel the evening crossings.")
        expect(page.get_by_label("Headline")).to_have_value(
            "Ferry timetable changes for the winter season"
        )
        assert "Storms may cancel" in page.locator("#id_body").input_value()
        expect(page.locator("#id_tags")).to_have_value("ferries, winter")
        expect(page.locator(".serp__title")).to_contain_text("for the winter season")

        # Discarding a copy forgets it: the next load offers nothing.
        page.reload()
        wait_for_editor(page)
        offer.get_by_role("button", name="Discard").click()
        expect(offer).to_be_hidden()
        assert page.evaluate(COPIES) == []
        page.reload()
        wait_for_editor(page)
        expect(offer).to_be_hidden()


def test_a_new_story_keeps_its_copy_until_it_is_saved(browser_available, live_server, editor):
    from playwright.sync_api import expect

    SectionFactory(name="World", slug="world")
    PersonFactory(name="Desk Reporter", user=editor)  # the byline the form fills in
    add = "/admin/articles/article/add/"
    with chromium_page() as page:
        open_story(page, live_server.url, editor.username, add)
        page.get_by_label("Headline").fill("Bridge reopens after repairs")
        page.get_by_label("Lead").fill("Cars may cross the river again.")
        type_at_end_of_body(page, "Cars may cross again from noon.")
        wait_for_the_copy(page)
        page.reload()
        wait_for_editor(page)
        page.get_by_role("button", name="Restore it").click()
        expect(page.locator(".prose-editor .ProseMirror[contenteditable]")).to_contain_text(
            "Cars may cross again from noon."
        )
        expect(page.get_by_label("Headline")).to_have_value("Bridge reopens after repairs")
        expect(page.locator(".serp__path")).to_have_text(
            re.compile(r"-bridge-reopens-after-repairs/$")
        )

        page.get_by_label("Section").select_option(label="World")
        save(page)
        expect(page.locator(".errornote")).to_have_count(0)
        page.goto(live_server.url + add)  # the next new story starts clean
        wait_for_editor(page)
        expect(page.get_by_text("An unsaved copy")).to_be_hidden()
        assert page.evaluate(COPIES) == []

    assert "<p>Cars may cross again from noon.</p>" in Article.objects.get().body


def test_a_refused_save_keeps_the_copy_and_offers_it_again(
    browser_available, live_server, story, editor
):
    from playwright.sync_api import expect

    with chromium_page() as page:
        open_story(page, live_server.url, editor.username, change_path(story))
        page.get_by_label("Headline").fill("")
        type_at_end_of_body(page, "A paragraph that must not be lost.")
        save(page)

        expect(page.locator(".errornote")).to_be_visible()  # refused: no headline
        wait_for_editor(page)
        # The error page shows what was typed, so there is nothing to offer yet...
        expect(page.get_by_text("An unsaved copy")).to_be_hidden()
        assert len(page.evaluate(COPIES)) == 1

        # ...but the copy is kept: leaving and coming back offers it.
        page.goto(live_server.url + change_path(story))
        wait_for_editor(page)
        expect(page.get_by_role("alert")).to_have_text(OFFER)
        page.get_by_role("button", name="Restore it").click()
        expect(page.locator(".prose-editor .ProseMirror[contenteditable]")).to_contain_text(
            "A paragraph that must not be lost."
        )


def test_a_save_refused_as_stale_keeps_the_copy_and_a_saved_story_clears_it(
    browser_available, live_server, story, editor
):
    from playwright.sync_api import expect

    with chromium_page() as page:
        open_story(page, live_server.url, editor.username, change_path(story))
        type_at_end_of_body(page, "The harbour master confirmed the new times.")
        wait_for_the_copy(page)

        # A colleague saves the same story first, in another browser.
        other = page.context.browser.new_context().new_page()
        open_story(other, live_server.url, editor.username, change_path(story))
        other.get_by_label("Lead").fill("Fewer crossings from November.")
        save(other)
        other.context.close()

        save(page)
        expect(page.locator(".errornote")).to_be_visible()
        expect(page.get_by_text("Someone else saved this story")).to_be_visible()
        wait_for_editor(page)

        page.goto(live_server.url + change_path(story))  # the colleague's version
        wait_for_editor(page)
        expect(page.get_by_role("alert")).to_have_text(OFFER)
        page.get_by_role("button", name="Restore it").click()
        expect(page.locator(".prose-editor .ProseMirror[contenteditable]")).to_contain_text(
            "The harbour master confirmed the new times."
        )
        save(page)  # on top of the colleague's version this time
        expect(page.locator(".errornote")).to_have_count(0)

        page.goto(live_server.url + change_path(story))
        wait_for_editor(page)
        expect(page.locator(".prose-editor .ProseMirror[contenteditable]")).to_contain_text(
            "harbour master"
        )
        expect(page.get_by_text("An unsaved copy")).to_be_hidden()
        assert page.evaluate(COPIES) == []

    story.refresh_from_db()
    assert "The harbour master confirmed the new times." in story.body
    # Only what this editor changed came back: the colleague's lead stands.
    assert story.lead == "Fewer crossings from November."


def test_previews_follow_the_form_and_warn(browser_available, live_server, story, editor):
    from playwright.sync_api import expect

    with chromium_page() as page:
        open_story(page, live_server.url, editor.username, change_path(story))
        panel = page.locator(".writing-aids")
        expect(panel.locator(".serp__title")).to_have_text(
            "Ferry timetable changes for the winter — Newsroom"
        )
        expect(panel.locator(".serp__path")).to_have_text(
            f"/society/{story.pk}-ferry-timetable-changes-for-the-winter/"
        )
        expect(panel.locator(".serp__description")).to_have_text(story.lead)
        expect(panel.locator(".card__title")).to_have_text(story.headline)
        expect(panel.locator(".card__domain")).to_have_text(re.compile(r"localhost|127\.0\.0\.1"))
        warnings = panel.locator(".writing-aids__warnings li")
        expect(warnings).to_have_text(
            ["No photo: the social card will have no picture. Choose a main photo."]
        )

        long_headline = (
            "Ferry timetable changes for the winter, with fewer crossings and later boats"
        )
        page.get_by_label("Headline").fill(long_headline)
        expect(panel.locator(".card__title")).to_have_text(long_headline)
        expect(panel.locator(".serp__title")).to_have_text(
            re.compile(r"^Ferry timetable.{40,70}…$")
        )
        expect(warnings.filter(has_text="The headline has 76 characters")).to_be_visible()

        long_lead = "Fewer crossings from November. " * 6
        page.get_by_label("Lead").fill(long_lead.strip())
        expect(warnings.filter(has_text="The lead has 185 characters")).to_be_visible()
        expect(panel.locator(".serp__description")).to_have_text(re.compile(r"…$"))

        page.get_by_label("Headline").fill("Ferry times")
        page.get_by_label("Lead").fill("Fewer crossings.")
        expect(warnings.filter(has_text="characters")).to_have_count(0)


def test_the_card_shows_the_photo_and_follows_the_picker(browser_available, live_server, editor):
    from playwright.sync_api import expect

    photo = ImageFactory(renditions=True)
    article = ArticleFactory(main_image=photo, status=Article.Status.DRAFT, published_at=None)
    with chromium_page() as page:
        open_story(page, live_server.url, editor.username, change_path(article))
        card = page.locator(".card__media img")
        expect(card).to_have_attribute("src", re.compile(rf"/renditions/{photo.pk}/.+/social-"))
        expect(page.get_by_text("No photo:")).to_be_hidden()

        # The photo picker's side of the contract: a new card address, then "change".
        page.evaluate(
            """() => {
                const input = document.getElementById("id_main_image");
                input.dataset.cardUrl = "/media/renditions/99/abc/social-1200.jpg";
                input.dispatchEvent(new Event("change", {bubbles: true}));
            }"""
        )
        expect(card).to_have_attribute("src", "/media/renditions/99/abc/social-1200.jpg")
        page.evaluate(
            """() => {
                const input = document.getElementById("id_main_image");
                input.value = "";
                delete input.dataset.cardUrl;
                input.dispatchEvent(new Event("change", {bubbles: true}));
            }"""
        )
        expect(card).to_have_count(0)
        expect(page.get_by_text("No photo: the social card will have no picture.")).to_be_visible()


def test_markup_typed_in_the_headline_shows_as_text(browser_available, live_server, story, editor):
    from playwright.sync_api import expect

    typed = '<img src=x onerror="window.pwned = 1">Ferry'
    with chromium_page() as page:
        open_story(page, live_server.url, editor.username, change_path(story))
        page.get_by_label("Headline").fill(typed)
        page.get_by_label("Lead").fill("<b>bold</b> lead")
        panel = page.locator(".writing-aids")
        expect(panel.locator(".serp__title")).to_have_text(f"{typed} — Newsroom")
        expect(panel.locator(".card__title")).to_have_text(typed)
        expect(panel.locator(".card__description")).to_have_text("<b>bold</b> lead")
        assert panel.locator("img[src='x'], b").count() == 0
        assert page.evaluate("window.pwned") is None
