"""Safe by default: security headers, production settings and the editors' sign-in."""

import os
import subprocess
import sys
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from django.conf import settings

from .factories import ArticleFactory

pytestmark = pytest.mark.django_db

PROJECT = Path(__file__).resolve().parent.parent


def csp_directives(response) -> dict[str, list[str]]:
    policy = response["Content-Security-Policy"]
    return {
        name: values
        for name, *values in (part.split() for part in policy.split(";") if part.strip())
    }


@pytest.mark.parametrize("path", ["/", "article", "/search/?q=port", "/rss/", "/nope/"])
def test_every_response_carries_the_security_headers(client, path):
    article = ArticleFactory()
    response = client.get(article.get_absolute_url() if path == "article" else path)

    directives = csp_directives(response)
    assert directives["script-src"] == ["'self'"]  # no inline script, no nonce: cacheable
    assert directives["object-src"] == ["'none'"]
    assert directives["base-uri"] == ["'none'"]
    assert directives["frame-ancestors"] == ["'none'"]
    assert "Content-Security-Policy-Report-Only" not in response
    assert "camera=()" in response["Permissions-Policy"]
    assert "geolocation=()" in response["Permissions-Policy"]
    assert response["Cross-Origin-Opener-Policy"] == "same-origin"
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["X-Frame-Options"] == "DENY"
    assert response["Referrer-Policy"] == "strict-origin-when-cross-origin"


def test_the_rich_text_editor_import_map_runs_under_the_admin_pages_nonce(editor_client):
    response = editor_client.get("/admin/articles/article/add/")

    nonce_source = next(
        source for source in csp_directives(response)["script-src"] if source.startswith("'nonce-")
    )
    import_map = BeautifulSoup(response.content, "html.parser").find(
        "script", attrs={"type": "importmap"}
    )
    assert f"'nonce-{import_map['nonce']}'" == nonce_source
    assert "django-prose-editor/editor" in import_map.string


def run_django(*args: str, **variables: str) -> subprocess.CompletedProcess:
    """manage.py in a fresh process, with only the given variables (no local .env):
    settings are read from the environment at start."""
    environment = {
        key: value
        for key, value in os.environ.items()
        if not key.startswith(("DJANGO_", "DATABASE_", "CACHE_", "REDIS_"))
    }
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=PROJECT,
        env=environment | {"DJANGO_ENV_FILE": "", "PYTHONDONTWRITEBYTECODE": "1"} | variables,
        capture_output=True,
        text=True,
        timeout=120,
    )


# The production variables the README documents.
PRODUCTION = {
    "DJANGO_SECRET_KEY": "k7Qv2-example-only-9xZpL3mWc8rT4yHbN6sJ1dF5gA0eUoIiKqXwVzYtRlMnBpCjD",
    "DJANGO_ALLOWED_HOSTS": "news.example.org",
    "DJANGO_CSRF_TRUSTED_ORIGINS": "https://news.example.org",
    "DJANGO_SSL_REDIRECT": "on",
    "DJANGO_HSTS_SECONDS": "31536000",
    "DJANGO_HSTS_INCLUDE_SUBDOMAINS": "on",
    "DJANGO_HSTS_PRELOAD": "on",
    "DJANGO_TRUSTED_PROXY_COUNT": "1",
}


def test_check_deploy_is_clean_under_the_documented_production_variables():
    result = run_django("check", "--deploy", "--fail-level", "WARNING", **PRODUCTION)

    assert result.returncode == 0, result.stdout + result.stderr
    assert "System check identified no issues" in result.stdout


def test_check_deploy_warns_while_https_is_not_configured():
    plain = {"DJANGO_SECRET_KEY": PRODUCTION["DJANGO_SECRET_KEY"]}
    result = run_django("check", "--deploy", "--fail-level", "WARNING", **plain)

    assert result.returncode != 0
    assert "security.W004" in result.stderr  # no HSTS
    assert "security.W008" in result.stderr  # no HTTPS redirect


def test_the_site_refuses_to_start_without_a_secret_key():
    result = run_django("check")

    assert result.returncode != 0
    assert "DJANGO_SECRET_KEY must be set" in result.stderr


def test_cookies_are_https_only_unless_debugging_or_opted_out():
    for variables, expected in (
        ({}, "True True"),
        ({"DJANGO_SECURE_COOKIES": "off"}, "False False"),
        ({"DJANGO_DEBUG": "on"}, "False False"),
    ):
        result = run_django(
            "shell",
            "-c",
            "from django.conf import settings as s; "
            "print(s.SESSION_COOKIE_SECURE, s.CSRF_COOKIE_SECURE)",
            DJANGO_SECRET_KEY="only-for-this-test",
            **variables,
        )
        assert result.stdout.strip().endswith(expected), result.stderr


# --- Editors' sign-in is throttled per account and per client address ---

LOGIN = "/admin/login/?next=/admin/"


def sign_in(client, username, password, address="203.0.113.5", **headers):
    return client.post(
        LOGIN, {"username": username, "password": password}, REMOTE_ADDR=address, **headers
    )


def signed_in(response) -> bool:
    return response.status_code == 302 and response["Location"] == "/admin/"


def test_a_correct_password_signs_in(client, editor):
    assert signed_in(sign_in(client, editor.username, "correct horse battery"))


def test_an_account_is_locked_after_repeated_failures_from_any_address(client, editor):
    for attempt in range(settings.AXES_FAILURE_LIMIT):
        response = sign_in(client, editor.username, "wrong", address=f"198.51.100.{attempt}")
    assert response.status_code == 429

    locked = sign_in(client, editor.username, "correct horse battery", address="192.0.2.77")

    assert locked.status_code == 429
    assert "Sign-in paused" in locked.content.decode()
    assert "_auth_user_id" not in client.session


def test_an_address_is_locked_after_failures_across_accounts(client, editor):
    for attempt in range(settings.AXES_FAILURE_LIMIT):
        sign_in(client, f"guess{attempt}", "wrong", address="203.0.113.9")

    assert sign_in(client, editor.username, "correct horse battery", "203.0.113.9").status_code == (
        429
    )
    # Another reader's address, and the account itself, are not affected.
    assert signed_in(sign_in(client, editor.username, "correct horse battery", "192.0.2.1"))


def test_a_forged_forwarded_header_does_not_reset_the_address_count(client, editor, settings):
    settings.TRUSTED_PROXY_COUNT = 1  # one proxy, which appends the address it saw
    for attempt in range(settings.AXES_FAILURE_LIMIT):
        sign_in(
            client,
            f"guess{attempt}",
            "wrong",
            address="10.0.0.2",  # the proxy
            HTTP_X_FORWARDED_FOR=f"192.0.2.{attempt}, 203.0.113.50",
        )

    response = sign_in(
        client,
        editor.username,
        "correct horse battery",
        address="10.0.0.2",
        HTTP_X_FORWARDED_FOR="192.0.2.200, 203.0.113.50",
    )

    assert response.status_code == 429


def test_without_proxies_the_forwarded_header_is_ignored(client, editor, settings):
    settings.TRUSTED_PROXY_COUNT = 0
    for attempt in range(settings.AXES_FAILURE_LIMIT):
        sign_in(client, f"guess{attempt}", "wrong", HTTP_X_FORWARDED_FOR=f"192.0.2.{attempt}")

    assert sign_in(client, editor.username, "correct horse battery").status_code == 429


def test_success_clears_the_failures_of_the_account(client, editor):
    for _ in range(settings.AXES_FAILURE_LIMIT - 1):
        sign_in(client, editor.username, "wrong")
    assert signed_in(sign_in(client, editor.username, "correct horse battery"))
    client.logout()

    sign_in(client, editor.username, "wrong")

    assert signed_in(sign_in(client, editor.username, "correct horse battery"))
