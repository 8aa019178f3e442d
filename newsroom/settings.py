"""Newsroom settings, read from environment variables (see .env.example)."""

from datetime import timedelta
from pathlib import Path

import environ
from csp.constants import NONCE, NONE, SELF, UNSAFE_INLINE
from django.core.exceptions import ImproperlyConfigured
from django.utils.translation import gettext_noop

from newsroom.editions import KNOWN_EDITIONS
from newsroom.monitoring import init_sentry

BASE_DIR = Path(__file__).resolve().parent.parent

env = environ.Env()
# Variables set in the environment win over the local file (`make serve` writes one);
# DJANGO_ENV_FILE names another file, or none when empty.
env_file = env.str("DJANGO_ENV_FILE", default=str(BASE_DIR / ".env"))
if env_file and Path(env_file).is_file():
    env.read_env(env_file)

DEBUG = env.bool("DJANGO_DEBUG", default=False)

# No fallback: a key in the code would sign every installation's sessions alike.
SECRET_KEY = env.str("DJANGO_SECRET_KEY", default="")
if not SECRET_KEY:
    raise ImproperlyConfigured(
        "DJANGO_SECRET_KEY must be set: a long random string, the same on every app server "
        "(`make serve` writes one to .env for local use)."
    )

ALLOWED_HOSTS = env.list("DJANGO_ALLOWED_HOSTS", default=["localhost", "127.0.0.1"])
CSRF_TRUSTED_ORIGINS = env.list("DJANGO_CSRF_TRUSTED_ORIGINS", default=[])

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django.contrib.sites",
    "django.contrib.flatpages",
    "django.contrib.redirects",
    "django.contrib.sitemaps",
    "axes",
    "csp",
    "simple_history",
    "taggit",
    "django_prose_editor",
    "sections",
    "images",
    "authors",
    "articles",
    "typos",
    "desk",
    "transfer",
]
# Demo content (`manage.py seed_demo`): nothing depends on it, so a production
# installation leaves it out with DJANGO_DEMO=off.
if env.bool("DJANGO_DEMO", default=True):
    INSTALLED_APPS.append("demo")

MIDDLEWARE = [
    # /healthz and /readyz, answered before anything they do not check (newsroom/health.py).
    "newsroom.health.HealthCheckMiddleware",
    # Cache-Control on every response; anonymous public pages from the shared cache.
    # First: a stored page carries the security headers it was rendered with, and
    # needs nothing below (a hit ~20 % faster in process).
    "newsroom.pagecache.PageCacheMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "csp.middleware.CSPMiddleware",
    "django_permissions_policy.PermissionsPolicyMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # ETag on every page and 304 to If-None-Match / If-Modified-Since: feed readers poll often.
    "django.middleware.http.ConditionalGetMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    # The edition comes from the address (/ru/…); before anything that reads the language.
    "newsroom.editions.EditionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    # A 404 at an address with a redirect (old WordPress addresses, or any an editor
    # adds in the admin) answers 301, and so does WordPress's /?p=<id> at the home page.
    # Above the flat pages, so it hears a 404 after them: a flat page at an address wins.
    # Below the page cache, which stores the 301 like any page and forgets it on change.
    "transfer.redirects.OldAddressRedirectMiddleware",
    # Django's, serving flat pages through our view, which never marks editors' text safe.
    "articles.flatpages.FlatpageFallbackMiddleware",
    # Records who made each article revision.
    "simple_history.middleware.HistoryRequestMiddleware",
    # Last, as django-axes asks: answers locked-out sign-ins.
    "axes.middleware.AxesMiddleware",
]
# One JSON line per request (newsroom/requestlog.py), above the page cache so its hits are
# logged too. On under gunicorn (deploy/gunicorn.conf.py); tests and runserver go without.
REQUEST_LOG = env.bool("DJANGO_REQUEST_LOG", default=False)
if REQUEST_LOG:
    MIDDLEWARE.insert(
        MIDDLEWARE.index("newsroom.pagecache.PageCacheMiddleware"),
        "newsroom.requestlog.RequestLogMiddleware",
    )

ROOT_URLCONF = "newsroom.urls"
WSGI_APPLICATION = "newsroom.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "newsroom.context_processors.site",
            ],
        },
    },
]

DATABASES = {
    "default": env.db("DATABASE_URL", default=f"sqlite:///{BASE_DIR / 'db.sqlite3'}"),
}
DATABASES["default"]["CONN_MAX_AGE"] = env.int("DATABASE_CONN_MAX_AGE", default=0)
if DATABASES["default"]["ENGINE"].endswith("sqlite3"):
    # Writers queue for the lock at BEGIN instead of failing with "database is locked".
    DATABASES["default"].setdefault("OPTIONS", {})["transaction_mode"] = "IMMEDIATE"
elif DATABASES["default"]["ENGINE"].endswith("postgresql"):
    # No JIT: our queries are short, and compiling one whose estimate looked large took
    # 220 ms of a 280 ms page at 100 000 stories (PostgreSQL's own advice for OLTP).
    DATABASES["default"].setdefault("OPTIONS", {}).setdefault("options", "-c jit=off")
    # A database host that drops packets must not hold a request (or /readyz) for the
    # system's TCP timeout, minutes long: the request fails and the proxy tries another.
    DATABASES["default"]["OPTIONS"].setdefault("connect_timeout", 3)
DATABASES["default"]["CONN_HEALTH_CHECKS"] = True
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# One shared cache for every app server when CACHE_URL or REDIS_URL is set.
if cache_url := env.str("CACHE_URL", default="") or env.str("REDIS_URL", default=""):
    CACHES = {"default": env.cache_url_config(cache_url)}
    if CACHES["default"]["BACKEND"].endswith("RedisCache"):
        # A Redis that hangs must not hold every request: fail fast, and the callers
        # that can do without the cache (quotas, counters) carry on without it.
        CACHES["default"].setdefault("OPTIONS", {}).update(
            socket_connect_timeout=1, socket_timeout=1
        )
else:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
# Whole anonymous pages in that cache, retired at once by any change (newsroom/pagecache.py);
# the proxy and browsers keep them only seconds. NEWSROOM_PAGE_CACHE_SECONDS=0 stores none.
PAGE_CACHE = {
    "SECONDS": env.int("NEWSROOM_PAGE_CACHE_SECONDS", default=300),
    "PROXY_SECONDS": env.int("NEWSROOM_PROXY_CACHE_SECONDS", default=10),
    "BROWSER_SECONDS": env.int("NEWSROOM_BROWSER_CACHE_SECONDS", default=5),
}

# Background work (photo renditions) goes to Celery workers through this broker (Redis),
# so workers can run on any machine. Without one, tasks run in-process once the request's
# transaction commits: `make serve` and the tests need nothing but Python.
CELERY_BROKER_URL = env.str("CELERY_BROKER_URL", default="")
CELERY_TASK_ALWAYS_EAGER = not CELERY_BROKER_URL
# A task is acknowledged once done, so one whose worker dies is run again by another;
# each worker takes one at a time, as a rendition build keeps a core busy for seconds.
CELERY_TASK_ACKS_LATE = True
CELERY_TASK_REJECT_ON_WORKER_LOST = True
CELERY_WORKER_PREFETCH_MULTIPLIER = 1
CELERY_TASK_IGNORE_RESULT = True
CELERY_BROKER_CONNECTION_RETRY_ON_STARTUP = True
CELERY_BROKER_CONNECTION_TIMEOUT = 2

AUTH_USER_MODEL = "authors.User"
AUTHENTICATION_BACKENDS = [
    # First: refuses a sign-in while its account or its address is locked out.
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# Language editions (newsroom/editions.py): the first is the default, at the root of
# the site; the others live under their code (/ru/). One edition: today's addresses.
NEWSROOM_EDITIONS = env.list("NEWSROOM_EDITIONS", default=["en", "ru", "de"])
_unknown_editions = set(NEWSROOM_EDITIONS) - KNOWN_EDITIONS.keys()
if _unknown_editions or not NEWSROOM_EDITIONS:
    raise ImproperlyConfigured(
        f"NEWSROOM_EDITIONS: {', '.join(sorted(_unknown_editions)) or 'empty'}; "
        f"choose from {', '.join(KNOWN_EDITIONS)} (each has its catalogue in locale/)."
    )
LANGUAGE_CODE = NEWSROOM_EDITIONS[0]
LANGUAGES = [(code, code) for code in NEWSROOM_EDITIONS]
LOCALE_PATHS = [BASE_DIR / "locale"]
# Dates as each edition's newspapers print them: newsroom/formats/<language>/formats.py.
FORMAT_MODULE_PATH = ["newsroom.formats"]
TIME_ZONE = env.str("DJANGO_TIME_ZONE", default="Europe/London")
USE_I18N = True
USE_TZ = True

SITE_ID = 1

STATIC_URL = "static/"
STATIC_ROOT = env.path("DJANGO_STATIC_ROOT", default=BASE_DIR / "staticfiles")
STATICFILES_DIRS = [BASE_DIR / "static"]
STATICFILES_FINDERS = [
    "django.contrib.staticfiles.finders.FileSystemFinder",
    "django.contrib.staticfiles.finders.AppDirectoriesFinder",
    # static/fonts/*: subsetted from the font packages on PyPI on first use (newsroom/fonts.py).
    "newsroom.fonts.FontFinder",
]
# Where FontFinder writes the fonts it builds (collectstatic then copies them as usual).
FONTS_BUILD_DIR = env.path("DJANGO_FONTS_BUILD_DIR", default=BASE_DIR / "build" / "fonts")
# Public files (photo renditions) live under MEDIA_ROOT and are served at MEDIA_URL.
MEDIA_URL = "media/"
MEDIA_ROOT = env.path("MEDIA_ROOT", default=BASE_DIR / "media")
# Uploaded originals keep their EXIF/GPS data and may belong to unpublished stories:
# they live in a separate location that nothing serves, outside MEDIA_ROOT.
ORIGINALS_ROOT = env.path("ORIGINALS_ROOT", default=BASE_DIR / "originals")
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "originals": {
        "BACKEND": "django.core.files.storage.FileSystemStorage",
        "OPTIONS": {"location": ORIGINALS_ROOT},
    },
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}
# Photo uploads: refused above these, with a clear message (decompression bombs too).
IMAGES_MAX_UPLOAD_BYTES = env.int("IMAGES_MAX_UPLOAD_BYTES", default=25 * 1024 * 1024)
IMAGES_MAX_PIXELS = env.int("IMAGES_MAX_PIXELS", default=60_000_000)
# Uploads are served by Django only where no web server or object storage does it.
SERVE_MEDIA = env.bool("DJANGO_SERVE_MEDIA", default=DEBUG)

SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
# How many reverse proxies sit in front of the app servers and append the client's
# address to X-Forwarded-For (0: clients connect directly). Rate limits key on it.
TRUSTED_PROXY_COUNT = env.int("DJANGO_TRUSTED_PROXY_COUNT", default=0)
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "strict-origin-when-cross-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
# HTTPS: the proxy terminates TLS; these make the browser stick to it. Off until the
# site is really served over HTTPS (HSTS cannot be taken back for its lifetime).
SECURE_SSL_REDIRECT = env.bool("DJANGO_SSL_REDIRECT", default=False)
SECURE_HSTS_SECONDS = env.int("DJANGO_HSTS_SECONDS", default=0)
SECURE_HSTS_INCLUDE_SUBDOMAINS = env.bool("DJANGO_HSTS_INCLUDE_SUBDOMAINS", default=False)
SECURE_HSTS_PRELOAD = env.bool("DJANGO_HSTS_PRELOAD", default=False)
# HTTPS-only cookies unless debugging; DJANGO_SECURE_COOKIES=off for plain-HTTP local use.
SESSION_COOKIE_SECURE = CSRF_COOKIE_SECURE = env.bool("DJANGO_SECURE_COOKIES", default=not DEBUG)
SESSION_COOKIE_HTTPONLY = True

# Content-Security-Policy on every response. Reader pages run only our own script files
# (JSON-LD is data, not script), so their policy carries no nonce and they stay
# cacheable; a nonce is added only where a page asks for one (the rich-text editor's
# import map in the admin). Inline styles stay allowed: the admin's widgets use them.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF, NONCE],
        "style-src": [SELF, UNSAFE_INLINE],
        "img-src": [SELF, "data:", "blob:"],
        "font-src": [SELF],
        "connect-src": [SELF],
        "media-src": [SELF],
        "object-src": [NONE],
        "base-uri": [NONE],
        "form-action": [SELF],
        "frame-ancestors": [NONE],
        "frame-src": [NONE],
    },
}
# Nothing on the site uses these browser features; third-party code may not either.
PERMISSIONS_POLICY = {
    feature: []
    for feature in (
        "accelerometer",
        "autoplay",
        "camera",
        "display-capture",
        "geolocation",
        "gyroscope",
        "magnetometer",
        "microphone",
        "midi",
        "payment",
        "usb",
    )
}

# Editors' sign-in: after AXES_FAILURE_LIMIT failures, the account and, separately, the
# client address (newsroom.clients.client_address: the proxies' view, never a header a
# client can forge) are locked for the cool-off time. Failures live in the database,
# shared by every app server.
AXES_FAILURE_LIMIT = env.int("DJANGO_LOGIN_FAILURE_LIMIT", default=5)
AXES_COOLOFF_TIME = timedelta(minutes=env.int("DJANGO_LOGIN_COOLOFF_MINUTES", default=15))
AXES_LOCKOUT_PARAMETERS = ["username", "ip_address"]
AXES_CLIENT_IP_CALLABLE = "newsroom.clients.client_address"
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_CALLABLE = "newsroom.signin.locked_out"
AXES_VERBOSE = False

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {
        "json": {"()": "newsroom.requestlog.JsonLines"},
    },
    "handlers": {
        "console": {"class": "logging.StreamHandler"},
        "requests": {
            "class": "logging.StreamHandler",
            "stream": "ext://sys.stdout",
            "formatter": "json",
        },
    },
    "root": {"handlers": ["console"], "level": env.str("DJANGO_LOG_LEVEL", default="INFO")},
    "loggers": {
        # The request log: JSON lines on standard output, apart from the other messages.
        "newsroom.requests": {"handlers": ["requests"], "level": "INFO", "propagate": False},
    },
}

# Errors (app servers and workers) go to Sentry when SENTRY_DSN is set; nothing is sent
# otherwise. Performance tracing is off unless SENTRY_TRACES_SAMPLE_RATE is above 0.
SENTRY_ENABLED = init_sentry(
    dsn=env.str("SENTRY_DSN", default=""),
    environment=env.str("SENTRY_ENVIRONMENT", default="production"),
    release=env.str("SENTRY_RELEASE", default=""),
    traces_sample_rate=env.float("SENTRY_TRACES_SAMPLE_RATE", default=0.0),
)

TAGGIT_CASE_INSENSITIVE = True

# What the reader pages print about the publication itself. The default tagline and
# notice are in the catalogues (gettext_noop): pages print them in the edition's language
# ({% translate site.TAGLINE %}); text set in the environment prints as set.
NEWSROOM = {
    "SITE_NAME": env.str("NEWSROOM_SITE_NAME", default="Newsroom"),
    "TAGLINE": env.str("NEWSROOM_TAGLINE", default=gettext_noop("Independent news, every hour")),
    "FOUNDED": env.int("NEWSROOM_FOUNDED", default=2026),
    "SOCIAL": [
        ("Telegram", "https://t.me/newsroom_example"),
        ("Facebook", "https://www.facebook.com/newsroom.example"),
        ("Mastodon", "https://mastodon.social/@newsroom_example"),
    ],
    # "Share" under a story: links to each network's own share page, {url} and {title}
    # filled in (percent-encoded). Nothing is loaded from these sites.
    "SHARE_CHANNELS": [
        ("Telegram", "https://t.me/share/url?url={url}&text={title}"),
        ("Facebook", "https://www.facebook.com/sharer/sharer.php?u={url}"),
        ("X", "https://x.com/intent/post?url={url}&text={title}"),
        ("LinkedIn", "https://www.linkedin.com/sharing/share-offsite/?url={url}"),
        ("WhatsApp", "https://wa.me/?text={title}%20{url}"),
    ],
    # How long a preview link of an unpublished story works, unless revoked sooner.
    "PREVIEW_HOURS": env.int("NEWSROOM_PREVIEW_HOURS", default=72),
    # The WebSub hub every feed names and is announced to when a story is published
    # (e.g. https://pubsubhubbub.appspot.com/); empty: no hub link and no announcements.
    "WEBSUB_HUB": env.str("NEWSROOM_WEBSUB_HUB", default=""),
    # A hub that is down is asked again after this, then twice and four times as long.
    "WEBSUB_RETRY_SECONDS": env.int("NEWSROOM_WEBSUB_RETRY_SECONDS", default=10),
    "REPRODUCTION_NOTICE": gettext_noop(
        "When reproducing our materials in whole or in part, a hyperlink to the original "
        "article is required. The opinions of the authors do not always coincide with "
        "the point of view of the editors."
    ),
}
