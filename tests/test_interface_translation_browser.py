"""The scripts on a Russian page speak Russian (issue 12): live updates count in
Russian plural forms, and the typo dialog and the share box say their words from
the page, not from the script."""

import re
from datetime import timedelta

import pytest
from django.db import transaction
from django.utils import timezone

from articles.models import LiveUpdate
from newsroom.pagecache import bump_version

from .browser import browser_available, chromium_page
from .factories import ArticleFactory, SectionFactory
from .test_editorial_workflow_browser import in_own_thread
from .test_reader_browser import NO_CLIPBOARD

__all__ = ["browser_available"]  # a fixture, used by name

# The live server and the test share the database, so it is committed, not rolled back.
pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


@pytest.fixture
def world():
    return SectionFactory(name="World", slug="world", translations={"ru": {"name": "Мир"}})


def test_new_updates_are_counted_in_russian(browser_available, live_server, settings, world):
    from playwright.sync_api import expect

    settings.LIVE_POLL_SECONDS = 1
    now = timezone.now()
    story = ArticleFactory(
        language="ru",
        section=world,
        main_image=None,
        headline="Шторм над заливом, онлайн",
        live_from=now - timedelta(hours=1),
    )
    LiveUpdate.objects.create(article=story, published_at=now, text="Ветер 90 км/ч.")

    def post(*texts):
        """The updates at once, as one commit: a poll sees all of them or none."""

        def create():
            with transaction.atomic():
                for text in texts:
                    LiveUpdate.objects.create(article=story, text=text)

        in_own_thread(create)
        bump_version()

    with chromium_page() as page:
        page.goto(live_server.url + story.get_absolute_url())
        status = page.locator("[data-live-status]")
        expect(status).to_have_text("Сначала новые.")

        post("Паром на острова отменён.", "Мост закрыт.")
        # 2 takes the "few" form: обновления, not обновление or обновлений.
        expect(status).to_have_text(
            re.compile(r"^2 новых обновления в \d\d:\d\d\. Сначала новые\.$"), timeout=15_000
        )

        # Browsers keep a poll's answer a few seconds (BROWSER_SECONDS): hence the waits.
        post(*(f"Сообщение {number}." for number in range(5)))
        expect(status).to_have_text(
            re.compile(r"^5 новых обновлений в \d\d:\d\d\. Сначала новые\.$"), timeout=15_000
        )


def test_typo_dialog_and_share_box_speak_russian(browser_available, live_server, world):
    from playwright.sync_api import expect

    story = ArticleFactory(
        language="ru", section=world, main_image=None, headline="Докеры закончили забастовку"
    )
    with chromium_page() as page:
        page.add_init_script(NO_CLIPBOARD)
        page.goto(live_server.url + story.get_absolute_url())

        page.get_by_role("button", name="Сообщить об опечатке").click()
        dialog = page.get_by_role("dialog", name="Сообщить об опечатке")
        dialog.get_by_role("button", name="Отправить").click()
        # The browser's own check of the empty required box may speak first; ours, from
        # the page's data-typo-empty, once the box holds only spaces.
        dialog.get_by_label("Слова с ошибкой").fill("   ")
        dialog.get_by_role("button", name="Отправить").click()
        expect(dialog.locator("[data-typo-status]")).to_have_text(
            "Скопируйте в поле слова с ошибкой."
        )
        dialog.get_by_role("button", name="Отмена").click()

        page.get_by_role("button", name="Скопировать ссылку").click()
        status = page.locator("[data-share-status]")
        expect(status).to_contain_text("Скопируйте этот адрес:")
        assert page.get_by_role("textbox", name="Адрес материала").is_visible()
