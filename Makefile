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

clean:
	rm -rf $(VENV) staticfiles run .pytest_cache .ruff_cache
