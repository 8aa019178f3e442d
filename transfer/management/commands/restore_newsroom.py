"""Put a backup made by backup_newsroom back in place of the database and the files."""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.db import connection

from transfer.backup import BackupError, backup_restore, file_roots


class Command(BaseCommand):
    help = (
        "Replace the configured database and the photo files with those of a backup made by "
        "backup_newsroom. Stop the app servers and workers first."
    )

    def add_arguments(self, parser):
        parser.add_argument("backup", type=Path, help="The backup's folder (…/newsroom-<time>).")
        parser.add_argument(
            "--no-input",
            "--noinput",
            action="store_false",
            dest="interactive",
            help="Do not ask for confirmation.",
        )

    def handle(self, *args, backup, interactive, verbosity, **options):
        if interactive:
            folders = ", ".join(str(root) for root in file_roots().values() if root)
            answer = input(
                f"This replaces the database {connection.settings_dict['NAME']} and the files "
                f"in {folders} with the backup {backup.name}.\n"
                "Everything written since that backup is lost. Type 'yes' to continue: "
            )
            if answer != "yes":
                raise CommandError("Restore cancelled.")
        log = self.stdout.write if verbosity > 1 else lambda message: None
        try:
            notes = backup_restore(backup=backup, log=log)
        except BackupError as error:
            raise CommandError(str(error)) from None
        self.stdout.write(self.style.SUCCESS(f"Restored {backup}."))
        for note in notes:
            self.stderr.write(self.style.WARNING(note))
