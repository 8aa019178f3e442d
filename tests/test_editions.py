"""Language editions (issue 12): every page, feed, sitemap and search stays within its
edition, and a story names its translations in the other editions.

English is the default edition at /, Russian at /ru/, German at /de/ (the settings'
default NEWSROOM_EDITIONS). Stories are dated on a fixed day, never today.
"""

import json
import os
import subprocess
import sys
import uuid
from datetime import UTC, datetime, timedelta
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

import pytest
import time_machine
from bs4 import BeautifulSoup
from django.conf import settings
from django.contrib.flatpages.models import FlatPage
from django.contrib.sites.models import Site
from django.db import connection
from django.test import Client
from django.utils import translation
from django.utils.translation import gettext
from lxml import etree

from articles import websub
from articles.models import Article, Correction, PreviewLink
from articles.services import article_view_record
from newsroom import pagecache
from newsroom.editions import edition

from .factories import ArticleFactory, PersonFactory, SectionFactory

pytestmark = pytest.mark.django_db

ORIGIN = "http://example.com"  # the Site's domain, as absolute addresses print it
# A Wednesday morning in London; the stories below are from the days before it.
NOW = datetime(2030, 3, 6, 10, 0, tzinfo=UTC)
NS = {
    "sm": "http://www.sitemaps.org/schemas/sitemap/0.9",
    "news": "http://www.google.com/schemas/sitemap-news/0.9",
    "xhtml": "http://www.w3.org/1999/xhtml",
}

on_postgresql = pytest.mark.skipif(
    connection.vendor != "postgresql", reason="stemming needs PostgreSQL (CI runs this)"
)


@pytest.fixture(autouse=True)
def clock():
    with time_machine.travel(NOW, tick=False) as traveller:
        yield traveller


@pytest.fixture
def world():
    return SectionFactory(
        name="World",
        slug="world",
        position=0,
        translations={"ru": {"name": "Мир"}, "de": {"name": "Welt"}},
    )


def story(language="en", hours_ago=3, **fields):
    """A story of the edition, published hours_ago before NOW unless fields say otherwise."""
    fields.setdefault("published_at", NOW - timedelta(hours=hours_ago))
    return ArticleFactory(language=language, **fields)


def link(*stories):
    """Makes the stories translations of one another, as the editors' link does."""
    key = uuid.uuid4()
    Article.objects.filter(pk__in=[s.pk for s in stories]).update(translation_key=key)
    for each in stories:
        each.translation_key = key
    return stories


def soup(response) -> BeautifulSoup:
    assert response.status_code == 200, response.status_code
    return BeautifulSoup(response.content, "html.parser")


def page_text(client, path) -> str:
    return " ".join(soup(client.get(path)).get_text(" ").split())


def feed(client, path):
    response = client.get(path)
    assert response.status_code == 200, path
    return etree.fromstring(response.content)


def xml(client, url):
    parts = urlsplit(url)
    response = client.get(parts.path, dict([parts.query.split("=")]) if parts.query else {})
    assert response.status_code == 200, url
    return etree.fromstring(response.content)


@pytest.fixture
def both(world):
    """A story in English and one in Russian, sharing a section, a tag, an author, a word
    of their leads, a correction and readers; a Russian author of her own."""
    ada = PersonFactory(name="Ada Brook", slug="ada-brook")
    ivan = PersonFactory(name="Ivan Petrov", slug="ivan-petrov")
    english = story(
        headline="Floods close the harbour road",
        lead="The harbour road is under water.",
        section=world,
        authors=[ada],
        tags=["Floods"],
    )
    russian = story(
        "ru",
        headline="Наводнение закрыло дорогу к порту",
        lead="Дорога к порту harbour под водой.",
        section=world,
        authors=[ada, ivan],
        tags=["Floods"],
    )
    for each in (english, russian):
        Correction.objects.create(article=each, text=f"An earlier version of {each.pk} erred.")
        article_view_record(article_id=each.pk)
    return {"en": english, "ru": russian}


LISTINGS = [
    ("/", "/ru/"),
    ("/news/", "/ru/news/"),
    ("/world/", "/ru/world/"),
    ("/tags/floods/", "/ru/tags/floods/"),
    ("/authors/ada-brook/", "/ru/authors/ada-brook/"),
    ("/archive/2030/03/", "/ru/archive/2030/03/"),
    ("/archive/2030/03/06/", "/ru/archive/2030/03/06/"),
    ("/search/?q=harbour", "/ru/search/?q=harbour"),
    ("/corrections/", "/ru/corrections/"),
    ("/sitemap/", "/ru/sitemap/"),
]


@pytest.mark.parametrize(("english", "russian"), LISTINGS)
def test_every_listing_shows_its_own_editions_stories_only(client, both, english, russian):
    """Main column and rails (Last materials, Popular, breaking news) alike."""
    on_english, on_russian = page_text(client, english), page_text(client, russian)

    assert both["en"].headline in on_english
    assert both["ru"].headline not in on_english
    assert both["ru"].headline in on_russian
    assert both["en"].headline not in on_russian


def test_popular_and_last_materials_draw_on_their_edition(client, both, world):
    # More read than anything English: it would top Popular on every edition's pages.
    for _ in range(5):
        article_view_record(article_id=both["ru"].pk)

    def rail(path, heading):
        block = soup(client.get(path)).select_one(f"section[aria-labelledby={heading}]")
        return [a["href"] for a in block.select("a[href]")] if block else []

    for heading in ("popular-heading", "last-materials-heading"):
        assert both["en"].get_absolute_url() in rail("/world/", heading)
        assert both["ru"].get_absolute_url() not in rail("/world/", heading)
        assert rail("/ru/world/", heading)[0] == both["ru"].get_absolute_url()
        assert both["en"].get_absolute_url() not in rail("/ru/world/", heading)


def test_a_storys_own_blocks_draw_on_its_edition(client, both, world):
    """Now reading and Related stories of a Russian story: Russian stories only."""
    other = story("ru", headline="Второй материал о наводнении", section=world, tags=["Floods"])
    english_too = story(headline="Second flood story", section=world, tags=["Floods"])
    article_view_record(article_id=english_too.pk)

    page = soup(client.get(both["ru"].get_absolute_url()))
    related = [a["href"] for a in page.select("section[aria-labelledby=related-heading] a")]
    reading = [a["href"] for a in page.select("section[aria-labelledby=now-reading-heading] a")]

    assert other.get_absolute_url() in related
    assert other.get_absolute_url() in reading
    for href in related + reading:
        assert english_too.get_absolute_url() != href
        assert both["en"].get_absolute_url() != href


def test_breaking_news_is_announced_in_its_own_edition(client, both):
    Article.objects.filter(pk=both["ru"].pk).update(breaking_until=NOW + timedelta(hours=1))

    assert soup(client.get("/ru/")).select_one(".breaking a")["href"] == (
        both["ru"].get_absolute_url()
    )
    assert soup(client.get("/")).select_one(".breaking") is None


def test_authors_and_tags_are_those_of_the_edition(client, both):
    authors = page_text(client, "/authors/")
    assert "Ada Brook" in authors
    assert "Ivan Petrov" not in authors
    assert "Ivan Petrov" in page_text(client, "/ru/authors/")
    # He has no English story: no English page, nor feed.
    assert client.get("/authors/ivan-petrov/").status_code == 404
    assert client.get("/authors/ivan-petrov/rss/").status_code == 404
    assert client.get("/ru/authors/ivan-petrov/").status_code == 200

    story("ru", tags=["Паводки"])
    assert client.get("/ru/tags/паводки/").status_code == 200
    assert client.get("/tags/паводки/").status_code == 404


def test_an_editions_archive_holds_its_own_months(client, both):
    story("ru", hours_ago=24 * 40, headline="Январский материал")

    def months(path):
        return [a["href"] for a in soup(client.get(path)).select("main a[href*='/archive/']")]

    assert "/ru/archive/2030/1/" in months("/ru/archive/")
    assert not any(href.endswith("/2030/1/") for href in months("/archive/"))
    assert client.get("/archive/2030/01/").status_code == 404
    assert client.get("/ru/archive/2030/01/").status_code == 200


# Feeds ------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "path",
    ["rss/", "world/rss/", "tags/floods/rss/", "authors/ada-brook/rss/", "corrections/rss/"],
)
def test_rss_feeds_hold_their_editions_items_in_its_language(client, both, path):
    for code, prefix in (("en", "/"), ("ru", "/ru/")):
        channel = feed(client, prefix + path).find("channel")
        links = [item.findtext("link") for item in channel.findall("item")]

        assert channel.findtext("language") == code
        assert channel.findtext("link") == ORIGIN + prefix + path.removesuffix("rss/")
        assert links, prefix + path
        for url in links:
            assert urlsplit(url).path.startswith(both[code].get_absolute_url()), url


def test_atom_feeds_too(client, both):
    atom = {"atom": "http://www.w3.org/2005/Atom"}
    for code, prefix in (("en", "/"), ("ru", "/ru/")):
        root = feed(client, f"{prefix}atom/")
        assert root.get("{http://www.w3.org/XML/1998/namespace}lang") == code
        entries = root.xpath("//atom:entry/atom:link[@rel='alternate']/@href", namespaces=atom)
        assert entries == [ORIGIN + both[code].get_absolute_url()]


def test_a_feed_names_the_section_in_the_editions_words(client, both):
    channel = feed(client, "/ru/world/rss/").find("channel")
    assert channel.findtext("title") == "Newsroom: Мир"
    assert "Мир" in [category.text for category in channel.find("item").findall("category")]


def test_feeds_speak_the_editions_language(client, both):
    def words(code, text, **values):
        with translation.override(code):
            return gettext(text) % values

    for code in ("en", "ru", "de"):
        prefix = edition(code).prefix
        site = feed(client, f"{prefix}rss/").find("channel")
        corrections = feed(client, f"{prefix}corrections/rss/").find("channel")
        assert site.findtext("title") == words(code, "%(site)s: latest stories", site="Newsroom")
        assert corrections.findtext("title") == words(
            code, "%(site)s: corrections", site="Newsroom"
        )
    # The catalogues translate them: the Russian feed does not speak English.
    assert words("ru", "%(site)s: latest stories", site="N") != "N: latest stories"
    item = feed(client, "/ru/corrections/rss/").find("channel/item")
    headline = both["ru"].headline
    assert item.findtext("title") == words("ru", "Correction: %(headline)s", headline=headline)


def test_websub_announces_a_storys_own_editions_feeds(both):
    paths = websub.feed_paths(both["ru"])
    assert "/ru/rss/" in paths
    assert "/ru/world/atom/" in paths
    assert "/ru/authors/ivan-petrov/rss/" in paths
    assert all(path.startswith("/ru/") for path in paths)
    assert all(not path.startswith(("/ru/", "/de/")) for path in websub.feed_paths(both["en"]))


# Search -----------------------------------------------------------------------------------


def found(client, path, query) -> list[str]:
    page = soup(client.get(path, {"q": query}))
    return [" ".join(h.get_text().split()) for h in page.select(".search-result h2")]


def test_search_stays_within_its_edition(client, both):
    assert found(client, "/search/", "harbour") == [both["en"].headline]
    assert found(client, "/ru/search/", "harbour") == [both["ru"].headline]
    assert found(client, "/search/", "порту") == []


@on_postgresql
def test_search_stems_each_language_with_its_own_stemmer(client):
    story("ru", headline="Избиратели пришли на выборы", lead="Явка выше прошлой.")
    story("de", headline="Die Wahl ist entschieden", lead="Die Stimmen sind gezählt.")
    story(headline="Voters went to the elections", lead="Turnout was up.")

    # Inflected forms: the stemmers reduce "выборах" and "выборы" to one stem, and
    # "Wahlen" and "Wahl"; the English stemmer finds "election" in "elections".
    assert found(client, "/ru/search/", "выборах") == ["Избиратели пришли на выборы"]
    assert found(client, "/de/search/", "Wahlen") == ["Die Wahl ist entschieden"]
    assert found(client, "/search/", "election") == ["Voters went to the elections"]
    assert found(client, "/search/", "выборах") == []


# A story's page names its translations ---------------------------------------------------


def alternates(client, url) -> dict[str, str]:
    page = soup(client.get(urlsplit(url).path))
    return {tag["hreflang"]: tag["href"] for tag in page.select("link[rel=alternate][hreflang]")}


def open_graph(client, url) -> dict[str, list[str]]:
    found = {}
    for tag in soup(client.get(urlsplit(url).path)).select("meta[property^='og:locale']"):
        found.setdefault(tag["property"], []).append(tag["content"])
    return found


def absolute(article) -> str:
    return ORIGIN + article.get_absolute_url()


@pytest.fixture
def translated(world):
    english = story(headline="Floods close the harbour road", section=world)
    russian = story("ru", headline="Наводнение закрыло дорогу", section=world, hours_ago=2)
    german = story(
        "de",
        headline="Hochwasser sperrt die Straße",
        status=Article.Status.DRAFT,
        published_at=None,
    )
    link(english, russian, german)
    return {"en": english, "ru": russian, "de": german}


def test_hreflang_alternates_are_absolute_and_reciprocal(client, translated):
    english, russian = translated["en"], translated["ru"]
    expected = {"en": absolute(english), "ru": absolute(russian), "x-default": absolute(english)}

    # The German draft is nobody's business yet.
    assert alternates(client, absolute(english)) == expected
    assert alternates(client, absolute(russian)) == expected

    german = translated["de"]
    german.status, german.published_at = Article.Status.PUBLISHED, NOW - timedelta(hours=1)
    german.save()
    expected["de"] = absolute(german)
    for version in translated.values():
        assert alternates(client, absolute(version)) == expected


def test_x_default_without_a_default_edition_version_is_the_first_published(client, world):
    russian = story("ru", hours_ago=5, section=world)
    german = story("de", hours_ago=2, section=world)
    link(german, russian)

    for version in (russian, german):
        found = alternates(client, absolute(version))
        assert found == {
            "ru": absolute(russian),
            "de": absolute(german),
            "x-default": absolute(russian),
        }


def test_a_story_without_a_published_translation_names_none(client, translated, world):
    alone = story(section=world)
    assert alternates(client, absolute(alone)) == {}
    assert "og:locale:alternate" not in open_graph(client, absolute(alone))
    # Its translation is a draft: not named either (the reader would find a 404).
    german_draft = story("de", status=Article.Status.DRAFT, published_at=None)
    link(alone, german_draft)
    assert alternates(client, absolute(alone)) == {}


def test_open_graph_locale_and_json_ld_language(client, translated):
    assert open_graph(client, absolute(translated["ru"])) == {
        "og:locale": ["ru_RU"],
        "og:locale:alternate": ["en_GB"],
    }
    assert open_graph(client, absolute(translated["en"])) == {
        "og:locale": ["en_GB"],
        "og:locale:alternate": ["ru_RU"],
    }
    page = soup(client.get(translated["ru"].get_absolute_url()))
    data = [json.loads(tag.string) for tag in page.select("script[type='application/ld+json']")]
    article = next(item for item in data if item["@type"] == "NewsArticle")
    assert article["inLanguage"] == "ru"
    assert article["articleSection"] == "Мир"
    assert page.select_one("link[rel=canonical]")["href"] == absolute(translated["ru"])


def test_other_pages_carry_their_editions_locale_and_homes_name_each_other(client, world):
    assert open_graph(client, "/ru/world/")["og:locale"] == ["ru_RU"]
    assert open_graph(client, "/de/news/")["og:locale"] == ["de_DE"]
    homes = {"en": f"{ORIGIN}/", "ru": f"{ORIGIN}/ru/", "de": f"{ORIGIN}/de/"}
    for home in homes.values():
        assert alternates(client, home) == {**homes, "x-default": f"{ORIGIN}/"}
    assert alternates(client, "/ru/world/") == {}


# The edition switcher ---------------------------------------------------------------------


def switcher(client, path) -> dict[str, str]:
    nav = soup(client.get(path)).select_one("nav.editions")
    return {a["hreflang"]: a["href"] for a in nav.select("a")}


def test_the_switcher_goes_to_the_translation_else_to_the_editions_home(client, translated):
    english = translated["en"]
    assert switcher(client, english.get_absolute_url()) == {
        "en": english.get_absolute_url(),
        "ru": translated["ru"].get_absolute_url(),
        "de": "/de/",  # its German translation is a draft
    }
    assert switcher(client, translated["ru"].get_absolute_url())["en"] == (
        english.get_absolute_url()
    )
    current = soup(client.get(english.get_absolute_url())).select("nav.editions a[aria-current]")
    assert [a["hreflang"] for a in current] == ["en"]


def test_the_switcher_keeps_the_section_and_else_goes_home(client, world):
    assert switcher(client, "/ru/world/") == {
        "en": "/world/",
        "ru": "/ru/world/",
        "de": "/de/world/",
    }
    assert switcher(client, "/ru/news/") == {"en": "/", "ru": "/ru/news/", "de": "/de/"}


# Addresses --------------------------------------------------------------------------------


def test_a_story_asked_for_in_another_edition_moves_to_its_own(client, world):
    russian = story("ru", section=world, live_from=NOW - timedelta(hours=3))
    wrong = f"/world/{russian.pk}-{russian.slug}/"
    own = russian.get_absolute_url()
    assert own == f"/ru{wrong}"

    for suffix in ("", "live/updates/", "live/rss/"):
        response = client.get(wrong + suffix)
        assert response.status_code == 301, suffix
        assert response["Location"] == own + suffix
    english = story(section=world)
    response = client.get(f"/de{english.get_absolute_url()}")
    assert (response.status_code, response["Location"]) == (301, english.get_absolute_url())


def test_a_preview_of_a_russian_draft_is_in_russian(client, world):
    draft = story("ru", section=world, status=Article.Status.DRAFT, published_at=None)
    preview = PreviewLink.objects.create(article=draft)

    assert preview.get_absolute_url() == f"/ru/preview/{preview.token}/"
    page = soup(client.get(preview.get_absolute_url()))
    assert page.html["lang"] == "ru"
    assert page.select_one("link[rel=canonical]")["href"] == absolute(draft)
    # The address of another edition (an older link, a hand-typed one) leads there.
    response = client.get(f"/preview/{preview.token}/")
    assert (response.status_code, response["Location"]) == (302, preview.get_absolute_url())


# Sitemaps and robots.txt ------------------------------------------------------------------


def sitemap_alternates(root, url) -> dict[str, str]:
    entry = root.xpath(f"//sm:url[sm:loc='{url}']", namespaces=NS)[0]
    return {
        link.get("hreflang"): link.get("href")
        for link in entry.xpath("xhtml:link[@rel='alternate']", namespaces=NS)
    }


def test_sitemap_entries_name_the_same_alternates_as_the_pages(client, translated, world):
    # An older pair too: the monthly article files, not the news sitemap, list it.
    older = link(story(hours_ago=24 * 5, section=world), story("ru", hours_ago=24 * 4))
    german = translated["de"]
    german.status, german.published_at = Article.Status.PUBLISHED, NOW - timedelta(hours=1)
    german.save()

    for group, file in (
        (list(translated.values()), "sitemap-news.xml"),
        (older, "sitemap-articles.xml"),
    ):
        for version in group:
            prefix = version.edition.prefix
            root = xml(client, f"{prefix}{file}")
            in_sitemap = sitemap_alternates(root, absolute(version))
            assert in_sitemap == alternates(client, absolute(version)), (file, version.language)
            assert in_sitemap[version.language] == absolute(version)
            assert len(in_sitemap) == len(group) + 1


def test_each_edition_has_its_own_sitemap_index_and_files(client, both):
    page = FlatPage.objects.create(url="/about/", title="About", content="<p>Us</p>")
    page.sites.add(Site.objects.get_current())

    for prefix, other in (("/", both["ru"]), ("/ru/", both["en"])):
        files = xml(client, f"{prefix}sitemap.xml").xpath("//sm:loc/text()", namespaces=NS)
        listed = [
            url
            for file in files
            for url in xml(client, file).xpath("//sm:url/sm:loc/text()", namespaces=NS)
        ]
        assert all(urlsplit(file).path.startswith(f"{prefix}sitemap-") for file in files)
        assert absolute(other) not in listed
        if prefix == "/ru/":
            assert all(urlsplit(url).path.startswith("/ru/") for url in listed), listed
            assert f"{ORIGIN}/about/" not in listed  # editors' pages: the default's index
        else:
            assert not any(urlsplit(url).path.startswith(("/ru/", "/de/")) for url in listed)
            assert f"{ORIGIN}/about/" in listed
        for url in listed:
            assert client.get(urlsplit(url).path).status_code == 200, url

    news = xml(client, "/ru/sitemap-news.xml")
    assert news.xpath("//news:language/text()", namespaces=NS) == ["ru"]
    assert news.xpath("//sm:loc/text()", namespaces=NS) == [absolute(both["ru"])]


def test_robots_txt_names_every_editions_sitemaps(client):
    response = client.get("/robots.txt")
    lines = response.content.decode().splitlines()

    for prefix in ("/", "/ru/", "/de/"):
        assert f"Sitemap: {ORIGIN}{prefix}sitemap.xml" in lines
        assert f"Sitemap: {ORIGIN}{prefix}sitemap-news.xml" in lines
        for private in ("search/", "preview/", "views/"):
            assert f"Disallow: {prefix}{private}" in lines
    assert client.get("/ru/robots.txt").status_code == 404


# Caching ----------------------------------------------------------------------------------


def test_edition_pages_are_cached_apart_and_refreshed_like_the_others(
    settings, both, world, django_capture_on_commit_callbacks, django_assert_num_queries
):
    settings.PAGE_CACHE = {**settings.PAGE_CACHE, "SECONDS": 300}
    reader = Client()
    russian = reader.get("/ru/", HTTP_ACCEPT_LANGUAGE="en")
    english = reader.get("/", HTTP_ACCEPT_LANGUAGE="ru")

    for response, code in ((russian, "ru"), (english, "en")):
        assert response["Content-Language"] == code
        assert "accept-language" not in response.get("Vary", "").lower()
    assert both["ru"].headline in russian.content.decode()
    assert both["ru"].headline not in english.content.decode()
    with django_assert_num_queries(0):
        again = reader.get("/ru/", HTTP_ACCEPT_LANGUAGE="de")
    assert again.content == russian.content
    assert again["Content-Language"] == "ru"

    with django_capture_on_commit_callbacks(execute=True):
        newer = story("ru", hours_ago=1, headline="Вода уходит", section=world)
        pagecache.content_changed()
    assert newer.headline in reader.get("/ru/").content.decode()


# One edition ------------------------------------------------------------------------------


def test_a_one_edition_site_keeps_todays_addresses():
    """tests/one_edition.py in a process of its own, started with NEWSROOM_EDITIONS=en:
    the settings, the URL resolver and the translation machinery are built from scratch,
    as on a real one-edition installation."""
    env = {**os.environ, "NEWSROOM_EDITIONS": "en", "DJANGO_SECRET_KEY": "x"}
    if url := os.environ.get("DATABASE_URL"):
        # A test database of its own beside this run's (test_<name>_one_edition).
        parts = urlsplit(url)
        env["DATABASE_URL"] = urlunsplit(parts._replace(path=parts.path + "_one_edition"))
    root = Path(settings.BASE_DIR)
    result = subprocess.run(
        [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", "tests/one_edition.py"],
        cwd=root,
        env=env,
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-3000:]
    assert " passed" in result.stdout
