"""Safe uploads, renditions, focal points and rights that expire."""

import importlib
import io
import json
import struct
import zlib
from datetime import timedelta
from io import StringIO
from pathlib import Path

import feedparser
import pytest
from bs4 import BeautifulSoup
from django.apps import apps as django_apps
from django.conf import settings
from django.core.files.storage import default_storage, storages
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.test import Client
from django.utils import timezone
from PIL import Image as PILImage

from images import renditions
from images.models import Image, Licence
from images.services import image_renditions_build

from .factories import ArticleFactory, ImageFactory

pytestmark = pytest.mark.django_db

RED, BLUE = (220, 20, 20), (20, 20, 220)


def jpeg(size=(640, 360), color="steelblue", **save_options) -> bytes:
    buffer = io.BytesIO()
    PILImage.new("RGB", size, color).save(buffer, "JPEG", **save_options)
    return buffer.getvalue()


def png_header_only(width: int, height: int) -> bytes:
    """A tiny PNG that claims enormous dimensions: a decompression bomb's shape."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        return (
            struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))
        )

    header = struct.pack(">IIBBBBB", width, height, 1, 0, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", header)
        + chunk(b"IDAT", zlib.compress(b"\x00" * 64))
        + chunk(b"IEND", b"")
    )


def upload(client, content: bytes, name="photo.jpg", **fields):
    licence = Licence.objects.get(name="CC BY 4.0")
    data = {"alt_text": "A tram", "creator": "Ada", "licence": licence.pk} | fields
    data["file"] = SimpleUploadedFile(name, content, content_type="image/jpeg")
    return client.post("/admin/images/image/add/", data)


def image_change_form(client, image) -> dict:
    """The image's change form as the browser would post it back unchanged."""
    page = BeautifulSoup(
        client.get(f"/admin/images/image/{image.pk}/change/").content, "html.parser"
    )
    fields = {
        field["name"]: field.get("value", "")
        for field in page.select("#image_form input")
        if field.get("name") and field.get("type") != "file"
    }
    return fields | {
        "licence": image.licence_id,
        "alt_text": image.alt_text,
        "caption": image.caption,
    }


def media_files(settings):
    """Every stored file, public or private."""
    roots = [settings.MEDIA_ROOT, Path(storages["originals"].path(""))]
    return [path for root in roots if root.exists() for path in root.rglob("*") if path.is_file()]


class TestSafeUploads:
    @pytest.mark.parametrize(
        ("content", "message"),
        [
            (b"Dear editor, this is a text file.", "not a complete JPEG, PNG, WebP or GIF"),
            (jpeg()[:700], "not a complete JPEG, PNG, WebP or GIF"),
            (png_header_only(30_000, 30_000), "too many pixels"),
            (png_header_only(10_000, 10_000), "limit is 60 megapixels"),
        ],
        ids=["text-renamed-jpg", "truncated-jpeg", "decompression-bomb", "too-many-pixels"],
    )
    def test_bad_files_get_a_form_error_and_leave_nothing(
        self, editor_client, settings, content, message
    ):
        response = upload(editor_client, content)

        assert response.status_code == 200
        assert message in response.content.decode()
        assert not Image.objects.exists()
        assert media_files(settings) == []

    def test_oversized_file_is_refused(self, editor_client, settings):
        settings.IMAGES_MAX_UPLOAD_BYTES = 2_000
        response = upload(editor_client, jpeg(size=(1200, 800)))

        assert "the limit is 2.0\xa0KB" in response.content.decode()
        assert not Image.objects.exists()
        assert media_files(settings) == []

    def test_formats_other_than_the_four_are_refused(self, editor_client):
        buffer = io.BytesIO()
        PILImage.new("RGB", (64, 64)).save(buffer, "TIFF")
        response = upload(editor_client, buffer.getvalue(), name="scan.jpg")
        assert "TIFF files are not accepted" in response.content.decode()

    def test_credit_written_in_the_file_is_filled_in_for_the_editor(self, editor_client):
        exif = PILImage.Exif()
        exif[0x013B] = "Ines Photographer"
        exif[0x8298] = "Harbour Pictures Ltd"
        content = jpeg(exif=exif.tobytes())

        response = upload(editor_client, content, creator="")
        page = editor_client.get(response["Location"])

        image = Image.objects.get()
        assert image.creator == "Ines Photographer"
        assert image.copyright_holder == "Harbour Pictures Ltd"
        assert "Credit filled in from the photo" in page.content.decode()


def build(image) -> dict[str, PILImage.Image]:
    image_renditions_build(image=image)
    image.refresh_from_db()
    opened = {}
    for name in renditions.names(image, image.renditions_key):
        with default_storage.open(name) as file:
            picture = PILImage.open(file)
            picture.load()
        opened[name.rsplit("/", 1)[1]] = picture
    return opened


class TestRenditions:
    def test_widths_and_formats_never_wider_than_the_original(self):
        files = build(ImageFactory(file__width=1600, file__height=900))

        assert {name.rsplit(".", 1)[1] for name in files} == {"avif", "webp", "jpg"}
        originals = sorted({f.size for n, f in files.items() if n.startswith("original-")})
        assert originals == [(320, 180), (640, 360), (960, 540), (1280, 720)]
        assert files["card-960.webp"].size == (960, 540)
        assert files["square-320.avif"].size == (320, 320)
        assert files["social-1200.jpg"].size == (1200, 628)
        assert "social-1200.webp" not in files

    def test_a_rotated_camera_photo_comes_out_upright(self):
        sideways = PILImage.new("RGB", (400, 200), RED)
        sideways.paste(BLUE, (200, 0, 400, 200))  # left red, right blue
        exif = PILImage.Exif()
        exif[0x0112] = 6  # "rotate 90° clockwise to view"
        buffer = io.BytesIO()
        sideways.save(buffer, "JPEG", exif=exif.tobytes())
        image = ImageFactory(file__from_file=io.BytesIO(buffer.getvalue()), file__filename="r.jpg")

        upright = build(image)["original-200.jpg"]

        assert upright.size == (200, 400)
        assert upright.getpixel((100, 20))[0] > 150, "the red half is now on top"
        assert upright.getpixel((100, 380))[2] > 150, "the blue half at the bottom"
        image.refresh_from_db()
        assert (image.width, image.height) == (200, 400)

    def test_gps_and_camera_metadata_are_gone_from_renditions(self):
        exif = PILImage.Exif()
        exif[0x010F] = "Camera Maker"
        exif[0xA431] = "SERIAL-123"
        exif[0x8825] = {1: "N", 2: (55.0, 45.0, 0.0), 3: "E", 4: (37.0, 37.0, 0.0)}
        original = jpeg(exif=exif.tobytes())
        assert PILImage.open(io.BytesIO(original)).getexif().get_ifd(0x8825)
        image = ImageFactory(file__from_file=io.BytesIO(original), file__filename="gps.jpg")

        for name, picture in build(image).items():
            assert not picture.getexif(), name
            assert "exif" not in picture.info, name
        # The original stays as uploaded, for editors, in the private storage only.
        assert not default_storage.exists(image.file.name)
        with storages["originals"].open(image.file.name) as kept:
            assert PILImage.open(kept).getexif().get_ifd(0x8825)

    def test_the_focal_point_moves_the_crop(self):
        canvas = PILImage.new("RGB", (1600, 400), BLUE)
        canvas.paste(RED, (1400, 0, 1600, 400))  # the subject stands at the right edge
        buffer = io.BytesIO()
        canvas.save(buffer, "PNG")
        image = ImageFactory(file__from_file=io.BytesIO(buffer.getvalue()), file__filename="f.png")

        centred = build(image)["square-320.jpg"]
        image.focal_x = 0.95
        image.save()
        focused = build(image)["square-320.jpg"]

        assert centred.getpixel((300, 160))[2] > 150, "a centred crop misses the subject"
        assert focused.getpixel((300, 160))[0] > 150, "the focal point brings it in"
        storage, folder = default_storage, f"renditions/{image.pk}"
        leftovers = [
            name
            for key in storage.listdir(folder)[0]
            if key != image.renditions_key
            for name in storage.listdir(f"{folder}/{key}")[1]
        ]
        assert leftovers == [], "the old crops are deleted"

    def test_crop_box_keeps_the_focal_point_inside(self):
        assert renditions.crop_box((1600, 900), 1.0, (0.5, 0.5)) == (350, 0, 1250, 900)
        assert renditions.crop_box((1600, 900), 1.0, (0.0, 0.5)) == (0, 0, 900, 900)
        assert renditions.crop_box((1600, 900), 1.0, (1.0, 0.5)) == (700, 0, 1600, 900)
        assert renditions.crop_box((900, 1600), 16 / 9, (0.5, 0.1)) == (0, 0, 900, 506)

    def test_the_command_builds_what_is_missing_and_is_safe_to_run_twice(self):
        ImageFactory.create_batch(2)

        first, second = StringIO(), StringIO()
        call_command("renditions", stdout=first)
        call_command("renditions", stdout=second)

        # 640 × 360: originals 320 and 640, cards 320 and 640, squares 160 and 320 in three
        # formats each, and one 640 px social JPEG (the photo is narrower than 1200).
        assert "2 photos, 38 files written, 0 failed" in first.getvalue()
        assert "2 photos, 0 files written, 0 failed" in second.getvalue()
        assert "[██████████████████████████████] 2/2" in first.getvalue()


def soup(client, path):
    response = client.get(path)
    assert response.status_code == 200
    return BeautifulSoup(response.content, "html.parser")


class TestPages:
    def test_photos_are_responsive_pictures_with_their_size(self, client):
        article = ArticleFactory(main_image__file__width=1600, main_image__file__height=900)
        image_renditions_build(image=article.main_image)

        figure = soup(client, article.get_absolute_url()).select_one(".article__figure picture")
        sources = {s["type"]: s["srcset"] for s in figure.find_all("source")}
        img = figure.img

        assert set(sources) == {"image/avif", "image/webp"}
        assert sources["image/avif"].count("w,") == 3  # four widths
        assert "original-1280.avif 1280w" in sources["image/avif"]
        assert "original-1920" not in sources["image/avif"], "never wider than the original"
        assert (img["width"], img["height"]) == ("1600", "900")
        assert img["fetchpriority"] == "high"
        assert "sizes" in img.attrs and "original-320.jpg 320w" in img["srcset"]

        card = soup(client, "/news/").select_one(".card__image picture img")
        assert (card["width"], card["height"]) == ("1600", "900")
        assert card["loading"] == "lazy"
        assert "card-640.jpg 640w" in card["srcset"]

    def test_open_graph_uses_the_social_crop(self, client):
        article = ArticleFactory(main_image__file__width=1600, main_image__file__height=900)
        image_renditions_build(image=article.main_image)

        og = {
            m["property"]: m["content"]
            for m in soup(client, article.get_absolute_url()).select("meta[property]")
        }

        assert og["og:image"].endswith("/social-1200.jpg")
        assert (og["og:image:width"], og["og:image:height"]) == ("1200", "628")

    def test_an_expired_photo_vanishes_everywhere(self, client):
        article = ArticleFactory(headline="Ferry returns", main_image__renditions=True)
        Image.objects.filter(pk=article.main_image_id).update(
            usable_until=timezone.localdate() - timedelta(days=1)
        )
        url = article.get_absolute_url()
        file_url = renditions.public_file(article.main_image).url

        page = soup(client, url)
        assert page.find("figure") is None, "no photo rather than a broken one"
        assert page.find("meta", property="og:image") is None
        assert file_url not in str(page)
        assert file_url not in client.get("/").content.decode()
        feed = feedparser.parse(client.get("/rss/").content)
        assert not [link for link in feed.entries[0].links if link.rel == "enclosure"]
        assert "media_content" not in feed.entries[0]
        assert file_url not in client.get("/sitemap-articles.xml").content.decode()

    def test_a_photo_is_shown_through_its_last_day(self, client):
        article = ArticleFactory(
            main_image__usable_until=timezone.localdate(), main_image__renditions=True
        )
        assert soup(client, article.get_absolute_url()).find("figure")


class TestRightsInTheAdmin:
    def test_image_list_filters_expiring_and_expired(self, editor_client):
        today = timezone.localdate()
        ImageFactory(caption="Soon gone", usable_until=today + timedelta(days=5))
        ImageFactory(caption="Long gone", usable_until=today - timedelta(days=5))
        ImageFactory(caption="Forever")

        expiring = editor_client.get("/admin/images/image/?rights=expiring").content.decode()
        expired = editor_client.get("/admin/images/image/?rights=expired").content.decode()

        assert "Soon gone" in expiring and "Long gone" not in expiring and "Forever" not in expiring
        assert "Long gone" in expired and "Soon gone" not in expired

    def test_editors_are_warned_on_the_image_and_on_articles_using_it(self, editor_client):
        article = ArticleFactory(main_image__usable_until=timezone.localdate() + timedelta(days=3))
        image = article.main_image

        image_page = editor_client.get(f"/admin/images/image/{image.pk}/change/").content.decode()
        article_page = editor_client.get(
            f"/admin/articles/article/{article.pk}/change/"
        ).content.decode()

        for page in (image_page, article_page):
            assert "(in 3 days); after that it disappears from the site" in page

    def test_image_page_shows_credit_usage_and_the_focal_point_picker(self, editor_client):
        article = ArticleFactory(headline="Tram line opens")
        page = BeautifulSoup(
            editor_client.get(f"/admin/images/image/{article.main_image_id}/change/").content,
            "html.parser",
        )

        assert page.select_one(".focal-picker img")
        assert page.find("input", attrs={"name": "focal_x", "type": "hidden"})
        usage = page.find("a", string="Tram line opens")
        assert usage["href"] == f"/admin/articles/article/{article.pk}/change/"
        assert "Photo: commons.example.org by Ada Lindqvist, CC BY 3.0" in page.get_text()

    def test_a_new_focal_point_rebuilds_the_renditions(
        self, editor_client, django_capture_on_commit_callbacks
    ):
        image = ImageFactory()
        image_renditions_build(image=image)
        old_key = Image.objects.get(pk=image.pk).renditions_key
        data = image_change_form(editor_client, image) | {"focal_x": "0.9", "focal_y": "0.2"}

        with django_capture_on_commit_callbacks(execute=True):
            response = editor_client.post(f"/admin/images/image/{image.pk}/change/", data)

        assert response.status_code == 302
        image.refresh_from_db()
        assert (image.focal_x, image.focal_y) == (0.9, 0.2)
        assert image.renditions_key not in ("", old_key)


class TestReviewedEdgeCases:
    def test_editing_a_rotated_photo_keeps_it_upright_and_its_files_found(
        self, editor_client, client, settings
    ):
        sideways = PILImage.new("RGB", (400, 200), RED)
        exif = PILImage.Exif()
        exif[0x0112] = 6
        buffer = io.BytesIO()
        sideways.save(buffer, "JPEG", exif=exif.tobytes())
        article = ArticleFactory(
            main_image__file__from_file=io.BytesIO(buffer.getvalue()),
            main_image__file__filename="r.jpg",
        )
        image = article.main_image
        assert (image.width, image.height) == (200, 400)
        image_renditions_build(image=image)

        data = image_change_form(editor_client, image) | {"caption": "New caption"}
        assert (
            editor_client.post(f"/admin/images/image/{image.pk}/change/", data).status_code == 302
        )

        image.refresh_from_db()
        assert (image.width, image.height) == (200, 400)
        card = BeautifulSoup(client.get("/news/").content, "html.parser").select_one(
            ".card__image img"
        )
        for candidate in card["srcset"].split(", "):
            url = candidate.split()[0]
            media_prefix = "/" + settings.MEDIA_URL.strip("/") + "/"
            assert default_storage.exists(url.removeprefix(media_prefix)), url

    def test_the_uploaded_original_is_not_linked_once_renditions_exist(self, client):
        exif = PILImage.Exif()
        exif[0x8825] = {1: "N", 2: (55.0, 45.0, 0.0)}
        article = ArticleFactory(
            main_image__file__from_file=io.BytesIO(jpeg(size=(1600, 900), exif=exif.tobytes())),
            main_image__file__filename="gps.jpg",
        )
        image_renditions_build(image=article.main_image)
        original = article.main_image.file.url

        for path in (article.get_absolute_url(), "/", "/rss/", "/atom/", "/sitemap-articles.xml"):
            assert original not in client.get(path).content.decode(), path
        feed = feedparser.parse(client.get("/rss/").content)
        enclosure = next(link for link in feed.entries[0].links if link.rel == "enclosure")
        assert enclosure.href.endswith("/original-1280.jpg")

    def test_damaged_metadata_does_not_stop_an_upload(self, editor_client):
        # An APP13 (IPTC) segment with garbage in it, right after the JPEG's start marker.
        body = jpeg()
        garbage = b"Photoshop 3.0\x008BIM\x04\x04\x00\x00\x00\x00\x00\x10\x1c\x02\xff\xff\xff"
        segment = b"\xff\xed" + struct.pack(">H", len(garbage) + 2) + garbage
        response = upload(editor_client, body[:2] + segment + body[2:], creator="Ada")

        assert response.status_code == 302
        assert Image.objects.count() == 1

    def test_our_own_pixel_limit_applies_below_pillows(self, editor_client):
        response = upload(editor_client, png_header_only(8_000, 8_000))  # 64 MP
        assert "8000 × 8000 pixels; the limit is 60 megapixels" in response.content.decode()


def media_get(client, name: str):
    """What the site's own media route answers for a stored name."""
    return client.get("/" + settings.MEDIA_URL.strip("/") + "/" + name)


def gps_jpeg(size=(1600, 900)) -> bytes:
    exif = PILImage.Exif()
    exif[0x8825] = {1: "N", 2: (55.0, 45.0, 0.0), 3: "E", 4: (37.0, 37.0, 0.0)}
    return jpeg(size=size, exif=exif.tobytes())


class TestOriginalsStayPrivate:
    """Originals keep GPS and camera data and may belong to drafts: only renditions are
    public, and a photo without them is shown nowhere public."""

    def test_no_media_url_answers_with_an_uploaded_original(
        self, editor_client, client, settings, django_capture_on_commit_callbacks
    ):
        settings.SERVE_MEDIA = True
        with django_capture_on_commit_callbacks(execute=True):  # renditions, as after upload
            assert upload(editor_client, gps_jpeg()).status_code == 302
        image = Image.objects.get()
        name = image.file.name

        for path in (name, f"renditions/../{name}", "images/", name.removeprefix("images/")):
            assert media_get(client, path).status_code == 404, path
        rendition = media_get(client, renditions.public_file(image).name)
        assert rendition.status_code == 200, "the route itself serves renditions"
        assert rendition["Content-Type"] == "image/jpeg"
        served = PILImage.open(io.BytesIO(b"".join(rendition.streaming_content)))
        assert served.format == "JPEG" and not served.getexif()

    def test_the_media_route_is_silent_unless_media_serving_is_on(self, client, settings):
        image = ImageFactory(renditions=True)
        settings.SERVE_MEDIA = False
        assert media_get(client, renditions.public_file(image).name).status_code == 404

    def test_a_drafts_photo_is_reachable_by_no_public_url(self, client, settings):
        settings.SERVE_MEDIA = True
        draft = ArticleFactory(
            status="draft", published_at=None, main_image__file__from_file=io.BytesIO(gps_jpeg())
        )
        image = draft.main_image

        assert client.get(draft.get_absolute_url()).status_code == 404
        assert media_get(client, image.file.name).status_code == 404
        assert client.get(image.file.url).status_code == 404
        assert not (settings.MEDIA_ROOT / image.file.name).exists()

    def test_a_photo_without_renditions_is_shown_nowhere_public(self, client):
        # Three days old: past the news sitemap's two days, so in the articles sitemap.
        article = ArticleFactory(
            headline="Bridge reopens",
            main_image__caption="Cars again",
            published_at=timezone.now() - timedelta(days=3),
        )
        image = article.main_image
        assert not image.renditions_key
        original = image.file.name.rsplit("/", 1)[1]

        page = soup(client, article.get_absolute_url())
        assert [img["src"] for img in page.find_all("img")] == ["/static/img/logo.svg"]
        assert page.find("figure") is None, "no caption or credit for a photo not shown"
        assert page.find("meta", property="og:image") is None
        linked_data = [
            json.loads(s.string) for s in page.select("script[type='application/ld+json']")
        ]
        assert "image" not in next(d for d in linked_data if d["@type"] == "NewsArticle")
        for path in ("/", "/news/", article.section.get_absolute_url(), "/rss/", "/atom/"):
            body = client.get(path).content.decode()
            assert original not in body and "/images/" not in body, path
        feed = feedparser.parse(client.get("/rss/").content)
        assert not [link for link in feed.entries[0].links if link.rel == "enclosure"]
        assert "media_content" not in feed.entries[0]
        sitemap = client.get("/sitemap-articles.xml").content.decode()
        assert article.get_absolute_url() in sitemap, "the story is listed, its photo not"
        assert "image:image" not in sitemap and original not in sitemap


class TestOriginalsInTheAdmin:
    def test_list_thumbnails_are_small_renditions_or_a_processing_note(self, editor_client):
        built = ArticleFactory(main_image__caption="Built", main_image__renditions=True)
        waiting = ArticleFactory(main_image__caption="Waiting")

        for page in ("/admin/images/image/", "/admin/articles/article/"):
            rows = BeautifulSoup(editor_client.get(page).content, "html.parser").select(
                "#result_list tbody tr"
            )
            by_photo = {
                row.find("img")["src"] if row.find("img") else row.get_text(): row for row in rows
            }
            thumbnails = [src for src in by_photo if src.startswith("/")]
            assert thumbnails == [
                f"/media/renditions/{built.main_image_id}/"
                f"{built.main_image.renditions_key}/square-160.jpg"
            ], page
            assert any("Processing" in text for text in by_photo), page
            assert waiting.main_image.file.name.rsplit("/", 1)[1] not in str(rows), page

    def test_the_original_is_shown_to_editors_only_and_never_cached(
        self, editor_client, django_user_model
    ):
        original = gps_jpeg(size=(320, 200))
        image = ImageFactory(file__from_file=io.BytesIO(original), file__filename="gps.jpg")
        url = f"/admin/images/image/{image.pk}/original/"
        intern = django_user_model.objects.create_user(username="intern", is_staff=True)
        reader = django_user_model.objects.create_user(username="reader")

        client = Client()  # editor_client is the default client, signed in
        assert client.get(url).status_code == 302, "anonymous: to the sign-in page"
        client.force_login(reader)
        assert client.get(url).status_code == 302, "not staff: to the sign-in page"
        client.force_login(intern)
        assert client.get(url).status_code == 403, "staff without images.view_image"
        response = editor_client.get(url)
        assert response.status_code == 200
        assert response["Content-Type"] == "image/jpeg"
        assert "private" in response["Cache-Control"]
        assert b"".join(response.streaming_content) == original

    def test_the_change_form_shows_the_original_through_the_admin_only(self, editor_client):
        image = ImageFactory(renditions=True)
        page = BeautifulSoup(
            editor_client.get(f"/admin/images/image/{image.pk}/change/").content, "html.parser"
        )
        private = f"/admin/images/image/{image.pk}/original/"

        assert page.select_one(".focal-picker img")["src"] == private
        assert page.find("a", href=private, string=image.file.name)
        assert image.file.name.rsplit("/", 1)[1] not in str(page).replace(image.file.name, "")
        assert "/media/images/" not in str(page)


class TestMovingOriginals:
    @pytest.fixture
    def migration(self):
        return importlib.import_module("images.migrations.0007_originals_private_storage")

    def test_originals_move_out_of_the_public_storage_under_the_same_names(self, migration):
        image = ImageFactory(file__from_file=io.BytesIO(gps_jpeg()), file__filename="old.jpg")
        name, private = image.file.name, storages["originals"]
        with private.open(name) as file:  # where an installation before the move kept it
            assert default_storage.save(name, file) == name
        private.delete(name)

        migration.originals_to_private_storage(django_apps, None)

        assert not default_storage.exists(name)
        image.refresh_from_db()
        assert image.file.name == name
        with image.file.open() as moved:
            assert PILImage.open(moved).getexif().get_ifd(0x8825)

    def test_moving_is_a_no_op_without_photos(self, settings, migration):
        migration.originals_to_private_storage(django_apps, None)
        migration.originals_back_to_default_storage(django_apps, None)
        assert media_files(settings) == []
