import re

from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.contrib import admin
from django.templatetags.static import static
from django.urls import include, path, re_path
from django.utils.functional import lazy
from django.views.generic import RedirectView

from articles import views as articles_views

from .media import serve_media

admin.site.site_header = f"{settings.NEWSROOM['SITE_NAME']} editors"
admin.site.site_title = f"{settings.NEWSROOM['SITE_NAME']} admin"
admin.site.index_title = "Desk"

urlpatterns = [
    path("admin/", admin.site.urls),
    # /healthz and /readyz are answered by newsroom.health.HealthCheckMiddleware.
    # Browsers ask for it where a page names no icon (feeds, files, the first request);
    # the icon's name is hashed, so it is looked up when asked for, not at import.
    path("favicon.ico", RedirectView.as_view(url=lazy(static, str)("img/favicon.svg"))),
]

if not settings.MEDIA_URL.startswith(("http://", "https://", "//")):
    # Always routed, so /media/ never falls through to a section page; the view
    # answers only when DJANGO_SERVE_MEDIA is on, and only with renditions.
    urlpatterns += [
        re_path(rf"^{re.escape(settings.MEDIA_URL.strip('/'))}/(?P<path>.*)$", serve_media),
    ]

urlpatterns += [
    path("typos/", include("typos.urls")),
    # One robots.txt for the site, at the root where crawlers look: it names every
    # edition's sitemaps.
    path("robots.txt", articles_views.robots_txt, name="robots"),
]
# The default edition at the root, the others under their language code (/ru/).
urlpatterns += i18n_patterns(path("", include("articles.urls")), prefix_default_language=False)

handler403 = "newsroom.errors.permission_denied"
handler500 = "newsroom.errors.server_error"
