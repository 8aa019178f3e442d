import html
import json
from datetime import datetime

from django import template
from django.utils import timezone
from django.utils.dateformat import format as format_date
from django.utils.html import escape
from django.utils.safestring import mark_safe

from .. import metadata
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
def short_time(moment: datetime) -> str:
    """“14:05” for today's stories, “24 Nov” for older ones, as news tickers print them."""
    local = timezone.localtime(moment)
    return format_date(local, "H:i" if local.date() == timezone.localdate() else "j M")


@register.inclusion_tag("includes/popular.html")
def popular_articles(limit: int = 5):
    articles = (
        Article.objects.published()
        .most_viewed(since=HourlyViews.since(hours=24 * 7))
        .select_related("section")[:limit]
    )
    return {"articles": articles}


@register.inclusion_tag("includes/last_materials.html")
def last_materials(limit: int = 10, exclude=None):
    articles = Article.objects.published().select_related("section")
    if exclude is not None:
        articles = articles.exclude(pk=exclude.pk)
    return {"articles": articles[:limit]}


@register.inclusion_tag("includes/now_reading.html")
def now_reading(article: Article, limit: int = 4):
    return {"articles": article.now_reading(limit=limit)}


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
            description=description or context["site"]["TAGLINE"],
            path=path,
        )
    return {
        "canonical": escape(origin + meta.path),
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
