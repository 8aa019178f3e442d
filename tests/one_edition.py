"""A site with one edition (NEWSROOM_EDITIONS=en): today's addresses, no language prefix,
no switcher, no hreflang. Not collected with the others: tests/test_editions.py runs it
in a process of its own, whose settings and URL resolver are built for one edition."""

import pytest
from bs4 import BeautifulSoup
from django.conf import settings
from django.urls import reverse

from .factories import ArticleFactory, SectionFactory

pytestmark = pytest.mark.django_db


def test_the_settings_name_one_edition():
    assert settings.LANGUAGES == [("en", "en")]
    assert reverse("articles:feed") == "/rss/"


def test_todays_addresses_and_no_edition_prefix(client):
    story = ArticleFactory(section=SectionFactory(name="World", slug="world"))
    assert story.get_absolute_url().startswith("/world/")

    for path in ("/", "/world/", story.get_absolute_url(), "/news/", "/rss/", "/sitemap.xml"):
        assert client.get(path).status_code == 200, path
    for path in ("/ru/", "/ru/world/", "/de/news/", "/ru/rss/", "/ru/sitemap.xml"):
        assert client.get(path).status_code == 404, path
    assert client.get(f"/ru{story.get_absolute_url()}").status_code == 404

    page = BeautifulSoup(client.get(story.get_absolute_url()).content, "html.parser")
    assert page.html["lang"] == "en"
    assert page.select("nav.editions") == []
    assert page.select("link[hreflang]") == []
    assert page.select_one("meta[property='og:locale']")["content"] == "en_GB"
    assert page.select("meta[property='og:locale:alternate']") == []
    assert BeautifulSoup(client.get("/").content, "html.parser").select("link[hreflang]") == []


def test_sitemaps_and_robots_of_one_edition(client):
    ArticleFactory()
    index = client.get("/sitemap.xml").content.decode()
    assert "http://example.com/sitemap-news.xml" in index
    assert "/ru/" not in index and "/de/" not in index
    assert "xhtml:link" not in client.get("/sitemap-news.xml").content.decode()

    lines = client.get("/robots.txt").content.decode().splitlines()
    assert [line for line in lines if line.startswith("Sitemap:")] == [
        "Sitemap: http://example.com/sitemap.xml",
        "Sitemap: http://example.com/sitemap-news.xml",
    ]
    assert "Disallow: /search/" in lines
    assert not any("/ru/" in line for line in lines)
