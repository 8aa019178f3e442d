from dataclasses import dataclass, field
from datetime import datetime

from django.core.exceptions import ValidationError
from django.db import connection, transaction
from django.db.models import Max, QuerySet
from django.utils import timezone

from newsroom.pagecache import content_changed

from . import websub
from .models import Article, HourlyViews


def article_view_record(*, article_id: int, at: datetime | None = None) -> None:
    """Count one reader view in the article's hourly bucket.

    A single INSERT … ON CONFLICT statement (PostgreSQL and SQLite alike), so
    concurrent views of the same article never overwrite each other's count.
    """
    table = connection.ops.quote_name(HourlyViews._meta.db_table)
    hour = connection.ops.adapt_datetimefield_value(HourlyViews.bucket(at or timezone.now()))
    with connection.cursor() as cursor:
        cursor.execute(
            f"INSERT INTO {table} (article_id, hour, views) VALUES (%s, %s, 1) "
            f"ON CONFLICT (article_id, hour) DO UPDATE SET views = {table}.views + 1",
            [article_id, hour],
        )


@dataclass
class BulkOutcome:
    """What a bulk action did: the stories it changed, and those it refused, each with why."""

    done: list[Article] = field(default_factory=list)
    refused: list[tuple[Article, str]] = field(default_factory=list)


def articles_publish(*, articles: QuerySet[Article]) -> BulkOutcome:
    """Publish each valid story, keeping any publication time already set; refuse the rest.

    Each story is validated as its admin form would be, so one that cannot go out (its
    expiry already passed, say) is reported instead of failing the whole batch.
    Scheduled stories are among those done: `is_published()` tells them apart.
    """
    outcome = BulkOutcome()
    with transaction.atomic():
        for article in articles.select_for_update(of=("self",)):
            article.status = Article.Status.PUBLISHED
            article.published_at = article.published_at or timezone.now()
            if article.updated_at and article.updated_at < article.published_at:
                article.updated_at = None  # an "update" from before the story went out
            try:
                article.full_clean()
            except ValidationError as error:
                outcome.refused.append((article, " ".join(dict.fromkeys(error.messages))))
                continue
            article.save()
            article_publication_announce(article=article)
            outcome.done.append(article)
        if outcome.done:
            content_changed()  # scheduled ones too: they move the next change's time
    return outcome


def article_publication_announce(*, article: Article) -> None:
    """After a story is saved: once it is out (now, or at its scheduled time), subscribers
    following its feeds through the WebSub hub are told, by the worker. Call it from every
    path that saves a story: for a publication already announced it does nothing, and a
    story taken down is forgotten, so that publishing it again is announced again."""
    websub.announce_later(article)


def articles_unpublish(*, articles: QuerySet[Article]) -> BulkOutcome:
    """Take articles off the public site; they return to draft and their URLs answer 404.

    One save each, so every unpublication is a revision and bumps the version. Only a
    story that is not published is refused: taking one down must never wait on a flaw
    elsewhere in it, and going back to draft cannot break any of its rules.
    """
    outcome = BulkOutcome()
    with transaction.atomic():
        for article in articles.select_for_update(of=("self",)):
            if article.status != Article.Status.PUBLISHED:
                outcome.refused.append((article, "It is not published."))
                continue
            article.status = Article.Status.DRAFT
            article.save()
            article_publication_announce(article=article)  # forgets its last announcement
            outcome.done.append(article)
        if outcome.done:
            content_changed()
    return outcome


def article_live_updates_changed(*, article: Article) -> None:
    """An update posted, corrected or removed: readers' pages refresh, and the hub tells
    the live feed's subscribers at once."""
    if article.status != Article.Status.PUBLISHED:
        return  # a draft's updates are nobody's business yet
    content_changed()
    if article.is_published():
        address = {"section": article.section.slug, "pk": article.pk, "slug": article.slug}
        feed = websub.story_feed_path(article, "articles:live-feed", address)
        websub.announce_feeds([feed])


def article_corrections_changed(*, article: Article) -> None:
    """A correction marks the story as updated at the correction's time.

    Only corrections from after publication count: an "Updated" earlier than the
    story itself is nonsense, and the story's validation would refuse every later save.
    """
    corrections = article.corrections.all()
    if article.published_at:
        corrections = corrections.filter(published_at__gte=article.published_at)
    content_changed()  # printed at the foot of the story and on /corrections/
    if article.is_published():
        # Its edition's followers, at once.
        websub.announce_feeds([websub.story_feed_path(article, "articles:corrections-feed")])
    latest = corrections.aggregate(latest=Max("published_at"))["latest"]
    if latest and (article.updated_at is None or latest > article.updated_at):
        article.updated_at = latest
        article.save(update_fields=["updated_at", "modified_at"])  # a revision, too
