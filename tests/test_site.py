"""Site-wide pieces: reserved addresses, error pages, health check, settings."""

import pytest
from django.conf import settings
from django.test import RequestFactory
from django.urls import get_resolver

from newsroom.errors import server_error
from sections.models import RESERVED_SLUGS


def test_every_fixed_address_of_the_site_is_a_reserved_section_slug():
    def first_segment(pattern):
        return str(pattern.pattern).lstrip("^").split("/")[0]

    def top_level(patterns):
        # The articles app is included at the root (in the default edition, without a
        # language prefix): its own patterns are top-level addresses.
        for pattern in patterns:
            if first_segment(pattern):
                yield first_segment(pattern)
            else:
                yield from top_level(getattr(pattern, "url_patterns", []))

    prefixes = set(top_level(get_resolver().url_patterns)) | {
        code for code, _ in settings.LANGUAGES
    }
    # Variable parts and file names (a slug cannot hold a dot) cannot collide with a section.
    prefixes = {p for p in prefixes if p and not set(p) & set("<(.")}
    assert prefixes - RESERVED_SLUGS == set()
    assert {"admin", "news", "authors", "tags", "archive", "rss", "sitemap"} <= prefixes


def test_server_error_page_is_designed_and_needs_no_database():
    # No django_db mark: any database access would fail this test.
    response = server_error(RequestFactory().get("/"))

    assert response.status_code == 500
    assert b"Something went wrong on our side" in response.content
    assert b"Newsroom" in response.content


@pytest.mark.django_db
def test_readiness_check_reports_the_database(client):
    response = client.get("/readyz")
    assert response.status_code == 200
    assert response.json()["database"] == "up"
    assert "no-cache" in response["Cache-Control"]
