from django.urls import path, register_converter

from . import converters, feeds, views

register_converter(converters.UnicodeSlugConverter, "uslug")

app_name = "articles"

urlpatterns = [
    path("", views.home, name="home"),
    path("news/", views.NewsListView.as_view(), name="news"),
    path("authors/", views.AuthorListView.as_view(), name="authors"),
    path("authors/<slug:slug>/", views.AuthorArticleListView.as_view(), name="author"),
    path("authors/<slug:slug>/rss/", feeds.AuthorFeed(), name="author-feed"),
    path("authors/<slug:slug>/atom/", feeds.AuthorAtomFeed(), name="author-feed-atom"),
    path("tags/<uslug:slug>/", views.TagArticleListView.as_view(), name="tag"),
    path("tags/<uslug:slug>/rss/", feeds.TagFeed(), name="tag-feed"),
    path("tags/<uslug:slug>/atom/", feeds.TagAtomFeed(), name="tag-feed-atom"),
    path("archive/", views.ArchiveIndexView.as_view(), name="archive"),
    path("archive/<int:year>/", views.YearArchiveView.as_view(), name="archive-year"),
    path(
        "archive/<int:year>/<int:month>/",
        views.MonthArchiveView.as_view(),
        name="archive-month",
    ),
    path(
        "archive/<int:year>/<int:month>/<int:day>/",
        views.DayArchiveView.as_view(),
        name="archive-day",
    ),
    path("rss/", feeds.SiteFeed(), name="feed"),
    path("atom/", feeds.SiteAtomFeed(), name="feed-atom"),
    path("search/", views.search, name="search"),
    path("preview/<str:token>/", views.article_preview, name="preview"),
    path("corrections/", views.CorrectionListView.as_view(), name="corrections"),
    path("corrections/rss/", feeds.CorrectionsFeed(), name="corrections-feed"),
    path("sitemap/", views.sitemap_page, name="sitemap-page"),
    path("sitemap.xml", views.sitemap_index, name="sitemap"),
    path("sitemap-<slug:section>.xml", views.sitemap_section, name="sitemap-section"),
    path("views/<int:pk>/", views.record_view, name="record-view"),
    # Section slugs sit at the root, so these come last.
    path("<slug:section>/", views.SectionArticleListView.as_view(), name="section"),
    path("<slug:section>/rss/", feeds.SectionFeed(), name="section-feed"),
    path("<slug:section>/atom/", feeds.SectionAtomFeed(), name="section-feed-atom"),
    path("<slug:section>/<int:pk>/", views.article_detail, name="detail-short"),
    path("<slug:section>/<int:pk>-<uslug:slug>/", views.article_detail, name="detail"),
    path(
        "<slug:section>/<int:pk>-<uslug:slug>/live/updates/",
        views.live_updates,
        name="live-updates",
    ),
    path("<slug:section>/<int:pk>-<uslug:slug>/live/rss/", feeds.LiveFeed(), name="live-feed"),
]
