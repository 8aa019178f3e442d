"""The share box's "Copy link" in Chromium: the clipboard gets the story's address, and
without a clipboard the reader is handed the address to copy."""

import pytest

from .browser import browser_available, chromium_page
from .factories import ArticleFactory

__all__ = ["browser_available"]  # a fixture, used by name

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

# An old browser, or a page not served over HTTPS: no clipboard API, and the old copy
# command refused.
NO_CLIPBOARD = """
Object.defineProperty(Navigator.prototype, 'clipboard', {get: () => undefined});
document.execCommand = () => false;
"""


def test_copy_link_puts_the_address_on_the_clipboard(browser_available, live_server):
    from playwright.sync_api import expect

    article = ArticleFactory(headline="Harbour cranes return to work")
    with chromium_page() as page:
        page.context.grant_permissions(["clipboard-read", "clipboard-write"])
        page.goto(live_server.url + article.get_absolute_url())
        button = page.get_by_role("button", name="Copy link")
        address = button.get_attribute("data-share-copy")
        assert address.endswith(article.get_absolute_url())

        button.click()

        expect(page.locator("[data-share-status]")).to_have_text("Link copied.")
        assert page.evaluate("navigator.clipboard.readText()") == address


def test_without_a_clipboard_the_reader_gets_the_address_to_copy(browser_available, live_server):
    from playwright.sync_api import expect

    article = ArticleFactory(headline="Harbour cranes return to work")
    with chromium_page() as page:
        page.add_init_script(NO_CLIPBOARD)
        page.goto(live_server.url + article.get_absolute_url())
        button = page.get_by_role("button", name="Copy link")
        address = button.get_attribute("data-share-copy")

        button.click()

        expect(page.locator("[data-share-status]")).to_contain_text("Copy this address:")
        field = page.get_by_label("The story's address")
        expect(field).to_have_value(address)
        expect(field).to_be_focused()
