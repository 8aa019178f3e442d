"""Back up the database and the photo files into a timestamped folder; keep the newest N."""

from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from transfer.backup import BackupError, backup_create


class Command(BaseCommand):
    help = (
        "Back up the database (pg_dump's custom format, or a copy of the SQLite file) and "
        "the photo files (originals and renditions) into DIR/newsroom-<UTC time>/, then "
        "delete all but the newest N backups there."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--dir",
            type=Path,
            default=Path(settings.BASE_DIR) / "backups",
            help="Where backups are kept (default: backups/ in the project folder).",
        )
        parser.add_argument(
            "--keep", type=int, default=14, help="How many backups to keep (default 14)."
        )

    def handle(self, *args, dir, keep, verbosity, **options):
        log = self.stdout.write if verbosity > 1 else lambda message: None
        try:
            result = backup_create(directory=dir, keep=keep, log=log)
        except BackupError as error:
            raise CommandError(str(error)) from None
        self.stdout.write(self.style.SUCCESS(f"Backed up to {result.path}"))
        for old in result.pruned:
            self.stdout.write(f"Deleted the old backup {old}")
        for name in result.skipped:
            self.stderr.write(
                self.style.WARNING(
                    f"The {name} storage is not a local folder and is not in the backup: "
                    "keep its bucket versioned or replicated."
                )
            )
