FROM python:3.12-slim
ENV PYTHONDONTWRITEBYTECODE=1 PYTHONUNBUFFERED=1
WORKDIR /app
COPY pyproject.toml README.md ./
COPY newsroom newsroom
COPY sections sections
COPY authors authors
COPY images images
COPY articles articles
COPY typos typos
COPY desk desk
COPY demo demo
RUN pip install --no-cache-dir .
COPY . .
# collectstatic signs nothing, but settings insist on a key: a throwaway one, never kept.
RUN DJANGO_SECRET_KEY="$(python -c 'import secrets; print(secrets.token_urlsafe(50))')" \
    python manage.py collectstatic --noinput --verbosity 0
EXPOSE 8000
# An app server (deploy/gunicorn.conf.py: GUNICORN_WORKERS etc.); the worker runs
# `celery -A newsroom worker` from the same image (docker-compose.yml).
CMD ["gunicorn", "--config", "deploy/gunicorn.conf.py", "--bind", "0.0.0.0:8000", "newsroom.wsgi"]
