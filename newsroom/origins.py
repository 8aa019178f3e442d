"""Whether a request comes from this site's own pages.

The endpoints that article pages call (typo reports, the view beacon) cannot use a CSRF
token: the pages are cached for everyone and carry none. They ask this module instead,
which applies the rule Django's CSRF check applies to Origin and Referer.
"""

from urllib.parse import urlsplit

from django.conf import settings
from django.core.exceptions import DisallowedHost
from django.utils.http import is_same_domain


def origin_of(url: str) -> str:
    """“https://news.example.org” for any address on that site; "" when there is none."""
    try:
        parts = urlsplit(url)
    except ValueError:
        return ""
    if parts.scheme not in ("http", "https") or not parts.netloc:
        return ""
    return f"{parts.scheme}://{parts.netloc.lower()}"


def request_origin(request) -> str:
    """The Origin header or, when a browser leaves it out, the origin of the Referer."""
    if origin := request.headers.get("Origin"):
        return origin.lower()
    return origin_of(request.headers.get("Referer", ""))


def is_site_origin(request, origin: str) -> bool:
    """True for this site's own origin and for the ones in CSRF_TRUSTED_ORIGINS.

    The same rule as Django's CSRF check, wildcards (“https://*.example.org”) included.
    """
    if not origin:
        return False
    try:
        if origin == f"{request.scheme}://{request.get_host()}".lower():
            return True
    except DisallowedHost:
        pass
    scheme, _, netloc = origin.partition("://")
    for trusted in settings.CSRF_TRUSTED_ORIGINS:
        trusted = trusted.lower()
        if origin == trusted:
            return True
        trusted_scheme, _, trusted_netloc = trusted.partition("://")
        if (
            "*" in trusted_netloc
            and scheme == trusted_scheme
            and is_same_domain(netloc, trusted_netloc.replace("*", "", 1))
        ):
            return True
    return False


def site_page_origin(request) -> str | None:
    """The origin of this site's page that sent the request; None when it came from elsewhere.

    A browser's Origin and Referer cannot be set by a page's script, so another site cannot
    pass for this one through a reader's browser. A script outside a browser can send any
    header: limits per client address are what hold those back.
    """
    origin = request_origin(request)
    return origin if is_site_origin(request, origin) else None
