"""What a page tells search engines and social networks: Open Graph, Twitter cards, JSON-LD.

Built here as plain data; templates/includes/metadata.html renders it in loops.
"""

import re
from dataclasses import dataclass, field
from datetime import datetime
from html import unescape

from django.conf import settings
from django.contrib.sites.shortcuts import get_current_site
from django.templatetags.static import static
from django.urls import reverse
from django.utils import translation
from django.utils.html import strip_tags
from django.utils.translation import gettext as _

from images import renditions
from images.models import Image, Licence
from newsroom.editions import all_editions, current_edition, edition

from .models import Article, LiveUpdate, default_version
from .sanitize import sanitize_html

SITE_NAME = settings.NEWSROOM["SITE_NAME"]


def site_origin(request) -> str:
    """Scheme and domain of the site, as feeds and sitemaps print them."""
    return f"{request.scheme}://{get_current_site(request).domain}"


# Where one block of text ends and the next begins, so their words stay apart.
BLOCK_TAG = re.compile(
    r"<(/?(?:p|h[1-6]|li|ul|ol|blockquote|br|hr|table|tr|td|th|figure|figcaption|caption)\b)"
)


def plain_text(html: str) -> str:
    """The words of an HTML fragment (a flat page, say), as text: tags gone, entities read.

    Sanitised first, so the text of a <script> or <style> goes with its tag.
    """
    cleaned = BLOCK_TAG.sub(r" <\1", sanitize_html(html))
    return " ".join(unescape(strip_tags(cleaned)).split())


@dataclass
class PageMeta:
    title: str
    description: str
    path: str
    kind: str = "website"
    image: Image | None = None
    image_alt: str = ""
    extra_open_graph: list[tuple[str, str]] = field(default_factory=list)
    json_ld: list[dict] = field(default_factory=list)
    # The page's language as Open Graph names it; the edition being read unless set.
    locale: str = ""
    # The same page in other languages: (hreflang, path), "x-default" among them.
    alternates: list[tuple[str, str]] = field(default_factory=list)

    def open_graph(self, origin: str) -> list[tuple[str, str]]:
        locale = self.locale or current_edition().locale
        others = dict.fromkeys(
            edition(code).locale for code, _path in self.alternates if code != "x-default"
        )
        tags = [
            ("og:site_name", SITE_NAME),
            ("og:type", self.kind),
            ("og:title", self.title),
            ("og:description", self.description),
            ("og:url", origin + self.path),
            ("og:locale", locale),
            *(("og:locale:alternate", other) for other in others if other != locale),
        ]
        if self.image:
            url, width, height = social_image(origin, self.image)
            tags += [
                ("og:image", url),
                ("og:image:width", str(width)),
                ("og:image:height", str(height)),
                ("og:image:alt", self.image_alt or self.image.alt_text),
            ]
        return tags + self.extra_open_graph

    def twitter(self, origin: str) -> list[tuple[str, str]]:
        tags = [
            ("twitter:card", "summary_large_image" if self.image else "summary"),
            ("twitter:title", self.title),
            ("twitter:description", self.description),
        ]
        if self.image:
            tags += [
                ("twitter:image", social_image(origin, self.image)[0]),
                ("twitter:image:alt", self.image_alt or self.image.alt_text),
            ]
        return tags


def absolute(origin: str, url: str) -> str:
    """Storage URLs are absolute already on S3-like storage, relative on local disk."""
    return url if url.startswith(("http://", "https://")) else origin + url


def social_image(origin: str, image: Image) -> tuple[str, int, int]:
    """The 1.91:1 crop social networks show (the page's photo always has renditions)."""
    crop_width, crop_height = renditions.cropped_size(image, "social")
    width = renditions.widths(image, "social")[0]
    url = absolute(origin, renditions.url(image, "social", width))
    return url, width, round(width * crop_height / crop_width)


def breadcrumbs(origin: str, trail: list[tuple[str, str]]) -> dict:
    return {
        "@context": "https://schema.org",
        "@type": "BreadcrumbList",
        "itemListElement": [
            {"@type": "ListItem", "position": position, "name": name, "item": origin + path}
            for position, (name, path) in enumerate(trail, start=1)
        ],
    }


def publisher(origin: str) -> dict:
    return {
        "@type": "NewsMediaOrganization",
        "name": SITE_NAME,
        "url": origin + reverse("articles:home"),
        "logo": {
            "@type": "ImageObject",
            "url": origin + static("img/logo-512.png"),
            "width": 512,
            "height": 512,
        },
    }


def image_object(origin: str, image: Image, caption: str) -> dict:
    shared = image.shared_file
    data = {
        "@type": "ImageObject",
        "url": absolute(origin, shared.url),
        "contentUrl": absolute(origin, shared.url),
        "width": shared.width,
        "height": shared.height,
        "caption": caption,
        "creditText": image.credit_text,
    }
    if image.licence.kind != Licence.Kind.PUBLIC_DOMAIN:
        holder = image.copyright_holder or image.creator or image.source_name
        data["copyrightNotice"] = f"© {holder}"
    if image.creator:
        data["creator"] = {"@type": "Person", "name": image.creator}
    if image.licence.url:
        data["license"] = image.licence.url
    return data


def edition_homes() -> list[tuple[str, str]]:
    """Every edition's home page as hreflang alternates of the others, the default one
    also for readers of any other language; none where the site has one edition."""
    editions = all_editions()
    if len(editions) < 2:
        return []
    homes = []
    for each in editions:
        with translation.override(each.code):
            homes.append((each.code, reverse("articles:home")))
    return [*homes, ("x-default", homes[0][1])]


def home_meta(origin: str) -> PageMeta:
    search = origin + reverse("articles:search") + "?q={search_term_string}"
    website = {
        "@context": "https://schema.org",
        "@type": "WebSite",
        "name": SITE_NAME,
        "url": origin + reverse("articles:home"),
        "inLanguage": current_edition().code,
        "potentialAction": {
            "@type": "SearchAction",
            "target": {"@type": "EntryPoint", "urlTemplate": search},
            "query-input": "required name=search_term_string",
        },
    }
    organisation = {"@context": "https://schema.org", **publisher(origin)}
    return PageMeta(
        title=SITE_NAME,
        description=_(settings.NEWSROOM["TAGLINE"]),  # marked in the settings
        path=reverse("articles:home"),
        json_ld=[website, organisation],
        alternates=edition_homes(),
    )


def section_meta(origin: str, section, path: str) -> PageMeta:
    name = section.local_name  # in the edition's language, as its front prints it
    trail = [(SITE_NAME, reverse("articles:home")), (name, section.get_absolute_url())]
    return PageMeta(
        title=name,
        description=section.local_description
        or _("The latest %(section)s stories.") % {"section": name},
        path=path,
        json_ld=[breadcrumbs(origin, trail)],
    )


def language_alternates(versions: list[Article]) -> list[tuple[str, str]]:
    """A story's published versions (hreflang, path), itself among them, then the version
    for every other language: none for a story alone. The story's page
    (Article.language_versions) and the sitemaps (published_versions) name the same ones."""
    if len(versions) < 2:
        return []
    alternates = [(story.language, story.get_absolute_url()) for story in versions]
    return [*alternates, ("x-default", default_version(versions).get_absolute_url())]


def article_meta(
    origin: str, article: Article, *, live_updates: list[LiveUpdate] | None = None
) -> PageMeta:
    """Uses only what the article page has already loaded: no extra queries.

    A live story is a LiveBlogPosting carrying the updates the page shows."""
    url = origin + article.get_absolute_url()
    published = article.published_at or article.created_at  # a preview is not yet published
    bylines = list(article.bylines.all())
    tags = [tag.name for tag in article.tags.all()]
    image = article.photo
    news_article = {
        "@context": "https://schema.org",
        "@type": "NewsArticle",
        "headline": article.headline,
        "description": article.lead,
        "url": url,
        "mainEntityOfPage": {"@type": "WebPage", "@id": url},
        "datePublished": published.isoformat(),
        "dateModified": (article.updated_at or published).isoformat(),
        "author": [
            {
                "@type": "Person",
                "name": byline.person.name,
                "url": origin + byline.person.get_absolute_url(),
            }
            for byline in bylines
        ],
        "publisher": publisher(origin),
        "articleSection": article.section.local_name,
        "inLanguage": article.language,
        "keywords": tags,
        "isAccessibleForFree": True,
    }
    if article.editor:
        news_article["editor"] = {
            "@type": "Person",
            "name": article.editor.name,
            "url": origin + article.editor.get_absolute_url(),
        }
    if image:
        news_article["image"] = [image_object(origin, image, article.caption)]
    if corrections := list(article.corrections.all()):
        news_article["correction"] = [
            {
                "@type": "CorrectionComment",
                "text": correction.text,
                "datePublished": correction.published_at.isoformat(),
            }
            for correction in corrections
        ]
    if article.is_live_blog:
        live_blog(news_article, article, live_updates or [], url)
    trail = [
        (SITE_NAME, reverse("articles:home")),
        (article.section.local_name, article.section.get_absolute_url()),
        (article.headline, article.get_absolute_url()),
    ]
    extra = [
        ("article:published_time", published.isoformat()),
        ("article:modified_time", (article.updated_at or published).isoformat()),
        ("article:section", article.section.local_name),
        *(("article:author", origin + b.person.get_absolute_url()) for b in bylines),
        *(("article:tag", tag) for tag in tags),
    ]
    return PageMeta(
        title=article.headline,
        description=article.lead,
        path=article.get_absolute_url(),
        kind="article",
        image=image,
        image_alt=image.alt_text if image else "",
        extra_open_graph=extra,
        json_ld=[news_article, breadcrumbs(origin, trail)],
        locale=article.edition.locale,
        alternates=language_alternates(article.language_versions),
    )


def live_blog(data: dict, article: Article, updates: list[LiveUpdate], url: str) -> None:
    """Makes a NewsArticle's data a LiveBlogPosting: coverage times and the updates shown."""
    data["@type"] = "LiveBlogPosting"
    data["coverageStartTime"] = article.live_from.isoformat()
    if article.live_until:
        data["coverageEndTime"] = article.live_until.isoformat()
    data["liveBlogUpdate"] = [
        {
            "@type": "BlogPosting",
            "headline": update.title or plain_text(update.html)[:110],
            "articleBody": plain_text(update.html),
            "datePublished": update.published_at.isoformat(),
            "url": f"{url}#update-{update.pk}",
        }
        for update in updates
    ]
    if updates:
        newest = max(update.published_at for update in updates)
        if newest > datetime.fromisoformat(data["dateModified"]):
            data["dateModified"] = newest.isoformat()
