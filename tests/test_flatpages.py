"""Pages editors write in the admin (About, Advertising …): their text is never trusted."""

import pytest
from django.contrib.flatpages.models import FlatPage
from django.contrib.sites.models import Site

pytestmark = pytest.mark.django_db


SCRIPT_TITLE = "<script>alert(1)</script> & Co"
REFRESH = '0;url=https://example.org/" http-equiv="refresh" x="'
BARE_TEMPLATE = "<h1>{{ flatpage.title }}</h1>{{ flatpage.content }}"
HOSTILE_CONTENT = f"<p>{REFRESH}</p><script>alert(2)</script><p>Who we are &amp; why</p>"


def page(url="/about/", title=SCRIPT_TITLE, content=HOSTILE_CONTENT, **fields):
    flatpage = FlatPage.objects.create(url=url, title=title, content=content, **fields)
    flatpage.sites.add(Site.objects.get_current())
    return flatpage


def no_script_runs(soup):
    """Every <script> on the page is JSON-LD data or one of our own files, never inline code."""
    return all(
        script.get("type") == "application/ld+json"
        or (script.get("src", "").startswith("/static/") and not script.get_text(strip=True))
        for script in soup.find_all("script")
    )


def test_a_hostile_title_and_content_are_printed_as_text(client, html):
    page()
    soup = html(client.get("/about/"))

    assert no_script_runs(soup)
    assert soup.h1.get_text() == SCRIPT_TITLE
    assert soup.title.get_text().startswith(SCRIPT_TITLE)
    prose = soup.select_one(".prose")
    assert not prose.find("script")
    assert "Who we are & why" in prose.get_text()


def test_content_cannot_break_out_of_the_metadata(client, html):
    page()
    soup = html(client.get("/about/"))

    assert not soup.find("meta", attrs={"http-equiv": True})
    og = {m["property"]: m["content"] for m in soup.select("meta[property]")}
    twitter = {m["name"]: m["content"] for m in soup.select('meta[name^="twitter:"]')}
    assert og["og:title"] == twitter["twitter:title"] == SCRIPT_TITLE
    # The description is the page's text: tags gone, entities read once, quotes kept as text.
    assert og["og:description"].startswith(f"{REFRESH} Who we are & why")
    assert twitter["twitter:description"] == og["og:description"]
    assert soup.find("meta", attrs={"name": "description"})["content"].startswith(REFRESH)


def test_a_template_of_the_editors_choice_gets_plain_text_too(client, settings):
    """A future template that prints {{ flatpage.title }} cannot run what editors type."""
    settings.TEMPLATES = [
        {
            **settings.TEMPLATES[0],
            "APP_DIRS": False,
            "OPTIONS": {
                **settings.TEMPLATES[0]["OPTIONS"],
                "loaders": [
                    (
                        "django.template.loaders.locmem.Loader",
                        {"flatpages/bare.html": BARE_TEMPLATE},
                    )
                ],
            },
        }
    ]
    page(template_name="flatpages/bare.html")

    response = client.get("/about/")

    assert response.status_code == 200
    assert b"<script>" not in response.content
    assert b"&lt;script&gt;alert(1)&lt;/script&gt; &amp; Co" in response.content


def test_pages_for_members_only_and_missing_slashes_still_behave(client):
    page(url="/members/", title="Members", content="<p>Hello</p>", registration_required=True)
    page(url="/advertising/", title="Advertising", content="<p>Rates</p>")

    assert client.get("/members/").status_code == 302
    assert client.get("/advertising").status_code == 301
    assert client.get("/nowhere/").status_code == 404
