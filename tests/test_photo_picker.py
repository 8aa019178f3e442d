"""The photo picker on the story form: the library grid, upload, focal point, permissions."""

import io
import json
from datetime import timedelta

import pytest
from bs4 import BeautifulSoup
from django.contrib.admin.models import LogEntry
from django.contrib.auth.models import Permission
from django.core.cache import cache
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from PIL import Image as PILImage

from articles.models import Article
from images import renditions
from images.models import Image, Licence
from newsroom.pagecache import VERSION_KEY

from .factories import (
    ArticleFactory,
    ImageFactory,
    PersonFactory,
    SectionFactory,
    logged_in,
    newsroom_member,
)
from .test_admin import article_form
from .test_photos import media_files

pytestmark = pytest.mark.django_db

PICKER = "/admin/images/image/picker/"
UPLOAD = "/admin/images/image/picker/upload/"
XSS = "<img src=x onerror=alert(1)>"


def jpeg(size=(480, 320), color="darkorange", **save_options) -> bytes:
    buffer = io.BytesIO()
    PILImage.new("RGB", size, color).save(buffer, "JPEG", **save_options)
    return buffer.getvalue()


@pytest.fixture
def author_client(django_user_model):
    """A member of the Authors group, with what articles/migrations/0007_roles.py grants."""
    return logged_in(newsroom_member("Authors", "author"))


@pytest.fixture
def stranger_client(django_user_model):
    """Staff, but with no right to photos (a flat-pages editor, say)."""
    user = django_user_model.objects.create_user(username="pages", password="pw", is_staff=True)
    user.user_permissions.add(Permission.objects.get(codename="view_article"))
    return logged_in(user)


def grid(response) -> BeautifulSoup:
    assert response.status_code == 200, response.status_code
    return BeautifulSoup(response.content, "html.parser")


def photos_in(page: BeautifulSoup) -> list[dict]:
    return [json.loads(button["data-photo"]) for button in page.select(".photo-picker__pick")]


def upload_data(content: bytes | None = None, name="harbour.jpg", **fields) -> dict:
    licence = Licence.objects.get(name="CC BY 4.0")
    data = {
        "alt_text": "A container ship leaves the harbour at dawn",
        "caption": "The first ship out after the strike",
        "creator": "Ines Photographer",
        "source_name": "Harbour Pictures",
        "source_url": "",
        "copyright_holder": "",
        "licence": licence.pk,
        "usable_until": "",
    } | fields
    data = {f"photo-{name}": value for name, value in data.items()}
    data["photo-file"] = SimpleUploadedFile(
        name, jpeg() if content is None else content, content_type="image/jpeg"
    )
    return data


class TestLibraryGrid:
    def test_lists_thumbnails_newest_first_with_caption_and_credit(self, editor_client):
        older = ImageFactory(caption="Trams return to the old town", renditions=True)
        newer = ImageFactory(caption="Cranes at dawn", creator="Oleg Lens", renditions=True)
        waiting = ImageFactory(caption="Just uploaded")  # no renditions yet

        page = grid(editor_client.get(PICKER))

        items = page.select(".photo-picker__pick")
        assert [item.select_one(".photo-picker__item-caption").text for item in items] == [
            "Just uploaded",
            "Cranes at dawn",
            "Trams return to the old town",
        ]
        assert items[0].select_one("img") is None
        assert items[0].select_one(".photo-picker__processing").text == "Processing…"
        thumbnail = items[1].select_one("img")
        assert thumbnail["src"] == newer.thumbnail_url
        assert "/original/" not in thumbnail["src"]  # never the private original in a grid
        credit = items[1].select_one(".photo-picker__item-credit").text
        assert credit == "Photo: commons.example.org by Oleg Lens, CC BY 3.0"
        assert [photo["id"] for photo in photos_in(page)] == [waiting.pk, newer.pk, older.pk]
        assert "3 photos, newest first" in page.select_one(".photo-picker__count").text

    @pytest.mark.parametrize(
        ("field", "value", "query"),
        [
            ("caption", "Firefighters at the warehouse", "warehouse"),
            ("alt_text", "A dog asleep on a ferry deck", "FERRY"),
            ("creator", "Marta Okonkwo", "okonkwo"),
            ("source_name", "Nordic Wire Agency", "nordic wire"),
        ],
    )
    def test_search_finds_caption_alt_text_creator_and_source(
        self, editor_client, field, value, query
    ):
        wanted = ImageFactory(**{field: value})
        ImageFactory(caption="Something else entirely")

        page = grid(editor_client.get(PICKER, {"q": query}))

        assert [photo["id"] for photo in photos_in(page)] == [wanted.pk]
        assert f"1 photo matching “{query}”" in page.text

    def test_a_search_with_no_result_says_so(self, editor_client):
        ImageFactory()
        page = grid(editor_client.get(PICKER, {"q": "zeppelin"}))
        assert page.select(".photo-picker__pick") == []
        assert "No photo matches “zeppelin”" in page.text

    def test_captions_and_the_search_are_printed_as_text(self, editor_client):
        ImageFactory(caption=XSS, creator=XSS)

        page = grid(editor_client.get(PICKER, {"q": XSS}))

        assert page.select("img[src=x]") == []
        item = page.select_one(".photo-picker__pick")
        assert item.select_one(".photo-picker__item-caption").text == XSS
        assert XSS in item.select_one(".photo-picker__item-credit").text
        assert f"matching “{XSS}”" in page.select_one(".photo-picker__count").text
        assert photos_in(page)[0]["caption"] == XSS  # data for the script, escaped in HTML

    def test_pages_of_24_with_a_load_more_button(self, editor_client):
        ImageFactory.create_batch(30)

        first = grid(editor_client.get(PICKER))
        more = first.select_one(".photo-picker__load-more")
        second = grid(editor_client.get(PICKER, {"page": more["data-page"]}))

        assert len(first.select(".photo-picker__pick")) == 24
        assert more.text == "Load more photos"
        assert len(second.select(".photo-picker__pick")) == 6
        assert second.select_one(".photo-picker__load-more") is None
        ids = [photo["id"] for photo in photos_in(first) + photos_in(second)]
        assert sorted(ids) == sorted(Image.objects.values_list("pk", flat=True))
        # A page number past the end or not a number is the last or the first page.
        assert len(grid(editor_client.get(PICKER, {"page": "99"})).select(".photo-picker__pick"))
        assert len(grid(editor_client.get(PICKER, {"page": "x"})).select(".photo-picker__pick"))

    def test_photos_whose_rights_expired_are_marked_and_cannot_be_chosen(self, editor_client):
        yesterday = timezone.localdate() - timedelta(days=1)
        ImageFactory(caption="Expired agency photo", usable_until=yesterday)
        ImageFactory(caption="Ours for good")

        items = grid(editor_client.get(PICKER)).select(".photo-picker__item")

        usable, expired = items  # newest first
        assert "is-expired" in expired["class"]
        assert expired.select_one("button").has_attr("disabled")
        assert expired.select_one(".photo-picker__badge").text == "Rights expired"
        assert "no longer shown anywhere" in expired.select_one("button")["title"]
        assert not usable.select_one("button").has_attr("disabled")
        assert usable.select_one(".photo-picker__badge") is None

    @pytest.mark.parametrize("count", [5, 30])
    def test_the_number_of_queries_does_not_grow_with_the_photos(
        self, editor_client, count, django_assert_num_queries
    ):
        for image in ImageFactory.create_batch(count):
            renditions.build(image)
        Image.objects.update(renditions_key="built")  # thumbnails for all, as in production
        editor_client.get(PICKER)  # the session and the user are cached from here on

        # Session, user, count, one page of photos with their licences.
        with django_assert_num_queries(4):
            page = grid(editor_client.get(PICKER))
        assert len(page.select(".photo-picker__pick img")) == min(count, 24)

    def test_the_same_queries_for_5_and_30_photos(self, editor_client):
        def queries() -> int:
            with CaptureQueriesContext(connection) as captured:
                grid(editor_client.get(PICKER, {"q": "crane"}))
            return len(captured)

        ImageFactory.create_batch(5, caption="A crane")
        editor_client.get(PICKER)  # the session and the user are cached from here on
        few = queries()
        ImageFactory.create_batch(25, caption="Another crane")
        assert queries() == few


class TestPermissions:
    def test_authors_may_pick_and_upload(self, author_client):
        ImageFactory(caption="Cranes at dawn")

        assert "Cranes at dawn" in grid(author_client.get(PICKER)).text
        response = author_client.post(UPLOAD, upload_data())
        assert response.status_code == 201, response.content
        assert Image.objects.get(pk=response.json()["photo"]["id"]).uploaded_by.username == "author"

    def test_staff_without_photo_rights_are_refused(self, stranger_client):
        image = ImageFactory()

        assert stranger_client.get(PICKER).status_code == 403
        assert stranger_client.get(f"{PICKER}{image.pk}/").status_code == 403
        assert stranger_client.post(UPLOAD, upload_data()).status_code == 403
        focal = stranger_client.post(
            f"/admin/images/image/{image.pk}/focal/", {"focal_x": "0.2", "focal_y": "0.2"}
        )
        assert focal.status_code == 403
        assert Image.objects.count() == 1
        image.refresh_from_db()
        assert (image.focal_x, image.focal_y) == (0.5, 0.5)

    def test_visitors_are_sent_to_the_login_page(self, client):
        image = ImageFactory()
        for response in (
            client.get(PICKER),
            client.post(UPLOAD, upload_data()),
            client.post(f"/admin/images/image/{image.pk}/focal/", {"focal_x": "0", "focal_y": "0"}),
        ):
            assert response.status_code == 302
            assert response["Location"].startswith("/admin/login/")
        assert Image.objects.count() == 1

    def test_a_user_who_may_view_photos_but_not_add_them_cannot_upload(self, django_user_model):
        user = django_user_model.objects.create_user(
            username="viewer", password="pw", is_staff=True
        )
        user.user_permissions.add(Permission.objects.get(codename="view_image"))
        viewer = logged_in(user)
        image = ImageFactory()

        assert viewer.get(PICKER).status_code == 200
        assert viewer.post(UPLOAD, upload_data()).status_code == 403
        focal = viewer.post(
            f"/admin/images/image/{image.pk}/focal/", {"focal_x": "0.1", "focal_y": "0.1"}
        )
        assert focal.status_code == 403
        assert Image.objects.count() == 1


class TestUpload:
    def test_a_credited_photo_is_saved_and_becomes_the_choice(
        self, editor_client, editor, django_capture_on_commit_callbacks
    ):
        cache.set(VERSION_KEY, "before")
        with django_capture_on_commit_callbacks(execute=True):
            response = editor_client.post(UPLOAD, upload_data(usable_until="2031-05-31"))

        assert response.status_code == 201, response.content
        photo = response.json()["photo"]
        image = Image.objects.get()
        assert photo["id"] == image.pk
        assert (image.alt_text, image.creator, image.source_name) == (
            "A container ship leaves the harbour at dawn",
            "Ines Photographer",
            "Harbour Pictures",
        )
        assert image.licence.name == "CC BY 4.0"
        assert str(image.usable_until) == "2031-05-31"
        assert image.uploaded_by == editor
        assert photo["credit"] == "Photo: Harbour Pictures by Ines Photographer, CC BY 4.0"
        # The editor sees it through the private original; the public crops were queued
        # and (the queue runs in this process here) built.
        assert photo["original"] == f"/admin/images/image/{image.pk}/original/"
        assert editor_client.get(photo["original"]).status_code == 200
        assert image.renditions_key == renditions.rendition_key(image)
        assert cache.get(VERSION_KEY) != "before"  # pages refreshed as on the photo's page
        assert LogEntry.objects.get().object_id == str(image.pk)

    def test_without_credit_nothing_is_saved_and_the_errors_name_the_fields(
        self, editor_client, settings
    ):
        response = editor_client.post(
            UPLOAD, upload_data(creator="", source_name="", licence="", alt_text="")
        )

        assert response.status_code == 400
        errors = response.json()["errors"]
        assert errors["creator"][0]["message"] == (
            "Every photo is credited: name its creator, its source, or both."
        )
        assert errors["licence"][0]["code"] == "required"
        assert errors["alt_text"][0]["code"] == "required"
        assert not Image.objects.exists()
        assert media_files(settings) == []

    def test_all_rights_reserved_needs_the_holder(self, editor_client):
        licence = Licence.objects.filter(kind=Licence.Kind.ALL_RIGHTS_RESERVED).first()
        response = editor_client.post(UPLOAD, upload_data(licence=licence.pk))

        assert response.status_code == 400
        assert "name who holds them" in response.json()["errors"]["copyright_holder"][0]["message"]
        assert not Image.objects.exists()

    @pytest.mark.parametrize(
        ("content", "message"),
        [
            (b"Dear editor, this is a text file.", "not a complete JPEG, PNG, WebP or GIF"),
            (jpeg()[:600], "not a complete JPEG, PNG, WebP or GIF"),
        ],
        ids=["text-renamed-jpg", "truncated-jpeg"],
    )
    def test_a_bad_file_gets_an_error_and_nothing_is_saved(
        self, editor_client, settings, content, message
    ):
        response = editor_client.post(UPLOAD, upload_data(content))

        assert response.status_code == 400
        assert message in response.json()["errors"]["file"][0]["message"]
        assert not Image.objects.exists()
        assert media_files(settings) == []

    def test_credit_written_in_the_file_is_filled_in_and_reported(self, editor_client):
        exif = PILImage.Exif()
        exif[0x013B] = "Kai Shutter"
        content = jpeg(exif=exif.tobytes())

        response = editor_client.post(UPLOAD, upload_data(content, creator="", source_name=""))

        assert response.status_code == 201, response.content
        assert Image.objects.get().creator == "Kai Shutter"
        assert response.json()["notice"] == (
            "Credit filled in from the photo's own metadata (creator: Kai Shutter). Check it."
        )

    def test_only_post(self, editor_client):
        assert editor_client.get(UPLOAD).status_code == 405


class TestFocalPoint:
    def url(self, image):
        return f"/admin/images/image/{image.pk}/focal/"

    def test_a_click_saves_the_point_and_the_crops_are_rebuilt(
        self, editor_client, django_capture_on_commit_callbacks
    ):
        image = ImageFactory(renditions=True)
        old_key = Image.objects.get(pk=image.pk).renditions_key
        cache.set(VERSION_KEY, "before")

        with django_capture_on_commit_callbacks(execute=True):
            response = editor_client.post(self.url(image), {"focal_x": "0.25", "focal_y": "0.8"})

        assert response.status_code == 200
        image.refresh_from_db()
        assert (image.focal_x, image.focal_y) == (0.25, 0.8)
        assert image.renditions_key not in ("", old_key)
        assert cache.get(VERSION_KEY) != "before"
        photo = response.json()["photo"]
        assert (photo["focal_x"], photo["focal_y"]) == (0.25, 0.8)
        # Answered before the crops were rebuilt: the picker asks again until they are.
        assert photo["processing"] is True
        rebuilt = editor_client.get(photo["status_url"]).json()["photo"]
        assert rebuilt["processing"] is False
        assert f"/{image.renditions_key}/social-" in rebuilt["card_url"]
        assert LogEntry.objects.filter(object_id=str(image.pk)).exists()

    @pytest.mark.parametrize(
        "data",
        [
            {"focal_x": "1.5", "focal_y": "0.5"},
            {"focal_x": "0.5", "focal_y": "-0.1"},
            {"focal_x": "left", "focal_y": "0.5"},
            {"focal_x": "nan", "focal_y": "0.5"},
            {"focal_x": "0.5"},
        ],
        ids=["too-far-right", "above", "not-a-number", "nan", "missing"],
    )
    def test_bad_values_get_400_with_a_message_and_change_nothing(self, editor_client, data):
        image = ImageFactory()

        response = editor_client.post(self.url(image), data)

        assert response.status_code == 400
        assert response.json()["error"].startswith(
            "The focal point is two numbers from 0 to 1, across and down"
        )
        image.refresh_from_db()
        assert (image.focal_x, image.focal_y) == (0.5, 0.5)

    def test_an_unknown_photo_is_404(self, editor_client):
        response = editor_client.post(
            "/admin/images/image/999999/focal/", {"focal_x": "0", "focal_y": "0"}
        )
        assert response.status_code == 404

    def test_the_photo_status_is_asked_while_its_crops_are_built(self, editor_client):
        image = ImageFactory()
        waiting = editor_client.get(f"{PICKER}{image.pk}/").json()["photo"]
        renditions.build(image)
        Image.objects.filter(pk=image.pk).update(renditions_key=renditions.rendition_key(image))
        built = editor_client.get(f"{PICKER}{image.pk}/").json()["photo"]

        assert (waiting["processing"], waiting["card_url"]) == (True, "")
        assert waiting["preview"] == f"/admin/images/image/{image.pk}/original/"
        assert built["processing"] is False
        assert built["card_url"].endswith(".jpg") and "/social-" in built["card_url"]


class TestStoryForm:
    def widget(self, client, url) -> BeautifulSoup:
        page = BeautifulSoup(client.get(url).content, "html.parser")
        return page.select_one(".photo-picker")

    def test_the_current_photo_is_shown_with_its_credit_and_card(self, editor_client):
        article = ArticleFactory(
            main_image=ImageFactory(caption="Cranes at dawn", renditions=True),
            status=Article.Status.DRAFT,
        )
        image = article.main_image

        picker = self.widget(editor_client, f"/admin/articles/article/{article.pk}/change/")

        field = picker.select_one("input#id_main_image")
        assert (field["name"], field["type"], field["value"]) == (
            "main_image",
            "hidden",
            str(image.pk),
        )
        social = renditions.url(image, "social", renditions.widths(image, "social")[0])
        assert field["data-card-url"] == social
        shown = picker.select_one(".photo-picker__chosen")
        assert not shown.has_attr("hidden")
        assert shown.select_one("img")["src"].startswith(f"/media/renditions/{image.pk}/")
        assert shown.select_one(".photo-picker__caption").text == "Cranes at dawn"
        assert shown.select_one(".photo-picker__credit").text == image.credit_text
        assert picker.select_one(".photo-picker__none").has_attr("hidden")
        buttons = [button.text for button in picker.select(".photo-picker__actions button")]
        assert buttons == ["Choose photo", "Upload new", "Remove"]
        # No caption autocomplete is left.
        page = BeautifulSoup(
            editor_client.get(f"/admin/articles/article/{article.pk}/change/").content,
            "html.parser",
        )
        assert page.select_one("select[name=main_image]") is None
        scripts = [script.get("src", "") for script in page.select("script")]
        assert any("admin-photo-picker" in src for src in scripts)

    def test_a_new_story_has_no_photo_and_an_upload_form_in_the_dialog(self, editor_client):
        picker = self.widget(editor_client, "/admin/articles/article/add/")

        field = picker.select_one("input#id_main_image")
        assert field["value"] == ""
        assert not field.has_attr("data-card-url")
        assert picker.select_one(".photo-picker__chosen").has_attr("hidden")
        assert picker.select_one(".photo-picker__none").text == "No photo"
        # The upload form sits in a <template>, kept out of the story's own form.
        dialog = BeautifulSoup(
            picker.select_one("template.photo-picker__dialog-template").decode_contents(),
            "html.parser",
        )
        names = [field["name"] for field in dialog.select(".photo-picker__upload [name]")]
        assert names == [
            "photo-file",
            "photo-alt_text",
            "photo-caption",
            "photo-creator",
            "photo-source_name",
            "photo-source_url",
            "photo-copyright_holder",
            "photo-licence",
            "photo-usable_until",
        ]
        assert dialog.select_one("textarea[name=photo-alt_text]") is not None
        assert dialog.select_one("textarea[name=photo-caption]") is not None

    def test_an_expired_photo_is_flagged_on_the_form_and_gives_no_card(self, editor_client):
        yesterday = timezone.localdate() - timedelta(days=1)
        article = ArticleFactory(
            main_image=ImageFactory(usable_until=yesterday, renditions=True),
            status=Article.Status.DRAFT,
        )

        picker = self.widget(editor_client, f"/admin/articles/article/{article.pk}/change/")

        assert "is-expired" in picker.select_one(".photo-picker__chosen")["class"]
        assert "Choose another photo" in picker.select_one(".photo-picker__rights").text
        assert not picker.select_one("input#id_main_image").has_attr("data-card-url")

    def test_a_caption_is_printed_as_text_on_the_form(self, editor_client):
        article = ArticleFactory(main_image=ImageFactory(caption=XSS), status="draft")

        picker = self.widget(editor_client, f"/admin/articles/article/{article.pk}/change/")

        assert picker.select("img[src=x]") == []
        assert picker.select_one(".photo-picker__caption").text == XSS

    def test_the_chosen_photo_is_saved_with_the_story(self, editor_client):
        image = ImageFactory()
        section, person = SectionFactory(slug="city"), PersonFactory()

        response = editor_client.post(
            "/admin/articles/article/add/",
            article_form(section, person, status="draft", main_image=image.pk),
        )

        assert response.status_code == 302
        assert Article.objects.get().main_image == image


def test_the_source_is_explained_with_a_newsroom_example(editor_client):
    """On the photo's page and in the story form's upload dialog alike."""
    for url in ("/admin/images/image/add/", "/admin/articles/article/add/"):
        page = BeautifulSoup(editor_client.get(url).content, "html.parser")
        template = page.select_one("template.photo-picker__dialog-template")
        if template is not None:  # the dialog's markup is the template's content
            page = BeautifulSoup(template.decode_contents(), "html.parser")
        source_help = page.select_one("[id$=source_name_helptext]").get_text(" ", strip=True)

        assert source_help == (
            "Where the photo comes from: an agency (“Reuters”), a website, or our own staff."
        ), url
        assert "kremlin" not in page.get_text().lower(), url
