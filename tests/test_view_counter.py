import threading
from datetime import timedelta

import pytest
from django.db import connection, connections
from django.utils import timezone

from articles.models import Article, HourlyViews
from articles.services import article_view_record

from .browser import browser_available, chromium_page
from .factories import ArticleFactory

__all__ = ["browser_available"]  # a fixture, used by name

BROWSER = "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0"
SITE = "http://testserver"
READER_ADDRESS = "203.0.113.7"


def views_of(article):
    return sum(HourlyViews.objects.filter(article=article).values_list("views", flat=True))


@pytest.mark.django_db
class TestBeacon:
    def post(self, client, article, *, address=READER_ADDRESS, **headers):
        """A beacon as the article page sends it from a reader's browser, unless told otherwise."""
        headers = {"User-Agent": BROWSER, "Origin": SITE, **headers}
        return client.post(
            f"/views/{article.pk}/",
            headers={name: value for name, value in headers.items() if value is not None},
            REMOTE_ADDR=address,
        )

    def test_a_beacon_counts_one_view_and_is_not_cached(self, client):
        article = ArticleFactory()

        response = self.post(client, article)

        assert response.status_code == 204
        assert "no-store" in response["Cache-Control"]
        assert views_of(article) == 1

    def test_the_article_page_itself_counts_nothing(self, client):
        article = ArticleFactory()
        client.get(article.get_absolute_url(), headers={"User-Agent": BROWSER})
        client.head(article.get_absolute_url(), headers={"User-Agent": BROWSER})
        assert views_of(article) == 0

    def test_get_and_head_on_the_endpoint_are_refused(self, client):
        article = ArticleFactory()
        assert client.get(f"/views/{article.pk}/").status_code == 405
        assert client.head(f"/views/{article.pk}/").status_code == 405
        assert views_of(article) == 0

    @pytest.mark.parametrize(
        "headers",
        [
            {
                "User-Agent": "Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)"
            },
            {"User-Agent": "curl/8.5.0"},
            {"Sec-Purpose": "prefetch;prerender"},
            {"Purpose": "prefetch"},
            {"Sec-Fetch-Site": "cross-site", "Origin": "https://elsewhere.example"},
            {"Origin": "https://elsewhere.example"},
            {"Origin": "http://testserver.elsewhere.example"},
            {"Origin": "null"},
            {"Origin": None, "Referer": "https://elsewhere.example/world/1-story/"},
            {"Origin": None},
        ],
        ids=[
            "googlebot",
            "curl",
            "prerender",
            "prefetch",
            "cross-site-fetch",
            "other-origin",
            "lookalike-origin",
            "opaque-origin",
            "other-site-referer",
            "no-origin-no-referer",
        ],
    )
    def test_bots_prefetches_and_other_sites_are_not_counted(self, client, headers):
        article = ArticleFactory()

        response = self.post(client, article, **headers)

        assert response.status_code == 403
        assert views_of(article) == 0

    def test_a_browser_that_sends_only_the_referer_is_counted(self, client):
        article = ArticleFactory()

        page = SITE + article.get_absolute_url()

        response = self.post(client, article, Origin=None, Referer=page)

        assert response.status_code == 204
        assert views_of(article) == 1

    def test_many_beacons_from_one_address_count_once(self, client):
        article = ArticleFactory()

        statuses = {self.post(client, article).status_code for _ in range(250)}

        # The repeats are answered like the first, so a script learns nothing from them.
        assert statuses == {204}
        assert views_of(article) == 1

    def test_each_address_counts_once_per_article(self, client):
        article, other = ArticleFactory(), ArticleFactory()

        for _ in range(3):
            self.post(client, article, address="203.0.113.7")
            self.post(client, article, address="198.51.100.4")
            self.post(client, other, address="203.0.113.7")

        assert views_of(article) == 2
        assert views_of(other) == 1

    def test_a_forged_forwarded_hop_behind_the_proxy_is_not_a_new_reader(self, client, settings):
        settings.TRUSTED_PROXY_COUNT = 1
        article = ArticleFactory()
        proxy = "10.0.0.1"

        # The proxy appends the address it saw; whatever the client wrote before it is noise.
        for forged in ["", "192.0.2.1, ", "192.0.2.2, ", "192.0.2.3, 192.0.2.4, "]:
            response = self.post(
                client, article, address=proxy, **{"X-Forwarded-For": f"{forged}203.0.113.7"}
            )
            assert response.status_code == 204
        assert views_of(article) == 1

        self.post(client, article, address=proxy, **{"X-Forwarded-For": "198.51.100.4"})
        assert views_of(article) == 2, "another reader behind the same proxy counts"

    def test_views_are_counted_while_the_cache_is_down(self, client, caplog, cache_down):
        article = ArticleFactory()
        response = self.post(client, article)

        assert response.status_code == 204
        assert views_of(article) == 1
        assert "cache" in caplog.text.lower()

    def test_unpublished_articles_are_not_counted(self, client):
        draft = ArticleFactory(status=Article.Status.DRAFT, published_at=None)
        assert self.post(client, draft).status_code == 404
        assert not HourlyViews.objects.exists()

    def test_views_in_one_hour_share_a_row(self):
        article = ArticleFactory()
        hour = timezone.now().replace(minute=10)
        article_view_record(article_id=article.pk, at=hour)
        article_view_record(article_id=article.pk, at=hour + timedelta(minutes=30))
        article_view_record(article_id=article.pk, at=hour + timedelta(hours=1))

        rows = list(HourlyViews.objects.filter(article=article).order_by("hour"))

        assert [row.views for row in rows] == [2, 1]
        assert rows[0].hour == hour.replace(minute=0, second=0, microsecond=0)


@pytest.mark.postgresql
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_fifty_simultaneous_views_lose_no_count():
    if connection.vendor != "postgresql":
        pytest.skip("concurrent writers need PostgreSQL (CI runs this)")
    article = ArticleFactory()
    start = threading.Barrier(50)

    def view():
        try:
            start.wait()
            article_view_record(article_id=article.pk)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=view) for _ in range(50)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()

    assert views_of(article) == 50


# The check on the server must let the page's own beacon through: a real browser proves it.
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_a_reader_in_a_real_browser_is_counted_once(browser_available, live_server):
    article = ArticleFactory()
    url = live_server.url + article.get_absolute_url()

    with chromium_page() as headless:
        # Headless Chromium says so in its User-Agent, which the beacon takes for a bot.
        browser = headless.context.browser
        tabs = [browser.new_page(user_agent=BROWSER) for _ in range(2)]
        with tabs[0].expect_response(lambda response: "/views/" in response.url) as beacon:
            tabs[0].goto(url)
        assert beacon.value.status == 204, beacon.value.request.all_headers()
        # Another tab has no session memory, so only the server's limit holds it back.
        with tabs[1].expect_response(lambda response: "/views/" in response.url) as again:
            tabs[1].goto(url)
        assert again.value.status == 204

    assert views_of(article) == 1
