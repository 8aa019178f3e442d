import pytest
from bs4 import BeautifulSoup

from articles.sanitize import sanitize_html

from .factories import ArticleFactory


def test_script_tags_are_removed_with_their_content():
    assert sanitize_html("<p>Hi</p><script>alert(1)</script>") == "<p>Hi</p>"


def test_event_handlers_are_removed():
    soup = BeautifulSoup(
        sanitize_html('<p onclick="steal()">Hi <b onmouseover="x()">there</b></p>'), "html.parser"
    )
    assert all(not attribute.startswith("on") for tag in soup.find_all() for attribute in tag.attrs)
    assert soup.get_text() == "Hi there"


def test_javascript_links_lose_their_href():
    soup = BeautifulSoup(sanitize_html('<a href="javascript:alert(1)">click</a>'), "html.parser")
    assert soup.a.get("href") is None


def test_safe_links_and_subheadings_survive():
    soup = BeautifulSoup(
        sanitize_html('<h2>Subheading</h2><p><a href="https://example.org/">source</a></p>'),
        "html.parser",
    )
    assert soup.h2.get_text() == "Subheading"
    assert soup.a["href"] == "https://example.org/"
    assert "noopener" in soup.a["rel"]


def test_styles_iframes_and_images_are_not_allowed():
    cleaned = sanitize_html(
        '<p style="position:fixed">x</p><iframe src="https://evil.example"></iframe>'
        '<img src="x" onerror="alert(1)">'
    )
    assert cleaned == "<p>x</p>"


@pytest.mark.django_db
def test_article_body_is_sanitised_on_save():
    article = ArticleFactory(body='<p onclick="x()">Text</p><script>alert(1)</script>')
    article.refresh_from_db()
    assert article.body == "<p>Text</p>"
