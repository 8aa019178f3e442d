"""Roles: authors see and edit their own stories until published; where they may not go
they get a page that says why, in the admin's look, never a raw 403 or raw HTML."""

from datetime import timedelta

import pytest
from bs4 import BeautifulSoup
from django.core.exceptions import PermissionDenied
from django.utils import timezone

from articles.models import Article
from newsroom.errors import permission_denied
from typos.models import TypoReport

from .factories import ArticleFactory, PersonFactory, logged_in, newsroom_member

pytestmark = pytest.mark.django_db

BODY = "<p>The vote opened at dawn.</p><h2>What is on the table</h2>"


@pytest.fixture
def author(django_user_model):
    return newsroom_member("Authors", "author", "Nina Author")


@pytest.fixture
def editor(django_user_model):
    return newsroom_member("Editors", "editor", "Eda Editor")


@pytest.fixture
def colleague():
    return PersonFactory(name="Colin Colleague")


def soup(response):
    return BeautifulSoup(response.content, "html.parser")


def change_url(article):
    return f"/admin/articles/article/{article.pk}/change/"


def draft(**fields):
    return ArticleFactory(status=Article.Status.DRAFT, published_at=None, **fields)


def assert_friendly_refusal(response):
    """A page in the admin's look that says why and leads back to the desk; never the
    read-only form with the body's HTML source and the internal version number."""
    assert response.status_code == 403
    page = soup(response)
    assert page.select_one("#header #site-name"), "in the admin's look"
    assert page.select_one(".refusal h1")
    assert page.find("a", href="/admin/", string="Back to the desk")
    text = response.content.decode()
    assert "What is on the table" not in text
    assert "&lt;h2&gt;" not in text
    assert "Version" not in page.get_text()
    assert not page.find("form", id="article_form")
    return page


class TestStoryList:
    def test_author_sees_only_stories_they_are_bylined_on(self, author, colleague):
        draft(headline="My draft", authors=[author.person])
        draft(headline="Shared draft", authors=[colleague, author.person])
        ArticleFactory(headline="My published story", authors=[author.person])
        draft(headline="Colleague's draft", authors=[colleague])
        ArticleFactory(headline="Colleague's published story", authors=[colleague])

        page = soup(logged_in(author).get("/admin/articles/article/"))

        rows = " | ".join(row.get_text(" ") for row in page.select("#result_list tbody tr"))
        assert len(page.select("#result_list tbody tr")) == 3
        for headline in ("My draft", "Shared draft", "My published story"):
            assert headline in rows
        assert "Colleague's" not in rows

    def test_editor_sees_every_story(self, editor, colleague):
        draft(headline="Colleague's draft", authors=[colleague])
        ArticleFactory(headline="Colleague's published story", authors=[colleague])

        page = soup(logged_in(editor).get("/admin/articles/article/"))

        assert len(page.select("#result_list tbody tr")) == 2


class TestFriendlyRefusals:
    def test_colleagues_draft(self, author, colleague):
        theirs = draft(headline="Colleague's scoop", body=BODY, authors=[colleague])

        page = assert_friendly_refusal(logged_in(author).get(change_url(theirs)))

        assert page.select_one(".refusal h1").get_text() == "This is a colleague’s story"
        assert "Colin Colleague" in page.get_text()
        assert "Colleague's scoop" not in page.get_text(), "a colleague's draft stays private"

    def test_own_published_story(self, author):
        published_at = timezone.now() - timedelta(days=2)
        live = ArticleFactory(body=BODY, authors=[author.person], published_at=published_at)

        page = assert_friendly_refusal(logged_in(author).get(change_url(live)))

        local = timezone.localtime(published_at)
        assert f"published on {local:%A %-d %B %Y at %H:%M}" in page.get_text()
        assert "only editors can change it now" in page.get_text()
        assert page.find("a", href=live.get_absolute_url())

    def test_own_scheduled_story(self, author):
        published_at = timezone.now() + timedelta(hours=5)
        coming = ArticleFactory(body=BODY, authors=[author.person], published_at=published_at)

        page = assert_friendly_refusal(logged_in(author).get(change_url(coming)))

        assert "is scheduled" in page.select_one(".refusal h1").get_text()
        assert f"{timezone.localtime(published_at):%A %-d %B %Y at %H:%M}" in page.get_text()

    def test_a_save_refused_over_a_colleagues_story_changes_nothing(self, author, colleague):
        theirs = draft(headline="Theirs", body=BODY, authors=[colleague])

        response = logged_in(author).post(change_url(theirs), {"headline": "Hijacked"})

        assert_friendly_refusal(response)
        theirs.refresh_from_db()
        assert theirs.headline == "Theirs"

    def test_a_story_no_longer_bylined_to_the_author_says_why(self, author, colleague):
        # E.g. an editor took the author off the byline (the form refuses an author who
        # tries it), and the author follows an old link.
        story = draft(headline="Handed over", body=BODY, authors=[author.person])
        story.bylines.all().delete()
        story.bylines.create(person=colleague, position=0)

        page = assert_friendly_refusal(logged_in(author).get(change_url(story)))

        assert "bylined to Colin Colleague, not to you" in page.get_text()
        assert "ask an editor to add you" in page.get_text()

    def test_colleagues_story_history_is_refused_in_the_admins_look(self, author, colleague):
        theirs = draft(body=BODY, authors=[colleague])

        response = logged_in(author).get(f"/admin/articles/article/{theirs.pk}/history/")

        page = assert_friendly_refusal(response)
        assert page.select_one(".refusal h1").get_text() == "You cannot open this page"

    def test_unknown_story_is_still_not_found(self, author):
        response = logged_in(author).get("/admin/articles/article/999999/change/", follow=True)

        assert "doesn’t exist" in response.content.decode()

    def test_editor_opens_every_story_as_before(self, editor, colleague):
        for story in (draft(authors=[colleague]), ArticleFactory(authors=[colleague])):
            response = logged_in(editor).get(change_url(story))
            assert response.status_code == 200
            assert soup(response).find("form", id="article_form")

    def test_author_still_edits_their_own_draft(self, author):
        mine = draft(authors=[author.person])

        response = logged_in(author).get(change_url(mine))

        assert response.status_code == 200
        assert soup(response).find("form", id="article_form")


class TestTypoReports:
    @staticmethod
    def report(article, text):
        return TypoReport.objects.create(
            article=article,
            selected_text=text,
            page_url=f"http://testserver{article.get_absolute_url()}",
            sender_hash="0" * 64,
        )

    def test_author_reads_the_reports_on_their_own_stories(self, author, colleague):
        self.report(ArticleFactory(authors=[author.person]), "recieved")
        self.report(ArticleFactory(authors=[colleague]), "goverment")

        response = logged_in(author).get("/admin/typos/typoreport/")

        assert response.status_code == 200
        rows = [r.get_text(" ", strip=True) for r in soup(response).select("#result_list tbody tr")]
        assert len(rows) == 1
        assert "recieved" in rows[0]
        assert not soup(response).select("select[name=action] option[value=mark_fixed]")

    def test_author_reads_one_but_cannot_triage_it(self, author):
        mine = self.report(ArticleFactory(authors=[author.person]), "recieved")

        page = soup(logged_in(author).get(f"/admin/typos/typoreport/{mine.pk}/change/"))

        assert page.find("mark").get_text() == "recieved"
        assert not page.find("select", attrs={"name": "status"})
        assert "Sender" not in page.get_text()

    def test_report_on_a_colleagues_story_gets_the_friendly_page(self, author, colleague):
        theirs = self.report(ArticleFactory(authors=[colleague]), "goverment")

        response = logged_in(author).get(f"/admin/typos/typoreport/{theirs.pk}/change/")

        page = assert_friendly_refusal(response)
        assert "typo reports are handled by the editors" in page.get_text()
        assert "goverment" not in page.get_text()

    def test_adding_a_report_by_hand_gets_the_friendly_page(self, author):
        assert_friendly_refusal(logged_in(author).get("/admin/typos/typoreport/add/"))

    def test_editor_triages_every_report(self, editor, colleague):
        self.report(ArticleFactory(authors=[colleague]), "goverment")

        page = soup(logged_in(editor).get("/admin/typos/typoreport/"))

        assert len(page.select("#result_list tbody tr")) == 1
        assert page.select("select[name=action] option[value=mark_fixed]")


def test_other_admin_pages_refuse_in_the_admins_look(author):
    # Authors may look at sections, not add them.
    assert_friendly_refusal(logged_in(author).get("/admin/sections/section/add/"))


def test_staff_without_a_newsroom_role_learn_nothing_of_a_story(django_user_model, colleague):
    # A photo desk account, say: no story permissions at all.
    intern = django_user_model.objects.create_user(username="intern", is_staff=True)
    draft = ArticleFactory(
        headline="Unannounced merger", status=Article.Status.DRAFT, published_at=None
    )
    draft.bylines.update(person=colleague)

    response = logged_in(intern).get(f"/admin/articles/article/{draft.pk}/change/")

    assert response.status_code == 403
    text = response.content.decode()
    assert "Unannounced merger" not in text and colleague.name not in text


def test_readers_get_a_403_in_the_sites_look(rf):
    request = rf.get("/some/page/")

    response = permission_denied(request, PermissionDenied())

    assert response.status_code == 403
    page = soup(response)
    assert page.select_one(".site-header"), "the reader site's header"
    assert page.find("a", href="/")
