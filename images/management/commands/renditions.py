"""(Re)build the missing renditions of every photo. Safe to run any number of times."""

from django.core.management.base import BaseCommand

from images import renditions
from images.models import Image
from images.services import images_renditions_build

BAR_WIDTH = 30


class Command(BaseCommand):
    help = "Build missing renditions (resized, cropped, AVIF/WebP/JPEG) of every photo."

    def handle(self, *args, **options):
        images = list(Image.objects.order_by("pk"))
        self.total, self.done, self.failed = len(images), 0, 0
        written = images_renditions_build(images=images, on_done=self.progress)
        self.stdout.write(
            self.style.SUCCESS(
                f"\n{self.total} photos, {written} files written, {self.failed} failed "
                f"(formats: {', '.join(renditions.FORMATS)}). Existing files were kept."
            )
        )

    def progress(self, image: Image, error: OSError | None) -> None:
        self.done += 1
        if error is not None:
            self.failed += 1
            self.stderr.write(f"\n{image.file.name}: {error}")
        filled = BAR_WIDTH * self.done // max(self.total, 1)
        self.stdout.write(
            f"\r[{'█' * filled}{'·' * (BAR_WIDTH - filled)}] {self.done}/{self.total}", ending=""
        )
        self.stdout.flush()
