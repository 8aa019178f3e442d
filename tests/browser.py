"""Playwright with the system's Chromium (Debian's `chromium`, installed by .ci/run).

Without it the browser tests skip here, but fail in CI, which must run them.
"""

import importlib.util
import os
from contextlib import contextmanager
from pathlib import Path

import pytest

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking"]


@pytest.fixture
def browser_available():
    if importlib.util.find_spec("playwright") is None:
        missing = "the playwright package is not installed (pip install -e '.[dev]')"
    elif not CHROMIUM.exists():
        missing = f"{CHROMIUM} is missing (apt-get install chromium)"
    else:
        return
    if os.environ.get("CI"):
        pytest.fail(f"CI must run the browser tests, but {missing}.")
    pytest.skip(missing)


@contextmanager
def chromium_page():
    # Imported here so that the module loads, and the tests can skip, without Playwright.
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        try:
            page = browser.new_page()
            page.set_default_timeout(10_000)
            yield page
        finally:
            browser.close()


def sign_in(page, base_url: str, username: str, password: str, next_path: str) -> None:
    page.goto(f"{base_url}/admin/login/?next={next_path}")
    page.get_by_label("Username").fill(username)
    page.get_by_label("Password").fill(password)
    page.get_by_role("button", name="Log in").click()
