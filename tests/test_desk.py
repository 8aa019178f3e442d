"""The editors' desk at /admin/: what needs doing, for editors and for authors."""

from datetime import timedelta

import pytest
from bs4 import BeautifulSoup
from django.contrib.staticfiles import finders
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from articles.models import Article, HourlyViews
from typos.models import TypoReport

from .factories import ArticleFactory, ImageFactory, PersonFactory, logged_in, newsroom_member

pytestmark = pytest.mark.django_db

DESK = "/admin/"


@pytest.fixture
def author(django_user_model):
    return newsroom_member("Authors", "author", "Nina Author")


@pytest.fixture
def editor(django_user_model):
    return newsroom_member("Editors", "editor", "Eda Editor")


@pytest.fixture
def colleague():
    return PersonFactory(name="Colin Colleague")


def desk_of(user):
    response = logged_in(user).get(DESK)
    assert response.status_code == 200
    return BeautifulSoup(response.content, "html.parser")


def panel(page, key):
    return page.find("section", id=f"desk-{key}")


def titles(page, key):
    found = panel(page, key)
    assert found is not None, f"no {key} panel"
    return [link.get_text(strip=True) for link in found.select(".desk-row__title")]


def local(moment):
    """A time as the desk prints it: in the newsroom's zone, "Thu 3 Dec, 19:09"."""
    return timezone.localtime(moment).strftime("%a %-d %b, %H:%M")


def draft(**fields):
    return ArticleFactory(status=Article.Status.DRAFT, published_at=None, **fields)


def report(article, text="recieved", status=TypoReport.Status.NEW):
    return TypoReport.objects.create(
        article=article,
        selected_text=text,
        context=f"The offer was {text} well.",
        page_url=f"http://testserver{article.get_absolute_url()}",
        sender_hash="0" * 64,
        status=status,
    )


def submitted(headline, *, hours_ago, by):
    """A story written as a draft and submitted for review `hours_ago` hours ago."""
    story = draft(headline=headline, authors=[by])
    story.status = Article.Status.REVIEW
    story.save()
    when = timezone.now() - timedelta(hours=hours_ago)
    revisions = story.history.order_by("history_date")
    revisions.filter(status=Article.Status.DRAFT).update(history_date=when - timedelta(hours=1))
    revisions.filter(status=Article.Status.REVIEW).update(history_date=when)
    return story, when


class TestEditorsDesk:
    def test_awaiting_review_oldest_first_with_byline_and_time_submitted(self, editor, colleague):
        submitted("Newer submission", hours_ago=1, by=colleague)
        older, older_time = submitted("Older submission", hours_ago=5, by=colleague)
        draft(headline="Still a draft", authors=[colleague])

        page = desk_of(editor)

        assert titles(page, "review") == ["Older submission", "Newer submission"]
        first = panel(page, "review").select_one(".desk-row")
        assert "Colin Colleague" in first.get_text()
        assert f"submitted {local(older_time)}" in first.get_text(" ", strip=True)
        assert first.find("a")["href"] == f"/admin/articles/article/{older.pk}/change/"
        assert panel(page, "review").select_one(".desk-panel__count").get_text() == "2"
        see_all = panel(page, "review").select_one(".desk-panel__foot a")
        assert see_all["href"] == "/admin/articles/article/?status__exact=review"

    def test_scheduled_soonest_first_in_the_newsroom_time_zone(self, editor, settings):
        settings.TIME_ZONE = "America/New_York"  # far from UTC: a time left in UTC shows
        now = timezone.now()
        later = ArticleFactory(headline="In two days", published_at=now + timedelta(days=2))
        soon = ArticleFactory(headline="In an hour", published_at=now + timedelta(hours=1))
        ArticleFactory(headline="Already out", published_at=now - timedelta(hours=1))

        page = desk_of(editor)

        assert titles(page, "scheduled") == ["In an hour", "In two days"]
        rows = panel(page, "scheduled").select(".desk-row")
        assert f"appears {local(soon.published_at)}" in rows[0].get_text(" ", strip=True)
        assert f"appears {local(later.published_at)}" in rows[1].get_text(" ", strip=True)

    def test_my_drafts_are_the_editors_own(self, editor, colleague):
        draft(headline="My own draft", authors=[editor.person])
        draft(headline="A colleague's draft", authors=[colleague])

        page = desk_of(editor)

        assert titles(page, "drafts") == ["My own draft"]
        badge = panel(page, "drafts").select_one(".desk-row__badge").get_text()
        assert badge == "Draft"
        see_all = panel(page, "drafts").select_one(".desk-panel__foot a")["href"]
        listed = BeautifulSoup(logged_in(editor).get(see_all).content, "html.parser")
        rows = [row.get_text(" ") for row in listed.select("#result_list tbody tr")]
        assert len(rows) == 1
        assert "My own draft" in rows[0]

    def test_recently_published_newest_first_and_counted_for_24_hours(self, editor):
        now = timezone.now()
        ArticleFactory(headline="Yesterday's", published_at=now - timedelta(hours=30))
        ArticleFactory(headline="This morning's", published_at=now - timedelta(hours=3))
        ArticleFactory(headline="Just out", published_at=now - timedelta(minutes=5))
        draft(headline="Not out")

        page = desk_of(editor)

        assert titles(page, "published") == ["Just out", "This morning's", "Yesterday's"]
        count = panel(page, "published").select_one(".desk-panel__count").get_text(" ", strip=True)
        assert count == "2 in the last 24 hours"

    def test_lists_stop_at_ten_and_link_to_the_rest(self, editor):
        now = timezone.now()
        for hours in range(1, 13):
            ArticleFactory(published_at=now + timedelta(hours=hours))

        scheduled = panel(desk_of(editor), "scheduled")

        assert len(scheduled.select(".desk-row")) == 10
        see_all = scheduled.select_one(".desk-panel__foot a")
        assert see_all.get_text(strip=True).startswith("See all 12")
        listed = logged_in(editor).get(see_all["href"])
        rows = BeautifulSoup(listed.content, "html.parser").select("#result_list tbody tr")
        assert len(rows) == 12

    def test_new_typo_reports_with_their_story(self, editor):
        story = ArticleFactory(headline="Port workers accept the pay offer")
        new = report(story, "recieved")
        report(story, "teh", status=TypoReport.Status.FIXED)

        page = desk_of(editor)

        assert titles(page, "typos") == ["“recieved”"]
        row = panel(page, "typos").select_one(".desk-row")
        assert "Port workers accept the pay offer" in row.get_text()
        assert row.find("a")["href"] == f"/admin/typos/typoreport/{new.pk}/change/"
        see_all = panel(page, "typos").select_one(".desk-panel__foot a")
        assert see_all["href"] == "/admin/typos/typoreport/?status__exact=new"

    def test_photos_whose_rights_end_within_14_days(self, editor):
        today = timezone.localdate()
        ImageFactory(caption="Ends in a week", usable_until=today + timedelta(days=7))
        ImageFactory(caption="Ends tomorrow", usable_until=today + timedelta(days=1))
        ImageFactory(caption="Ends next month", usable_until=today + timedelta(days=40))
        ImageFactory(caption="Ended", usable_until=today - timedelta(days=1))

        page = desk_of(editor)

        assert titles(page, "photos") == ["Ends tomorrow", "Ends in a week"]
        first = panel(page, "photos").select_one(".desk-row").get_text(" ", strip=True)
        assert f"usable until {(today + timedelta(days=1)):%a %-d %b}" in first

    def test_most_read_today_counts_views_since_local_midnight(self, editor, settings):
        settings.TIME_ZONE = "Pacific/Auckland"
        now = timezone.now()
        midnight = timezone.localtime(now).replace(hour=0, minute=0, second=0, microsecond=0)
        read = ArticleFactory(headline="Read today", published_at=now - timedelta(days=3))
        old = ArticleFactory(headline="Read yesterday", published_at=now - timedelta(days=3))
        HourlyViews.objects.create(article=read, hour=HourlyViews.bucket(now), views=40)
        HourlyViews.objects.create(
            article=old, hour=HourlyViews.bucket(midnight - timedelta(hours=2)), views=900
        )

        page = desk_of(editor)

        assert titles(page, "read") == ["Read today"]
        assert panel(page, "read").select_one(".desk-row__badge").get_text() == "40 views"

    def test_buttons_to_write_a_story_and_upload_a_photo(self, editor):
        page = desk_of(editor)

        assert page.find("a", string="Write a story")["href"] == "/admin/articles/article/add/"
        assert page.find("a", string="Upload a photo")["href"] == "/admin/images/image/add/"

    def test_the_admins_sections_stay_reachable_below_the_desk(self, editor):
        page = desk_of(editor)

        sections = page.select_one("details.desk-admin-sections")
        assert sections.find("a", href="/admin/articles/article/")
        assert sections.find("a", href="/admin/typos/typoreport/")
        assert page.select_one(".desk").sourceline < sections.sourceline
        assert logged_in(editor).get("/admin/articles/").status_code == 200

    def test_headlines_are_escaped(self, editor):
        ArticleFactory(
            headline="<img src=x onerror=alert(1)>",
            published_at=timezone.now() + timedelta(hours=1),
        )

        response = logged_in(editor).get(DESK)

        assert b"<img src=x onerror" not in response.content
        assert "&lt;img src=x onerror=alert(1)&gt;" in response.content.decode()


class TestAuthorsDesk:
    def test_author_sees_their_own_stories_only(self, author, colleague):
        now = timezone.now()
        draft(headline="My draft", authors=[author.person])
        submitted("My story in review", hours_ago=2, by=author.person)
        draft(headline="Colleague's draft", authors=[colleague])
        submitted("Colleague's story in review", hours_ago=2, by=colleague)
        ArticleFactory(
            headline="My scheduled story",
            authors=[author.person],
            published_at=now + timedelta(hours=2),
        )
        ArticleFactory(
            headline="Colleague's scheduled story",
            authors=[colleague],
            published_at=now + timedelta(hours=1),
        )
        ArticleFactory(headline="My published story", authors=[author.person])
        ArticleFactory(headline="Colleague's published story", authors=[colleague])

        page = desk_of(author)

        assert panel(page, "review") is None, "review is the editors' queue"
        assert sorted(titles(page, "drafts")) == ["My draft", "My story in review"]
        badges = [b.get_text() for b in panel(page, "drafts").select(".desk-row__badge")]
        assert sorted(badges) == ["Draft", "Ready for review"]
        assert titles(page, "scheduled") == ["My scheduled story"]
        assert titles(page, "published") == ["My published story"]
        assert "Colleague's draft" not in page.get_text()
        assert "Colleague's story in review" not in page.get_text()

    def test_author_rows_lead_where_they_may_go(self, author):
        mine = draft(headline="My draft", authors=[author.person])
        live = ArticleFactory(headline="My published story", authors=[author.person])

        page = desk_of(author)

        drafts = panel(page, "drafts").find("a", string="My draft")
        assert drafts["href"] == f"/admin/articles/article/{mine.pk}/change/"
        published = panel(page, "published").find("a", string="My published story")
        assert published["href"] == live.get_absolute_url()

    def test_author_sees_typo_reports_and_photos_of_their_own_stories(self, author, colleague):
        today = timezone.localdate()
        mine = ArticleFactory(
            headline="My story",
            authors=[author.person],
            main_image__caption="My photo",
            main_image__usable_until=today + timedelta(days=3),
        )
        theirs = ArticleFactory(
            headline="Their story",
            authors=[colleague],
            main_image__caption="Their photo",
            main_image__usable_until=today + timedelta(days=3),
        )
        report(mine, "recieved")
        report(theirs, "goverment")

        page = desk_of(author)

        assert titles(page, "typos") == ["“recieved”"]
        assert titles(page, "photos") == ["My photo"]

    def test_staff_without_roles_get_an_empty_desk_not_an_error(self, django_user_model):
        intern = django_user_model.objects.create_user(username="intern", is_staff=True)

        page = desk_of(intern)

        assert not page.select(".desk-panel")
        assert "Nothing on your desk" in page.get_text()
        assert not page.find("a", string="Write a story")


def test_queries_do_not_grow_with_the_number_of_stories(editor, author, colleague):
    def build(n):
        now = timezone.now()
        today = timezone.localdate()
        for i in range(n):
            people = [editor.person, colleague] if i % 2 else [author.person]
            submitted(f"Review {n}-{i}", hours_ago=i + 1, by=people[0])
            draft(headline=f"Draft {n}-{i}", authors=people)
            ArticleFactory(authors=people, published_at=now + timedelta(hours=i + 1))
            live = ArticleFactory(authors=people, published_at=now - timedelta(minutes=i + 1))
            HourlyViews.objects.create(article=live, hour=HourlyViews.bucket(now), views=i + 1)
            report(live)
            ImageFactory(usable_until=today + timedelta(days=i % 14))

    def queries(user):
        client = logged_in(user)
        client.get(DESK)  # sessions, permissions: what every admin page costs
        with CaptureQueriesContext(connection) as captured:
            assert client.get(DESK).status_code == 200
        return len(captured)

    build(1)
    few = {"editor": queries(editor), "author": queries(author)}
    build(12)
    many = {"editor": queries(editor), "author": queries(author)}

    assert many == few
    # Sessions and the user, four counts and five lists of stories, two lists of the
    # day's top stories not yet translated, their bylines, and a count and a list each of
    # typo reports and photos.
    assert few["editor"] <= 22, few


def test_favicon_answers_and_admin_pages_name_the_icon(editor, client):
    response = client.get("/favicon.ico")

    assert response.status_code == 302
    assert response["Location"] == "/static/img/favicon.svg"
    assert finders.find("img/favicon.svg")
    signed_in = logged_in(editor)
    story = ArticleFactory()
    pages = [client.get("/admin/login/")] + [
        signed_in.get(path)
        for path in (
            DESK,
            "/admin/articles/article/",
            f"/admin/articles/article/{story.pk}/change/",
        )
    ]
    for response in pages:
        page = BeautifulSoup(response.content, "html.parser")
        path = response.wsgi_request.path
        icon = page.find("link", rel="icon")
        assert icon is not None, path
        assert icon["href"] == "/static/img/favicon.svg"
