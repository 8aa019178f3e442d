"""Blocks every page shares (navigation, Last materials, Popular), built once per content
version in each app server's memory instead of once per render.

Exact on every server: the key is the shared content version and the time of the next
change by the clock (newsroom.pagecache.site_state), so an editor's change or a scheduled
story going out retires every stored block on the next request. Blocks that also move by
themselves (view counts) take a lifetime on top, as whole cached pages do.
"""

import time
from collections.abc import Callable
from typing import TypeVar

from django.http import HttpRequest
from django.utils import timezone, translation

from .pagecache import site_state
from .quotas import CACHE_UNREACHABLE

T = TypeVar("T")

# stamp -> {key: (value, monotonic deadline or None)}; only the current stamp is kept.
_blocks: dict[str, dict[str, tuple[object, float | None]]] = {}
# A block per article (Now reading) must not grow without bound between two changes.
MAX_BLOCKS = 2000


def content_stamp(request: HttpRequest | None) -> str | None:
    """The content version and its horizon, asked of the shared cache once per request;
    None when the shared cache cannot be reached (nothing is then kept)."""
    if request is not None and hasattr(request, "_content_stamp"):
        return request._content_stamp
    try:
        version, horizon = site_state(timezone.now())
        stamp = f"{version}|{horizon}"
    except CACHE_UNREACHABLE:
        stamp = None
    if request is not None:
        request._content_stamp = stamp
    return stamp


def shared_block(
    request: HttpRequest | None, key: str, build: Callable[[], T], *, seconds: float | None = None
) -> T:
    """build()'s value, kept until the content changes (or for `seconds`, if sooner).

    Blocks are kept per edition: each has its own stories and words."""
    key = f"{translation.get_language()}:{key}"
    stamp = content_stamp(request)
    if stamp is None:
        return build()
    blocks = _blocks.get(stamp)
    if blocks is None:
        _blocks.clear()
        blocks = _blocks[stamp] = {}
    now = time.monotonic()
    if (kept := blocks.get(key)) is not None and (kept[1] is None or kept[1] > now):
        return kept[0]
    value = build()
    if len(blocks) >= MAX_BLOCKS:
        blocks.clear()
    blocks[key] = (value, None if seconds is None else now + seconds)
    return value
