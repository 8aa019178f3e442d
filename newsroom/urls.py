import re

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

if not settings.MEDIA_URL.startswith(("http://", "https://", "//")):
    # Always routed, so /media/ never falls through to a section page; the view
    # answers only when DJANGO_SERVE_MEDIA is on, and only with renditions.
    urlpatterns += [
        re_path(rf"^{re.escape(settings.MEDIA_URL.strip('/'))}/(?P<path>.*)$", serve_media),
    ]

urlpatterns += [
    path("typos/", include("typos.urls")),
    path("", include("articles.urls")),
]

handler500 = "newsroom.errors.server_error"
