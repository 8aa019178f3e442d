from datetime import timedelta

import pytest
from django.utils import timezone

from articles.models import Article
from articles.services import article_view_record
from articles.views import ListingPaginator
from images.models import Licence

from .factories import ArticleFactory, ImageFactory, PersonFactory, SectionFactory

pytestmark = pytest.mark.django_db


def renditions_of(image) -> str:
    """Where a photo's public files are: its renditions, never the uploaded original."""
    return f"/media/renditions/{image.pk}/{image.renditions_key}/"


@pytest.fixture
def world():
    return SectionFactory(name="World", slug="world", position=0)


@pytest.fixture
def published(world):
    editor = PersonFactory(name="Mira Castellanos", role="editor")
    author = PersonFactory(name="Tomas Brandt", bio="Reports on shipping and trade.")
    return ArticleFactory(
        headline="Harbour cranes idle as dock strike enters its second week",
        lead="Container ships queue outside the port as talks stall.",
        body="<p>First paragraph.</p><h2>Talks stall</h2><p>Second paragraph.</p>",
        section=world,
        editor=editor,
        authors=[author],
        tags=["Shipping", "Labour"],
        updated_at=timezone.now(),
        main_image__renditions=True,
    )


@pytest.fixture
def unpublished(world):
    """A draft and a scheduled story: neither may appear anywhere public."""
    author = PersonFactory(name="Hidden Author")
    draft = ArticleFactory(
        headline="Draft story nobody may read",
        section=world,
        status=Article.Status.DRAFT,
        published_at=None,
        authors=[author],
        tags=["Shipping", "Embargoed"],
    )
    scheduled = ArticleFactory(
        headline="Scheduled story for tomorrow",
        section=world,
        published_at=timezone.now() + timedelta(days=1),
        authors=[author],
        tags=["Shipping", "Embargoed"],
    )
    for article in (draft, scheduled):  # as if someone had guessed their beacon URLs
        for _ in range(50):
            article_view_record(article_id=article.pk)
    return [draft, scheduled]


def headlines(soup):
    return {link.get_text(strip=True) for link in soup.select("h2 a, h3 a, .timeline a, .ranked a")}


class TestFrame:
    def test_header_lists_sections_in_navigation_order(self, client, html, world):
        SectionFactory(name="Sport", slug="sport", position=5)
        SectionFactory(name="Business", slug="business", position=2)
        SectionFactory(name="Hidden", slug="hidden", position=1, show_in_navigation=False)

        soup = html(client.get("/"))

        nav = [a.get_text() for a in soup.select('nav[aria-label="Sections"] a')]
        assert nav == ["World", "Business", "Sport", "News — all"]

    def test_footer_has_site_links_editions_subscriptions_and_notice(self, client, html):
        soup = html(client.get("/"))
        footer = soup.find("footer")

        links = {a.get_text(): a["href"] for a in footer.find_all("a")}
        for name in ("Advertising", "Sitemap", "Archive", "About", "Authors", "RSS", "Telegram"):
            assert name in links
        assert links["RSS"] == "/rss/"
        assert footer.find(lang="de").get_text() == "Deutsch"
        assert "Copyright ©" in footer.get_text()
        assert "reproducing our materials" in footer.get_text()

    def test_pages_have_landmarks_and_a_skip_link(self, client, html):
        soup = html(client.get("/"))
        assert soup.find("a", class_="skip-link")["href"] == "#main"
        assert soup.find("main", id="main")
        assert soup.find("header") and soup.find("footer")


class TestHome:
    def test_home_shows_top_story_section_blocks_last_and_popular(self, client, html, published):
        # Each headline once: four in the section block, twelve under Last materials, then
        # Popular from what is left.
        others = [
            ArticleFactory(
                section=published.section,
                headline=f"Port authority story {number}",
                published_at=timezone.now() - timedelta(hours=3 + number),
            )
            for number in range(17)
        ]
        other, newest_in_rail, read = others[0], others[4], others[16]
        other.headline = "Port authority names new chief"
        other.save()
        article_view_record(article_id=other.pk)
        article_view_record(article_id=read.pk)

        soup = html(client.get("/"))

        top = soup.find("article", class_="top-story")
        assert top.find("h2").get_text(strip=True) == published.headline
        assert top.find("img")["src"].startswith(renditions_of(published.main_image))
        block = soup.find("section", class_="section-block")
        assert block.find("h2").get_text(strip=True) == "World"
        assert other.headline in block.get_text()
        rail = soup.find(id="last-materials-heading").find_parent("section")
        assert newest_in_rail.headline in rail.get_text() and other.headline not in rail.get_text()
        popular = soup.find(id="popular-heading").find_parent("section")
        assert read.headline in popular.get_text() and other.headline not in popular.get_text()

    def test_pinned_story_leads_the_home_page(self, client, html, published):
        pinned = ArticleFactory(
            headline="Pinned story",
            is_pinned=True,
            published_at=timezone.now() - timedelta(days=3),
            main_image__renditions=True,
        )
        soup = html(client.get("/"))
        assert soup.find("article", class_="top-story").h2.get_text(strip=True) == pinned.headline


class TestArticlePage:
    def test_article_page_prints_every_part(self, client, html, published):
        neighbour = ArticleFactory(section=published.section, headline="Neighbouring story")
        article_view_record(article_id=neighbour.pk, at=timezone.now() - timedelta(days=2))
        soup = html(client.get(published.get_absolute_url()))
        article = soup.find("article", class_="article")

        assert article.find("a", class_="kicker").get_text() == "World"
        assert article.h1.get_text() == published.headline
        assert article.find(class_="article__lead").get_text() == published.lead
        times = article.find(class_="article__meta").find_all("time")
        assert times[0]["datetime"] == published.published_at.replace(microsecond=0).isoformat()
        assert "Updated" in article.find(class_="article__meta").get_text()
        assert article.find("h2", string="Talks stall")
        figure = article.find("figure")
        assert figure.img["alt"] == published.main_image.alt_text
        credit = figure.find(class_="credit")
        assert credit.get_text() == "Photo: commons.example.org by Ada Lindqvist, CC BY 3.0"
        assert credit.find("a", string="CC BY 3.0")["href"] == published.main_image.licence.url
        assert figure.find(class_="caption").get_text() == published.main_image.caption
        credits = {
            dt.get_text(): dd.get_text()
            for dt, dd in zip(
                article.select(".credits dt"), article.select(".credits dd"), strict=True
            )
        }
        assert credits == {"Author's name": "Tomas Brandt", "Editor": "Mira Castellanos"}
        assert article.find("a", rel="author")["href"] == "/authors/tomas-brandt/"
        assert {a.get_text() for a in article.select(".tags a")} == {"Shipping", "Labour"}
        for block in ("now-reading-heading", "popular-heading", "last-materials-heading"):
            assert neighbour.headline in soup.find(id=block).find_parent("section").get_text()
        assert article["data-view-url"] == f"/views/{published.pk}/"

    def test_caption_override_and_all_rights_reserved_credit(self, client, html, world):
        image = ImageFactory(
            licence=Licence.objects.get(name="All rights reserved"),
            copyright_holder="Harbour Pictures Ltd",
            renditions=True,
        )
        article = ArticleFactory(section=world, main_image=image, main_image_caption="Our caption")

        figure = html(client.get(article.get_absolute_url())).find("figure")

        assert figure.find(class_="caption").get_text() == "Our caption"
        assert figure.find(class_="credit").get_text() == "© Harbour Pictures Ltd"

    def test_body_is_sanitised_on_output_too(self, client, html, published):
        Article.objects.filter(pk=published.pk).update(body="<p>ok</p><script>alert(1)</script>")
        soup = html(client.get(published.get_absolute_url()))
        assert not soup.find(class_="article__body").find("script")

    def test_now_reading_is_topped_up_with_related_stories(self, client, html, published):
        related = ArticleFactory(section=published.section, headline="Related by section")
        tagged = ArticleFactory(headline="Related by tag", tags=["Labour"])
        unrelated = ArticleFactory(headline="Nothing in common")

        soup = html(client.get(published.get_absolute_url()))
        block = soup.find(id="now-reading-heading").find_parent("section").get_text()

        assert related.headline in block
        assert tagged.headline in block
        assert unrelated.headline not in block
        assert published.headline not in block

    @pytest.mark.parametrize(
        "path",
        [
            "/world/{pk}-old-slug/",
            "/sport/{pk}-{slug}/",
            "/world/{pk}/",
        ],
    )
    def test_wrong_slug_or_section_redirects_permanently(self, client, published, path):
        SectionFactory(name="Sport", slug="sport")
        response = client.get(path.format(pk=published.pk, slug=published.slug))

        assert response.status_code == 301
        assert response["Location"] == published.get_absolute_url()

    def test_unknown_article_is_404(self, client, published):
        assert client.get(f"/world/{published.pk + 1000}-nope/").status_code == 404

    def test_drafts_and_scheduled_articles_are_404(self, client, unpublished):
        for article in unpublished:
            assert client.get(article.get_absolute_url()).status_code == 404


class TestListings:
    def test_unpublished_stories_appear_on_no_page(self, client, published, unpublished):
        day = timezone.localtime(published.published_at)
        author = published.bylines.get().person
        pages = [
            "/",
            "/world/",
            "/news/",
            published.get_absolute_url(),
            "/tags/shipping/",
            author.get_absolute_url(),
            "/authors/",
            "/archive/",
            f"/archive/{day:%Y}/",
            f"/archive/{day:%Y/%m}/",
            f"/archive/{day:%Y/%m/%d}/",
            "/sitemap/",
            "/search/?q=story",
            "/rss/",
        ]
        for path in pages:
            response = client.get(path)
            assert response.status_code == 200, path
            for article in unpublished:
                assert article.headline.encode() not in response.content, path
                assert article.get_absolute_url().encode() not in response.content, path

    def test_an_editor_page_lists_the_stories_they_edited(self, client, html, published):
        soup = html(client.get(published.editor.get_absolute_url()))
        assert soup.h1.get_text() == "Mira Castellanos"
        assert published.headline in headlines(soup)

    def test_tags_in_any_alphabet_have_pages(self, client, html, world):
        article = ArticleFactory(section=world, tags=["Наука", "北京"])
        page = html(client.get(article.get_absolute_url()))
        links = {a.get_text(): a["href"] for a in page.select(".tags a")}

        assert set(links) == {"Наука", "北京"}
        for href in links.values():
            assert client.get(href).status_code == 200

    def test_home_leads_with_a_story_even_without_photos(self, client, html, world):
        ArticleFactory(section=world, main_image=None, headline="Words only")
        top = html(client.get("/")).find("article", class_="top-story")
        assert top.h2.get_text(strip=True) == "Words only"

    def test_people_and_tags_known_only_from_unpublished_stories_stay_hidden(
        self, client, published, unpublished
    ):
        hidden_author = unpublished[0].bylines.get().person

        assert client.get(hidden_author.get_absolute_url()).status_code == 404
        assert client.get("/tags/embargoed/").status_code == 404
        assert b"Hidden Author" not in client.get("/authors/").content

    def test_section_page_lists_cards_with_photo_lead_and_date(self, client, html, published):
        soup = html(client.get("/world/"))

        assert soup.h1.get_text() == "World"
        card = soup.select_one("article.front__lead")  # the front opens with its lead story
        assert card.find("h2").get_text(strip=True) == published.headline
        assert card.find(class_="top-story__lead").get_text() == published.lead
        assert card.find("img")["src"].startswith(renditions_of(published.main_image))
        assert (
            card.find("time")["datetime"]
            == published.published_at.replace(microsecond=0).isoformat()
        )

    def test_opinion_cards_show_the_columnist(self, client, html):
        opinion = SectionFactory(name="Opinion", slug="opinion", shows_columnists=True)
        columnist = PersonFactory(name="Ines Okafor", photo=ImageFactory(renditions=True))
        ArticleFactory(section=opinion, authors=[columnist])

        card = html(client.get("/opinion/")).select_one("article.front__lead")

        assert card.find(class_="columnist__name").get_text() == "Ines Okafor"
        assert card.select_one(".columnist__photo img")["src"].startswith(
            renditions_of(columnist.photo)
        )

    def test_sections_are_paginated_and_bad_pages_are_404(self, client, html, world):
        ArticleFactory.create_batch(25, section=world)

        first = html(client.get("/world/"))
        second = html(client.get("/world/?page=2"))

        # Page 1 opens with a lead story; later pages are a plain list.
        assert len(first.select("article.card, article.front__lead")) == 20
        assert len(second.select("article.card")) == 5
        assert first.find("a", rel="next")["href"] == "?page=2"
        assert client.get("/world/?page=3").status_code == 404
        assert client.get("/world/?page=abc").status_code == 404

    def test_listings_count_a_bounded_number_of_pages_then_send_readers_to_the_archive(
        self, client, html, world, monkeypatch
    ):
        # Counting stops after MAX_PAGES pages (an exact count reads the whole archive).
        monkeypatch.setattr(ListingPaginator, "MAX_PAGES", 1)
        start = timezone.now() - timedelta(days=400)
        for day in range(21):
            ArticleFactory(section=world, published_at=start + timedelta(days=day))
        oldest_shown = timezone.localtime(start + timedelta(days=1))

        first = html(client.get("/world/"))

        assert len(first.select("article.card, article.front__lead")) == 20
        assert first.select_one(".pagination__current").get_text() == "Page 1 of 1+"
        assert first.find("a", rel="next") is None
        older = first.find("a", string="Older stories, by date →")
        assert older["href"] == f"/archive/{oldest_shown:%Y}/{oldest_shown.month}/"
        assert client.get(older["href"]).status_code == 200
        assert client.get("/world/?page=2").status_code == 404

    def test_news_lists_every_section_newest_first(self, client, html):
        older = ArticleFactory(published_at=timezone.now() - timedelta(days=2))
        newer = ArticleFactory(section__name="Sport", section__slug="sport")

        soup = html(client.get("/news/"))

        listed = [h.get_text(strip=True) for h in soup.select("article.card h2")]
        assert listed == [newer.headline, older.headline]

    def test_authors_list_and_author_page(self, client, html, published):
        author = published.bylines.get().person

        people = html(client.get("/authors/"))
        assert author.name in [a.get_text() for a in people.select(".person-card__name a")]

        page = html(client.get(author.get_absolute_url()))
        assert page.h1.get_text() == author.name
        assert author.bio in page.get_text()
        assert published.headline in headlines(page)

    def test_tag_page_lists_tagged_stories(self, client, html, published):
        ArticleFactory(headline="Untagged story")
        soup = html(client.get("/tags/labour/"))

        assert soup.h1.get_text() == "Labour"
        assert headlines(soup) >= {published.headline}
        assert "Untagged story" not in soup.get_text()

    @pytest.mark.parametrize("path", ["/nope/", "/authors/nobody/", "/tags/nothing/", "/world/x/"])
    def test_unknown_pages_get_the_designed_404(self, client, world, path):
        response = client.get(path)

        assert response.status_code == 404
        assert b"We can't find that page" in response.content
        assert b'aria-label="Sections"' in response.content


class TestArchiveAndPages:
    def test_archive_counts_and_day_pages(self, client, html, published):
        soup = html(client.get("/archive/"))
        day = published.published_at.astimezone(timezone.get_current_timezone())
        assert soup.find("a", href=f"/archive/{day:%Y}/{day:%m}/")

        day_page = html(client.get(f"/archive/{day:%Y}/{day:%m}/{day:%d}/"))
        assert published.headline in headlines(day_page)

    @pytest.mark.parametrize(
        "path",
        [
            "/archive/2025/02/30/",
            "/archive/2025/13/",
            "/archive/2999/01/01/",
            "/archive/9999/12/31/",
            "/archive/9999/12/",
            "/archive/0/01/01/",
        ],
    )
    def test_impossible_and_future_dates_are_404(self, client, path):
        assert client.get(path).status_code == 404

    def test_flatpage_about_and_sitemap_page(self, client, html, published):
        from django.contrib.flatpages.models import FlatPage
        from django.contrib.sites.models import Site

        page = FlatPage.objects.create(url="/about/", title="About us", content="<p>Who we are</p>")
        page.sites.add(Site.objects.get_current())

        about = html(client.get("/about/"))
        assert about.h1.get_text() == "About us"

        sitemap = html(client.get("/sitemap/"))
        assert published.headline in sitemap.get_text()
        assert sitemap.find("a", string="About us")["href"] == "/about/"


FIXED_NOW = timezone.make_aware(timezone.datetime(2031, 3, 14, 12, 0))


@pytest.fixture
def fixed_now(monkeypatch):
    monkeypatch.setattr(timezone, "now", lambda: FIXED_NOW)
    return FIXED_NOW


def story_counts(soup):
    return {
        card.select_one(".person-card__name").get_text(strip=True): card.select_one(
            ".person-card__count"
        ).get_text(strip=True)
        for card in soup.select(".person-card")
    }


class TestAuthorStoryCounts:
    def test_counts_only_what_readers_can_read(self, client, html, fixed_now):
        ada = PersonFactory(name="Ada Brook")
        ArticleFactory(authors=[ada], published_at=fixed_now - timedelta(days=400))
        ArticleFactory(authors=[ada], published_at=fixed_now - timedelta(minutes=1))
        ArticleFactory(authors=[ada], published_at=fixed_now + timedelta(minutes=1))
        ArticleFactory(
            authors=[ada],
            published_at=fixed_now - timedelta(days=2),
            expires_at=fixed_now - timedelta(seconds=1),
        )
        ArticleFactory(authors=[ada], status=Article.Status.DRAFT, published_at=None)
        ArticleFactory(authors=[PersonFactory(name="Ben Cole")])

        counts = story_counts(html(client.get("/authors/")))

        assert counts == {"Ada Brook": "2 stories", "Ben Cole": "1 story"}

    def test_a_long_record_is_printed_as_the_cap_and_more(
        self, client, html, fixed_now, monkeypatch
    ):
        monkeypatch.setattr("articles.views.STORY_COUNT_CAP", 2)
        ada, ben = PersonFactory(name="Ada Brook"), PersonFactory(name="Ben Cole")
        for days in range(3):
            ArticleFactory(authors=[ada], published_at=fixed_now - timedelta(days=days + 1))
        for days in range(2):
            ArticleFactory(authors=[ben], published_at=fixed_now - timedelta(days=days + 1))

        counts = story_counts(html(client.get("/authors/")))

        assert counts == {"Ada Brook": "2+ stories", "Ben Cole": "2 stories"}


def local(*args):
    return timezone.make_aware(timezone.datetime(*args))


class TestArchiveMonths:
    @pytest.fixture
    def stories(self, fixed_now):
        ArticleFactory(published_at=local(2030, 7, 31, 23, 30))  # 22:30 UTC: still July
        ArticleFactory(published_at=local(2030, 11, 5, 9))
        ArticleFactory(published_at=local(2031, 1, 20, 9))
        ArticleFactory(published_at=local(2031, 2, 2, 9), expires_at=fixed_now - timedelta(days=1))
        ArticleFactory(published_at=local(2030, 12, 2, 9), status=Article.Status.DRAFT)
        ArticleFactory(published_at=fixed_now + timedelta(hours=1))  # scheduled, in March

    def test_index_lists_the_local_months_readers_can_open(self, client, html, stories):
        soup = html(client.get("/archive/"))

        years = {
            section.h2.get_text(strip=True): [a.get_text() for a in section.select("li a")]
            for section in soup.select(".archive-year")
        }
        assert years == {"2031": ["January"], "2030": ["November", "July"]}

    def test_year_page_names_its_months_with_stories(self, client, html, stories):
        def months(path):
            return [a.get_text() for a in html(client.get(path)).select(".archive-nav a")]

        assert months("/archive/2030/") == ["July", "November"]
        assert months("/archive/2031/") == ["January"]
        assert client.get("/archive/2029/").status_code == 404


def test_time_elements_carry_a_datetime_html_accepts(client, html):
    # Django's "c" format prints microseconds (six digits); HTML allows at most three.
    # A minute ago: replacing the fraction of "now" could move it into the future.
    published = (timezone.now() - timedelta(minutes=1)).replace(microsecond=123456)
    story = ArticleFactory(published_at=published)

    soup = html(client.get(story.get_absolute_url()))

    values = [time["datetime"] for time in soup.find_all("time", datetime=True)]
    assert values
    assert not [v for v in values if "." in v]
