from datetime import timedelta

import feedparser
import pytest
from django.core.files.storage import default_storage
from django.utils import timezone
from lxml import etree

from articles.models import Article, Correction

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
        main_image__renditions=True,
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
    shared = story.main_image.shared_file  # a rendition without metadata, not the original
    assert enclosure.href == f"http://example.com/media/{shared.name}"
    assert shared.name.startswith("renditions/") and shared.name.endswith("original-640.jpg")
    assert enclosure.type == "image/jpeg"
    assert int(enclosure.length) == default_storage.size(shared.name)
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


# Plain text typed by editors: a feed reader must show it, never run it.
TYPED = "<script>alert(1)</script> & “quotes”"
TYPED_AS_HTML = "&lt;script&gt;alert(1)&lt;/script&gt; &amp; “quotes”"

RSS_ITEM = "channel/item/description"
ATOM_ITEM = "{http://www.w3.org/2005/Atom}entry/{http://www.w3.org/2005/Atom}summary"


def xml_text(client, path, element):
    """The element's text once the XML is parsed: the HTML a reader gets from an HTML element."""
    response = client.get(path)
    assert response.status_code == 200, path
    return etree.fromstring(response.content).findtext(element)


@pytest.fixture
def hostile():
    section = SectionFactory(name="Science", slug="science", description=TYPED)
    person = PersonFactory(name="Ida Berg", slug="ida-berg", bio=TYPED)
    article = ArticleFactory(
        section=section, authors=[person], lead=TYPED, tags=[TYPED], main_image=None
    )
    Correction.objects.create(
        article=article, published_at=article.published_at + timedelta(minutes=5), text=TYPED
    )
    return article


@pytest.mark.parametrize(
    ("path", "element"),
    [
        ("/rss/", RSS_ITEM),
        ("/atom/", ATOM_ITEM),
        ("/science/rss/", "channel/description"),
        ("/authors/ida-berg/rss/", "channel/description"),
        ("/corrections/rss/", RSS_ITEM),
    ],
)
def test_plain_text_reaches_html_elements_as_text(client, hostile, path, element):
    assert xml_text(client, path, element) == TYPED_AS_HTML


def test_a_tag_name_reaches_the_channel_description_as_text(client, hostile):
    slug = hostile.tags.get().slug
    description = xml_text(client, f"/tags/{slug}/rss/", "channel/description")
    assert description == f"The latest stories tagged “{TYPED_AS_HTML}”."


def test_text_elements_stay_plain_and_the_body_stays_sanitised_html(client, hostile):
    ArticleFactory(headline=TYPED, body="<p>Kept</p><script>alert(2)</script>", main_image=None)
    atom = "{http://www.w3.org/2005/Atom}"

    assert xml_text(client, "/science/atom/", f"{atom}subtitle") == TYPED
    assert xml_text(client, "/rss/", "channel/item/title") == TYPED
    content = xml_text(client, "/atom/", f"{atom}entry/{atom}content")
    assert content == "<p>Kept</p>"
    _, feed = fetch(client, "/rss/")
    assert feed.entries[1].summary == TYPED_AS_HTML  # what feedparser hands a reader to render


def test_a_photo_file_missing_from_storage_leaves_its_story_in_the_feed(client, story):
    default_storage.delete(story.photo.shared_file.name)

    response = client.get("/rss/")

    assert response.status_code == 200
    feed = feedparser.parse(response.content)
    assert feed.entries[0].title == "Ferry service resumes after storm"
    assert not [link for link in feed.entries[0].links if link.rel == "enclosure"]
