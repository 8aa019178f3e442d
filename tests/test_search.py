from datetime import timedelta

import pytest
from django.db import connection
from django.utils import timezone

from articles.models import Article

from .factories import ArticleFactory

pytestmark = pytest.mark.django_db

on_postgresql = pytest.mark.skipif(
    connection.vendor != "postgresql", reason="full-text search needs PostgreSQL (CI runs this)"
)


def results(html, client, query, **params):
    soup = html(client.get("/search/", {"q": query, **params}))
    # The text as read: the marked words are elements of their own in the headline.
    return soup, [" ".join(h.get_text().split()) for h in soup.select(".search-result h2")]


def test_search_finds_words_in_headline_lead_and_body(client, html):
    ArticleFactory(headline="Lighthouse keeper retires", lead="After forty years.", body="<p>x</p>")
    ArticleFactory(headline="Other", lead="The lighthouse will be automated.", body="<p>y</p>")
    ArticleFactory(headline="Third", lead="Nothing", body="<p>Ships pass the lighthouse.</p>")
    ArticleFactory(headline="Unrelated", lead="Nothing", body="<p>Nothing</p>")

    soup, found = results(html, client, "lighthouse")

    assert set(found) == {"Lighthouse keeper retires", "Other", "Third"}
    assert soup.find("meta", attrs={"name": "robots"})["content"].startswith("noindex")


def test_search_shows_only_published_stories(client, html):
    ArticleFactory(headline="Published lighthouse story")
    ArticleFactory(
        headline="Draft lighthouse story", status=Article.Status.DRAFT, published_at=None
    )
    ArticleFactory(
        headline="Scheduled lighthouse story",
        published_at=timezone.now() + timezone.timedelta(hours=2),
    )

    _, found = results(html, client, "lighthouse")

    assert found == ["Published lighthouse story"]


@pytest.mark.parametrize(
    "query",
    ["", "   ", "!!!???", "&&& ||| <script>", "x" * 5000, "Лукашенко помиловал", "北京", "a\x00b"],
)
def test_odd_queries_get_a_page(client, query):
    ArticleFactory()
    response = client.get("/search/", {"q": query})
    assert response.status_code == 200
    assert b"<script>" not in response.content.split(b"<main")[1]


def test_results_are_paginated(client, html):
    ArticleFactory.create_batch(23, headline="Tram works continue")
    _, first = results(html, client, "tram")
    _, second = results(html, client, "tram", page=2)
    _, beyond = results(html, client, "tram", page=99)

    assert (len(first), len(second), len(beyond)) == (20, 3, 3)


def test_snippets_are_escaped_except_the_highlight(client, html):
    ArticleFactory(
        headline="Harbour",
        lead="The harbour <b>reopens</b> today.",
        body="<p>The harbour &lt;b&gt;reopens&lt;/b&gt; today.</p>",
    )
    soup, _ = results(html, client, "harbour")
    snippet = soup.select_one(".search-result__snippet")
    assert snippet.find("b") is None
    assert "<b>reopens</b>" in snippet.get_text()


@on_postgresql
def test_stemming_finds_other_forms_of_a_word(client, html):
    ArticleFactory(headline="Border guard frees a prisoner")
    _, found = results(html, client, "prisoners")
    assert found == ["Border guard frees a prisoner"]


@on_postgresql
def test_headline_match_ranks_above_body_match(client, html):
    ArticleFactory(
        headline="Ferry news", lead="Boats.", body="<p>The lighthouse was repainted.</p>"
    )
    ArticleFactory(headline="Lighthouse repainted", lead="Paint.", body="<p>Fresh white.</p>")

    soup, found = results(html, client, "lighthouse")

    assert found == ["Lighthouse repainted", "Ferry news"]
    assert soup.select(".search-result mark")[0].get_text().lower() == "lighthouse"


@on_postgresql
def test_search_vector_follows_edits(client, html):
    article = ArticleFactory(headline="Tram line opens")
    article.headline = "Cable car opens"
    article.save()

    assert results(html, client, "tram")[1] == []
    assert results(html, client, "cable")[1] == ["Cable car opens"]


def test_a_common_word_ranks_only_the_newest_matches(client, html, monkeypatch):
    monkeypatch.setattr("articles.models.SEARCH_LIMIT", 3)
    monkeypatch.setattr("articles.views.SEARCH_LIMIT", 3)
    now = timezone.now()
    # The oldest would rank first (headline match), but it is past the newest three.
    ArticleFactory(headline="Lighthouse", published_at=now - timedelta(days=9))
    for days in range(1, 5):
        ArticleFactory(
            headline=f"Story {days}",
            lead="Boats.",
            body="<p>The lighthouse.</p>",
            published_at=now - timedelta(days=days),
        )

    soup, found = results(html, client, "lighthouse")

    assert set(found) == {"Story 1", "Story 2", "Story 3"}
    summary = soup.select_one(".search-summary").get_text(" ", strip=True)
    assert summary == "The 3 newest stories found for “lighthouse”, best match first"


def test_a_rare_word_counts_every_match(client, html):
    ArticleFactory(headline="Lighthouse keeper retires")
    ArticleFactory(headline="Lighthouse repainted")

    soup, _ = results(html, client, "lighthouse")

    assert soup.select_one(".search-summary").get_text(strip=True) == (
        "2 stories found for “lighthouse”"
    )
