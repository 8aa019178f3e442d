"""The page cache and Cache-Control: what each kind of page tells caches, that stored pages
cost no database work, that every change reaches readers at once, and that scheduled
stories appear on time behind every cache.

The site's clock is fixed on a morning and moved by the tests; nothing here sleeps or
depends on today's date.
"""

import threading
from datetime import UTC, date, datetime, timedelta

import pytest
from bs4 import BeautifulSoup
from django.contrib.flatpages.models import FlatPage
from django.contrib.sites.models import Site
from django.db import connection, connections
from django.test import Client
from django.test.signals import template_rendered
from django.utils import timezone
from taggit.models import Tag

from articles.models import Article, PreviewLink
from images.services import image_renditions_build
from newsroom import pagecache

from .factories import ArticleFactory, ImageFactory, PersonFactory, SectionFactory
from .test_workflow import correction_rows, form_data

pytestmark = pytest.mark.django_db

# 10:00 in London: the day's end (when the date printed on pages changes) is 14 hours on.
MORNING = datetime(2030, 3, 4, 10, 0, tzinfo=UTC)


@pytest.fixture(autouse=True)
def page_cache(settings):
    """Pages stored as in production (the other tests store none)."""
    settings.PAGE_CACHE = {**settings.PAGE_CACHE, "SECONDS": 300}


class Clock:
    def __init__(self, now: datetime):
        self.now = now

    def advance(self, **delta):
        self.now += timedelta(**delta)


@pytest.fixture
def clock(monkeypatch):
    """The clock published() and the page cache read, set to MORNING."""
    site_clock = Clock(MORNING)
    monkeypatch.setattr(timezone, "now", lambda: site_clock.now)
    return site_clock


@pytest.fixture
def reader():
    """An anonymous reader, apart from the editor's signed-in client."""
    return Client()


@pytest.fixture
def committed(django_capture_on_commit_callbacks):
    """Lets an editor's change commit: the test's own transaction never does, and the
    page cache hears of changes only once they are committed."""
    return lambda: django_capture_on_commit_callbacks(execute=True)


def cache_control(response) -> dict[str, str]:
    directives = (part.strip() for part in response.get("Cache-Control", "").split(","))
    return dict((*d.split("=", 1), "")[:2] for d in directives if d)


def assert_shared(response):
    assert response.status_code in (200, 301, 404), response.status_code
    directives = cache_control(response)
    assert "public" in directives, directives
    assert int(directives["max-age"]) <= int(directives["s-maxage"])
    assert {"stale-while-revalidate", "stale-if-error"} <= directives.keys()
    assert not response.cookies
    assert "cookie" not in response.get("Vary", "").lower()


def assert_private(response):
    directives = cache_control(response)
    assert {"private", "no-store"} <= directives.keys(), directives
    assert "s-maxage" not in directives


def text(response) -> str:
    assert response.status_code == 200, response.status_code
    return BeautifulSoup(response.content, "html.parser").get_text(" ", strip=True)


@pytest.fixture
def story(clock):
    """A story with a tag and a byline, and an About page: every kind of public page."""
    article = ArticleFactory(headline="Harbour cranes return", tags=["Harbour"])
    page = FlatPage.objects.create(url="/about/", title="About us", content="<p>Who we are</p>")
    page.sites.add(Site.objects.get_current())
    return article


def test_public_pages_and_feeds_may_be_kept_by_every_cache(reader, story):
    person = story.bylines.get().person
    pages = [
        "/",
        "/news/",
        story.section.get_absolute_url(),
        story.get_absolute_url(),
        f"/{story.section.slug}/{story.pk}/",  # the short address redirects
        "/tags/harbour/",
        "/authors/",
        f"/authors/{person.slug}/",
        "/search/?q=cranes",
        "/archive/",
        "/corrections/",
        "/about/",
        "/no-such-page/",
        "/rss/",
        "/atom/",
        f"/{story.section.slug}/rss/",
        "/tags/harbour/rss/",
        f"/authors/{person.slug}/rss/",
        "/sitemap.xml",
        "/sitemap-articles.xml",
        "/sitemap-news.xml",
        "/sitemap/",
        "/robots.txt",
    ]
    for url in pages:
        response = reader.get(url)
        assert_shared(response)
        again = reader.get(url)  # from the page cache: the same promise, the same page
        assert_shared(again)
        assert again.content == response.content, url


def test_per_visitor_pages_are_kept_by_no_cache(reader, editor_client, story):
    draft = ArticleFactory(status=Article.Status.DRAFT)
    preview = PreviewLink.objects.create(article=draft)

    assert_private(reader.get(preview.get_absolute_url()))
    assert_private(reader.get("/admin/login/"))
    assert_private(editor_client.get("/admin/"))
    # A signed-in visitor is never served, nor stored, a shared copy.
    assert_private(editor_client.get("/"))
    assert_private(editor_client.get(story.get_absolute_url()))
    assert_private(reader.post(f"/views/{story.pk}/"))
    assert_private(reader.post("/typos/", "{}", content_type="application/json"))


def test_a_stored_page_costs_no_database_query(reader, story, django_assert_num_queries):
    first = reader.get(story.get_absolute_url())

    with django_assert_num_queries(0):
        again = reader.get(story.get_absolute_url())
        head = reader.head(story.get_absolute_url())

    assert again.content == first.content
    assert head.status_code == 200
    assert again.templates == []  # nothing rendered


def test_conditional_get_answers_304_before_rendering(reader, story, django_assert_max_num_queries):
    etag = reader.get("/").headers["ETag"]

    with django_assert_max_num_queries(1):
        unchanged = reader.get("/", headers={"If-None-Match": etag})

    assert unchanged.status_code == 304
    assert unchanged.templates == []
    assert unchanged["ETag"] == etag
    assert "s-maxage" in cache_control(unchanged)


def test_a_signed_in_editor_sees_the_page_as_it_is_now(reader, editor_client, story):
    reader.get(story.get_absolute_url())  # stored for readers
    Article.objects.filter(pk=story.pk).update(headline="Written in the database directly")

    assert "Written in the database directly" in text(editor_client.get(story.get_absolute_url()))


# Invalidation: each kind of change an editor makes reaches readers on the next request.


def test_publishing_and_unpublishing_reach_readers_at_once(reader, editor_client, committed):
    draft = ArticleFactory(headline="The mayor resigns", status=Article.Status.DRAFT)
    assert "The mayor resigns" not in text(reader.get("/"))
    etag = reader.get("/").headers["ETag"]

    actions = "/admin/articles/article/"
    with committed():
        editor_client.post(actions, {"action": "publish", "_selected_action": [draft.pk]})
    home = reader.get("/", headers={"If-None-Match": etag})
    assert "The mayor resigns" in text(home)
    assert reader.get(draft.get_absolute_url()).status_code == 200

    with committed():
        editor_client.post(actions, {"action": "unpublish", "_selected_action": [draft.pk]})
    assert "The mayor resigns" not in text(reader.get("/"))
    assert reader.get(draft.get_absolute_url()).status_code == 404


def test_edits_of_a_published_story_reach_readers_at_once(reader, editor_client, committed):
    story = ArticleFactory(headline="Harbour cranes return", tags=["Harbour"])
    url = story.get_absolute_url()
    assert "Harbour cranes return" in text(reader.get(url, follow=True))
    change = f"/admin/articles/article/{story.pk}/change/"

    with committed():
        editor_client.post(
            change, form_data(story, headline="Harbour cranes are back", slug=story.slug)
        )
    assert "Harbour cranes are back" in text(reader.get(url, follow=True))

    # A correction, in the story's own form.
    when = timezone.now()
    with committed():
        editor_client.post(
            change, form_data(story) | correction_rows(story, (when, "The cranes are blue."))
        )
    assert "The cranes are blue." in text(reader.get(url, follow=True))
    assert "The cranes are blue." in text(reader.get("/corrections/"))

    # Byline and tags.
    columnist = PersonFactory(name="Ilse Okafor")
    Tag.objects.create(name="Port", slug="port")
    with committed():
        editor_client.post(change, form_data(story, byline=[columnist.pk], tags="Harbour, Port"))
    page = text(reader.get(url, follow=True))
    assert "Ilse Okafor" in page
    assert "Harbour cranes are back" in text(reader.get("/tags/port/"))


def test_a_drafts_edits_leave_the_stored_pages_alone(
    reader, editor_client, committed, django_assert_num_queries
):
    story = ArticleFactory()
    draft = ArticleFactory(status=Article.Status.DRAFT)
    reader.get(story.get_absolute_url())

    with committed():
        editor_client.post(
            f"/admin/articles/article/{draft.pk}/change/", form_data(draft, headline="Not yet")
        )
    with django_assert_num_queries(0):
        reader.get(story.get_absolute_url())


def test_section_person_photo_and_licence_edits_reach_readers_at_once(
    reader, editor_client, committed
):
    section = SectionFactory(name="Harbour", slug="harbour")
    person = PersonFactory(name="Ilse Okafor", slug="ilse-okafor")
    story = ArticleFactory(section=section, authors=[person], main_image__renditions=True)
    url = story.get_absolute_url()
    reader.get(url)

    with committed():
        editor_client.post(
            f"/admin/sections/section/{section.pk}/change/",
            {"name": "Port and harbour", "slug": "harbour", "description": "Ships.", "position": 3}
            | {"show_in_navigation": "on"},
        )
    assert "Port and harbour" in text(reader.get(url))

    with committed():
        editor_client.post(
            f"/admin/authors/person/{person.pk}/change/",
            {"name": "Ilse Okafor-Berg", "slug": "ilse-okafor", "role": "author"}
            | {"job_title": "Correspondent", "bio": ""},
        )
    assert "Ilse Okafor-Berg" in text(reader.get(url))

    image = story.main_image
    with committed():
        editor_client.post(
            f"/admin/images/image/{image.pk}/change/",
            {
                "focal_x": "0.5",
                "focal_y": "0.5",
                "alt_text": image.alt_text,
                "caption": "Cranes at dusk, from the north pier",
                "creator": image.creator,
                "source_name": image.source_name,
                "source_url": image.source_url,
                "copyright_holder": "",
                "licence": str(image.licence_id),
                "usable_until": "",
            },
        )
    assert "Cranes at dusk, from the north pier" in text(reader.get(url))

    licence = image.licence
    with committed():
        editor_client.post(
            f"/admin/images/licence/{licence.pk}/change/",
            {"name": "Harbour Press Licence", "url": "https://example.org/licence"}
            | {"kind": licence.kind},
        )
    assert "Harbour Press Licence" in text(reader.get(url))


def test_flat_page_and_tag_edits_reach_readers_at_once(reader, story, committed):
    # Edited in other apps' admins: the page cache hears of them through their signals.
    about = FlatPage.objects.get(url="/about/")
    assert "Who we are" in text(reader.get("/about/"))
    about.content = "<p>Founded by the harbour workers</p>"
    with committed():
        about.save()
    assert "Founded by the harbour workers" in text(reader.get("/about/"))

    assert "Harbour" in text(reader.get("/tags/harbour/"))
    tag = Tag.objects.get(slug="harbour")
    tag.name = "Harbours and ports"
    with committed():
        tag.save()
    assert "Harbours and ports" in text(reader.get("/tags/harbour/"))


def test_a_photo_appears_once_its_renditions_are_built(reader, committed):
    story = ArticleFactory()
    alt = story.main_image.alt_text
    assert alt not in reader.get(story.get_absolute_url()).content.decode()

    with committed():
        image_renditions_build(image=story.main_image)  # what the worker does

    assert alt in reader.get(story.get_absolute_url()).content.decode()


# The clock: scheduled publication, expiry and the end of a photo's rights.


def test_a_scheduled_story_appears_on_time_behind_every_cache(reader, clock):
    ArticleFactory(headline="Earlier story")
    scheduled = ArticleFactory(
        headline="Ninety seconds later", published_at=clock.now + timedelta(seconds=90)
    )

    home = reader.get("/")
    assert "Ninety seconds later" not in text(home)
    lifetimes = cache_control(home)
    # No copy anywhere (browser, proxy, a stale one served while revalidating or while the
    # site is down) lasts past the publication.
    assert int(lifetimes["max-age"]) <= 90
    assert int(lifetimes["s-maxage"]) + int(lifetimes["stale-while-revalidate"]) <= 90
    assert int(lifetimes["s-maxage"]) + int(lifetimes["stale-if-error"]) <= 90

    clock.advance(seconds=85)
    home = reader.get("/")
    assert "Ninety seconds later" not in text(home)
    assert int(cache_control(home)["max-age"]) <= 5
    assert reader.get(scheduled.get_absolute_url()).status_code == 404

    clock.advance(seconds=5)
    assert reader.get("/", headers={"If-None-Match": home["ETag"]}).status_code == 200
    assert "Ninety seconds later" in text(reader.get("/"))
    assert reader.get(scheduled.get_absolute_url()).status_code == 200
    assert b"Ninety seconds later" in reader.get("/rss/").content


def test_an_expiring_story_leaves_on_time_behind_every_cache(reader, clock):
    expiring = ArticleFactory(
        headline="Embargoed until noon", expires_at=clock.now + timedelta(minutes=2)
    )
    assert "Embargoed until noon" in text(reader.get("/"))
    assert int(cache_control(reader.get(expiring.get_absolute_url()))["max-age"]) <= 120

    clock.advance(minutes=2)

    assert "Embargoed until noon" not in text(reader.get("/"))
    assert reader.get(expiring.get_absolute_url()).status_code == 404


def test_a_photo_leaves_the_pages_when_its_rights_end(reader, clock):
    story = ArticleFactory(
        main_image=ImageFactory(renditions=True, usable_until=date(2030, 3, 4)),
    )
    alt = story.main_image.alt_text
    assert alt in reader.get(story.get_absolute_url()).content.decode()

    clock.advance(hours=14)  # midnight in London: the last day of the rights is over

    assert alt not in reader.get(story.get_absolute_url()).content.decode()


def test_pages_are_served_while_the_shared_cache_is_down(reader, story, cache_down):
    response = reader.get(story.get_absolute_url())

    assert "Harbour cranes return" in text(response)
    assert "public" in cache_control(response)


# Many readers at once.


@pytest.mark.postgresql
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_simultaneous_misses_render_the_page_once():
    if connection.vendor != "postgresql":
        pytest.skip("concurrent readers need PostgreSQL (CI runs this)")
    story = ArticleFactory()
    readers = 8
    start = threading.Barrier(readers)
    renders, responses = [], []

    def count(sender, template, **kwargs):
        if template.name == "articles/article_detail.html":
            renders.append(template)

    def read():
        try:
            start.wait()
            responses.append(Client().get(story.get_absolute_url()))
        finally:
            connections.close_all()

    template_rendered.connect(count)
    try:
        threads = [threading.Thread(target=read) for _ in range(readers)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
    finally:
        template_rendered.disconnect(count)

    assert len(renders) == 1
    assert [response.status_code for response in responses] == [200] * readers
    assert len({response.content for response in responses}) == 1


def test_stored_pages_and_304s_carry_the_security_headers(reader, story):
    reader.get(story.get_absolute_url())  # stored

    stored = reader.get(story.get_absolute_url())
    unchanged = reader.get(story.get_absolute_url(), headers={"If-None-Match": stored["ETag"]})

    assert stored.templates == [] and unchanged.status_code == 304
    for response in (stored, unchanged):
        assert "script-src 'self'" in response["Content-Security-Policy"]
        assert response["X-Content-Type-Options"] == "nosniff"
        assert response["X-Frame-Options"] == "DENY"


def test_a_new_security_policy_is_never_served_from_pages_stored_under_the_old(
    reader, story, settings
):
    reader.get(story.get_absolute_url())  # stored under the policy the server started with
    settings.SECURE_REFERRER_POLICY = "no-referrer"
    # What a restart with the new settings does: fresh middleware, a fresh stamp.
    pagecache.header_settings.cache_clear()
    restarted = Client()

    assert restarted.get(story.get_absolute_url())["Referrer-Policy"] == "no-referrer"


@pytest.fixture
def static_build(monkeypatch):
    """Sets which collectstatic build the server runs, as a restart after a deploy does."""

    def deploy(manifest_hash: str) -> None:
        monkeypatch.setattr(pagecache, "static_build", lambda: manifest_hash)

    return deploy


def test_pages_stored_before_a_deploy_are_not_served_after_it(reader, story, static_build):
    # A page names its stylesheets by their hashed names: after a new build, one stored
    # before could name files the new build does not have.
    static_build("before")
    stored = reader.get(story.get_absolute_url())
    assert reader.get(story.get_absolute_url()).templates == []  # served as stored

    static_build("after")
    after = Client().get(story.get_absolute_url())
    revalidated = Client().get(story.get_absolute_url(), headers={"If-None-Match": stored["ETag"]})

    assert after.templates != []  # rendered again
    assert after["ETag"] != stored["ETag"]
    assert revalidated.status_code == 200


def test_a_refused_host_gets_the_security_headers_too(story):
    refused = Client(HTTP_HOST="elsewhere.example").get(story.get_absolute_url())

    assert refused.status_code == 400
    assert "script-src 'self'" in refused["Content-Security-Policy"]
    assert "s-maxage" not in refused.get("Cache-Control", "")
