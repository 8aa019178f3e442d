"""Work the queue's workers do for stories: telling the WebSub hub that feeds changed."""

import logging
from datetime import datetime

from celery import shared_task
from django.conf import settings
from django.utils import timezone

from . import websub
from .models import Article

logger = logging.getLogger(__name__)

# A hub that is down is asked again three times (after 10 s, 20 s, 40 s by default:
# NEWSROOM_WEBSUB_RETRY_SECONDS), then given up on, and that is logged. Without a queue
# the task runs in the editor's request, which does not wait for a hub to come back.
PING_RETRIES = 3


@shared_task(bind=True)
def websub_announce_task(
    self, article_id: int, published_at: str, topics: list[str] | None = None, attempt: int = 0
) -> int:
    """Announce a story's publication to the hub: one ping per feed it appears in.

    Queued for the publication time; checked again now, as the story may have changed
    since: taken down, rescheduled (its new time has a task of its own) or deleted.
    The feeds a hub did not take are tried again later by the same task (`topics`).
    Returns the number of feeds announced.
    """
    hub = websub.hub_url()
    if not hub:
        return 0
    if topics is None:
        topics = due_topics(self, article_id, published_at)
    return ping_all(self, hub, topics, attempt)


@shared_task(bind=True)
def websub_feeds_changed_task(self, *, topics: list[str], attempt: int = 0) -> int:
    """Feeds changed with no new story in them (a correction, a live story's update):
    the hub hears of those feeds at once. Returns the number announced."""
    hub = websub.hub_url()
    return ping_all(self, hub, topics, attempt) if hub else 0


def ping_all(task, hub: str, topics: list[str], attempt: int) -> int:
    """Ping the hub for each topic; the ones it did not take are tried again later by the
    same task, with the same arguments but those topics."""
    failed = [topic for topic in topics if not ping(hub, topic)]
    if not failed:
        return len(topics)
    if task.request.is_eager or attempt >= PING_RETRIES:
        for topic in failed:
            logger.error("WebSub hub %s was not told about %s; given up.", hub, topic)
        return len(topics) - len(failed)
    wait = settings.NEWSROOM["WEBSUB_RETRY_SECONDS"] * 2**attempt
    raise task.retry(
        args=task.request.args,
        kwargs={**task.request.kwargs, "topics": failed, "attempt": attempt + 1},
        countdown=wait,
        max_retries=None,
    )


def due_topics(task, article_id: int, published_at: str) -> list[str]:
    """The feeds to announce, if the story is out at the time it was queued for and its
    publication has not been announced yet; none otherwise."""
    when = datetime.fromisoformat(published_at)
    article = Article.objects.select_related("section", "editor").filter(pk=article_id).first()
    if article is None or article.published_at != when:
        return []
    if article.status != Article.Status.PUBLISHED:
        return []
    if when > timezone.now():
        # Delivered before its time (a worker's clock behind the one that queued it, or
        # no queue at all, which runs tasks at once): never announce early.
        if task.request.is_eager:
            logger.warning(
                "Story %s is scheduled for %s, but without a queue (CELERY_BROKER_URL) its "
                "publication cannot be announced to the WebSub hub at that time.",
                article_id,
                published_at,
            )
            return []
        raise task.retry(eta=when, max_retries=None)
    if not article.is_published():
        return []  # expired already: no feed lists it
    if not websub.claim_announcement(article_id, when):
        return []
    return [websub.topic_url(path) for path in websub.feed_paths(article)]


def ping(hub: str, topic: str) -> bool:
    """Tell the hub one feed changed: True if it took it, or refused it for good (a retry
    would be refused too, and is logged now); False if it may take it later."""
    try:
        websub.hub_ping(hub=hub, topic=topic)
    except OSError as error:
        if websub.is_permanent(error):
            logger.error("WebSub hub %s refused %s: %s", hub, topic, error)
            return True
        logger.warning("WebSub hub %s was not told about %s: %s", hub, topic, error)
        return False
    logger.info("WebSub hub %s told about %s", hub, topic)
    return True
