from django.conf import settings
from django.contrib.syndication.views import Feed
from django.urls import reverse_lazy

from .models import Article

FEED_SIZE = 30


class LatestArticlesFeed(Feed):
    title = f"{settings.NEWSROOM['SITE_NAME']}: latest stories"
    link = reverse_lazy("articles:home")
    description = settings.NEWSROOM["TAGLINE"]

    def items(self):
        return Article.objects.published().for_cards().prefetch_related("tags")[:FEED_SIZE]

    def item_title(self, article):
        return article.headline

    def item_description(self, article):
        return article.lead

    def item_pubdate(self, article):
        return article.published_at

    def item_updateddate(self, article):
        return article.updated_at

    def item_author_name(self, article):
        return ", ".join(byline.person.name for byline in article.bylines.all()) or None

    def item_categories(self, article):
        return [article.section.name, *(tag.name for tag in article.tags.all())]
