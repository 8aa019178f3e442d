from datetime import timedelta

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone

from articles.models import Article
from images.models import Image, Licence
from sections.models import RESERVED_SLUGS, Section

from .factories import ArticleFactory, ImageFactory, LicenceFactory, SectionFactory

pytestmark = pytest.mark.django_db

PAST = timedelta(hours=-1)
FUTURE = timedelta(hours=1)


@pytest.mark.parametrize(
    ("status", "offset", "visible"),
    [
        (Article.Status.PUBLISHED, PAST, True),
        (Article.Status.PUBLISHED, FUTURE, False),
        (Article.Status.DRAFT, PAST, False),
        (Article.Status.DRAFT, FUTURE, False),
        (Article.Status.REVIEW, PAST, False),
    ],
)
def test_published_matrix(status, offset, visible):
    article = ArticleFactory(status=status, published_at=timezone.now() + offset)

    assert (article in Article.objects.published()) is visible
    assert article.is_published() is visible


def test_scheduled_article_appears_when_its_time_comes(monkeypatch):
    publication = timezone.now() + timedelta(hours=2)
    article = ArticleFactory(published_at=publication)
    assert not Article.objects.published().filter(pk=article.pk).exists()

    # Move the clock past the publication time; nothing else changes.
    monkeypatch.setattr(timezone, "now", lambda: publication + timedelta(seconds=1))

    assert Article.objects.published().filter(pk=article.pk).exists()
    assert Article.objects.get(pk=article.pk).is_published()


def test_publishing_without_a_time_stamps_it_now():
    article = ArticleFactory(status=Article.Status.DRAFT, published_at=None)
    article.status = Article.Status.PUBLISHED
    article.save()

    assert article.published_at is not None
    assert article.is_published()


def test_database_refuses_published_article_without_time():
    article = ArticleFactory()
    with pytest.raises(IntegrityError), transaction.atomic():
        Article.objects.filter(pk=article.pk).update(published_at=None)


def test_non_latin_headlines_keep_a_readable_slug(client):
    article = ArticleFactory(headline="Новый мост открыт", section__slug="world")

    assert article.slug == "новый-мост-открыт"
    assert client.get(article.get_absolute_url()).status_code == 200


def test_canonical_url_carries_section_id_and_slug():
    article = ArticleFactory(headline="Tide gauges record a new high", section__slug="science")

    assert article.get_absolute_url() == f"/science/{article.pk}-tide-gauges-record-a-new-high/"


def test_update_before_publication_is_refused():
    article = ArticleFactory.build(updated_at=timezone.now() - timedelta(days=2))
    with pytest.raises(ValidationError) as error:
        article.clean()
    assert "updated_at" in error.value.message_dict


@pytest.mark.parametrize("slug", sorted(RESERVED_SLUGS))
def test_reserved_section_slugs_are_refused_with_a_message(slug):
    section = Section(name=f"Section {slug}", slug=slug)
    with pytest.raises(ValidationError) as error:
        section.full_clean()
    assert "site's own pages" in " ".join(error.value.message_dict["slug"])


def test_database_refuses_reserved_section_slug():
    with pytest.raises(IntegrityError), transaction.atomic():
        Section.objects.create(name="Administration", slug="admin")


def test_ordinary_section_slug_is_accepted():
    SectionFactory.build(name="World", slug="world").full_clean()


class TestImageCredits:
    def test_image_without_creator_or_source_is_refused(self):
        image = ImageFactory.build(creator="", source_name="")
        with pytest.raises(ValidationError) as error:
            image.full_clean()
        assert "credited" in " ".join(error.value.message_dict["creator"])

    def test_database_refuses_image_without_creator_or_source(self):
        image = ImageFactory()
        with pytest.raises(IntegrityError), transaction.atomic():
            Image.objects.filter(pk=image.pk).update(creator="", source_name="")

    def test_image_without_licence_is_refused(self):
        image = ImageFactory.build(licence=None)
        with pytest.raises(ValidationError) as error:
            image.full_clean()
        assert "licence" in error.value.message_dict

    def test_database_refuses_image_without_licence(self):
        image = ImageFactory()
        with pytest.raises(IntegrityError), transaction.atomic():
            Image.objects.filter(pk=image.pk).update(licence=None)

    def test_image_without_alt_text_is_refused(self):
        image = ImageFactory.build(alt_text="")
        with pytest.raises(ValidationError) as error:
            image.full_clean()
        assert "alt_text" in error.value.message_dict

    def test_database_refuses_image_without_alt_text(self):
        image = ImageFactory()
        with pytest.raises(IntegrityError), transaction.atomic():
            Image.objects.filter(pk=image.pk).update(alt_text="")

    def test_all_rights_reserved_needs_a_holder(self):
        reserved = Licence.objects.get(name="All rights reserved")
        image = ImageFactory.build(licence=reserved, copyright_holder="")
        with pytest.raises(ValidationError) as error:
            image.full_clean()
        assert "copyright_holder" in error.value.message_dict

    def test_attribution_credit_names_source_creator_and_licence(self):
        image = ImageFactory.build(source_name="en.example.org", creator="Ada Lindqvist")
        assert image.credit_text == "Photo: en.example.org by Ada Lindqvist, CC BY 3.0"

    def test_credit_links_source_and_licence_and_escapes_names(self):
        image = ImageFactory.build(
            source_name="Harbour <Pictures>", source_url="https://pictures.example/1", creator=""
        )
        html = str(image.credit_html())
        assert (
            '<a href="https://pictures.example/1" rel="noopener">Harbour &lt;Pictures&gt;</a>'
            in html
        )
        assert 'rel="license noopener">CC BY 3.0</a>' in html
        assert image.credit_text == "Photo: Harbour <Pictures>, CC BY 3.0"

    def test_all_rights_reserved_credit_prints_the_holder(self):
        reserved = Licence.objects.get(name="All rights reserved")
        image = ImageFactory.build(licence=reserved, copyright_holder="Harbour Pictures Ltd")
        assert image.credit_text == "© Harbour Pictures Ltd"

    def test_common_licences_are_loaded_by_migration(self):
        names = set(Licence.objects.values_list("name", flat=True))
        assert {
            "CC0 1.0",
            "CC BY 2.0",
            "CC BY 3.0",
            "CC BY 4.0",
            "CC BY-SA 3.0",
            "CC BY-SA 4.0",
            "Public domain",
            "All rights reserved",
            "Used with permission",
        } <= names
        assert LicenceFactory().requires_attribution
        assert not Licence.objects.get(name="All rights reserved").requires_attribution
        assert not Licence.objects.get(name="CC0 1.0").requires_attribution
