from datetime import UTC, datetime, timedelta
from urllib.parse import urlsplit

import pytest
from django.contrib.flatpages.models import FlatPage
from django.contrib.sites.models import Site
from django.utils import timezone
from lxml import etree

from articles.models import Article
from articles.sitemaps import NewsSitemap

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
    # Out of the news sitemap's two days: the articles files list the older stories.
    story.published_at -= timedelta(days=3)
    story.save(update_fields=["published_at"])
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


def test_articles_are_split_into_one_file_per_month_oldest_first(client, fixed_now):
    # NOW is 14 March 2031: stories in January and March, none in February.
    ArticleFactory(headline="Early January", published_at=datetime(2031, 1, 2, 9, tzinfo=UTC))
    ArticleFactory(headline="Late January", published_at=datetime(2031, 1, 30, 9, tzinfo=UTC))
    ArticleFactory(headline="March", published_at=datetime(2031, 3, 10, 9, tzinfo=UTC))
    ArticleFactory(headline="Scheduled", published_at=datetime(2031, 3, 20, 9, tzinfo=UTC))

    files, locations = all_locations(client)

    article_files = [f for f in files if "sitemap-articles.xml" in f]
    # The oldest month keeps the bare address, so no file's address moves as months pass.
    assert article_files == [
        "http://example.com/sitemap-articles.xml",
        "http://example.com/sitemap-articles.xml?p=2",
    ]
    headlines = {
        file: sorted(
            Article.objects.get(pk=int(urlsplit(url).path.split("/")[2].split("-")[0])).headline
            for url in locations[file]
        )
        for file in article_files
    }
    assert headlines == {
        article_files[0]: ["Early January", "Late January"],
        article_files[1]: ["March"],
    }
    assert client.get("/sitemap-articles.xml?p=3").status_code == 404
    assert client.get("/sitemap-articles.xml?p=x").status_code == 404


def test_an_empty_archive_has_one_empty_articles_file(client):
    root = xml(client, "/sitemap-articles.xml")
    assert root.xpath("//sm:url", namespaces=NS) == []


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


# A fixed clock: the two-day window is measured from it, never from today's date.
NOW = datetime(2031, 3, 14, 12, 0, tzinfo=UTC)


@pytest.fixture
def fixed_now(monkeypatch):
    monkeypatch.setattr(timezone, "now", lambda: NOW)
    return NOW


def test_news_sitemap_holds_two_days_and_at_most_its_limit(client, fixed_now, monkeypatch):
    monkeypatch.setattr("articles.sitemaps.NEWS_LIMIT", 3)
    monkeypatch.setattr(NewsSitemap, "limit", 3)
    for hours in (1, 5, 20, 30, 47):
        ArticleFactory(headline=f"{hours} hours ago", published_at=NOW - timedelta(hours=hours))
    ArticleFactory(headline="Three days ago", published_at=NOW - timedelta(hours=49))
    ArticleFactory(headline="Scheduled", published_at=NOW + timedelta(hours=1))

    root = xml(client, "/sitemap-news.xml")
    index = xml(client, "/sitemap.xml")

    titles = root.xpath("//news:title/text()", namespaces=NS)
    assert titles == ["1 hours ago", "5 hours ago", "20 hours ago"]
    news_files = [
        loc
        for loc in index.xpath("//sm:sitemap/sm:loc/text()", namespaces=NS)
        if "sitemap-news" in loc
    ]
    assert news_files == ["http://example.com/sitemap-news.xml"]


def test_news_sitemap_leaves_out_stories_older_than_two_days(client, fixed_now):
    ArticleFactory(headline="Yesterday", published_at=NOW - timedelta(hours=24))
    ArticleFactory(
        headline="Just out of the window", published_at=NOW - timedelta(hours=48, seconds=1)
    )

    root = xml(client, "/sitemap-news.xml")

    assert root.xpath("//news:title/text()", namespaces=NS) == ["Yesterday"]


def test_index_names_each_file_once_with_the_latest_change(client, fixed_now):
    # Three months: January, February and March 2031 (NOW is 14 March).
    for days in (1, 2, 30, 31, 60):
        ArticleFactory(published_at=NOW - timedelta(days=days))
    ArticleFactory(published_at=NOW - timedelta(days=9), updated_at=NOW - timedelta(hours=2))

    index = xml(client, "/sitemap.xml")
    entries = {
        entry.findtext("sm:loc", namespaces=NS): entry.findtext("sm:lastmod", namespaces=NS)
        for entry in index.xpath("//sm:sitemap", namespaces=NS)
    }

    articles = [loc for loc in entries if "sitemap-articles" in loc]
    assert articles == [
        "http://example.com/sitemap-articles.xml",
        "http://example.com/sitemap-articles.xml?p=2",
        "http://example.com/sitemap-articles.xml?p=3",
    ]
    # The update two hours ago is the archive's latest change, for every file of it.
    latest = (NOW - timedelta(hours=2)).isoformat()
    assert {entries[loc] for loc in articles} == {latest}
