from django.db import models
from django.urls import reverse


class ImportedItemQuerySet(models.QuerySet):
    def from_site(self, source: str):
        return self.filter(source=source)

    def licence_to_review(self):
        """Imported photos whose licence nobody has checked yet."""
        return self.filter(kind=ImportedItem.Kind.ATTACHMENT, licence_to_review=True)


class ImportedItem(models.Model):
    """What one WordPress item became here: a second import updates it, never duplicates it."""

    class Kind(models.TextChoices):
        POST = "post", "Story"
        ATTACHMENT = "attachment", "Photo"
        AUTHOR = "author", "Person"
        CATEGORY = "category", "Section"

        @property
        def admin_name(self) -> str:
            """The admin's URL name of what this kind becomes."""
            return {
                "post": "articles_article",
                "attachment": "images_image",
                "author": "authors_person",
                "category": "sections_section",
            }[self.value]

    source = models.CharField(
        max_length=200, help_text="The WordPress site's address, as its export names it."
    )
    kind = models.CharField(max_length=12, choices=Kind)
    wordpress_id = models.CharField(
        "WordPress id",
        max_length=200,
        help_text="The post's or photo's number, the author's login, the category's slug.",
    )
    object_id = models.PositiveBigIntegerField(help_text="The story, photo, person or section.")
    # The item as last imported: an import that finds it unchanged leaves the story alone.
    fingerprint = models.CharField(max_length=64, blank=True, editable=False)
    # The story's version right after the import: a higher one means editors changed it
    # here since, and a later import leaves it as they left it.
    version = models.PositiveIntegerField(null=True, blank=True, editable=False)
    licence_to_review = models.BooleanField(
        default=False,
        help_text="WordPress exports no licence: the photo was imported as “All rights "
        "reserved”. Check the rights, set the licence on the photo, then untick this.",
    )
    note = models.CharField(max_length=300, blank=True, help_text="What the import noticed.")
    imported_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = ImportedItemQuerySet.as_manager()

    class Meta:
        ordering = ["-updated_at", "-id"]
        get_latest_by = "updated_at"
        verbose_name = "item imported from WordPress"
        verbose_name_plural = "items imported from WordPress"
        constraints = [
            models.UniqueConstraint(
                fields=["source", "kind", "wordpress_id"], name="imported_item_once"
            ),
        ]
        indexes = [models.Index(fields=["kind", "object_id"], name="imported_item_object")]

    def __str__(self):
        return f"{self.get_kind_display()} from WordPress #{self.wordpress_id}"

    def get_admin_url(self) -> str:
        """The admin page of what the item became."""
        admin_name = self.Kind(self.kind).admin_name
        return reverse(f"admin:{admin_name}_change", args=[self.object_id])
