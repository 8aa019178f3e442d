from django.db import migrations


class Migration(migrations.Migration):
    """Fresh statistics for the story table once 0012 has added its columns and indexes.

    Until autovacuum gets to it, the planner knows nothing of the new (nearly all empty)
    columns and guesses a third of the archive matches "breaking_until > now": the query
    that caps every cached page's lifetime then scans the whole table (77 ms on each
    uncached page at 100 000 stories, 0.9 ms once analysed).
    """

    dependencies = [("articles", "0013_live_update_permissions")]

    operations = [
        migrations.RunSQL("ANALYZE articles_article", reverse_sql=migrations.RunSQL.noop),
    ]
