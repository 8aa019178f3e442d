from datetime import timedelta

import pytest
from bs4 import BeautifulSoup
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from articles.models import Article
from images.models import Image, Licence

from .factories import ArticleFactory, ImageFactory, PersonFactory, SectionFactory

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    "model",
    ["articles/article", "images/image", "images/licence", "authors/person", "sections/section"],
)
def test_changelist_and_add_pages_load_for_an_editor(editor_client, model):
    ArticleFactory()
    assert editor_client.get(f"/admin/{model}/").status_code == 200
    assert editor_client.get(f"/admin/{model}/add/").status_code == 200


def test_article_change_page_uses_the_rich_text_editor(editor_client):
    article = ArticleFactory()
    response = editor_client.get(f"/admin/articles/article/{article.pk}/change/")
    soup = BeautifulSoup(response.content, "html.parser")
    assert soup.find(
        "textarea", attrs={"name": "body", "data-django-prose-editor-configurable": True}
    )


def test_article_changelist_shows_thumbnail_byline_and_status(editor_client):
    article = ArticleFactory(
        authors=[PersonFactory(name="Lena Fischer")], main_image__renditions=True
    )
    image = article.main_image

    soup = BeautifulSoup(editor_client.get("/admin/articles/article/").content, "html.parser")
    row = soup.select_one("#result_list tbody tr")

    # A small rendition, not the full-size original with its camera metadata.
    small = f"/media/renditions/{image.pk}/{image.renditions_key}/square-160.jpg"
    assert row.find("img")["src"] == small
    assert "Lena Fischer" in row.get_text()
    assert "Published" in row.get_text()


def test_changelist_tells_scheduled_from_published(editor_client):
    ArticleFactory(published_at=timezone.now() + timedelta(days=2))

    soup = BeautifulSoup(editor_client.get("/admin/articles/article/").content, "html.parser")

    assert "Scheduled for" in soup.select_one("#result_list tbody tr").get_text()


def test_bulk_publish_and_unpublish(editor_client):
    draft = ArticleFactory(status=Article.Status.DRAFT, published_at=None)
    live = ArticleFactory()

    editor_client.post(
        "/admin/articles/article/", {"action": "publish", "_selected_action": [draft.pk]}
    )
    editor_client.post(
        "/admin/articles/article/", {"action": "unpublish", "_selected_action": [live.pk]}
    )

    draft.refresh_from_db()
    live.refresh_from_db()
    assert draft.is_published()
    assert live.status == Article.Status.DRAFT
    assert not live.is_published()


def test_bulk_publish_reports_scheduled_stories_and_drops_stale_updates(editor_client):
    future = ArticleFactory(
        status=Article.Status.REVIEW, published_at=timezone.now() + timedelta(days=1)
    )
    stale = ArticleFactory(
        status=Article.Status.DRAFT,
        published_at=None,
        updated_at=timezone.now() - timedelta(days=3),
    )

    response = editor_client.post(
        "/admin/articles/article/",
        {"action": "publish", "_selected_action": [future.pk, stale.pk]},
        follow=True,
    )

    assert "1 article(s) published. 1 scheduled article(s)" in response.content.decode()
    stale.refresh_from_db()
    assert stale.is_published()
    assert stale.updated_at is None


def test_view_on_site_only_for_published_stories(editor_client):
    draft = ArticleFactory(status=Article.Status.DRAFT, published_at=None)
    live = ArticleFactory()

    def view_on_site_link(article):
        page = editor_client.get(f"/admin/articles/article/{article.pk}/change/")
        return BeautifulSoup(page.content, "html.parser").find("a", class_="viewsitelink")

    assert view_on_site_link(draft) is None
    assert view_on_site_link(live) is not None


def test_editors_can_pin_the_top_story(editor_client):
    article = ArticleFactory()
    page = editor_client.get(f"/admin/articles/article/{article.pk}/change/")
    assert BeautifulSoup(page.content, "html.parser").find("input", attrs={"name": "is_pinned"})


def article_form(section, person, **overrides):
    """The story form as the browser posts it, with the button that was clicked."""
    data = {
        "headline": "Council approves the new tram line",
        "slug": "",
        "lead": "The city council voted for the tram line after a year of debate.",
        "body": '<h2>The vote</h2><p onclick="x()">Passed 31 to 12.</p><script>alert(1)</script>',
        "section": section.pk,
        "byline": [person.pk],
        "tags": "",
        "published_at_0": "",
        "published_at_1": "",
        "updated_at_0": "",
        "updated_at_1": "",
        "main_image_caption": "",
        "version": "1",
        "_action": "publish",
        **empty_formset("preview_links"),
        **empty_formset("corrections"),
    }
    return data | overrides


def empty_formset(prefix):
    return {
        f"{prefix}-TOTAL_FORMS": "0",
        f"{prefix}-INITIAL_FORMS": "0",
        f"{prefix}-MIN_NUM_FORMS": "0",
        f"{prefix}-MAX_NUM_FORMS": "1000",
    }


def test_editor_publishes_an_article_and_the_body_is_sanitised(editor_client, client):
    section, person = SectionFactory(slug="city"), PersonFactory()

    response = editor_client.post("/admin/articles/article/add/", article_form(section, person))

    assert response.status_code == 302, response.content.decode()[:2000]
    article = Article.objects.get()
    assert article.body == "<h2>The vote</h2><p>Passed 31 to 12.</p>"
    assert article.slug == "council-approves-the-new-tram-line"
    assert article.published_at <= timezone.now()
    assert client.get(article.get_absolute_url()).status_code == 200


def test_an_article_needs_a_byline(editor_client):
    section, person = SectionFactory(slug="city"), PersonFactory()
    data = article_form(section, person, byline=[])

    response = editor_client.post("/admin/articles/article/add/", data)

    assert response.status_code == 200
    assert "A story needs at least one name on its byline." in response.content.decode()
    assert not Article.objects.exists()


def upload():
    image = ImageFactory.build()
    return SimpleUploadedFile("harbour.jpg", image.file.read(), content_type="image/jpeg")


def test_image_without_credit_gets_a_form_error_and_nothing_is_saved(editor_client):
    licence = Licence.objects.get(name="CC BY 4.0")
    response = editor_client.post(
        "/admin/images/image/add/",
        {
            "file": upload(),
            "alt_text": "A tram",
            "creator": "",
            "source_name": "",
            "licence": licence.pk,
        },
    )

    assert response.status_code == 200
    assert "Every photo is credited" in response.content.decode()
    assert not Image.objects.exists()


def test_image_without_licence_or_alt_text_gets_form_errors(editor_client):
    response = editor_client.post(
        "/admin/images/image/add/", {"file": upload(), "alt_text": "", "creator": "Ada"}
    )

    soup = BeautifulSoup(response.content, "html.parser")
    rows_with_errors = {
        row.find("label")["for"] for row in soup.select(".form-row.errors") if row.find("label")
    }
    assert {"id_alt_text", "id_licence"} <= rows_with_errors
    assert not Image.objects.exists()


def test_credited_image_is_saved_with_its_size(editor_client):
    licence = Licence.objects.get(name="CC BY 4.0")
    response = editor_client.post(
        "/admin/images/image/add/",
        {"file": upload(), "alt_text": "A tram", "creator": "Ada", "licence": licence.pk},
    )

    assert response.status_code == 302
    image = Image.objects.get()
    assert (image.width, image.height) == (640, 360)
    assert image.uploaded_by.username == "desk"


def test_a_text_file_is_not_accepted_as_a_photo(editor_client):
    licence = Licence.objects.get(name="CC BY 4.0")
    fake = SimpleUploadedFile("photo.jpg", b"not an image at all", content_type="image/jpeg")
    response = editor_client.post(
        "/admin/images/image/add/",
        {"file": fake, "alt_text": "A tram", "creator": "Ada", "licence": licence.pk},
    )

    assert response.status_code == 200
    assert not Image.objects.exists()


def test_bulk_publish_publishes_the_valid_stories_and_names_the_refused_ones(editor_client):
    now = timezone.now()
    valid = ArticleFactory(status=Article.Status.DRAFT, published_at=None, headline="Valid one")
    expired = ArticleFactory(
        status=Article.Status.DRAFT,
        published_at=None,
        expires_at=now - timedelta(hours=1),
        headline="Embargo over <b>already</b>",
    )

    response = editor_client.post(
        "/admin/articles/article/",
        {"action": "publish", "_selected_action": [valid.pk, expired.pk]},
    )

    assert response.status_code == 302
    page = editor_client.get(response["Location"])
    notes = {
        " ".join(note["class"]): note.get_text()
        for note in BeautifulSoup(page.content, "html.parser").select("ul.messagelist li")
    }
    assert "1 article(s) published." in notes["success"]
    assert (
        "“Embargo over <b>already</b>”: A story must expire after it is published."
        in (notes["warning"])
    )
    valid.refresh_from_db()
    expired.refresh_from_db()
    assert valid.is_published()
    assert expired.status == Article.Status.DRAFT
    assert expired.published_at is None


def test_bulk_unpublish_reports_each_story_it_could_not_take_down(editor_client):
    live = ArticleFactory(headline="Goes back to draft")
    already = ArticleFactory(status=Article.Status.DRAFT, published_at=None, headline="A draft")

    response = editor_client.post(
        "/admin/articles/article/",
        {"action": "unpublish", "_selected_action": [live.pk, already.pk]},
        follow=True,
    )

    text = BeautifulSoup(response.content, "html.parser").select_one("ul.messagelist").get_text()
    assert "1 article(s) returned to draft." in text
    assert "1 article(s) not returned to draft" in text
    assert "“A draft”: It is not published." in text
    live.refresh_from_db()
    assert live.status == Article.Status.DRAFT
