"""No address is listed twice across the sitemap files of the index."""

from collections import Counter
from datetime import timedelta
from urllib.parse import urlsplit

import pytest
from django.contrib.flatpages.models import FlatPage
from django.contrib.sites.models import Site
from django.utils import timezone
from lxml import etree

from .factories import ArticleFactory, PersonFactory

pytestmark = pytest.mark.django_db

SM = {"sm": "http://www.sitemaps.org/schemas/sitemap/0.9"}


def locations(client, url):
    parts = urlsplit(url)
    response = client.get(parts.path, dict([parts.query.split("=")]) if parts.query else {})
    assert response.status_code == 200, url
    return etree.fromstring(response.content).xpath("//sm:loc/text()", namespaces=SM)


def test_every_address_is_listed_once_across_all_sitemaps(client):
    now = timezone.now()
    people = [PersonFactory(name="Ada Brook", slug="ada-brook"), PersonFactory()]
    # Stories of the last two days (the news sitemap's) and older ones, over two months,
    # sharing tags and authors.
    for days in (0, 1, 3, 40):
        ArticleFactory(
            published_at=now - timedelta(days=days, hours=1),
            authors=people,
            tags=["Bridges", "Floods"],
            main_image__renditions=True,
        )
    page = FlatPage.objects.create(url="/about/", title="About", content="<p>Us</p>")
    page.sites.add(Site.objects.get_current())

    files = locations(client, "/sitemap.xml")
    listed = Counter(url for file in files for url in locations(client, file))

    assert len(files) == len(set(files))
    assert {url: n for url, n in listed.items() if n > 1} == {}
    assert "http://example.com/about/" in listed
    assert sum("/tags/" in url for url in listed) == 2
