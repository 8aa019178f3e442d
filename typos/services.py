from articles.models import Article
from newsroom.quotas import quota_take

from .models import TypoReport

# Reports one sender may send in one window: plenty for a reader, little for a script.
QUOTA = 5
QUOTA_WINDOW_SECONDS = 10 * 60


def typo_quota_take(*, sender_address: str) -> bool:
    """Count one report against the sender's quota; False once the quota is used up.

    The key holds the sender's hash, never the address. While the cache is down every
    report is taken: a lost report is worse than a few too many.
    """
    key = f"typos:quota:{TypoReport.hash_sender(sender_address)}"
    return quota_take(key, limit=QUOTA, window=QUOTA_WINDOW_SECONDS)


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
