"""XML sitemaps for search engines, including the photos and a Google News sitemap.

Each edition has its own index (/sitemap.xml, /ru/sitemap.xml) listing its own files;
a story's entry names its published translations with hreflang alternates, as its
page does (articles/metadata.py), so every version points at every other.
"""

from datetime import timedelta

from django.contrib.flatpages.sitemaps import FlatPageSitemap
from django.contrib.sitemaps import Sitemap
from django.core.paginator import EmptyPage, Page, PageNotAnInteger
from django.db.models import Max, OuterRef, Subquery
from django.urls import reverse
from django.utils import timezone
from django.utils.functional import cached_property

from newsroom.editions import current_edition
from sections.models import Section

from .metadata import absolute, language_alternates
from .models import (
    Article,
    next_month,
    people_in_print,
    published_versions,
    tags_in_print,
)

# The protocol allows 50,000 URLs a file; a month of even a large newsroom holds fewer.
ARTICLES_PER_FILE = 50_000
# Google News takes the stories of the last two days, at most 1 000 of them.
NEWS_WINDOW = timedelta(hours=48)
NEWS_LIMIT = 1000


class SectionSitemap(Sitemap):
    changefreq = "hourly"
    priority = 0.8

    def items(self):
        # Each section's newest story by its own index walk, not a MAX over the archive.
        newest = (
            Article.objects.published()
            .in_edition()
            .filter(section=OuterRef("pk"))
            .order_by("-published_at")
            .values("published_at")[:1]
        )
        return Section.objects.annotate(latest_published=Subquery(newest)).order_by(
            "position", "name"
        )

    def lastmod(self, section):
        return section.latest_published


class MonthPaginator:
    """One sitemap file per month that has stories, the oldest month first.

    Counting the archive to cut it into equal files read every story (the index took
    2.7 times as long at 100 000 stories), and the last file's OFFSET walked past all the
    others. A month is found by index probes and read by a range of the date index; the
    oldest month first keeps each file's address stable as new months arrive.
    """

    def __init__(self, stories, limit: int):
        self.stories, self.limit = stories, limit

    @cached_property
    def months(self) -> list:
        oldest = self.stories.order_by("published_at").values_list("published_at", flat=True)
        first = oldest.first()
        if first is None:
            return []
        return self.stories.months_with_stories(since=first, until=timezone.now())

    @property
    def num_pages(self) -> int:
        return max(len(self.months), 1)

    def page(self, number) -> Page:
        try:
            number = int(number)
        except (TypeError, ValueError):
            raise PageNotAnInteger("That page number is not an integer") from None
        if number < 1 or number > self.num_pages:
            raise EmptyPage("That page contains no results")
        if not self.months:
            return Page([], number, self)
        start = self.months[number - 1]
        month = self.stories.filter(published_at__gte=start, published_at__lt=next_month(start))
        return Page(month[: self.limit], number, self)


class ArticleSitemap(Sitemap):
    limit = ARTICLES_PER_FILE

    @property
    def paginator(self):
        return MonthPaginator(self.items(), self.limit)

    def stories(self):
        return (
            Article.objects.published()
            .in_edition()
            .select_related("section", "main_image__licence")
            # Thousands of rows a file: leave out the columns no entry prints.
            .defer("body", "lead", "search_vector")
            .order_by("-published_at", "-id")
        )

    def items(self):
        # The news sitemap's stories are listed there only: no address twice in the index.
        return self.stories().exclude(pk__in=NewsSitemap().items().values("pk"))

    def lastmod(self, article):
        return article.updated_at or article.published_at

    def get_latest_lastmod(self):
        """For the index: two index lookups, where Django would load every story."""
        latest = self.items().aggregate(published=Max("published_at"), updated=Max("updated_at"))
        return max(filter(None, latest.values()), default=None)

    def get_urls(self, page=1, site=None, protocol=None):
        """Each entry also names its photo (image sitemap extension) and its versions in
        the other editions (hreflang alternates)."""
        urls = super().get_urls(page=page, site=site, protocol=protocol)
        origin = f"{self.get_protocol(protocol)}://{self.get_domain(site)}"
        versions = published_versions([url["item"] for url in urls])
        for url in urls:
            article = url["item"]
            if article.photo:
                url["image"] = {
                    "location": absolute(origin, article.photo.shared_file.url),
                    "caption": article.caption,
                    "licence": article.photo.licence.url,
                }
            # The same versions the story's page names (hreflang alternates).
            url["alternates"] = [
                {"lang_code": code, "location": origin + path}
                for code, path in language_alternates(versions.get(article.translation_key, []))
            ]
        return urls


class NewsSitemap(ArticleSitemap):
    """Google News: stories of the last two days, at most 1 000, in one file."""

    limit = NEWS_LIMIT
    paginator = Sitemap.paginator

    def items(self):
        recent = self.stories().filter(published_at__gte=timezone.now() - NEWS_WINDOW)
        return recent[:NEWS_LIMIT]


class AuthorSitemap(Sitemap):
    changefreq = "daily"
    priority = 0.4

    def items(self):
        return people_in_print().order_by("name")


class TagSitemap(Sitemap):
    changefreq = "daily"
    priority = 0.3

    def items(self):
        return tags_in_print().order_by("name")

    def location(self, tag):
        return reverse("articles:tag", kwargs={"slug": tag.slug})


class PageSitemap(Sitemap):
    """The site's own listing pages."""

    changefreq = "hourly"
    priority = 0.6

    def items(self):
        return [
            "articles:home",
            "articles:news",
            "articles:authors",
            "articles:archive",
            "articles:corrections",
        ]

    def location(self, name):
        return reverse(name)


SITEMAPS = {
    "pages": PageSitemap,
    "sections": SectionSitemap,
    "articles": ArticleSitemap,
    "news": NewsSitemap,
    "authors": AuthorSitemap,
    "tags": TagSitemap,
    "editorial": FlatPageSitemap,
}


def edition_sitemaps() -> dict:
    """The sitemaps of the request's edition. Editors' pages (about, advertising) have
    one address, at the root: the default edition's index lists them, the others not."""
    if current_edition().is_default:
        return SITEMAPS
    return {name: sitemap for name, sitemap in SITEMAPS.items() if name != "editorial"}
