"""Load an archive written by export_newsroom into an empty database."""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from images.models import Image
from images.services import images_renditions_build
from transfer.archive import ArchiveError, import_archive

# Photos handed to the rendition builder at a time (it encodes them in parallel threads).
RENDITION_BATCH = 100


class Command(BaseCommand):
    help = (
        "Load an archive written by export_newsroom (a folder or a .tar.gz) into an empty "
        "database, keeping every id and so every address; then build the photos' renditions."
    )

    def add_arguments(self, parser):
        parser.add_argument("archive", type=Path, help="The archive folder or .tar.gz file.")
        parser.add_argument(
            "--skip-renditions",
            action="store_true",
            help="Leave the renditions to `manage.py renditions` (photos stay off the site "
            "until they are built).",
        )

    def handle(self, *args, archive, skip_renditions, verbosity, **options):
        log = self.stdout.write if verbosity > 1 else lambda message: None
        try:
            result = import_archive(archive, log=log)
        except ArchiveError as error:
            raise CommandError(str(error)) from None
        counts = ", ".join(f"{count} {name}" for name, count in result.counts.items())
        self.stdout.write(self.style.SUCCESS(f"Imported {counts}."))
        self.stdout.write(
            f"The site is now {result.site['name']} at {result.site['domain']} (admin → Sites). "
            "No logins came with the archive: `manage.py createsuperuser`, then link people "
            "to their logins in the admin."
        )
        if not skip_renditions:
            self.build_renditions()

    def build_renditions(self) -> None:
        waiting = Image.objects.filter(renditions_key="").order_by("pk")
        total, failed, last = waiting.count(), [], 0
        self.stdout.write(f"Building the renditions of {total} photos…")

        def on_done(image: Image, error: OSError | None) -> None:
            if error is not None:
                failed.append(f"{image.file.name}: {error}")

        # Batches by key, so a large archive's photos are not all held at once.
        while batch := list(waiting.filter(pk__gt=last)[:RENDITION_BATCH]):
            images_renditions_build(images=batch, on_done=on_done)
            last = batch[-1].pk
        if failed:
            self.stderr.write(
                self.style.WARNING(
                    f"{len(failed)} photos have no renditions (run `manage.py renditions` once "
                    "their originals are in place):\n" + "\n".join(failed)
                )
            )
        self.stdout.write(self.style.SUCCESS(f"Renditions built for {total - len(failed)} photos."))
