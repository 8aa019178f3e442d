"""An editor links a translation through the story form's search and starts another from
its Translations box, in Chromium: the search asks the story admin's own view (with the
story's edition left out), and the buttons post their own form, not the story's edits."""

import pytest
from django.contrib.auth.models import Group

from articles.models import Article

from .browser import browser_available, chromium_page, sign_in
from .factories import ArticleFactory, PersonFactory

__all__ = ["browser_available"]  # a fixture, used by name

# The live server and the test share the database, so it is committed, not rolled back.
pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


@pytest.fixture
def editor(django_user_model, settings):
    settings.LANGUAGE_CODE = "en"
    settings.LANGUAGES = [("en", "en"), ("ru", "ru"), ("de", "de")]
    user = django_user_model.objects.create_user(
        username="eda", password="correct horse battery", is_staff=True
    )
    user.groups.add(Group.objects.get(name="Editors"))
    PersonFactory(name="Eda Editor", user=user)
    return user


# The database is set up before the browser starts: while Playwright's event loop runs,
# Django refuses synchronous database calls from this thread.
def test_an_editor_links_one_translation_and_starts_another(browser_available, live_server, editor):
    from playwright.sync_api import expect

    story = ArticleFactory(headline="Harbour strike ends")
    ArticleFactory(headline="Hafenstreik in Bremen", language="de")  # not this one's
    german = ArticleFactory(headline="Hafenstreik beendet", language="de")
    ArticleFactory(headline="Harbour strike ends early in Leith")  # same edition: not offered
    refused = []

    with chromium_page() as page:
        page.on("console", lambda note: note.type == "error" and refused.append(note.text))
        page.set_viewport_size({"width": 1280, "height": 1000})
        sign_in(
            page,
            live_server.url,
            "eda",
            "correct horse battery",
            f"/admin/articles/article/{story.pk}/change/",
        )
        box = page.locator("section.story-translations")
        expect(box.locator("li.story-translation")).to_have_count(2)

        # Select2 over the story admin's search: other editions only, named with theirs.
        box.locator(".select2-selection").click()
        page.locator(".select2-container--open .select2-search__field").fill("Hafenstreik")
        options = page.locator(".select2-results__option")
        expect(options).to_have_text(
            [
                "Hafenstreik beendet (Deutsch, Published)",
                "Hafenstreik in Bremen (Deutsch, Published)",
            ]
        )
        page.locator(".select2-container--open .select2-search__field").fill("beendet")
        expect(options).to_have_text(["Hafenstreik beendet (Deutsch, Published)"])
        options.first.click()
        page.get_by_role("button", name="Update").click()

        expect(page.locator("ul.messagelist")).to_contain_text(
            "Linked: “Hafenstreik beendet” is the Deutsch translation of “Harbour strike ends”."
        )
        german_row = box.locator("li.story-translation", has_text="Deutsch")
        expect(german_row.locator("a.story-translation__headline")).to_have_text(
            "Hafenstreik beendet"
        )

        # An unsaved edit stays out of the translation: the button posts its own form.
        page.get_by_label("Lead").fill("An edit not saved yet.")
        page.get_by_role("button", name="Translate into Русский").click()

        expect(page.locator("h1")).to_have_text("Edit story")
        expect(page.locator("ul.messagelist")).to_contain_text(
            "A Русский translation of “Harbour strike ends” is started as a draft"
        )
        expect(page.get_by_label("Edition")).to_have_value("ru")
        english_row = page.locator("li.story-translation", has_text="English")
        expect(english_row.locator("a.story-translation__headline")).to_have_text(
            "Harbour strike ends"
        )
        # The search preview prints the draft's address in its edition.
        expect(page.locator(".serp__path")).to_contain_text("/ru/")

    assert not refused, refused
    russian = Article.objects.get(language="ru")
    assert russian.lead == story.lead
    german.refresh_from_db()
    assert russian.translation_key == german.translation_key is not None
