"""Error reports to Sentry when SENTRY_DSN is set; without it nothing is loaded or sent.

Called from the settings, so the app servers and the workers report alike. What a report
may carry follows the README's privacy note (section "Monitoring"): the error, its stack
and the request's method and address, never who made the request.
"""

import re
from urllib.parse import urlsplit, urlunsplit

# A preview link is a password for an unpublished story: its token never leaves the site.
PREVIEW_TOKEN = re.compile(r"^((?:/[a-z]{2})?/preview/)[^/]+")
# Scanners send addresses of kilobytes; the start tells what they were after.
MAX_PATH = 300
# The request headers a report keeps: enough to tell which site and what was asked for.
# Not the cookies, the reader's address (X-Forwarded-For, X-Real-IP), the user agent or
# the referring page, which can hold another site's search.
KEPT_HEADERS = {"host", "accept", "content-type", "content-length", "x-forwarded-proto"}


def loggable_path(path: str) -> str:
    """A request's path as logs and reports keep it (the query string is never passed)."""
    if "/preview/" in path:
        path = PREVIEW_TOKEN.sub(r"\1<token>", path)
    return path[:MAX_PATH]


def scrub(event: dict, hint: dict | None = None) -> dict:
    """A report's request cut down to its method, address without the query, and
    KEPT_HEADERS; no user (Sentry's own default keeps headers, query and body)."""
    request = event.get("request")
    if request:
        url = urlsplit(request.get("url") or "")
        event["request"] = {
            "method": request.get("method"),
            "url": urlunsplit((url.scheme, url.netloc, loggable_path(url.path), "", "")),
            "headers": {
                name: value
                for name, value in (request.get("headers") or {}).items()
                if name.lower() in KEPT_HEADERS
            },
        }
    event.pop("user", None)
    return event


def init_sentry(*, dsn: str, environment: str, release: str, traces_sample_rate: float) -> bool:
    """Starts reporting to `dsn`; False (and nothing imported) when it is empty."""
    if not dsn:
        return False
    import sentry_sdk
    from sentry_sdk.integrations.django import DjangoIntegration

    sentry_sdk.init(
        dsn=dsn,
        environment=environment,
        release=release or None,  # None: the SDK reads SENTRY_RELEASE or the git commit
        integrations=[DjangoIntegration()],
        # No cookies, addresses or users; no request bodies (a typo report, a sign-in
        # form); no local variables, which hold whatever a reader typed (a search).
        send_default_pii=False,
        max_request_body_size="never",
        include_local_variables=False,
        before_send=scrub,
        before_send_transaction=scrub,
        # None, not 0: with 0 the SDK still starts a transaction for every request.
        traces_sample_rate=traces_sample_rate or None,
    )
    return True
