"""A story's history: revisions in words, bylines and tags recorded, restoring them."""

from datetime import UTC, datetime, timedelta

import pytest
from bs4 import BeautifulSoup
from django.contrib.auth.models import Group
from django.db import connection
from django.test.utils import CaptureQueriesContext
from taggit.models import Tag

from articles.history import record_related_since
from articles.models import Article, Correction, PreviewLink
from articles.services import article_corrections_changed, articles_publish, articles_unpublish

from .factories import ArticleFactory, ImageFactory, PersonFactory, SectionFactory

pytestmark = pytest.mark.django_db

HistoricalArticle = Article.history.model


def history_url(article):
    return f"/admin/articles/article/{article.pk}/history/"


def change_url(article):
    return f"/admin/articles/article/{article.pk}/change/"


def restore_url(article, record):
    return f"/admin/articles/article/{article.pk}/history/{record.history_id}/"


def soup_of(response):
    assert response.status_code == 200, response.status_code
    return BeautifulSoup(response.content, "html.parser")


def form_as_posted(page) -> dict:
    """What a browser would post from the page's form, as it stands."""
    data: dict[str, list[str]] = {}
    form = page.select_one("#content-main form[method=post]")
    for element in form.find_all(["input", "select", "textarea"]):
        name = element.get("name")
        if not name or "__prefix__" in name or element.has_attr("disabled"):
            continue
        values = data.setdefault(name, [])
        if element.name == "textarea":
            values.append(element.get_text().removeprefix("\n"))
        elif element.name == "select":
            chosen = [
                o.get("value", "") for o in element.find_all("option") if o.has_attr("selected")
            ]
            values += chosen if element.has_attr("multiple") else chosen[:1] or [""]
        elif element.get("type") in ("checkbox", "radio"):
            if element.has_attr("checked"):
                values.append(element.get("value", "on"))
        elif element.get("type") not in ("submit", "button", "image", "file", "reset"):
            values.append(element.get("value", ""))
    return {name: values[0] if len(values) == 1 else values for name, values in data.items()}


def set_byline(data, article, people):
    """The byline as an editor leaves it: `people`, in this order."""
    if "bylines-TOTAL_FORMS" not in data:  # one field, the names in order
        data["byline"] = [str(person.pk) for person in people]
        return
    # One inline row per name: the stored rows removed, new ones in order.
    total = int(data["bylines-TOTAL_FORMS"])
    for row in range(total):
        data[f"bylines-{row}-DELETE"] = "on"
    for offset, person in enumerate(people):
        row = total + offset
        data |= {
            f"bylines-{row}-id": "",
            f"bylines-{row}-article": str(article.pk) if article else "",
            f"bylines-{row}-person": str(person.pk),
            f"bylines-{row}-position": str(offset),
        }
    data["bylines-TOTAL_FORMS"] = str(total + len(people))


def set_status(data, status):
    """A status chosen in a select, or by the button that gives it."""
    if "status" in data:
        data["status"] = status
    else:
        data["_action"] = {"draft": "draft", "review": "review", "published": "publish"}[status]


def set_tags(data, article, names):
    """The story's tags as typed: one comma-separated field, or one inline row per tag."""
    if "tags" in data:
        data["tags"] = ", ".join(names)
        return
    prefix = "taggedarticle_set"
    total = int(data[f"{prefix}-TOTAL_FORMS"])
    for row in range(total):
        data[f"{prefix}-{row}-DELETE"] = "on"
    for offset, name in enumerate(names):
        row = total + offset
        tag, _ = Tag.objects.get_or_create(slug=name, defaults={"name": name})
        data |= {
            f"{prefix}-{row}-id": "",
            f"{prefix}-{row}-content_object": str(article.pk) if article else "",
            f"{prefix}-{row}-tag": str(tag.pk),
        }
    data[f"{prefix}-TOTAL_FORMS"] = str(total + len(names))


def save_in_admin(client, article, *, byline=None, tags=None, status=None, **fields):
    """Open the story's change form, change what is given, press Save."""
    data = form_as_posted(soup_of(client.get(change_url(article))))
    if byline is not None:
        set_byline(data, article, byline)
    if tags is not None:
        set_tags(data, article, tags)
    if status is not None:
        set_status(data, status)
    data |= {name: str(value) for name, value in fields.items()}
    response = client.post(change_url(article), {**data, "_save": "Save"})
    assert response.status_code == 302, errors_in(response)
    article.refresh_from_db()
    return response


def errors_in(response):
    return [e.get_text(" ", strip=True) for e in soup_of(response).select(".errorlist, .errornote")]


def revisions(page):
    return page.select("ol.revisions > li.revision")


def field_lines(revision):
    return [" ".join(li.get_text().split()) for li in revision.select(".field-changes li")]


def bylines_of(article):
    return list(article.bylines.order_by("position").values_list("person__name", flat=True))


def tags_of(article):
    return sorted(article.tags.names())


@pytest.fixture
def ann():
    return PersonFactory(name="Ann Lee", slug="ann-lee")


@pytest.fixture
def bo():
    return PersonFactory(name="Bo Chen", slug="bo-chen")


@pytest.fixture
def story(ann):
    article = ArticleFactory(
        headline="The bridge opens on Monday",
        body="<h2>Traffic</h2><p>Cars will wait an hour at the old crossing.</p>"
        "<p>The mayor cuts the ribbon at noon.</p>",
        section=SectionFactory(name="World", slug="world"),
        status=Article.Status.DRAFT,
        published_at=None,
        authors=[ann],
        tags=["weather"],
        main_image=ImageFactory(caption="Cranes at dawn"),
    )
    # The factory adds the byline and tags after the first save; the admin records them
    # on the first revision once its inlines are saved, as here.
    record_related_since(HistoricalArticle, article.pk, None)
    return article


class TestRevisionsInWords:
    def test_newest_first_in_the_newsroom_time_zone_to_the_minute(
        self, editor_client, story, settings
    ):
        settings.TIME_ZONE = "Asia/Tokyo"
        save_in_admin(editor_client, story, headline="The bridge opens on Tuesday")
        created, changed = story.history.order_by("history_date")
        # 05:32:17.654321 UTC is 14:32 in Tokyo; the seconds and their fraction are noise.
        HistoricalArticle.objects.filter(pk=created.pk).update(
            history_date=datetime(2026, 11, 29, 23, 5, 41, 123456, tzinfo=UTC)
        )
        HistoricalArticle.objects.filter(pk=changed.pk).update(
            history_date=datetime(2026, 11, 30, 5, 32, 17, 654321, tzinfo=UTC)
        )

        page = soup_of(editor_client.get(history_url(story)))

        when = [r.select_one(".revision__when").get_text(strip=True) for r in revisions(page)]
        assert when == ["Mon 30 Nov 2026, 14:32", "Mon 30 Nov 2026, 08:05"]
        text = page.get_text(" ")
        assert "654321" not in text and ":17" not in text
        assert "Change reason" not in text and "None" not in text
        newest = revisions(page)[0]
        assert "desk" in newest.select_one(".revision__who").get_text()
        assert newest.select_one(".revision__badge").get_text(strip=True) == "Current version"

    def test_headline_and_body_differ_word_by_word_as_text(self, editor_client, story):
        save_in_admin(
            editor_client,
            story,
            headline="The bridge opens on Tuesday",
            body="<h2>Traffic</h2><p>Cars will wait two hours at the old crossing.</p>"
            "<p>The mayor cuts the ribbon at noon.</p>",
        )

        newest = revisions(soup_of(editor_client.get(history_url(story))))[0]

        headline = newest.select_one("[data-field=headline]")
        assert [d.get_text() for d in headline.find_all("del")] == ["Monday"]
        assert [i.get_text() for i in headline.find_all("ins")] == ["Tuesday"]
        assert "The bridge opens on" in headline.get_text()
        body = newest.select_one("[data-field=body]")
        assert [d.get_text() for d in body.find_all("del")] == ["an hour"]
        assert [i.get_text() for i in body.find_all("ins")] == ["two hours"]
        changed = body.select_one("ins").find_parent("p")
        assert changed.get_text(" ", strip=True).startswith("Cars will wait")
        # Text, not markup: no tags shown, and the unchanged paragraphs are left out.
        assert "<p>" not in body.get_text() and "&lt;" not in str(body)
        assert "ribbon" not in body.get_text() and "Traffic" not in body.get_text()

    def test_status_section_byline_tags_and_photo_in_plain_words(
        self, editor_client, story, ann, bo
    ):
        business = SectionFactory(name="Business", slug="business")
        other_photo = ImageFactory(caption="Traffic on the new span")
        save_in_admin(
            editor_client,
            story,
            byline=[ann, bo],
            tags=["floods"],
            status="review",
            section=business.pk,
            main_image=other_photo.pk,
        )

        newest = revisions(soup_of(editor_client.get(history_url(story))))[0]

        assert field_lines(newest) == [
            "Status: Draft → Ready for review",
            "Section: World → Business",
            "Byline: Ann Lee → Ann Lee, Bo Chen",
            "Tags added: floods; removed: weather",
            "Photo: Cranes at dawn → Traffic on the new span",
        ]
        assert str(business.pk) not in " ".join(field_lines(newest)).replace("2026", "")

    def test_publication_time_correction_and_preview_link(self, editor_client, story, settings):
        settings.TIME_ZONE = "Europe/London"
        when = datetime(2026, 7, 6, 13, 30, 12, 500000, tzinfo=UTC)
        story.published_at = when
        story.save()
        outcome = articles_publish(articles=Article.objects.filter(pk=story.pk))
        assert outcome.done
        Correction.objects.create(
            article=story, published_at=when + timedelta(days=1), text="The bridge is 2 km long."
        )
        PreviewLink.objects.create(article=story, expires_at=when + timedelta(days=2))
        article_corrections_changed(article=Article.objects.get(pk=story.pk))

        page = soup_of(editor_client.get(history_url(story)))
        lines = [line for revision in revisions(page) for line in field_lines(revision)]

        assert "Publication time: not set → Mon 6 Jul 2026, 14:30" in lines
        assert "Status: Draft → Published" in lines
        assert "Correction added: The bridge is 2 km long." in lines
        assert "Preview link created: valid until Wed 8 Jul 2026, 14:30" in lines
        assert "Updated: not set → Tue 7 Jul 2026, 14:30" in lines

    def test_a_time_moved_by_its_seconds_only_is_no_change(self, editor_client, story):
        story.published_at = datetime(2026, 7, 6, 13, 30, 12, 500000, tzinfo=UTC)
        story.save()
        story.published_at = story.published_at.replace(second=0, microsecond=0)
        story.headline = "Saved from a form that keeps whole minutes"
        story.save()

        newest = revisions(soup_of(editor_client.get(history_url(story))))[0]

        assert not [line for line in field_lines(newest) if line.startswith("Publication time")]
        assert newest.select_one("[data-field=headline]")

    def test_everything_typed_is_escaped(self, editor_client, story):
        save_in_admin(
            editor_client,
            story,
            headline="<script>alert(1)</script> Storm",
            body="<p>&lt;script&gt;alert(2)&lt;/script&gt; typed as text</p>"
            "<script>alert(3)</script><p>The mayor cuts the ribbon at noon.</p>",
            main_image_caption='<img src=x onerror="alert(4)">',
        )

        for url in (history_url(story), restore_url(story, story.history.earliest())):
            page = soup_of(editor_client.get(url))
            content = page.select_one("#content-main")
            assert not content.find("img") and not content.select("[onerror]")
            assert not any("alert" in str(script) for script in page.find_all("script"))
        newest = revisions(soup_of(editor_client.get(history_url(story))))[0]
        assert (
            "<script>alert(1)</script>" in newest.select_one("[data-field=headline] ins").get_text()
        )
        body = newest.select_one("[data-field=body]").get_text(" ")
        assert "<script>alert(2)</script> typed as text" in body
        assert "alert(3)" not in body  # the real tag never reached the story
        assert '<img src=x onerror="alert(4)">' in " ".join(field_lines(newest))

    def test_services_record_revisions_with_their_byline(self, editor_client, story):
        articles_publish(articles=Article.objects.filter(pk=story.pk))
        articles_unpublish(articles=Article.objects.filter(pk=story.pk))

        newest = revisions(soup_of(editor_client.get(history_url(story))))[0]

        assert field_lines(newest) == ["Status: Published → Draft"]
        assert story.history.first().byline_snapshot == [
            {"id": story.bylines.get().person_id, "name": "Ann Lee"}
        ]

    def test_history_addresses_that_name_no_story_are_404(self, editor_client, story):
        base = f"/admin/articles/article/{story.pk}"
        for address in (
            f"{base}/change/history/",  # the admin's routes pass "<pk>/change" as the id
            f"{base}/history/not-a-version/",
            f"{base}/history/999999/",
        ):
            assert editor_client.get(address).status_code == 404, address

    def test_queries_do_not_grow_with_revisions(self, editor_client, story):
        def history_page():
            with CaptureQueriesContext(connection) as queries:
                page = soup_of(editor_client.get(history_url(story)))
            return page, len(queries)

        def edit(n):
            story.main_image = ImageFactory(caption=f"Photo {n}")
            story.save()  # a revision; the byline and tags are recorded with it
            story.tags.add(f"tag {n}")

        edit(0)
        history_page()  # content types and the like, cached from then on
        _, few = history_page()
        for n in range(1, 7):
            edit(n)
        page, many = history_page()

        assert many == few
        lines = [line for revision in revisions(page) for line in field_lines(revision)]
        assert len([line for line in lines if line.startswith("Photo: Photo")]) == 6
        assert len([line for line in lines if line.startswith("Tags added: tag")]) == 6

    def test_a_story_added_in_the_admin_records_its_byline_and_tags_at_once(
        self, editor_client, ann, bo
    ):
        data = form_as_posted(soup_of(editor_client.get("/admin/articles/article/add/")))
        if "bylines-TOTAL_FORMS" in data:
            data["bylines-TOTAL_FORMS"] = "0"  # whatever the form offers, these two
        set_byline(data, None, [bo, ann])
        set_tags(data, None, ["floods", "weather"])
        data |= {
            "headline": "New bridge",
            "lead": "It opens.",
            "body": "<p>It opens.</p>",
            "section": str(SectionFactory().pk),
        }
        set_status(data, "draft")
        response = editor_client.post("/admin/articles/article/add/", {**data, "_save": "Save"})
        assert response.status_code == 302, errors_in(response)

        story = Article.objects.get(headline="New bridge")
        first = revisions(soup_of(editor_client.get(history_url(story))))[0]
        assert "Byline: Bo Chen, Ann Lee" in field_lines(first)
        assert "Tags: floods, weather" in field_lines(first)


class TestRestore:
    def test_restoring_brings_back_text_byline_in_order_and_tags(
        self, editor_client, story, ann, bo
    ):
        save_in_admin(editor_client, story, byline=[bo, ann], tags=["floods", "weather"])
        wanted = story.history.first()
        save_in_admin(
            editor_client,
            story,
            headline="Rewritten",
            byline=[ann],
            tags=["storm"],
            status="review",
        )

        page = soup_of(editor_client.get(restore_url(story, wanted)))
        data = form_as_posted(page)
        response = editor_client.post(restore_url(story, wanted), {**data, "_save": "Restore"})

        assert response.status_code == 302
        assert response["Location"] == change_url(story)
        story.refresh_from_db()
        assert story.headline == "The bridge opens on Monday"
        assert story.status == Article.Status.REVIEW  # its publication stays as it is now
        assert bylines_of(story) == ["Bo Chen", "Ann Lee"]
        assert tags_of(story) == ["floods", "weather"]
        restored = story.history.first()
        assert [entry["name"] for entry in restored.byline_snapshot] == ["Bo Chen", "Ann Lee"]
        assert [entry["name"] for entry in restored.tag_snapshot] == ["floods", "weather"]
        messages = soup_of(editor_client.get(change_url(story))).select(".messagelist li")
        assert any("Restored the version saved" in m.get_text() for m in messages)
        newest = revisions(soup_of(editor_client.get(history_url(story))))[0]
        kind = newest.select_one(".revision__kind").get_text()
        assert kind.startswith("Restored the version saved ") and kind.endswith(" by desk")
        assert "Byline: Ann Lee → Bo Chen, Ann Lee" in field_lines(newest)

    def test_restore_page_shows_the_version_as_text_and_what_restoring_changes(
        self, editor_client, story, ann, bo
    ):
        wanted = story.history.first()
        save_in_admin(editor_client, story, headline="The bridge opens on Tuesday", byline=[bo])

        page = soup_of(editor_client.get(restore_url(story, wanted)))

        version = page.select_one(".restore__version")
        assert version.select_one(".restore__headline").get_text() == "The bridge opens on Monday"
        body = version.select_one(".restore__body")
        assert body.find("h2").get_text() == "Traffic"
        assert "<p>" not in page.select_one("#content-main").get_text()
        # The form's fields ride along hidden: no raw HTML box, no internal version number.
        for name in ("body", "version", "headline"):
            assert page.find(attrs={"name": name})["type"] == "hidden"
        assert not page.find("textarea")
        assert "Version:" not in page.get_text() and not page.find("label", string="Version")
        changes = page.select_one(".restore__changes")
        assert changes.select_one("[data-field=headline] ins").get_text() == "Monday"
        assert "Byline: Bo Chen → Ann Lee" in field_lines(changes)
        assert page.find("input", attrs={"type": "submit", "value": "Restore this version"})

    def test_restoring_an_old_draft_keeps_a_live_story_live(self, editor_client, story):
        draft = story.history.first()
        articles_publish(articles=Article.objects.filter(pk=story.pk))
        save_in_admin(editor_client, story, headline="Bridge open")

        page = soup_of(editor_client.get(restore_url(story, draft)))
        assert not [line for line in field_lines(page) if line.startswith("Status")]
        editor_client.post(restore_url(story, draft), {**form_as_posted(page), "_save": "Restore"})

        story.refresh_from_db()
        assert story.headline == "The bridge opens on Monday"
        assert story.is_published()

    def test_an_author_cannot_publish_by_restoring(self, client, django_user_model):
        user = django_user_model.objects.create_user(username="nina", is_staff=True)
        user.groups.add(Group.objects.get(name="Authors"))
        own = ArticleFactory(authors=[PersonFactory(name="Nina Author", user=user)])
        published = own.history.first()
        articles_unpublish(articles=Article.objects.filter(pk=own.pk))
        client.force_login(user)

        page = soup_of(client.get(restore_url(own, published)))
        response = client.post(restore_url(own, published), {**form_as_posted(page), "_save": "R"})

        assert response.status_code == 302
        own.refresh_from_db()
        assert own.status == Article.Status.DRAFT and not own.is_published()

    def test_a_stale_restore_is_refused_and_changes_nothing(self, editor_client, story, ann, bo):
        save_in_admin(editor_client, story, byline=[ann, bo])
        wanted = story.history.earliest()
        opened = form_as_posted(soup_of(editor_client.get(restore_url(story, wanted))))
        save_in_admin(editor_client, story, headline="Saved meanwhile")

        response = editor_client.post(restore_url(story, wanted), {**opened, "_save": "Restore"})

        assert response.status_code == 200
        refused = soup_of(response)
        assert "Someone else saved this story" in refused.get_text()
        assert refused.select_one(".restore__version .restore__headline")
        story.refresh_from_db()
        assert story.headline == "Saved meanwhile"
        assert bylines_of(story) == ["Ann Lee", "Bo Chen"]

    def test_unrecorded_revisions_say_so_and_restoring_keeps_byline_and_tags(
        self, editor_client, story, ann, bo
    ):
        save_in_admin(editor_client, story, headline="Second headline")
        # Revisions saved before bylines and tags were recorded (the migration left them null).
        story.history.update(
            byline_snapshot=None, tag_snapshot=None, correction_snapshot=None, preview_snapshot=None
        )
        save_in_admin(editor_client, story, headline="Third headline", byline=[bo, ann])
        old = story.history.earliest()

        page = soup_of(editor_client.get(history_url(story)))
        newest, *older = revisions(page)
        assert "Byline: not recorded → Bo Chen, Ann Lee" in field_lines(newest)
        for revision in older:
            assert "Byline and tags: not recorded" in revision.get_text(" ", strip=True)
        restore_page = soup_of(editor_client.get(restore_url(story, old)))
        assert "restoring it keeps the current ones" in restore_page.get_text()

        data = form_as_posted(restore_page)
        response = editor_client.post(restore_url(story, old), {**data, "_save": "Restore"})

        assert response.status_code == 302
        story.refresh_from_db()
        assert story.headline == "The bridge opens on Monday"
        assert bylines_of(story) == ["Bo Chen", "Ann Lee"]
        assert tags_of(story) == ["weather"]

    def test_an_author_may_look_at_but_not_restore_their_published_story(
        self, client, django_user_model
    ):
        user = django_user_model.objects.create_user(username="nina", is_staff=True)
        user.groups.add(Group.objects.get(name="Authors"))
        live = ArticleFactory(authors=[PersonFactory(name="Nina Author", user=user)])
        live.headline = "Edited by an editor"
        live.save()
        client.force_login(user)

        page = soup_of(client.get(history_url(live)))
        links = [a.get_text(strip=True) for a in page.select(".revision__open")]
        assert links == ["View this version"]
        earlier = soup_of(client.get(restore_url(live, live.history.earliest())))
        assert not earlier.find("input", attrs={"type": "submit"})
        assert "Only someone who may change the story" in earlier.get_text()


class TestPageFurniture:
    def test_history_and_restore_pages_have_no_app_sidebar(self, editor_client, story):
        """As on the story form: the breadcrumbs lead back, the app list is on the desk."""
        for url in (history_url(story), restore_url(story, story.history.first())):
            page = soup_of(editor_client.get(url))

            assert page.select_one("#nav-sidebar") is None, url
            assert page.select_one("#toggle-nav-sidebar") is None, url
            assert "Hourly views" not in page.get_text(), url
            assert page.select_one(".breadcrumbs a[href='/admin/']") is not None, url
