import re
from collections import Counter
from io import StringIO
from urllib.parse import urlsplit

import pytest
from bs4 import BeautifulSoup
from django.contrib.auth import get_user_model
from django.core.management import call_command

from articles.feeds import FEED_SIZE
from articles.models import Article, Correction
from authors.models import Person
from demo.stories import SPECIAL_SUBJECTS
from demo.text import LOOKS, SUBJECTS, headline_key, story_subject
from images import renditions
from images.models import Image, Licence
from sections.models import Section

pytestmark = pytest.mark.django_db


def seed(articles, renditions=False):
    out = StringIO()
    call_command("seed_demo", articles=articles, no_renditions=not renditions, stdout=out)
    return out.getvalue()


def test_seed_demo_is_idempotent_and_prints_a_working_login(client):
    first = seed(60, renditions=True)
    counts = (Article.objects.count(), Image.objects.count(), Person.objects.count())
    second = seed(60)

    assert counts == (Article.objects.count(), Image.objects.count(), Person.objects.count())
    assert counts[0] == 60 + len(SPECIAL_SUBJECTS)  # and the hand-made ones (demo.stories)
    assert Correction.objects.count() == 4
    assert not Image.objects.filter(renditions_key="").exists()
    assert "Renditions:" in first and "Renditions:" not in second
    assert list(Section.objects.values_list("name", flat=True)) == [
        "World", "Russia", "Society", "Opinion", "Science", "Sport", "Incidents", "Business",
    ]  # fmt: skip
    assert 10 <= Person.objects.count() <= 14
    # Every subject's first photo; its other takes only where a story needed one.
    photos = Image.objects.exclude(file__contains="demo-portrait").count()
    assert len(SUBJECTS) <= photos < len(SUBJECTS) * len(LOOKS)
    assert "Editor login" in first
    for username in ("editor", "author"):
        password = second.split(f"username: {username}  password: ")[1].split()[0]
        response = client.post(
            "/admin/login/?next=/admin/", {"username": username, "password": password}
        )
        assert response.status_code == 302 and response["Location"] == "/admin/"
        client.logout()
    wrong = client.post("/admin/login/", {"username": "editor", "password": password})
    assert wrong.status_code == 200 and "_auth_user_id" not in client.session  # the author's
    assert get_user_model().objects.get(username="editor").has_perm("articles.publish_article")
    assert not get_user_model().objects.get(username="author").has_perm("articles.publish_article")


def test_seed_demo_hides_drafts_and_scheduled_stories(client):
    seed(60)
    published = Article.objects.published()
    hidden = Article.objects.exclude(pk__in=published.values("pk"))

    assert (
        hidden.filter(status=Article.Status.DRAFT).exists()
        or hidden.filter(status=Article.Status.REVIEW).exists()
    )
    assert hidden.filter(status=Article.Status.PUBLISHED).exists()  # scheduled
    home = client.get("/").content.decode()
    for article in hidden:
        assert client.get(article.get_absolute_url()).status_code == 404
        assert article.get_absolute_url() not in home


def test_more_articles_on_request(client):
    seed(20)
    seed(45)
    assert Article.objects.count() == 45
    assert client.get("/").status_code == 200


def soup(response):
    assert response.status_code == 200
    return BeautifulSoup(response.content, "html.parser")


STORY_LINK = re.compile(r"^/[\w-]+/\d+-[\w-]+/$")


def subject_keyword(article):
    subject = story_subject(article.section.slug, article.headline)
    subject = subject or SPECIAL_SUBJECTS.get(article.slug)  # the hand-made ones
    return SUBJECTS[subject]["keyword"] if subject else None


def test_each_story_leads_with_a_photo_of_its_subject(client):
    seed(120)
    stories = Article.objects.published().select_related("section", "main_image")
    pictured = [story for story in stories if story.main_image]
    assert len(pictured) > 60

    for story in pictured:
        keyword = subject_keyword(story)
        # The story is about what its photo's caption says it shows.
        assert keyword in f"{story.headline} {story.lead}".lower(), story.headline
        assert keyword in story.main_image.caption.lower(), (story.headline, story.main_image)
    # The case: a race leads with runners, not a football pitch.
    races = [story for story in pictured if "runners" in story.headline.lower()]
    assert races and all("runners" in story.main_image.caption.lower() for story in races)
    # Columns lead with their columnist, never with a stranger's photo.
    assert not stories.filter(section__slug="opinion", main_image__isnull=False).exists()


def test_photo_credits_name_creator_source_and_licence(client):
    seed(60, renditions=True)
    photos = Image.objects.exclude(file__contains="demo-portrait").select_related("licence")
    kinds = Counter(photo.licence.kind for photo in photos)

    assert kinds[Licence.Kind.ATTRIBUTION] > len(photos) / 2  # Creative Commons, mostly
    assert kinds[Licence.Kind.ALL_RIGHTS_RESERVED] and kinds[Licence.Kind.PUBLIC_DOMAIN]
    for photo in Image.objects.select_related("licence"):
        credit = photo.credit_text
        assert credit.removeprefix("© ") != "Newsroom"
        assert photo.creator in credit and photo.source_name in credit, credit
        if not photo.licence.is_all_rights_reserved:
            assert credit == f"Photo: {photo.source_name} by {photo.creator}, {photo.licence.name}"
    story = Article.objects.published().filter(main_image__licence__name="CC BY-SA 4.0").first()
    figure = soup(client.get(story.get_absolute_url())).select_one("main figure")
    assert subject_keyword(story) in figure.select_one(".caption").get_text().lower()
    printed = figure.select_one(".credit")
    assert printed.get_text(" ", strip=True).startswith(f"Photo: {story.main_image.source_name} by")
    assert printed.find("a", rel="license noopener")["href"].startswith("https://creativecommons")


def test_corrections_are_written_for_their_story():
    seed(300)
    corrections = Correction.objects.select_related("article__section")
    assert corrections.count() >= 4

    for correction in corrections:
        keyword = subject_keyword(correction.article) or "column"
        assert keyword in correction.text.lower(), (correction.article.headline, correction.text)


def test_the_home_page_of_a_fresh_demo_prints_each_headline_once(client):
    seed(300)
    page = soup(client.get("/"))
    # The breaking-news banner repeats its story's headline by design, on every page.
    for banner in page.select(".breaking"):
        banner.decompose()
    headlines = Counter(
        link.get_text(" ", strip=True)
        for link in page.find_all("a", href=STORY_LINK)
        if link.get_text(strip=True)
    )

    assert len(headlines) > 30
    assert [headline for headline, times in headlines.items() if times > 1] == []
    # Nor the same story in another town ("The Quiet Cost of Closing Public Toilets in ...").
    keys = Counter(headline_key("any", headline) for headline in headlines)
    assert [key for key, times in keys.items() if times > 1] == []


def listed_stories(client, person):
    """Every story the author's page lists, following its pages."""
    links, number = [], 1
    while True:
        response = client.get(f"{person.get_absolute_url()}?page={number}")
        if response.status_code == 404:
            return links
        page = soup(response)
        links += [
            link["href"]
            for link in page.select("main .story-list a[href]")
            if STORY_LINK.match(link["href"])
        ]
        number += 1


@pytest.mark.parametrize("role", [Person.Role.EDITOR, Person.Role.AUTHOR])
def test_authors_counts_and_feeds_agree_with_their_pages(client, role):
    seed(120)
    person = Person.objects.filter(role=role).order_by("name").first()
    listed = list(dict.fromkeys(listed_stories(client, person)))
    assert listed, f"{person.name}'s page lists no story"

    cards = {
        card.select_one(".person-card__name").get_text(strip=True): card.select_one(
            ".person-card__count"
        ).get_text(strip=True)
        for card in soup(client.get("/authors/")).select(".person-card")
    }
    assert cards[person.name] == f"{len(listed)} stor{'y' if len(listed) == 1 else 'ies'}"

    feed = BeautifulSoup(client.get(f"{person.get_absolute_url()}rss/").content, "xml")
    items = [urlsplit(item.find("link").get_text()).path for item in feed.find_all("item")]
    assert items == listed[:FEED_SIZE]


RENDITION = re.compile(r"/renditions/(\d+)/")


def story_photos(page):
    """The story photos a page prints, by Image pk (columnists' portraits are bylines)."""
    portraits = set(Person.objects.values_list("photo", flat=True))
    printed = [
        int(match[1]) for img in page.select("img[src]") if (match := RENDITION.search(img["src"]))
    ]
    return Counter(pk for pk in printed if pk not in portraits)


def test_a_fresh_demo_prints_no_photo_twice_on_a_front(client):
    seed(300)
    # The pages print a photo once its renditions are built: their addresses are what this
    # compares, and drawing every AVIF would take a minute (test_seed_demo_is_idempotent...
    # builds them for real).
    for image in Image.objects.all():
        image.renditions_key = renditions.rendition_key(image)
        image.save(update_fields=["renditions_key"])
    fronts = ["/"] + [section.get_absolute_url() for section in Section.objects.all()]

    for url in fronts:
        photos = story_photos(soup(client.get(url)))
        assert len(photos) >= (0 if url == "/opinion/" else 4), url
        assert [pk for pk, times in photos.items() if times > 1] == [], url
    home = story_photos(soup(client.get("/")))
    # Opinion leads with columnists; every other section's block leads with a photo.
    assert len(home) >= len(fronts) - 2
    # The takes of one subject differ in their words and credits as in their pictures.
    takes = Image.objects.filter(file__contains="demo-championships").order_by("pk")
    assert takes.count() > 1
    assert len({(take.caption, take.alt_text, take.creator) for take in takes}) == takes.count()
    assert all("championships" in take.caption.lower() for take in takes)
