"""Hand-made demo stories that show a feature the generated archive cannot."""

from authors.models import Person
from images.models import Image
from sections.models import Section


def seed_special_stories(
    *, sections: list[Section], people: list[Person], photos: dict[str, Image]
) -> None:
    """Stories made by hand on every run of seed_demo, after the generated archive.

    The place for what a newcomer should see at once (a live story with its updates, a
    breaking story): each must be idempotent (look its story up before making it) and
    use the photos by subject (demo.text.SUBJECTS) so its picture fits. Empty for now.
    """
