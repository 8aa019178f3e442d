"""Every interface word in the edition's language (issue 12): the Russian edition at /ru/
and the German one at /de/ print their own words and dates, with no English left over;
the English edition at / prints exactly what it printed before editions.

The stories are the editors' words, written here in each edition's language, so any
English on a Russian or German page is the interface's. The clock stands still on
Thursday 5 March 2026, 14:45 in London.
"""

import gettext
import re
from datetime import UTC, datetime, timedelta
from pathlib import Path

import polib
import pytest
import time_machine
from django.conf import settings
from django.core.cache import cache
from django.db import connection
from django.test import RequestFactory
from django.test.utils import CaptureQueriesContext
from django.utils import translation
from django.utils.formats import date_format

from articles.models import Correction
from articles.services import article_view_record
from authors.models import Person
from newsroom.editions import KNOWN_EDITIONS
from newsroom.errors import server_error
from newsroom.formats import FORMAT_NAMES

from .factories import ArticleFactory, ImageFactory, PersonFactory, SectionFactory

pytestmark = pytest.mark.django_db

NOW = datetime(2026, 3, 5, 14, 45, tzinfo=UTC)  # London keeps UTC until the end of March
PUBLISHED = datetime(2026, 3, 5, 14, 30, tzinfo=UTC)
LOCALE = Path(settings.BASE_DIR) / "locale"
TRANSLATED = sorted(code for code in KNOWN_EDITIONS if code != "en")

# What each edition's editors write: a story findable by one word, a tag, a byline.
CONTENT = {
    "en": {
        "headline": "Rotterdam dockers end their strike",
        "lead": "The port reopens after a month.",
        "query": "Rotterdam",
        "nothing": "kangaroo",
        "tag": "Harbours",
        "author": "Anna Peterson",
        "editor": "Boris Evans",
        "filler": "Dockers vote on the offer, part {}",
        "correction": "An earlier version misspelt the union's name.",
    },
    "ru": {
        "headline": "Докеры Мурманска закончили забастовку",
        "lead": "Порт снова работает после месяца простоя.",
        "query": "Мурманска",
        "nothing": "кенгуру",
        "tag": "Порты",
        "author": "Анна Петрова",
        "editor": "Борис Иванов",
        "filler": "Докеры голосуют по предложению, часть {}",
        "correction": "В первой версии было неверно указано название профсоюза.",
    },
    "de": {
        "headline": "Hamburg: Hafenarbeiter beenden den Streik",
        "lead": "Der Hafen arbeitet nach einem Monat wieder.",
        "query": "Hamburg",
        "nothing": "Känguru",
        "tag": "Häfen",
        "author": "Anna Peters",
        "editor": "Boris Neumann",
        "filler": "Hafenarbeiter stimmen über das Angebot ab, Teil {}",
        "correction": "In einer früheren Fassung war der Name der Gewerkschaft falsch.",
    },
}

# What a reader of each edition sees where the English edition prints its own words.
WORDS = {
    "en": {
        "today": "Thursday, 5 March 2026",
        "published_at": "5 March 2026, 14:30",
        "search_label": "Search the news",
        "search_button": "Search",
        "search_placeholder": "Search",
        "section": "World",
        "section_intro": "News from around the world.",
        "news_all": "News — all",
        "tagline": "Independent news, every hour",
        "footer_headings": ["Newsroom", "Subscribe", "Editions"],
        "advertising": ("Advertising", "/advertising/"),
        "about": ("About", "/about/"),
        "author_label": "Author's name",
        "editor_label": "Editor",
        "by": "By",
        "published": "Published",
        "now_reading": "Now reading",
        "popular": "Popular",
        "last_materials": "Last materials",
        "typo_hint": "Found a mistake?",
        "typo_button": "Report a typo",
        "typo_sending": "Sending…",
        "share": "Share this story",
        "link_copied": "Link copied.",
        "correction": "Correction, 5 March 2026:",
        "page": "Page 1 of 2",
        "older": "Older →",
        "found": "1 story found for “Rotterdam”",
        "nothing_found": "Nothing found for “kangaroo”. Try fewer or different words.",
        "archive": "Archive",
        "month": "March",
        "authors": "Authors",
        "role": "Author",
        "story_count": "23 stories",
        "tag_kicker": "Tag",
        "not_found": "We can't find that page",
        "not_found_title": "Page not found — Newsroom",
    },
    "ru": {
        "today": "Четверг, 5 марта 2026",
        "published_at": "5 марта 2026, 14:30",
        "search_label": "Поиск по новостям",
        "search_button": "Найти",
        "search_placeholder": "Поиск",
        "section": "Мир",
        "section_intro": "Новости со всего мира.",
        "news_all": "Все новости",
        "tagline": "Независимые новости каждый час",
        "footer_headings": ["Newsroom", "Подписка", "Версии сайта"],
        "advertising": ("Реклама", "/ru/advertising/"),
        "about": ("О нас", "/ru/about/"),
        "author_label": "Автор",
        "editor_label": "Редактор",
        "by": "Автор:",
        "published": "Опубликовано",
        "now_reading": "Сейчас читают",
        "popular": "Популярное",
        "last_materials": "Последние материалы",
        "typo_hint": "Нашли ошибку?",
        "typo_button": "Сообщить об опечатке",
        "typo_sending": "Отправляем…",
        "share": "Поделиться материалом",
        "link_copied": "Ссылка скопирована.",
        "correction": "Исправление от 5 марта 2026:",
        "page": "Страница 1 из 2",
        "older": "Раньше →",
        "found": "Найден 1 материал по запросу «Мурманска»",
        "nothing_found": (
            "По запросу «кенгуру» ничего не найдено. Попробуйте меньше слов или другие слова."
        ),
        "archive": "Архив",
        "month": "Март",
        "authors": "Авторы",
        "role": "Автор",
        "story_count": "23 материала",
        "tag_kicker": "Тег",
        "not_found": "Мы не можем найти эту страницу",
        "not_found_title": "Страница не найдена — Newsroom",
    },
    "de": {
        "today": "Donnerstag, 5. März 2026",
        "published_at": "5. März 2026, 14:30",
        "search_label": "Nachrichten durchsuchen",
        "search_button": "Suchen",
        "search_placeholder": "Suche",
        "section": "Welt",
        "section_intro": "Nachrichten aus aller Welt.",
        "news_all": "Alle Nachrichten",
        "tagline": "Unabhängige Nachrichten, jede Stunde",
        "footer_headings": ["Newsroom", "Abonnieren", "Ausgaben"],
        "advertising": ("Werbung", "/de/advertising/"),
        "about": ("Über uns", "/de/about/"),
        "author_label": "Autor",
        "editor_label": "Redaktion",
        "by": "Von",
        "published": "Veröffentlicht am",
        "now_reading": "Gerade gelesen",
        "popular": "Beliebt",
        "last_materials": "Neueste Artikel",
        "typo_hint": "Fehler gefunden?",
        "typo_button": "Tippfehler melden",
        "typo_sending": "Wird gesendet…",
        "share": "Artikel teilen",
        "link_copied": "Link kopiert.",
        "correction": "Korrektur vom 5. März 2026:",
        "page": "Seite 1 von 2",
        "older": "Älter →",
        "found": "1 Artikel gefunden für „Hamburg“",
        "nothing_found": (
            "Für „Känguru“ wurde nichts gefunden. "
            "Versuchen Sie es mit weniger oder anderen Wörtern."
        ),
        "archive": "Archiv",
        "month": "März",
        "authors": "Autoren",
        "role": "Autor",
        "story_count": "23 Artikel",
        "tag_kicker": "Thema",
        "not_found": "Diese Seite finden wir nicht",
        "not_found_title": "Seite nicht gefunden — Newsroom",
    },
}

# English interface words that must not appear on another edition's page (whole words,
# case as printed). Brand names (Newsroom, RSS, Telegram…) and the edition switcher's
# "English" are not interface words.
ENGLISH = [
    "Popular",
    "Now reading",
    "Last materials",
    "Search",
    "Subscribe",
    "Advertising",
    "Sitemap",
    "Archive",
    "About",
    "Authors",
    "Author's name",
    "Editor",
    "Corrections",
    "Correction",
    "Published",
    "Updated",
    "Page",
    "Older",
    "Newer",
    "Skip to main content",
    "Report a typo",
    "Found a mistake",
    "Share this story",
    "Copy link",
    "Related stories",
    "More stories",
    "More in",
    "All news",
    "Independent news",
    "When reproducing",
    "Sections",
    "Tag",
    "Tags",
    "story",
    "stories",
    "Nothing found",
    "We can't find",
    "Go to the front page",
    "Language editions",
    "Editions",
    "Send",
    "Cancel",
    "Close",
    "Comment",
    "Thank you",
    "feed",
    "News",
    "By",
    "Photo",
]
# English words that are words of the edition's own language too: German "Tag" is a day.
ALSO_NATIVE = {"de": {"Tag"}}
# Reader-facing attributes: read aloud, shown on hover, or put on the page by a script.
SPOKEN_ATTRIBUTES = ("aria-label", "placeholder", "title", "alt")
SCRIPT_WORDS = re.compile(r"^data-(typo|share|live)-")


@pytest.fixture(autouse=True)
def clock():
    with time_machine.travel(NOW, tick=False):
        yield


@pytest.fixture
def world():
    return SectionFactory(
        name="World",
        slug="world",
        description="News from around the world.",
        translations={
            "ru": {"name": "Мир", "description": "Новости со всего мира."},
            "de": {"name": "Welt", "description": "Nachrichten aus aller Welt."},
        },
    )


def fill_edition(language: str, section) -> dict:
    """The edition's newest story (bylined, edited, tagged, corrected) and 22 older ones
    in one section: two pages of it, with views for Popular."""
    words = CONTENT[language]
    author = PersonFactory(name=words["author"], slug=f"{language}-author", job_title="", bio="")
    editor = PersonFactory(
        name=words["editor"], slug=f"{language}-editor", role=Person.Role.EDITOR, job_title=""
    )
    story = ArticleFactory(
        language=language,
        section=section,
        headline=words["headline"],
        lead=words["lead"],
        body=f"<p>{words['lead']}</p>",
        main_image=None,
        published_at=PUBLISHED,
        editor=editor,
        authors=[author],
        tags=[words["tag"]],
    )
    Correction.objects.create(
        article=story, text=words["correction"], published_at=NOW - timedelta(minutes=5)
    )
    others = [
        ArticleFactory(
            language=language,
            section=section,
            headline=words["filler"].format(number),
            lead=words["lead"],
            body=f"<p>{words['lead']}</p>",
            main_image=None,
            published_at=PUBLISHED - timedelta(hours=number),
            authors=[author],
        )
        for number in range(1, 23)
    ]
    for other in others[:3]:
        article_view_record(article_id=other.pk)
    return {"story": story, "author": author, "tag": story.tags.get()}


def prefix(language: str) -> str:
    return "/" if language == "en" else f"/{language}/"


def text(node) -> str:
    return " ".join(node.get_text().split())


def leaked_english(soup, language: str = "en") -> set[str]:
    """The English interface words in the page's title, body and reader-facing attributes."""
    texts = [soup.title.get_text(), soup.body.get_text(" ")]  # words of two elements apart
    for element in soup.body.find_all(True):
        for name, value in element.attrs.items():
            if name in SPOKEN_ATTRIBUTES or SCRIPT_WORDS.match(name):
                texts.append(value if isinstance(value, str) else " ".join(value))
    return {
        word
        for word in ENGLISH
        if word not in ALSO_NATIVE.get(language, ())
        and any(re.search(rf"(?<!\w){re.escape(word)}(?!\w)", each) for each in texts)
    }


def assert_page_furniture(soup, words):
    """Header, search box and footer, as every page prints them."""
    assert text(soup.select_one(".topbar__date")) == words["today"]
    form = soup.select_one("#site-search")
    assert text(form.label) == words["search_label"]
    assert form.input["placeholder"] == words["search_placeholder"]
    assert text(form.button) == words["search_button"]
    assert text(soup.select_one(".masthead__tagline")) == words["tagline"]
    assert text(soup.select_one(".section-nav__all")) == words["news_all"]
    assert [text(h) for h in soup.select(".site-footer__heading")] == words["footer_headings"]
    footer_links = {text(a): a["href"] for a in soup.select(".site-footer nav a")}
    for name, href in (words["advertising"], words["about"]):
        assert footer_links[name] == href


@pytest.mark.parametrize("language", ["en", "ru", "de"])
class TestPages:
    def test_home(self, client, html, world, language):
        fill_edition(language, world)
        words = WORDS[language]

        soup = html(client.get(prefix(language)))

        assert_page_furniture(soup, words)
        assert [text(a) for a in soup.select(".section-nav__list a")] == [words["section"]]
        assert text(soup.select_one(".section-block__heading")) == words["section"]
        assert text(soup.select_one("#last-materials-heading")) == words["last_materials"]
        assert text(soup.select_one(".top-story .card__meta")) == words["published_at"]

    def test_article(self, client, html, world, language):
        story = fill_edition(language, world)["story"]
        words = WORDS[language]

        soup = html(client.get(story.get_absolute_url()))

        assert_page_furniture(soup, words)
        meta = soup.select_one(".article__meta")
        assert text(meta) == (
            f"{words['by']} {CONTENT[language]['author']} "
            f"{words['published']} {words['published_at']}"
        )
        credits = dict(zip(soup.select(".credits dt"), soup.select(".credits dd"), strict=True))
        assert [(text(dt), text(dd)) for dt, dd in credits.items()] == [
            (words["author_label"], CONTENT[language]["author"]),
            (words["editor_label"], CONTENT[language]["editor"]),
        ]
        assert text(soup.select_one(".article .kicker")) == words["section"]
        assert text(soup.select_one("#now-reading-heading")) == words["now_reading"]
        assert text(soup.select_one("#popular-heading")) == words["popular"]
        assert text(soup.select_one("#last-materials-heading")) == words["last_materials"]
        assert text(soup.select_one(".corrections strong")) == words["correction"]
        hint = soup.select_one("[data-typo-hint]")
        assert text(hint).startswith(words["typo_hint"])
        assert text(hint.button) == words["typo_button"]
        assert soup.select_one("#typo-dialog")["data-typo-sending"] == words["typo_sending"]
        assert text(soup.select_one("#share-heading")) == words["share"]
        assert soup.select_one(".share")["data-share-copied"] == words["link_copied"]

    def test_section_front_and_news_list(self, client, html, world, language):
        fill_edition(language, world)
        words = WORDS[language]

        front = html(client.get(prefix(language) + "world/"))
        news = html(client.get(prefix(language) + "news/"))

        assert text(front.h1) == words["section"]
        assert text(front.select_one(".page-header__intro")) == words["section_intro"]
        assert text(front.title).startswith(words["section"] + " — ")
        assert text(news.h1) == words["news_all"]
        for soup in (front, news):
            assert_page_furniture(soup, words)
            pages = soup.select_one(".pagination")
            assert text(pages.select_one(".pagination__current")) == words["page"]
            assert text(pages.select_one("[rel=next]")) == words["older"]

    def test_search_with_and_without_results(self, client, html, world, language):
        fill_edition(language, world)
        words = WORDS[language]
        search = prefix(language) + "search/"

        found = html(client.get(search, {"q": CONTENT[language]["query"]}))
        nothing = html(client.get(search, {"q": CONTENT[language]["nothing"]}))

        assert text(found.select_one(".search-summary")) == words["found"]
        assert text(found.select_one(".search-result .kicker")) == words["section"]
        assert text(found.select_one(".search-result .card__meta")) == words["published_at"]
        assert text(nothing.select_one("p.empty")) == words["nothing_found"]
        for soup in (found, nothing):
            assert_page_furniture(soup, words)
            box = soup.select_one("form.search-form--page")
            assert text(box.button) == words["search_button"]

    def test_archive(self, client, html, world, language):
        fill_edition(language, world)
        words = WORDS[language]

        index = html(client.get(prefix(language) + "archive/"))
        day = html(client.get(prefix(language) + "archive/2026/03/05/"))

        assert text(index.h1) == words["archive"]
        assert [text(a) for a in index.select(".archive-months a")] == [words["month"]]
        assert text(day.h1) == words["today"]
        assert text(day.select_one(".kicker")) == words["archive"]
        assert text(day.select_one(".card__meta")) == words["published_at"]
        for soup in (index, day):
            assert_page_furniture(soup, words)

    def test_authors_and_tag(self, client, html, world, language):
        made = fill_edition(language, world)
        words = WORDS[language]

        authors = html(client.get(prefix(language) + "authors/"))
        tag = html(client.get(prefix(language) + f"tags/{made['tag'].slug}/"))

        assert text(authors.h1) == words["authors"]
        card = next(
            card
            for card in authors.select(".person-card")
            if text(card.select_one(".person-card__name")) == CONTENT[language]["author"]
        )
        assert text(card.select_one(".person-card__role")) == words["role"]
        assert text(card.select_one(".person-card__count")) == words["story_count"]
        assert text(tag.select_one(".page-header .kicker")) == words["tag_kicker"]
        assert text(tag.h1) == CONTENT[language]["tag"]
        for soup in (authors, tag):
            assert_page_furniture(soup, words)

    def test_not_found(self, client, world, language):
        from bs4 import BeautifulSoup

        fill_edition(language, world)
        words = WORDS[language]

        response = client.get(prefix(language) + "world/no-such-story/")

        assert response.status_code == 404
        soup = BeautifulSoup(response.content, "html.parser")
        assert soup.html["lang"] == language
        assert text(soup.title) == words["not_found_title"]
        assert text(soup.h1) == words["not_found"]
        assert text(soup.select_one(".error-page__search button")) == words["search_button"]
        assert [text(a) for a in soup.select(".error-page__sections a")] == [words["section"]]
        assert_page_furniture(soup, words)


@pytest.mark.parametrize("language", ["ru", "de"])
def test_no_english_interface_word_on_any_page_of_the_edition(client, world, language):
    from bs4 import BeautifulSoup

    made = fill_edition(language, world)
    home = prefix(language)
    paths = [
        home,
        home + "world/",
        made["story"].get_absolute_url(),
        home + "news/",
        home + "news/?page=2",
        home + "search/?q=" + CONTENT[language]["query"],
        home + "search/?q=" + CONTENT[language]["nothing"],
        home + "search/",
        home + "archive/",
        home + "archive/2026/",
        home + "archive/2026/03/",
        home + "archive/2026/03/05/",
        home + "authors/",
        home + f"authors/{made['author'].slug}/",
        home + f"tags/{made['tag'].slug}/",
        home + "corrections/",
        home + "sitemap/",
        home + "no-such-page/",
    ]
    leaks = {}
    for path in paths:
        response = client.get(path)
        assert response.status_code in (200, 404), path
        soup = BeautifulSoup(response.content, "html.parser")
        if found := leaked_english(soup, language):
            leaks[path] = sorted(found)

    assert leaks == {}


def test_the_english_edition_is_checked_for_the_same_words(client, world):
    """The leak check finds the words on an English page: it is not vacuous."""
    from bs4 import BeautifulSoup

    story = fill_edition("en", world)["story"]
    soup = BeautifulSoup(client.get(story.get_absolute_url()).content, "html.parser")

    assert {"Popular", "Now reading", "Last materials", "Search", "Editor"} <= leaked_english(soup)


@pytest.mark.parametrize("path", ["", "world/", "article", "news/", "search/?q=query"])
def test_an_edition_page_takes_as_many_queries_as_the_english_one(
    client, world, path, django_assert_num_queries
):
    """Words from catalogues and section names from the row already read cost nothing."""
    made = {language: fill_edition(language, world) for language in ("en", "ru")}

    def address(language):
        if path == "article":
            return made[language]["story"].get_absolute_url()
        return prefix(language) + path.replace("query", CONTENT[language]["query"])

    # Once for what a process reads once (the site, content types), then from a cold cache.
    assert client.get(address("en")).status_code == 200
    cache.clear()
    with CaptureQueriesContext(connection) as english:
        assert client.get(address("en")).status_code == 200
    cache.clear()
    with django_assert_num_queries(len(english)):
        assert client.get(address("ru")).status_code == 200


def test_live_story_gives_its_script_the_editions_words(client, html, world):
    story = ArticleFactory(
        language="ru", section=world, main_image=None, live_from=NOW - timedelta(hours=1)
    )

    live = html(client.get(story.get_absolute_url())).select_one("section.live")

    assert live["data-live-added-1"] == "{n} новое обновление в {time}. Сначала новые."
    assert live["data-live-added-2"] == "{n} новых обновления в {time}. Сначала новые."
    assert live["data-live-added-5"] == "{n} новых обновлений в {time}. Сначала новые."
    assert live["data-live-ended"].startswith("Трансляция завершена.")
    assert text(live.select_one("#live-heading")) == "Последние обновления"


@pytest.mark.parametrize(
    ("language", "error"),
    [
        ("ru", "Укажите, на какой странице ошибка."),
        ("de", "Geben Sie an, auf welcher Seite der Fehler steht."),
        ("", "Say which page the mistake is on."),
    ],
)
def test_typo_reports_answer_in_the_language_the_page_asks_in(client, world, language, error):
    """typo-report.js sends Accept-Language with its page's language: /typos/ has no prefix."""
    story = ArticleFactory(language=language or "en", section=world, main_image=None)
    headers = {"Origin": "http://testserver"}
    if language:
        headers["Accept-Language"] = language

    response = client.post(
        "/typos/",
        {"article": story.pk, "selected_text": "word"},
        content_type="application/json",
        headers=headers,
    )

    assert response.status_code == 400
    assert response.json()["error"].endswith(error)
    assert response["Content-Language"] == (language or "en")


def test_photo_credit_in_the_editions_words():
    image = ImageFactory(creator="Ada Lindqvist", source_name="commons.example.org")
    with translation.override("ru"):
        russian = image.credit_html()
    with translation.override("en"):
        english = image.credit_html()

    assert russian.startswith("Фото: <a href=") and "commons.example.org</a> / Ada Lindqvist, " in (
        russian
    )
    assert english.startswith("Photo: <a href=") and "</a> by Ada Lindqvist, " in english


def test_server_error_page_speaks_the_edition_without_the_database():
    with translation.override("de"):
        response = server_error(RequestFactory().get("/de/"))

    content = response.content.decode()
    assert '<html lang="de">' in content
    assert "Bei uns ist etwas schiefgelaufen" in content
    assert 'href="/de/"' in content


# ---- Dates -------------------------------------------------------------------------

MOMENT = datetime(2026, 3, 5, 14, 30)


@pytest.mark.parametrize(
    ("language", "date", "moment", "weekday", "month"),
    [
        ("en", "5 March 2026", "5 March 2026, 14:30", "Thursday, 5 March 2026", "March 2026"),
        ("ru", "5 марта 2026", "5 марта 2026, 14:30", "Четверг, 5 марта 2026", "Март 2026"),
        ("de", "5. März 2026", "5. März 2026, 14:30", "Donnerstag, 5. März 2026", "März 2026"),
        ("fr", "5 mars 2026", "5 mars 2026 à 14:30", "jeudi 5 mars 2026", "mars 2026"),
        (
            "pt",
            "5 de Março de 2026",
            "5 de Março de 2026, 14:30",
            "Quinta-feira, 5 de Março de 2026",
            "Março de 2026",
        ),
        (
            "es",
            "5 de marzo de 2026",
            "5 de marzo de 2026, 14:30",
            "jueves, 5 de marzo de 2026",
            "marzo de 2026",
        ),
    ],
)
def test_dates_as_the_editions_newspapers_print_them(language, date, moment, weekday, month):
    with translation.override(language):
        assert date_format(MOMENT, "DATE_FORMAT") == date
        assert date_format(MOMENT, "DATETIME_FORMAT") == moment
        assert date_format(MOMENT, "WEEKDAY_DATE_FORMAT") == weekday
        assert date_format(MOMENT, "YEAR_MONTH_FORMAT") == month
        assert date_format(MOMENT, "TIME_FORMAT") == "14:30"


@pytest.mark.parametrize("language", sorted(KNOWN_EDITIONS))
def test_every_edition_defines_every_format_the_templates_name(language):
    # A name no module defines is printed as a date format itself: letters become dates.
    module = __import__(f"newsroom.formats.{language}.formats", fromlist=["*"])
    assert [name for name in FORMAT_NAMES if not getattr(module, name, "")] == []


# ---- Catalogues ----------------------------------------------------------------------

PLACEHOLDER = re.compile(r"%\(\w+\)[sd]|\{\w+\}")


def catalogue(language: str) -> polib.POFile:
    return polib.pofile(str(LOCALE / language / "LC_MESSAGES" / "django.po"))


@pytest.mark.parametrize("language", TRANSLATED)
def test_every_catalogue_is_complete(language):
    po = catalogue(language)

    assert not po.metadata_is_fuzzy
    assert [entry.msgid for entry in po.untranslated_entries()] == []
    assert [entry.msgid for entry in po.fuzzy_entries()] == []
    expected_forms = 3 if language == "ru" else None
    forms = int(re.search(r"nplurals=(\d+)", po.metadata["Plural-Forms"]).group(1))
    if expected_forms:
        assert forms == expected_forms
    for entry in po.translated_entries():
        if entry.msgid_plural:
            assert len(entry.msgstr_plural) == forms, entry.msgid


@pytest.mark.parametrize("language", TRANSLATED)
def test_translations_keep_every_placeholder(language):
    """A translation that loses or adds a %(name)s is not used (blocktranslate falls back
    to English) or breaks the page: each keeps the English one's."""
    wrong = []
    for entry in catalogue(language).translated_entries():
        if entry.msgid_plural:
            pairs = [(entry.msgid_plural, form) for form in entry.msgstr_plural.values()]
        else:
            pairs = [(entry.msgid, entry.msgstr)]
        for english, translated in pairs:
            if sorted(PLACEHOLDER.findall(english)) != sorted(PLACEHOLDER.findall(translated)):
                wrong.append((entry.msgid, translated))

    assert wrong == []


@pytest.mark.parametrize("language", TRANSLATED)
def test_compiled_catalogue_is_current_with_its_source(language):
    """django.mo holds exactly what django.po says: a forgotten compilemessages fails."""
    po = catalogue(language)
    expected = {}
    for entry in po.translated_entries():
        key = f"{entry.msgctxt}\x04{entry.msgid}" if entry.msgctxt else entry.msgid
        if entry.msgid_plural:
            for index, form in entry.msgstr_plural.items():
                expected[(key, int(index))] = form
        else:
            expected[key] = entry.msgstr

    with open(LOCALE / language / "LC_MESSAGES" / "django.mo", "rb") as compiled:
        messages = dict(gettext.GNUTranslations(compiled)._catalog)
    messages.pop("", None)  # the header

    assert messages == expected
