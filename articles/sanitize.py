"""The allow-list for article bodies: what editors may publish, and nothing else."""

from functools import lru_cache

import nh3

ALLOWED_TAGS = {
    "p", "br", "h2", "h3", "h4", "strong", "em", "b", "i", "u", "s", "sub", "sup",
    "a", "ul", "ol", "li", "blockquote", "hr", "figure", "figcaption", "table",
    "thead", "tbody", "tr", "th", "td", "caption",
}  # fmt: skip
ALLOWED_ATTRIBUTES = {
    "a": {"href", "title"},
    "ol": {"start"},
    "th": {"colspan", "rowspan", "scope"},
    "td": {"colspan", "rowspan"},
}
ALLOWED_URL_SCHEMES = {"http", "https", "mailto"}

_cleaner = nh3.Cleaner(
    tags=ALLOWED_TAGS,
    attributes=ALLOWED_ATTRIBUTES,
    url_schemes=ALLOWED_URL_SCHEMES,
    # Outside links must not pass our readers' referrer or ranking to strangers.
    link_rel="noopener noreferrer",
    strip_comments=True,
)


# Bodies are cleaned on save and again on output (pages, feeds) to guard rows written
# past save(); the output pass meets the same few hundred bodies again and again.
@lru_cache(maxsize=512)
def sanitize_html(html: str) -> str:
    return _cleaner.clean(html or "").strip()
