"""A story's history in Chromium: the differences read as text, and an earlier version is
restored, byline and all, in two clicks, with no CSP violation."""

import pytest

from articles.history import record_related_since
from articles.models import Article, Byline

from .browser import browser_available, chromium_page, sign_in
from .factories import ArticleFactory, PersonFactory
from .test_csp_browser import RECORD_VIOLATIONS

__all__ = ["browser_available"]  # a fixture, used by name

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


def test_an_editor_reads_the_history_and_restores_an_earlier_version(
    browser_available, live_server, editor
):
    from playwright.sync_api import expect

    ann, bo = PersonFactory(name="Ann Lee"), PersonFactory(name="Bo Chen")
    story = ArticleFactory(
        headline="The bridge opens on Monday",
        body="<p>Cars will wait an hour.</p>",
        status=Article.Status.DRAFT,
        published_at=None,
        authors=[ann, bo],
    )
    record_related_since(Article.history.model, story.pk, None)  # as the admin records it
    Byline.objects.filter(article=story, person=bo).delete()
    story.headline = "The bridge opens on Tuesday"
    story.body = "<p>Cars will wait two hours.</p>"
    story.save()

    with chromium_page() as page:
        page.add_init_script(RECORD_VIOLATIONS)
        page.set_viewport_size({"width": 1440, "height": 900})
        sign_in(page, live_server.url, editor.username, "correct horse battery", "/admin/")
        page.goto(f"{live_server.url}/admin/articles/article/{story.pk}/history/")

        newest = page.locator("li.revision").first
        expect(newest.locator("[data-field=headline] del")).to_have_text("Monday")
        expect(newest.locator("[data-field=headline] ins")).to_have_text("Tuesday")
        expect(newest.locator("[data-field=body] ins")).to_have_text("two hours.")
        expect(newest.get_by_text("Byline: Ann Lee, Bo Chen → Ann Lee")).to_be_visible()
        assert page.evaluate("window.cspViolations") == []

        page.get_by_role("link", name="Restore this version…").click()
        expect(page.locator(".restore__headline")).to_have_text("The bridge opens on Monday")
        expect(page.locator("textarea:visible")).to_have_count(0)
        assert page.evaluate("window.cspViolations") == []
        page.get_by_role("button", name="Restore this version").click()

        expect(page.locator(".messagelist")).to_contain_text("Restored the version saved")
        assert page.url.endswith(f"/admin/articles/article/{story.pk}/change/")
        assert page.evaluate("window.cspViolations") == []

    story.refresh_from_db()
    assert story.headline == "The bridge opens on Monday"
    assert [b.person.name for b in story.bylines.order_by("position")] == ["Ann Lee", "Bo Chen"]
