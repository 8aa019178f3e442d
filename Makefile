# The two front doors: `make serve` and `make test`. Everything else is optional.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin

.PHONY: serve test lint format clean prod prod-start prod-stop

serve: $(VENV)/.installed .env
	$(BIN)/python manage.py migrate --noinput
	$(BIN)/python manage.py collectstatic --noinput --verbosity 0
	$(BIN)/python manage.py seed_demo
	$(BIN)/python manage.py runserver 127.0.0.1:8000

test: $(VENV)/.installed
	DJANGO_SECRET_KEY=insecure-key-for-tests-only $(BIN)/pytest $(PYTEST_ARGS)

lint: $(VENV)/.installed
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

format: $(VENV)/.installed
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .

$(VENV)/.installed: pyproject.toml
	@$(PYTHON) -c 'import sys; sys.exit("Python 3.11 or newer is needed" if sys.version_info < (3, 11) else 0)'
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	touch $@

# A local secret key, so the site runs with debug off as it will in production; cookies
# over plain HTTP, since runserver speaks no HTTPS.
.env:
	@printf 'DJANGO_SECRET_KEY=%s\nDJANGO_SERVE_MEDIA=on\nDJANGO_SECURE_COOKIES=off\n' \
		"$$($(PYTHON) -c 'import secrets; print(secrets.token_urlsafe(50))')" > .env
	@echo "Wrote .env with a fresh local DJANGO_SECRET_KEY."

# The production stack on this machine (deploy/prod.py): nginx on 127.0.0.1:8080 in front
# of two gunicorn app servers (8001, 8002) and a Celery worker, on the machine's PostgreSQL
# and Redis. `make prod` stops it all on Ctrl+C; prod-start returns once it is healthy and
# prod-stop stops it. Ports, database and Redis: see deploy/prod.py.
prod: $(VENV)/.installed
	$(BIN)/python deploy/prod.py run

prod-start: $(VENV)/.installed
	$(BIN)/python deploy/prod.py start

prod-stop:
	$(BIN)/python deploy/prod.py stop

# The benchmark (not part of `make test`): the production stack under wrk, uncached, through
# the app's page cache, through nginx's cache and as a static copy, in one table (bench/run.py).
# Its own database (seeded once: 20 000 stories, BIG=1 for 100 000), ports 8380-8391 and Redis
# databases 10 and 11; then bench-archive if its databases exist.
.PHONY: bench

bench: $(VENV)/.installed
	$(BIN)/python bench/run.py $(if $(BIG),--big) --archive-small $(ARCHIVE_SMALL) --archive-big $(ARCHIVE_BIG)

# The page audit (not part of `make test`): Lighthouse (mobile), axe-core and the W3C Nu
# HTML checker on the demo served by the production stack (deploy/prod.py) on ports
# 8800-8801, its own database and Redis database (audit/run.py). Pinned npm tools go to
# audit/node_modules; vnu needs Java (default-jre-headless).
AUDIT_DATABASE_URL ?= postgres://postgres@127.0.0.1:5432/newsroom_audit
AUDIT_REDIS_URL ?= redis://127.0.0.1:6379/13
.PHONY: audit

audit: $(VENV)/.installed
	AUDIT_DATABASE_URL=$(AUDIT_DATABASE_URL) AUDIT_REDIS_URL=$(AUDIT_REDIS_URL) \
		$(BIN)/python audit/run.py

clean:
	rm -rf $(VENV) staticfiles run .pytest_cache .ruff_cache audit/node_modules

# Does the archive's size show? Every page, feed and sitemap file, uncached and in process,
# at the demo size and at ARCHIVE_ARTICLES stories (two PostgreSQL databases, seeded once by
# bench-archive-seed; about six minutes for 100 000).
ARCHIVE_SMALL ?= postgres://postgres@127.0.0.1:5432/newsroom_archive_small
ARCHIVE_BIG ?= postgres://postgres@127.0.0.1:5432/newsroom_archive_big
ARCHIVE_ARTICLES ?= 100000

.PHONY: bench-archive bench-archive-seed

# Their own throwaway key: a fresh checkout has no .env yet.
bench-archive bench-archive-seed: export DJANGO_SECRET_KEY ?= bench-only-secret-key

bench-archive: $(VENV)/.installed
	$(BIN)/python manage.py collectstatic --noinput --verbosity 0
	DATABASE_URL=$(ARCHIVE_SMALL) $(BIN)/python manage.py migrate --noinput --verbosity 0
	DATABASE_URL=$(ARCHIVE_BIG) $(BIN)/python manage.py migrate --noinput --verbosity 0
	$(BIN)/python bench/archive.py --small $(ARCHIVE_SMALL) --big $(ARCHIVE_BIG)

bench-archive-seed: $(VENV)/.installed
	$(BIN)/python bench/archive.py --create $(ARCHIVE_SMALL) $(ARCHIVE_BIG)
	DATABASE_URL=$(ARCHIVE_SMALL) $(BIN)/python manage.py migrate --noinput --verbosity 0
	DATABASE_URL=$(ARCHIVE_SMALL) $(BIN)/python manage.py seed_demo
	DATABASE_URL=$(ARCHIVE_BIG) $(BIN)/python manage.py migrate --noinput --verbosity 0
	DATABASE_URL=$(ARCHIVE_BIG) $(BIN)/python manage.py seed_demo --articles $(ARCHIVE_ARTICLES)
	DATABASE_URL=$(ARCHIVE_BIG) $(BIN)/python manage.py dbshell -- -c 'VACUUM ANALYZE'
