from datetime import UTC, datetime, timedelta

import pytest
from django.utils import timezone

from articles.templatetags.articles import short_time
from tests.factories import ArticleFactory, PersonFactory, SectionFactory


def test_short_time_prints_the_hour_for_today_and_the_date_before():
    today = timezone.localtime().replace(hour=9, minute=5)
    assert short_time(today) == "09:05"
    assert short_time(today - timedelta(days=3)) == (today - timedelta(days=3)).strftime("%-d %b")


@pytest.mark.django_db
def test_a_columnists_card_prints_the_story_and_its_writer_escaped(client):
    section = SectionFactory(name="Opinion & Comment", shows_columnists=True)
    writer = PersonFactory(name="Rosa <Vance>")
    story = ArticleFactory(
        section=section,
        headline='Why the "harbour deal" <matters>',
        lead="Pay & hours.",
        published_at=datetime(2024, 3, 5, 14, 7, tzinfo=UTC),
        authors=[writer],
    )

    page = client.get(section.get_absolute_url()).content.decode()

    url = story.get_absolute_url()
    assert '<article class="card card--column">' in page  # no photo: renditions not built
    assert f'<a class="columnist" href="{writer.get_absolute_url()}">' in page
    assert '<span class="columnist__name">Rosa &lt;Vance&gt;</span>' in page
    assert (
        f'<h2 class="card__headline"><a href="{url}">'
        "Why the &quot;harbour deal&quot; &lt;matters&gt;</a></h2>"
    ) in page
    assert '<p class="card__lead">Pay &amp; hours.</p>' in page
    assert '<time datetime="2024-03-05T14:07:00+00:00">5 March 2024, 14:07</time>' in page
