"""The Content-Security-Policy holds in a real browser: pages and the editors' form work
under it and Chromium reports no violation."""

import pytest

from .browser import browser_available, chromium_page, sign_in
from .factories import ArticleFactory

__all__ = ["browser_available"]  # a fixture, used by name

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

# Registered before any page script runs; DevTools-injected, so the policy doesn't stop it.
RECORD_VIOLATIONS = """
window.cspViolations = [];
document.addEventListener("securitypolicyviolation", (event) => {
    window.cspViolations.push(`${event.violatedDirective} ${event.blockedURI}`);
});
"""


def test_reader_pages_and_the_story_form_run_with_no_csp_violation(
    browser_available, live_server, editor
):
    from playwright.sync_api import expect

    article = ArticleFactory(headline="Harbour cranes return to work")
    console = []
    with chromium_page() as page:
        page.add_init_script(RECORD_VIOLATIONS)
        page.on("console", lambda message: console.append(f"{message.type}: {message.text}"))

        def violations_on(path: str) -> list[str]:
            response = page.goto(live_server.url + path)
            policy = response.headers["content-security-policy"]  # enforced, not report-only
            directives = dict(part.strip().split(" ", 1) for part in policy.split(";"))
            assert "'unsafe-inline'" not in directives["script-src"]
            page.wait_for_load_state("networkidle")
            return page.evaluate("window.cspViolations")

        assert violations_on("/") == []
        assert violations_on(article.get_absolute_url()) == []
        # The article's own scripts ran: the typo report button is theirs.
        expect(page.get_by_role("button", name="Report a typo")).to_be_visible()
        assert violations_on("/search/?q=harbour") == []

        sign_in(page, live_server.url, editor.username, "correct horse battery", "/admin/")
        assert violations_on(f"/admin/articles/article/{article.pk}/change/") == []
        # The rich-text editor (ES modules through an import map) came up under the policy.
        expect(page.locator(".prose-editor").first).to_be_visible()
        assert violations_on("/admin/articles/article/add/") == []

    # Chromium also complains here about a policy header it cannot read.
    complaints = ("Content Security Policy", "Permissions-Policy", "Permissions policy")
    assert not [line for line in console if any(word in line for word in complaints)], console
