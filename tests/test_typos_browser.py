"""A reader reports a typo in a real browser; an editor finds it in the admin queue."""

import pytest

from typos.models import TypoReport

from .browser import browser_available, chromium_page, sign_in
from .factories import ArticleFactory

__all__ = ["browser_available"]  # a fixture, used by name

# The live server and the test share the database, so it is committed, not rolled back.
pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


def select_text(page, text: str) -> None:
    """Select `text` in the article body as a reader would with the mouse."""
    page.evaluate(
        """(text) => {
            const walker = document.createTreeWalker(
                document.querySelector(".article__body"), NodeFilter.SHOW_TEXT);
            while (walker.nextNode()) {
                const node = walker.currentNode;
                const start = node.data.indexOf(text);
                if (start === -1) continue;
                const range = document.createRange();
                range.setStart(node, start);
                range.setEnd(node, start + text.length);
                getSelection().removeAllRanges();
                getSelection().addRange(range);
                return;
            }
            throw new Error("not in the article: " + text);
        }""",
        text,
    )


@pytest.fixture
def article():
    return ArticleFactory(
        headline="Port workers accept the pay offer",
        body="<p>The union said it recieved the offer at dawn.</p><p>Work resumes on Monday.</p>",
    )


# The database is set up before the browser starts: while Playwright's event loop runs,
# Django refuses synchronous database calls from this thread.
def test_reader_reports_a_typo_and_an_editor_finds_it(
    browser_available, live_server, article, editor
):
    from playwright.sync_api import expect

    with chromium_page() as page:
        page.goto(live_server.url + article.get_absolute_url())
        expect(page.get_by_text("Select it with the mouse")).to_be_visible()

        select_text(page, "recieved")
        page.keyboard.press("Control+Enter")

        dialog = page.get_by_role("dialog", name="Report a typo")
        expect(dialog).to_be_visible()
        expect(dialog.locator("mark")).to_have_text("recieved")
        comment = dialog.get_by_label("Comment")
        expect(comment).to_be_focused()
        comment.fill("Should be “received”.")
        dialog.get_by_role("button", name="Send").click()
        expect(dialog.get_by_text("Thank you!")).to_be_visible()
        dialog.get_by_role("button", name="Close").click()
        expect(dialog).to_be_hidden()

        sign_in(
            page,
            live_server.url,
            editor.username,
            "correct horse battery",
            "/admin/typos/typoreport/",
        )
        row = page.locator("#result_list tbody tr")
        expect(row).to_have_count(1)
        expect(row).to_contain_text("recieved")
        expect(row).to_contain_text("Should be “received”.")
        expect(row.get_by_role("link", name="Port workers accept the pay offer")).to_be_visible()

    report = TypoReport.objects.get()
    assert report.context == "The union said it recieved the offer at dawn. Work resumes on Monday."
    assert report.page_url == live_server.url + article.get_absolute_url()


def test_the_button_works_without_a_selection_and_escape_returns_focus(
    browser_available, live_server, article
):
    from playwright.sync_api import expect

    with chromium_page() as page:
        page.goto(live_server.url + article.get_absolute_url())
        button = page.get_by_role("button", name="Report a typo")
        button.focus()
        page.keyboard.press("Enter")

        dialog = page.get_by_role("dialog", name="Report a typo")
        words = dialog.get_by_label("Words with the mistake")
        expect(words).to_be_focused()
        page.keyboard.press("Escape")
        expect(dialog).to_be_hidden()
        expect(button).to_be_focused()

        button.click()
        words.fill("Work resumes on Monday")
        dialog.get_by_label("Comment").fill("It is Tuesday.")
        page.keyboard.press("Control+Enter")
        expect(dialog.get_by_text("Thank you!")).to_be_visible()

    report = TypoReport.objects.get()
    assert (report.selected_text, report.context) == ("Work resumes on Monday", "")
