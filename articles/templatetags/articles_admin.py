import difflib
import html

from django import template
from django.utils.html import escape, strip_tags
from django.utils.safestring import mark_safe
from js_asset import Media

register = template.Library()


def plain_words(value) -> list[str]:
    # The history view hands over values already escaped for HTML.
    return strip_tags(html.unescape(str(value if value is not None else ""))).split()


@register.filter
def text_diff(old, new) -> str:
    """Word by word: removed words struck out, added words underlined, the rest elided."""
    old_words = plain_words(old)
    new_words = plain_words(new)
    parts = []
    matcher = difflib.SequenceMatcher(a=old_words, b=new_words, autojunk=False)
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            same = old_words[i1:i2]
            kept = same if len(same) <= 8 else [*same[:3], "…", *same[-3:]]
            parts.append(escape(" ".join(kept)))
            continue
        if i2 > i1:
            parts.append(f"<del>{escape(' '.join(old_words[i1:i2]))}</del>")
        if j2 > j1:
            parts.append(f"<ins>{escape(' '.join(new_words[j1:j2]))}</ins>")
    return mark_safe(" ".join(parts))  # every word went through escape()


@register.filter
def csp_nonced(media, request):
    """Form media whose inline scripts (an import map) run under the response's CSP nonce;
    asking for the nonce is what puts it in the Content-Security-Policy header."""
    return Media.from_media(media, nonce=str(request.csp_nonce))
