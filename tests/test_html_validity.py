"""The W3C Nu HTML checker (vnu) finds no error on one page of every kind.

vnu comes from the npm package vnu-jar that `make audit` installs into audit/node_modules
and needs Java: where either is missing the test is skipped, CI included (installing a JRE
and the npm tools would cost CI more than its 15 minutes allow; `make audit` runs the same
checker on the demo served as in production).
"""

import json
import shutil
import subprocess
from datetime import timedelta
from pathlib import Path

import pytest
from django.contrib.flatpages.models import FlatPage
from django.contrib.sites.models import Site
from django.utils import timezone

from articles.models import Correction, LiveUpdate

from .factories import ArticleFactory, PersonFactory

VNU = Path(__file__).resolve().parent.parent / "audit/node_modules/vnu-jar/build/dist/vnu.jar"

pytestmark = [
    pytest.mark.django_db,
    pytest.mark.skipif(
        not VNU.exists() or shutil.which("java") is None,
        reason="vnu needs audit/node_modules (make audit installs it) and Java",
    ),
]


def test_no_page_kind_has_an_html_error(client, tmp_path):
    now = timezone.now()
    author = PersonFactory(name="Ada Brook", slug="ada-brook")
    story = ArticleFactory(
        headline="Bridge reopens",
        authors=[author],
        tags=["Bridges"],
        main_image__renditions=True,
        published_at=now - timedelta(hours=2, microseconds=-123456),
        updated_at=now - timedelta(hours=1),
    )
    Correction.objects.create(article=story, text="An earlier version gave the wrong day.")
    live = ArticleFactory(
        headline="Floods: live",
        section=story.section,
        live_from=now - timedelta(hours=1),
        published_at=now - timedelta(hours=1),
    )
    LiveUpdate.objects.create(article=live, title="Roads closed", text="The ring road is shut.")
    LiveUpdate.objects.create(article=live, text="Trains run every 30 minutes.", is_pinned=True)
    page = FlatPage.objects.create(url="/about/", title="About us", content="<p>Who we are.</p>")
    page.sites.add(Site.objects.get_current())
    day = timezone.localtime(story.published_at)
    pages = {
        "home": "/",
        "article": story.get_absolute_url(),
        "live": live.get_absolute_url(),
        "section": story.section.get_absolute_url(),
        "news": "/news/",
        "tag": "/tags/bridges/",
        "author": "/authors/ada-brook/",
        "authors": "/authors/",
        "search": "/search/?q=bridge",
        "archive": "/archive/",
        "archive-day": f"/archive/{day:%Y/%m/%d}/",
        "corrections": "/corrections/",
        "sitemap": "/sitemap/",
        "flat page": "/about/",
        "404": "/no-such-page/",
    }
    files = {}
    for name, url in pages.items():
        response = client.get(url)
        assert response.status_code == (404 if name == "404" else 200), url
        files[name] = tmp_path / f"{name.replace(' ', '-')}.html"
        files[name].write_bytes(response.content)

    result = subprocess.run(
        ["java", "-jar", str(VNU), "--errors-only", "--format", "json", *map(str, files.values())],
        capture_output=True,
        text=True,
        timeout=120,
    )

    names = {f"file:{file}": name for name, file in files.items()}
    errors = [
        f"{names.get(m.get('url'), m.get('url'))} line {m.get('lastLine')}: {m['message']}"
        for m in json.loads(result.stderr)["messages"]
    ]
    assert errors == []
