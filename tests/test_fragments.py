"""Blocks every page shares (navigation, Last materials, Popular, Now reading) are built
once per content version, and every change still reaches them on the next request."""

import pytest
from bs4 import BeautifulSoup
from django.db import connection
from django.test.utils import CaptureQueriesContext

from articles.models import Article
from articles.services import article_view_record, articles_publish

from .factories import ArticleFactory, SectionFactory

pytestmark = pytest.mark.django_db


def rail(client, path: str, heading_id: str) -> list[str]:
    response = client.get(path)
    assert response.status_code == 200
    block = BeautifulSoup(response.content, "html.parser").find(
        "section", attrs={"aria-labelledby": heading_id}
    )
    return [link.get_text(strip=True) for link in block.select("li a")] if block else []


@pytest.fixture
def stories():
    world = SectionFactory(name="World", slug="world")
    older = ArticleFactory(section=world, headline="Ferry service resumes")
    newer = ArticleFactory(section=world, headline="Bridge reopens to traffic")
    article_view_record(article_id=older.pk)
    return older, newer


def test_shared_blocks_are_not_queried_again_on_the_next_page(client, stories):
    older, _ = stories
    client.get(older.get_absolute_url())

    with CaptureQueriesContext(connection) as queries:
        response = client.get("/world/")

    assert response.status_code == 200
    sql = " ".join(query["sql"] for query in queries.captured_queries)
    assert "articles_hourlyviews" not in sql  # Popular came from the first page
    assert 'WHERE "sections_section"."show_in_navigation"' not in sql  # and the navigation
    page = response.content.decode()
    assert "Popular" in page and 'href="/world/"' in page


def test_a_published_story_reaches_every_pages_blocks_at_once(
    client, stories, django_capture_on_commit_callbacks
):
    older, _ = stories
    SectionFactory(name="Sport", slug="sport")
    assert "Bridge reopens to traffic" in rail(
        client, older.get_absolute_url(), "last-materials-heading"
    )
    draft = ArticleFactory(headline="Mayor resigns", status=Article.Status.DRAFT)

    with django_capture_on_commit_callbacks(execute=True):
        articles_publish(articles=Article.objects.filter(pk=draft.pk))

    # A page never rendered since, and one that was: both print the new story.
    assert "Mayor resigns" in rail(client, "/sport/", "last-materials-heading")
    assert "Mayor resigns" in rail(client, older.get_absolute_url(), "last-materials-heading")


def test_blocks_are_printed_while_the_shared_cache_is_down(client, stories, cache_down):
    older, newer = stories

    assert rail(client, older.get_absolute_url(), "last-materials-heading") == [newer.headline]
    assert rail(client, "/world/", "popular-heading") == [older.headline]
