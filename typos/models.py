from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.utils.crypto import salted_hmac

from articles.models import Article

# Keys the sender hash to SECRET_KEY and to this use alone: the same address hashes
# differently anywhere else salted_hmac is used.
SENDER_HASH_SALT = "typos.TypoReport.sender_hash"


class TypoReportQuerySet(models.QuerySet):
    def new(self):
        """Reports no editor has looked at yet."""
        return self.filter(status=TypoReport.Status.NEW)

    def visible_to(self, user):
        """Editors (who handle reports) see them all; authors read those about their own
        stories."""
        if user.has_perm("typos.change_typoreport"):
            return self
        return self.filter(article__in=Article.objects.bylined_to(user))


class TypoReport(models.Model):
    """A reader's note that the text of a published article has a mistake."""

    class Status(models.TextChoices):
        NEW = "new", "New"
        FIXED = "fixed", "Fixed"
        DISMISSED = "dismissed", "Dismissed"

    # What a reader may send, in characters; the form, the dialog and the tests use these.
    SELECTED_TEXT_MAX = 500
    CONTEXT_MAX = 1500
    COMMENT_MAX = 1000
    PAGE_URL_MAX = 500

    article = models.ForeignKey(
        "articles.Article", on_delete=models.CASCADE, related_name="typo_reports"
    )
    selected_text = models.CharField(
        max_length=SELECTED_TEXT_MAX, help_text="The words the reader selected."
    )
    context = models.TextField(
        blank=True, help_text="The text around the selection, as the reader's page showed it."
    )
    comment = models.TextField(blank=True, help_text="What the reader says is wrong, if anything.")
    page_url = models.URLField(
        "page address", max_length=PAGE_URL_MAX, help_text="The page the reader was reading."
    )
    created_at = models.DateTimeField("sent", auto_now_add=True)
    sender_hash = models.CharField(
        "sender",
        max_length=64,
        editable=False,
        help_text="A keyed hash of the sender's network address: it tells repeat senders "
        "apart without recording who they are.",
    )
    status = models.CharField(max_length=10, choices=Status, default=Status.NEW)

    objects = TypoReportQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at", "-id"]
        get_latest_by = "created_at"
        indexes = [
            models.Index(fields=["status", "-created_at"], name="typoreport_status_created"),
        ]
        constraints = [
            models.CheckConstraint(
                condition=~Q(selected_text=""),
                name="typoreport_selected_text_not_empty",
                violation_error_message="A report must quote the text with the mistake.",
            ),
            models.CheckConstraint(
                condition=Q(status__in=["new", "fixed", "dismissed"]),
                name="typoreport_status_valid",
            ),
        ]

    def __str__(self):
        return f"“{self.excerpt}” in {self.article}"

    def get_absolute_url(self):
        return self.article.get_absolute_url()

    def clean(self):
        if not self.selected_text.strip():
            raise ValidationError(
                {"selected_text": "A report must quote the text with the mistake."}
            )

    @property
    def excerpt(self) -> str:
        if len(self.selected_text) <= 60:
            return self.selected_text
        return self.selected_text[:59] + "…"

    @staticmethod
    def hash_sender(address: str) -> str:
        return salted_hmac(SENDER_HASH_SALT, address, algorithm="sha256").hexdigest()
