"""WebSub: every feed names a hub, and the hub hears from us the moment a story goes out.

Subscribers (feed readers, aggregators) follow a feed through the hub instead of polling
it; the hub fetches the feed when we tell it which ones changed, and pushes the news on.
The hub is configured by NEWSROOM_WEBSUB_HUB; with none, feeds name no hub and nothing is
sent. A feed's topic (its rel="self" link) and the address we announce are built by the
same function here, so what a subscriber followed is what the hub is told about.

Announcements go through the queue (articles/tasks.py): a scheduled story's is held for
its time, and checked again then, so a story rescheduled or taken down is never announced
early. One announcement per publication: the shared cache remembers the ones made.
"""

import logging
from datetime import datetime
from urllib.error import HTTPError
from urllib.parse import urlencode
from urllib.request import Request, urlopen

from django.conf import settings
from django.contrib.sites.models import Site
from django.core.cache import cache
from django.db import transaction
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.encoding import iri_to_uri

from .models import Article

logger = logging.getLogger(__name__)

# A hub that does not answer within this is treated as down (and retried by the worker).
TIMEOUT_SECONDS = 5
# How long the cache remembers an announcement: past this, a repeat is harmless anyway
# (the hub fetches the feed and finds nothing new), so the memory need not be forever.
ANNOUNCED_SECONDS = 60 * 60 * 24 * 30


def hub_url() -> str:
    return settings.NEWSROOM.get("WEBSUB_HUB", "")


def site_origin() -> str:
    """The site's scheme and domain without a request: the worker has none.

    The domain is the Site's (as in every feed link); the scheme is HTTPS once the site
    redirects every request to it (DJANGO_SSL_REDIRECT), so no reader sees another one.
    """
    scheme = "https" if settings.SECURE_SSL_REDIRECT else "http"
    return f"{scheme}://{Site.objects.get_current().domain}"


def topic_url(path: str) -> str:
    """A feed's address as subscribers follow it and as the hub is told about it."""
    return site_origin() + iri_to_uri(path)


def feed_paths(article: Article) -> list[str]:
    """Every feed the story appears in: the site's, its section's, its people's, its tags',
    all of its own edition (/ru/rss/ for a Russian story)."""
    names = [("articles:feed", {}), ("articles:section-feed", {"section": article.section.slug})]
    people = {byline.person.slug for byline in article.bylines.select_related("person")}
    if article.editor_id:
        people.add(article.editor.slug)  # an editor's feed lists the stories they edited
    names += [("articles:author-feed", {"slug": slug}) for slug in sorted(people)]
    tags = sorted(article.tags.values_list("slug", flat=True))
    names += [("articles:tag-feed", {"slug": slug}) for slug in tags]
    # Each feed in RSS and in Atom: the Atom twin's URL name ends in "-atom".
    with translation.override(article.language):
        return [
            reverse(f"{name}{twin}", kwargs=kwargs)
            for name, kwargs in names
            for twin in ("", "-atom")
        ]


def story_feed_path(article: Article, name: str, kwargs: dict | None = None) -> str:
    """The address of one of the story's feeds (its live feed, its edition's corrections),
    in the story's own edition whichever edition, or the admin, changed it."""
    with translation.override(article.language):
        return reverse(name, kwargs=kwargs)


def announced_key(article_id: int) -> str:
    """Holds the publication time (a timestamp) of the story's last announcement."""
    return f"websub:announced:{article_id}"


def announce_later(article: Article) -> None:
    """Queue the announcement of a published or scheduled story, for its publication time.

    Called after every save of a story (the admin's, the bulk actions'): a draft, a story
    out and announced already (its time edited or not), or a site with no hub queues
    nothing; a story taken down is forgotten, so that its next publication is announced.
    The task is queued once the save commits; its worker holds it until the story is due.
    A rescheduled story gets a new task here, and the old one finds the time changed.
    """
    if not hub_url():
        return
    key = announced_key(article.pk)
    if article.status != Article.Status.PUBLISHED or not article.published_at:
        cache.delete(key)
        return
    if article.expires_at and article.expires_at <= article.published_at:
        return
    announced, stamp = cache.get(key), article.published_at.timestamp()
    if announced is not None:
        now = timezone.now().timestamp()
        if announced == stamp or (announced <= now and stamp <= now):
            return
    # The task module imports this one: imported here, when the cycle is complete.
    from .tasks import websub_announce_task

    pk, published_at = article.pk, article.published_at
    transaction.on_commit(
        lambda: websub_announce_task.apply_async((pk, published_at.isoformat()), eta=published_at)
    )


def announce_feeds(paths: list[str]) -> None:
    """Feeds that changed with no new story in them (a correction, a live story's update):
    the hub hears of them once the change commits. Nothing without a hub."""
    if not hub_url():
        return
    from .tasks import websub_feeds_changed_task

    topics = [topic_url(path) for path in paths]
    transaction.on_commit(lambda: websub_feeds_changed_task.delay(topics=topics))


def claim_announcement(article_id: int, published_at: datetime) -> bool:
    """True the first time a publication is to be announced; a repeat (a task delivered
    twice, or a second save queuing another) gets False and sends nothing."""
    key, stamp = announced_key(article_id), published_at.timestamp()
    if cache.add(key, stamp, ANNOUNCED_SECONDS):
        return True
    if cache.get(key) == stamp:
        return False
    # Announced before for another time (taken down and back since, say): this one too.
    cache.set(key, stamp, ANNOUNCED_SECONDS)
    return True


def hub_ping(*, hub: str, topic: str) -> None:
    """Tell the hub that a feed has changed (hub.mode=publish); raises OSError when the
    hub cannot be reached or answers with an error (HTTPError, an OSError, says which)."""
    body = urlencode({"hub.mode": "publish", "hub.url": topic}).encode()
    request = Request(
        hub,
        data=body,
        headers={"Content-Type": "application/x-www-form-urlencoded"},
        method="POST",
    )
    with urlopen(request, timeout=TIMEOUT_SECONDS) as response:
        response.read()


def is_permanent(error: OSError) -> bool:
    """A hub that refuses the request itself (400, 404…) will refuse it again; a hub that
    is down, overloaded (5xx) or asks us to slow down (429) may take it later."""
    return isinstance(error, HTTPError) and 400 <= error.code < 500 and error.code != 429
