"""Roles, scheduling, expiry, previews, revisions, no lost edits, corrections."""

import threading
from datetime import timedelta

import feedparser
import pytest
from bs4 import BeautifulSoup
from django.contrib.auth.models import Group
from django.db import connection, connections
from django.utils import timezone

from articles.models import Article, Correction, PreviewLink
from articles.services import article_corrections_changed

from .factories import ArticleFactory, logged_in, newsroom_member
from .test_admin import article_form

pytestmark = pytest.mark.django_db


@pytest.fixture
def author(django_user_model):
    return newsroom_member("Authors", "author", "Nina Author")


@pytest.fixture
def editor(django_user_model):
    return newsroom_member("Editors", "editor")


def change_url(article):
    return f"/admin/articles/article/{article.pk}/change/"


def soup_of(response):
    return BeautifulSoup(response.content, "html.parser")


def form_data(article, **overrides):
    """The change form as the browser would post it, from the article as stored."""
    article.refresh_from_db()
    return article_form(
        article.section,
        article.bylines.first().person,
        **{
            "headline": article.headline,
            "lead": article.lead,
            "body": article.body,
            "byline": [byline.person_id for byline in article.bylines.all()],
            "tags": ", ".join(tag.name for tag in article.tags.all()),
            "version": str(article.version),
            "_action": "save",
            **split_time("published_at", article.published_at),
            **split_time("updated_at", article.updated_at),
            **overrides,
        },
    )


def split_time(name, moment):
    """A date and time field as the admin shows it: in the site's zone, whole seconds."""
    local = timezone.localtime(moment) if moment else None
    return {
        f"{name}_0": local.strftime("%Y-%m-%d") if local else "",
        f"{name}_1": local.strftime("%H:%M:%S") if local else "",
    }


def correction_rows(article, *rows, initial=()):
    """The corrections inline as posted: stored ones first (unchanged), then new (date, text)."""
    rows = (*((c.published_at, c.text, c.pk) for c in initial), *rows)
    data = {
        "corrections-TOTAL_FORMS": str(len(rows)),
        "corrections-INITIAL_FORMS": str(len(initial)),
    }
    for n, (when, text, *pk) in enumerate(rows):
        data |= {
            **split_time(f"corrections-{n}-published_at", when),
            f"corrections-{n}-text": text,
            f"corrections-{n}-article": str(article.pk),
            f"corrections-{n}-id": str(pk[0]) if pk else "",
        }
    return data


class TestRoles:
    def test_groups_exist_and_only_editors_may_publish(self):
        assert Group.objects.get(name="Editors").permissions.filter(codename="publish_article")
        assert not Group.objects.get(name="Authors").permissions.filter(codename="publish_article")

    def test_author_is_offered_only_draft_and_review(self, author):
        page = soup_of(logged_in(author).get("/admin/articles/article/add/"))
        offered = [button["value"] for button in page.select("button[name=_action]")]
        assert offered == ["draft", "review"]
        assert not page.select("select[name=status]")

    def test_author_submits_for_review_but_cannot_publish(self, author):
        client = logged_in(author)
        person = author.person
        section = ArticleFactory().section

        refused = client.post(
            "/admin/articles/article/add/",
            article_form(section, person, headline="Author tries to publish", _action="publish"),
        )
        assert refused.status_code == 200
        assert "Only editors can publish" in refused.content.decode()
        assert not Article.objects.filter(headline="Author tries to publish").exists()

        accepted = client.post(
            "/admin/articles/article/add/",
            article_form(section, person, headline="Author asks for review", _action="review"),
        )
        assert accepted.status_code == 302
        assert Article.objects.get(headline="Author asks for review").status == "review"

    def test_author_edits_own_draft_but_not_others_or_published(self, author):
        client = logged_in(author)
        own = ArticleFactory(status="draft", published_at=None, authors=[author.person])
        others = ArticleFactory(status="draft", published_at=None)
        own_published = ArticleFactory(authors=[author.person])

        ok = client.post(change_url(own), form_data(own, headline="Better headline"))
        assert ok.status_code == 302
        own.refresh_from_db()
        assert own.headline == "Better headline"

        for article in (others, own_published):
            before = article.headline
            response = client.post(change_url(article), form_data(article, headline="Hijacked"))
            assert response.status_code == 403
            article.refresh_from_db()
            assert article.headline == before

    def test_author_cannot_use_the_publish_action(self, author):
        draft = ArticleFactory(status="draft", published_at=None, authors=[author.person])
        client = logged_in(author)

        page = soup_of(client.get("/admin/articles/article/"))
        actions = [o["value"] for o in page.select("select[name=action] option")]
        assert "publish" not in actions
        client.post(
            "/admin/articles/article/", {"action": "publish", "_selected_action": [draft.pk]}
        )
        draft.refresh_from_db()
        assert draft.status == "draft"

    def test_editor_publishes_and_unpublishes(self, editor, client):
        draft = ArticleFactory(status="review", published_at=None)
        admin = logged_in(editor)

        admin.post(
            "/admin/articles/article/", {"action": "publish", "_selected_action": [draft.pk]}
        )
        assert client.get(draft.get_absolute_url()).status_code == 200

        admin.post(
            "/admin/articles/article/", {"action": "unpublish", "_selected_action": [draft.pk]}
        )
        draft.refresh_from_db()
        assert draft.status == "draft"
        assert client.get(draft.get_absolute_url()).status_code == 404


class TestClock:
    def test_scheduled_story_appears_and_expiring_story_leaves_by_time_alone(
        self, client, monkeypatch
    ):
        now = timezone.now()
        scheduled = ArticleFactory(published_at=now + timedelta(hours=1))
        expiring = ArticleFactory(
            published_at=now - timedelta(hours=1), expires_at=now + timedelta(hours=2)
        )

        assert client.get(scheduled.get_absolute_url()).status_code == 404
        assert client.get(expiring.get_absolute_url()).status_code == 200

        monkeypatch.setattr(timezone, "now", lambda: now + timedelta(hours=1, minutes=1))
        assert client.get(scheduled.get_absolute_url()).status_code == 200
        assert expiring.get_absolute_url().encode() in client.get("/news/").content

        monkeypatch.setattr(timezone, "now", lambda: now + timedelta(hours=2, minutes=1))
        assert client.get(expiring.get_absolute_url()).status_code == 404
        assert expiring.get_absolute_url().encode() not in client.get("/news/").content
        assert expiring.get_absolute_url().encode() not in client.get("/rss/").content

    def test_admin_list_says_scheduled_and_expired(self, editor):
        now = timezone.now()
        ArticleFactory(headline="Later", published_at=now + timedelta(days=1))
        ArticleFactory(
            headline="Gone",
            published_at=now - timedelta(days=2),
            expires_at=now - timedelta(days=1),
        )

        rows = soup_of(logged_in(editor).get("/admin/articles/article/")).select(
            "#result_list tbody tr"
        )
        text = " ".join(row.get_text() for row in rows)
        assert "Scheduled for" in text
        assert "Expired" in text

    def test_expiry_before_publication_is_refused(self):
        with pytest.raises(Exception):  # noqa: B017 - IntegrityError or ValidationError
            ArticleFactory(expires_at=timezone.now() - timedelta(days=1))


class TestPreview:
    def test_editor_creates_a_preview_link_that_works_without_an_account(self, editor, client):
        draft = ArticleFactory(status="draft", published_at=None, headline="Secret draft")
        created = logged_in(editor).post(f"/admin/articles/article/{draft.pk}/preview-link/")
        assert created.status_code == 302
        link = PreviewLink.objects.get(article=draft)
        assert link.created_by == editor

        response = client.get(link.get_absolute_url())

        assert response.status_code == 200
        page = soup_of(response)
        assert page.h1.get_text() == "Secret draft"
        assert "Preview — not published" in page.find(class_="preview-banner").get_text()
        assert page.find("meta", attrs={"name": "robots"})["content"] == "noindex, nofollow"
        assert response["X-Robots-Tag"] == "noindex, nofollow"
        cache_control = response["Cache-Control"]
        assert "no-store" in cache_control and "private" in cache_control
        assert not page.find(attrs={"data-view-url": True}), "previews are not counted"
        assert client.get(draft.get_absolute_url()).status_code == 404

    def test_expired_revoked_and_forged_links_are_404(self, client, monkeypatch):
        draft = ArticleFactory(status="draft", published_at=None)
        link = PreviewLink.objects.create(article=draft)
        url = link.get_absolute_url()
        assert client.get(url).status_code == 200

        assert client.get(url[:-3] + "xx/").status_code == 404
        assert client.get(f"/preview/{link.pk}/").status_code == 404

        later = timezone.now() + timedelta(hours=73)
        monkeypatch.setattr(timezone, "now", lambda: later)
        assert client.get(url).status_code == 404
        monkeypatch.undo()

        link.revoked = True
        link.save()
        assert client.get(url).status_code == 404

    def test_links_default_to_the_configured_lifetime(self, settings):
        settings.NEWSROOM = {**settings.NEWSROOM, "PREVIEW_HOURS": 5}
        link = PreviewLink.objects.create(article=ArticleFactory())
        assert (
            timedelta(hours=4, minutes=59) < link.expires_at - timezone.now() <= timedelta(hours=5)
        )


class TestRevisions:
    def test_every_save_keeps_a_revision_with_who_and_a_readable_difference(self, editor):
        article = ArticleFactory(body="<p>The bridge opens on Monday.</p>")
        client = logged_in(editor)
        client.post(
            change_url(article), form_data(article, body="<p>The bridge opens on Tuesday.</p>")
        )

        history = article.history.order_by("history_date")
        assert history.count() == 2
        assert history.last().history_user == editor

        page = soup_of(client.get(f"/admin/articles/article/{article.pk}/history/"))
        changes = page.select_one(".revision__changes")
        assert changes.find("del").get_text() == "Monday."
        assert changes.find("ins").get_text() == "Tuesday."
        assert "editor" in page.get_text()

    def test_restoring_an_old_revision(self, editor):
        article = ArticleFactory(headline="First headline")
        client = logged_in(editor)
        client.post(change_url(article), form_data(article, headline="Second headline"))
        first = article.history.order_by("history_date").first()

        restore_url = f"/admin/articles/article/{article.pk}/history/{first.history_id}/"
        form = soup_of(client.get(restore_url))
        assert form.find("input", attrs={"name": "headline"})["value"] == "First headline"
        data = form_data(article, headline="First headline")
        response = client.post(restore_url, data)

        assert response.status_code == 302
        article.refresh_from_db()
        assert article.headline == "First headline"
        assert article.history.count() == 3


class TestNoLostEdits:
    def test_second_of_two_saves_is_refused_and_keeps_its_text(self, editor, django_user_model):
        article = ArticleFactory(body="<p>Original.</p>")
        first, second = logged_in(editor), logged_in(newsroom_member("Editors", "e2"))
        opened_by_first = form_data(article)
        opened_by_second = form_data(article)

        saved = first.post(change_url(article), {**opened_by_first, "body": "<p>First editor.</p>"})
        refused = second.post(
            change_url(article), {**opened_by_second, "body": "<p>Second editor's text.</p>"}
        )

        assert saved.status_code == 302
        assert refused.status_code == 200
        page = soup_of(refused)
        assert (
            "Someone else saved this story"
            in page.select_one(".errornote, .errorlist").parent.get_text()
        )
        assert "Second editor's text." in page.find("textarea", attrs={"name": "body"}).get_text()
        article.refresh_from_db()
        assert article.body == "<p>First editor.</p>"

    @pytest.mark.django_db(transaction=True, serialized_rollback=True)
    def test_two_simultaneous_saves_one_wins(self, django_user_model):
        if connection.vendor != "postgresql":
            pytest.skip("row locks need PostgreSQL (CI runs this)")
        article = ArticleFactory(body="<p>Original.</p>")
        editors = [newsroom_member("Editors", f"e{n}") for n in range(2)]
        opened = form_data(article)
        start = threading.Barrier(2)
        statuses = []

        def save(user, text):
            try:
                client = logged_in(user)
                start.wait()
                response = client.post(change_url(article), {**opened, "body": f"<p>{text}</p>"})
                statuses.append(response.status_code)
            finally:
                connections.close_all()

        threads = [threading.Thread(target=save, args=(u, f"By {u.username}")) for u in editors]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()

        assert sorted(statuses) == [200, 302]
        article.refresh_from_db()
        assert article.version == 2


class TestCorrections:
    def test_correction_shows_on_the_article_marks_it_updated_and_is_listed(self, editor, client):
        article = ArticleFactory(headline="Bridge opens")
        # Corrections come after publication: date the story well before, and the
        # correction from the story's own time, so the test never depends on today.
        Article.objects.filter(pk=article.pk).update(
            published_at=timezone.now() - timedelta(days=120)
        )
        article.refresh_from_db()
        corrected = timezone.localtime(article.published_at + timedelta(days=3)).replace(
            hour=10, minute=0, second=0, microsecond=0
        )
        data = form_data(
            article,
            **correction_rows(
                article, (corrected, "An earlier version gave the wrong opening day.")
            ),
        )
        assert logged_in(editor).post(change_url(article), data).status_code == 302

        page = soup_of(client.get(article.get_absolute_url()))
        corrections = page.find(id="corrections")
        assert f"Correction, {corrected:%-d %B %Y}:" in corrections.get_text()
        assert "wrong opening day" in corrections.get_text()
        assert "Updated" in page.find(class_="article__meta").get_text()

        listing = soup_of(client.get("/corrections/"))
        assert "Bridge opens" in listing.get_text()
        assert "wrong opening day" in listing.get_text()

        feed = feedparser.parse(client.get("/corrections/rss/").content)
        assert feed.bozo == 0
        assert feed.entries[0].summary == "An earlier version gave the wrong opening day."

    def test_a_correction_dated_before_publication_gets_a_form_error(self, editor):
        article = ArticleFactory(published_at=timezone.now() - timedelta(days=2))
        before = article.published_at - timedelta(days=1)
        data = form_data(article, **correction_rows(article, (before, "Wrong day.")))

        response = logged_in(editor).post(change_url(article), data)

        assert response.status_code == 200
        errors = soup_of(response).select_one(".inline-group .errorlist")
        assert "cannot be dated before the story was published" in errors.get_text()
        assert not article.corrections.exists()
        article.refresh_from_db()
        assert article.updated_at is None

    def test_a_correction_from_before_publication_never_locks_the_story(self, editor):
        article = ArticleFactory(published_at=timezone.now() - timedelta(days=10))
        # Stored before the rule existed (or by a script): it must not lock the story.
        old = Correction.objects.create(
            article=article, published_at=article.published_at - timedelta(days=3), text="Old."
        )
        article_corrections_changed(article=article)
        article.refresh_from_db()
        assert article.updated_at is None or article.updated_at >= article.published_at

        client = logged_in(editor)
        for headline in ("Still editable", "And again"):  # each save from the form as stored
            data = form_data(article, headline=headline, **correction_rows(article, initial=[old]))
            response = client.post(change_url(article), data)

            assert response.status_code == 302, soup_of(response).select(".errorlist")
            article.refresh_from_db()
            assert article.headline == headline
            assert article.updated_at is None or article.updated_at >= article.published_at

    def test_corrections_in_json_ld_and_only_for_published_stories(self, client):
        import json

        article = ArticleFactory()
        Correction.objects.create(article=article, text="A name was misspelt.")
        draft = ArticleFactory(status="draft", published_at=None)
        Correction.objects.create(article=draft, text="Hidden correction.")

        page = soup_of(client.get(article.get_absolute_url()))
        data = [json.loads(s.string) for s in page.find_all("script", type="application/ld+json")]
        news = next(d for d in data if d["@type"] == "NewsArticle")
        assert news["correction"][0]["@type"] == "CorrectionComment"
        assert news["correction"][0]["text"] == "A name was misspelt."
        assert "Hidden correction" not in client.get("/corrections/").content.decode()
        assert "Hidden correction" not in client.get("/corrections/rss/").content.decode()


class TestRefusalsAreExplicit:
    def test_author_cannot_restore_a_revision_over_a_published_or_foreign_story(self, author):
        client = logged_in(author)
        own_live = ArticleFactory(authors=[author.person], headline="Own live story")
        foreign_draft = ArticleFactory(status="draft", published_at=None, headline="Colleague's")
        for article in (own_live, foreign_draft):
            article.headline = f"{article.headline}, edited"
            article.save()
            first = article.history.order_by("history_date").first()
            url = f"/admin/articles/article/{article.pk}/history/{first.history_id}/"
            data = form_data(article, headline="Hijacked", status="draft")

            assert client.post(url, data).status_code == 403
            article.refresh_from_db()
            assert article.headline.endswith(", edited")

    def test_author_is_told_that_only_editors_unpublish(self, author):
        live = ArticleFactory(authors=[author.person])
        response = logged_in(author).post(
            "/admin/articles/article/",
            {"action": "unpublish", "_selected_action": [live.pk]},
            follow=True,
        )
        assert "Only editors can publish or unpublish." in response.content.decode()
        live.refresh_from_db()
        assert live.is_published()

    def test_only_editors_manage_preview_links_and_corrections(self, author, editor):
        own = ArticleFactory(status="draft", published_at=None, authors=[author.person])
        author_page = logged_in(author).get(change_url(own)).content.decode()
        editor_page = logged_in(editor).get(change_url(own)).content.decode()

        assert "preview_links-TOTAL_FORMS" not in author_page
        assert "corrections-TOTAL_FORMS" not in author_page
        assert "preview_links-TOTAL_FORMS" in editor_page
        assert "corrections-TOTAL_FORMS" in editor_page

    def test_unpublishing_keeps_a_revision_and_bumps_the_version(self, editor):
        live = ArticleFactory()
        before = (live.history.count(), Article.objects.get(pk=live.pk).version)

        logged_in(editor).post(
            "/admin/articles/article/", {"action": "unpublish", "_selected_action": [live.pk]}
        )

        live.refresh_from_db()
        assert live.history.count() == before[0] + 1
        assert live.version == before[1] + 1
        assert live.history.first().status == "draft"
