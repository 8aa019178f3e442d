"""PostgreSQL keeps every article's search vector current, whatever path writes the row.

A trigger rather than save(): bulk_create(), update() and raw SQL are covered too.
SQLite has no full-text vector; search falls back to matching words there.
"""

from django.db import migrations

CREATE = """
CREATE FUNCTION articles_article_search_vector() RETURNS trigger AS $$
BEGIN
    NEW.search_vector :=
        setweight(to_tsvector('english', coalesce(NEW.headline, '')), 'A') ||
        setweight(to_tsvector('english', coalesce(NEW.lead, '')), 'B') ||
        setweight(to_tsvector('english',
            regexp_replace(coalesce(NEW.body, ''), '<[^>]+>', ' ', 'g')), 'C');
    RETURN NEW;
END
$$ LANGUAGE plpgsql;

CREATE TRIGGER articles_article_search_vector_update
    BEFORE INSERT OR UPDATE OF headline, lead, body ON articles_article
    FOR EACH ROW EXECUTE FUNCTION articles_article_search_vector();

CREATE INDEX articles_article_search_vector_gin
    ON articles_article USING gin (search_vector);

UPDATE articles_article SET headline = headline;
"""

DROP = """
DROP INDEX IF EXISTS articles_article_search_vector_gin;
DROP TRIGGER IF EXISTS articles_article_search_vector_update ON articles_article;
DROP FUNCTION IF EXISTS articles_article_search_vector();
"""


def create(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(CREATE)


def drop(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(DROP)


class Migration(migrations.Migration):
    dependencies = [("articles", "0003_search_vector")]

    operations = [migrations.RunPython(create, drop)]
