"""XML sitemaps for search engines, including the photos and a Google News sitemap."""

from datetime import timedelta

from django.contrib.flatpages.sitemaps import FlatPageSitemap
from django.contrib.sitemaps import Sitemap
from django.db.models import Max, Q
from django.urls import reverse
from django.utils import timezone

from sections.models import Section

from .metadata import absolute
from .models import Article, people_in_print, tags_in_print

# The protocol allows 50,000 URLs a file; smaller files are quicker for crawlers to fetch.
ARTICLES_PER_FILE = 5000
NEWS_WINDOW = timedelta(hours=48)


class SectionSitemap(Sitemap):
    changefreq = "hourly"
    priority = 0.8

    def items(self):
        published = Article.objects.published().values("pk")
        return Section.objects.annotate(
            latest_published=Max("articles__published_at", filter=Q(articles__in=published))
        ).order_by("position", "name")

    def lastmod(self, section):
        return section.latest_published


class ArticleSitemap(Sitemap):
    limit = ARTICLES_PER_FILE

    def items(self):
        return (
            Article.objects.published()
            .select_related("section", "main_image__licence")
            .order_by("-published_at", "-id")
        )

    def lastmod(self, article):
        return article.updated_at or article.published_at

    def get_urls(self, page=1, site=None, protocol=None):
        """Each entry also names its photo (image sitemap extension)."""
        urls = super().get_urls(page=page, site=site, protocol=protocol)
        origin = f"{self.get_protocol(protocol)}://{self.get_domain(site)}"
        for url in urls:
            article = url["item"]
            if article.photo:
                url["image"] = {
                    "location": absolute(origin, article.photo.shared_file.url),
                    "caption": article.caption,
                    "licence": article.photo.licence.url,
                }
        return urls


class NewsSitemap(ArticleSitemap):
    """Google News: the stories of the last 48 hours."""

    limit = 1000  # the News sitemap's own limit

    def items(self):
        return super().items().filter(published_at__gte=timezone.now() - NEWS_WINDOW)


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
