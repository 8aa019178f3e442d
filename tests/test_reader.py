"""What follows a story (related stories, author box, share links), section fronts,
search results with thumbnails and highlights, and the 404 page's search box."""

from datetime import timedelta
from urllib.parse import parse_qs, urlsplit

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from articles.models import Article

from .factories import ArticleFactory, ImageFactory, PersonFactory, SectionFactory

pytestmark = pytest.mark.django_db


def ago(hours: float):
    return timezone.now() - timedelta(hours=hours)


@pytest.fixture
def world():
    return SectionFactory(name="World", slug="world")


@pytest.fixture
def story(world):
    return ArticleFactory(
        section=world,
        headline="Port strike ends after a month",
        tags=["Harbour", "Labour", "Strikes"],
        published_at=ago(1),
    )


def related_headlines(soup):
    block = soup.select_one("section.related")
    return [h.get_text(strip=True) for h in block.select(".related__headline")] if block else []


class TestRelatedStories:
    def test_most_shared_tags_first_then_the_section_newest_first(self, client, html, story, world):
        sport = SectionFactory(name="Sport", slug="sport")
        ArticleFactory(section=world, headline="Same section, newer", published_at=ago(2))
        ArticleFactory(section=world, headline="Same section, older", published_at=ago(30))
        ArticleFactory(section=sport, headline="One tag", tags=["Harbour"], published_at=ago(3))
        ArticleFactory(
            section=sport,
            headline="Two tags, old",
            tags=["Harbour", "Labour"],
            published_at=ago(50),
        )
        ArticleFactory(section=sport, headline="Nothing in common", published_at=ago(1.5))

        soup = html(client.get(story.get_absolute_url()))

        assert related_headlines(soup) == [
            "Two tags, old",
            "One tag",
            "Same section, newer",
            "Same section, older",
        ]

    def test_only_published_stories_and_never_the_story_itself(self, client, html, story, world):
        ArticleFactory(
            section=world,
            headline="A draft on the strike",
            tags=["Harbour"],
            status=Article.Status.DRAFT,
            published_at=None,
        )
        ArticleFactory(section=world, headline="Scheduled", published_at=ago(-2))
        ArticleFactory(section=world, headline="Expired", published_at=ago(5), expires_at=ago(1))
        ArticleFactory(section=world, headline="Out now", published_at=ago(4))

        soup = html(client.get(story.get_absolute_url()))

        assert related_headlines(soup) == ["Out now"]

    def test_related_stories_show_their_photos(self, client, html, story, world):
        ArticleFactory(
            section=world,
            headline="With a photo",
            tags=["Harbour"],
            main_image=ImageFactory(renditions=True, alt_text="Cranes"),
        )
        ArticleFactory(section=world, headline="Without a photo", main_image=None)

        soup = html(client.get(story.get_absolute_url()))

        items = {
            item.select_one(".related__headline").get_text(strip=True): item
            for item in soup.select(".related__item")
        }
        assert set(items) == {"With a photo", "Without a photo"}
        image = items["With a photo"].select_one(".related__image img")
        assert image is not None and image["src"].startswith("/media/")
        assert items["Without a photo"].select_one("img") is None

    def test_a_story_with_nothing_related_has_no_block(self, client, html, story):
        soup = html(client.get(story.get_absolute_url()))
        assert soup.select_one("section.related") is None

    def test_related_is_one_query_whatever_the_tags_and_stories(self, story, world):
        def related_queries():
            article = Article.objects.prefetch_related("tags").get(pk=story.pk)
            with CaptureQueriesContext(connection) as queries:
                found = article.related(limit=4)
                [(a.section.name, a.photo, a.headline) for a in found]
            return len(queries), len(found)

        ArticleFactory(section=world, tags=["Harbour"])
        few = related_queries()
        for index in range(12):
            ArticleFactory(section=world, tags=["Harbour", "Labour", f"tag-{index}"])
        story.tags.add(*[f"tag-{index}" for index in range(12)])

        assert few == (1, 1)
        assert related_queries() == (1, 4)


class TestAuthorBox:
    def test_each_bylined_author_with_photo_bio_and_a_link_to_their_stories(
        self, client, html, world
    ):
        ada = PersonFactory(
            name="Ada Brandt",
            slug="ada-brandt",
            job_title="Labour correspondent",
            bio="Ada has covered the docks for ten years.",
            photo=ImageFactory(renditions=True),
        )
        ben = PersonFactory(name="Ben Okafor", slug="ben-okafor", bio="", photo=None)
        article = ArticleFactory(section=world, authors=[ada, ben])

        soup = html(client.get(article.get_absolute_url()))

        boxes = soup.select(".author-box")
        assert [box.select_one(".author-box__name").get_text(strip=True) for box in boxes] == [
            "Ada Brandt",
            "Ben Okafor",
        ]
        first, second = boxes
        assert first.select_one(".author-box__role").get_text() == "Labour correspondent"
        assert (
            first.select_one(".author-box__bio").get_text()
            == "Ada has covered the docks for ten years."
        )
        assert first.select_one(".author-box__photo img")["src"].startswith("/media/")
        more = first.select_one(".author-box__more a")
        assert more["href"] == "/authors/ada-brandt/"
        assert more.get_text(strip=True).startswith("All stories by Ada Brandt")
        assert second.select_one("img") is None
        assert second.select_one(".author-box__bio") is None
        assert second.select_one(".author-box__more a")["href"] == "/authors/ben-okafor/"

    def test_a_bio_typed_with_markup_is_printed_as_text(self, client, html, world):
        person = PersonFactory(bio='<script>alert("x")</script> <b>Bold</b> claims.')
        article = ArticleFactory(section=world, authors=[person])

        soup = html(client.get(article.get_absolute_url()))

        bio = soup.select_one(".author-box__bio")
        assert bio.find("script") is None and bio.find("b") is None
        assert '<script>alert("x")</script>' in bio.get_text()

    def test_more_authors_and_photos_take_no_more_queries(self, client, world):
        def page_queries(article):
            with CaptureQueriesContext(connection) as queries:
                assert client.get(article.get_absolute_url()).status_code == 200
            return len(queries)

        # A first page fills what every page shares (site, navigation, rails).
        page_queries(ArticleFactory(section=world))
        one = ArticleFactory(section=world, authors=[PersonFactory()], tags=["Harbour"])
        three = ArticleFactory(
            section=world,
            authors=[PersonFactory(photo=ImageFactory(renditions=True)) for _ in range(3)],
            tags=["Harbour", "Labour", "Strikes"],
        )

        assert page_queries(three) == page_queries(one)


class TestShareLinks:
    def test_copy_email_and_each_configured_channel(self, client, html, settings, world):
        settings.NEWSROOM = {
            **settings.NEWSROOM,
            "SHARE_CHANNELS": [
                ("Telegram", "https://t.me/share/url?url={url}&text={title}"),
                ("Facebook", "https://www.facebook.com/sharer/sharer.php?u={url}"),
            ],
        }
        article = ArticleFactory(section=world, headline="Tolls & fares rise by 5% #today")

        soup = html(client.get(article.get_absolute_url()))

        # The story's public address, as its canonical link gives it.
        url = soup.find("link", rel="canonical")["href"]
        assert url.endswith(article.get_absolute_url())
        share = soup.select_one("section.share")
        assert share.select_one("[data-share-copy]")["data-share-copy"] == url
        links = {a.get_text(strip=True): a["href"] for a in share.select("a.share__link")}
        assert list(links) == ["E-mail", "Telegram", "Facebook"]

        mail = urlsplit(links["E-mail"])
        assert mail.scheme == "mailto"
        assert parse_qs(mail.query) == {
            "subject": ["Tolls & fares rise by 5% #today"],
            "body": [url],
        }
        telegram = urlsplit(links["Telegram"])
        assert telegram.netloc == "t.me"
        assert parse_qs(telegram.query) == {
            "url": [url],
            "text": ["Tolls & fares rise by 5% #today"],
        }
        assert parse_qs(urlsplit(links["Facebook"]).query) == {"u": [url]}
        for a in share.select("a[target=_blank]"):
            assert {"noopener", "noreferrer"} <= set(a["rel"])

    def test_the_page_loads_nothing_from_other_sites(self, client, html, world):
        author = PersonFactory(photo=ImageFactory(renditions=True))
        article = ArticleFactory(
            section=world,
            tags=["Harbour"],
            authors=[author],
            main_image=ImageFactory(renditions=True),
        )
        ArticleFactory(section=world, tags=["Harbour"], main_image=ImageFactory(renditions=True))

        soup = html(client.get(article.get_absolute_url()))

        assert soup.select("section.share a.share__link")
        assert soup.find("iframe") is None and soup.find("embed") is None
        loaded = [tag["src"] for tag in soup.find_all(["script", "img", "source"], src=True)]
        loaded += [
            url.split()[0]
            for tag in soup.find_all(["img", "source"])
            for url in tag.get("srcset", "").split(",")
            if url.strip()
        ]
        loaded += [tag["href"] for tag in soup.find_all("link", rel="stylesheet")]
        assert loaded
        for address in loaded:
            assert address.startswith("/") and not address.startswith("//"), address
        scripts = [tag["src"] for tag in soup.find_all("script", src=True)]
        assert any(src.endswith("js/share.js") for src in scripts)

    def test_a_preview_has_no_share_links(self, editor_client, html, world):
        draft = ArticleFactory(section=world, status=Article.Status.DRAFT, published_at=None)
        link = draft.preview_links.create()

        soup = html(editor_client.get(link.get_absolute_url()))

        assert soup.select_one("section.share") is None


class TestSectionFront:
    def test_first_page_opens_with_a_lead_then_two_then_a_list(self, client, html, world):
        for hours in range(6, 0, -1):
            ArticleFactory(section=world, headline=f"Story {hours}h old", published_at=ago(hours))

        soup = html(client.get("/world/"))

        lead = soup.select_one(".front__lead")
        assert lead.select_one(".top-story__headline").get_text(strip=True) == "Story 1h old"
        assert lead.select_one(".top-story__lead")
        medium = [h.get_text(strip=True) for h in soup.select(".front__medium .card__headline")]
        assert medium == ["Story 2h old", "Story 3h old"]
        rest = [h.get_text(strip=True) for h in soup.select(".front__rest .card__headline")]
        assert rest == ["Story 4h old", "Story 5h old", "Story 6h old"]

    def test_later_pages_are_a_plain_list(self, client, html, world):
        for hours in range(25):
            ArticleFactory(section=world, published_at=ago(hours + 1))

        first = html(client.get("/world/"))
        second = html(client.get("/world/", {"page": 2}))

        shown = len(first.select(".front .card__headline, .front .top-story__headline"))
        assert shown == 20
        assert first.select_one(".pagination a[rel=next]")["href"] == "?page=2"
        assert second.select_one(".front__lead") is None
        assert len(second.select(".story-list .card")) == 5

    def test_a_front_with_one_story_is_just_the_lead(self, client, html, world):
        ArticleFactory(section=world, headline="Alone")

        soup = html(client.get("/world/"))

        assert soup.select_one(".front__lead .top-story__headline").get_text(strip=True) == (
            "Alone"
        )
        assert soup.select_one(".front__medium") is None


class TestSearchResults:
    def test_results_show_thumbnails(self, client, html):
        ArticleFactory(headline="Lighthouse with a photo", main_image=ImageFactory(renditions=True))
        ArticleFactory(headline="Lighthouse without one", main_image=None)

        soup = html(client.get("/search/", {"q": "lighthouse"}))

        results = {r.select_one("h2").get_text().strip(): r for r in soup.select(".search-result")}
        assert results["Lighthouse with a photo"].select_one(".search-result__image img")
        assert results["Lighthouse without one"].select_one("img") is None

    def test_matched_words_are_marked_in_headline_and_snippet(self, client, html):
        ArticleFactory(
            headline="Lighthouse keepers retire",
            lead="The old lighthouse on the cape will run itself.",
        )

        soup = html(client.get("/search/", {"q": "Lighthouse keeper"}))

        result = soup.select_one(".search-result")
        # Whole words are marked, as read: "keepers" for "keeper".
        assert [m.get_text() for m in result.select("h2 mark")] == ["Lighthouse", "keepers"]
        assert "lighthouse" in [m.get_text() for m in result.select(".search-result__snippet mark")]
        assert result.select_one("h2 a").get_text() == "Lighthouse keepers retire"

    def test_markup_in_query_and_story_shows_as_text(self, client, html):
        ArticleFactory(
            headline="Why <script> tags matter",
            lead="A lesson on <script> tags and the lighthouse.",
        )

        response = client.get("/search/", {"q": "<script> lighthouse"})
        soup = html(response)

        main = response.content.split(b"<main")[1]
        assert b"<script>" not in main
        assert "“<script> lighthouse”" in soup.select_one(".search-summary, .empty").get_text()
        for result in soup.select(".search-result"):
            assert result.find("script") is None
            assert {tag.name for tag in result.select("h2 *, .search-result__snippet *")} <= {
                "a",
                "mark",
            }
        if connection.vendor != "postgresql":
            # Every word must match on SQLite: both are in the story.
            headline = soup.select_one(".search-result h2").get_text()
            assert headline == "Why <script> tags matter"
            assert "<script>" in [m.get_text() for m in soup.select(".search-result h2 mark")]


class TestNotFound:
    def test_the_404_page_offers_search_and_the_sections(self, client, world):
        SectionFactory(name="Science", slug="science")

        response = client.get("/no-such-section-at-all/")

        assert response.status_code == 404
        from bs4 import BeautifulSoup

        soup = BeautifulSoup(response.content, "html.parser")
        form = soup.select_one(".error-page form[role=search]")
        assert form["action"] == "/search/" and form["method"] == "get"
        field = form.select_one("input[name=q]")
        assert soup.select_one(f"label[for={field['id']}]")
        sections = [a["href"] for a in soup.select(".error-page__sections a")]
        assert {"/world/", "/science/"} <= set(sections)


class TestCachedPages:
    """The blocks under a story follow the page cache's invalidation."""

    @pytest.fixture(autouse=True)
    def page_cache(self, settings):
        settings.PAGE_CACHE = {**settings.PAGE_CACHE, "SECONDS": 300}

    def test_a_newly_published_related_story_appears_at_once(
        self, client, html, editor_client, story, world, django_capture_on_commit_callbacks
    ):
        draft = ArticleFactory(
            section=world,
            headline="Dockers return to work",
            tags=["Harbour"],
            status=Article.Status.DRAFT,
            published_at=None,
        )
        assert related_headlines(html(client.get(story.get_absolute_url()))) == []

        with django_capture_on_commit_callbacks(execute=True):
            editor_client.post(
                "/admin/articles/article/", {"action": "publish", "_selected_action": [draft.pk]}
            )

        soup = html(client.get(story.get_absolute_url()))
        assert related_headlines(soup) == ["Dockers return to work"]

    def test_a_scheduled_related_story_appears_at_its_time(
        self, client, html, story, world, monkeypatch
    ):
        later = timezone.now() + timedelta(minutes=30)
        ArticleFactory(
            section=world, headline="Scheduled follow-up", tags=["Harbour"], published_at=later
        )
        assert related_headlines(html(client.get(story.get_absolute_url()))) == []

        monkeypatch.setattr(timezone, "now", lambda: later + timedelta(seconds=1))

        soup = html(client.get(story.get_absolute_url()))
        assert related_headlines(soup) == ["Scheduled follow-up"]
