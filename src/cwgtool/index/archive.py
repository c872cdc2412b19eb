"""Opening an archive: for reading (read-only, nothing written) or for writing (created if new).

A file is recognised before anything is written to it: cwgtool archives carry SQLite's
``application_id`` header field and a ``meta`` table with the schema version. Any other
database is refused as it is (no WAL switch, no table added), so pointing ``--db`` at another
program's file by mistake cannot damage it.

Readers open with ``mode=ro`` and change no setting. ``index`` writes in WAL mode (short
transactions of whole documents, readers never blocked) and switches the file back to a rollback
journal when it is done (:func:`close_writer`), because a WAL database cannot be opened at all
in a directory its reader may not write to; a file left in WAL mode by a killed run is opened
``immutable`` in that case.
"""

from __future__ import annotations

import os
import sqlite3
from urllib.parse import quote

from cwgtool.errors import ArchiveError
from cwgtool.index.schema import APPLICATION_ID, SCHEMA, SCHEMA_VERSION


def _uri(path: str, **params: str) -> str:
    query = "&".join(f"{k}={v}" for k, v in params.items())
    return f"file:{quote(os.path.abspath(path))}?{query}"


def _identify(conn: sqlite3.Connection, path: str) -> int | None:
    """The archive's schema version; None for an empty database. Raises ArchiveError for a foreign one."""
    try:
        app_id = conn.execute("PRAGMA application_id").fetchone()[0]
        tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
        version = conn.execute("SELECT value FROM meta WHERE key = 'schema_version'").fetchone() if "meta" in tables else None
    except sqlite3.OperationalError:
        raise  # the file could not be read (locked, WAL in a read-only directory): not a verdict
    except sqlite3.DatabaseError as exc:
        raise ArchiveError(f"{path}: not a cwgtool archive ({exc})") from None
    if not tables and app_id == 0:
        return None
    if version is None or (app_id not in (0, APPLICATION_ID)) or not {"documents", "paragraphs"} <= tables:
        raise ArchiveError(f"{path}: not a cwgtool archive (a SQLite database of another program); left unchanged")
    try:
        number = int(version[0])
    except ValueError:
        raise ArchiveError(f"{path}: not a cwgtool archive (schema version {version[0]!r}); left unchanged") from None
    if number != SCHEMA_VERSION:
        raise ArchiveError(
            f"{path}: archive schema {number}, this cwgtool reads schema {SCHEMA_VERSION}; "
            "re-index into a new file: cwgtool index DIR --db NEW.sqlite"
        )
    return number


def _configure(conn: sqlite3.Connection) -> sqlite3.Connection:
    conn.row_factory = sqlite3.Row
    conn.execute("PRAGMA foreign_keys = ON")
    return conn


def open_reader(path: str | os.PathLike[str]) -> sqlite3.Connection:
    """Open an existing archive read-only; nothing about the file or its directory is changed."""
    name = os.fspath(path)
    if not os.path.isfile(name):
        raise ArchiveError(f"{name}: no such database (build it with `cwgtool index`)")
    # ``immutable``: a WAL left behind (a killed `index`) in a directory we may not write.
    for params in ({"mode": "ro"}, {"mode": "ro", "immutable": "1"}):
        conn = sqlite3.connect(_uri(name, **params), uri=True, isolation_level=None, timeout=30)
        try:
            version = _identify(conn, name)
        except sqlite3.OperationalError:
            conn.close()
            continue
        except ArchiveError:
            conn.close()
            raise
        if version is None:
            conn.close()
            raise ArchiveError(f"{name}: empty database, not a cwgtool archive (build one with `cwgtool index`)")
        return _configure(conn)
    raise ArchiveError(f"{name}: cannot be read")


def open_writer(path: str | os.PathLike[str]) -> sqlite3.Connection:
    """Open an archive for ``index``, creating it if the file is new or an empty database.

    Autocommit mode (transactions are explicit), WAL journal while writing.
    """
    name = os.fspath(path)
    try:
        conn = sqlite3.connect(name, isolation_level=None, timeout=30)
    except sqlite3.Error as exc:
        raise ArchiveError(f"{name}: cannot open ({exc})") from None
    try:
        version = _identify(conn, name)
        if version is None:
            # IF NOT EXISTS throughout: a concurrent `index` creating the same file is harmless.
            conn.executescript(f"BEGIN IMMEDIATE; {SCHEMA} COMMIT;")
        conn.execute("PRAGMA journal_mode = WAL")
        conn.execute("PRAGMA synchronous = NORMAL")
    except ArchiveError:
        conn.close()
        raise
    except sqlite3.Error as exc:
        conn.close()
        raise ArchiveError(f"{name}: cannot write ({exc})") from None
    return _configure(conn)


def close_writer(conn: sqlite3.Connection) -> None:
    """Fold the WAL into the file and leave it in rollback-journal mode, readable read-only anywhere.

    If another process has the archive open the switch is not possible; the file then stays in
    WAL mode until a later run, which is harmless.
    """
    try:
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        conn.execute("PRAGMA journal_mode = DELETE")
    except sqlite3.OperationalError:
        pass
    finally:
        conn.close()


def connect(path: str | os.PathLike[str], *, create: bool = True) -> sqlite3.Connection:
    """``open_writer`` (``create``) or ``open_reader``: the one call most scripts need."""
    return open_writer(path) if create else open_reader(path)


__all__ = ["ArchiveError", "close_writer", "connect", "open_reader", "open_writer"]
