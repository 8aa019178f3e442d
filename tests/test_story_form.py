"""The story form: a pre-filled byline, buttons that say what they do, one tag field,
a one-click preview link with a stable address, and one date format in the list."""

from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from bs4 import BeautifulSoup
from django.core import signing
from django.utils import timezone
from taggit.models import Tag

from articles.models import PREVIEW_SALT, Article, PreviewLink
from authors.models import Person

from .factories import ArticleFactory, PersonFactory, SectionFactory, logged_in, newsroom_member
from .test_admin import article_form
from .test_workflow import form_data

pytestmark = pytest.mark.django_db

ADD = "/admin/articles/article/add/"
LIST = "/admin/articles/article/"


def change_url(article):
    return f"/admin/articles/article/{article.pk}/change/"


def preview_url(article):
    return f"/admin/articles/article/{article.pk}/preview-link/"


@pytest.fixture
def author(django_user_model):
    return newsroom_member("Authors", "author", "Nina Author")


@pytest.fixture
def desk_editor(django_user_model):
    return newsroom_member("Editors", "editor", "Eda Editor", role=Person.Role.AUTHOR_AND_EDITOR)


def soup(response):
    return BeautifulSoup(response.content, "html.parser")


def messages_of(response) -> list[str]:
    return [note.get_text(" ", strip=True) for note in soup(response).select("ul.messagelist li")]


def errors_of(response) -> str:
    page = soup(response)
    return " ".join(error.get_text(" ", strip=True) for error in page.select(".errorlist"))


def buttons_of(response) -> list[str]:
    return [button["value"] for button in soup(response).select("button[name=_action]")]


def new_story(section, person, **overrides):
    return article_form(section, person, headline="Tram line approved", **overrides)


class TestByline:
    def test_a_new_story_is_bylined_to_the_author_who_writes_it(self, author):
        page = soup(logged_in(author).get(ADD))

        chosen = page.select("select[name=byline] option[selected]")
        assert [(option["value"], option.get_text()) for option in chosen] == [
            (str(author.person.pk), "Nina Author")
        ]

    def test_the_byline_is_saved_and_shown_in_the_order_given(self, desk_editor):
        first, second = PersonFactory(name="Zoe Zimmer"), PersonFactory(name="Adam Abel")
        client = logged_in(desk_editor)

        response = client.post(
            ADD, new_story(SectionFactory(), first, byline=[first.pk, second.pk], _action="draft")
        )

        assert response.status_code == 302
        article = Article.objects.get()
        assert [b.person for b in article.bylines.order_by("position")] == [first, second]
        page = soup(client.get(change_url(article)))
        shown = [o.get_text() for o in page.select("select[name=byline] option[selected]")]
        assert shown == ["Zoe Zimmer", "Adam Abel"]  # not by name

        data = form_data(article, byline=[second.pk], _action="draft")
        assert client.post(change_url(article), data).status_code == 302
        assert [b.person for b in article.bylines.all()] == [second]

    def test_a_refused_publish_says_the_story_is_still_a_draft(self, desk_editor):
        article = ArticleFactory(status=Article.Status.DRAFT, published_at=None)
        response = logged_in(desk_editor).post(
            change_url(article), form_data(article, byline=[], _action="publish")
        )

        assert response.status_code == 200
        assert "at least one name on its byline" in errors_of(response)
        page = soup(response)
        assert page.select_one(".story-publish__state").get_text(strip=True) == "Draft"
        assert page.select_one(".story-publish__live") is None
        article.refresh_from_db()
        assert article.status == Article.Status.DRAFT

    def test_an_author_cannot_take_their_own_name_off_the_byline(self, author):
        colleague = PersonFactory(name="Colleague")
        response = logged_in(author).post(
            ADD, new_story(SectionFactory(), colleague, _action="review")
        )

        assert response.status_code == 200
        assert "Keep your own name on the byline" in errors_of(response)
        assert not Article.objects.exists()


class TestButtons:
    def test_the_buttons_depend_on_the_role_and_the_state(self, author, desk_editor):
        now = timezone.now()
        scheduled = ArticleFactory(published_at=now + timedelta(days=1))
        live = ArticleFactory()
        editor = logged_in(desk_editor)

        assert buttons_of(logged_in(author).get(ADD)) == ["draft", "review"]
        assert buttons_of(editor.get(ADD)) == ["draft", "review", "publish", "schedule"]
        assert soup(editor.get(ADD)).select_one("button.story-schedule-toggle").get_text() == (
            "Schedule…"
        )
        assert buttons_of(editor.get(change_url(scheduled))) == [
            "save",
            "publish",
            "unpublish",
            "schedule",  # inside the panel the Reschedule… button opens
        ]
        assert buttons_of(editor.get(change_url(live))) == ["save", "unpublish"]
        page = soup(editor.get(change_url(live)))
        assert page.select_one("button[value=save]").get_text() == "Update"
        since = timezone.localtime(live.published_at)
        assert page.select_one(".story-publish__state").get_text() == (
            f"Published {since:%-d %b %Y, %H:%M}"
        )

    def test_save_draft(self, author):
        client = logged_in(author)
        response = client.post(
            ADD, new_story(SectionFactory(), author.person, _action="draft"), follow=True
        )

        article = Article.objects.get()
        assert (article.status, article.published_at) == (Article.Status.DRAFT, None)
        assert messages_of(response) == ["Draft saved: “Tram line approved” is not on the site."]
        assert response.redirect_chain[-1][0] == change_url(article)  # back to the story

    def test_submit_for_review_needs_no_status_select(self, author):
        response = logged_in(author).post(
            ADD, new_story(SectionFactory(), author.person, _action="review"), follow=True
        )

        article = Article.objects.get()
        assert article.status == Article.Status.REVIEW
        assert article.bylines.get().person == author.person
        assert messages_of(response) == [
            "Submitted for review: the editors will see it on their desk."
        ]

    def test_publish_now_gives_the_public_address(self, desk_editor, client):
        section = SectionFactory(slug="city")
        before = timezone.now()
        response = logged_in(desk_editor).post(
            ADD, new_story(section, PersonFactory(), _action="publish"), follow=True
        )

        article = Article.objects.get()
        assert article.status == Article.Status.PUBLISHED
        assert before <= article.published_at <= timezone.now()
        address = f"http://testserver/city/{article.pk}-tram-line-approved/"
        assert messages_of(response) == [f"Published: {address}"]
        assert soup(response).select_one("ul.messagelist a")["href"] == address
        assert client.get(address).status_code == 200

    def test_schedule_says_when_in_the_newsrooms_time_zone(self, desk_editor, settings):
        settings.TIME_ZONE = "Europe/Berlin"  # an hour ahead of UTC in December
        section = SectionFactory()
        when = (timezone.now() + timedelta(days=400)).replace(month=12, day=3)
        local = f"{when.year}-12-03T19:09"

        response = logged_in(desk_editor).post(
            ADD,
            new_story(section, PersonFactory(), _action="schedule", schedule_at=local),
            follow=True,
        )

        article = Article.objects.get()
        assert article.status == Article.Status.PUBLISHED
        assert article.published_at == datetime(when.year, 12, 3, 18, 9, tzinfo=UTC)
        assert not article.is_published()
        weekday = datetime(when.year, 12, 3).strftime("%A")
        assert messages_of(response) == [
            f"Scheduled: “Tram line approved” will appear on the site on "
            f"{weekday} 3 December {when.year} at 19:09."
        ]

    def test_scheduling_in_the_past_is_refused_and_nothing_is_saved(self, desk_editor):
        past = timezone.localtime() - timedelta(hours=2)
        response = logged_in(desk_editor).post(
            ADD,
            new_story(
                SectionFactory(),
                PersonFactory(),
                _action="schedule",
                schedule_at=past.strftime("%Y-%m-%dT%H:%M"),
            ),
        )

        assert response.status_code == 200
        assert f"{past:%-d %b %Y, %H:%M} has already passed" in errors_of(response)
        # The panel stays open on the refused time.
        assert not soup(response).select_one("#story-schedule").has_attr("hidden")
        assert not Article.objects.exists()

    def test_schedule_without_a_time_asks_for_one(self, desk_editor):
        response = logged_in(desk_editor).post(
            ADD, new_story(SectionFactory(), PersonFactory(), _action="schedule", schedule_at="")
        )

        assert "Choose the date and time the story should appear." in errors_of(response)
        assert not Article.objects.exists()

    def test_unpublish_a_live_story(self, desk_editor, client):
        live = ArticleFactory(headline="Bridge opens")
        response = logged_in(desk_editor).post(
            change_url(live), form_data(live, _action="unpublish"), follow=True
        )

        live.refresh_from_db()
        assert live.status == Article.Status.DRAFT
        assert messages_of(response) == [
            "Unpublished: “Bridge opens” is back to draft and no longer on the site."
        ]
        assert client.get(live.get_absolute_url()).status_code == 404

    def test_unpublish_a_scheduled_story(self, desk_editor):
        scheduled = ArticleFactory(headline="Later", published_at=timezone.now() + timedelta(1))
        response = logged_in(desk_editor).post(
            change_url(scheduled), form_data(scheduled, _action="unpublish"), follow=True
        )

        scheduled.refresh_from_db()
        assert scheduled.status == Article.Status.DRAFT
        assert messages_of(response) == [
            "Unpublished: “Later” is back to draft and will not appear."
        ]

    def test_update_a_live_story(self, desk_editor):
        live = ArticleFactory()
        published_at = live.published_at
        response = logged_in(desk_editor).post(
            change_url(live), form_data(live, headline="Sharper", _action="save"), follow=True
        )

        live.refresh_from_db()
        assert (live.headline, live.status) == ("Sharper", Article.Status.PUBLISHED)
        assert live.published_at == published_at.replace(microsecond=0)
        assert messages_of(response) == [
            f"Updated on the site: http://testserver{live.get_absolute_url()}"
        ]

    def test_publish_now_on_a_scheduled_story_brings_it_forward(self, desk_editor):
        scheduled = ArticleFactory(published_at=timezone.now() + timedelta(days=2))
        logged_in(desk_editor).post(change_url(scheduled), form_data(scheduled, _action="publish"))

        scheduled.refresh_from_db()
        assert scheduled.is_published()

    @pytest.mark.parametrize("action", ["publish", "schedule", "unpublish"])
    def test_an_author_cannot_publish_even_with_a_forged_post(self, author, action):
        client = logged_in(author)
        when = (timezone.localtime() + timedelta(days=1)).strftime("%Y-%m-%dT%H:%M")
        data = new_story(SectionFactory(), author.person, _action=action, schedule_at=when)

        response = client.post(ADD, data)

        assert response.status_code == 200
        assert "Only editors can publish, schedule or unpublish" in soup(response).get_text()
        assert not Article.objects.exists()

        own = ArticleFactory(status="draft", published_at=None, authors=[author.person])
        response = client.post(change_url(own), form_data(own, headline="Forged", _action=action))

        assert response.status_code == 200
        own.refresh_from_db()
        assert own.status == Article.Status.DRAFT
        assert own.headline != "Forged"

    def test_an_unknown_button_saves_without_changing_the_status(self, author):
        own = ArticleFactory(status="review", published_at=None, authors=[author.person])
        data = form_data(own, headline="Kept in review", _action="launch-missiles")

        assert logged_in(author).post(change_url(own), data).status_code == 302
        own.refresh_from_db()
        assert (own.headline, own.status) == ("Kept in review", Article.Status.REVIEW)

    def test_an_expiry_before_the_schedule_is_explained(self, desk_editor):
        soon = timezone.localtime() + timedelta(hours=5)
        later = soon + timedelta(days=1)
        data = new_story(
            SectionFactory(),
            PersonFactory(),
            _action="schedule",
            schedule_at=later.strftime("%Y-%m-%dT%H:%M"),
            expires_at_0=soon.strftime("%Y-%m-%d"),
            expires_at_1=soon.strftime("%H:%M:%S"),
        )

        response = logged_in(desk_editor).post(ADD, data)

        assert response.status_code == 200
        assert "expires on" in errors_of(response)
        assert not Article.objects.exists()


class TestTags:
    def test_tags_typed_in_one_field_are_created_and_kept(self, desk_editor):
        Tag.objects.create(name="Port", slug="port")
        client = logged_in(desk_editor)

        client.post(
            ADD,
            new_story(
                SectionFactory(),
                PersonFactory(),
                tags='harbour strike, "Dockers, united", port',
                _action="draft",
            ),
        )

        article = Article.objects.get()
        assert {tag.name for tag in article.tags.all()} == {
            "harbour strike",
            "Dockers, united",
            "Port",  # the existing tag, whatever its case when typed
        }
        assert Tag.objects.count() == 3

        # Saved again as shown, in another order: nothing lost, nothing doubled.
        shown = soup(client.get(change_url(article))).find("input", attrs={"name": "tags"})
        assert shown["value"] == '"Dockers, united", "harbour strike", Port'
        data = form_data(article, tags='Port, harbour strike, "Dockers, united"', _action="draft")
        assert client.post(change_url(article), data).status_code == 302
        assert {tag.name for tag in article.tags.all()} == {
            "harbour strike",
            "Dockers, united",
            "Port",
        }

        client.post(change_url(article), form_data(article, tags="Port", _action="draft"))
        assert [tag.name for tag in article.tags.all()] == ["Port"]

    def test_an_overlong_tag_is_a_form_error(self, desk_editor):
        response = logged_in(desk_editor).post(
            ADD, new_story(SectionFactory(), PersonFactory(), tags="x" * 101, _action="draft")
        )

        assert response.status_code == 200
        assert "A tag can be at most 100 characters long" in errors_of(response)
        assert not Article.objects.exists()

    def test_suggestions_are_existing_tags_those_starting_with_the_text_first(self, author):
        for name in ("Harbour", "Old harbour", "Weather"):
            Tag.objects.create(name=name, slug=name.lower().replace(" ", "-"))
        client = logged_in(author)

        found = client.get("/admin/articles/article/tag-suggestions/", {"q": "harb"}).json()

        assert found == {"tags": ["Harbour", "Old harbour"]}
        assert client.get("/admin/articles/article/tag-suggestions/").json() == {"tags": []}
        # The field points the script at them.
        layout = soup(client.get(ADD)).select_one(".story-layout")
        assert layout["data-tag-suggestions-url"] == "/admin/articles/article/tag-suggestions/"


class TestPreviewButton:
    def test_one_click_makes_one_link_with_a_full_stable_address(self, desk_editor, client):
        draft = ArticleFactory(status="draft", published_at=None, headline="Secret draft")
        editor = logged_in(desk_editor)
        page = soup(editor.get(change_url(draft)))
        assert page.select_one(".story-preview__create").get_text() == "Preview"
        assert page.select_one(".story-preview")["data-create-url"] == preview_url(draft)

        made = editor.post(preview_url(draft), headers={"Accept": "application/json"}).json()

        link = PreviewLink.objects.get()
        address = f"http://testserver{link.get_absolute_url()}"
        assert made["url"] == address
        assert made["expires"] == f"{timezone.localtime(link.expires_at):%-d %b %Y, %H:%M}"
        shown = [
            soup(editor.get(change_url(draft))).select_one("#story-preview-url")["value"]
            for _ in range(2)
        ]
        assert shown == [address, address]
        # Asked again, the same link: not one more per click.
        again = editor.post(preview_url(draft), headers={"Accept": "application/json"}).json()
        assert again["url"] == address
        assert PreviewLink.objects.count() == 1
        assert soup(client.get(address)).h1.get_text() == "Secret draft"

    def test_an_author_previews_their_own_story_but_not_a_colleagues(self, author):
        own = ArticleFactory(status="draft", published_at=None, authors=[author.person])
        other = ArticleFactory(status="draft", published_at=None)
        client = logged_in(author)

        assert client.post(preview_url(own)).status_code == 302
        # Refused (or not even found: authors may not see a colleague's draft).
        assert client.post(preview_url(other)).status_code in (403, 404)
        assert list(PreviewLink.objects.values_list("article", flat=True)) == [own.pk]

    def test_the_link_is_made_only_by_post(self, desk_editor):
        draft = ArticleFactory(status="draft", published_at=None)
        assert logged_in(desk_editor).get(preview_url(draft)).status_code == 405
        assert not PreviewLink.objects.exists()

    def test_without_script_the_button_answers_with_a_message(self, desk_editor):
        draft = ArticleFactory(status="draft", published_at=None)
        response = logged_in(desk_editor).post(preview_url(draft), follow=True)

        link = PreviewLink.objects.get()
        assert f"http://testserver{link.get_absolute_url()}" in messages_of(response)[0]

    def test_links_sent_in_the_old_timestamped_form_still_open(self, client):
        draft = ArticleFactory(status="draft", published_at=None, headline="Old link")
        link = PreviewLink.objects.create(article=draft)
        old = signing.dumps(link.pk, salt=PREVIEW_SALT)
        assert old.count(":") == 2 and old != link.token

        assert soup(client.get(f"/preview/{old}/")).h1.get_text() == "Old link"
        assert client.get(f"/preview/{old[:-2]}xx/").status_code == 404

    def test_the_inline_lists_links_in_full_and_has_no_dead_add_row(self, desk_editor):
        draft = ArticleFactory(status="draft", published_at=None)
        link = PreviewLink.objects.create(article=draft)
        editor = logged_in(desk_editor)
        page = soup(editor.get(change_url(draft)))

        group = page.find(id="preview_links-group")
        assert group.find("a", href=f"http://testserver{link.get_absolute_url()}")
        assert "Add another" not in group.get_text()
        assert page.find("input", attrs={"name": "preview_links-MAX_NUM_FORMS"})["value"] == "0"

        # A row posted anyway, as the old "Add another" did, makes nothing behind a
        # "changed successfully".
        data = form_data(draft, _action="draft") | {
            "preview_links-TOTAL_FORMS": "2",
            "preview_links-INITIAL_FORMS": "1",
            "preview_links-0-id": str(link.pk),
            "preview_links-0-article": str(draft.pk),
            **split_time("preview_links-0-expires_at", link.expires_at),
            "preview_links-1-article": str(draft.pk),
            **split_time("preview_links-1-expires_at", timezone.now() + timedelta(days=9)),
        }
        assert editor.post(change_url(draft), data).status_code == 302
        assert PreviewLink.objects.count() == 1


def split_time(name, moment):
    local = timezone.localtime(moment)
    return {f"{name}_0": f"{local:%Y-%m-%d}", f"{name}_1": f"{local:%H:%M:%S}"}


class TestChangeList:
    def test_times_in_one_format_in_the_newsrooms_time_zone(self, desk_editor, settings):
        settings.TIME_ZONE = "Europe/London"
        london = ZoneInfo("Europe/London")
        later = timezone.now() + timedelta(days=400)
        ArticleFactory(
            headline="Evening story", published_at=datetime(later.year, 12, 3, 19, 9, tzinfo=london)
        )
        ArticleFactory(
            headline="Morning story", published_at=datetime(2020, 3, 5, 7, 5, tzinfo=london)
        )

        rows = {
            row.select_one(".field-headline").get_text(): row
            for row in soup(logged_in(desk_editor).get(LIST)).select("#result_list tbody tr")
        }

        evening, morning = rows["Evening story"], rows["Morning story"]
        assert evening.select_one(".field-published").get_text() == f"3 Dec {later.year}, 19:09"
        assert evening.select_one(".field-state").get_text() == (
            f"Scheduled for 3 Dec {later.year}, 19:09"
        )
        assert morning.select_one(".field-published").get_text() == "5 Mar 2020, 07:05"
        assert "m." not in evening.get_text() + morning.get_text()  # no "7:09 p.m."


class TestHeadline:
    def test_the_headline_is_a_box_that_wraps_with_its_label_and_limit(self, author):
        page = soup(logged_in(author).get(ADD))

        field = page.select_one("#id_headline")
        assert field.name == "textarea"  # a long headline wraps instead of scrolling away
        assert (field["name"], field["maxlength"], field["rows"]) == ("headline", "200", "2")
        assert page.select_one("label[for=id_headline]").get_text().startswith("Headline")

    def test_a_line_break_in_the_headline_is_saved_as_a_space(self, author):
        headline = "Tram line\r\napproved  \n  by the council\rat night"

        response = logged_in(author).post(
            ADD, article_form(SectionFactory(), author.person, headline=headline, _action="draft")
        )

        assert response.status_code == 302, errors_of(response)
        assert Article.objects.get().headline == "Tram line approved by the council at night"

    def test_a_headline_of_line_breaks_only_is_refused(self, author):
        response = logged_in(author).post(
            ADD, article_form(SectionFactory(), author.person, headline="\r\n\n", _action="draft")
        )

        assert response.status_code == 200
        assert "This field is required." in errors_of(response)
        assert not Article.objects.exists()
