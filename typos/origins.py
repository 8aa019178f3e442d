"""Which site a request comes from, for the endpoint that cannot use a CSRF token."""

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
