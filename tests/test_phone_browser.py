"""The site on a 390px phone (issue 11, "Phone first"), in Chromium with touch emulated.

A compact header that leaves room for the news, search behind an icon, a section bar that
shows it scrolls, small thumbnails beside headlines, a typo hint worded for touch, and
corrections that do not look like the subscribe box.
"""

from datetime import timedelta

import pytest
from django.utils import timezone

from articles.models import Correction

from .browser import CHROMIUM, CHROMIUM_ARGS, browser_available
from .factories import ArticleFactory, SectionFactory

__all__ = ["browser_available"]  # a fixture, used by name

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

PHONE = {"width": 390, "height": 844}
SECTIONS = ["World", "Russia", "Society", "Opinion", "Science", "Sport", "Incidents", "Business"]


@pytest.fixture
def newsroom():
    """Eight sections (more than a phone's width), stories with photos in World and one
    in Business with a correction."""
    sections = {name: SectionFactory(name=name, slug=name.lower()) for name in SECTIONS}
    now = timezone.now()
    world = [
        ArticleFactory(
            section=sections["World"],
            headline=f"Ministers meet at the border crossing, day {n}",
            published_at=now - timedelta(hours=n + 1),
            main_image__renditions=True,
        )
        for n in range(3)
    ]
    corrected = ArticleFactory(
        section=sections["Business"],
        headline="Harbour authority raises its port fees",
        published_at=now - timedelta(hours=5),
        main_image=None,
    )
    Correction.objects.create(
        article=corrected, text="An earlier version gave the wrong year for the last rise."
    )
    return {"world": world, "corrected": corrected}


def phone_page(playwright, *, touch=True):
    browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
    if touch:
        context = browser.new_context(viewport=PHONE, is_mobile=True, has_touch=True)
    else:
        context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.set_default_timeout(10_000)
    return browser, page


def test_the_news_starts_under_a_compact_header(browser_available, live_server, newsroom):
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser, page = phone_page(playwright)
        try:
            page.goto(live_server.url + "/")
            header = page.locator(".site-header").bounding_box()
            assert header["height"] <= 110, header
            headline = page.locator(".top-story__headline").bounding_box()
            assert headline["y"] + headline["height"] / 2 < 300, headline

            page.goto(live_server.url + "/news/")
            first = page.locator(".story-list .card__headline").first.bounding_box()
            assert first["y"] < 300, first
        finally:
            browser.close()


def test_the_search_icon_opens_a_focused_search_field(browser_available, live_server, newsroom):
    from playwright.sync_api import expect, sync_playwright

    with sync_playwright() as playwright:
        browser, page = phone_page(playwright)
        try:
            page.goto(live_server.url + "/")
            field = page.get_by_role("searchbox", name="Search the news")
            expect(field).to_be_hidden()
            # The icon is the one button named Search while the field is hidden.
            expect(page.get_by_role("button", name="Search")).to_have_count(1)
            toggle = page.locator("[data-search-toggle]")
            expect(toggle).to_have_attribute("role", "button")
            expect(toggle).to_have_attribute("aria-expanded", "false")

            toggle.tap()
            expect(field).to_be_visible()
            expect(field).to_be_focused()
            expect(toggle).to_have_attribute("aria-expanded", "true")
            field.fill("border")
            field.press("Enter")
            page.wait_for_url("**/search/?q=border")

            # Escape closes it again and gives the focus back to the icon.
            page.goto(live_server.url + "/")
            page.locator("[data-search-toggle]").tap()
            page.keyboard.press("Escape")
            expect(page.get_by_role("searchbox", name="Search the news")).to_be_hidden()
            expect(page.locator("[data-search-toggle]")).to_be_focused()
        finally:
            browser.close()

        # On a desktop the field is simply there, and there is no icon.
        browser, page = phone_page(playwright, touch=False)
        try:
            page.goto(live_server.url + "/")
            expect(page.get_by_role("searchbox", name="Search the news")).to_be_visible()
            expect(page.locator("[data-search-toggle]")).to_be_hidden()
        finally:
            browser.close()


def test_the_section_bar_shows_it_scrolls(browser_available, live_server, newsroom):
    from playwright.sync_api import expect, sync_playwright

    with sync_playwright() as playwright:
        browser, page = phone_page(playwright)
        try:
            page.goto(live_server.url + "/business/")
            bar = page.locator(".section-nav__list")
            assert bar.evaluate("el => el.scrollWidth > el.clientWidth")
            # The current section, the last one, was scrolled into view.
            current = page.locator(".section-nav a[aria-current=page]")
            expect(current).to_have_text("Business")
            box = current.bounding_box()
            assert box["x"] >= 0 and box["x"] + box["width"] <= PHONE["width"], box
            # "News — all" is on screen, and a fade says there are sections before.
            everything = page.get_by_role("link", name="News — all")
            box = everything.bounding_box()
            assert box["x"] + box["width"] <= PHONE["width"], box
            nav = page.locator(".section-nav")
            expect(nav).to_have_class("section-nav section-nav--scrolls section-nav--more-before")
            # The fade eases in (0.15 s): wait for it to end, not for the first frame.
            page.wait_for_function(
                "getComputedStyle(document.querySelector('.section-nav'), '::before')"
                ".opacity === '1'"
            )

            # At the start, the fade is at the other end (under "News — all").
            page.goto(live_server.url + "/world/")
            nav = page.locator(".section-nav")
            expect(nav).to_have_class("section-nav section-nav--scrolls section-nav--more-after")
            fade = page.locator(".section-nav__all").evaluate(
                "el => getComputedStyle(el, '::before').backgroundImage"
            )
            assert "linear-gradient" in fade
            assert nav.evaluate("el => getComputedStyle(el, '::before').opacity") == "0"
        finally:
            browser.close()


def test_listed_stories_are_thumbnails_beside_headlines(browser_available, live_server, newsroom):
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser, page = phone_page(playwright)
        try:
            # Every story card with a photo: the news list, and a section front below its lead.
            for path, listed in (("/news/", 3), ("/world/", 2)):
                page.goto(live_server.url + path)
                cards = page.locator("main .card--with-image")
                assert cards.count() >= listed, path
                for index in range(cards.count()):
                    photo = cards.nth(index).locator(".card__image img").bounding_box()
                    headline = cards.nth(index).locator(".card__headline").bounding_box()
                    assert photo["width"] <= 140, (path, photo)
                    # Side by side: the headline starts right of the photo, at its height.
                    assert headline["x"] >= photo["x"] + photo["width"], (path, headline)
                    assert headline["y"] < photo["y"] + photo["height"], (path, headline)
        finally:
            browser.close()


def test_the_typo_hint_speaks_to_touch_and_to_keyboards(browser_available, live_server, newsroom):
    from playwright.sync_api import expect, sync_playwright

    path = newsroom["world"][0].get_absolute_url()
    with sync_playwright() as playwright:
        browser, page = phone_page(playwright)
        try:
            page.goto(live_server.url + path)
            hint = page.locator(".typo-hint")
            # innerText: what is shown, not the hidden keyboard part of the text.
            expect(hint).to_have_text("Found a mistake? Report a typo", use_inner_text=True)
            button = hint.get_by_role("button", name="Report a typo")
            box = button.bounding_box()
            assert box["height"] >= 36, box  # a button a thumb can hit, not a word-sized link
            button.tap()
            expect(page.get_by_role("dialog", name="Report a typo")).to_be_visible()
            expect(page.locator("#typo-text-help")).to_have_text(
                "Copy them here, or close this and select them in the article, "
                "then tap “Report a typo” again.",
                use_inner_text=True,
            )
        finally:
            browser.close()

        browser, page = phone_page(playwright, touch=False)
        try:
            page.goto(live_server.url + path)
            expect(page.locator(".typo-hint")).to_have_text(
                "Found a mistake? Select it with the mouse and press Ctrl+Enter, or Report a typo",
                use_inner_text=True,
            )
        finally:
            browser.close()


def test_corrections_do_not_look_like_the_subscribe_box(browser_available, live_server, newsroom):
    from playwright.sync_api import expect, sync_playwright

    style = """el => {
        const s = getComputedStyle(el);
        return [s.backgroundColor, s.borderLeftWidth, s.borderTopWidth, s.fontStyle, s.fontFamily];
    }"""
    with sync_playwright() as playwright:
        browser, page = phone_page(playwright)
        try:
            page.goto(live_server.url + newsroom["corrected"].get_absolute_url())
            corrections = page.locator(".corrections")
            expect(corrections).to_contain_text("the wrong year for the last rise")
            background, left, top, font_style, family = corrections.evaluate(style)
            assert background == "rgba(0, 0, 0, 0)"  # no fill: a note, not a box
            assert left == "0px" and top == "2px"
            assert font_style == "italic" and family.startswith('"Source Serif"')
            subscribe = page.locator(".subscribe")
            if subscribe.count():
                assert subscribe.evaluate(style) != corrections.evaluate(style)
                assert subscribe.evaluate(style)[0] != background
        finally:
            browser.close()
