"""Breaking news and live coverage (issue 11), with the page cache on as in production.

The banner and the coverage both change by the clock: the clock is moved with
time-machine, and every cached page, proxy copy and 304 must follow it.
"""

import json
from datetime import UTC, datetime, timedelta
from io import StringIO

import pytest
import time_machine
from bs4 import BeautifulSoup
from django.core.management import call_command
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from articles.models import LIVE_PAGE_SIZE, Article, LiveUpdate, PreviewLink

from .factories import ArticleFactory, ImageFactory, SectionFactory, logged_in, newsroom_member
from .test_caching import cache_control
from .test_workflow import form_data, split_time

pytestmark = pytest.mark.django_db

# 10:00 in London: the day's end (which also caps page lifetimes) is 14 hours on.
MORNING = datetime(2030, 3, 4, 10, 0, tzinfo=UTC)


@pytest.fixture(autouse=True)
def page_cache(settings):
    """Pages stored as in production (the other tests store none)."""
    settings.PAGE_CACHE = {**settings.PAGE_CACHE, "SECONDS": 300}


@pytest.fixture
def clock():
    with time_machine.travel(MORNING, tick=False) as traveller:
        yield traveller


@pytest.fixture
def reader():
    return Client()


@pytest.fixture
def committed(django_capture_on_commit_callbacks):
    """Lets an editor's change commit, so the page cache hears of it."""
    return lambda: django_capture_on_commit_callbacks(execute=True)


def soup(response) -> BeautifulSoup:
    assert response.status_code == 200, response.status_code
    return BeautifulSoup(response.content, "html.parser")


def banner(response):
    return soup(response).select_one(".breaking")


def json_ld(response) -> list[dict]:
    return [
        json.loads(tag.string)
        for tag in soup(response).select("script[type='application/ld+json']")
    ]


def live_blog_data(response) -> dict:
    return next(data for data in json_ld(response) if data["@type"] == "LiveBlogPosting")


def update_texts(node) -> list[str]:
    return [
        item.select_one(".live-update__text").get_text(" ", strip=True)
        for item in node.select(".live-update:not(.live-update--pinned)")
    ]


def live_story(clock, **kwargs):
    defaults = {
        "headline": "Storm floods the harbour district",
        "live_from": MORNING - timedelta(hours=2),
        "published_at": MORNING - timedelta(hours=2),
    }
    return ArticleFactory(**defaults | kwargs)


def post_updates(article, count, *, start=None):
    """count updates a minute apart, the last one a minute before now."""
    start = start or MORNING - timedelta(minutes=count)
    return [
        LiveUpdate.objects.create(
            article=article, published_at=start + timedelta(minutes=index), text=f"Update {index}"
        )
        for index in range(count)
    ]


# Breaking news.


def test_breaking_banner_appears_on_every_page_and_leaves_at_its_end_time(reader, clock):
    ArticleFactory(headline="A quiet day at the port", section=SectionFactory(slug="world"))
    breaking = ArticleFactory(
        headline="Bridge closed after ship strike", breaking_until=MORNING + timedelta(minutes=30)
    )
    other = ArticleFactory(headline="Ferry timetable changes")

    for path in ("/", "/world/", "/news/", other.get_absolute_url(), "/search/?q=port"):
        response = reader.get(path)
        link = banner(response).select_one("a")
        assert link.get_text(strip=True) == "Bridge closed after ship strike", path
        assert link["href"] == breaking.get_absolute_url()
        # Stored, and no copy anywhere outlives the banner.
        lifetimes = cache_control(response)
        assert int(lifetimes["s-maxage"]) + int(lifetimes["stale-while-revalidate"]) <= 30 * 60
    home = reader.get("/")
    assert reader.get("/", headers={"If-None-Match": home["ETag"]}).status_code == 304

    clock.shift(timedelta(minutes=29, seconds=58))
    home = reader.get("/")
    assert banner(home) is not None
    assert int(cache_control(home)["max-age"]) <= 2

    clock.shift(timedelta(seconds=2))
    assert reader.get("/", headers={"If-None-Match": home["ETag"]}).status_code == 200
    for path in ("/", "/world/", other.get_absolute_url()):
        assert banner(reader.get(path)) is None, path
    # The story itself stays published: only the banner has gone.
    assert reader.get(breaking.get_absolute_url()).status_code == 200


def test_a_breaking_story_waits_for_its_publication_and_drafts_never_break(reader, clock):
    ArticleFactory(
        headline="Draft: minister resigns",
        status="draft",
        published_at=None,
        breaking_until=MORNING + timedelta(hours=1),
    )
    ArticleFactory(
        headline="Scheduled: results at noon",
        published_at=MORNING + timedelta(minutes=10),
        breaking_until=MORNING + timedelta(hours=1),
    )
    assert banner(reader.get("/")) is None

    clock.shift(timedelta(minutes=10))
    assert (
        banner(reader.get("/")).get_text(" ", strip=True) == "Breaking Scheduled: results at noon"
    )


@pytest.fixture
def desk_editor(clock):
    """A member of the Editors group (its permissions come from the migrations), signed in
    on the tests' clock (a session from today would have expired by then)."""
    return logged_in(newsroom_member("Editors", "liveeditor", "Lena Live", role="editor"))


def test_flagging_a_story_as_breaking_in_the_story_form_reaches_readers_at_once(
    reader, desk_editor, clock, committed
):
    story = ArticleFactory(headline="Power cut across the east bank")
    assert banner(reader.get("/")) is None  # stored without a banner
    change = f"/admin/articles/article/{story.pk}/change/"
    form = soup(desk_editor.get(change))
    assert form.select_one("input[name=breaking_until_0]") is not None

    with committed():
        response = desk_editor.post(
            change, form_data(story, **split_time("breaking_until", MORNING + timedelta(hours=2)))
        )
    assert response.status_code == 302, response.content

    assert "Power cut across the east bank" in banner(reader.get("/")).get_text()

    with committed():
        desk_editor.post(change, form_data(story, breaking_until_0="", breaking_until_1=""))
    assert banner(reader.get("/")) is None


def test_authors_are_not_offered_breaking_or_live():
    author = logged_in(newsroom_member("Authors", "writer", "Wim Writer"))
    form = soup(author.get("/admin/articles/article/add/"))
    assert form.select_one("[name=headline]") is not None
    assert form.select_one("input[name^=breaking_until]") is None
    assert form.select_one("input[name^=live_from]") is None


def test_an_editor_starts_live_coverage_and_posts_updates_from_the_story_form(
    reader, desk_editor, clock, committed
):
    story = ArticleFactory(headline="Marathon day: live")
    change = f"/admin/articles/article/{story.pk}/change/"
    assert soup(desk_editor.get(change)).select_one("#live_updates-group") is None

    with committed():
        desk_editor.post(change, form_data(story, **split_time("live_from", MORNING)))
    story.refresh_from_db()
    assert story.is_live_now
    form = soup(desk_editor.get(change))
    assert form.select_one("#live_updates-group textarea[name=live_updates-0-text]") is not None
    page = soup(reader.get(story.get_absolute_url()))
    assert page.select_one("section.live .live__empty").get_text() == "No updates yet."

    clock.shift(timedelta(minutes=5))
    with committed():
        response = desk_editor.post(
            change,
            # form_data() knows the fields of every story; the coverage time is posted too.
            form_data(story, **split_time("live_from", MORNING))
            | update_rows(story, (MORNING + timedelta(minutes=4), "Leaders pass the bridge.")),
        )
    assert response.status_code == 302, response.content
    assert update_texts(soup(reader.get(story.get_absolute_url()))) == ["Leaders pass the bridge."]
    endpoint = soup(reader.get(story.get_absolute_url() + "live/updates/"))
    assert update_texts(endpoint) == ["Leaders pass the bridge."]


def test_the_story_form_shows_the_latest_five_updates_then_a_blank_one(desk_editor, clock):
    story = live_story(clock)
    post_updates(story, 8)
    other = live_story(clock, headline="Another live story")
    post_updates(other, 2)

    form = soup(desk_editor.get(f"/admin/articles/article/{story.pk}/change/"))

    areas = form.select("#live_updates-group textarea:not([name*=__prefix__])")
    texts = [area.get_text().strip() for area in areas]
    assert texts == ["Update 3", "Update 4", "Update 5", "Update 6", "Update 7", ""]
    assert form.select_one("#id_live_updates-INITIAL_FORMS")["value"] == "5"

    # Posted back as shown, one of them corrected and a new one written.
    shown = list(LiveUpdate.objects.filter(article=story).order_by("published_at")[3:])
    rows = {
        "live_updates-TOTAL_FORMS": "6",
        "live_updates-INITIAL_FORMS": "5",
    }
    for n, update in enumerate(shown):
        rows |= {
            **split_time(f"live_updates-{n}-published_at", update.published_at),
            f"live_updates-{n}-id": str(update.pk),
            f"live_updates-{n}-article": str(story.pk),
            f"live_updates-{n}-title": "",
            f"live_updates-{n}-text": "Update 3, corrected" if n == 0 else update.text,
        }
    rows |= {
        **split_time("live_updates-5-published_at", MORNING),
        "live_updates-5-article": str(story.pk),
        "live_updates-5-title": "",
        "live_updates-5-text": "Update 8",
    }
    change = f"/admin/articles/article/{story.pk}/change/"
    response = desk_editor.post(
        change, form_data(story, **split_time("live_from", story.live_from)) | rows
    )
    assert response.status_code == 302, response.content
    assert [update.text for update in story.live_updates.order_by("published_at", "id")] == [
        "Update 0",
        "Update 1",
        "Update 2",
        "Update 3, corrected",
        "Update 4",
        "Update 5",
        "Update 6",
        "Update 7",
        "Update 8",
    ]
    assert other.live_updates.count() == 2


def update_rows(article, *rows):
    """The live updates inline as posted: new rows of (time, text)."""
    data = {
        "live_updates-TOTAL_FORMS": str(len(rows)),
        "live_updates-INITIAL_FORMS": "0",
    }
    for n, (when, text) in enumerate(rows):
        data |= {
            **split_time(f"live_updates-{n}-published_at", when),
            f"live_updates-{n}-text": text,
            f"live_updates-{n}-title": "",
            f"live_updates-{n}-article": str(article.pk),
        }
    return data


def test_the_newest_of_two_breaking_stories_leads_the_banner(reader, clock):
    ArticleFactory(
        headline="Older alert",
        published_at=MORNING - timedelta(hours=2),
        breaking_until=MORNING + timedelta(hours=1),
    )
    ArticleFactory(
        headline="Newer alert",
        published_at=MORNING - timedelta(minutes=5),
        breaking_until=MORNING + timedelta(hours=1),
    )
    assert banner(reader.get("/")).select_one("a").get_text(strip=True) == "Newer alert"


def test_the_banner_escapes_the_headline(reader, clock):
    ArticleFactory(
        headline="<img src=x onerror=alert(1)> Alert",
        breaking_until=MORNING + timedelta(hours=1),
    )
    node = banner(reader.get("/"))
    assert node.select("img") == []
    assert "<img src=x onerror=alert(1)> Alert" in node.get_text()


# Live coverage.


def test_live_story_shows_its_updates_newest_first_with_the_pinned_one_on_top(reader, clock):
    story = live_story(clock)
    post_updates(story, 3)
    LiveUpdate.objects.create(
        article=story,
        published_at=MORNING - timedelta(minutes=30),
        title="What we know",
        text="The river rose two metres overnight.",
        is_pinned=True,
    )

    page = soup(reader.get(story.get_absolute_url()))

    live = page.select_one("section.live")
    assert live["data-live-url"] == story.get_absolute_url() + "live/updates/"
    assert page.select_one(".article__header .live-badge").get_text() == "Live"
    pinned = live.select_one(".live-update--pinned")
    assert pinned.select_one(".live-update__title").get_text() == "What we know"
    assert update_texts(live) == [
        "Update 2",
        "Update 1",
        "Update 0",
        "The river rose two metres overnight.",
    ]
    assert page.select_one("script[src*='live']") is not None
    ids = [node["id"] for node in page.select("[id]")]
    assert len(ids) == len(set(ids))  # the pinned copy does not repeat the update's id


def test_new_updates_appear_through_the_polling_endpoint_with_the_cache_on(
    reader, desk_editor, clock, committed
):
    story = live_story(clock)
    post_updates(story, 2)
    endpoint = story.get_absolute_url() + "live/updates/"

    first = reader.get(endpoint)
    assert update_texts(soup(first)) == ["Update 1", "Update 0"]
    assert "public" in cache_control(first)
    assert first["X-Robots-Tag"] == "noindex"
    assert reader.get(endpoint, headers={"If-None-Match": first["ETag"]}).status_code == 304

    clock.shift(timedelta(minutes=1))
    with committed():
        response = desk_editor.post(
            "/admin/articles/liveupdate/add/",
            {
                "article": story.pk,
                "published_at_0": "2030-03-04",
                "published_at_1": "10:01:00",
                "title": "",
                "text": "Water is <strong>falling</strong> at last.",
                "image": "",
            },
        )
    assert response.status_code == 302, response.content

    fresh = reader.get(endpoint, headers={"If-None-Match": first["ETag"]})
    assert fresh.status_code == 200
    assert update_texts(soup(fresh)) == ["Water is falling at last.", "Update 1", "Update 0"]
    assert soup(fresh).select_one("strong").get_text() == "falling"
    # The page itself and its JSON-LD have it too.
    page = reader.get(story.get_absolute_url())
    assert update_texts(soup(page))[0] == "Water is falling at last."
    assert live_blog_data(page)["liveBlogUpdate"][0]["articleBody"] == "Water is falling at last."


def test_an_update_moved_to_another_story_leaves_the_first_at_once(
    reader, desk_editor, clock, committed
):
    # To a draft: only the story it leaves has public pages to refresh.
    first = live_story(clock)
    second = live_story(
        clock, headline="Draft live story", status=Article.Status.DRAFT, published_at=None
    )
    (update,) = post_updates(first, 1)
    endpoint = first.get_absolute_url() + "live/updates/"
    assert update_texts(soup(reader.get(endpoint))) == ["Update 0"]  # stored

    with committed():
        response = desk_editor.post(
            f"/admin/articles/liveupdate/{update.pk}/change/",
            {
                "article": second.pk,
                "published_at_0": "2030-03-04",
                "published_at_1": "09:59:00",
                "title": "",
                "text": "Update 0",
                "image": "",
            },
        )
    assert response.status_code == 302, response.content

    assert update_texts(soup(reader.get(endpoint))) == []


def test_live_story_carries_live_blog_posting_json_ld(reader, clock):
    story = live_story(clock, live_until=MORNING + timedelta(hours=6))
    updates = post_updates(story, 2)
    updates[1].title = "Evacuation ordered"
    updates[1].save()

    data = live_blog_data(reader.get(story.get_absolute_url()))

    assert data["coverageStartTime"] == story.live_from.isoformat()
    assert data["coverageEndTime"] == story.live_until.isoformat()
    assert data["headline"] == "Storm floods the harbour district"
    assert [update["headline"] for update in data["liveBlogUpdate"]] == [
        "Evacuation ordered",
        "Update 0",
    ]
    first = data["liveBlogUpdate"][0]
    assert first["@type"] == "BlogPosting"
    assert first["datePublished"] == updates[1].published_at.isoformat()
    assert first["url"].endswith(f"{story.get_absolute_url()}#update-{updates[1].pk}")
    assert data["dateModified"] == updates[1].published_at.isoformat()


def test_a_preview_of_a_live_story_shows_its_updates_without_polling(reader, clock):
    story = live_story(clock, status="draft", published_at=None)
    post_updates(story, 2)
    link = PreviewLink.objects.create(article=story)

    page = soup(reader.get(link.get_absolute_url()))

    assert update_texts(page) == ["Update 1", "Update 0"]
    assert page.select_one("[data-live-url]") is None
    assert page.select_one("script[src*='live']") is None
    assert page.select_one("a[href$='live/rss/'], link[href$='live/rss/']") is None
    assert reader.get(story.get_absolute_url() + "live/updates/").status_code == 404


def test_an_ordinary_story_stays_a_news_article(reader, clock):
    story = ArticleFactory()
    response = reader.get(story.get_absolute_url())
    assert "NewsArticle" in [data["@type"] for data in json_ld(response)]
    assert soup(response).select_one("section.live") is None
    assert reader.get(story.get_absolute_url() + "live/updates/").status_code == 404
    assert reader.get(story.get_absolute_url() + "live/rss/").status_code == 404


def test_coverage_ends_by_itself_and_the_story_reads_as_a_normal_one(reader, clock):
    story = live_story(clock, live_until=MORNING + timedelta(minutes=10))
    post_updates(story, 3)
    page = reader.get(story.get_absolute_url())
    assert soup(page).select_one("[data-live-url]") is not None
    assert int(cache_control(page)["max-age"]) <= 5
    lifetimes = cache_control(page)
    assert int(lifetimes["s-maxage"]) + int(lifetimes["stale-if-error"]) <= 10 * 60

    clock.shift(timedelta(minutes=10))
    page = soup(reader.get(story.get_absolute_url()))

    assert page.select_one("[data-live-url]") is None
    assert page.select_one("script[src*='live']") is None
    assert page.select_one(".article__header .live-badge") is None
    assert (
        page.select_one(".live__note").get_text().startswith("Coverage ended 4 March 2030, 10:10.")
    )
    assert update_texts(page) == ["Update 0", "Update 1", "Update 2"]
    fragment = soup(reader.get(story.get_absolute_url() + "live/updates/"))
    assert not fragment.select_one("[data-live-list]").has_attr("data-live-running")


def test_update_text_is_sanitised_on_page_endpoint_and_feed(reader, clock):
    story = live_story(clock)
    LiveUpdate.objects.create(
        article=story,
        published_at=MORNING - timedelta(minutes=1),
        title="<b>Title</b> & more",
        text=(
            '<p onclick="steal()">Safe <a href="javascript:alert(1)">link</a> '
            '<a href="/world/">home</a></p><script>alert("x")</script>'
            '<img src=x onerror="alert(2)">'
        ),
    )
    for path in ("", "live/updates/"):
        response = reader.get(story.get_absolute_url() + path)
        node = soup(response).select_one(".live__list")
        markup = str(node)
        assert "<script" not in markup and "onclick" not in markup and "onerror" not in markup
        assert "javascript:" not in markup
        assert node.select_one(".live-update__title").get_text() == "<b>Title</b> & more"
        assert node.select_one(".live-update__text a[href='/world/']").get_text() == "home"
    feed = reader.get(story.get_absolute_url() + "live/rss/").content.decode()
    assert "<script" not in feed and "onclick" not in feed and "javascript:" not in feed
    assert "&lt;script" not in feed  # removed, not printed as text
    assert LiveUpdate.objects.get().text.startswith("<p>Safe")  # cleaned on save too


def test_typed_paragraphs_become_paragraphs(reader, clock):
    story = live_story(clock)
    LiveUpdate.objects.create(
        article=story,
        published_at=MORNING - timedelta(minutes=1),
        text="First paragraph & more.\n\nSecond one,\nwith a line break.",
    )
    text = soup(reader.get(story.get_absolute_url())).select_one(".live-update__text")
    assert [p.get_text() for p in text.select("p")] == [
        "First paragraph & more.",
        "Second one,with a line break.",
    ]
    assert text.select_one("br") is not None


def test_live_feed_lists_the_updates_and_is_linked_from_the_page(reader, clock):
    story = live_story(clock)
    updates = post_updates(story, 3)
    page = soup(reader.get(story.get_absolute_url()))
    feed_url = story.get_absolute_url() + "live/rss/"
    assert page.select_one(f"link[rel=alternate][href='{feed_url}']") is not None
    assert page.select_one(f"section.live a[href='{feed_url}']") is not None

    feed = BeautifulSoup(reader.get(feed_url).content, "xml")

    assert feed.channel.title.get_text() == "Newsroom live: Storm floods the harbour district"
    items = feed.find_all("item")
    assert [item.description.get_text() for item in items] == [
        "<p>Update 2</p>",
        "<p>Update 1</p>",
        "<p>Update 0</p>",
    ]
    assert items[0].link.get_text().endswith(f"{story.get_absolute_url()}#update-{updates[2].pk}")
    assert items[0].title.get_text() == "Update, 4 Mar, 09:59"


def test_live_page_prints_a_capped_number_of_updates_with_older_ones_on_later_pages(reader, clock):
    story = live_story(clock)
    post_updates(story, LIVE_PAGE_SIZE + 5, start=MORNING - timedelta(hours=1))

    page = soup(reader.get(story.get_absolute_url()))
    assert len(update_texts(page)) == LIVE_PAGE_SIZE
    older = page.select_one(".live__pages a[rel=next]")
    assert older.get_text() == "Older updates"

    second = soup(reader.get(story.get_absolute_url() + older["href"]))
    assert update_texts(second) == [f"Update {index}" for index in range(4, -1, -1)]
    assert second.select_one("[data-live-url]") is None  # only the first page refreshes
    assert second.select_one("link[rel=canonical]")["href"].endswith(story.get_absolute_url())
    # A page past the end is the last one, never an error.
    assert update_texts(soup(reader.get(story.get_absolute_url() + "?page=99"))) == update_texts(
        second
    )


def test_live_page_queries_do_not_grow_with_the_updates(reader, clock, settings):
    settings.PAGE_CACHE = {**settings.PAGE_CACHE, "SECONDS": 0}  # render every time
    story = live_story(clock)
    photo = ImageFactory(renditions=True)

    def queries(path):
        with CaptureQueriesContext(connection) as captured:
            assert reader.get(path).status_code == 200
        return len(captured)

    post_updates(story, 2)
    LiveUpdate.objects.create(
        article=story, published_at=MORNING, text="Pinned", is_pinned=True, image=photo
    )
    paths = (story.get_absolute_url(), story.get_absolute_url() + "live/updates/")
    # The first render also builds the blocks every page shares (rails, banner, sections).
    cold = queries(paths[0])
    few = [queries(path) for path in paths]

    post_updates(story, 40, start=MORNING - timedelta(hours=2))
    LiveUpdate.objects.filter(article=story).update(image=photo)
    many = [queries(path) for path in paths]

    assert many == few
    # The updates cost three queries (count, page, pinned) on top of an ordinary story.
    assert few == [7, 4]
    assert cold <= 16


def test_a_future_update_is_refused_with_a_message(desk_editor, clock):
    story = live_story(clock)
    response = desk_editor.post(
        "/admin/articles/liveupdate/add/",
        {
            "article": story.pk,
            "published_at_0": "2030-03-05",
            "published_at_1": "10:00:00",
            "text": "From tomorrow",
        },
    )
    assert response.status_code == 200
    assert "cannot be dated in the future" in response.content.decode()
    assert not LiveUpdate.objects.exists()


# The demo: a newcomer sees both at once.


def test_the_demo_has_a_live_story_with_a_dozen_updates_and_a_breaking_story(reader):
    def seed():
        call_command("seed_demo", articles=40, no_renditions=True, stdout=StringIO())

    seed()
    seed()  # idempotent: one story each, the updates not doubled

    live = Article.objects.get(live_from__isnull=False)
    assert live.live_updates.count() == 12
    assert live.live_updates.filter(is_pinned=True).count() == 1
    page = reader.get(live.get_absolute_url())
    data = live_blog_data(page)
    assert len(data["liveBlogUpdate"]) == 12
    assert soup(page).select_one("[data-live-url]") is not None

    breaking = Article.objects.get(breaking_until__isnull=False)
    assert breaking.is_published()
    link = banner(reader.get("/")).select_one("a")
    assert link["href"] == breaking.get_absolute_url()
    assert link.get_text(strip=True) == breaking.headline
