from datetime import datetime

from django.db import connection, transaction
from django.db.models import Max, QuerySet
from django.utils import timezone

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


def articles_publish(*, articles: QuerySet[Article]) -> tuple[int, int]:
    """Publish the given articles, keeping any publication time already set.

    Returns how many are now live and how many are scheduled for later.
    """
    live = scheduled = 0
    with transaction.atomic():
        for article in articles.select_for_update(of=("self",)):
            article.status = Article.Status.PUBLISHED
            article.published_at = article.published_at or timezone.now()
            if article.updated_at and article.updated_at < article.published_at:
                article.updated_at = None  # an "update" from before the story went out
            article.save()
            if article.is_published():
                live += 1
            else:
                scheduled += 1
    return live, scheduled


def articles_unpublish(*, articles: QuerySet[Article]) -> int:
    """Take articles off the public site; they return to draft and their URLs answer 404.

    One save each, so every unpublication is a revision and bumps the version.
    """
    count = 0
    with transaction.atomic():
        for article in articles.select_for_update(of=("self",)):
            article.status = Article.Status.DRAFT
            article.save()
            count += 1
    return count


def article_corrections_changed(*, article: Article) -> None:
    """A correction marks the story as updated at the correction's time."""
    latest = article.corrections.aggregate(latest=Max("published_at"))["latest"]
    if latest and (article.updated_at is None or latest > article.updated_at):
        article.updated_at = latest
        article.save(update_fields=["updated_at", "modified_at"])  # a revision, too
