from django.core.exceptions import ValidationError
from django.db import models
from django.urls import reverse
from django.utils import translation

from newsroom.editions import KNOWN_EDITIONS

# Section fronts live at the root of the site (/world/), so a section must not
# take a slug that one of the site's own pages already answers to.
RESERVED_SLUGS = frozenset(
    {
        "about",
        "admin",
        # The language editions' prefixes: /ru/ is an edition.
        *KNOWN_EDITIONS,
        "advertising",
        "archive",
        "authors",
        "contact",
        "corrections",
        "feeds",
        "healthz",
        "media",
        "news",
        "preview",
        "rss",
        "atom",
        "search",
        "sitemap",
        "static",
        "tags",
        "typos",
        "views",
    }
)


def validate_not_reserved(slug: str) -> None:
    if slug.lower() in RESERVED_SLUGS:
        raise ValidationError(
            "“%(slug)s” is the address of one of the site's own pages; "
            "choose another slug for this section.",
            code="reserved",
            params={"slug": slug},
        )


class SectionQuerySet(models.QuerySet):
    def in_navigation(self):
        return self.filter(show_in_navigation=True)


class Section(models.Model):
    name = models.CharField(max_length=80, unique=True)
    slug = models.SlugField(
        max_length=80,
        unique=True,
        validators=[validate_not_reserved],
        help_text="The section's address: /<slug>/. Changing it moves every article in it.",
    )
    description = models.TextField(
        blank=True,
        help_text="One or two sentences shown on the section front and to search engines.",
    )
    position = models.PositiveSmallIntegerField(
        default=0, help_text="Order in the navigation bar and on the home page; lower comes first."
    )
    show_in_navigation = models.BooleanField(
        default=True, help_text="List this section in the header and as a block on the home page."
    )

    # The other editions' words for it, e.g. {"ru": {"name": "Мир", "description": "…"}};
    # an edition without its own name prints the default one.
    translations = models.JSONField(default=dict, blank=True)

    shows_columnists = models.BooleanField(
        "cards show the columnist",
        default=False,
        help_text="For opinion sections: story cards print the columnist's name and photo.",
    )

    objects = SectionQuerySet.as_manager()

    class Meta:
        ordering = ["position", "name"]
        constraints = [
            models.CheckConstraint(
                condition=~models.Q(slug__in=sorted(RESERVED_SLUGS)),
                name="section_slug_not_reserved",
                violation_error_message="This slug is reserved for one of the site's own pages.",
            ),
        ]

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("articles:section", kwargs={"section": self.slug})

    @property
    def local_name(self) -> str:
        """The name in the language of the edition being read."""
        return self._translated("name") or self.name

    @property
    def local_description(self) -> str:
        return self._translated("description") or self.description

    def _translated(self, field: str) -> str:
        return (self.translations.get(translation.get_language() or "") or {}).get(field, "")
