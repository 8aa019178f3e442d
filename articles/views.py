import re
from datetime import datetime
from itertools import groupby

from django.conf import settings
from django.contrib.flatpages.models import FlatPage
from django.contrib.sitemaps import views as sitemap_views
from django.contrib.sites.shortcuts import get_current_site
from django.core.paginator import Paginator
from django.http import Http404, HttpResponse, HttpResponseForbidden
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.functional import cached_property
from django.utils.translation import gettext as _
from django.views import generic
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_POST, require_safe

from newsroom.clients import client_address
from newsroom.editions import all_editions
from newsroom.origins import site_page_origin
from newsroom.quotas import client_key, quota_take
from sections.models import Section

from .metadata import article_meta, home_meta, section_meta, site_origin
from .models import (
    LIVE_PAGE_SIZE,
    SEARCH_LIMIT,
    STORY_COUNT_CAP,
    Article,
    Correction,
    PreviewLink,
    mark_matches,
    people_in_print,
    tags_in_print,
    with_story_counts,
)
from .services import article_view_record
from .sitemaps import edition_sitemaps

PAGE_SIZE = 20
# Columns a page never prints: the search index (kilobytes a row) and, on cards, the body.
NOT_PRINTED = ("search_vector",)
NOT_ON_CARDS = ("body", "search_vector")


class ListingPaginator(Paginator):
    """Pages of a listing, counted no further than MAX_PAGES pages.

    An exact count reads every story the listing holds: on an author's page at 100 000
    stories it was two thirds of the time. Past the last counted page, the listing's
    "Older" link goes to the archive by date, which holds everything.
    """

    MAX_PAGES = 50

    @cached_property
    def count(self) -> int:
        limit = self.MAX_PAGES * self.per_page
        # Unordered: the planner may start from the smaller side (a tag's rows, say).
        return min(self.object_list.order_by()[: limit + 1].count(), limit + 1)

    @cached_property
    def is_capped(self) -> bool:
        """More stories than the counted pages show."""
        return self.count > self.MAX_PAGES * self.per_page

    @cached_property
    def num_pages(self) -> int:
        return min(super().num_pages, self.MAX_PAGES)


class PublishedArticlesMixin:
    """Every listing starts from published() in the request's edition and prints cards."""

    paginate_by = PAGE_SIZE
    paginator_class = ListingPaginator

    def get_queryset(self):
        return Article.objects.published().in_edition().for_cards().defer(*NOT_ON_CARDS)


@require_safe
def home(request):
    articles = Article.objects.published().in_edition().defer(*NOT_ON_CARDS)
    top_story = articles.for_cards().top_story()
    blocks = articles.filter(section__show_in_navigation=True).for_cards()
    if top_story:
        blocks = blocks.exclude(pk=top_story.pk)
    section_blocks = [
        (section, list(stories))
        for section, stories in groupby(
            blocks.latest_per_section(per_section=4), key=lambda article: article.section
        )
    ]
    # The rail's blocks leave out what the main column shows: a headline is printed once.
    shown = [top_story.pk] if top_story else []
    shown += [article.pk for _, stories in section_blocks for article in stories]
    return render(
        request,
        "articles/home.html",
        {
            "top_story": top_story,
            "section_blocks": section_blocks,
            "shown_ids": shown,
            "meta": home_meta(site_origin(request)),
        },
    )


class NewsListView(PublishedArticlesMixin, generic.ListView):
    template_name = "articles/news_list.html"


class SectionArticleListView(PublishedArticlesMixin, generic.ListView):
    template_name = "articles/section_detail.html"

    def get_queryset(self):
        self.section = get_object_or_404(Section, slug=self.kwargs["section"])
        return super().get_queryset().in_section(self.section)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(section=self.section, **kwargs)
        page = context["page_obj"].number
        path = self.section.get_absolute_url() + (f"?page={page}" if page > 1 else "")
        context["meta"] = section_meta(site_origin(self.request), self.section, path)
        return context


def article_page(articles):
    """Everything the article page prints, in a fixed number of queries."""
    return (
        articles.for_cards()
        .defer(*NOT_PRINTED)
        .select_related("editor", "main_image__licence")
        .prefetch_related("tags", "corrections")
    )


@require_safe
def article_detail(request, section, pk, slug=None):
    article = get_object_or_404(article_page(Article.objects.published()), pk=pk)
    if (section, slug, article.language) != (
        article.section.slug,
        article.slug,
        request.LANGUAGE_CODE,
    ):
        return redirect(article, permanent=True)  # to its own section, slug and edition
    live = live_updates_page(article, request.GET.get("page")) if article.is_live_blog else None
    meta = article_meta(site_origin(request), article, live_updates=live and live["updates"])
    return render(
        request, "articles/article_detail.html", {"article": article, "meta": meta, "live": live}
    )


# How often an open live page asks for new updates. Between two changes every reader's
# poll is answered from the one stored copy (or by the proxy), so this costs requests,
# not renders.
LIVE_POLL_SECONDS = 20


def live_updates_page(article: Article, page_number, *, public: bool = True) -> dict:
    """A page of a live story's updates, in three queries however many there are.

    While coverage runs: newest first, pinned ones also at the top of the first page,
    which keeps itself current (`polls`). Once it has ended the story reads from its
    first update to its last, like any other. A preview (`public=False`) shows the
    updates but neither polls nor links the feed: both answer only for published stories.
    """
    updates = article.live_updates.for_page()
    if article.coverage_ended:
        updates = updates.order_by("published_at", "id")
    page = Paginator(updates, LIVE_PAGE_SIZE).get_page(page_number)
    pinned = []
    if article.is_live_now and page.number == 1:
        pinned = list(updates.filter(is_pinned=True).order_by("-published_at", "-id")[:3])
    return {
        "page": page,
        "updates": list(page.object_list),
        "pinned": pinned,
        "public": public,
        "polls": public and article.is_live_now and page.number == 1,
        "poll_seconds": getattr(settings, "LIVE_POLL_SECONDS", LIVE_POLL_SECONDS),
    }


@require_safe
def live_updates(request, section, pk, slug):
    """The newest updates of a live story, as the HTML its page polls for (live.js)."""
    article = get_object_or_404(Article.objects.published().select_related("section"), pk=pk)
    if not article.is_live_blog:
        raise Http404(_("This story has no live coverage."))
    if article.language != request.LANGUAGE_CODE:
        # Another edition's story: its updates live under its own edition's address.
        return redirect(article.get_absolute_url() + "live/updates/", permanent=True)
    if (section, slug) != (article.section.slug, article.slug):
        return redirect("articles:live-updates", article.section.slug, article.pk, article.slug)
    live = live_updates_page(article, 1)
    response = render(
        request, "includes/live_updates.html", {"article": article, "live": live, "fragment": True}
    )
    response["X-Robots-Tag"] = "noindex"  # a piece of the story's page, not a page
    return response


@require_safe
@never_cache
def article_preview(request, token):
    """An unpublished story for whoever holds the link: never cached, never indexed."""
    link = PreviewLink.from_token(token)
    if link is None:
        raise Http404(_("This preview link is not valid, has expired or was revoked."))
    if link.article.language != request.LANGUAGE_CODE:
        # Shown in the story's own edition: its words around it, its edition's rails.
        return redirect(link)
    article = get_object_or_404(article_page(Article.objects.all()), pk=link.article_id)
    live = None
    if article.is_live_blog:
        live = live_updates_page(article, request.GET.get("page"), public=False)
    meta = article_meta(site_origin(request), article, live_updates=live and live["updates"])
    response = render(
        request,
        "articles/article_detail.html",
        {"article": article, "meta": meta, "preview": link, "live": live},
    )
    response["X-Robots-Tag"] = "noindex, nofollow"
    return response


class CorrectionListView(generic.ListView):
    template_name = "articles/correction_list.html"
    paginate_by = PAGE_SIZE

    def get_queryset(self):
        return Correction.objects.published().in_edition().select_related("article__section")


# Search engines and link previewers fetch pages too; they are not readers.
BOT_USER_AGENT = re.compile(
    r"bot|crawl|spider|slurp|preview|fetch|monitor|curl|wget|python-|httpx|go-http|java/|"
    r"headless|lighthouse|facebookexternalhit|embedly|quora link",
    re.IGNORECASE,
)


def is_counted_visit(request) -> bool:
    """A reader's browser on one of our pages, not a bot, a prefetch or another site."""
    prefetch = request.headers.get("Sec-Purpose", "") + request.headers.get("Purpose", "")
    return (
        "prefetch" not in prefetch
        and not BOT_USER_AGENT.search(request.headers.get("User-Agent", ""))
        and site_page_origin(request) is not None
    )


# One view per reader per article in this time: a reader who comes back within it is
# still reading, and a script replaying the beacon counts no more than once.
VIEW_WINDOW_SECONDS = 30 * 60


# The beacon comes from cached pages that carry no per-visitor CSRF token;
# is_counted_visit() refuses cross-site requests instead.
@csrf_exempt
@require_POST
@never_cache
def record_view(request, pk):
    if not is_counted_visit(request):
        return HttpResponseForbidden("Not counted.")
    article_id = get_object_or_404(Article.objects.published().values_list("pk", flat=True), pk=pk)
    # A repeat gets the same 204 as a first view: the page ignores the answer, and a
    # script learns nothing from it about the limit.
    seen = client_key(f"views:seen:{article_id}", client_address(request))
    if quota_take(seen, limit=1, window=VIEW_WINDOW_SECONDS):
        article_view_record(article_id=article_id)
    return HttpResponse(status=204)


class AuthorListView(generic.ListView):
    template_name = "articles/author_list.html"
    context_object_name = "people"

    def get_queryset(self):
        people = people_in_print().select_related("photo")
        return with_story_counts(people, cap=STORY_COUNT_CAP).order_by("name")

    def get_context_data(self, **kwargs):
        return super().get_context_data(story_count_cap=STORY_COUNT_CAP, **kwargs)


class AuthorArticleListView(PublishedArticlesMixin, generic.ListView):
    template_name = "articles/author_detail.html"

    def get_queryset(self):
        self.person = get_object_or_404(
            people_in_print().select_related("photo"), slug=self.kwargs["slug"]
        )
        return super().get_queryset().by_person(self.person)

    def get_context_data(self, **kwargs):
        return super().get_context_data(person=self.person, **kwargs)


class TagArticleListView(PublishedArticlesMixin, generic.ListView):
    template_name = "articles/tag_detail.html"

    def get_queryset(self):
        self.tag = get_object_or_404(tags_in_print(), slug=self.kwargs["slug"])
        return super().get_queryset().tagged(self.tag)

    def get_context_data(self, **kwargs):
        return super().get_context_data(tag=self.tag, **kwargs)


class ArchiveMixin(PublishedArticlesMixin):
    date_field = "published_at"
    allow_empty = False
    allow_future = False
    make_object_list = True
    month_format = "%m"

    def get_dated_items(self):
        try:
            return super().get_dated_items()
        except OverflowError:  # the day after 31 December 9999
            raise Http404(_("No such date.")) from None


class ArchiveIndexView(generic.TemplateView):
    template_name = "articles/archive.html"

    # The months, without a count of their stories: counting them read the whole archive
    # (11x slower at 100 000 stories), and the month page itself shows what it holds.
    def get_context_data(self, **kwargs):
        published = Article.objects.published().in_edition()
        oldest = published.order_by("published_at").values_list("published_at", flat=True)
        first = oldest.first()
        months = []
        if first is not None:
            months = published.months_with_stories(since=first, until=timezone.now())
        years = [
            (year, list(months_of_year))
            for year, months_of_year in groupby(reversed(months), key=lambda month: month.year)
        ]
        return super().get_context_data(years=years, **kwargs)


class YearArchiveView(ArchiveMixin, generic.YearArchiveView):
    template_name = "articles/archive_list.html"

    def get_date_list(self, queryset, date_type=None, ordering="ASC"):
        """The year's months with stories, one index probe each (not a scan of the year)."""
        since = timezone.make_aware(datetime(int(self.get_year()), 1, 1))
        until = min(timezone.now(), since.replace(month=12))
        months = queryset.months_with_stories(since=since, until=until)
        if not months and not self.get_allow_empty():
            raise Http404(_("No stories that year."))
        return months


class MonthArchiveView(ArchiveMixin, generic.MonthArchiveView):
    template_name = "articles/archive_list.html"


class DayArchiveView(ArchiveMixin, generic.DayArchiveView):
    template_name = "articles/archive_list.html"


SEARCH_MAX_LENGTH = 200


def clean_query(raw: str) -> str:
    """What we search for: printable, single-spaced, of a sane length."""
    printable = "".join(char if char.isprintable() else " " for char in raw)
    return " ".join(printable.split())[:SEARCH_MAX_LENGTH]


@require_safe
def search(request):
    query = clean_query(request.GET.get("q", ""))
    page_obj = None
    if query:
        results = (
            Article.objects.published().in_edition().for_cards().defer(*NOT_ON_CARDS).search(query)
        )
        page_obj = Paginator(results, PAGE_SIZE).get_page(request.GET.get("page"))
        mark_matches(page_obj.object_list, query)
    return render(
        request,
        "articles/search.html",
        {"query": query, "page_obj": page_obj, "search_limit": SEARCH_LIMIT},
    )


@require_safe
def sitemap_index(request):
    return sitemap_views.index(
        request, edition_sitemaps(), sitemap_url_name="articles:sitemap-section"
    )


@require_safe
def sitemap_section(request, section):
    template = "sitemaps/news.xml" if section == "news" else "sitemaps/sitemap.xml"
    return sitemap_views.sitemap(
        request, edition_sitemaps(), section=section, template_name=template
    )


@require_safe
def robots_txt(request):
    """One file at the root for the whole site: every edition's sitemaps, and what
    crawlers should leave alone in each edition."""
    origin = f"{request.scheme}://{get_current_site(request).domain}"
    editions = []
    for edition in all_editions():
        with translation.override(edition.code):
            editions.append(
                {
                    "private": [
                        reverse("articles:search"),
                        f"{edition.prefix}preview/",
                        f"{edition.prefix}views/",
                    ],
                    "sitemaps": [
                        reverse("articles:sitemap"),
                        reverse("articles:sitemap-section", kwargs={"section": "news"}),
                    ],
                }
            )
    return render(
        request,
        "robots.txt",
        {"origin": origin, "editions": editions},
        content_type="text/plain",
    )


@require_safe
def sitemap_page(request):
    sections = Section.objects.all()
    latest = (
        Article.objects.published()
        .in_edition()
        .select_related("section")
        .latest_per_section(per_section=5)
    )
    stories = {section: list(group) for section, group in groupby(latest, key=lambda a: a.section)}
    people = people_in_print().order_by("name")
    return render(
        request,
        "articles/sitemap_page.html",
        {
            "sections": [(section, stories.get(section, [])) for section in sections],
            "people": people,
            "pages": FlatPage.objects.filter(registration_required=False).order_by("title"),
        },
    )
