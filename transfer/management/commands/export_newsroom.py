"""Write the newsroom's content to a versioned archive (docs/archive-format.md)."""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from transfer.archive import ArchiveError, export_archive


class Command(BaseCommand):
    help = (
        "Write the stories, people, sections, photos (with their originals), corrections, "
        "live updates, tags and flat pages to an archive: a new folder, or a file whose "
        "name ends in .tar.gz. Logins and passwords are not exported."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "destination", type=Path, help="A new folder, or a file name ending in .tar.gz."
        )

    def handle(self, *args, destination, verbosity, **options):
        log = self.stdout.write if verbosity > 1 else lambda message: None
        try:
            result = export_archive(destination, log=log)
        except ArchiveError as error:
            raise CommandError(str(error)) from None
        counts = ", ".join(f"{count} {name}" for name, count in result.counts.items())
        self.stdout.write(self.style.SUCCESS(f"Wrote {result.path}: {counts}."))
        self.stdout.write(
            "Logins (users and passwords) are not in the archive: create them on the new "
            "site; people keep their names and bylines."
        )
        if result.missing_files:
            self.stderr.write(
                self.style.WARNING(
                    f"{len(result.missing_files)} photo originals were missing from storage; "
                    "their records are in the archive without a file: "
                    + ", ".join(result.missing_files)
                )
            )
