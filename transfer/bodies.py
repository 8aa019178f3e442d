"""A WordPress post's text made one of our stories: paragraphs, a lead, our allow-list.

WordPress stores classic posts without paragraph tags (its theme adds them on display,
`wpautop`) and block posts with their markup between `<!-- wp:… -->` comments; either
becomes our paragraphs. Everything then goes through our allow-list
(articles.sanitize): scripts are dropped with their content, and so are iframes and
inline images, which our bodies never carry. An embedded iframe (a video, a map) is
replaced by a link to what it showed, so readers can still reach it; the report counts
each kind of removal so the import can say what it did.
"""

import html
import re
from dataclasses import dataclass
from urllib.parse import urlsplit

from django.utils.html import escape, strip_tags
from django.utils.text import Truncator

from articles.models import Article
from articles.sanitize import sanitize_html

LEAD_MAX = Article._meta.get_field("lead").max_length

SCRIPT = re.compile(r"<script\b", re.IGNORECASE)
IFRAME = re.compile(r"<iframe\b([^>]*)>.*?</iframe\s*>|<iframe\b([^>]*)/?>", re.I | re.S)
ATTRIBUTE = re.compile(r"""\b(src|title)\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+))""", re.I)
SCRIPT_ELEMENT = re.compile(r"<script\b.*?</script\s*>", re.IGNORECASE | re.DOTALL)
IMG = re.compile(r"<img\b", re.IGNORECASE)
# [caption]<img …> words[/caption]: the words describe a photo that is not kept.
CAPTION_SHORTCODE = re.compile(r"\[(caption|wp_caption)\b[^\]]*\].*?\[/\1\]", re.I | re.S)
# [embed]https://…[/embed]: the address stays, as a link.
EMBED_SHORTCODE = re.compile(r"\[embed\b[^\]]*\](.*?)\[/embed\]", re.I | re.S)
# Media WordPress builds from its own library; nothing of them can be kept.
MEDIA_SHORTCODE = re.compile(
    r"\[(gallery|audio|video|playlist)\b[^\]]*\](?:.*?\[/\1\])?", re.IGNORECASE | re.DOTALL
)
# Our headings are h2-h4: WordPress's h1 and h5-h6 become the nearest.
HEADING = re.compile(r"<(/?)h([1-6])\b", re.IGNORECASE)
BLOCK_EDITOR = re.compile(r"<!--\s*wp:")
BLANK_LINE = re.compile(r"\n\s*\n")
BLOCK_START = re.compile(
    r"\s*<(p|h[1-6]|ul|ol|li|blockquote|figure|table|thead|tbody|tr|div|pre|hr|address|"
    r"section|dl|form|iframe|!--)\b",
    re.IGNORECASE,
)
# Where wpautop parts blocks: before a block element opens and after it closes.
BLOCK_TAGS = r"(?:p|h[1-6]|ul|ol|blockquote|figure|table|pre|hr|div|iframe)"
BLOCK_OPEN = re.compile(rf"(<{BLOCK_TAGS}\b)", re.IGNORECASE)
BLOCK_CLOSE = re.compile(rf"(</{BLOCK_TAGS}\s*>)", re.IGNORECASE)
BARE_URL = re.compile(r"\s*(https?://[^\s<>\"']+)\s*")
EMPTY_FIGURE = re.compile(r"<figure>\s*(?:<figcaption>.*?</figcaption>)?\s*</figure>", re.S)
EMPTY_PARAGRAPH = re.compile(r"<p>(?:\s|&nbsp;|<br>)*</p>")
FIRST_PARAGRAPH = re.compile(r"\A\s*<p>(.*?)</p>", re.DOTALL)


@dataclass
class BodyReport:
    """What the allow-list took out of one post, for the import's summary."""

    scripts: int = 0
    embeds_linked: int = 0
    embeds_dropped: int = 0
    images_dropped: int = 0
    media_dropped: int = 0


def paragraphs(content: str) -> str:
    """WordPress's classic text as paragraphs: a blank line parts them, a single newline
    is a line break, a block element stands on its own, a bare address is a link."""
    if BLOCK_EDITOR.search(content):
        return content  # the block editor wrote every paragraph's tags itself
    text = content.replace("\r\n", "\n")
    text = BLOCK_CLOSE.sub(r"\1\n\n", BLOCK_OPEN.sub(r"\n\n\1", text))
    blocks = []
    for chunk in BLANK_LINE.split(text):
        if not chunk.strip():
            continue
        if BLOCK_START.match(chunk):
            blocks.append(chunk.strip())
        elif match := BARE_URL.fullmatch(chunk):
            # A link alone on its line is how WordPress embeds (oEmbed): keep it, as a link.
            url = escape(match[1])
            blocks.append(f'<p><a href="{url}">{url}</a></p>')
        else:
            blocks.append("<p>" + chunk.strip().replace("\n", "<br>\n") + "</p>")
    return "\n".join(blocks)


def embed_link(attributes: str, report: BodyReport) -> str:
    """An iframe as a paragraph linking to what it showed (a web address only)."""
    found = {
        name.lower(): next(value for value in values if value)
        for name, *values in ATTRIBUTE.findall(attributes)
        if any(values)
    }
    src = html.unescape(found.get("src", "")).strip()
    if src.startswith("//"):
        src = "https:" + src
    parts = urlsplit(src)
    if parts.scheme not in ("http", "https") or not parts.netloc:
        report.embeds_dropped += 1
        return ""
    report.embeds_linked += 1
    title = html.unescape(found.get("title", "")).strip()
    label = f"{title} ({parts.netloc})" if title else f"Embedded content on {parts.netloc}"
    return f'<p><a href="{escape(src)}">{escape(label)}</a></p>'


def wordpress_body(content: str) -> tuple[str, BodyReport]:
    """Our body for a post's content, and what was taken out of it."""
    report = BodyReport()
    report.scripts = len(SCRIPT.findall(content))
    # Counted outside scripts: a script writing an <img> is counted as a script.
    report.images_dropped = len(IMG.findall(SCRIPT_ELEMENT.sub("", content)))
    text = CAPTION_SHORTCODE.sub("", content)
    text = EMBED_SHORTCODE.sub(lambda match: "\n\n" + match[1].strip() + "\n\n", text)
    text, report.media_dropped = MEDIA_SHORTCODE.subn("", text)
    text = IFRAME.sub(lambda match: embed_link(match[1] or match[2] or "", report), text)
    text = HEADING.sub(lambda match: f"<{match[1]}h{min(max(int(match[2]), 2), 4)}", text)
    body = sanitize_html(paragraphs(text))
    body = EMPTY_FIGURE.sub("", body)  # a figure whose photo the allow-list removed
    return EMPTY_PARAGRAPH.sub("", body).strip(), report


def plain_text(fragment: str) -> str:
    """Text as a reader reads it: no tags, entities decoded, whitespace collapsed."""
    return " ".join(html.unescape(strip_tags(fragment)).split())


def lead_and_body(*, excerpt: str, body: str) -> tuple[str, str]:
    """The lead (the excerpt, else the first paragraph) and the body to print under it.

    A first paragraph that becomes the lead whole is taken out of the body, or readers
    would read it twice; a body of one paragraph keeps it, as a story needs a body.
    """
    if lead := plain_text(excerpt):
        return Truncator(lead).chars(LEAD_MAX), body
    match = FIRST_PARAGRAPH.match(body)
    if match is None:
        return Truncator(plain_text(body)).chars(LEAD_MAX), body
    lead = plain_text(match[1])
    rest = body[match.end() :].strip()
    if len(lead) <= LEAD_MAX and plain_text(rest):
        return lead, rest
    return Truncator(lead).chars(LEAD_MAX), body
