import threading
from datetime import timedelta

import pytest
from django.db import connection, connections
from django.utils import timezone

from articles.models import Article, HourlyViews
from articles.services import article_view_record

from .factories import ArticleFactory

BROWSER = "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0"


def views_of(article):
    return sum(HourlyViews.objects.filter(article=article).values_list("views", flat=True))


@pytest.mark.django_db
class TestBeacon:
    def post(self, client, article, **headers):
        return client.post(f"/views/{article.pk}/", headers={"User-Agent": BROWSER, **headers})

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
            {"Sec-Fetch-Site": "cross-site"},
        ],
    )
    def test_bots_prefetches_and_other_sites_are_not_counted(self, client, headers):
        article = ArticleFactory()

        response = self.post(client, article, **headers)

        assert response.status_code == 403
        assert views_of(article) == 0

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
