from django.conf import settings
from django.contrib import admin
from django.urls import include, path, re_path

from . import health
from .media import serve_media

admin.site.site_header = f"{settings.NEWSROOM['SITE_NAME']} editors"
admin.site.site_title = f"{settings.NEWSROOM['SITE_NAME']} admin"
admin.site.index_title = "Newsroom"

urlpatterns = [
    path("admin/", admin.site.urls),
    path("healthz", health.healthz, name="healthz"),
]

if settings.SERVE_MEDIA:
    media_prefix = settings.MEDIA_URL.strip("/")
    urlpatterns += [
        re_path(rf"^{media_prefix}/(?P<path>.*)$", serve_media),
    ]

urlpatterns += [
    path("typos/", include("typos.urls")),
    path("", include("articles.urls")),
]

handler500 = "newsroom.errors.server_error"
