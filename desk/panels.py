"""The desk's panels: what needs doing, each a short list of links with a count.

Each panel is a few lines on top of a queryset method of its model (the rules live
there); this module only picks, for the signed-in user, which rows they see and
where each row leads. The whole desk takes a fixed number of queries, however many
stories there are.
"""

from dataclasses import dataclass, field, replace
from datetime import date, datetime, timedelta
from urllib.parse import urlencode

from django.conf import settings
from django.contrib import admin
from django.db.models import Exists, OuterRef, Prefetch, Q, prefetch_related_objects
from django.urls import reverse
from django.utils import timezone

from articles.models import Article, Byline
from images.models import Image
from newsroom.editions import Edition, all_editions
from typos.models import TypoReport

# Rows per panel; "see all" leads to the filtered list for the rest.
LIMIT = 10


@dataclass(frozen=True)
class Row:
    title: str
    url: str
    detail: str = ""
    when: datetime | None = None  # printed in the newsroom's time zone
    day: date | None = None
    note: str = ""  # what the time means: "submitted", "edited", "until" …
    badge: str = ""
    thumbnail: str | None = None
    # A story's other editions (the "Not yet translated" panel): its translations, each
    # {edition, url, state}, and the editions it lacks, each {edition, url} to POST to.
    translations: tuple[dict, ...] = ()
    translate: tuple[dict, ...] = ()


@dataclass
class Panel:
    key: str
    title: str
    empty: str
    rows: list[Row] = field(default_factory=list)
    count: int | None = None
    count_note: str = ""  # what the count counts, where it is not the rows' total
    more_url: str = ""
    more_label: str = ""

    def __post_init__(self):
        if self.count and not self.more_label:
            self.more_label = f"See all {self.count}"


# Where each panel sits on a wide screen: what waits for someone heads each column;
# the columns stack in this order on a narrow one.
COLUMNS = (
    ("review", "drafts", "published"),
    ("scheduled", "read"),
    ("typos", "photos", "untranslated"),
)


@dataclass
class Desk:
    panels: list[Panel]
    url: str = ""  # the desk's own address, where a refused "Translate" comes back to
    write_url: str = ""
    upload_url: str = ""

    @property
    def is_empty(self) -> bool:
        return not self.panels

    @property
    def has_translate_buttons(self) -> bool:
        return any(row.translate for panel in self.panels for row in panel.rows)

    @property
    def columns(self) -> list[list[Panel]]:
        by_key = {panel.key: panel for panel in self.panels}
        columns = [[by_key[key] for key in keys if key in by_key] for keys in COLUMNS]
        return [column for column in columns if column]


def changelist(model, **filters) -> str:
    url = reverse(f"admin:{model._meta.app_label}_{model._meta.model_name}_changelist")
    return f"{url}?{urlencode(filters)}" if filters else url


def desk_for(request) -> Desk:
    """The desk of the signed-in user: editors see the whole newsroom, authors their own."""
    user = request.user
    desk = Desk(panels=[], url=request.path)
    if user.has_perm("articles.add_article"):
        desk.write_url = reverse("admin:articles_article_add")
    if user.has_perm("images.add_image"):
        desk.upload_url = reverse("admin:images_image_add")
    if user.has_perm("articles.view_article"):
        desk.panels += StoryPanels(request).panels()
    if user.has_perm("typos.view_typoreport"):
        desk.panels.append(typo_panel(user))
    if user.has_perm("images.view_image"):
        desk.panels.append(photo_panel(user))
    return desk


class StoryPanels:
    """The panels of stories, which share one lookup of bylines and of permissions."""

    def __init__(self, request):
        self.request = request
        self.user = request.user
        self.now = timezone.now()
        self.is_editor = self.user.has_perm("articles.publish_article")
        # The story admin decides who may change what; the desk asks it row by row.
        self.story_admin = admin.site.get_model_admin(Article)
        # Its queryset is the role's rule (authors: their own stories); its prefetches are
        # dropped, as fill() fetches the bylines of every panel at once.
        stories = self.story_admin.get_queryset(self.request).prefetch_related(None)
        self.stories = listed(stories)

    def panels(self) -> list[Panel]:
        panels = [self.review(), self.drafts(), self.scheduled(), self.published(), self.read()]
        untranslated = self.untranslated()
        panels = [panel for panel in (*panels, untranslated) if panel is not None]
        # fill() turns the (story, note, time) rows into Rows: the stories are kept first.
        top_stories = [story for story, _, _ in untranslated.rows] if untranslated else []
        self.fill(panels)
        if untranslated is not None:
            self.add_translations(untranslated, top_stories)
        return panels

    def review(self) -> Panel | None:
        if not self.is_editor:
            return None  # an author's own stories in review are among their drafts
        waiting = self.stories.awaiting_review()
        return Panel(
            key="review",
            title="Awaiting review",
            empty="No story is waiting for an editor.",
            rows=[(story, "submitted", story.submitted_at) for story in waiting[:LIMIT]],
            count=waiting.count(),
            more_url=changelist(Article, status__exact=Article.Status.REVIEW),
        )

    def drafts(self) -> Panel:
        mine = listed(Article.objects.bylined_to(self.user).in_progress())
        mine = mine.order_by("-modified_at", "-id")
        filters = {"status__in": f"{Article.Status.DRAFT},{Article.Status.REVIEW}"}
        if self.is_editor:
            # The story list shows authors only their own already; editors filter.
            person = getattr(self.user, "person", None)
            filters["authors__id__exact"] = person.pk if person else 0
        return Panel(
            key="drafts",
            title="My drafts",
            empty="Nothing of yours in progress. Write a story!",
            rows=[(story, "edited", story.modified_at) for story in mine[:LIMIT]],
            count=mine.count(),
            more_url=changelist(Article, **filters),
        )

    def scheduled(self) -> Panel:
        coming = self.stories.scheduled()
        return Panel(
            key="scheduled",
            title="Scheduled" if self.is_editor else "My stories scheduled",
            empty="Nothing is scheduled.",
            rows=[(story, "appears", story.published_at) for story in coming[:LIMIT]],
            count=coming.count(),
            more_url=changelist(
                Article,
                status__exact=Article.Status.PUBLISHED,
                published_at__gt=self.now.isoformat(timespec="seconds"),
            ),
        )

    def published(self) -> Panel:
        live = self.stories.published().order_by("-published_at", "-id")
        return Panel(
            key="published",
            title="Recently published" if self.is_editor else "My latest published",
            empty="Nothing published yet.",
            rows=[(story, "published", story.published_at) for story in live[:LIMIT]],
            count=live.filter(published_at__gte=self.now - timedelta(hours=24)).count(),
            count_note="in the last 24 hours",
            more_label="All published stories",
            more_url=changelist(
                Article,
                status__exact=Article.Status.PUBLISHED,
                published_at__lte=self.now.isoformat(timespec="seconds"),
            ),
        )

    def read(self) -> Panel:
        popular = listed(Article.objects.published()).most_viewed(since=local_midnight(self.now))
        popular = popular[:LIMIT]
        return Panel(
            key="read",
            title="Most read today",
            empty="No reader has opened a story today yet.",
            rows=[(story, f"{story.recent_views:,} views", None) for story in popular],
        )

    def untranslated(self) -> Panel | None:
        """The day's top stories of the default edition that some edition still lacks:
        the most read today (as "Most read today" counts them), then the newest
        published today."""
        others = [edition.code for edition in all_editions() if not edition.is_default]
        if not others:
            return None
        lacking = Q()
        for code in others:
            lacking |= ~Exists(
                Article.objects.filter(translation_key=OuterRef("translation_key"), language=code)
            )
        top = self.stories.published().in_edition(settings.LANGUAGE_CODE).filter(lacking)
        midnight = local_midnight(self.now)
        read = list(top.most_viewed(since=midnight)[:LIMIT])
        # Asked even when the most read fill the panel: a fixed number of queries.
        newest = top.filter(published_at__gte=midnight)
        newest = newest.exclude(pk__in=[story.pk for story in read])
        read += list(newest.order_by("-published_at", "-id")[:LIMIT])[: LIMIT - len(read)]
        return Panel(
            key="untranslated",
            title="Not yet translated",
            empty="Every top story of the day is in every edition.",
            rows=[(story, "published", story.published_at) for story in read],
        )

    def add_translations(self, panel: Panel, stories: list[Article]) -> None:
        """Each story's translations as links and its missing editions as buttons, with one
        query for the translations of all the panel's stories (those of its rows)."""
        keys = {story.translation_key for story in stories} - {None}
        translated: dict = {}
        if keys:
            found = Article.objects.filter(translation_key__in=keys).only(
                "translation_key", "language", "status", "published_at", "expires_at"
            )
            for story in found:
                translated.setdefault(story.translation_key, {})[story.language] = story
        may_translate = self.user.has_perm("articles.add_article")
        others = [edition for edition in all_editions() if not edition.is_default]
        rows = []
        for row, story in zip(panel.rows, stories, strict=True):
            theirs = translated.get(story.translation_key, {})
            links = tuple(
                translation_link(edition, theirs[edition.code])
                for edition in others
                if edition.code in theirs
            )
            buttons = ()
            if may_translate:
                url = reverse("admin:articles_article_translate", args=[story.pk])
                missing = [edition for edition in others if edition.code not in theirs]
                buttons = tuple({"edition": edition, "url": url} for edition in missing)
            rows.append(replace(row, translations=links, translate=buttons))
        panel.rows = rows

    def fill(self, panels: list[Panel]) -> None:
        """Turn each panel's (story, note, time) into rows, with one query for all bylines."""
        stories = [story for panel in panels for story, _, _ in panel.rows]
        bylines = Byline.objects.select_related("person").order_by("position", "id")
        prefetch_related_objects(stories, Prefetch("bylines", queryset=bylines))
        for panel in panels:
            panel.rows = [self.row(panel.key, *entry) for entry in panel.rows]

    def row(self, key: str, story: Article, note: str, when: datetime | None) -> Row:
        names = ", ".join(byline.person.name for byline in story.bylines.all())
        if self.story_admin.has_change_permission(self.request, story):
            url = reverse("admin:articles_article_change", args=[story.pk])
        elif story.is_published():
            url = story.get_absolute_url()  # theirs to read, not to change: the page itself
        else:
            url = reverse("admin:articles_article_change", args=[story.pk])  # says why not
        badge = story.get_status_display() if key == "drafts" else ""
        if key == "read":
            note, badge = "", note
        if key == "untranslated" and (views := getattr(story, "recent_views", None)):
            badge = f"{views:,} views"
        return Row(
            title=story.headline,
            url=url,
            detail=" · ".join(part for part in (names, story.section.name) if part),
            when=when,
            note=note,
            badge=badge,
        )


def local_midnight(now: datetime) -> datetime:
    """The start of the newsroom's day."""
    return timezone.localtime(now).replace(hour=0, minute=0, second=0, microsecond=0)


def translation_link(edition: Edition, story: Article) -> dict:
    return {
        "edition": edition,
        "url": reverse("admin:articles_article_change", args=[story.pk]),
        "state": story.publication_state,
    }


def listed(stories):
    """What a row needs: the section for the address, not the text."""
    return stories.select_related("section").defer("body", "lead", "search_vector")


def typo_panel(user) -> Panel:
    reports = TypoReport.objects.new().visible_to(user).select_related("article")
    reports = reports.defer("article__body", "article__lead", "article__search_vector")
    handles = user.has_perm("typos.change_typoreport")
    return Panel(
        key="typos",
        title="New typo reports" if handles else "Typo reports on my stories",
        empty="No new report from readers.",
        rows=[
            Row(
                title=f"“{report.excerpt}”",
                url=reverse("admin:typos_typoreport_change", args=[report.pk]),
                detail=f"in “{report.article.headline}”",
                when=report.created_at,
                note="sent",
            )
            for report in reports.order_by("-created_at", "-id")[:LIMIT]
        ],
        count=reports.count(),
        more_url=changelist(TypoReport, status__exact=TypoReport.Status.NEW),
    )


def photo_panel(user) -> Panel:
    photos = Image.objects.expiring_soon().select_related("licence")
    if not user.has_perm("articles.publish_article"):
        # An author's concern: the photos on their stories and those they uploaded.
        on_their_stories = Article.objects.bylined_to(user).filter(main_image=OuterRef("pk"))
        photos = photos.filter(Q(Exists(on_their_stories)) | Q(uploaded_by=user))
    today = timezone.localdate()
    return Panel(
        key="photos",
        title="Photo rights ending within 14 days",
        empty="No photo's rights end in the next 14 days.",
        rows=[
            Row(
                title=str(photo),
                url=reverse("admin:images_image_change", args=[photo.pk]),
                detail=photo.credit_text,
                day=photo.usable_until,
                note="usable until",
                thumbnail=photo.thumbnail_url,
            )
            for photo in photos.order_by("usable_until", "id")[:LIMIT]
        ],
        count=photos.count(),
        more_url=changelist(
            Image,
            usable_until__gte=today.isoformat(),
            usable_until__lte=(today + timedelta(days=14)).isoformat(),
        ),
    )
