"""Backups of the database and the files, and restoring one.

A backup is one folder, `<dir>/newsroom-<UTC time>/`, written under a `.partial` name and
renamed when complete, so an interrupted run is never taken for a backup:

    backup.json        what it holds: format and version, when, the database's vendor and
                       server version, each file's size and SHA-256
    database.dump      PostgreSQL: pg_dump's custom format (compressed; pg_restore reads it)
    database.sqlite3   SQLite: a copy made with SQLite's online backup API
    originals.tar      ORIGINALS_ROOT: the uploaded photos, which nothing else brings back
    media.tar          MEDIA_ROOT: the renditions (rebuildable, but the site is whole at once)

pg_dump/pg_restore wrapped here rather than django-dbbackup (maintained, 5.x): its media
backup reads the default storage only, while our originals live in a storage of their
own; and here the database and the files travel as one folder whose checksums are
verified before a restore touches anything.
"""

import hashlib
import json
import os
import re
import shutil
import sqlite3
import subprocess
import tarfile
from collections.abc import Callable
from contextlib import closing
from dataclasses import dataclass, field
from pathlib import Path

from django.core.files.storage import FileSystemStorage, storages
from django.db import connection
from django.db.migrations.executor import MigrationExecutor
from django.utils import timezone

from newsroom.pagecache import content_changed

FORMAT = "newsroom-backup"
VERSION = 1
MANIFEST = "backup.json"
NAME = re.compile(r"^newsroom-\d{8}T\d{6}Z$")
# The storages whose files a backup carries (settings.STORAGES aliases), by archive name.
FILE_STORAGES = {"originals": "originals", "media": "default"}
# libpq's environment variables for the connection settings pg_dump and pg_restore need;
# the password goes through the environment, never the command line (ps shows that).
LIBPQ_ENVIRONMENT = {
    "HOST": "PGHOST",
    "PORT": "PGPORT",
    "USER": "PGUSER",
    "PASSWORD": "PGPASSWORD",
}
LIBPQ_OPTIONS = {
    "sslmode": "PGSSLMODE",
    "sslrootcert": "PGSSLROOTCERT",
    "sslcert": "PGSSLCERT",
    "sslkey": "PGSSLKEY",
    "passfile": "PGPASSFILE",
    "service": "PGSERVICE",
    "options": "PGOPTIONS",
}


class BackupError(Exception):
    """A backup cannot be made or restored; the message tells the operator why."""


Log = Callable[[str], None]


def _quiet(message: str) -> None:
    pass


@dataclass
class BackupResult:
    path: Path
    pruned: list[Path] = field(default_factory=list)
    # Storages kept elsewhere than a local folder (a bucket): not in the backup.
    skipped: list[str] = field(default_factory=list)


def file_roots() -> dict[str, Path | None]:
    """The local folder of each storage a backup carries; None for one kept elsewhere (an
    S3 bucket: back it up with the provider's versioning or replication)."""
    roots = {}
    for name, alias in FILE_STORAGES.items():
        storage = storages[alias]
        roots[name] = Path(storage.location) if isinstance(storage, FileSystemStorage) else None
    return roots


def backups(directory: Path) -> list[Path]:
    """The complete backups in the folder, newest first."""
    if not directory.is_dir():
        return []
    found = [
        path
        for path in directory.iterdir()
        if path.is_dir() and NAME.match(path.name) and (path / MANIFEST).is_file()
    ]
    return sorted(found, key=lambda path: path.name, reverse=True)


def backup_create(*, directory: Path, keep: int, log: Log = _quiet) -> BackupResult:
    """Back up the database and the files into a new folder in `directory`, then delete
    all but the newest `keep` backups there."""
    if keep < 1:
        raise BackupError("Keep at least one backup (--keep 1 or more).")
    _refuse_in_transaction()
    directory.mkdir(parents=True, exist_ok=True)
    now = timezone.now()
    name = f"newsroom-{now:%Y%m%dT%H%M%SZ}"
    final, partial = directory / name, directory / f"{name}.partial"
    if final.exists() or partial.exists():
        raise BackupError(f"{final} already exists: one backup a second at most.")
    partial.mkdir()
    result = BackupResult(path=final)
    try:
        files = {"database": _dump_database(partial, log)}
        for archive_name, root in file_roots().items():
            if root is None:
                result.skipped.append(archive_name)
                continue
            log(f"Packing {root}…")
            files[archive_name] = _pack(root, partial / f"{archive_name}.tar")
        manifest = {
            "format": FORMAT,
            "version": VERSION,
            "created_at": now.isoformat(),
            "database": {
                "vendor": connection.vendor,
                "server_version": _server_version(),
                "name": str(connection.settings_dict["NAME"]),
            },
            "files": files,
        }
        (partial / MANIFEST).write_text(json.dumps(manifest, indent=1) + "\n", encoding="utf-8")
        partial.rename(final)
    except BaseException:
        shutil.rmtree(partial, ignore_errors=True)
        raise
    for old in backups(directory)[keep:]:
        shutil.rmtree(old)
        result.pruned.append(old)
    return result


def backup_restore(*, backup: Path, log: Log = _quiet) -> list[str]:
    """Put the backup's database and files back in place of the current ones.

    Returns notes for the operator (migrations to run, storages not restored).
    """
    _refuse_in_transaction()
    manifest = _verified(backup, log)
    notes = []
    log("Restoring the database…")
    if connection.vendor == "postgresql":
        _restore_postgresql(backup / manifest["files"]["database"]["name"])
    else:
        _restore_sqlite(backup / manifest["files"]["database"]["name"])
    for archive_name, root in file_roots().items():
        if archive_name not in manifest["files"]:
            notes.append(f"The backup holds no {archive_name} files; those in place were kept.")
        elif root is None:
            notes.append(f"The {archive_name} storage is not a local folder: not restored.")
        else:
            log(f"Restoring {root}…")
            _unpack(backup / manifest["files"][archive_name]["name"], root)
    content_changed()  # no page stored before the restore may be served after it
    executor = MigrationExecutor(connection)
    if executor.migration_plan(executor.loader.graph.leaf_nodes()):
        notes.append("The backup predates some of this code's migrations: run `manage.py migrate`.")
    return notes


def _refuse_in_transaction() -> None:
    # SQLite's backup API waits forever for a write transaction of its own connection to
    # end, and a restore must reconnect: both run on their own, never inside a transaction.
    if connection.in_atomic_block:
        raise BackupError("Backups and restores run on their own, not inside a transaction.")


def _verified(backup: Path, log: Log) -> dict:
    """The backup's manifest, once it is known to be ours, for this database, and whole."""
    try:
        manifest = json.loads((backup / MANIFEST).read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise BackupError(f"{backup} holds no {MANIFEST}: not a Newsroom backup.") from None
    except ValueError as error:
        raise BackupError(f"{backup / MANIFEST} is not valid JSON: {error}.") from None
    if not isinstance(manifest, dict) or manifest.get("format") != FORMAT:
        raise BackupError(f"{backup} is not a Newsroom backup.")
    if manifest.get("version") != VERSION:
        raise BackupError(
            f"{backup} is backup format version {manifest.get('version')!r}; this Newsroom "
            f"restores version {VERSION} only."
        )
    vendor = manifest["database"]["vendor"]
    if vendor != connection.vendor:
        raise BackupError(
            f"{backup} holds a {vendor} database; the configured database (DATABASE_URL) "
            f"is {connection.vendor}."
        )
    # Every file checked before anything is touched: a truncated copy must not be
    # discovered halfway through replacing the site.
    for entry in manifest["files"].values():
        path = backup / entry["name"]
        log(f"Checking {path.name}…")
        if not path.is_file() or path.stat().st_size != entry["bytes"]:
            raise BackupError(f"{path} is missing or incomplete; nothing was restored.")
        if _sha256(path) != entry["sha256"]:
            raise BackupError(f"{path} is damaged (its checksum differs); nothing was restored.")
    return manifest


def _sha256(path: Path) -> str:
    with path.open("rb") as file:
        return hashlib.file_digest(file, "sha256").hexdigest()


def _described(path: Path) -> dict:
    return {"name": path.name, "bytes": path.stat().st_size, "sha256": _sha256(path)}


def _pack(root: Path, path: Path) -> dict:
    # Plain tar: photos and their renditions are compressed already.
    with tarfile.open(path, "w") as tar:
        if root.is_dir():
            tar.add(root, arcname=".")
    return _described(path)


def _unpack(path: Path, root: Path) -> None:
    """Files of the backup over the folder's; files added since stay (nothing names them)."""
    root.mkdir(parents=True, exist_ok=True)
    with tarfile.open(path) as tar:
        # "data": nothing may land outside the folder, whatever the tar says.
        tar.extractall(root, filter="data")


def _server_version() -> str:
    if connection.vendor == "postgresql":
        connection.ensure_connection()
        major, minor = divmod(connection.pg_version, 10000)
        return f"{major}.{minor}"
    return sqlite3.sqlite_version


# PostgreSQL.


def _environment() -> dict[str, str]:
    settings_dict = connection.settings_dict
    environment = {**os.environ}
    for key, variable in LIBPQ_ENVIRONMENT.items():
        if settings_dict.get(key):
            environment[variable] = str(settings_dict[key])
    for key, variable in LIBPQ_OPTIONS.items():
        if settings_dict["OPTIONS"].get(key):
            environment[variable] = str(settings_dict["OPTIONS"][key])
    return environment


def _run(command: list[str]) -> str:
    try:
        finished = subprocess.run(command, env=_environment(), capture_output=True, text=True)
    except FileNotFoundError:
        raise BackupError(
            f"{command[0]} is not installed: install the PostgreSQL client of the server's "
            "major version (Debian: postgresql-client)."
        ) from None
    if finished.returncode != 0:
        raise BackupError(f"{command[0]} failed: {finished.stderr.strip()}")
    return finished.stdout


def _check_client(program: str) -> None:
    """pg_dump refuses a server newer than itself; say so before it starts."""
    try:
        found = subprocess.run([program, "--version"], capture_output=True, text=True)
    except FileNotFoundError:
        found = None
    match = re.search(r"(\d+)(?:\.\d+)?", found.stdout) if found else None
    if match is None:
        raise BackupError(f"{program} is not installed (Debian: the postgresql-client package).")
    connection.ensure_connection()
    client, server = int(match[1]), connection.pg_version // 10000
    if client < server:
        raise BackupError(
            f"{program} {client} cannot handle a PostgreSQL {server} server: install "
            f"postgresql-client-{server} (the client must be at least the server's version)."
        )


def _dump_database(folder: Path, log: Log) -> dict:
    if connection.vendor == "postgresql":
        _check_client("pg_dump")
        path = folder / "database.dump"
        log(f"Dumping the database {connection.settings_dict['NAME']}…")
        database = str(connection.settings_dict["NAME"])
        _run(["pg_dump", "--format=custom", f"--file={path}", database])
    elif connection.vendor == "sqlite":
        path = folder / "database.sqlite3"
        log("Copying the SQLite database…")
        connection.ensure_connection()
        # The online backup API: a consistent copy while the site keeps writing.
        with closing(sqlite3.connect(path)) as copy:
            connection.connection.backup(copy)
    else:
        raise BackupError(f"Backups of {connection.vendor} databases are not supported.")
    return _described(path)


def _restore_postgresql(path: Path) -> None:
    _check_client("pg_restore")
    # Our own session must hold nothing that the restore drops.
    connection.close()
    with connection.cursor() as cursor:
        # A destroyed database may have lost its schema too; the dump assumes it exists.
        cursor.execute("CREATE SCHEMA IF NOT EXISTS public")
    connection.close()
    _run(
        [
            "pg_restore",
            # Drop what is there first, as one transaction: it all comes back, or nothing
            # changes.
            "--clean",
            "--if-exists",
            "--single-transaction",
            "--exit-on-error",
            # Owned by, and granted to, the user the site connects as (the roles of the
            # server the backup came from may not exist here).
            "--no-owner",
            "--no-privileges",
            f"--dbname={connection.settings_dict['NAME']}",
            str(path),
        ]
    )
    # Tables the backup does not know (a newer migration's, say) are dropped, or a
    # `migrate` after restoring an older backup would find them there already.
    listed = _run(["pg_restore", "--list", str(path)])
    restored = set(re.findall(r"^\d+; \d+ \d+ TABLE public (\S+) ", listed, re.MULTILINE))
    with connection.cursor() as cursor:
        for table in set(connection.introspection.table_names(cursor)) - restored:
            cursor.execute(f"DROP TABLE IF EXISTS {connection.ops.quote_name(table)} CASCADE")
        # pg_restore brings no planner statistics; without them the planner walked the
        # whole archive for pages that need a few rows (articles migration 0014).
        cursor.execute("ANALYZE")


def _restore_sqlite(path: Path) -> None:
    connection.ensure_connection()
    with closing(sqlite3.connect(path)) as source:
        source.backup(connection.connection)
    connection.close()
