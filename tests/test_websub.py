"""WebSub: feeds name the hub, and a hub on loopback hears of every publication.

The hub here is a real HTTP server in a thread of the test process, on a port of
8740-8759. Without a broker the tasks run in the editor's request once it commits
(eager mode); the scheduled and retry cases run a real Celery worker process on Redis,
as tests/test_worker.py does (PostgreSQL and Redis; TEST_BROKER_URL names the broker).
"""

import logging
import socket
import threading
import time
from datetime import timedelta
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs

import feedparser
import pytest
from django.utils import timezone

from articles.models import Article, Correction
from articles.services import article_corrections_changed

from . import stack, test_worker
from .factories import ArticleFactory, PersonFactory, SectionFactory
from .test_admin import article_form
from .test_workflow import correction_rows, form_data

# A fixture: each worker test's own queue on the real broker.
queue = test_worker.queue

PORTS = range(8740, 8760)
ORIGIN = "http://example.com"  # the Site's domain, as every feed link prints it


class Hub(ThreadingHTTPServer):
    """A WebSub hub that records what publishers tell it. `answers` are the statuses of
    its first replies for each topic (503: down); after them it answers 204."""

    daemon_threads = True

    def __init__(self, port: int, answers=()):
        super().__init__(("127.0.0.1", port), HubHandler)
        self.url = f"http://127.0.0.1:{port}/"
        self.answers = list(answers)
        self.pings: list[tuple[float, dict, bool]] = []  # (when, form, answered 2xx)
        self.lock = threading.Lock()

    def topics(self, *, after: float = 0) -> list[str]:
        """Topics of the pings answered with success, in order."""
        with self.lock:
            return [form["hub.url"][0] for when, form, ok in self.pings if ok and when >= after]

    def attempts(self, topic: str) -> int:
        with self.lock:
            return sum(form["hub.url"] == [topic] for _, form, _ in self.pings)


class HubHandler(BaseHTTPRequestHandler):
    def do_POST(self):
        length = int(self.headers.get("Content-Length", 0))
        form = parse_qs(self.rfile.read(length).decode())
        hub = self.server
        with hub.lock:
            topic = form.get("hub.url", [""])
            seen = sum(f.get("hub.url") == topic for _, f, _ in hub.pings)
            status = hub.answers[seen] if seen < len(hub.answers) else 204
            hub.pings.append((time.time(), form, status < 300))
        self.send_response(status)
        self.send_header("Content-Length", "0")
        self.end_headers()

    def log_message(self, *args):
        pass


def bind_hub(answers=()) -> Hub:
    for port in PORTS:
        try:
            return Hub(port, answers)
        except OSError:
            continue  # taken by a parallel test
    pytest.skip(f"no free port in {PORTS}")


def closed_port() -> int:
    """A port of our range where nothing listens: a hub that is down."""
    for port in PORTS:
        with socket.socket() as probe:
            try:
                probe.bind(("127.0.0.1", port))
            except OSError:
                continue
            return port
    pytest.skip(f"no free port in {PORTS}")


def serve(hub: Hub):
    thread = threading.Thread(target=hub.serve_forever, daemon=True)
    thread.start()
    return hub


@pytest.fixture
def hub_server():
    hub = serve(bind_hub())
    yield hub
    hub.shutdown()
    hub.server_close()


@pytest.fixture
def hub(hub_server, settings):
    settings.NEWSROOM = {**settings.NEWSROOM, "WEBSUB_HUB": hub_server.url}
    return hub_server


def feeds_of(article) -> set[str]:
    """The feeds a story appears in, RSS and Atom, as absolute addresses: its edition's."""
    paths = ["/rss/", "/atom/", f"/{article.section.slug}/rss/", f"/{article.section.slug}/atom/"]
    for byline in article.bylines.all():
        paths += [f"/authors/{byline.person.slug}/rss/", f"/authors/{byline.person.slug}/atom/"]
    for tag in article.tags.all():
        paths += [f"/tags/{tag.slug}/rss/", f"/tags/{tag.slug}/atom/"]
    prefix = article.edition.prefix.removesuffix("/")  # "" or "/ru"
    return {ORIGIN + prefix + path for path in paths}


def links(client, path) -> dict[str, list[str]]:
    """The feed's own links by rel, as a feed reader reads them."""
    response = client.get(path)
    assert response.status_code == 200, path
    parsed = feedparser.parse(response.content)
    assert not parsed.bozo, parsed.bozo_exception
    found: dict[str, list[str]] = {}
    for link in parsed.feed.links:
        found.setdefault(link.rel, []).append(link.href)
    return found


def publish_in_the_form(client, section, person, **fields):
    data = article_form(section, person, tags="Trams, City budget", **fields)
    response = client.post("/admin/articles/article/add/", data)
    assert response.status_code == 302, response.content.decode()[:2000]
    return Article.objects.get(headline=data["headline"])


@pytest.mark.django_db
class TestFeedsNameTheHub:
    FEEDS = ("/rss/", "/atom/", "/{section}/rss/", "/{section}/atom/", "/authors/{author}/rss/",
             "/authors/{author}/atom/", "/tags/{tag}/rss/", "/tags/{tag}/atom/",
             "/corrections/rss/")  # fmt: skip

    def paths(self):
        article = ArticleFactory(tags=["Trams"])
        author = article.bylines.get().person
        tag = article.tags.get()
        live = ArticleFactory(live_from=timezone.now() - timedelta(hours=1))
        return [
            *(
                path.format(section=article.section.slug, author=author.slug, tag=tag.slug)
                for path in self.FEEDS
            ),
            f"{live.get_absolute_url()}live/rss/",  # a live story's updates
        ]

    def test_every_feed_names_the_hub_and_itself(self, client, hub):
        for path in self.paths():
            found = links(client, path)
            assert found["hub"] == [hub.url], path
            assert found["self"] == [ORIGIN + path], path

    def test_no_hub_configured_no_hub_link(self, client, settings):
        settings.NEWSROOM = {**settings.NEWSROOM, "WEBSUB_HUB": ""}
        for path in self.paths():
            found = links(client, path)
            assert "hub" not in found, path
            assert found["self"] == [ORIGIN + path], path


@pytest.mark.django_db
class TestPublishing:
    def test_publishing_in_the_story_form_tells_the_hub_about_each_feed(
        self, editor_client, hub, django_capture_on_commit_callbacks
    ):
        with django_capture_on_commit_callbacks(execute=True):
            article = publish_in_the_form(editor_client, SectionFactory(), PersonFactory())
        assert article.is_published()
        assert sorted(hub.topics()) == sorted(feeds_of(article))
        assert len(feeds_of(article)) == 10  # site, section, author, two tags; RSS and Atom
        assert all(form["hub.mode"] == ["publish"] for _, form, _ in hub.pings)

    def test_saving_a_published_story_again_is_not_announced_twice(
        self, editor_client, hub, django_capture_on_commit_callbacks
    ):
        with django_capture_on_commit_callbacks(execute=True):
            article = publish_in_the_form(editor_client, SectionFactory(), PersonFactory())
        announced = len(hub.pings)
        with django_capture_on_commit_callbacks(execute=True):
            response = editor_client.post(
                f"/admin/articles/article/{article.pk}/change/",
                form_data(article, lead="The council voted for the tram line, 31 to 12."),
            )
        assert response.status_code == 302
        assert len(hub.pings) == announced

    def test_the_publish_action_of_the_list_tells_the_hub(
        self, editor_client, hub, django_capture_on_commit_callbacks
    ):
        draft = ArticleFactory(status="draft", published_at=None, tags=["Harbour"])
        with django_capture_on_commit_callbacks(execute=True):
            response = editor_client.post(
                "/admin/articles/article/", {"action": "publish", "_selected_action": [draft.pk]}
            )
        assert response.status_code == 302
        draft.refresh_from_db()
        assert draft.is_published()
        assert sorted(hub.topics()) == sorted(feeds_of(draft))

    def test_a_russian_story_is_announced_in_the_russian_editions_feeds(
        self, editor_client, hub, django_capture_on_commit_callbacks
    ):
        draft = ArticleFactory(language="ru", status="draft", published_at=None, tags=["Port"])
        with django_capture_on_commit_callbacks(execute=True):
            response = editor_client.post(
                "/admin/articles/article/", {"action": "publish", "_selected_action": [draft.pk]}
            )
        assert response.status_code == 302
        assert sorted(hub.topics()) == sorted(feeds_of(draft))
        assert all(topic.startswith(f"{ORIGIN}/ru/") for topic in hub.topics())

        draft.refresh_from_db()
        with django_capture_on_commit_callbacks(execute=True):
            Correction.objects.create(article=draft, text="The port reopened on Monday.")
            article_corrections_changed(article=draft)
        assert hub.topics()[-1] == f"{ORIGIN}/ru/corrections/rss/"

    def test_a_correction_tells_the_hub_about_the_corrections_feed(
        self, editor_client, hub, django_capture_on_commit_callbacks
    ):
        article = ArticleFactory(published_at=timezone.now() - timedelta(hours=2))
        correction = (timezone.now() - timedelta(minutes=5), "The vote was 31 to 12, not 30.")
        with django_capture_on_commit_callbacks(execute=True):
            response = editor_client.post(
                f"/admin/articles/article/{article.pk}/change/",
                form_data(article, **correction_rows(article, correction)),
            )
        assert response.status_code == 302
        assert article.corrections.get().text == correction[1]
        assert f"{ORIGIN}/corrections/rss/" in hub.topics()

    def test_a_live_update_tells_the_hub_about_the_live_feed(
        self, editor_client, hub, django_capture_on_commit_callbacks
    ):
        story = ArticleFactory(
            published_at=timezone.now() - timedelta(hours=2),
            live_from=timezone.now() - timedelta(hours=2),
        )
        posted = timezone.localtime(timezone.now() - timedelta(minutes=1))
        with django_capture_on_commit_callbacks(execute=True):
            response = editor_client.post(
                "/admin/articles/liveupdate/add/",
                {
                    "article": story.pk,
                    "published_at_0": f"{posted:%Y-%m-%d}",
                    "published_at_1": f"{posted:%H:%M:%S}",
                    "text": "The water is falling.",
                },
            )
        assert response.status_code == 302, response.content.decode()[:2000]
        assert f"{ORIGIN}{story.get_absolute_url()}live/rss/" in hub.topics()

    def test_no_hub_configured_no_request(
        self, editor_client, hub_server, settings, django_capture_on_commit_callbacks
    ):
        settings.NEWSROOM = {**settings.NEWSROOM, "WEBSUB_HUB": ""}
        with django_capture_on_commit_callbacks(execute=True):
            article = publish_in_the_form(editor_client, SectionFactory(), PersonFactory())
        assert article.is_published()
        assert hub_server.pings == []

    def test_a_hub_that_is_down_does_not_stop_the_publication(
        self, editor_client, settings, caplog, django_capture_on_commit_callbacks
    ):
        down = f"http://127.0.0.1:{closed_port()}/"
        settings.NEWSROOM = {**settings.NEWSROOM, "WEBSUB_HUB": down}
        with caplog.at_level(logging.ERROR), django_capture_on_commit_callbacks(execute=True):
            article = publish_in_the_form(editor_client, SectionFactory(), PersonFactory())
        page = editor_client.get(f"/admin/articles/article/{article.pk}/change/")
        assert "Published" in page.content.decode()
        assert article.is_published()
        failures = [r.getMessage() for r in caplog.records if r.name == "articles.tasks"]
        assert len(failures) == len(feeds_of(article))
        assert f"WebSub hub {down} was not told about {ORIGIN}/rss/" in failures[0]

    def test_without_a_queue_a_scheduled_story_is_never_announced_early(
        self, editor_client, hub, caplog, django_capture_on_commit_callbacks
    ):
        later = timezone.localtime() + timedelta(hours=2)
        with caplog.at_level(logging.WARNING), django_capture_on_commit_callbacks(execute=True):
            article = publish_in_the_form(
                editor_client,
                SectionFactory(),
                PersonFactory(),
                _action="schedule",
                schedule_at=later.strftime("%Y-%m-%dT%H:%M"),
            )
        assert article.status == "published" and not article.is_published()
        assert hub.pings == []
        assert "without a queue" in caplog.text


# With a real worker: a scheduled story is announced at its time, not before; a rescheduled
# one at its new time; an unpublished one never; a hub that is down is asked again.


def worker_environment(hub: Hub, **extra):
    return stack.app_environment(
        CELERY_BROKER_URL=stack.BROKER_URL, NEWSROOM_WEBSUB_HUB=hub.url, **extra
    )


def bulk(client, action, *articles):
    response = client.post(
        "/admin/articles/article/",
        {"action": action, "_selected_action": [article.pk for article in articles]},
    )
    assert response.status_code == 302


@pytest.mark.postgresql
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_a_worker_announces_scheduled_stories_at_their_time(editor_client, hub, queue, tmp_path):
    start = timezone.now().replace(microsecond=0)  # the form keeps whole seconds
    soon = start + timedelta(seconds=5)
    on_time, moved, dropped = (
        ArticleFactory(status="draft", published_at=soon, section=SectionFactory())
        for _ in range(3)
    )
    # Scheduled with the list's "Publish" action (it keeps the time set on each story).
    bulk(editor_client, "publish", on_time, moved, dropped)
    # One moved later through the story form, one taken down before its time.
    later = start + timedelta(seconds=9)
    response = editor_client.post(
        f"/admin/articles/article/{moved.pk}/change/",
        form_data(moved, **split_seconds("published_at", later)),
    )
    assert response.status_code == 302
    moved.refresh_from_db()
    assert moved.published_at == later
    bulk(editor_client, "unpublish", dropped)
    assert hub.pings == [], "nothing announced before its time"

    log = tmp_path / "worker.log"
    with stack.celery_worker(queue, log=log, env=worker_environment(hub)):
        section_feed = f"{ORIGIN}/{moved.section.slug}/rss/"
        stack.wait_for(
            lambda: section_feed in hub.topics(),
            timeout=60,
            what="the worker announcing the rescheduled story",
            log=log,
        )
        time.sleep(1)  # anything else it would send

    by_topic = {form["hub.url"][0]: when for when, form, _ in hub.pings}
    assert f"{ORIGIN}/{on_time.section.slug}/atom/" in by_topic
    assert by_topic[f"{ORIGIN}/{on_time.section.slug}/rss/"] >= soon.timestamp()
    assert by_topic[section_feed] >= later.timestamp(), "not at its first time"
    assert not any(dropped.section.slug in topic for topic in by_topic), "taken down"
    site_feed_pings = [form for _, form, _ in hub.pings if form["hub.url"] == [f"{ORIGIN}/rss/"]]
    assert len(site_feed_pings) == 2, "one announcement per story published"
    assert "websub_announce_task" in log.read_text()


@pytest.mark.postgresql
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_a_worker_asks_a_hub_that_was_down_again(
    editor_client,
    settings,
    queue,
    tmp_path,
):
    hub = serve(bind_hub(answers=(503, 503)))  # down for each feed's first two pings
    settings.NEWSROOM = {**settings.NEWSROOM, "WEBSUB_HUB": hub.url}
    try:
        article = ArticleFactory(status="draft", published_at=None)
        bulk(editor_client, "publish", article)
        article.refresh_from_db()
        assert article.is_published(), "published at once, the hub notwithstanding"
        log = tmp_path / "worker.log"
        environment = worker_environment(hub, NEWSROOM_WEBSUB_RETRY_SECONDS="1")
        with stack.celery_worker(queue, log=log, env=environment):
            stack.wait_for(
                lambda: sorted(hub.topics()) == sorted(feeds_of(article)),
                timeout=60,
                what="every feed announced after the hub came back",
                log=log,
            )
        assert all(hub.attempts(topic) == 3 for topic in feeds_of(article))
        assert "was not told about" in log.read_text(), "the worker logged the failures"
    finally:
        hub.shutdown()
        hub.server_close()


def split_seconds(name, moment):
    local = timezone.localtime(moment)
    return {f"{name}_0": local.strftime("%Y-%m-%d"), f"{name}_1": local.strftime("%H:%M:%S")}
