from datetime import timedelta

from django.utils import timezone

from articles.templatetags.articles import short_time


def test_short_time_prints_the_hour_for_today_and_the_date_before():
    today = timezone.localtime().replace(hour=9, minute=5)
    assert short_time(today) == "09:05"
    assert short_time(today - timedelta(days=3)) == (today - timedelta(days=3)).strftime("%-d %b")
