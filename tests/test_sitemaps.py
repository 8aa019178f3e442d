from datetime import timedelta
from urllib.parse import urlsplit

import pytest
from django.contrib.flatpages.models import FlatPage
from django.contrib.sites.models import Site
from django.utils import timezone
from lxml import etree

from articles.models import Article
from articles.sitemaps import ArticleSitemap

from .factories import ArticleFactory, PersonFactory

pytestmark = pytest.mark.django_db

NS = {
    "sm": "http://www.sitemaps.org/schemas/sitemap/0.9",
    "image": "http://www.google.com/schemas/sitemap-image/1.1",
    "news": "http://www.google.com/schemas/sitemap-news/0.9",
}


def xml(client, url):
    response = client.get(urlsplit(url).path + (f"?{urlsplit(url).query}" if "?" in url else ""))
    assert response.status_code == 200, url
    return etree.fromstring(response.content)


@pytest.fixture
def content():
    author = PersonFactory(name="Ada Brook", slug="ada-brook")
    story = ArticleFactory(
        headline="Bridge reopens", authors=[author], tags=["Bridges"], main_image__renditions=True
    )
    old = ArticleFactory(headline="Old story", published_at=timezone.now() - timedelta(days=5))
    draft = ArticleFactory(
        headline="Draft", status=Article.Status.DRAFT, published_at=None, tags=["Secret"]
    )
    scheduled = ArticleFactory(headline="Later", published_at=timezone.now() + timedelta(days=1))
    page = FlatPage.objects.create(url="/about/", title="About", content="<p>Us</p>")
    page.sites.add(Site.objects.get_current())
    return {"story": story, "old": old, "hidden": [draft, scheduled]}


def all_locations(client):
    index = xml(client, "/sitemap.xml")
    files = index.xpath("//sm:sitemap/sm:loc/text()", namespaces=NS)
    return files, {
        file: xml(client, file).xpath("//sm:url/sm:loc/text()", namespaces=NS) for file in files
    }


def test_index_and_every_sitemap_parse_and_every_url_answers(client, content):
    files, locations = all_locations(client)
    names = {urlsplit(file).path for file in files}
    assert {"/sitemap-sections.xml", "/sitemap-articles.xml", "/sitemap-news.xml"} <= names
    assert {"/sitemap-authors.xml", "/sitemap-tags.xml", "/sitemap-editorial.xml"} <= names
    every = [url for urls in locations.values() for url in urls]
    assert "http://example.com/about/" in every
    assert "http://example.com/authors/ada-brook/" in every
    assert "http://example.com/tags/bridges/" in every
    for url in every:
        assert client.get(urlsplit(url).path).status_code == 200, url


def test_no_unpublished_story_or_its_tag_appears(client, content):
    _, locations = all_locations(client)
    every = " ".join(url for urls in locations.values() for url in urls)
    for article in content["hidden"]:
        assert article.get_absolute_url() not in every
    assert "/tags/secret/" not in every


def test_article_entries_carry_lastmod_and_their_photo(client, content):
    story = content["story"]
    root = xml(client, "/sitemap-articles.xml")
    entry = root.xpath(
        f"//sm:url[sm:loc='http://example.com{story.get_absolute_url()}']", namespaces=NS
    )[0]

    assert entry.findtext("sm:lastmod", namespaces=NS).startswith(f"{story.published_at:%Y-%m-%d}")
    image = entry.find("image:image", namespaces=NS)
    shared = story.main_image.shared_file  # a rendition without metadata, not the original
    assert image.findtext("image:loc", namespaces=NS) == f"http://example.com/media/{shared.name}"
    assert shared.name.startswith(f"renditions/{story.main_image_id}/")
    assert image.findtext("image:caption", namespaces=NS) == story.caption
    assert image.findtext("image:license", namespaces=NS) == story.main_image.licence.url


def test_articles_are_split_into_files_of_limited_size(client, content, monkeypatch):
    monkeypatch.setattr(ArticleSitemap, "limit", 1)
    files, locations = all_locations(client)

    article_files = [f for f in files if "sitemap-articles.xml" in f]
    assert len(article_files) == 2
    assert all(len(locations[f]) == 1 for f in article_files)


def test_news_sitemap_lists_the_last_48_hours(client, content):
    root = xml(client, "/sitemap-news.xml")
    titles = root.xpath("//news:title/text()", namespaces=NS)

    assert titles == ["Bridge reopens"]
    assert root.xpath("//news:publication/news:name/text()", namespaces=NS) == ["Newsroom"]
    assert root.xpath("//news:publication/news:language/text()", namespaces=NS) == ["en"]
    assert root.xpath("//news:publication_date/text()", namespaces=NS)


def test_robots_txt_names_the_sitemaps_and_keeps_crawlers_out(client):
    response = client.get("/robots.txt")
    lines = response.content.decode().splitlines()

    assert response["Content-Type"].startswith("text/plain")
    assert "Disallow: /admin/" in lines
    assert "Disallow: /search/" in lines
    assert "Disallow: /preview/" in lines
    assert "Sitemap: http://example.com/sitemap.xml" in lines
    assert "Sitemap: http://example.com/sitemap-news.xml" in lines
