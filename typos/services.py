from django.core.cache import cache

from articles.models import Article

from .models import TypoReport

# Reports one sender may send in one window: plenty for a reader, little for a script.
QUOTA = 5
QUOTA_WINDOW_SECONDS = 10 * 60


def typo_quota_take(*, sender_address: str) -> bool:
    """Count one report against the sender's quota; False once the quota is used up.

    A fixed window in the shared cache, so every app server counts the same sender
    together: add() opens a window with its expiry, incr() counts atomically (INCR on
    Redis, under a lock in local memory). The key holds the hash, never the address.
    """
    key = f"typos:quota:{TypoReport.hash_sender(sender_address)}"
    cache.add(key, 0, timeout=QUOTA_WINDOW_SECONDS)
    try:
        count = cache.incr(key)
    except ValueError:
        # The window expired between add() and incr(): this report opens the next one.
        cache.add(key, 1, timeout=QUOTA_WINDOW_SECONDS)
        count = 1
    return count <= QUOTA


def typo_report_create(
    *,
    article: Article,
    selected_text: str,
    context: str = "",
    comment: str = "",
    page_url: str,
    sender_address: str,
) -> TypoReport:
    """Store a reader's report for the editors' queue, keeping only a hash of the sender."""
    return TypoReport.objects.create(
        article=article,
        selected_text=selected_text,
        context=context,
        comment=comment,
        page_url=page_url,
        sender_hash=TypoReport.hash_sender(sender_address),
    )
