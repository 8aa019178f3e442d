from datetime import timedelta

import factory
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.test import Client
from django.utils import timezone
from django.utils.text import slugify

from articles.models import Article, Byline
from authors.models import Person
from images.models import Image, Licence
from images.services import image_renditions_build
from sections.models import Section


class SectionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Section
        django_get_or_create = ("slug",)

    name = factory.Sequence(lambda n: f"Section {n}")
    slug = factory.LazyAttribute(lambda o: slugify(o.name))
    description = factory.LazyAttribute(lambda o: f"All about {o.name.lower()}.")
    position = factory.Sequence(int)


class LicenceFactory(factory.django.DjangoModelFactory):
    """The licences come from a data migration; factories reuse them by name."""

    class Meta:
        model = Licence
        django_get_or_create = ("name",)

    name = "CC BY 3.0"
    url = "https://creativecommons.org/licenses/by/3.0/"
    kind = Licence.Kind.ATTRIBUTION


class ImageFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Image
        skip_postgeneration_save = True

    file = factory.django.ImageField(width=640, height=360, color="steelblue", format="JPEG")
    alt_text = "A harbour crane against the evening sky"
    caption = "Cranes at the container terminal"
    creator = "Ada Lindqvist"
    source_name = "commons.example.org"
    source_url = "https://commons.example.org/photos/1"
    licence = factory.SubFactory(LicenceFactory)

    @factory.post_generation
    def renditions(image, create, extracted, **kwargs):
        """renditions=True builds them, as happens right after a real upload (on commit,
        which a test's transaction never reaches). Without them a photo is shown nowhere
        public. Opt-in: encoding AVIF and WebP makes a test several times slower."""
        if create and extracted:
            image_renditions_build(image=image)


class PersonFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Person

    name = factory.Sequence(lambda n: f"Reporter Number{n}")
    slug = factory.LazyAttribute(lambda o: slugify(o.name))
    role = Person.Role.AUTHOR
    job_title = "Correspondent"
    bio = "Covers the city beat."


class ArticleFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Article
        skip_postgeneration_save = True

    headline = factory.Sequence(lambda n: f"Harbour workers vote on a new contract, round {n}")
    lead = "Dock workers in the port city vote today on a pay offer that ends a month of strikes."
    body = (
        "<p>The vote opened at dawn.</p><h2>What is on the table</h2>"
        "<p>A three-year deal with a pay rise.</p>"
    )
    section = factory.SubFactory(SectionFactory)
    main_image = factory.SubFactory(ImageFactory)
    status = Article.Status.PUBLISHED
    published_at = factory.LazyFunction(lambda: timezone.now() - timedelta(hours=1))

    @factory.post_generation
    def authors(article, create, extracted, **kwargs):
        if not create:
            return
        people = extracted if extracted is not None else [PersonFactory()]
        for position, person in enumerate(people):
            Byline.objects.create(article=article, person=person, position=position)

    @factory.post_generation
    def tags(article, create, extracted, **kwargs):
        if create and extracted:
            article.tags.add(*extracted)


def newsroom_member(
    group: str,
    username: str,
    name: str | None = None,
    *,
    password="pw",
    role=None,
):
    """A staff user in the "Authors" or "Editors" group (articles/migrations/0007_roles.py)
    and, given a name, the Person their byline prints."""
    user = get_user_model().objects.create_user(username=username, password=password, is_staff=True)
    user.groups.add(Group.objects.get(name=group))
    if name:
        PersonFactory(name=name, user=user, **({"role": role} if role else {}))
    return user


def logged_in(user) -> Client:
    client = Client()
    client.force_login(user)
    return client
