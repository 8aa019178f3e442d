import json

import pytest
from bs4 import BeautifulSoup
from django.template import RequestContext, Template
from django.utils.safestring import mark_safe

from .factories import ArticleFactory, PersonFactory, SectionFactory

pytestmark = pytest.mark.django_db

EVIL = "</script><script>alert(1)</script> & <!-- more"


@pytest.fixture
def article():
    return ArticleFactory(
        headline="Port strike ends",
        section=SectionFactory(name="Business", slug="business"),
        authors=[PersonFactory(name="Lena Fischer", slug="lena-fischer")],
        editor=PersonFactory(name="Omar Haddad", slug="omar-haddad", role="editor"),
        tags=["Ports", "Labour"],
        main_image__renditions=True,
    )


def json_ld(soup):
    return [json.loads(s.string) for s in soup.find_all("script", type="application/ld+json")]


def of_type(items, kind):
    return next(item for item in items if item["@type"] == kind)


def test_article_json_ld_describes_the_news_article(client, html, article):
    data = of_type(json_ld(html(client.get(article.get_absolute_url()))), "NewsArticle")

    assert data["@context"] == "https://schema.org"
    assert data["headline"] == article.headline
    assert data["description"] == article.lead
    assert data["datePublished"] == article.published_at.isoformat()
    assert data["dateModified"] == article.published_at.isoformat()
    assert data["articleSection"] == "Business"
    assert sorted(data["keywords"]) == ["Labour", "Ports"]
    assert data["author"] == [
        {
            "@type": "Person",
            "name": "Lena Fischer",
            "url": "http://example.com/authors/lena-fischer/",
        }
    ]
    assert data["editor"]["name"] == "Omar Haddad"
    publisher = data["publisher"]
    assert publisher["@type"] == "NewsMediaOrganization"
    assert publisher["logo"]["url"].endswith("/static/img/logo-512.png")
    image = data["image"][0]
    photo = article.main_image
    assert image["@type"] == "ImageObject"
    assert image["url"] == f"http://example.com/media/{photo.shared_file.name}"
    assert "/renditions/" in image["url"], "never the uploaded original"
    assert (image["width"], image["height"]) == (photo.width, photo.height)
    assert image["creditText"] == photo.credit_text
    assert image["copyrightNotice"] == "© Ada Lindqvist"
    assert image["license"] == photo.licence.url


def test_article_and_section_have_breadcrumbs(client, html, article):
    page = of_type(json_ld(html(client.get(article.get_absolute_url()))), "BreadcrumbList")
    assert [item["name"] for item in page["itemListElement"]] == [
        "Newsroom",
        "Business",
        article.headline,
    ]
    assert page["itemListElement"][1]["item"] == "http://example.com/business/"

    section = of_type(json_ld(html(client.get("/business/"))), "BreadcrumbList")
    assert [item["position"] for item in section["itemListElement"]] == [1, 2]


def test_home_declares_the_website_and_its_search(client, html, article):
    website = of_type(json_ld(html(client.get("/"))), "WebSite")
    action = website["potentialAction"]

    assert action["@type"] == "SearchAction"
    assert action["target"]["urlTemplate"] == "http://example.com/search/?q={search_term_string}"
    assert action["query-input"] == "required name=search_term_string"


def test_a_hostile_headline_cannot_break_out_of_json_ld(client, html):
    article = ArticleFactory(headline=EVIL, lead=EVIL)
    response = client.get(article.get_absolute_url())
    soup = html(response)

    scripts = soup.find_all("script")
    assert all(
        "alert(1)" not in (script.string or "") or script["type"] == "application/ld+json"
        for script in scripts
    )
    assert of_type(json_ld(soup), "NewsArticle")["headline"] == EVIL
    assert b"</script><script>alert(1)" not in response.content


def test_article_open_graph_and_twitter_card(client, html, article):
    soup = html(client.get(article.get_absolute_url()))
    og = {m["property"]: m["content"] for m in soup.select("meta[property]")}
    twitter = {m["name"]: m["content"] for m in soup.select('meta[name^="twitter:"]')}
    photo = article.main_image

    assert og["og:type"] == "article"
    assert og["og:title"] == article.headline
    assert og["og:url"] == f"http://example.com{article.get_absolute_url()}"
    renditions = f"http://example.com/media/renditions/{photo.pk}/{photo.renditions_key}/"
    assert og["og:image"] == renditions + "social-640.jpg"  # 1.91:1, no wider than the photo
    assert (og["og:image:width"], og["og:image:height"]) == ("640", "335")
    assert og["article:section"] == "Business"
    assert twitter["twitter:card"] == "summary_large_image"
    assert twitter["twitter:image:alt"] == photo.alt_text


@pytest.mark.parametrize(
    ("path", "canonical"),
    [
        ("/", "/"),
        ("/business/?utm_source=x", "/business/"),
        ("/news/?page=1", "/news/"),
        ("/authors/", "/authors/"),
        ("/authors/lena-fischer/", "/authors/lena-fischer/"),
        ("/tags/ports/", "/tags/ports/"),
        ("/archive/", "/archive/"),
        ("/sitemap/", "/sitemap/"),
        ("/search/?q=port", "/search/"),
    ],
)
def test_every_page_has_title_description_canonical_and_cards(
    client, html, article, path, canonical
):
    soup = html(client.get(path))

    assert soup.title.get_text().strip()
    assert soup.find("meta", attrs={"name": "description"})["content"].strip()
    assert soup.find("link", rel="canonical")["href"] == f"http://example.com{canonical}"
    assert soup.find("meta", property="og:title")["content"].strip()
    assert soup.find("meta", attrs={"name": "twitter:card"})


def test_article_date_links_to_its_day_in_the_archive(client, html, article):
    soup = html(client.get(article.get_absolute_url()))
    link = soup.select_one(".article__meta time").find_parent("a")["href"]
    assert client.get(link).status_code == 200
    assert article.headline in client.get(link).content.decode()


def test_metadata_prints_every_value_as_text_even_when_marked_safe(rf):
    """Whatever a caller marked safe, a metadata value cannot add an attribute or a tag."""
    breakout = mark_safe('x" http-equiv="refresh" content="0;url=https://example.org/')
    tag = mark_safe("<script>alert(1)</script>")
    template = Template(
        "{% load articles %}{% page_metadata title=title description=description %}"
    )
    request = rf.get("/about/")

    rendered = template.render(RequestContext(request, {"title": tag, "description": breakout}))
    soup = BeautifulSoup(rendered, "html.parser")

    assert not soup.find("script")
    assert not soup.find("meta", attrs={"http-equiv": True})
    og = {m["property"]: m["content"] for m in soup.select("meta[property]")}
    assert og["og:title"] == str(tag)
    assert og["og:description"] == str(breakout)
