"""manage.py import_wordpress EXPORT.xml [--media-dir DIR] [--sections FILE] [--edition CODE]"""

from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from transfer.wordpress import (
    BATCH_SIZE,
    SectionMapError,
    read_section_map,
    wordpress_import,
)
from transfer.wxr import WXRError


class Command(BaseCommand):
    help = (
        "Import a WordPress export (Tools → Export, a WXR file): posts become stories, "
        "categories sections, tags tags, authors people, featured images photos, and the "
        "old addresses redirect to the new ones. Run it again to take in changes: it "
        "updates, never duplicates."
    )

    def add_arguments(self, parser):
        parser.add_argument("export", type=Path, help="The WXR file WordPress exported.")
        parser.add_argument(
            "--media-dir",
            type=Path,
            help="A copy of the site's wp-content/uploads folder: featured images are read "
            "from it. Without it, stories are imported without their photos.",
        )
        parser.add_argument(
            "--sections",
            type=Path,
            help="Which section each WordPress category goes to: a CSV file of two columns "
            "(category slug, section slug) or a JSON object. Categories not named are "
            "created as sections, hidden from the navigation until an editor shows them.",
        )
        parser.add_argument(
            "--edition",
            default=settings.LANGUAGE_CODE,
            choices=[code for code, _ in settings.LANGUAGES],
            help="The language edition the stories go to (default: %(default)s).",
        )
        parser.add_argument(
            "--batch-size",
            type=int,
            default=BATCH_SIZE,
            help="Posts saved per transaction (default: %(default)s).",
        )

    def handle(self, *args, export: Path, media_dir, sections, edition, batch_size, **options):
        if not export.is_file():
            raise CommandError(f"{export}: no such file.")
        if media_dir is not None and not media_dir.is_dir():
            raise CommandError(f"--media-dir {media_dir}: no such folder.")
        if batch_size < 1:
            raise CommandError("--batch-size must be at least 1.")
        try:
            section_map = read_section_map(sections) if sections else {}
        except SectionMapError as error:
            raise CommandError(f"--sections: {error}.") from None
        verbosity = options["verbosity"]

        def progress(done: int, total: int, seconds: float) -> None:
            if verbosity > 0:
                rate = done / seconds if seconds else 0
                self.stderr.write(
                    f"  posts {done} of {total}, {seconds:.0f} s, {rate:.0f} a second"
                )

        try:
            report = wordpress_import(
                path=export,
                media_dir=media_dir,
                section_map=section_map,
                edition=edition,
                batch_size=batch_size,
                progress=progress,
            )
        except WXRError as error:
            raise CommandError(f"{export}: {error}.") from None
        if verbosity > 0:
            self.stdout.write("\n".join(report.lines()))
