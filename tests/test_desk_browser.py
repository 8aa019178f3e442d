"""The desk in Chromium: an editor finds a story waiting for review and opens it; an
author who follows a link to a colleague's story gets the page that says why. No file
the pages name is missing (the icon included) and the policy holds."""

from datetime import timedelta

import pytest
from django.utils import timezone

from articles.models import Article

from .browser import browser_available, chromium_page, sign_in
from .factories import ArticleFactory, PersonFactory, newsroom_member

__all__ = ["browser_available"]  # a fixture, used by name

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

PASSWORD = "correct horse battery"

RECORD_VIOLATIONS = """
window.cspViolations = [];
document.addEventListener("securitypolicyviolation", (event) => {
    window.cspViolations.push(`${event.violatedDirective} ${event.blockedURI}`);
});
"""


def test_editor_opens_a_story_from_the_desk_and_an_author_is_told_why_not(
    browser_available, live_server, django_user_model
):
    from playwright.sync_api import expect

    editor = newsroom_member("Editors", "desk-editor", "Eda Editor", password=PASSWORD)
    author = newsroom_member("Authors", "desk-author", "Nina Author", password=PASSWORD)
    colleague = PersonFactory(name="Colin Colleague")
    waiting = ArticleFactory(
        headline="Ferry timetable changes from Monday",
        status=Article.Status.REVIEW,
        published_at=None,
        authors=[colleague],
    )
    ArticleFactory(
        headline="Harbour cranes return to work",
        published_at=timezone.now() + timedelta(hours=3),
        authors=[colleague],
    )
    failed = []

    with chromium_page() as page:
        page.set_viewport_size({"width": 1440, "height": 900})
        page.add_init_script(RECORD_VIOLATIONS)
        page.on("response", lambda r: failed.append(r.url) if r.status >= 400 else None)

        sign_in(page, live_server.url, editor.username, PASSWORD, "/admin/")
        review = page.locator("#desk-review")
        expect(review.get_by_role("heading", name="Awaiting review")).to_be_visible()
        expect(page.locator("#desk-scheduled")).to_contain_text("Harbour cranes return to work")
        page.wait_for_load_state("networkidle")
        assert page.evaluate("window.cspViolations") == []
        review.get_by_role("link", name="Ferry timetable changes from Monday").click()
        expect(page).to_have_url(f"{live_server.url}/admin/articles/article/{waiting.pk}/change/")
        page.get_by_role("button", name="Log out").click()

        sign_in(page, live_server.url, author.username, PASSWORD, "/admin/")
        expect(page.locator("#desk-drafts")).to_contain_text("Nothing of yours in progress")
        assert "Ferry timetable changes" not in page.content()
        page.goto(f"{live_server.url}/admin/articles/article/{waiting.pk}/change/")
        expect(page.get_by_role("heading", name="This is a colleague’s story")).to_be_visible()
        page.get_by_role("link", name="Back to the desk").click()
        expect(page.get_by_role("heading", name="Desk", exact=True)).to_be_visible()

    # The refusal answers 403 by design; nothing else the pages asked for may fail.
    refused = f"{live_server.url}/admin/articles/article/{waiting.pk}/change/"
    assert [url for url in failed if url != refused] == []
