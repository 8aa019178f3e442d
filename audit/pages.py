"""Run by `manage.py shell` in the audited stack's environment (audit/run.py): prints, as
JSON, one address of every kind of public page of the demo, making a live story first if
the demo has none running (the demo's own, from demo.stories, is used once it has one)."""

import json
from datetime import timedelta

from django.contrib.flatpages.models import FlatPage
from django.urls import reverse
from django.utils import timezone

from articles.models import Article, LiveUpdate
from authors.models import Person
from newsroom.pagecache import content_changed

UPDATES = [
    ("Roads closed", "Police have closed the ring road between the harbour and the station."),
    ("", "The mayor will speak at the town hall at noon, her office says."),
    ("Trains", "Rail services into the city run every 30 minutes until further notice."),
    ("", "Volunteers are handing out water at the corner of Market Street."),
    ("Schools", "All schools in the district stay open; pupils may be late."),
    ("", "The fire service says the blaze is under control."),
]


def live_story() -> Article:
    now = timezone.now()
    running = (
        Article.objects.published()
        .filter(live_from__lte=now)
        .exclude(live_until__lte=now)
        .order_by("-published_at")
        .first()
    )
    if running:
        return running
    story = Article.objects.published().filter(main_image__isnull=False).latest("published_at")
    story.live_from = now - timedelta(hours=3)
    story.live_until = None
    story.save(update_fields=["live_from", "live_until"])
    for minutes, (title, text) in enumerate(UPDATES):
        LiveUpdate.objects.create(
            article=story,
            published_at=now - timedelta(minutes=25 * (len(UPDATES) - minutes)),
            title=title,
            text=text,
            is_pinned=minutes == 0,
        )
    content_changed()
    return story


story = Article.objects.published().filter(main_image__isnull=False, live_from__isnull=True)
article = story.latest("published_at")
live = live_story()
day = timezone.localtime(article.published_at)
tag = next(t for story in Article.objects.published()[:50] for t in story.tags.all())
person = Person.objects.filter(bylines__isnull=False).first()
flat = FlatPage.objects.order_by("url").first()
pages = {
    "home": reverse("articles:home"),
    "article": article.get_absolute_url(),
    "live": live.get_absolute_url(),
    "section": reverse("articles:section", args=[article.section.slug]),
    "news": reverse("articles:news"),
    "tag": reverse("articles:tag", args=[tag.slug]),
    "author": reverse("articles:author", args=[person.slug]),
    "authors": reverse("articles:authors"),
    "search": reverse("articles:search") + "?q=" + article.headline.split()[0],
    "archive": reverse("articles:archive"),
    "archive-day": reverse("articles:archive-day", args=[day.year, day.month, day.day]),
    "corrections": reverse("articles:corrections"),
    "sitemap": reverse("articles:sitemap-page"),
    "flat page": flat.url if flat else None,
    "404": "/no-such-page-here/",
}
print(json.dumps({name: url for name, url in pages.items() if url}))
