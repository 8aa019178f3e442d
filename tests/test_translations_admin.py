"""Editions and translations in the editors' admin (issue 12): a story's edition in the
list and the form, its Translations box, starting, linking and unlinking translations
(with who may do which), section names per edition, and the desk's "Not yet translated"."""

import json
from datetime import timedelta

import pytest
from bs4 import BeautifulSoup
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from taggit.models import Tag

from articles.models import Article, HourlyViews
from authors.models import Person
from newsroom.pagecache import VERSION_KEY
from sections.models import Section

from .factories import (
    ArticleFactory,
    ImageFactory,
    PersonFactory,
    SectionFactory,
    logged_in,
    newsroom_member,
)
from .test_workflow import form_data

pytestmark = pytest.mark.django_db

LIST = "/admin/articles/article/"
ADD = "/admin/articles/article/add/"
DESK = "/admin/"


@pytest.fixture(autouse=True)
def three_editions(settings):
    settings.LANGUAGE_CODE = "en"
    settings.LANGUAGES = [("en", "en"), ("ru", "ru"), ("de", "de")]


@pytest.fixture
def author(django_user_model):
    return newsroom_member("Authors", "author", "Nina Author")


@pytest.fixture
def editor(django_user_model):
    return newsroom_member("Editors", "editor", "Eda Editor", role=Person.Role.AUTHOR_AND_EDITOR)


@pytest.fixture
def committed(django_capture_on_commit_callbacks):
    """Runs what the services leave for after the commit (the page cache's version)."""
    return lambda: django_capture_on_commit_callbacks(execute=True)


def soup(response):
    assert response.status_code == 200, response.status_code
    return BeautifulSoup(response.content, "html.parser")


def change_url(article):
    return f"/admin/articles/article/{article.pk}/change/"


def translate_url(article):
    return f"/admin/articles/article/{article.pk}/translate/"


def unlink_url(article):
    return f"/admin/articles/article/{article.pk}/unlink-translation/"


def messages_of(response) -> list[str]:
    return [note.get_text(" ", strip=True) for note in soup(response).select("ul.messagelist li")]


def errors_of(page, field) -> str:
    """The errors printed at a field: the link field sits in the Translations box."""
    where = ".story-translations__link" if field == "translation_of" else f".field-{field}"
    row = page.select_one(where)
    return " ".join(error.get_text(" ", strip=True) for error in row.select(".errorlist"))


def draft(**fields):
    return ArticleFactory(status=Article.Status.DRAFT, published_at=None, **fields)


def box(page):
    found = page.select_one("section.story-translations")
    assert found is not None, "no Translations box"
    return found


def box_rows(page) -> dict[str, BeautifulSoup]:
    """Each edition's line of the Translations box, by the edition's name."""
    return {
        row.select_one(".story-translation__edition").get_text(strip=True): row
        for row in box(page).select("li.story-translation")
    }


def translated(source, language, **fields):
    """A story linked to `source` as its translation (through the service)."""
    from articles.services import article_translation_link

    story = ArticleFactory(language=language, section=source.section, **fields)
    article_translation_link(article=source, other=story)
    source.refresh_from_db()
    story.refresh_from_db()
    return story


# The story list ---------------------------------------------------------------------------


class TestStoryList:
    def test_an_edition_column_and_a_filter_by_edition(self, editor):
        ArticleFactory(headline="Harbour strike ends")
        ArticleFactory(headline="Забастовка в порту закончилась", language="ru")
        client = logged_in(editor)

        page = soup(client.get(LIST))
        headers = [th.get_text(strip=True) for th in page.select("#result_list thead th")]
        assert "Edition" in headers
        editions = {
            row.select_one(".field-headline").get_text(strip=True): (
                row.select_one(".field-edition").get_text(strip=True)
            )
            for row in page.select("#result_list tbody tr")
        }
        assert editions == {
            "Harbour strike ends": "English",
            "Забастовка в порту закончилась": "Русский",
        }
        choices = [a.get_text(strip=True) for a in page.select("#changelist-filter a")]
        assert {"English", "Русский", "Deutsch"} <= set(choices)

        russian = soup(client.get(LIST, {"language__exact": "ru"}))
        headlines = [a.get_text(strip=True) for a in russian.select("#result_list .field-headline")]
        assert headlines == ["Забастовка в порту закончилась"]

    def test_search_finds_stories_of_every_edition(self, editor):
        ArticleFactory(headline="Port strike ends")
        ArticleFactory(headline="Port strike: Streik beendet", language="de")

        page = soup(logged_in(editor).get(LIST, {"q": "port strike"}))

        assert len(page.select("#result_list tbody tr")) == 2

    def test_with_one_edition_there_is_no_edition_column_filter_or_field(self, editor, settings):
        settings.LANGUAGES = [("en", "en")]
        story = ArticleFactory()
        client = logged_in(editor)

        listing = soup(client.get(LIST))
        form = soup(client.get(change_url(story)))

        assert "Edition" not in [th.get_text(strip=True) for th in listing.select("thead th")]
        assert not form.find("select", attrs={"name": "language"})
        assert not form.select_one("section.story-translations")


# The story form ---------------------------------------------------------------------------


class TestEditionField:
    def test_a_select_of_the_editions_defaulting_to_the_default_edition(self, editor):
        page = soup(logged_in(editor).get(ADD))

        select = page.find("select", attrs={"name": "language"})
        options = [(o["value"], o.get_text(strip=True)) for o in select.find_all("option")]
        assert options == [("en", "English"), ("ru", "Русский"), ("de", "Deutsch")]
        assert select.find("option", selected=True)["value"] == "en"
        # In the story's settings, first: it decides where the story appears.
        story_box = select.find_parent("fieldset")
        assert story_box.find("h2").get_text(strip=True) == "Story"

    def test_the_add_page_can_start_in_another_edition(self, editor):
        page = soup(logged_in(editor).get(ADD, {"language": "de"}))

        select = page.find("select", attrs={"name": "language"})
        assert select.find("option", selected=True)["value"] == "de"

    def test_a_story_is_saved_in_the_chosen_edition(self, editor):
        story = draft(authors=[editor.person])

        logged_in(editor).post(change_url(story), form_data(story, language="ru"))

        story.refresh_from_db()
        assert story.language == "ru"
        assert story.get_absolute_url().startswith("/ru/")

    def test_an_edition_its_translation_already_holds_is_a_form_error(self, editor):
        story = draft(authors=[editor.person])
        russian = translated(story, "ru", headline="Уже переведено")

        response = logged_in(editor).post(change_url(story), form_data(story, language="ru"))

        page = soup(response)
        assert "“Уже переведено” is this story's Русский translation" in errors_of(page, "language")
        story.refresh_from_db()
        assert story.language == "en"
        assert russian.translation_key == story.translation_key


class TestTranslationsBox:
    def test_each_other_edition_shows_its_translation_or_a_button(self, editor):
        story = ArticleFactory(headline="Harbour strike ends")
        russian = translated(story, "ru", headline="Забастовка закончилась")

        page = soup(logged_in(editor).get(change_url(story)))

        rows = box_rows(page)
        assert list(rows) == ["Русский", "Deutsch"]  # not its own edition
        ru = rows["Русский"]
        link = ru.select_one("a.story-translation__headline")
        assert link.get_text(strip=True) == "Забастовка закончилась"
        assert link["href"] == change_url(russian)
        assert link["lang"] == "ru"
        assert "Published" in ru.get_text()
        assert ru.find("a", string="View on the site")["href"] == russian.get_absolute_url()
        assert russian.get_absolute_url().startswith("/ru/")
        button = rows["Deutsch"].find("button")
        assert button.get_text(strip=True) == "Translate into Deutsch"
        assert (button["name"], button["value"]) == ("language", "de")
        assert button["formaction"] == translate_url(story)
        # It posts a form of its own (with its CSRF token), not the story's edits.
        form = page.find("form", id=button["form"])
        assert form["method"] == "post"
        assert form.find("input", attrs={"name": "csrfmiddlewaretoken"})
        assert not form.find_parent("form")

    def test_a_draft_translation_has_no_public_link(self, editor):
        story = ArticleFactory()
        translated(story, "de", status=Article.Status.DRAFT, published_at=None)

        row = box_rows(soup(logged_in(editor).get(change_url(story))))["Deutsch"]

        assert "Draft" in row.get_text()
        assert not row.find("a", string="View on the site")

    def test_headlines_are_escaped(self, editor):
        story = ArticleFactory()
        translated(story, "ru", headline="<script>alert(1)</script>")

        response = logged_in(editor).get(change_url(story))

        assert b"<script>alert(1)</script>" not in response.content
        assert "<script>alert(1)</script>" in box(soup(response)).get_text()

    def test_the_new_story_form_offers_only_the_link_field(self, editor):
        page = soup(logged_in(editor).get(ADD))

        found = box(page)
        assert not found.select("li.story-translation")
        assert found.find("select", attrs={"name": "translation_of"})

    def test_queries_do_not_grow_with_the_number_of_translations(self, editor, settings):
        settings.LANGUAGES = [(code, code) for code in ("en", "ru", "de", "fr", "pt", "es")]
        story = ArticleFactory()
        client = logged_in(editor)

        def queries():
            client.get(change_url(story))  # sessions, permissions: every admin page's cost
            with CaptureQueriesContext(connection) as captured:
                assert client.get(change_url(story)).status_code == 200
            return len(captured)

        translated(story, "ru")
        one = queries()
        for language in ("de", "fr", "pt", "es"):
            translated(story, language)
        assert queries() == one


# Starting a translation --------------------------------------------------------------------


class TestTranslate:
    def test_a_draft_in_the_edition_with_photo_section_tags_and_a_link_back(self, editor):
        photo = ImageFactory()
        editor_person = PersonFactory(name="Desk Chief", role=Person.Role.EDITOR)
        story = ArticleFactory(
            headline="Harbour strike ends",
            main_image=photo,
            main_image_caption="Dockers leave the gate",
            editor=editor_person,
            tags=["port", "strikes"],
            authors=[PersonFactory(name="Original Writer")],
        )
        client = logged_in(editor)

        response = client.post(translate_url(story), {"language": "de"})

        translation = Article.objects.get(language="de")
        assert response.status_code == 302
        assert response["Location"] == change_url(translation)
        assert translation.status == Article.Status.DRAFT
        assert (translation.headline, translation.lead, translation.body) == (
            story.headline,
            story.lead,
            story.body,
        )
        assert translation.section == story.section
        assert translation.main_image == photo
        assert translation.main_image_caption == "Dockers leave the gate"
        assert translation.editor == editor_person
        assert sorted(tag.name for tag in translation.tags.all()) == ["port", "strikes"]
        # Bylined to whoever asked: the translator, not the original's writer.
        assert [b.person.name for b in translation.bylines.all()] == ["Eda Editor"]
        story.refresh_from_db()
        assert story.translation_key is not None
        assert translation.translation_key == story.translation_key
        assert story.status == Article.Status.PUBLISHED  # the original is untouched
        assert translation.history.first().history_change_reason == (
            "Translation of “Harbour strike ends” (English)"
        )

        opened = client.get(response["Location"])
        note = " ".join(messages_of(opened))
        assert "A Deutsch translation of “Harbour strike ends” is started as a draft" in note
        assert "translate them" in note
        # Each names the other in its Translations box.
        back = box_rows(soup(opened))["English"].select_one("a.story-translation__headline")
        assert back["href"] == change_url(story)
        there = box_rows(soup(client.get(change_url(story))))["Deutsch"]
        assert there.select_one("a")["href"] == change_url(translation)
        assert not there.find("button", string="Translate into Deutsch")

    def test_an_editor_without_a_byline_name_gets_a_draft_with_no_byline(self, admin_client):
        story = ArticleFactory()

        admin_client.post(translate_url(story), {"language": "ru"})

        assert not Article.objects.get(language="ru").bylines.exists()

    def test_a_second_translation_in_one_edition_is_refused(self, editor):
        story = ArticleFactory(headline="Harbour strike ends")
        client = logged_in(editor)
        client.post(translate_url(story), {"language": "ru"})

        response = client.post(translate_url(story), {"language": "ru"}, follow=True)

        assert Article.objects.filter(language="ru").count() == 1
        assert response.redirect_chain[-1][0] == change_url(story)
        assert messages_of(response)[-1] == (
            "“Harbour strike ends” already has a Русский translation: “Harbour strike ends”."
        )

    @pytest.mark.parametrize("language", ["xx", "", "en", "fr"])
    def test_an_edition_the_site_does_not_run_or_the_storys_own_is_refused(self, editor, language):
        story = ArticleFactory()

        response = logged_in(editor).post(translate_url(story), {"language": language}, follow=True)

        assert Article.objects.count() == 1
        note = " ".join(messages_of(response))
        assert "is not one of this site's editions" in note or "is itself in the" in note
        story.refresh_from_db()
        assert story.translation_key is None  # nothing saved half

    def test_only_by_post(self, editor):
        story = ArticleFactory()

        assert logged_in(editor).get(translate_url(story)).status_code == 405
        assert Article.objects.count() == 1

    def test_an_unknown_story_is_not_found(self, editor):
        assert logged_in(editor).post("/admin/articles/article/999/translate/").status_code == 404

    def test_a_refusal_from_the_desk_goes_back_to_the_desk(self, editor):
        story = ArticleFactory()
        translated(story, "ru")

        response = logged_in(editor).post(
            translate_url(story), {"language": "ru", "next": DESK}, follow=True
        )

        assert response.redirect_chain[-1][0] == DESK
        assert "already has a Русский translation" in " ".join(messages_of(response))

    def test_the_address_follows_the_translated_headline_until_publication(self, editor):
        story = ArticleFactory(headline="Harbour strike ends")
        logged_in(editor).post(translate_url(story), {"language": "ru"})
        translation = Article.objects.get(language="ru")
        assert translation.slug == "harbour-strike-ends"

        logged_in(editor).post(
            change_url(translation),
            form_data(
                translation,
                headline="Забастовка в порту закончилась",
                slug=translation.slug,
                _action="draft",
            ),
        )

        translation.refresh_from_db()
        assert translation.slug == "забастовка-в-порту-закончилась"


# Linking and unlinking -------------------------------------------------------------------


class TestLink:
    def test_link_an_existing_story_as_a_translation(self, editor, committed):
        story = ArticleFactory(headline="Harbour strike ends")
        german = ArticleFactory(headline="Hafenstreik beendet", language="de")
        cache.set(VERSION_KEY, "before")

        with committed():
            response = logged_in(editor).post(
                change_url(story), form_data(story, translation_of=german.pk), follow=True
            )

        assert "Linked: “Hafenstreik beendet” is the Deutsch translation" in " ".join(
            messages_of(response)
        )
        story.refresh_from_db()
        german.refresh_from_db()
        assert story.translation_key is not None
        assert german.translation_key == story.translation_key
        row = box_rows(soup(response))["Deutsch"]
        assert row.select_one("a").get_text(strip=True) == "Hafenstreik beendet"
        # Two published stories: readers' pages now name each other.
        assert cache.get(VERSION_KEY) != "before"

    def test_a_new_story_can_be_written_as_a_translation(self, editor):
        english = ArticleFactory(headline="Harbour strike ends")

        logged_in(editor).post(
            ADD,
            form_data(
                english,
                headline="Забастовка закончилась",
                language="ru",
                translation_of=english.pk,
                _action="draft",
                version="1",
            ),
        )

        russian = Article.objects.get(language="ru")
        english.refresh_from_db()
        assert russian.translation_key == english.translation_key is not None

    @pytest.mark.parametrize(
        "case, message",
        [
            ("same_edition", "is in the English edition too"),
            ("taken", "This story already has a Deutsch translation: “Already German”"),
            ("both", "both have translations already"),
            ("linked", "is already linked as a translation"),
        ],
    )
    def test_refusals_are_form_errors_and_change_nothing(self, editor, case, message):
        story = ArticleFactory(headline="Harbour strike ends")
        if case == "same_edition":
            other = ArticleFactory(headline="Another English story")
        elif case == "taken":
            translated(story, "de", headline="Already German")
            other = ArticleFactory(headline="A second German story", language="de")
        elif case == "both":
            translated(story, "de")
            other = ArticleFactory(headline="Russian story", language="ru")
            translated(other, "de")
        else:
            other = translated(story, "de")
        keys = dict(Article.objects.values_list("pk", "translation_key"))

        response = logged_in(editor).post(
            change_url(story), form_data(story, translation_of=other.pk, headline="Changed")
        )

        page = soup(response)
        assert message in errors_of(page, "translation_of")
        assert page.select_one(".errornote")
        assert dict(Article.objects.values_list("pk", "translation_key")) == keys
        story.refresh_from_db()
        assert story.headline == "Harbour strike ends"  # nothing saved half

    def test_a_story_is_not_its_own_translation(self, editor):
        story = ArticleFactory()

        response = logged_in(editor).post(
            change_url(story), form_data(story, translation_of=story.pk)
        )

        assert "cannot be its own translation" in errors_of(soup(response), "translation_of")

    def test_a_story_that_is_not_there_is_a_form_error(self, editor):
        story = ArticleFactory()

        response = logged_in(editor).post(change_url(story), form_data(story, translation_of=999))

        assert "Select a valid choice" in errors_of(soup(response), "translation_of")

    def test_the_search_offers_other_editions_stories_not_yet_linked(self, editor):
        story = ArticleFactory(headline="Strike ends")
        translated(story, "ru", headline="Strike ends (ru)")
        ArticleFactory(headline="Strike ends in another city")  # same edition
        german = ArticleFactory(headline="Strike ends: Streik beendet", language="de")
        url = LIST + "translation-candidates/"

        found = logged_in(editor).get(url, {"story": story.pk, "term": "strike"}).json()

        assert found["results"] == [
            {"id": str(german.pk), "text": "Strike ends: Streik beendet (Deutsch, Published)"}
        ]
        assert found["pagination"] == {"more": False}
        page = soup(logged_in(editor).get(change_url(story)))
        select = box(page).find("select", attrs={"name": "translation_of"})
        assert select["data-ajax--url"] == f"{url}?story={story.pk}"


class TestUnlink:
    def test_unlink_a_translation(self, editor, committed):
        story = ArticleFactory(headline="Harbour strike ends")
        russian = translated(story, "ru", headline="Забастовка закончилась")
        cache.set(VERSION_KEY, "before")

        page = soup(logged_in(editor).get(change_url(story)))
        button = box_rows(page)["Русский"].find("button", string="Unlink")
        assert button["formaction"] == unlink_url(story)
        with committed():
            response = logged_in(editor).post(
                unlink_url(story), {button["name"]: button["value"]}, follow=True
            )

        assert response.redirect_chain[-1][0] == change_url(story)
        assert messages_of(response) == [
            "“Забастовка закончилась” is no longer linked as a translation of "
            "“Harbour strike ends”."
        ]
        story.refresh_from_db()
        russian.refresh_from_db()
        assert story.translation_key is None
        assert russian.translation_key is None
        assert box_rows(soup(response))["Русский"].find("button", string="Translate into Русский")
        assert cache.get(VERSION_KEY) != "before"

    def test_the_others_stay_linked(self, editor):
        story = ArticleFactory()
        russian = translated(story, "ru")
        german = translated(story, "de")

        logged_in(editor).post(unlink_url(story), {"translation": russian.pk})

        russian.refresh_from_db()
        german.refresh_from_db()
        story.refresh_from_db()
        assert russian.translation_key is None
        assert german.translation_key == story.translation_key is not None

    def test_a_story_that_is_not_a_translation_gets_a_message(self, editor):
        story = ArticleFactory()
        stranger = ArticleFactory(language="ru")

        response = logged_in(editor).post(
            unlink_url(story), {"translation": stranger.pk}, follow=True
        )

        assert messages_of(response) == ["That story is not linked as a translation of this one."]
        assert logged_in(editor).post(unlink_url(story), {"translation": "x"}).status_code == 302


# Who may do what ----------------------------------------------------------------------


class TestRoles:
    def test_an_author_translates_their_own_story_and_the_draft_is_theirs(self, author):
        story = ArticleFactory(authors=[author.person])  # published: theirs to read only
        client = logged_in(author)

        response = client.post(translate_url(story), {"language": "ru"}, follow=True)

        translation = Article.objects.get(language="ru")
        assert response.redirect_chain[-1][0] == change_url(translation)
        assert [b.person for b in translation.bylines.all()] == [author.person]
        assert soup(response).find("form", id="article_form")  # theirs to write

    def test_an_author_cannot_translate_a_colleagues_story(self, author):
        story = ArticleFactory()

        response = logged_in(author).post(translate_url(story), {"language": "ru"})

        assert response.status_code == 404
        assert not Article.objects.filter(language="ru").exists()

    def test_an_author_links_their_draft_to_a_published_story(self, author):
        mine = draft(authors=[author.person], headline="My translation", language="de")
        original = ArticleFactory(authors=[author.person], headline="My original")

        response = logged_in(author).post(
            change_url(mine), form_data(mine, translation_of=original.pk, _action="draft")
        )

        assert response.status_code == 302
        mine.refresh_from_db()
        original.refresh_from_db()
        assert mine.translation_key == original.translation_key is not None

    def test_a_link_between_published_stories_is_the_editors_call(self, author, editor):
        mine = draft(authors=[author.person], headline="Mine, in progress")
        translated(mine, "ru", authors=[author.person])  # published
        german = ArticleFactory(authors=[author.person], headline="German", language="de")
        ru = Article.objects.get(language="ru")

        # The German story would join the published Russian one: readers see that link.
        refused = logged_in(author).post(
            change_url(mine), form_data(mine, translation_of=german.pk, _action="draft")
        )

        assert "Only editors can link or unlink two published stories" in errors_of(
            soup(refused), "translation_of"
        )
        german.refresh_from_db()
        assert german.translation_key is None
        # An editor may, from the same story.
        logged_in(editor).post(
            change_url(mine), form_data(mine, translation_of=german.pk, _action="draft")
        )
        german.refresh_from_db()
        assert german.translation_key == ru.translation_key

    def test_unlinking_published_stories_is_the_editors_call(self, author, editor):
        mine = draft(authors=[author.person])
        russian = translated(mine, "ru")  # published
        german = translated(mine, "de")  # published: readers see it beside the Russian

        page = soup(logged_in(author).get(change_url(mine)))
        rows = box_rows(page)
        assert not rows["Deutsch"].find("button", string="Unlink")
        response = logged_in(author).post(unlink_url(mine), {"translation": german.pk}, follow=True)

        assert messages_of(response) == [
            "Only editors can link or unlink two published stories: readers see that link "
            "(the edition switcher, and the language versions search engines are told about)."
        ]
        german.refresh_from_db()
        assert german.translation_key == russian.translation_key
        logged_in(editor).post(unlink_url(mine), {"translation": german.pk})
        german.refresh_from_db()
        assert german.translation_key is None

    def test_an_author_unlinks_from_their_own_draft(self, author):
        mine = draft(authors=[author.person])
        russian = translated(mine, "ru")

        logged_in(author).post(unlink_url(mine), {"translation": russian.pk})

        russian.refresh_from_db()
        assert russian.translation_key is None

    def test_an_author_cannot_change_links_from_a_published_story(self, author):
        mine = ArticleFactory(authors=[author.person])
        russian = translated(mine, "ru", status=Article.Status.DRAFT, published_at=None)

        response = logged_in(author).post(unlink_url(mine), {"translation": russian.pk})

        assert response.status_code == 403
        russian.refresh_from_db()
        assert russian.translation_key is not None

    def test_the_search_offers_an_author_only_their_own_stories(self, author):
        ArticleFactory(headline="Strike: a colleague's", language="de")
        own = ArticleFactory(headline="Strike: my own", language="de", authors=[author.person])

        found = logged_in(author).get(LIST + "translation-candidates/", {"term": "strike"}).json()

        assert [result["id"] for result in found["results"]] == [str(own.pk)]


# Sections ---------------------------------------------------------------------------------


class TestSectionNames:
    def test_a_name_and_description_per_other_edition(self, admin_client, client):
        section = SectionFactory(name="World", slug="world")

        page = soup(admin_client.get(f"/admin/sections/section/{section.pk}/change/"))
        assert page.find("input", attrs={"name": "name_ru", "lang": "ru"})
        assert page.find("textarea", attrs={"name": "description_de", "lang": "de"})
        assert not page.find(attrs={"name": "name_en"})  # the default edition: the name above
        headings = [h.get_text(strip=True) for h in page.select("fieldset h2")]
        assert headings == ["Русский edition", "Deutsch edition"]

        response = admin_client.post(
            f"/admin/sections/section/{section.pk}/change/",
            {
                "name": "World",
                "slug": "world",
                "description": "News from abroad.",
                "position": "0",
                "show_in_navigation": "on",
                "name_ru": " Мир ",
                "description_ru": "Новости из-за рубежа.",
                "name_de": "",
                "description_de": "",
            },
        )

        assert response.status_code == 302
        section.refresh_from_db()
        assert section.translations == {
            "ru": {"name": "Мир", "description": "Новости из-за рубежа."}
        }
        again = soup(admin_client.get(f"/admin/sections/section/{section.pk}/change/"))
        assert again.find("input", attrs={"name": "name_ru"})["value"] == "Мир"
        listing = soup(admin_client.get("/admin/sections/section/"))
        assert "Мир" in listing.select_one("#result_list tbody tr").get_text()

    def test_an_edition_no_longer_run_keeps_its_words(self, admin_client, settings):
        section = SectionFactory(name="World", slug="world", translations={"fr": {"name": "Monde"}})

        admin_client.post(
            f"/admin/sections/section/{section.pk}/change/",
            {
                "name": "World",
                "slug": "world",
                "position": "0",
                "name_ru": "Мир",
            },
        )

        section.refresh_from_db()
        assert section.translations == {"fr": {"name": "Monde"}, "ru": {"name": "Мир"}}

    def test_a_new_section_with_its_names(self, admin_client):
        admin_client.post(
            "/admin/sections/section/add/",
            {"name": "Science", "slug": "science", "position": "3", "name_de": "Wissenschaft"},
        )

        assert Section.objects.get(slug="science").translations == {"de": {"name": "Wissenschaft"}}


# The desk -------------------------------------------------------------------------------


def desk_of(user):
    return soup(logged_in(user).get(DESK))


def untranslated(page):
    return page.find("section", id="desk-untranslated")


def panel_rows(page) -> dict[str, BeautifulSoup]:
    found = untranslated(page)
    assert found is not None, "no Not yet translated panel"
    return {
        row.select_one(".desk-row__title").get_text(strip=True): row
        for row in found.select(".desk-row")
    }


def buttons(row) -> list[str]:
    """The buttons as a screen reader names them ("Русский" after a hidden "Translate into")."""
    return [button.get_text(" ", strip=True) for button in row.select("button")]


class TestDesk:
    def test_top_stories_with_the_editions_they_lack(self, editor):
        now = timezone.now()
        read = ArticleFactory(headline="Most read", published_at=now - timedelta(days=2))
        HourlyViews.objects.create(article=read, hour=HourlyViews.bucket(now), views=40)
        ArticleFactory(headline="Published today", published_at=now - timedelta(minutes=5))
        ArticleFactory(headline="Older, unread", published_at=now - timedelta(days=3))
        ArticleFactory(headline="Russian story", language="ru")
        draft(headline="A draft")

        page = desk_of(editor)

        rows = panel_rows(page)
        assert list(rows) == ["Most read", "Published today"]
        assert buttons(rows["Most read"]) == ["Translate into Русский", "Translate into Deutsch"]
        assert "40 views" in rows["Most read"].get_text()
        button = rows["Most read"].find("button")
        assert button["formaction"] == translate_url(read)
        form = page.find("form", id=button["form"])
        assert form["method"] == "post"
        assert form.find("input", attrs={"name": "csrfmiddlewaretoken"})
        assert form.find("input", attrs={"name": "next"})["value"] == DESK

    def test_a_translated_edition_becomes_a_link_and_a_story_in_every_edition_leaves(self, editor):
        story = ArticleFactory(headline="Harbour strike ends")
        client = logged_in(editor)

        client.post(translate_url(story), {"language": "ru"})

        row = panel_rows(desk_of(editor))["Harbour strike ends"]
        assert buttons(row) == ["Translate into Deutsch"]
        russian = Article.objects.get(language="ru")
        link = row.select_one("a.desk-edition")
        assert link["href"] == change_url(russian)
        assert link.get_text(" ", strip=True) == "Русский Draft"

        client.post(translate_url(story), {"language": "de"})

        panel = untranslated(desk_of(editor))
        assert not panel.select(".desk-row")
        assert "Every top story of the day is in every edition." in panel.get_text()

    def test_translating_from_the_desk_opens_the_new_draft(self, editor):
        story = ArticleFactory()
        button = panel_rows(desk_of(editor))[story.headline].find("button")

        response = logged_in(editor).post(
            button["formaction"], {button["name"]: button["value"], "next": DESK}
        )

        assert response["Location"] == change_url(Article.objects.get(language="ru"))

    def test_hidden_when_the_site_runs_one_edition(self, editor, settings):
        settings.LANGUAGES = [("en", "en")]
        ArticleFactory()

        assert untranslated(desk_of(editor)) is None

    def test_an_author_sees_their_own_top_stories(self, author):
        ArticleFactory(headline="Mine", authors=[author.person])
        ArticleFactory(headline="A colleague's")

        assert list(panel_rows(desk_of(author))) == ["Mine"]

    def test_queries_do_not_grow_with_the_stories_listed(self, editor):
        now = timezone.now()

        def build(n):
            for i in range(n):
                story = ArticleFactory(published_at=now - timedelta(minutes=i + 1))
                HourlyViews.objects.create(article=story, hour=HourlyViews.bucket(now), views=i)
                translated(story, "ru", status=Article.Status.DRAFT, published_at=None)
                ArticleFactory(published_at=now - timedelta(minutes=i + 30))

        def queries():
            client = logged_in(editor)
            client.get(DESK)
            with CaptureQueriesContext(connection) as captured:
                assert client.get(DESK).status_code == 200
            return len(captured), captured

        build(1)
        few, _ = queries()
        build(8)
        many, captured = queries()

        assert many == few, [query["sql"][:120] for query in captured]
        assert len(panel_rows(desk_of(editor))) == 10


def test_tags_carried_over_are_the_same_tags(editor):
    story = ArticleFactory(tags=["port"])

    logged_in(editor).post(translate_url(story), {"language": "de"})

    assert Tag.objects.filter(name="port").count() == 1


def test_candidates_answer_json_for_an_odd_page(editor):
    found = logged_in(editor).get(LIST + "translation-candidates/", {"page": "x", "story": "y"})

    assert json.loads(found.content) == {"results": [], "pagination": {"more": False}}


def test_an_authors_published_story_can_be_translated_from_its_refusal_page(author):
    story = ArticleFactory(authors=[author.person], headline="My published story")
    translated(story, "de")
    client = logged_in(author)

    response = client.get(change_url(story))

    assert response.status_code == 403
    page = BeautifulSoup(response.content, "html.parser")
    form = page.select_one(".refusal__translations form")
    assert form["action"] == translate_url(story)
    assert form.find("input", attrs={"name": "csrfmiddlewaretoken"})
    assert [b.get_text(" ", strip=True) for b in form.find_all("button")] == [
        "Translate into Русский"
    ]
    assert "Deutsch Published" in form.get_text(" ", strip=True)
    opened = client.post(form["action"], {"language": "ru"})
    assert opened["Location"] == change_url(Article.objects.get(language="ru"))


def test_a_colleagues_story_offers_no_translation(author):
    story = ArticleFactory()

    response = logged_in(author).get(change_url(story))

    assert response.status_code == 403
    assert not BeautifulSoup(response.content, "html.parser").select(".refusal__translations")


def test_a_change_of_edition_is_told_in_the_history_in_words(editor):
    story = draft(authors=[editor.person])
    client = logged_in(editor)
    client.post(change_url(story), form_data(story, language="de"))

    page = soup(client.get(f"/admin/articles/article/{story.pk}/history/"))

    newest = page.select_one("ol.revisions > li.revision")
    lines = [" ".join(li.get_text().split()) for li in newest.select(".field-changes li")]
    assert "Edition: English → Deutsch" in lines
