"""Nothing an editor, an author or a reader types runs in anyone's browser.

The test walks every text field that the admin's forms (and the reader's typo form) let
someone write, stores XSS payloads in each (as far as the form's own validation lets
them through, as a person typing would), then crawls every public surface it can reach
from the home page, the sitemaps and the feeds, plus the admin's change lists, change
forms and history pages, and asserts that no payload comes out as markup. A field or a
page added later is covered without touching this test.
"""

import json
import re
from datetime import timedelta
from urllib.parse import urljoin, urlsplit

import pytest
from bs4 import BeautifulSoup
from django import forms
from django.contrib import admin
from django.contrib.flatpages.models import FlatPage
from django.contrib.sites.models import Site
from django.core.exceptions import ValidationError
from django.db import models
from django.test import RequestFactory
from django.urls import reverse
from lxml import etree
from taggit.models import Tag

from articles.models import Article, Correction
from authors.models import Person
from typos.forms import TypoReportForm
from typos.models import TypoReport

from .factories import ArticleFactory, ImageFactory, PersonFactory, SectionFactory

pytestmark = pytest.mark.django_db

# Accounts and infrastructure: not content that editors or authors write.
NOT_CONTENT = {"auth", "authors.user", "sites", "axes", "taggit.taggeditem"}
# Forms that readers fill in outside the admin.
READER_FORMS = [(TypoReport, TypoReportForm)]


# Fields printed on reader pages, feeds or admin lists today.
PRINTED_FIELDS = [
    ("flatpages.FlatPage", "title"),
    ("flatpages.FlatPage", "content"),
    ("articles.Article", "headline"),
    ("articles.Article", "lead"),
    ("articles.Correction", "text"),
    ("images.Image", "alt_text"),
    ("images.Image", "caption"),
    ("images.Image", "creator"),
    ("images.Image", "source_url"),
    ("images.Licence", "name"),
    ("authors.Person", "name"),
    ("authors.Person", "bio"),
    ("sections.Section", "name"),
    ("sections.Section", "description"),
    ("taggit.Tag", "name"),
    ("typos.TypoReport", "comment"),
]


def payloads(n: int) -> list[str]:
    """Breakouts from text, attributes, JSON and feeds; `n` tells which field leaked."""
    return [
        f'<script>alert({n})</script>"><img src=x onerror=alert({n})>',
        f"<script>alert({n})</script>",
        f'"><img src=x onerror=alert({n})>',
        f"<svg onload=alert({n})>",
        f'0;url=https://evil.example/{n}" http-equiv="refresh" x="',
        f'https://evil.example/{n}?"><script>alert({n})</script>',
    ]


# What a payload looks like when it comes out as markup instead of text.
UNESCAPED = re.compile(
    r"<script>alert\(|<img src=x onerror=|<svg onload=|\" http-equiv=\"refresh\"", re.I
)


def writable_text_fields(request):
    """(model, field name, form field, form class) for every text field a form accepts."""
    writers = []
    for model, model_admin in admin.site._registry.items():
        label = model._meta.label_lower
        if model._meta.app_label in NOT_CONTENT or label in NOT_CONTENT:
            continue
        writers.append((model, model_admin.get_form(request)))
        for inline in model_admin.get_inline_instances(request):
            writers.append((inline.model, inline.get_formset(request).form))
    writers += READER_FORMS
    fields = {}
    for model, form_class in writers:
        for name, form_field in form_class.base_fields.items():
            try:
                model_field = model._meta.get_field(name)
            except Exception:  # a form-only field
                continue
            text = isinstance(model_field, models.CharField | models.TextField)
            if text and not model_field.choices and not model_field.primary_key:
                fields.setdefault((model, name), (form_field, form_class))
    return fields


def accepted(form_field: forms.Field, form_class, name: str, value: str):
    """The value as the form would store it, or None where the form refuses it."""
    try:
        cleaned = form_field.clean(value)
        if hasattr(form_class, f"clean_{name}"):
            form = form_class.__new__(form_class)
            form.cleaned_data = {name: cleaned}
            form.data = {}
            cleaned = getattr(form, f"clean_{name}")()
    except (ValidationError, AttributeError, KeyError, TypeError):
        return None
    return cleaned


@pytest.fixture
def newsroom(editor):
    """One of everything, published, with the photo's renditions built."""
    section = SectionFactory(name="World", slug="world")
    image = ImageFactory(renditions=True)
    author = PersonFactory(name="Ada Author", slug="ada-author", photo=image)
    desk = PersonFactory(name="Ed Editor", slug="ed-editor", role=Person.Role.EDITOR)
    tag = Tag.objects.create(name="harbour", slug="harbour")
    article = ArticleFactory(
        section=section, main_image=image, authors=[author], editor=desk, tags=[tag]
    )
    Correction.objects.create(
        article=article,
        published_at=article.published_at + timedelta(minutes=5),
        text="An earlier version misspelt the port.",
    )
    page = FlatPage.objects.create(url="/about/", title="About us", content="<p>Who we are.</p>")
    site = Site.objects.get_current()
    site.domain = "testserver"  # feeds and sitemaps link here, so the crawl follows them
    site.save()
    page.sites.add(site)
    TypoReport.objects.create(
        article=article,
        selected_text="recieved",
        context="It recieved the offer.",
        page_url=f"http://testserver{article.get_absolute_url()}",
    )
    return article


def fill_with_payloads(request) -> dict[int, tuple[type[models.Model], str]]:
    """Store a payload in every writable text field of every row; returns marker -> field."""
    markers = {}
    values: dict[type, dict[str, str]] = {}
    for n, ((model, name), (form_field, form_class)) in enumerate(
        sorted(writable_text_fields(request).items(), key=lambda item: str(item[0])), start=1
    ):
        for payload in payloads(n):
            cleaned = accepted(form_field, form_class, name, payload)
            if cleaned is not None:
                values.setdefault(model, {})[name] = cleaned
                markers[n] = (model, name)
                break
    for model, fields in values.items():
        for row in model._default_manager.all():
            for name, value in fields.items():
                field = model._meta.get_field(name)
                if field.unique:  # one payload a row, told apart by the row's key
                    value = f"{value} {row.pk}"
                    if field.max_length and len(value) > field.max_length:
                        continue
                setattr(row, name, value)
            row.save()
    return markers


def assert_no_markup(text: str, where: str) -> None:
    """The payloads come out as text: no tag, handler, refresh or script they made."""
    found = UNESCAPED.search(text)
    assert found is None, f"{where}: {text[max(found.start() - 80, 0) : found.end() + 80]!r}"
    soup = BeautifulSoup(text, "html.parser")
    for tag in soup.find_all(True):
        handlers = [attribute for attribute in tag.attrs if attribute.lower().startswith("on")]
        assert not handlers, f"{where}: <{tag.name} {handlers}>"
        assert not tag.has_attr("http-equiv"), f"{where}: {tag}"
        for attribute in ("href", "src", "action", "formaction"):
            value = str(tag.get(attribute, "")).strip().lower()
            assert not value.startswith("javascript:"), f"{where}: {tag}"
    for script in soup.find_all("script"):
        if script.has_attr("src"):
            continue
        kind = script.get("type", "")
        assert kind in ("application/ld+json", "application/json", "importmap"), where
        json.loads(script.string or "null")  # data, whole: not broken out of


# Feed elements whose text a feed reader renders as HTML.
HTML_FEED_ELEMENTS = (
    "//item/description",
    "//*[local-name()='encoded']",
    "//*[local-name()='summary'][@type='html']",
    "//*[local-name()='content'][@type='html']",
    "//*[local-name()='subtitle'][@type='html']",
)


def check_xml(body: bytes, where: str) -> list[str]:
    """Checks a feed or sitemap; returns the site's addresses it links to."""
    assert UNESCAPED.search(body.decode()) is None, where
    root = etree.fromstring(body)
    for path in HTML_FEED_ELEMENTS:
        for element in root.xpath(path):
            assert_no_markup(element.text or "", f"{where} {element.tag}")
    links = [element.text for element in root.xpath("//*[local-name()='loc']")]
    links += [link.get("href") for link in root.xpath("//*[local-name()='link'][@href]")]
    links += [element.text for element in root.xpath("//item/link")]
    return [link for link in links if link]


SKIPPED_PREFIXES = ("/admin/", "/static/", "/media/", "/views/", "/typos/", "/preview/")


def crawl(client, start: list[str], limit: int = 400) -> dict[str, str]:
    """Every page of the site reachable from `start`: path -> what it answered."""
    seen: dict[str, str] = {}
    queue = list(start)
    while queue and len(seen) < limit:
        path = queue.pop(0)
        if path in seen:
            continue
        response = client.get(path)
        # 404: a page the footer links that no editor has written (it is checked too).
        assert response.status_code in (200, 301, 302, 404), (path, response.status_code)
        if response.status_code in (301, 302):
            seen[path] = ""
            queue.append(response["Location"])
            continue
        content_type = response["Content-Type"]
        body = response.content
        seen[path] = body.decode()
        if "xml" in content_type:
            links = check_xml(body, path)
        elif "html" in content_type:
            assert_no_markup(seen[path], path)
            soup = BeautifulSoup(body, "html.parser")
            links = [tag["href"] for tag in soup.find_all(["a", "link"], href=True)]
        else:
            assert UNESCAPED.search(seen[path]) is None, path
            links = []
        for link in links:
            parts = urlsplit(urljoin(f"http://testserver{path}", link))
            if parts.netloc != "testserver" or parts.path.startswith(SKIPPED_PREFIXES):
                continue
            queue.append(parts.path + (f"?{parts.query}" if parts.query else ""))
    assert not queue or len(seen) >= limit, "the crawl stopped early"
    return seen


def admin_pages(editor_client) -> dict[str, str]:
    pages = {}
    for model in admin.site._registry:
        opts = model._meta
        if opts.app_label in NOT_CONTENT or opts.label_lower in NOT_CONTENT:
            continue
        paths = [reverse(f"admin:{opts.app_label}_{opts.model_name}_changelist")]
        for row in model._default_manager.all()[:5]:
            paths.append(reverse(f"admin:{opts.app_label}_{opts.model_name}_change", args=[row.pk]))
            paths.append(
                reverse(f"admin:{opts.app_label}_{opts.model_name}_history", args=[row.pk])
            )
        for path in paths:
            response = editor_client.get(path)
            assert response.status_code == 200, (path, response.status_code)
            pages[path] = response.content.decode()
            assert_no_markup(pages[path], path)
    return pages


def test_no_payload_typed_anywhere_comes_out_as_markup(newsroom, editor, editor_client):
    request = RequestFactory().get("/admin/")
    request.user = editor
    markers = fill_with_payloads(request)
    # The walk found the fields that matter today (later ones join by themselves).
    written = {(model._meta.label, name): n for n, (model, name) in markers.items()}
    assert set(PRINTED_FIELDS) <= set(written), set(PRINTED_FIELDS) - set(written)

    article = Article.objects.get(pk=newsroom.pk)
    public = crawl(
        editor_client.__class__(),  # a reader: no session
        ["/", "/about/", "/sitemap.xml", "/robots.txt", "/search/?q=alert", "/corrections/rss/"],
    )
    assert article.get_absolute_url() in public
    assert {"/rss/", "/atom/", "/sitemap-articles.xml", "/sitemap-news.xml"} <= set(public)
    everything = "\n".join([*public.values(), *admin_pages(editor_client).values()])

    # Each of them was seen, escaped, on some page: the walk really looked at them.
    for field in PRINTED_FIELDS:
        n = written[field]
        assert f"alert({n})" in everything or f"evil.example/{n}" in everything, field
