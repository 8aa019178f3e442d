from io import StringIO

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command

from articles.models import Article, Correction
from authors.models import Person
from images.models import Image
from sections.models import Section

pytestmark = pytest.mark.django_db


def seed(articles, renditions=False):
    out = StringIO()
    call_command("seed_demo", articles=articles, no_renditions=not renditions, stdout=out)
    return out.getvalue()


def test_seed_demo_is_idempotent_and_prints_a_working_login(client):
    first = seed(60, renditions=True)
    counts = (Article.objects.count(), Image.objects.count(), Person.objects.count())
    second = seed(60)

    assert counts == (Article.objects.count(), Image.objects.count(), Person.objects.count())
    assert counts[0] == 60
    assert Correction.objects.count() == 4
    assert not Image.objects.filter(renditions_key="").exists()
    assert "Renditions:" in first and "Renditions:" not in second
    assert list(Section.objects.values_list("name", flat=True)) == [
        "World", "Russia", "Society", "Opinion", "Science", "Sport", "Incidents", "Business",
    ]  # fmt: skip
    assert 10 <= Person.objects.count() <= 14
    assert Image.objects.filter(file__contains="demo-photo").count() == 40
    assert "Editor login" in first
    for username in ("editor", "author"):
        password = second.split(f"username: {username}  password: ")[1].split()[0]
        response = client.post(
            "/admin/login/?next=/admin/", {"username": username, "password": password}
        )
        assert response.status_code == 302 and response["Location"] == "/admin/"
        client.logout()
    wrong = client.post("/admin/login/", {"username": "editor", "password": password})
    assert wrong.status_code == 200 and "_auth_user_id" not in client.session  # the author's
    assert get_user_model().objects.get(username="editor").has_perm("articles.publish_article")
    assert not get_user_model().objects.get(username="author").has_perm("articles.publish_article")


def test_seed_demo_hides_drafts_and_scheduled_stories(client):
    seed(60)
    published = Article.objects.published()
    hidden = Article.objects.exclude(pk__in=published.values("pk"))

    assert (
        hidden.filter(status=Article.Status.DRAFT).exists()
        or hidden.filter(status=Article.Status.REVIEW).exists()
    )
    assert hidden.filter(status=Article.Status.PUBLISHED).exists()  # scheduled
    home = client.get("/").content.decode()
    for article in hidden:
        assert client.get(article.get_absolute_url()).status_code == 404
        assert article.get_absolute_url() not in home


def test_more_articles_on_request(client):
    seed(20)
    seed(45)
    assert Article.objects.count() == 45
    assert client.get("/").status_code == 200
