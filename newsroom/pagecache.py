"""Whole public pages in the shared cache, and the Cache-Control header of every response.

One middleware decides for the whole site. An anonymous GET or HEAD is answered from
the shared cache when it can be: a 304 from the page's ETag before anything renders, the
stored page, or a render that only one request per page does at a time while the others
wait for it. Signed-in visitors, unsafe methods and anything a view marked itself (the
admin, preview links, the beacons) are never stored and are sent `private, no-store`.

Invalidation is by a version kept in the shared cache: every key holds it, so one write
(`content_changed()`, called by the services and admin saves that change public content)
retires every stored page on every app server at once. Changes that need no editor (a
scheduled story going out or expiring, a photo's rights running out at midnight) are
found by one query, cached beside the version: no cached page, proxy copy or 304 outlives
the next of them, since its time is part of every ETag and caps every lifetime.

A page is stored under its address alone, with the version and horizon it was rendered
under inside it, so a hit is one round trip to the shared cache (the version, the horizon
and the page in one get_many), and serves the page only when both still match.

The middleware comes first, so a stored page is answered without the middleware below
it: the page keeps the security headers it was rendered with. Their settings are part of
the key, so an app server started with a new policy never serves a page made under the
old one.
"""

import functools
import hashlib
import logging
import operator
import time
import uuid
from datetime import datetime, timedelta
from datetime import time as clock_time

from django.conf import settings
from django.contrib.staticfiles.storage import staticfiles_storage
from django.core.cache import cache
from django.core.exceptions import DisallowedHost
from django.db import transaction
from django.db.models import Min, Q
from django.http import HttpRequest, HttpResponse
from django.utils import timezone
from django.utils.cache import (
    add_never_cache_headers,
    get_conditional_response,
    patch_cache_control,
)
from django.utils.http import parse_http_date_safe

from .quotas import CACHE_UNREACHABLE

logger = logging.getLogger(__name__)

DEFAULTS = {
    # The app's own copy: exact (the version retires it), so it may live long; the
    # blocks that move by themselves (Popular, Now reading) refresh at this pace.
    # 0 stores no page: only the headers are sent.
    "SECONDS": 300,
    # Copies nobody can retire early: the proxy's micro-cache and the reader's browser.
    "PROXY_SECONDS": 10,
    "BROWSER_SECONDS": 5,
    "STALE_WHILE_REVALIDATE": 30,
    "STALE_IF_ERROR": 24 * 60 * 60,
}
VERSION_KEY = "pages:version"
HORIZON_KEY = "pages:horizon"
# A render longer than this loses its lock, and the next request renders too.
LOCK_SECONDS = 10
POLL_SECONDS = 0.02
# The settings the header middlewares below read (django.middleware.security, django-csp,
# django-permissions-policy, clickjacking).
HEADER_SETTINGS = ("SECURE_", "CONTENT_SECURITY_POLICY", "CSP_", "PERMISSIONS_POLICY", "X_FRAME")
# What a 304 leaves out of the page it stands for.
BODY_HEADERS = {"content-type", "content-length", "content-encoding", "content-language"}
# Statuses that are the same for every reader: a story, a moved story, a missing one.
SHARED_STATUSES = {200, 301, 404, 410}
# A stored "pass": this address answered with something not to share (a private page,
# an error), so requests for it go straight to the view instead of queueing on the lock.
PASS = "pass"
PASS_SECONDS = 30


def conf(name: str):
    return getattr(settings, "PAGE_CACHE", {}).get(name, DEFAULTS[name])


@functools.cache
def static_build() -> str:
    """Which build of the static files this process serves (collectstatic's manifest).

    A page names its stylesheets and scripts by hashed names: one stored, or held by a
    browser, before a deploy would name files the new build may not have.
    """
    return getattr(staticfiles_storage, "manifest_hash", "") or ""


@functools.cache
def header_settings() -> str:
    """This process's security-header settings, in a form that changes when they do."""
    return repr(
        sorted(
            (name, getattr(settings, name))
            for name in dir(settings)
            if name.startswith(HEADER_SETTINGS)
        )
    )


def content_changed() -> None:
    """Something readers see has changed: every page is rendered afresh from the next
    request, on every app server. Runs once the change is committed, so no request can
    render the old rows into a page stored under the new version."""
    transaction.on_commit(bump_version, robust=True)


def bump_version() -> None:
    try:
        cache.set(VERSION_KEY, uuid.uuid4().hex, timeout=None)
    except CACHE_UNREACHABLE as error:
        # Pages stored in it are out of reach too; they may come back with it, for at
        # most SECONDS.
        logger.error("Shared cache unreachable, cached pages not refreshed: %s", error)


def next_change(now: datetime) -> datetime:
    """When the public site next changes by the clock alone: a scheduled story goes out
    or expires, a breaking-news banner or a live story's coverage starts or ends, or the
    day ends (pages print the date, photos' rights end with a day)."""
    from articles.models import Article  # the project package may use the apps; not at import

    moments = ("published_at", "expires_at", "breaking_until", "live_from", "live_until")
    upcoming = (
        Article.objects.filter(status=Article.Status.PUBLISHED)
        .filter(functools.reduce(operator.or_, (Q(**{f"{name}__gt": now}) for name in moments)))
        .aggregate(**{name: Min(name, filter=Q(**{f"{name}__gt": now})) for name in moments})
    )
    tomorrow = timezone.localdate(now) + timedelta(days=1)
    midnight = timezone.make_aware(datetime.combine(tomorrow, clock_time.min))
    return min(moment for moment in (*upcoming.values(), midnight) if moment is not None)


def site_state(now: datetime, stored: dict | None = None) -> tuple[str, float]:
    """The content version and the time (a timestamp) the current pages stop being true.

    `stored` is what a get_many of VERSION_KEY and HORIZON_KEY (and maybe more) already
    brought back, to save asking again."""
    if stored is None:
        stored = cache.get_many([VERSION_KEY, HORIZON_KEY])
    version = stored.get(VERSION_KEY)
    if version is None:  # first start, or evicted: any fresh value retires every page
        version = uuid.uuid4().hex
        if not cache.add(VERSION_KEY, version, timeout=None):
            version = cache.get(VERSION_KEY) or version
    horizon = stored.get(HORIZON_KEY)
    if horizon and horizon[0] == version and horizon[1] > now.timestamp():
        return version, horizon[1]
    # Stored with the version it was computed under: one computed from rows older than
    # the last change is never taken for the current one.
    until = next_change(now).timestamp()
    lifetime = min(max(until - now.timestamp(), 1), 24 * 60 * 60)
    cache.set(HORIZON_KEY, (version, until), timeout=round(lifetime))
    return version, until


def is_private_request(request: HttpRequest) -> bool:
    """A signed-in visitor, or one who sends credentials: pages made for them alone."""
    return settings.SESSION_COOKIE_NAME in request.COOKIES or "Authorization" in request.headers


def is_shared(response: HttpResponse) -> bool:
    """The same for every anonymous reader, so caches may keep it."""
    vary = {field.strip().lower() for field in response.get("Vary", "").split(",")}
    return (
        response.status_code in SHARED_STATUSES
        and not response.streaming
        and "Cache-Control" not in response  # a view that chose for itself
        and not response.cookies
        and "cookie" not in vary
    )


def set_public_headers(
    response: HttpResponse, *, seconds_left: float, etag: str | None = None
) -> None:
    """Lifetimes for browsers and proxies, none reaching past the next scheduled change."""
    left = max(int(seconds_left), 0)
    proxy = min(conf("PROXY_SECONDS"), left)
    after = left - proxy  # nor may a stale copy be served past it
    response.headers.pop("Expires", None)
    patch_cache_control(
        response,
        public=True,
        max_age=min(conf("BROWSER_SECONDS"), left),
        s_maxage=proxy,
        stale_while_revalidate=min(conf("STALE_WHILE_REVALIDATE"), after),
        stale_if_error=min(conf("STALE_IF_ERROR"), after),
    )
    if etag and response.status_code in (200, 304):
        response["ETag"] = etag


def set_private_headers(response: HttpResponse) -> None:
    if "Cache-Control" not in response:
        add_never_cache_headers(response)


def current(entry, stamp: str):
    """A stored page (or PASS), if it was stored under this version and horizon."""
    if entry is not None and entry[0] == stamp:
        return entry[1]
    return None


class PageCacheMiddleware:
    """Serves and stores anonymous public pages; sets Cache-Control on every response.

    Placed first: a stored page needs none of the middleware below, and carries the
    security headers it was rendered with (see header_settings()).
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if request.method not in ("GET", "HEAD") or is_private_request(request):
            response = self.get_response(request)
            set_private_headers(response)
            return response
        try:
            address = request.build_absolute_uri()
        except DisallowedHost:
            # Refused below, where the answer gets the security headers like any other.
            return self.render(request, seconds_left=0)
        now = timezone.now()
        build = f"{header_settings()}|{static_build()}"
        digest = hashlib.sha256(f"{build}|{address}".encode()).hexdigest()
        key = f"pages:page:{digest}"
        wanted = [VERSION_KEY, HORIZON_KEY]
        if conf("SECONDS") > 0:
            wanted.append(key)
        try:
            stored = cache.get_many(wanted)
            version, horizon = site_state(now, stored)
        except CACHE_UNREACHABLE as error:
            logger.warning("Shared cache unreachable, page not cached: %s", error)
            return self.render(request, seconds_left=next_change(now).timestamp() - now.timestamp())

        stamp = f"{version}|{horizon}"
        # The shared blocks (newsroom.fragments) of a render key on the same stamp.
        request._content_stamp = stamp
        etag = 'W/"{}"'.format(
            hashlib.sha256(f"{stamp}|{static_build()}|{address}".encode()).hexdigest()[:40]
        )
        seconds_left = horizon - now.timestamp()
        if conf("SECONDS") <= 0:
            return self.render(request, seconds_left=seconds_left)
        try:
            # A reader who holds this version of the page gets 304 from the stored copy
            # (whose security headers it carries), before anything renders.
            entry = current(stored.get(key), stamp)
            return self.cached(request, digest, entry, stamp, etag=etag, seconds_left=seconds_left)
        except CACHE_UNREACHABLE as error:
            logger.warning("Shared cache unreachable, page not cached: %s", error)
            return self.render(request, seconds_left=seconds_left)

    def cached(
        self, request, digest: str, entry, stamp: str, *, etag: str, seconds_left: float
    ) -> HttpResponse:
        key, lock = f"pages:page:{digest}", f"pages:lock:{digest}"
        if entry is None:
            if cache.add(lock, 1, timeout=LOCK_SECONDS):
                try:
                    # Stored between our miss and our lock? Then it is not ours to render.
                    entry = current(cache.get(key), stamp)
                    if entry is None:
                        return self.render_and_store(request, key, stamp, etag, seconds_left)
                finally:
                    cache.delete(lock)
            else:
                entry = self.wait_for(key, lock, stamp)
                if entry is None:  # the render we waited for failed or took too long
                    return self.render_and_store(request, key, stamp, etag, seconds_left)
        if entry == PASS:
            return self.render(request, seconds_left=seconds_left)
        request.page_cache = "hit"
        status, headers, content = entry
        response = HttpResponse(content, status=status)
        for name, value in headers:
            response[name] = value
        return self.answer(request, response, etag=etag, seconds_left=seconds_left)

    def answer(self, request, response, *, etag: str, seconds_left: float) -> HttpResponse:
        """The full page, or 304 to a reader whose copy is still current (feed readers
        send If-Modified-Since alone)."""
        set_public_headers(response, seconds_left=seconds_left, etag=etag)
        if response.status_code != 200:
            return response
        last_modified = parse_http_date_safe(response.get("Last-Modified", ""))
        answer = get_conditional_response(
            request, etag=response.get("ETag"), last_modified=last_modified, response=response
        )
        if answer.status_code == 304:
            # Django's 304 keeps only the caching headers; ours is above the middleware
            # that would add the security headers again.
            for name, value in response.items():
                if name.lower() not in BODY_HEADERS:
                    answer[name] = value
        return answer

    def wait_for(self, key: str, lock: str, stamp: str):
        """Another request is rendering this page: its copy, once it is stored."""
        deadline = time.monotonic() + LOCK_SECONDS
        while time.monotonic() < deadline:
            time.sleep(POLL_SECONDS)
            found = cache.get_many([key, lock])
            entry = current(found.get(key), stamp)
            if entry is not None or lock not in found:
                return entry
        return None

    def render(self, request, *, seconds_left: float) -> HttpResponse:
        """A page not stored: shared ones still get their lifetimes, but no ETag, since
        there is no version to stamp them with."""
        response = self.get_response(request)
        if is_shared(response):
            set_public_headers(response, seconds_left=seconds_left)
        else:
            set_private_headers(response)
        return response

    def render_and_store(self, request, key: str, stamp: str, etag: str, seconds_left: float):
        request.page_cache = "miss"
        # The stored copy is the whole page whatever this reader holds: conditions are
        # answered here, from it, not by the middleware below.
        conditions = {
            name: request.META.pop(name, None)
            for name in ("HTTP_IF_NONE_MATCH", "HTTP_IF_MODIFIED_SINCE")
        }
        response = self.get_response(request)
        request.META.update({name: value for name, value in conditions.items() if value})
        timeout = min(conf("SECONDS"), int(seconds_left))
        if not is_shared(response):
            set_private_headers(response)
            cache.set(key, (stamp, PASS), timeout=min(PASS_SECONDS, max(timeout, 1)))
            return response
        headers = [
            (name, value)
            for name, value in response.items()
            if name.lower() not in ("etag", "expires")
        ]
        if timeout > 0:
            cache.set(
                key, (stamp, (response.status_code, headers, response.content)), timeout=timeout
            )
        return self.answer(request, response, etag=etag, seconds_left=seconds_left)


class PublicContentAdmin:
    """For a model admin whose rows readers see: every save and delete refreshes the pages.

    `changes_public_pages()` lets an admin skip the refresh for rows no reader sees.
    """

    def changes_public_pages(self, request, obj, form) -> bool:
        return True

    def save_model(self, request, obj, form, change):
        super().save_model(request, obj, form, change)
        if self.changes_public_pages(request, obj, form):
            content_changed()

    def delete_model(self, request, obj):
        super().delete_model(request, obj)
        content_changed()

    def delete_queryset(self, request, queryset):
        super().delete_queryset(request, queryset)
        content_changed()


def _third_party_changed(sender, **kwargs) -> None:
    content_changed()


def connect_third_party_receivers() -> None:
    """Flat pages, redirects, tags and the site's name come from other people's apps, edited in
    admins we do not write: their signals are the only place to hear of a change. Our
    own models call content_changed() from their services and admins instead."""
    from django.contrib.flatpages.models import FlatPage
    from django.contrib.redirects.models import Redirect
    from django.contrib.sites.models import Site
    from django.db.models.signals import m2m_changed, post_delete, post_save
    from taggit.models import Tag

    for model in (FlatPage, Redirect, Site, Tag):
        post_save.connect(_third_party_changed, sender=model, dispatch_uid=f"pages-{model}")
        post_delete.connect(_third_party_changed, sender=model, dispatch_uid=f"pages-{model}-x")
    # A flat page appears on a site only once it is linked to it.
    m2m_changed.connect(
        _third_party_changed, sender=FlatPage.sites.through, dispatch_uid="pages-flatpage-sites"
    )
