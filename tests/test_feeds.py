from datetime import timedelta

import feedparser
import pytest
from django.utils import timezone

from articles.models import Article

from .factories import ArticleFactory, PersonFactory, SectionFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def story():
    return ArticleFactory(
        headline="Ferry service resumes after storm",
        section=SectionFactory(name="World", slug="world"),
        authors=[PersonFactory(name="Ana Costa", slug="ana-costa")],
        tags=["Storms", "Transport"],
        body='<p>Boats sail again. <a href="/world/">More world news</a></p>',
    )


@pytest.fixture
def hidden(story):
    draft = ArticleFactory(
        headline="Draft never in a feed",
        section=story.section,
        status=Article.Status.DRAFT,
        published_at=None,
        authors=list(story.authors.all()),
        tags=["Storms"],
    )
    scheduled = ArticleFactory(
        headline="Scheduled never in a feed",
        section=story.section,
        published_at=timezone.now() + timedelta(hours=3),
        authors=list(story.authors.all()),
        tags=["Storms"],
    )
    return [draft, scheduled]


FEEDS = [
    "/rss/",
    "/atom/",
    "/world/rss/",
    "/world/atom/",
    "/authors/ana-costa/rss/",
    "/authors/ana-costa/atom/",
    "/tags/storms/rss/",
    "/tags/storms/atom/",
]


def fetch(client, path):
    response = client.get(path)
    assert response.status_code == 200, path
    return response, feedparser.parse(response.content)


@pytest.mark.parametrize("path", FEEDS)
def test_every_feed_parses_and_carries_full_items(client, story, hidden, path):
    _, feed = fetch(client, path)

    assert feed.bozo == 0, feed.get("bozo_exception")
    assert [entry.title for entry in feed.entries] == [story.headline]
    entry = feed.entries[0]
    assert entry.link == f"http://example.com{story.get_absolute_url()}"
    assert entry.id.endswith(f":article/{story.pk}")
    assert entry.published_parsed is not None
    assert entry.author == "Ana Costa"
    assert {tag.term for tag in entry.tags} == {"World", "Storms", "Transport"}
    assert entry.summary == story.lead
    content = entry.content[0].value
    assert "Boats sail again." in content
    assert 'href="http://example.com/world/"' in content
    enclosure = next(link for link in entry.links if link.rel == "enclosure")
    assert enclosure.href == f"http://example.com{story.main_image.file.url}"
    assert enclosure.type == "image/jpeg"
    assert int(enclosure.length) == story.main_image.file.size
    media = entry.media_content[0]
    assert media["url"] == enclosure.href
    assert entry.media_credit[0]["content"] == story.main_image.credit_text
    assert entry.media_license["href"] == story.main_image.licence.url


def test_guid_does_not_change_with_slug_or_section(client, story):
    _, before = fetch(client, "/rss/")
    story.slug = "ferry-back"
    story.section = SectionFactory(name="Society", slug="society")
    story.save()
    _, after = fetch(client, "/rss/")

    assert before.entries[0].id == after.entries[0].id
    assert before.entries[0].link != after.entries[0].link


def test_feeds_hold_the_latest_thirty(client):
    ArticleFactory.create_batch(35)
    _, feed = fetch(client, "/rss/")
    assert len(feed.entries) == 30


@pytest.mark.parametrize("path", ["/nope/rss/", "/authors/nobody/rss/", "/tags/nothing/atom/"])
def test_unknown_feed_is_404(client, path):
    assert client.get(path).status_code == 404


def test_conditional_get_answers_304(client, story):
    first = client.get("/rss/")
    assert first.has_header("ETag")
    assert first.has_header("Last-Modified")

    by_etag = client.get("/rss/", headers={"If-None-Match": first["ETag"]})
    by_date = client.get("/rss/", headers={"If-Modified-Since": first["Last-Modified"]})

    assert by_etag.status_code == 304
    assert by_date.status_code == 304
    assert by_etag.content == b""


def test_a_new_story_changes_the_etag(client, story):
    first = client.get("/rss/")
    ArticleFactory(headline="Fresh news")
    again = client.get("/rss/", headers={"If-None-Match": first["ETag"]})
    assert again.status_code == 200


@pytest.mark.parametrize(
    ("page", "feed"),
    [
        ("/", "/rss/"),
        ("/world/", "/world/rss/"),
        ("/authors/ana-costa/", "/authors/ana-costa/rss/"),
        ("/tags/storms/", "/tags/storms/rss/"),
    ],
)
def test_pages_announce_their_own_feed(client, html, story, page, feed):
    soup = html(client.get(page))

    advertised = [link["href"] for link in soup.select('link[rel="alternate"][type*="rss"]')]
    assert advertised[0] == feed
    assert soup.select_one('link[rel="alternate"][type="application/atom+xml"]')
    assert soup.find("a", href=feed), "a visible RSS link"
