from django.conf import settings
from django.contrib.auth.models import AbstractUser
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _


class User(AbstractUser):
    """A login for the admin. The name printed on a byline is a Person."""


class Person(models.Model):
    class Role(models.TextChoices):
        # In the edition's language: author pages print the role where a person has no job title.
        AUTHOR = "author", _("Author")
        EDITOR = "editor", _("Editor")
        AUTHOR_AND_EDITOR = "both", _("Author and editor")

        @classmethod
        def writing_roles(cls):
            return [cls.AUTHOR, cls.AUTHOR_AND_EDITOR]

        @classmethod
        def editing_roles(cls):
            return [cls.EDITOR, cls.AUTHOR_AND_EDITOR]

    name = models.CharField(max_length=120, help_text="As printed on the byline.")
    slug = models.SlugField(
        max_length=120, unique=True, help_text="The author page's address: /authors/<slug>/."
    )
    role = models.CharField(max_length=8, choices=Role, default=Role.AUTHOR)
    job_title = models.CharField(
        max_length=120, blank=True, help_text="E.g. “Political columnist”, “Science editor”."
    )
    bio = models.TextField(blank=True, help_text="Two or three sentences for the author page.")
    photo = models.ForeignKey(
        "images.Image",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        help_text="A portrait; shown on the author page and on opinion columns.",
    )
    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="person",
        help_text="The admin login of this person, if they have one.",
    )

    class Meta:
        ordering = ["name"]
        verbose_name_plural = "people"

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("articles:author", kwargs={"slug": self.slug})

    @property
    def portrait(self):
        """The photo, unless our right to show it has run out or it has no renditions yet."""
        return self.photo if self.photo is not None and self.photo.is_public else None
