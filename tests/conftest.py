import os

import pytest
from bs4 import BeautifulSoup
from django.conf import settings
from django.core.cache import cache, caches
from django.test import override_settings


def pytest_sessionstart(session):
    # PostgreSQL-only tests skip themselves on SQLite; in CI that would hide them.
    engine = settings.DATABASES["default"]["ENGINE"]
    if os.environ.get("CI") and not engine.endswith("postgresql"):
        raise pytest.UsageError(f"CI must run the tests on PostgreSQL, not {engine}.")


@pytest.fixture(autouse=True)
def _isolated_files_and_cache(settings, tmp_path):
    """Uploads go to temporary folders (originals apart, as in production); static files
    need no collectstatic; a clean cache."""
    settings.MEDIA_ROOT = tmp_path / "media"
    settings.STORAGES = {
        **settings.STORAGES,
        "originals": {
            "BACKEND": "django.core.files.storage.FileSystemStorage",
            "OPTIONS": {"location": tmp_path / "originals"},
        },
        "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
    }
    # A test's transaction never commits, so the page cache never hears of the changes
    # it makes: pages are stored only where tests/test_caching.py asks for it.
    settings.PAGE_CACHE = {**settings.PAGE_CACHE, "SECONDS": 0}
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def html():
    """Parse a response into a soup, failing on anything but 200."""

    def parse(response):
        assert response.status_code == 200, response.status_code
        return BeautifulSoup(response.content, "html.parser")

    return parse


@pytest.fixture
def editor(django_user_model):
    return django_user_model.objects.create_user(
        username="desk", password="correct horse battery", is_staff=True, is_superuser=True
    )


@pytest.fixture
def editor_client(client, editor):
    client.force_login(editor)
    return client


@pytest.fixture
def cache_down():
    """The shared cache is Redis on a loopback port where nothing listens: a real outage."""
    unreachable = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": "redis://127.0.0.1:1/0",
        }
    }
    # override_settings makes Django drop its cache connections, so the new one is used.
    with override_settings(CACHES=unreachable):
        assert caches["default"].__class__.__name__ == "RedisCache"
        yield
