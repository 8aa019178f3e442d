import hashlib
import html
import json
from datetime import datetime

from django import template
from django.template.loader import render_to_string
from django.utils import timezone, translation
from django.utils.encoding import escape_uri_path
from django.utils.formats import date_format
from django.utils.html import escape
from django.utils.safestring import mark_safe
from django.utils.translation import gettext

from newsroom.editions import all_editions, current_edition
from newsroom.fragments import shared_block

from .. import metadata, sharing
from ..metadata import SITE_NAME, PageMeta, site_origin
from ..models import HIGHLIGHT_START, HIGHLIGHT_STOP, Article, HourlyViews
from ..sanitize import sanitize_html

register = template.Library()


@register.filter
def sanitized(html: str) -> str:
    """Article bodies are cleaned on save; cleaning again on output guards old rows."""
    return mark_safe(sanitize_html(html))


@register.filter
def highlighted(snippet: str) -> str:
    """A search snippet, escaped, with the matched words in <mark>."""
    text = escape(html.unescape(snippet or ""))
    return mark_safe(text.replace(HIGHLIGHT_START, "<mark>").replace(HIGHLIGHT_STOP, "</mark>"))


@register.filter
def machine_time(moment: datetime | None) -> str:
    """A <time datetime> value: ISO 8601 to the second, where Django's "c" prints
    microseconds, six digits that HTML does not allow (at most three)."""
    if moment is None:
        return ""
    return timezone.localtime(moment).replace(microsecond=0).isoformat()


@register.filter
def short_time(moment: datetime) -> str:
    """“14:05” for today's stories, “24 Nov” for older ones, as news tickers print them
    (in the edition's language: newsroom/formats)."""
    local = timezone.localtime(moment)
    today = local.date() == timezone.localdate()
    return date_format(local, "TIME_FORMAT" if today else "SHORT_MONTH_DAY_FORMAT")


# What a rail link prints: the story's address, headline, time and section.
# The edition too: a story's address carries its edition's prefix.
RAIL_FIELDS = (
    "headline",
    "language",
    "slug",
    "published_at",
    "section__slug",
    "section__name",
    "section__translations",
)
# Popular and Now reading follow view counts, which change without an editor: they are
# kept this long at most (a cached page lives longer), on top of the content version.
VIEWS_BLOCK_SECONDS = 60


def rail_stories():
    """The edition's stories, as the rails (Popular, Last materials) print them."""
    return Article.objects.published().in_edition().select_related("section").only(*RAIL_FIELDS)


def ids_key(ids) -> str:
    """A short cache-key part naming a set of stories."""
    return hashlib.blake2b(",".join(map(str, sorted(ids))).encode(), digest_size=8).hexdigest()


@register.simple_tag(takes_context=True)
def popular_articles(context, limit: int = 5, exclude_ids=(), after_latest: int = 0):
    """The most read stories; on the home page, none already on it (exclude_ids, and the
    after_latest newest others, which its Latest block lists): no headline printed twice."""

    def build():
        articles = rail_stories().exclude(pk__in=exclude_ids)
        if after_latest:
            articles = articles.exclude(pk__in=articles[:after_latest].values("pk"))
        articles = articles.most_viewed(since=HourlyViews.since(hours=24 * 7))[:limit]
        return render_to_string("includes/popular.html", {"articles": articles})

    request = context.get("request")
    key = f"popular:{limit}:{ids_key(exclude_ids)}:{after_latest}"
    return shared_block(request, key, build, seconds=VIEWS_BLOCK_SECONDS)


@register.simple_tag(takes_context=True)
def last_materials(context, limit: int = 10, exclude=None, exclude_ids=()):
    """The newest stories, past `exclude` (the story on the page) or exclude_ids."""
    skip = [exclude.pk] if exclude is not None else list(exclude_ids)

    def build():
        articles = rail_stories().exclude(pk__in=skip)
        return render_to_string("includes/last_materials.html", {"articles": articles[:limit]})

    key = f"last:{limit}:{ids_key(skip)}"
    return shared_block(context.get("request"), key, build)


@register.simple_tag(takes_context=True)
def now_reading(context, article: Article, limit: int = 4):
    def build():
        articles = article.now_reading(limit=limit)
        return render_to_string("includes/now_reading.html", {"articles": articles})

    request = context.get("request")
    return shared_block(
        request, f"reading:{article.pk}:{limit}", build, seconds=VIEWS_BLOCK_SECONDS
    )


@register.simple_tag(takes_context=True)
def related_stories(context, article: Article, limit: int = 4):
    """Stories to read next, under the article: kept until the content changes."""

    def build():
        articles = article.related(limit=limit)
        return render_to_string("includes/related_stories.html", {"articles": articles})

    return shared_block(context.get("request"), f"related:{article.pk}:{limit}", build)


@register.simple_tag(takes_context=True)
def edition_links(context) -> list[dict]:
    """The edition switcher: where each edition takes the reader of this page.

    A story goes to its published translation, a section front to the same section in
    the other edition; anything else, and a story not translated, to the edition's home.
    """
    current = current_edition()
    article = context.get("article")
    translated = {}
    if isinstance(article, Article) and article.pk and not context.get("preview"):
        translated = {story.language: story for story in article.published_translations}
    section = context.get("section")
    links = []
    for edition in all_editions():
        if edition == current:
            url = escape_uri_path(context["request"].path)
        elif edition.code in translated:
            url = translated[edition.code].get_absolute_url()
        elif section is not None and getattr(section, "pk", None):
            with translation.override(edition.code):
                url = section.get_absolute_url()
        else:
            url = edition.prefix
        links.append({"edition": edition, "url": url, "current": edition == current})
    return links


@register.inclusion_tag("includes/share.html", takes_context=True)
def share_links(context, article: Article):
    """Copy link, e-mail and the configured networks, for the story's public address."""
    url = site_origin(context["request"]) + article.get_absolute_url()
    return {
        "url": url,
        "mail": sharing.mail_link(url=url, title=article.headline),
        "channels": sharing.share_links(url=url, title=article.headline),
    }


@register.inclusion_tag("includes/metadata.html", takes_context=True)
def page_metadata(context, meta: PageMeta | None = None, title: str = "", description: str = ""):
    """Canonical URL, Open Graph, Twitter card and JSON-LD; plain pages pass a title."""
    request = context["request"]
    origin = site_origin(request)
    if not meta:  # templates pass "" for a page without its own metadata
        page = request.GET.get("page", "")
        path = request.path + (f"?page={page}" if page.isdigit() and page != "1" else "")
        meta = PageMeta(
            title=title or SITE_NAME,
            description=description or gettext(context["site"]["TAGLINE"]),
            path=path,
        )
    return {
        "canonical": escape(origin + meta.path),
        "alternates": as_text([(code, origin + path) for code, path in meta.alternates]),
        "open_graph": as_text(meta.open_graph(origin)),
        "twitter": as_text(meta.twitter(origin)),
        "json_ld": meta.json_ld,
    }


def as_text(tags: list[tuple[str, str]]) -> list[tuple[str, str]]:
    """Every name and value escaped as plain text, even one a caller marked safe.

    escape(), not conditional_escape(): a title marked safe upstream (as Django's
    flat pages do) must still not close the attribute it is printed in.
    """
    return [(escape(name), escape(value)) for name, value in tags]


@register.filter
def plain_text(html: str) -> str:
    """The text of editors' HTML, for places that take text: descriptions, metadata."""
    return metadata.plain_text(html)


# JSON inside <script> ends at the first "</script>", whatever the JSON says:
# escape the characters that could close or comment the element.
JSON_SCRIPT_ESCAPES = {ord("<"): "\\u003C", ord(">"): "\\u003E", ord("&"): "\\u0026"}


@register.filter
def json_ld(data: dict) -> str:
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    return mark_safe(text.translate(JSON_SCRIPT_ESCAPES))


@register.simple_tag(takes_context=True)
def breaking_news(context):
    """The banner linking the newest breaking story, on every public page.

    Kept per content version like the other shared blocks: the banner's end time caps
    the version's horizon (pagecache.next_change), so it leaves pages by itself.
    """

    def build():
        story = (
            Article.objects.published().in_edition().breaking().select_related("section").first()
        )
        return render_to_string("includes/breaking_banner.html", {"story": story})

    return shared_block(context.get("request"), "breaking", build)
