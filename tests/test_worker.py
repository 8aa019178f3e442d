"""Renditions are built by a real Celery worker process, off the editor's request."""

import uuid
from urllib.parse import urlsplit

import pytest
import redis
from bs4 import BeautifulSoup
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image as PILImage

from images import renditions
from images.models import Image, Licence
from newsroom.celery import app as celery_app

from . import stack
from .factories import ArticleFactory
from .test_photos import jpeg

pytestmark = [
    pytest.mark.postgresql,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


def _forget_connections():
    # Celery builds its routes and producer pool from the settings on first use and keeps
    # them: dropped so the next task goes to the broker the configuration now names.
    celery_app.__dict__.pop("amqp", None)
    celery_app._pool = None


@pytest.fixture
def queue():
    """This test's own queue on the real broker, as in production (no eager stand-in)."""
    stack.require_postgresql()
    broker = urlsplit(stack.BROKER_URL)
    stack.require(
        stack.reachable(broker.hostname, broker.port or 6379), f"no Redis at {stack.BROKER_URL}"
    )
    name = f"test-{uuid.uuid4().hex[:12]}"
    keys = ("broker_url", "task_always_eager", "task_default_queue")
    saved = {key: celery_app.conf[key] for key in keys}
    celery_app.conf.update(broker_url=stack.BROKER_URL, task_always_eager=False)
    celery_app.conf.task_default_queue = name
    _forget_connections()
    yield name
    celery_app.conf.update(saved)
    _forget_connections()
    redis.Redis.from_url(stack.BROKER_URL).delete(name, f"_kombu.binding.{name}")


def pictures(client, path) -> list:
    response = client.get(path)
    assert response.status_code == 200
    return BeautifulSoup(response.content, "html.parser").select(".article__figure picture")


def test_a_photo_saved_in_the_admin_appears_once_a_worker_built_its_renditions(
    editor_client, client, queue, settings, tmp_path
):
    licence = Licence.objects.get(name="CC BY 4.0")
    upload = SimpleUploadedFile("tram.jpg", jpeg(size=(1600, 900)), content_type="image/jpeg")
    form = {"alt_text": "A tram", "creator": "Ada", "licence": licence.pk, "file": upload}

    # No worker runs yet: the save must return without building anything.
    assert editor_client.post("/admin/images/image/add/", form).status_code == 302
    image = Image.objects.get()
    assert image.renditions_key == ""
    article = ArticleFactory(main_image=image)
    assert pictures(client, article.get_absolute_url()) == [], "no renditions, no photo"

    log = tmp_path / "worker.log"
    environment = stack.app_environment(CELERY_BROKER_URL=stack.BROKER_URL)
    with stack.celery_worker(queue, log=log, env=environment):
        stack.wait_for(
            lambda: Image.objects.filter(pk=image.pk).exclude(renditions_key="").exists(),
            timeout=60,
            what="the worker building the renditions",
            log=log,
        )

    assert "image_renditions_build_task" in log.read_text(), "built by the worker"
    [picture] = pictures(client, article.get_absolute_url())
    image.refresh_from_db()
    name = renditions.rendition_name(image, image.renditions_key, "original", 1280, "jpeg")
    assert f"/media/{name} 1280w" in picture.img["srcset"]
    assert PILImage.open(settings.MEDIA_ROOT / name).size == (1280, 720)
