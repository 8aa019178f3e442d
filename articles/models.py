import re
from datetime import datetime, timedelta

from django.conf import settings
from django.contrib.postgres.expressions import ArraySubquery
from django.contrib.postgres.search import (
    SearchHeadline,
    SearchQuery,
    SearchRank,
    SearchVectorField,
)
from django.core import signing
from django.core.exceptions import ValidationError
from django.db import connections, models
from django.db.models import (
    Case,
    Exists,
    F,
    Func,
    OuterRef,
    Prefetch,
    Q,
    Subquery,
    Sum,
    When,
    Window,
)
from django.db.models.expressions import RawSQL
from django.db.models.functions import Coalesce, Concat, RowNumber
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.functional import cached_property
from django.utils.text import slugify
from django_prose_editor.fields import ProseEditorField
from simple_history.models import HistoricalRecords
from taggit.managers import TaggableManager
from taggit.models import Tag, TaggedItemBase

from authors.models import Person
from images.models import Image
from newsroom.editions import (
    current_edition,
    default_edition,
    edition,
    edition_choices,
    edition_codes,
    edition_position,
)
from sections.models import Section

from .history import RevisionRecord
from .sanitize import sanitize_html

# Matches ranked per search, newest first: ten pages of results.
SEARCH_LIMIT = 200
# Stories of each kind (sharing a tag, in the same section) ranked for "Related".
RELATED_CANDIDATES = 100
# Private-use characters mark the matched words in snippets; the template turns
# them into <mark> after escaping everything else.
HIGHLIGHT_START, HIGHLIGHT_STOP = "\ue000", "\ue001"


class StripTags(models.Func):
    """PostgreSQL: the text of an HTML column, tags replaced by spaces."""

    function = "REGEXP_REPLACE"
    template = "%(function)s(%(expressions)s, '<[^>]+>', ' ', 'g')"
    output_field = models.TextField()


def next_month(start: datetime) -> datetime:
    """The first instant of the local month after the one starting at start."""
    year, month = (start.year + 1, 1) if start.month == 12 else (start.year, start.month + 1)
    return timezone.make_aware(datetime(year, month, 1), start.tzinfo)


def month_starts(since: datetime, until: datetime) -> list[datetime]:
    """The first instants of the local months from since's to until's, oldest first."""
    since, until = timezone.localtime(since), timezone.localtime(until)
    start = timezone.make_aware(datetime(since.year, since.month, 1), since.tzinfo)
    starts = []
    while start <= until:
        starts.append(start)
        start = next_month(start)
    return starts


def mark_matches(articles, query: str) -> None:
    """Mark the query's words in search results' `headline_marked` and `snippet` where the
    database did not: SQLite's stand-in for ts_headline, the words that contain what was
    typed, in any case."""
    if connections[articles.db].vendor == "postgresql":
        return
    words = sorted(set(query.lower().split()), key=len, reverse=True)
    if not words:
        return
    # The whole word around a match ("elections" for "election"), as a reader reads it.
    pattern = re.compile(
        r"\w*(?:" + "|".join(re.escape(word) for word in words) + r")\w*", re.IGNORECASE
    )

    def mark(text: str) -> str:
        return pattern.sub(lambda match: HIGHLIGHT_START + match[0] + HIGHLIGHT_STOP, text)

    for article in articles:
        article.headline_marked = mark(article.headline_marked)
        article.snippet = mark(article.snippet)


class ArticleQuerySet(models.QuerySet):
    def in_edition(self, code: str | None = None):
        """Stories of one edition: the request's own unless another is named."""
        return self.filter(language=code or current_edition().code)

    def published(self):
        """The only door to public content: published, its time has come and not yet gone.

        Scheduling and expiry need no background job: the clock alone decides.
        """
        now = timezone.now()
        return self.filter(
            Q(expires_at__isnull=True) | Q(expires_at__gt=now),
            status=Article.Status.PUBLISHED,
            published_at__lte=now,
        )

    def in_section(self, section: Section):
        return self.filter(section=section)

    def breaking(self):
        """Stories flagged as breaking news whose end time has not come, newest first."""
        return self.filter(breaking_until__gt=timezone.now()).order_by("-published_at", "-id")

    def by_author(self, person: Person):
        return self.filter(bylines__person=person)

    def by_person(self, person: Person):
        """Stories the person wrote or edited."""
        bylined = Byline.objects.filter(person=person).values("article")
        return self.filter(Q(pk__in=bylined) | Q(editor=person))

    def tagged(self, tag):
        return self.filter(tags=tag)

    def bylined_to(self, user):
        """Stories whose byline names the user (through their Person): an author's own."""
        if user.pk is None:
            return self.none()  # else it would match the bylines of people with no login
        return self.filter(
            Exists(Byline.objects.filter(article=OuterRef("pk"), person__user_id=user.pk))
        )

    def in_progress(self):
        """Not published yet: being written, or waiting for an editor."""
        return self.filter(status__in=[Article.Status.DRAFT, Article.Status.REVIEW])

    def scheduled(self):
        """Published stories whose time has not come yet, soonest first."""
        return self.filter(
            status=Article.Status.PUBLISHED, published_at__gt=timezone.now()
        ).order_by("published_at", "id")

    def awaiting_review(self):
        """Stories submitted for review, the longest waiting first, each with `submitted_at`.

        The submission time is that of the first revision of the current run in review
        (a story sent back and submitted again waits from the second submission);
        stories without revisions (bulk-loaded) fall back to their last change.
        """
        revisions = Article.history.model.objects
        left_review_later = revisions.filter(
            id=OuterRef("id"), history_date__gt=OuterRef("history_date")
        ).exclude(status=Article.Status.REVIEW)
        submitted = (
            revisions.filter(id=OuterRef("pk"), status=Article.Status.REVIEW)
            .exclude(Exists(left_review_later))
            .order_by("history_date")
            .values("history_date")[:1]
        )
        return (
            self.filter(status=Article.Status.REVIEW)
            .annotate(submitted_at=Coalesce(Subquery(submitted), F("modified_at")))
            .order_by("submitted_at", "id")
        )

    def for_cards(self):
        """Everything a card prints, fetched in a constant number of queries."""
        return self.select_related("section", "main_image__licence").prefetch_related(
            Prefetch(
                "bylines",
                queryset=Byline.objects.select_related("person__photo").order_by("position"),
            )
        )

    def top_story(self):
        """The pinned or newest story, preferring one with a photo to lead the page."""
        leading_first = self.order_by("-is_pinned", "-published_at")
        with_photo = leading_first.filter(main_image__in=Image.objects.public())
        return with_photo.first() or leading_first.first()

    def latest_per_section(self, *, per_section: int):
        """The newest `per_section` stories of every section, in one query.

        On PostgreSQL each section's newest ids come from its own index walk (an array
        subquery per section, unnested), so the cost does not grow with the archive;
        the window that ranks them then sees only those few rows.
        """
        stories = self
        if connections[self.db].vendor == "postgresql":
            newest_ids = ArraySubquery(
                self.filter(section_id=OuterRef("pk"))
                .order_by("-published_at", "-id")
                .values("pk")[:per_section]
            )
            candidates = Section.objects.annotate(
                story_id=Func(newest_ids, function="UNNEST")
            ).values("story_id")
            stories = self.filter(pk__in=candidates)
        newest_first = Window(
            RowNumber(), partition_by=F("section_id"), order_by=F("published_at").desc()
        )
        return (
            stories.annotate(rank_in_section=newest_first)
            .filter(rank_in_section__lte=per_section)
            .order_by("section__position", "section__name", "rank_in_section")
        )

    def months_with_stories(self, *, since: datetime, until: datetime) -> list[datetime]:
        """The local months from since to until that hold at least one of these stories,
        oldest first, in two queries whatever the size of the archive.

        One EXISTS per month, each an index probe that stops at its first story, where
        grouping by month would read every story of the archive.
        """
        starts = month_starts(since, until)
        if not starts:
            return []
        if connections[self.db].vendor == "postgresql":
            return self._months_with_stories_postgresql(starts)
        ends = [*starts[1:], next_month(starts[-1])]
        months = self.order_by()
        flags = {
            f"month_{index}": Exists(months.filter(published_at__gte=start, published_at__lt=end))
            for index, (start, end) in enumerate(zip(starts, ends, strict=True))
        }
        row = Article.objects.order_by().annotate(**flags).values(*flags).first()
        if row is None:
            return []
        return [start for index, start in enumerate(starts) if row[f"month_{index}"]]

    def _months_with_stories_postgresql(self, starts: list[datetime]) -> list[datetime]:
        """The same in one statement: a series of local months, each probed by EXISTS.

        Building a hundred EXISTS expressions through the ORM cost more Python time than
        the probes themselves; here the probe is compiled once and the database repeats
        it per month. Months are local wall-clock ones, made instants by AT TIME ZONE.
        """
        zone = timezone.get_current_timezone_name()
        month_start = RawSQL('("months"."start" AT TIME ZONE %s)', [zone])
        month_end = RawSQL('(("months"."start" + interval \'1 month\') AT TIME ZONE %s)', [zone])
        probe = self.order_by().filter(published_at__gte=month_start, published_at__lt=month_end)
        sql, params = probe.values("pk").query.sql_with_params()
        first, last = (timezone.make_naive(start) for start in (starts[0], starts[-1]))
        with connections[self.db].cursor() as cursor:
            cursor.execute(
                'SELECT "months"."start" FROM generate_series('
                '%s::timestamp, %s::timestamp, interval \'1 month\') AS "months"("start") '
                f'WHERE EXISTS ({sql}) ORDER BY "months"."start"',
                [first, last, *params],
            )
            return [timezone.make_aware(start) for (start,) in cursor.fetchall()]

    def most_viewed(self, *, since: datetime):
        return (
            self.filter(hourly_views__hour__gte=since)
            .annotate(recent_views=Sum("hourly_views__views"))
            .order_by("-recent_views", "-published_at")
        )

    def search(self, query: str):
        """The newest SEARCH_LIMIT stories matching the query, best first, each with a
        `snippet` of its text.

        Ranking every match of a common word would cost in proportion to the archive;
        a reader wants the recent ones, so only the newest matches are ranked. On
        PostgreSQL: full-text search with English stemming over the stored, weighted
        vector (headline A, lead B, body C). Elsewhere: every word must appear in the
        headline, lead or body.
        """
        if connections[self.db].vendor == "postgresql":
            # Each story's vector was built with its edition's stemmer (migration 0015's
            # trigger); the query is stemmed by the reader's edition.
            config = current_edition().search_config
            search_query = SearchQuery(query, search_type="websearch", config=config)
            return (
                self.filter(pk__in=self.newest_matches(Q(search_vector=search_query)))
                .annotate(
                    rank=SearchRank(F("search_vector"), search_query),
                    headline_marked=SearchHeadline(
                        "headline",
                        search_query,
                        config=config,
                        start_sel=HIGHLIGHT_START,
                        stop_sel=HIGHLIGHT_STOP,
                        highlight_all=True,
                    ),
                    # The lead first: where the match is there, the reader sees the
                    # sentence that sums the story up.
                    snippet=SearchHeadline(
                        Concat(
                            F("lead"),
                            models.Value(" "),
                            StripTags("body"),
                            output_field=models.TextField(),
                        ),
                        search_query,
                        config=config,
                        start_sel=HIGHLIGHT_START,
                        stop_sel=HIGHLIGHT_STOP,
                        max_words=40,
                        min_words=20,
                        max_fragments=2,
                        fragment_delimiter=" … ",
                    ),
                )
                .order_by("-rank", "-published_at")
            )
        matches = Q()
        for word in query.split():
            matches &= (
                Q(headline__icontains=word) | Q(lead__icontains=word) | Q(body__icontains=word)
            )
        return self.filter(pk__in=self.newest_matches(matches)).annotate(
            headline_marked=F("headline"), snippet=F("lead")
        )

    def newest_matches(self, matches: Q):
        """Ids of the newest SEARCH_LIMIT stories matching: a walk down the newest-first
        index for a common word, the full-text index for a rare one."""
        return self.filter(matches).order_by("-published_at", "-id").values("pk")[:SEARCH_LIMIT]

    def related_to(self, article: "Article", tag_ids: list[int]):
        """Stories sharing a tag with the article or in its section: the most tags shared
        first, then newest first, each with `shared_tags`.

        Only the newest RELATED_CANDIDATES of each kind are ranked: counting shared tags
        over every story of a common tag would cost in proportion to the archive, and a
        reader wants recent stories anyway.
        """
        others = self.exclude(pk=article.pk)
        newest = ("-published_at", "-id")
        in_section = (
            others.filter(section_id=article.section_id)
            .order_by(*newest)
            .values("pk")[:RELATED_CANDIDATES]
        )
        candidates = Q(pk__in=in_section)
        shared_tags = models.Value(0)
        if tag_ids:
            sharing = TaggedArticle.objects.filter(tag_id__in=tag_ids)
            tagged = (
                others.filter(Exists(sharing.filter(content_object=OuterRef("pk"))))
                .order_by(*newest)
                .values("pk")[:RELATED_CANDIDATES]
            )
            if connections[self.db].features.supports_slicing_ordering_in_compound:
                # One list of candidate ids (a UNION), found by primary key: two IN lists
                # joined by OR made PostgreSQL scan the whole archive (280 ms at 100 000).
                candidates = Q(pk__in=in_section.union(tagged, all=True))
            else:  # SQLite allows no LIMIT inside a UNION
                candidates |= Q(pk__in=tagged)
            shared_tags = Coalesce(
                Subquery(
                    sharing.filter(content_object=OuterRef("pk"))
                    .order_by()
                    .values("content_object")
                    .annotate(shared=models.Count("pk"))
                    .values("shared")
                ),
                0,
            )
        return (
            others.filter(candidates)
            .annotate(shared_tags=shared_tags)
            .order_by("-shared_tags", *newest)
        )


class Article(models.Model):
    class Status(models.TextChoices):
        DRAFT = "draft", "Draft"
        REVIEW = "review", "Ready for review"
        PUBLISHED = "published", "Published"

    headline = models.CharField(max_length=200)
    language = models.CharField(
        "edition",
        max_length=8,
        choices=edition_choices,
        default=default_edition,
        help_text="The language edition the story appears in.",
    )
    # Stories sharing a key are translations of one another (one per edition); a story
    # gets its key when it is first linked to a translation.
    translation_key = models.UUIDField(null=True, blank=True, editable=False)
    slug = models.SlugField(
        max_length=200,
        blank=True,
        allow_unicode=True,
        help_text="The readable part of the address. Made from the headline if left empty; "
        "old addresses keep working when it changes.",
    )
    lead = models.TextField(
        max_length=600,
        help_text="One or two sentences under the headline: what happened and why it matters.",
    )
    body = ProseEditorField(
        extensions={
            "Bold": True,
            "Italic": True,
            "Strike": True,
            "Subscript": True,
            "Superscript": True,
            "Heading": {"levels": [2, 3]},
            "BulletList": True,
            "OrderedList": True,
            "ListItem": True,
            "Blockquote": True,
            "HorizontalRule": True,
            "Link": {"enableTarget": False, "protocols": ["http", "https", "mailto"]},
            "HardBreak": True,
        },
        sanitize=sanitize_html,
        help_text="Use “Heading 2” for subheadings.",
    )
    section = models.ForeignKey(Section, on_delete=models.PROTECT, related_name="articles")
    authors = models.ManyToManyField(Person, through="Byline", related_name="articles")
    editor = models.ForeignKey(
        Person,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="edited_articles",
        limit_choices_to={"role__in": Person.Role.editing_roles()},
        help_text="Printed as “Editor” under the article.",
    )
    main_image = models.ForeignKey(
        "images.Image",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="articles",
        help_text="Shown at the top of the article and on cards.",
    )
    main_image_caption = models.CharField(
        "caption override",
        max_length=400,
        blank=True,
        help_text="Leave empty to print the photo's own caption.",
    )
    tags = TaggableManager(through="TaggedArticle", blank=True)
    is_pinned = models.BooleanField(
        "pin as top story",
        default=False,
        help_text="Lead the home page with this story. The newest pinned story with a photo wins; "
        "with none pinned, the newest story with a photo leads.",
    )
    status = models.CharField(max_length=10, choices=Status, default=Status.DRAFT)
    published_at = models.DateTimeField(
        "publication time",
        null=True,
        blank=True,
        db_index=True,
        help_text="A published article appears at this time; a future time schedules it. "
        "Left empty, it is set when the article is published.",
    )
    expires_at = models.DateTimeField(
        "expires",
        null=True,
        blank=True,
        help_text="Optional. The story leaves the public site by itself at this time "
        "(embargoed or time-limited material).",
    )
    updated_at = models.DateTimeField(
        "updated",
        null=True,
        blank=True,
        help_text="Set when the story changes materially after publication; printed as “Updated”.",
    )
    breaking_until = models.DateTimeField(
        "breaking news until",
        null=True,
        blank=True,
        help_text="While the story is published and this time has not come, a “Breaking” "
        "banner on every page of the site links to it. It goes away by itself at this time.",
    )
    live_from = models.DateTimeField(
        "live coverage from",
        null=True,
        blank=True,
        help_text="Makes the story a live blog: timestamped updates (added below) appear "
        "on its page without readers reloading it.",
    )
    live_until = models.DateTimeField(
        "live coverage ended",
        null=True,
        blank=True,
        help_text="When coverage ends the page stops refreshing and says so; the updates stay. "
        "Leave empty while coverage goes on.",
    )
    created_at = models.DateTimeField(auto_now_add=True)
    modified_at = models.DateTimeField(auto_now=True)
    # Kept current by a PostgreSQL trigger on every insert and update (see the
    # migration that creates it); unused on SQLite.
    search_vector = SearchVectorField(null=True, editable=False)
    # Optimistic locking: every save bumps it; a save from an older version is refused.
    version = models.PositiveIntegerField(default=1)

    objects = ArticleQuerySet.as_manager()
    # The version is excluded so that restoring a revision saves over the current version.
    # RevisionRecord adds the byline, tags, corrections and preview links of each revision.
    history = HistoricalRecords(
        excluded_fields=["search_vector", "modified_at", "version", "translation_key"],
        bases=[RevisionRecord],
    )

    class Meta:
        ordering = ["-published_at", "-id"]
        get_latest_by = "published_at"
        indexes = [
            models.Index(fields=["status", "-published_at"], name="article_status_published"),
            models.Index(fields=["section", "-published_at"], name="article_section_published"),
            # The public listings of an edition, newest first, over published() rows
            # only. The expiry rides along so that a listing's count is an index-only scan.
            models.Index(
                fields=["language", "-published_at", "-id"],
                include=["expires_at"],
                condition=Q(status="published"),
                name="article_live_edition_newest",
            ),
            models.Index(
                fields=["language", "section", "-published_at", "-id"],
                include=["expires_at"],
                condition=Q(status="published"),
                name="article_live_edition_section",
            ),
            # The home page's lead: pinned first, then newest, without sorting the archive.
            models.Index(
                fields=["language", "-is_pinned", "-published_at"],
                condition=Q(status="published"),
                name="article_live_edition_top",
            ),
            # The sitemap index's last change: the latest update of a published story.
            models.Index(
                fields=["-updated_at"],
                condition=Q(status="published", updated_at__isnull=False),
                name="article_live_updated",
            ),
            # The next expiry, which caps every cached page's lifetime; few stories have one.
            models.Index(
                fields=["expires_at"],
                condition=Q(expires_at__isnull=False),
                name="article_expiring",
            ),
            # The same for the banner's end and live coverage's start and end (few have one).
            models.Index(
                fields=["breaking_until"],
                condition=Q(breaking_until__isnull=False),
                name="article_breaking",
            ),
            models.Index(
                fields=["live_from"], condition=Q(live_from__isnull=False), name="article_live_from"
            ),
            models.Index(
                fields=["live_until"],
                condition=Q(live_until__isnull=False),
                name="article_live_until",
            ),
        ]
        constraints = [
            models.UniqueConstraint(
                fields=["translation_key", "language"],
                name="article_one_translation_per_edition",
                violation_error_message="The story already has a translation in that edition.",
            ),
            models.CheckConstraint(
                condition=~Q(status="published") | Q(published_at__isnull=False),
                name="article_published_has_time",
                violation_error_message="A published article needs a publication time.",
            ),
            models.CheckConstraint(
                condition=Q(expires_at__isnull=True)
                | Q(published_at__isnull=True)
                | Q(expires_at__gt=F("published_at")),
                name="article_expires_after_publication",
                violation_error_message="A story must expire after it is published.",
            ),
            models.CheckConstraint(
                condition=Q(live_until__isnull=True)
                | (Q(live_from__isnull=False) & Q(live_until__gte=F("live_from"))),
                name="article_live_ends_after_start",
                violation_error_message="Live coverage must start before it ends.",
            ),
        ]
        permissions = [("publish_article", "Can publish, schedule and unpublish articles")]

    def __str__(self):
        return self.headline

    def save(self, *args, **kwargs):
        self.derive_fields()
        if self.pk:
            self.version += 1
            if kwargs.get("update_fields") is not None:
                kwargs["update_fields"] = {*kwargs["update_fields"], "version"}
        super().save(*args, **kwargs)

    def get_absolute_url(self):
        # In the story's own edition, whichever edition (or the admin) asks.
        with translation.override(self.language):
            return reverse(
                "articles:detail",
                kwargs={"section": self.section.slug, "pk": self.pk, "slug": self.slug},
            )

    @property
    def edition(self):
        return edition(self.language)

    @cached_property
    def translations(self) -> list["Article"]:
        """The story's translations in the installation's other editions, published or
        not, in the editions' order; one query, and none for a story never linked."""
        if self.translation_key is None:
            return []
        others = (
            Article.objects.filter(
                translation_key=self.translation_key, language__in=edition_codes()
            )
            .exclude(pk=self.pk)
            .select_related("section")
        )
        return sorted(others, key=lambda story: edition_position(story.language))

    @property
    def published_translations(self) -> list["Article"]:
        """The translations a reader may be sent to."""
        return [story for story in self.translations if story.is_published()]

    @property
    def language_versions(self) -> list["Article"]:
        """The published story and its published translations, in the editions' order:
        the versions its page names with hreflang. Empty when it has no translation out."""
        translations = self.published_translations
        if not translations or not self.is_published():
            return []
        return sorted([self, *translations], key=lambda story: edition_position(story.language))

    def clean(self):
        super().clean()
        self.derive_fields()  # so the form validates what will be saved
        if self.expires_at and self.published_at and self.expires_at <= self.published_at:
            raise ValidationError({"expires_at": "A story must expire after it is published."})
        if self.updated_at and self.published_at and self.updated_at < self.published_at:
            raise ValidationError({"updated_at": "An update cannot come before publication."})
        if self.live_until and (self.live_from is None or self.live_until < self.live_from):
            raise ValidationError(
                {"live_until": "Live coverage must start before it ends: set when it started."}
            )

    def derive_fields(self):
        """What save() fills in; bulk_create() callers call it themselves."""
        self.slug = self.slug or slugify(self.headline, allow_unicode=True)[:200] or "article"
        self.body = sanitize_html(self.body)
        if self.status == self.Status.PUBLISHED and self.published_at is None:
            self.published_at = timezone.now()

    def is_published(self) -> bool:
        now = timezone.now()
        return (
            self.status == self.Status.PUBLISHED
            and self.published_at is not None
            and self.published_at <= now
            and (self.expires_at is None or self.expires_at > now)
        )

    def now_reading(self, *, limit: int) -> list["Article"]:
        """What readers of the story's edition read in the last hour; related stories fill
        in when traffic is thin."""
        others = (
            Article.objects.published()
            .in_edition(self.language)
            .exclude(pk=self.pk)
            .select_related("section")
        )
        reading = list(others.most_viewed(since=HourlyViews.since(hours=1))[:limit])
        if len(reading) < limit:
            tag_ids = [tag.pk for tag in self.tags.all()]
            reading += (
                others.related_to(self, tag_ids)
                .exclude(pk__in=[article.pk for article in reading])
                .order_by("-published_at")[: limit - len(reading)]
            )
        return reading

    def related(self, *, limit: int) -> list["Article"]:
        """Published stories of its edition to read next, the most tags in common first, then
        the newest of the section; in one query, with what their cards print (photo, section)."""
        tag_ids = [tag.pk for tag in self.tags.all()]  # prefetched on the article page
        return list(
            Article.objects.published()
            .in_edition(self.language)
            .related_to(self, tag_ids)
            .select_related("section", "main_image")
            .defer("body", "search_vector")[:limit]
        )

    def is_bylined(self, user) -> bool:
        """Whether the user's byline is on the story (authors may edit only their own)."""
        if "bylines" in getattr(self, "_prefetched_objects_cache", {}):
            # Lists (the desk) ask this of every row: no query per row.
            return any(byline.person.user_id == user.pk for byline in self.bylines.all())
        return user.pk is not None and self.bylines.filter(person__user_id=user.pk).exists()

    def set_byline(self, people: list[Person]) -> None:
        """The byline becomes these people, in this order (rows kept where they can be)."""
        wanted = [person.pk for person in people]
        self.bylines.exclude(person_id__in=wanted).delete()
        for position, person_id in enumerate(wanted):
            Byline.objects.update_or_create(
                article=self, person_id=person_id, defaults={"position": position}
            )

    @property
    def publication_state(self) -> str:
        """The status as an editor needs it: a published story may be waiting or gone."""
        if self.status == self.Status.PUBLISHED and not self.is_published():
            if self.published_at > timezone.now():
                return f"Scheduled for {timezone.localtime(self.published_at):%-d %b %Y, %H:%M}"
            return f"Expired {timezone.localtime(self.expires_at):%-d %b %Y, %H:%M}"
        return self.get_status_display()

    @property
    def photo(self) -> Image | None:
        """The main photo, unless our right to show it has run out or its renditions (the
        only public files) are not built yet."""
        image = self.main_image
        return image if image is not None and image.is_public else None

    @property
    def caption(self) -> str:
        return self.main_image_caption or (self.main_image.caption if self.main_image else "")

    @property
    def is_live_blog(self) -> bool:
        """A story told in timestamped updates (live coverage, running or ended)."""
        return self.live_from is not None

    @property
    def is_live_now(self) -> bool:
        """Coverage is running: the page polls for new updates."""
        now = timezone.now()
        return (
            self.live_from is not None
            and self.live_from <= now
            and (self.live_until is None or self.live_until > now)
        )

    @property
    def coverage_ended(self) -> bool:
        return self.live_until is not None and self.live_until <= timezone.now()

    @property
    def was_updated(self) -> bool:
        return bool(self.updated_at and self.published_at and self.updated_at > self.published_at)

    @property
    def columnist(self) -> Person | None:
        """The first name on the byline (uses the prefetched bylines)."""
        bylines = list(self.bylines.all())
        return bylines[0].person if bylines else None


class Byline(models.Model):
    article = models.ForeignKey(Article, on_delete=models.CASCADE, related_name="bylines")
    person = models.ForeignKey(
        Person,
        on_delete=models.PROTECT,
        related_name="bylines",
        limit_choices_to={"role__in": Person.Role.writing_roles()},
        db_index=False,  # byline_person_article below serves lookups by person
    )
    position = models.PositiveSmallIntegerField(default=0)

    class Meta:
        ordering = ["position", "id"]
        constraints = [
            models.UniqueConstraint(fields=["article", "person"], name="byline_person_once"),
        ]
        indexes = [
            # A person's stories in key order: "has this person a published story?" is
            # a merge of two index walks that stops at the first one.
            models.Index(fields=["person", "article"], name="byline_person_article"),
        ]

    def __str__(self):
        return self.person.name


class TaggedArticle(TaggedItemBase):
    content_object = models.ForeignKey(Article, on_delete=models.CASCADE)

    class Meta:
        verbose_name = "tag"
        constraints = [
            models.UniqueConstraint(fields=["content_object", "tag"], name="article_tag_once"),
        ]

    def __str__(self):
        return self.tag.name


class HourlyViews(models.Model):
    """Reader views of one article in one clock hour; feeds “Now reading” and “Popular”."""

    article = models.ForeignKey(Article, on_delete=models.CASCADE, related_name="hourly_views")
    hour = models.DateTimeField()
    views = models.PositiveIntegerField(default=0)

    class Meta:
        ordering = ["-hour"]
        verbose_name_plural = "hourly views"
        constraints = [
            models.UniqueConstraint(fields=["article", "hour"], name="hourly_views_once_per_hour"),
        ]
        indexes = [models.Index(fields=["hour"], name="hourly_views_hour")]

    def __str__(self):
        return f"{self.article_id} @ {self.hour:%Y-%m-%d %H}:00: {self.views}"

    @staticmethod
    def bucket(moment: datetime) -> datetime:
        return moment.replace(minute=0, second=0, microsecond=0)

    @classmethod
    def since(cls, *, hours: int) -> datetime:
        """Start of the buckets that cover the last `hours` hours."""
        return cls.bucket(timezone.now() - timedelta(hours=hours))


def default_version(versions: list[Article]) -> Article | None:
    """The version of a story that search engines show a reader of no listed language
    (hreflang x-default): the default edition's, else the first published.

    Chosen from the versions alone, so the story's page in every edition and every
    sitemap name the same one and the alternates stay reciprocal.
    """
    if not versions:
        return None
    for story in versions:
        if story.language == settings.LANGUAGE_CODE:
            return story
    return min(versions, key=lambda story: (story.published_at, story.pk))


# Translation keys asked for in one query: a sitemap file of 50 000 translated stories
# takes five, where one list of them all would pass the database's parameter limit.
KEYS_PER_QUERY = 10_000


def published_versions(stories: list[Article]) -> dict:
    """For each translation key among the stories: the published stories sharing it in
    the installation's editions (the stories themselves among them), in the editions'
    order; in one query for up to KEYS_PER_QUERY keys (a sitemap's file of stories)."""
    keys = sorted({story.translation_key for story in stories if story.translation_key})
    found = []
    for start in range(0, len(keys), KEYS_PER_QUERY):
        found += (
            Article.objects.published()
            .filter(
                translation_key__in=keys[start : start + KEYS_PER_QUERY],
                language__in=edition_codes(),
            )
            .select_related("section")
            .only("translation_key", "language", "slug", "published_at", "section__slug")
            .order_by()
        )
    grouped = {}
    for story in sorted(found, key=lambda story: edition_position(story.language)):
        grouped.setdefault(story.translation_key, []).append(story)
    return grouped


def people_in_print(code: str | None = None):
    """People with a published story in the edition (the request's unless named), as
    author or editor.

    EXISTS per person rather than IN over every byline: each check stops at the first
    published story, so the cost follows the number of people, not of stories.
    """
    published = Article.objects.published().in_edition(code)
    # From the person's own bylines, each story checked by its key: joined the other way,
    # the planner walked every byline of the archive looking for this person's first.
    bylined = Byline.objects.filter(
        Exists(published.filter(pk=OuterRef("article"))), person=OuterRef("pk")
    )
    return Person.objects.filter(Exists(bylined) | Exists(published.filter(editor=OuterRef("pk"))))


# The authors list counts each person's stories up to here and prints "100+ stories" past
# it: an exact count per person reads every byline of the archive (9x slower at 100 000
# stories), and a reader learns nothing more from "2 734 stories" than from "100+".
STORY_COUNT_CAP = 100


class CappedCount(models.Subquery):
    """How many rows a subquery has, counting no further than the subquery's own LIMIT."""

    template = "(SELECT COUNT(*) FROM (%(subquery)s) AS capped)"
    output_field = models.IntegerField()


def with_story_counts(people, *, cap: int = STORY_COUNT_CAP, code: str | None = None):
    """People with story_count: the stories their page lists (by_person) in the edition
    (the request's unless named), counted to cap + 1.

    A count above cap only means "more than cap": the two walks may stop early.
    """
    # Two walks, each stopping at cap + 1 rows and each on its own index: the person's
    # bylines (each story checked by its key) and the stories they edited without a byline
    # of their own. One OR over both would read the whole archive for someone with few.
    in_print = Article.objects.published().in_edition(code)
    published = in_print.filter(pk=OuterRef("article"))
    bylined = (
        Byline.objects.filter(Exists(published), person=OuterRef("pk")).order_by().values("pk")
    )
    own_byline = Byline.objects.filter(article=OuterRef("pk"), person=OuterRef("editor"))
    # The byline check as a value of each edited story, not a NOT EXISTS the planner turns
    # into an anti-join walking the whole archive in key order (40 ms a person at 100 000):
    # this way it walks the person's own edited stories through the editor index.
    edited = (
        in_print.filter(editor=OuterRef("pk"))
        .annotate(bylined_too=Case(When(Exists(own_byline), then=1), default=0))
        .filter(bylined_too=0)
        .order_by()
        .values("pk")
    )
    return people.annotate(
        story_count=CappedCount(bylined[: cap + 1]) + CappedCount(edited[: cap + 1])
    )


def tags_in_print(code: str | None = None):
    """Tags of published stories of the edition (the request's unless named) only: a
    draft's tags say what is coming."""
    published = Article.objects.published().in_edition(code)
    return Tag.objects.filter(Exists(published.filter(tags=OuterRef("pk")))).exclude(slug="")


PREVIEW_SALT = "articles.preview-link"


class PreviewLinkQuerySet(models.QuerySet):
    def active(self):
        return self.filter(revoked=False, expires_at__gt=timezone.now())


def default_preview_expiry():
    return timezone.now() + timedelta(hours=settings.NEWSROOM["PREVIEW_HOURS"])


class PreviewLink(models.Model):
    """A secret address that shows an unpublished story to someone without an account."""

    article = models.ForeignKey(Article, on_delete=models.CASCADE, related_name="preview_links")
    expires_at = models.DateTimeField("expires", default=default_preview_expiry)
    revoked = models.BooleanField(
        default=False, help_text="Tick to switch the link off before it expires."
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    objects = PreviewLinkQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at"]

    def __str__(self):
        return f"Preview of “{self.article}”"

    def get_absolute_url(self):
        # In the story's edition: a Russian draft is previewed in Russian.
        with translation.override(self.article.language):
            return reverse("articles:preview", kwargs={"token": self.token})

    @property
    def token(self) -> str:
        """Signed with the secret key, so addresses cannot be guessed or forged.

        No timestamp in it (the link's life is its expires_at): the same link has the
        same address on every page that shows it, so what an editor copied stays valid.
        """
        return signing.Signer(salt=PREVIEW_SALT).sign_object(self.pk)

    @classmethod
    def from_token(cls, token: str) -> "PreviewLink | None":
        # Links sent before the address became stable carry a timestamp (signing.dumps):
        # "value:timestamp:signature" against "value:signature". Told apart by shape,
        # since each signer would accept the other's signature over a different value.
        try:
            if token.count(":") == 2:
                pk = signing.loads(token, salt=PREVIEW_SALT)
            else:
                pk = signing.Signer(salt=PREVIEW_SALT).unsign_object(token)
        except signing.BadSignature:
            return None
        if not isinstance(pk, int):
            return None
        return cls.objects.active().select_related("article").filter(pk=pk).first()

    @classmethod
    def for_sharing(cls, *, article: Article, by) -> tuple["PreviewLink", bool]:
        """The story's newest live link if it lasts another hour, else a new one; and
        whether it was created. Asking twice gives the same address, not a pile of links."""
        lasting = cls.objects.active().filter(
            article=article, expires_at__gt=timezone.now() + timedelta(hours=1)
        )
        if (link := lasting.order_by("-expires_at", "-pk").first()) is not None:
            return link, False
        return cls.objects.create(article=article, created_by=by), True


class CorrectionQuerySet(models.QuerySet):
    def published(self):
        """Corrections of published stories, newest first.

        EXISTS: one lookup per correction, not a pass over every published story."""
        published = Article.objects.published().filter(pk=OuterRef("article_id"))
        return self.filter(Exists(published)).order_by("-published_at")

    def in_edition(self, code: str | None = None):
        """Corrections of one edition's stories: the request's unless another is named."""
        return self.filter(article__language=code or current_edition().code)


class Correction(models.Model):
    article = models.ForeignKey(Article, on_delete=models.CASCADE, related_name="corrections")
    published_at = models.DateTimeField(
        "date", default=timezone.now, help_text="Printed with the correction."
    )
    text = models.TextField(
        help_text="What was wrong and what is right, in a sentence or two. Printed in full."
    )

    objects = CorrectionQuerySet.as_manager()

    class Meta:
        ordering = ["published_at"]
        get_latest_by = "published_at"
        constraints = [
            models.CheckConstraint(condition=~Q(text=""), name="correction_has_text"),
        ]

    def __str__(self):
        return f"Correction, {timezone.localtime(self.published_at):%-d %B %Y}"

    def get_absolute_url(self):
        return f"{self.article.get_absolute_url()}#corrections"


# Updates a live page prints (and its polling endpoint returns): a fixed number whatever
# the length of the coverage; older ones are on the following pages.
LIVE_PAGE_SIZE = 20


class LiveUpdateQuerySet(models.QuerySet):
    def for_page(self):
        """Everything an update prints (its photo and the photo's licence) in one query."""
        return self.select_related("image__licence")


class LiveUpdate(models.Model):
    """One timestamped entry of a live story: a few lines, maybe a photo, maybe pinned."""

    article = models.ForeignKey(Article, on_delete=models.CASCADE, related_name="live_updates")
    published_at = models.DateTimeField(
        "time",
        default=timezone.now,
        help_text="Printed beside the update. Now, unless you are catching up on earlier news.",
    )
    title = models.CharField(
        max_length=200, blank=True, help_text="Optional: a few words in bold above the text."
    )
    text = models.TextField(
        help_text="A paragraph or two; a blank line starts a new paragraph. Links, bold and "
        "italics pasted as HTML are kept; any other markup is removed.",
    )
    image = models.ForeignKey(
        "images.Image",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="live_updates",
        verbose_name="photo",
    )
    is_pinned = models.BooleanField(
        "pin",
        default=False,
        help_text="Keep this update at the top of the page (a summary, say) while coverage runs.",
    )
    created_at = models.DateTimeField(auto_now_add=True)
    modified_at = models.DateTimeField(auto_now=True)

    objects = LiveUpdateQuerySet.as_manager()

    class Meta:
        ordering = ["-published_at", "-id"]
        get_latest_by = "published_at"
        indexes = [
            models.Index(fields=["article", "-published_at", "-id"], name="liveupdate_newest"),
        ]
        constraints = [
            models.CheckConstraint(condition=~Q(text=""), name="liveupdate_has_text"),
        ]

    def __str__(self):
        return f"Update, {timezone.localtime(self.published_at):%-d %b %Y, %H:%M}"

    def save(self, *args, **kwargs):
        self.text = sanitize_html(self.text)
        super().save(*args, **kwargs)

    def get_absolute_url(self):
        return f"{self.article.get_absolute_url()}#update-{self.pk}"

    def clean(self):
        super().clean()
        self.text = sanitize_html(self.text)
        if not self.text:
            raise ValidationError({"text": "An update needs some text."})
        # A future time would publish nothing until then, and no page would know to
        # refresh at that moment: updates are posted when they happen.
        if self.published_at and self.published_at > timezone.now() + timedelta(minutes=1):
            message = "An update cannot be dated in the future; post it when it happens."
            raise ValidationError({"published_at": message})

    @property
    def html(self) -> str:
        """The text as HTML: sanitised, and typed paragraphs (blank lines) made <p>."""
        text = sanitize_html(self.text)
        if BLOCK_START.match(text):
            return text
        paragraphs = (part.strip() for part in PARAGRAPH_BREAK.split(text))
        return "".join(f"<p>{part.replace(chr(10), '<br>')}</p>" for part in paragraphs if part)

    @property
    def photo(self) -> Image | None:
        image = self.image
        return image if image is not None and image.is_public else None


BLOCK_START = re.compile(r"\s*<(p|h[2-4]|ul|ol|blockquote|figure|table)\b")
PARAGRAPH_BREAK = re.compile(r"\n\s*\n")
