import random
import re
from collections import Counter
from io import StringIO
from urllib.parse import unquote, urlsplit

import pytest
from bs4 import BeautifulSoup
from django.contrib.auth import get_user_model
from django.contrib.flatpages.models import FlatPage
from django.core.management import call_command
from django.utils import translation

from articles.feeds import FEED_SIZE
from articles.models import Article, Correction, HourlyViews
from authors.models import Person
from demo.languages import KINDS, TRANSLATED, Choice, draw, language, render, shape, story_kind
from demo.management.commands.seed_demo import EDITION_STORIES, SubjectPhotos
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
    # --articles counts the English archive; then the hand-made stories (demo.stories) and
    # the originals of the stories every edition runs (demo.languages.TRANSLATED).
    english = Article.objects.filter(language="en").count()
    assert english == 60 + len(SPECIAL_SUBJECTS) + len(TRANSLATED)
    assert counts[0] == english + 2 * EDITION_STORIES  # and the Russian and German editions
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
    assert Article.objects.filter(language="en").count() == 45
    assert Article.objects.filter(language="ru").count() == EDITION_STORIES  # not more
    assert client.get("/").status_code == 200


def soup(response):
    assert response.status_code == 200
    return BeautifulSoup(response.content, "html.parser")


STORY_LINK = re.compile(r"^/[\w-]+/\d+-[\w-]+/$")


def subject_keyword(article):
    subject = story_subject(article.section.slug, article.headline)
    subject = subject or SPECIAL_SUBJECTS.get(article.slug)  # the hand-made ones
    if article.translation_key:  # told in every edition (demo.languages)
        subject = KINDS[story_kind(article.language, article.headline)].subject
    return SUBJECTS[subject]["keyword"] if subject else None


def test_each_story_leads_with_a_photo_of_its_subject(client):
    seed(120)
    stories = (
        Article.objects.published().filter(language="en").select_related("section", "main_image")
    )
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
    story = (
        Article.objects.published()
        .filter(language="en", main_image__licence__name="CC BY-SA 4.0")
        .first()
    )
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
    sections = Section.objects.all()
    fronts = ["/"] + [section.get_absolute_url() for section in sections]
    # The other editions' fronts too, with fewer stories and the translations' photos.
    paths = ["", *(f"{section.slug}/" for section in sections)]
    edition_fronts = [f"/{code}/{path}" for code in ("ru", "de") for path in paths]

    for url in fronts + edition_fronts:
        photos = story_photos(soup(client.get(url)))
        assert len(photos) >= (0 if url.endswith("/opinion/") else 3), url
        assert [pk for pk, times in photos.items() if times > 1] == [], url
    home = story_photos(soup(client.get("/")))
    # Opinion leads with columnists; every other section's block leads with a photo.
    assert len(home) >= len(fronts) - 2
    # The takes of one subject differ in their words and credits as in their pictures.
    takes = Image.objects.filter(file__contains="demo-championships").order_by("pk")
    assert takes.count() > 1
    assert len({(take.caption, take.alt_text, take.creator) for take in takes}) == takes.count()
    assert all("championships" in take.caption.lower() for take in takes)


CYRILLIC = re.compile(r"[а-яё]", re.IGNORECASE)
LATIN = re.compile(r"[a-zäöüß]", re.IGNORECASE)
GERMAN_WORDS = {"der", "die", "das", "und", "ist", "nicht", "mit", "sich"}


def text_of(story):
    return " ".join([story.headline, story.lead, BeautifulSoup(story.body, "html.parser").text])


def test_the_other_editions_are_written_in_their_languages(client):
    seed(60)
    now_reading = HourlyViews.objects.values_list("article__language", flat=True)

    for code in ("ru", "de"):
        stories = Article.objects.published().filter(language=code).select_related("section")
        assert stories.count() == EDITION_STORIES
        assert code in now_reading  # Popular has readers in each edition
        headlines = [story.headline for story in stories]
        assert len(set(headlines)) == len(headlines)
        for story in stories:
            body = BeautifulSoup(story.body, "html.parser")
            assert len(body.find_all("h2")) >= 2, story.headline
            assert story.authors.exists() and story.editor, story.headline
            text = text_of(story)
            letters = CYRILLIC.findall(text) + LATIN.findall(text)
            if code == "ru":
                # Russian through and through: names and places are spelt in Cyrillic too.
                assert len(CYRILLIC.findall(text)) / len(letters) > 0.99, story.headline
            else:
                assert not CYRILLIC.search(text), story.headline
                words = set(re.findall(r"\w+", text.lower()))
                assert len(words & GERMAN_WORDS) >= 4, story.headline
                assert re.search("[äöüß]", text), story.headline
            assert "{" not in text and "}" not in text, story.headline  # no slot left unfilled
        # Stories with a subject lead with its photo, captioned in the edition's language.
        pictured = stories.filter(main_image__isnull=False)
        assert pictured.count() > EDITION_STORIES / 2
        for story in pictured.select_related("main_image"):
            subject, take = SubjectPhotos.take(story.main_image)
            assert KINDS[story_kind(code, story.headline)].subject == subject, story.headline
            assert story.main_image_caption == language(code).LOOKS[take].format(
                caption=language(code).CAPTIONS[subject]
            )

    # What a reader of the Russian edition sees: the story, its subheadings, its tags, each
    # tag's page (a Cyrillic address) listing the story.
    story = Article.objects.filter(language="ru", main_image__isnull=False).latest()
    page = soup(client.get(story.get_absolute_url()))
    assert page.find("h1").get_text(strip=True) == story.headline
    assert len(page.select("main h2")) >= 2
    tag_links = [link["href"] for link in page.select("main a[href*='/tags/']")]
    assert tag_links and all(link.startswith("/ru/tags/") for link in tag_links)
    assert any(CYRILLIC.search(link) for link in map(unquote, tag_links))
    for link in tag_links:
        listed = [a["href"] for a in soup(client.get(link)).select("main a[href]")]
        assert story.get_absolute_url() in listed, link


def test_the_editions_name_their_sections_and_pages_in_their_language(client):
    seed(20)
    sections = Section.objects.order_by("position")
    names = {}
    for code in ("en", "ru", "de"):
        with translation.override(code):
            names[code] = [section.local_name for section in sections]
    assert names["ru"] == [
        "Мир", "Россия", "Общество", "Мнения", "Наука", "Спорт", "Происшествия", "Экономика",
    ]  # fmt: skip
    assert names["de"] == [
        "Welt", "Russland", "Gesellschaft", "Meinung", "Wissenschaft", "Sport", "Panorama",
        "Wirtschaft",
    ]  # fmt: skip
    assert names["en"][0] == "World"
    with translation.override("de"):
        assert all(section.local_description.endswith(".") for section in sections)
    assert soup(client.get("/ru/world/")).find("h1").get_text(strip=True) == "Мир"

    pages = {
        "/about/": "About us",
        "/ru/about/": "О нас",
        "/ru/advertising/": "Реклама",
        "/de/about/": "Über uns",
        "/de/advertising/": "Werbung",
    }
    for url, title in pages.items():
        page = soup(client.get(url))
        assert page.find("h1").get_text(strip=True) == title, url
        assert len(page.select("main h2")) == 2, url


def test_stories_told_in_every_edition_are_linked_as_translations(client):
    seed(60)
    linked = Article.objects.filter(translation_key__isnull=False).select_related("section")
    groups = {}
    for story in linked:
        groups.setdefault(story.translation_key, {})[story.language] = story

    assert len(groups) == len(TRANSLATED)
    assert sum(len(group) - 1 for group in groups.values()) == 20  # ru and de, ten each
    for group in groups.values():
        assert set(group) == {"en", "ru", "de"}
        original = group["en"]
        kinds = {story_kind(code, story.headline) for code, story in group.items()}
        assert len(kinds) == 1 and kinds <= set(TRANSLATED)
        for code in ("ru", "de"):
            translation_ = group[code]
            assert translation_.is_published()
            assert original.published_at < translation_.published_at  # a little after
            assert translation_.section == original.section
            assert translation_.main_image_id == original.main_image_id
            # The same facts: the same figures in the lead and body, however each language
            # writes them ("8,800", "8800", "12 000", "12.000").
            assert figures(translation_) == figures(original), translation_.headline
            # Reciprocal: each names the other among its translations.
            assert translation_ in original.translations
            assert original in translation_.translations
        # The reader of the Russian story is sent to the German and English ones.
        page = soup(client.get(group["ru"].get_absolute_url()))
        switcher = {link["lang"]: unquote(link["href"]) for link in page.select("nav.editions a")}
        addresses = {code: unquote(story.get_absolute_url()) for code, story in group.items()}
        assert switcher == addresses


def figures(story) -> Counter:
    """The numbers a story prints, separators taken out: "12,000", "12 000" are 12000."""
    text = re.sub(r"(?<=\d)[,.\u00a0 ](?=\d)", "", text_of(story))
    return Counter(re.findall(r"\d+", text))


def test_every_kind_has_the_same_shape_in_each_language():
    """A story's facts (which headline, which alternative, which tags) fit every language."""
    for kind, spec in KINDS.items():
        codes = ["ru", "de", "en"] if kind in TRANSLATED else ["ru", "de"]
        shapes = [shape(code, kind) for code in codes]
        assert all(other == shapes[0] for other in shapes), (kind, shapes)
        # Each choice among the kind's options has as many options as the facts draw from.
        choices = {
            slot: source.count
            for slot, source in spec.facts.items()
            if isinstance(source, Choice) and slot != "score"  # scores: text_*.SCORES
        }
        assert shapes[0][3] == choices, kind


def test_every_kind_renders_each_of_its_facts_in_each_language():
    """Every number, option, headline and alternative a draw may pick has its words (a small
    number its word, a choice its phrase) in each language: no slot left unfilled."""
    for kind, spec in KINDS.items():
        facts = draw(kind, random.Random(kind))
        pools = {slot: source for slot, source in spec.facts.items() if isinstance(source, tuple)}
        widest = max([len(pool) for pool in pools.values()] + [len(LOOKS), 7, 12])
        headlines, alternatives, _, options = shape("ru", kind)
        for turn in range(widest):
            facts.values |= {slot: pool[turn % len(pool)] for slot, pool in pools.items()}
            facts.values |= {slot: turn % count for slot, count in options.items()}
            facts.headline = turn % headlines
            facts.alternatives = [turn % count for count in alternatives]
            facts.weekday, facts.month = turn % 7, turn % 12 + 1
            for code in ["ru", "de", "en"] if kind in TRANSLATED else ["ru", "de"]:
                story = render(facts, code)
                text = " ".join([story.headline, story.lead, story.body])
                assert "{" not in text and "}" not in text, (kind, code, text)


def test_one_edition_gets_no_other_editions_stories(settings):
    settings.LANGUAGES = [("en", "en")]
    settings.LANGUAGE_CODE = "en"
    seed(20)

    assert set(Article.objects.values_list("language", flat=True)) == {"en"}
    assert not Article.objects.filter(translation_key__isnull=False).exists()
    assert not Section.objects.exclude(translations={}).exists()
    assert set(FlatPage.objects.values_list("url", flat=True)) == {"/about/", "/advertising/"}
