import json
from datetime import timedelta

import pytest
from bs4 import BeautifulSoup
from django.contrib.auth.models import Group
from django.core.cache import cache
from django.db import DataError, IntegrityError, connection, transaction
from django.utils import timezone

from articles.models import Article
from newsroom.clients import client_address
from typos.models import TypoReport
from typos.services import QUOTA

from .factories import ArticleFactory

pytestmark = pytest.mark.django_db

SITE = "http://testserver"
READER_ADDRESS = "203.0.113.7"


@pytest.fixture
def article():
    return ArticleFactory(
        headline="Port workers accept the pay offer",
        body="<p>The union said it recieved the offer at dawn.</p>",
    )


def report_for(article, /, **changes):
    return {
        "article": article.pk,
        "selected_text": "recieved",
        "context": "The union said it recieved the offer at dawn.",
        "comment": "Should be “received”.",
        "page_url": SITE + article.get_absolute_url(),
        **changes,
    }


def send(client, body, *, headers=None, content_type="application/json", sender=READER_ADDRESS):
    """POST to the endpoint as a reader's browser on this site would, unless told otherwise."""
    if not isinstance(body, (str, bytes)):
        body = json.dumps(body)
    return client.post(
        "/typos/",
        body,
        content_type=content_type,
        headers={"Origin": SITE} if headers is None else headers,
        REMOTE_ADDR=sender,
    )


def assert_refused(response, status, message):
    assert response.status_code == status, response.content
    assert message in response.json()["error"]
    assert not TypoReport.objects.exists()


# ---- The endpoint ----------------------------------------------------------------


def test_good_report_is_stored_with_a_hashed_sender(client, article):
    response = send(client, report_for(article))

    assert response.status_code == 201
    assert response.json() == {"ok": True}
    report = TypoReport.objects.get()
    assert report.article == article
    assert report.selected_text == "recieved"
    assert report.context == "The union said it recieved the offer at dawn."
    assert report.comment == "Should be “received”."
    assert report.page_url == SITE + article.get_absolute_url()
    assert report.status == TypoReport.Status.NEW
    assert report.created_at <= timezone.now()
    assert report.sender_hash == TypoReport.hash_sender(READER_ADDRESS)
    row = TypoReport.objects.filter(pk=report.pk).values().get()
    assert not any(READER_ADDRESS in str(value) for value in row.values())


def test_the_response_is_never_cached(client, article):
    response = send(client, report_for(article))

    assert "no-cache" in response["Cache-Control"]


def test_only_post_is_allowed(client):
    assert client.get("/typos/").status_code == 405


def test_empty_body_is_refused(client):
    assert_refused(send(client, b""), 400, "The report is empty.")


def test_empty_selection_is_refused(client, article):
    response = send(client, report_for(article, selected_text="   "))

    assert_refused(response, 400, "Selected text: Select the words with the mistake first.")


def test_one_megabyte_body_is_refused(client, article):
    body = json.dumps(report_for(article, comment="x" * 1024 * 1024))

    assert_refused(send(client, body), 413, "The report is too long")


def test_malformed_json_is_refused(client):
    assert_refused(send(client, b'{"article": 1, "selected_text": '), 400, "not valid JSON")


@pytest.mark.parametrize(
    "body",
    ["[" * 5000 + "]" * 5000, '{"article": NaN}', b"\xff\xfe{"],
    ids=["nested-too-deep", "not-a-json-number", "not-utf8"],
)
def test_json_that_python_reads_badly_is_refused_not_a_server_error(client, body):
    assert_refused(send(client, body), 400, "not valid JSON")


def test_json_that_is_not_an_object_is_refused(client, article):
    assert_refused(send(client, [report_for(article)]), 400, "must be a JSON object")


def test_form_posts_are_refused(client, article):
    response = send(client, "article=1&selected_text=x", content_type="text/plain")

    assert_refused(response, 415, "Send the report as JSON")


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"selected_text": "x" * 501}, "Selected text: Select only the words with the mistake"),
        ({"comment": "x" * 1001}, "Comment: At most 1000 characters"),
        ({"context": "x" * 1501}, "Context:"),
        ({"selected_text": ["recieved"]}, "Selected text: Must be text."),
        ({"comment": {"text": "hi"}}, "Comment: Must be text."),
        ({"selected_text": "rec\x00ieved"}, "Null characters are not allowed."),
        ({"article": "the harbour one"}, "Article: Must be the number of an article."),
        ({"article": 10**30}, "Article: No such article."),
        ({"article": None}, "Article: Say which article the mistake is in."),
        (
            {"page_url": "https://elsewhere.example/story"},
            "Page address: Must be a page on this site",
        ),
        ({"page_url": "javascript:alert(1)"}, "Page address:"),
    ],
)
def test_bad_fields_get_a_clear_message(client, article, changes, message):
    assert_refused(send(client, report_for(article, **changes)), 400, message)


# Characters no database column takes: PostgreSQL refuses NUL in text, and neither
# database can encode half a UTF-16 pair, which JSON's "\ud800" escape can carry.
UNSTORABLE = {"nul": "\x00", "lone-surrogate": "\ud800"}


def with_unstorable(article, field, char):
    """A report with `char` hidden in `field`, every other field good."""
    good = report_for(article)
    value = f"{good[field]}{char}" if field != "article" else f"{article.pk}{char}"
    return report_for(article, **{field: value})


@pytest.mark.parametrize("char", UNSTORABLE.values(), ids=UNSTORABLE.keys())
@pytest.mark.parametrize(
    ("field", "label"),
    [
        ("article", "Article:"),
        ("selected_text", "Selected text:"),
        ("context", "Context:"),
        ("comment", "Comment:"),
        ("page_url", "Page address:"),
    ],
)
def test_text_that_cannot_be_stored_is_refused_in_every_field(client, article, field, label, char):
    response = send(client, with_unstorable(article, field, char))

    assert_refused(response, 400, label)


@pytest.mark.postgresql
@pytest.mark.parametrize("char", UNSTORABLE.values(), ids=UNSTORABLE.keys())
@pytest.mark.parametrize("field", ["selected_text", "context", "comment", "page_url"])
def test_postgresql_is_never_handed_text_it_cannot_store(client, article, field, char):
    if connection.vendor != "postgresql":
        pytest.skip("SQLite stores NUL; CI runs this on PostgreSQL")
    # The database itself would refuse the row, so only the form stands between it and a 500.
    with pytest.raises((DataError, ValueError)), transaction.atomic():
        make_report(article, **{field: with_unstorable(article, field, char)[field]})

    response = send(client, with_unstorable(article, field, char))

    assert_refused(response, 400, "")


def test_a_report_is_kept_while_the_cache_is_down(client, article, cache_down, caplog):
    response = send(client, report_for(article))

    assert response.status_code == 201
    assert TypoReport.objects.get().selected_text == "recieved"
    assert "cache" in caplog.text.lower()


@pytest.mark.parametrize(
    "unpublished",
    [
        {"status": Article.Status.DRAFT, "published_at": None},
        {"published_at": timezone.now() + timedelta(days=1)},
    ],
    ids=["draft", "scheduled"],
)
def test_unpublished_articles_take_no_reports(client, unpublished):
    article = ArticleFactory(**unpublished)

    response = send(client, report_for(article))

    assert_refused(response, 400, "Article: That article does not exist or is not published.")


@pytest.mark.parametrize(
    "headers",
    [
        {"Origin": "https://elsewhere.example"},
        {"Origin": "null"},
        {"Origin": "http://testserver.elsewhere.example"},
        {},
    ],
    ids=["other-site", "opaque", "lookalike", "no-origin-no-referer"],
)
def test_requests_not_from_this_site_are_refused(client, article, headers):
    response = send(client, report_for(article), headers=headers)

    assert_refused(response, 403, "only from this site's pages")


def test_missing_origin_falls_back_to_a_good_referer(client, article):
    page = SITE + article.get_absolute_url()

    response = send(client, report_for(article), headers={"Referer": page})

    assert response.status_code == 201
    assert TypoReport.objects.count() == 1


def test_referer_from_another_site_is_refused(client, article):
    headers = {"Referer": "https://elsewhere.example" + article.get_absolute_url()}

    assert_refused(send(client, report_for(article), headers=headers), 403, "this site's pages")


@pytest.mark.parametrize(
    ("trusted", "origin"),
    [
        ("https://news.example.org", "https://news.example.org"),
        ("https://*.example.org", "https://www.example.org"),
    ],
)
def test_csrf_trusted_origins_are_this_site_too(client, article, settings, trusted, origin):
    settings.CSRF_TRUSTED_ORIGINS = [trusted]
    report = report_for(article, page_url=origin + article.get_absolute_url())

    response = send(client, report, headers={"Origin": origin})

    assert response.status_code == 201


def test_a_sender_over_the_rate_limit_gets_429(client, article):
    for _ in range(QUOTA):
        assert send(client, report_for(article)).status_code == 201

    response = send(client, report_for(article))

    assert response.status_code == 429
    assert "try again in a few minutes" in response.json()["error"]
    assert int(response["Retry-After"]) > 0
    assert TypoReport.objects.count() == QUOTA
    # Another reader is not held back by the first one.
    assert send(client, report_for(article), sender="198.51.100.4").status_code == 201


def test_the_rate_limit_counts_in_the_cache_by_hash_not_address(client, article):
    send(client, report_for(article))

    assert cache.get(f"typos:quota:{TypoReport.hash_sender(READER_ADDRESS)}") == 1
    assert cache.get(f"typos:quota:{READER_ADDRESS}") is None


def test_the_database_refuses_a_report_without_selected_text(article):
    with pytest.raises(IntegrityError):
        TypoReport.objects.create(article=article, selected_text="", page_url=SITE)


# ---- The article page ----------------------------------------------------------------


def test_article_page_offers_the_report_dialog(client, html, article):
    soup = html(client.get(article.get_absolute_url()))

    dialog = soup.select_one("dialog#typo-dialog")
    assert dialog["data-article-id"] == str(article.pk)
    assert dialog["data-url"] == "/typos/"
    assert soup.find(id=dialog["aria-labelledby"]).get_text() == "Report a typo"
    hint = soup.select_one(".typo-hint")
    # The keyboard way is in its own part, which phones do not show (test_phone_browser.py).
    keys = hint.select_one(".typo-hint__keys").get_text(" ", strip=True)
    assert "Select it with the mouse and press Ctrl + Enter" in keys
    assert hint.find("button", string="Report a typo")
    assert soup.find("script", src="/static/js/typo-report.js")


def test_dialog_limits_match_what_the_server_accepts(client, html, article):
    soup = html(client.get(article.get_absolute_url()))

    assert soup.find("textarea", id="typo-text")["maxlength"] == str(TypoReport.SELECTED_TEXT_MAX)
    assert soup.find("textarea", id="typo-comment")["maxlength"] == str(TypoReport.COMMENT_MAX)


# ---- The editors' queue ------------------------------------------------------------


def make_report(article, **fields):
    defaults = {
        "selected_text": "recieved",
        "context": "The union said it recieved the offer at dawn.",
        "comment": "Should be “received”.",
        "page_url": SITE + article.get_absolute_url(),
        "sender_hash": TypoReport.hash_sender(READER_ADDRESS),
    }
    return TypoReport.objects.create(article=article, **{**defaults, **fields})


def queue_rows(response):
    soup = BeautifulSoup(response.content, "html.parser")
    return [row.get_text(" ", strip=True) for row in soup.select("#result_list tbody tr")]


def test_queue_lists_reports_with_a_link_to_edit_the_article(editor_client, article):
    make_report(article)

    response = editor_client.get("/admin/typos/typoreport/")

    soup = BeautifulSoup(response.content, "html.parser")
    row = soup.select_one("#result_list tbody tr")
    assert "recieved" in row.get_text()
    assert "Should be “received”." in row.get_text()
    assert "New" in row.get_text()
    link = row.find("a", string="Port workers accept the pay offer")
    assert link["href"] == f"/admin/articles/article/{article.pk}/change/"


def test_queue_filters_by_status_and_article(editor_client, article):
    other = ArticleFactory(headline="Ferry timetable changes")
    make_report(article, selected_text="recieved")
    make_report(article, selected_text="teh", status=TypoReport.Status.FIXED)
    make_report(other, selected_text="acommodate")

    new = queue_rows(editor_client.get("/admin/typos/typoreport/?status__exact=new"))
    by_article = queue_rows(
        editor_client.get(f"/admin/typos/typoreport/?article__id__exact={other.pk}")
    )

    assert len(new) == 2
    assert not any("teh" in row for row in new)
    assert len(by_article) == 1
    assert "acommodate" in by_article[0]


def test_mark_fixed_and_dismiss_actions(editor_client, article):
    typo, spam, untouched = make_report(article), make_report(article), make_report(article)

    response = editor_client.post(
        "/admin/typos/typoreport/",
        {"action": "mark_fixed", "_selected_action": [typo.pk]},
        follow=True,
    )
    editor_client.post(
        "/admin/typos/typoreport/", {"action": "dismiss", "_selected_action": [spam.pk]}
    )

    assert "1 report marked “fixed”." in response.content.decode()
    statuses = {r.pk: r.status for r in TypoReport.objects.all()}
    assert statuses == {typo.pk: "fixed", spam.pk: "dismissed", untouched.pk: "new"}


def test_change_page_shows_the_selection_in_context_read_only(editor_client, article):
    report = make_report(article)

    response = editor_client.get(f"/admin/typos/typoreport/{report.pk}/change/")

    soup = BeautifulSoup(response.content, "html.parser")
    assert soup.find("mark").get_text() == "recieved"
    assert soup.find("select", attrs={"name": "status"})
    assert not soup.find(attrs={"name": "selected_text"})
    assert not soup.find(attrs={"name": "comment"})


def test_editors_cannot_add_reports_by_hand(editor_client):
    assert editor_client.get("/admin/typos/typoreport/add/").status_code == 403


def test_admin_index_shows_the_count_of_new_reports(editor_client, article):
    make_report(article)
    make_report(article)
    make_report(article, status=TypoReport.Status.FIXED)

    soup = BeautifulSoup(editor_client.get("/admin/").content, "html.parser")

    # On the desk: a panel of new reports, counted, leading to the queue of new ones.
    panel = soup.find("section", id="desk-typos")
    assert panel.select_one(".desk-panel__count").get_text() == "2"
    assert panel.find("a", href="/admin/typos/typoreport/?status__exact=new")


def test_admin_index_says_nothing_when_no_report_is_new(editor_client, article):
    make_report(article, status=TypoReport.Status.DISMISSED)

    soup = BeautifulSoup(editor_client.get("/admin/").content, "html.parser")

    assert not soup.find("a", href="/admin/typos/typoreport/?status__exact=new")


def test_admin_index_count_is_only_for_those_who_may_see_reports(client, django_user_model):
    make_report(ArticleFactory())
    staff = django_user_model.objects.create_user(username="intern", is_staff=True)
    client.force_login(staff)

    response = client.get("/admin/")

    assert response.status_code == 200
    assert b"new typo report" not in response.content


@pytest.mark.django_db
def test_editors_group_may_triage_reports(django_user_model):
    editor = django_user_model.objects.create_user(username="triage", is_staff=True)
    editor.groups.add(Group.objects.get(name="Editors"))
    assert editor.has_perm("typos.change_typoreport")
    assert not editor.has_perm("typos.add_typoreport")


def test_client_address_behind_trusted_proxies(rf, settings):
    request = rf.post(
        "/typos/", REMOTE_ADDR="10.0.0.2", HTTP_X_FORWARDED_FOR="203.0.113.9, 10.0.0.1"
    )
    assert client_address(request) == "10.0.0.2", "no proxy trusted: the header is ignored"
    settings.TRUSTED_PROXY_COUNT = 2
    assert client_address(request) == "203.0.113.9"
    ipv6 = rf.post("/typos/", REMOTE_ADDR="2001:db8::1:2:3:4")
    settings.TRUSTED_PROXY_COUNT = 0
    assert client_address(ipv6) == "2001:db8::/64"
