"""RSS 2.0 and Atom 1.0 feeds: the site, a section, an author, a tag.

Each edition has its own (/rss/, /ru/rss/): its stories, its language (the feed's
`language` is the request's, as Django's Feed takes it) and its words."""

import copy
import io
import re

from django.conf import settings
from django.contrib.sites.shortcuts import get_current_site
from django.contrib.syndication.views import Feed
from django.http import Http404, HttpResponsePermanentRedirect
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils import timezone
from django.utils.feedgenerator import Atom1Feed, Enclosure, Rss201rev2Feed
from django.utils.formats import date_format
from django.utils.html import escape
from django.utils.translation import gettext as _

from sections.models import Section

from . import websub
from .metadata import SITE_NAME, absolute, site_origin
from .models import Article, Correction, people_in_print, tags_in_print
from .sanitize import sanitize_html

FEED_SIZE = 30
CONTENT_NS = "http://purl.org/rss/1.0/modules/content/"
MEDIA_NS = "http://search.yahoo.com/mrss/"


def add_media_content(handler, photo: dict | None) -> None:
    """The main photo as Media RSS, with its credit and licence."""
    if not photo:
        return
    handler.startElement(
        "media:content",
        {
            "url": photo["url"],
            "type": photo["type"],
            "medium": "image",
            "width": str(photo["width"]),
            "height": str(photo["height"]),
            "fileSize": str(photo["size"]),
        },
    )
    if photo["caption"]:
        handler.addQuickElement("media:description", photo["caption"])
    handler.addQuickElement("media:credit", photo["credit"])
    if photo["licence_url"]:
        handler.addQuickElement(
            "media:license", photo["licence"], {"type": "text/html", "href": photo["licence_url"]}
        )
    handler.endElement("media:content")


def as_html(text: str | None) -> str | None:
    return None if text is None else str(escape(text))


class PlainTextDescriptions:
    """Feed generator mixin: our descriptions are plain text, the elements they fill are HTML.

    RSS <description> and Atom <summary type="html"> are read as HTML, so the text is
    escaped once as HTML here and once more as XML by the writer: a lead saying
    "<script>" reaches readers as those characters. Titles, names and categories are
    text elements and stay as they are; bodies are sanitised HTML.
    """

    def add_item(self, title, link, description, **kwargs):
        super().add_item(title, link, as_html(description), **kwargs)

    def write(self, outfile, encoding):
        # The XML writer makes tens of thousands of small writes: into the response, each
        # is encoded and appended on its own; into a string, once.
        buffer = io.StringIO()
        super().write(buffer, encoding)
        outfile.write(buffer.getvalue())


class RssHubLink:
    """Feed generator mixin: the WebSub hub, beside the rel="self" link Django writes."""

    def add_root_elements(self, handler):
        super().add_root_elements(handler)
        if hub := self.feed.get("hub"):
            handler.addQuickElement("atom:link", None, {"rel": "hub", "href": hub})


class AtomHubLink:
    def add_root_elements(self, handler):
        super().add_root_elements(handler)
        if hub := self.feed.get("hub"):
            handler.addQuickElement("link", "", {"rel": "hub", "href": hub})


class TextRssFeed(PlainTextDescriptions, RssHubLink, Rss201rev2Feed):
    def __init__(self, title, link, description, **kwargs):
        # The channel <description> is HTML too; Atom's <subtitle> is text and is left alone.
        super().__init__(title, link, as_html(description), **kwargs)


class ArticleRssFeed(TextRssFeed):
    def rss_attributes(self):
        return super().rss_attributes() | {"xmlns:content": CONTENT_NS, "xmlns:media": MEDIA_NS}

    def add_item_elements(self, handler, item):
        super().add_item_elements(handler, item)
        handler.addQuickElement("content:encoded", item["content_html"])
        add_media_content(handler, item["photo"])


class ArticleAtomFeed(PlainTextDescriptions, AtomHubLink, Atom1Feed):
    def root_attributes(self):
        return super().root_attributes() | {"xmlns:media": MEDIA_NS}

    def add_item_elements(self, handler, item):
        super().add_item_elements(handler, item)
        handler.addQuickElement("content", item["content_html"], {"type": "html"})
        add_media_content(handler, item["photo"])


RELATIVE_URL = re.compile(r'(href|src)="(/[^/"][^"]*)"')


class HubFeed(Feed):
    """A feed that names the WebSub hub subscribers follow it through (when one is
    configured), and its own address as the hub is told about it (articles/websub.py).
    Its generator writes the hub link: RssHubLink or AtomHubLink."""

    def get_feed(self, obj, request):
        feed = super().get_feed(obj, request)
        if hub := websub.hub_url():
            feed.feed["hub"] = hub
            feed.feed["feed_url"] = websub.topic_url(request.path)
        return feed


class ArticleFeed(HubFeed):
    """The edition's latest published stories; subclasses narrow them to a section,
    author or tag."""

    feed_type = ArticleRssFeed
    description_template = None
    item_guid_is_permalink = False

    def __call__(self, request, *args, **kwargs):
        # One feed object serves every request: work on a copy that knows this one.
        feed = copy.copy(self)
        feed.request = request
        feed.origin = site_origin(request)  # asked once, not for every link of every item
        return Feed.__call__(feed, request, *args, **kwargs)

    def articles(self, obj):
        return Article.objects.published().in_edition()

    def items(self, obj):
        return (
            self.articles(obj)
            .for_cards()
            .defer("search_vector")  # the search index: kilobytes a story, never printed
            .select_related("main_image__licence")
            .prefetch_related("tags")[:FEED_SIZE]
        )

    def absolute(self, url: str) -> str:
        """Absolute on the site's own domain, as Django builds the item links."""
        return absolute(self.origin, url)

    def feed_copyright(self):
        return f"© {SITE_NAME}. {_(settings.NEWSROOM['REPRODUCTION_NOTICE'])}"

    def subtitle(self, obj):
        return self._get_dynamic_attr("description", obj)

    def item_title(self, article):
        return article.headline

    def item_description(self, article):
        return article.lead

    def item_pubdate(self, article):
        return article.published_at

    def item_updateddate(self, article):
        return article.updated_at or article.published_at

    def item_author_name(self, article):
        return ", ".join(byline.person.name for byline in article.bylines.all()) or None

    def item_categories(self, article):
        return [article.section.local_name, *(tag.name for tag in article.tags.all())]

    def item_guid(self, article):
        """Stable across slug and section changes, so readers never see a story twice."""
        domain = get_current_site(self.request).domain.split(":")[0]
        return f"tag:{domain},{article.created_at:%Y-%m-%d}:article/{article.pk}"

    def shared_photo(self, article):
        """The story's public photo file, or None. A file gone from storage (a media volume
        restored without it) leaves the story in the feed without its photo, not the feed
        broken."""
        if not article.photo:
            return None
        shared = article.photo.shared_file
        try:
            shared.size  # noqa: B018 - read once here, kept for the enclosure and media:content
        except OSError:
            return None
        return shared

    def item_enclosures(self, article):
        if (shared := self.shared_photo(article)) is None:
            return []
        return [Enclosure(self.absolute(shared.url), str(shared.size), shared.mime_type)]

    def item_extra_kwargs(self, article):
        return {"content_html": self.absolute_body(article.body), "photo": self.photo(article)}

    def absolute_body(self, body: str) -> str:
        # Cleaned on save; cleaned again here, as on the page, to guard older rows.
        return RELATIVE_URL.sub(lambda m: f'{m[1]}="{self.absolute(m[2])}"', sanitize_html(body))

    def photo(self, article) -> dict | None:
        if (shared := self.shared_photo(article)) is None:
            return None
        image = article.photo
        return {
            "url": self.absolute(shared.url),
            "type": shared.mime_type,
            "width": shared.width,
            "height": shared.height,
            "size": shared.size,
            "caption": article.caption,
            "credit": image.credit_text,
            "licence": image.licence.name,
            "licence_url": image.licence.url,
        }


class AtomFeedMixin:
    feed_type = ArticleAtomFeed


class SiteFeed(ArticleFeed):
    def title(self):
        return _("%(site)s: latest stories") % {"site": SITE_NAME}

    def description(self):
        return _(settings.NEWSROOM["TAGLINE"])  # marked in the settings

    def link(self):
        return reverse("articles:home")


class SectionFeed(ArticleFeed):
    def get_object(self, request, section):
        return get_object_or_404(Section, slug=section)

    def title(self, section):
        return f"{SITE_NAME}: {section.local_name}"

    def description(self, section):
        return section.local_description or _("The latest %(section)s stories from %(site)s.") % {
            "section": section.local_name,
            "site": SITE_NAME,
        }

    def link(self, section):
        return section.get_absolute_url()

    def articles(self, section):
        return super().articles(section).in_section(section)


class AuthorFeed(ArticleFeed):
    def get_object(self, request, slug):
        return get_object_or_404(people_in_print(), slug=slug)

    def title(self, person):
        return _("%(site)s: stories by %(name)s") % {"site": SITE_NAME, "name": person.name}

    def description(self, person):
        return person.bio or _("The latest stories by %(name)s.") % {"name": person.name}

    def link(self, person):
        return person.get_absolute_url()

    def articles(self, person):
        # What the author's page lists: an editor's feed is theirs as much as the page.
        return super().articles(person).by_person(person)


class TagFeed(ArticleFeed):
    def get_object(self, request, slug):
        return get_object_or_404(tags_in_print(), slug=slug)

    def title(self, tag):
        return f"{SITE_NAME}: {tag.name}"

    def description(self, tag):
        return _("The latest stories tagged “%(tag)s”.") % {"tag": tag.name}

    def link(self, tag):
        return reverse("articles:tag", kwargs={"slug": tag.slug})

    def articles(self, tag):
        return super().articles(tag).tagged(tag)


class SiteAtomFeed(AtomFeedMixin, SiteFeed):
    pass


class SectionAtomFeed(AtomFeedMixin, SectionFeed):
    pass


class AuthorAtomFeed(AtomFeedMixin, AuthorFeed):
    pass


class TagAtomFeed(AtomFeedMixin, TagFeed):
    pass


class CorrectionsFeed(HubFeed):
    """Every correction of the edition's stories, newest first: readers who care about
    accuracy can follow them."""

    feed_type = TextRssFeed

    def title(self):
        return _("%(site)s: corrections") % {"site": SITE_NAME}

    def description(self):
        return _("Corrections to our published stories, newest first.")

    def link(self):
        return reverse("articles:corrections")

    def items(self):
        # The link needs the story's section: fetched with it, not once per item.
        corrections = Correction.objects.published().in_edition()
        return corrections.select_related("article__section")[:FEED_SIZE]

    def item_title(self, correction):
        return _("Correction: %(headline)s") % {"headline": correction.article.headline}

    def item_description(self, correction):
        return correction.text

    def item_pubdate(self, correction):
        return correction.published_at

    def item_guid(self, correction):
        return f"correction-{correction.pk}"

    item_guid_is_permalink = False


class LiveRssFeed(RssHubLink, Rss201rev2Feed):
    """Item descriptions are the updates' sanitised HTML, as RSS reads <description>."""


class InAnotherEdition(Exception):
    """The story asked for belongs to another edition: the feed is at its address."""

    def __init__(self, url: str):
        self.url = url


class LiveFeed(HubFeed):
    """A live story's updates, newest first: follow the coverage in a feed reader."""

    feed_type = LiveRssFeed

    def __call__(self, request, *args, **kwargs):
        feed = copy.copy(self)
        feed.origin = site_origin(request)
        try:
            return Feed.__call__(feed, request, *args, **kwargs)
        except InAnotherEdition as moved:
            return HttpResponsePermanentRedirect(moved.url)

    def get_object(self, request, section, pk, slug):
        article = get_object_or_404(
            Article.objects.published().select_related("section"), pk=pk, live_from__isnull=False
        )
        if article.language != request.LANGUAGE_CODE:
            raise InAnotherEdition(article.get_absolute_url() + "live/rss/")
        if (section, slug) != (article.section.slug, article.slug):
            raise Http404(_("This story lives at another address."))
        return article

    def title(self, article):
        return _("%(site)s live: %(headline)s") % {"site": SITE_NAME, "headline": article.headline}

    def description(self, article):
        return article.lead

    def link(self, article):
        return article.get_absolute_url()

    def items(self, article):
        return article.live_updates.all()[:FEED_SIZE]

    def item_title(self, update):
        when = date_format(timezone.localtime(update.published_at), "j M, H:i")
        return update.title or _("Update, %(time)s") % {"time": when}

    def item_description(self, update):
        return RELATIVE_URL.sub(lambda m: f'{m[1]}="{absolute(self.origin, m[2])}"', update.html)

    def item_link(self, update):
        return update.get_absolute_url()

    def item_pubdate(self, update):
        return update.published_at

    def item_guid(self, update):
        return f"{self.origin}{update.get_absolute_url()}"

    item_guid_is_permalink = True
