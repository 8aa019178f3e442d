"""A reader keeps a live story open in Chromium and new updates appear without a reload."""

from datetime import timedelta

import pytest
from django.utils import timezone

from articles.models import LiveUpdate
from newsroom.pagecache import bump_version

from .browser import browser_available, chromium_page
from .factories import ArticleFactory
from .test_editorial_workflow_browser import in_own_thread

__all__ = ["browser_available"]  # a fixture, used by name

# The live server and the test share the database, so it is committed, not rolled back.
pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


def test_new_updates_appear_on_an_open_live_page_and_polling_stops_when_coverage_ends(
    browser_available, live_server, settings
):
    settings.LIVE_POLL_SECONDS = 1
    settings.PAGE_CACHE = {**settings.PAGE_CACHE, "SECONDS": 300}  # as in production
    now = timezone.now()
    story = ArticleFactory(headline="Storm over the bay, live", live_from=now - timedelta(hours=1))
    LiveUpdate.objects.create(
        article=story, published_at=now - timedelta(minutes=5), text="Wind at 90 km/h."
    )
    failures, violations = [], []

    with chromium_page() as page:
        page.on("requestfailed", lambda request: failures.append(request.url))
        page.on(
            "console", lambda m: violations.append(m.text) if "Content Security" in m.text else None
        )
        page.goto(live_server.url + story.get_absolute_url())
        updates = page.locator(".live-update__text")
        assert updates.all_inner_texts() == ["Wind at 90 km/h."]

        in_own_thread(
            lambda: LiveUpdate.objects.create(
                article=story, text="The ferry to the islands is cancelled."
            )
        )
        bump_version()  # what the admin's save does once committed

        page.get_by_text("The ferry to the islands is cancelled.").wait_for()
        assert updates.all_inner_texts() == [
            "The ferry to the islands is cancelled.",
            "Wind at 90 km/h.",
        ]
        status = page.locator("[data-live-status]")
        assert status.inner_text().startswith("1 new update at ")

        in_own_thread(
            lambda: type(story).objects.filter(pk=story.pk).update(live_until=timezone.now())
        )
        bump_version()
        page.get_by_text("Coverage has ended.").wait_for()
        polls = []
        page.on("request", lambda request: polls.append(request.url))
        page.wait_for_timeout(2500)
        assert [url for url in polls if "/live/updates/" in url] == []

    assert failures == [] and violations == []
