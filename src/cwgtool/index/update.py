"""Writing the archive: incremental update, replace, prune — whole documents per transaction.

Each document is replaced inside one transaction (delete the old rows, insert the new ones),
which may hold a few whole documents (:data:`GROUP`), so a run killed at any point leaves every
document either fully old, fully new or absent — never half loaded. :func:`update` is the whole of ``cwgtool index``: which files changed, the
parsing (a process pool that turns documents into rows, see :mod:`cwgtool.index.rows`), the
inserts, the prune, and a report as data.
"""

from __future__ import annotations

import os
import sqlite3
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import TYPE_CHECKING, TypeVar

from cwgtool import __version__
from cwgtool.index.rows import DocumentRows, document_rows

if TYPE_CHECKING:
    from cwgtool.batch import Outcome
    from cwgtool.model import Document
    from cwgtool.options import ParseOptions

T = TypeVar("T")

# Documents ``update`` writes per transaction. A commit has a fixed cost that does not depend on
# the document (FTS5 flushes its pending terms into a new segment that later merges rewrite; the
# pages every document touches go to the WAL again): writing 16 documents per commit cut the
# storing of 200 benchmark documents from 0.88 s to 0.78 s of CPU, in the one process every
# worker waits on. The rows wait in memory (16 documents' rows, about 0.7 MB), not inside an open
# transaction, so the write lock is held only while they are written; a run killed before a
# commit re-parses at most those documents on the next run.
GROUP = 16


@dataclass(slots=True)
class IndexReport:
    """What ``update`` did. ``failures`` are the outcomes of files that could not be parsed."""

    indexed: int = 0
    unchanged: int = 0
    pruned: int = 0
    failures: list[Outcome] = field(default_factory=list)
    skipped: list[tuple[str, str]] = field(default_factory=list)  # (input, reason): not indexable at all

    def exit_code(self) -> int:
        """0, or the highest exit code among the failures (3 unreadable input, 4 limit)."""
        return max((f.exit_code for f in self.failures), default=0)


def indexed_documents(conn: sqlite3.Connection) -> dict[str, str]:
    """path → sha256 of everything in the archive."""
    return {r[0]: r[1] for r in conn.execute("SELECT path, sha256 FROM documents")}


def _transaction(conn: sqlite3.Connection, work: Callable[[], T]) -> T:
    conn.execute("BEGIN IMMEDIATE")
    try:
        result = work()
        conn.execute("COMMIT")
    except BaseException:
        conn.execute("ROLLBACK")
        raise
    return result


def store_many(conn: sqlite3.Connection, items: Sequence[tuple[str, DocumentRows]]) -> list[int]:
    """Replace the documents stored at each path with its rows, all in one transaction; their new ids."""

    def work() -> list[int]:
        ids = []
        for path, rows in items:
            _delete(conn, path)
            ids.append(_insert(conn, path, rows))
        return ids

    return _transaction(conn, work)


def store_document(conn: sqlite3.Connection, doc: Document, *, path: str | None = None) -> int:
    """Replace the document stored at ``path`` (default: its source path) in one transaction."""
    return store_many(conn, [(path or doc.source.path, document_rows(doc))])[0]


def delete_document(conn: sqlite3.Connection, path: str) -> bool:
    return bool(_transaction(conn, lambda: int(_delete(conn, path))))


def _delete(conn: sqlite3.Connection, path: str) -> bool:
    row = conn.execute("SELECT id FROM documents WHERE path = ?", (path,)).fetchone()
    if row is None:
        return False
    # Text tables first and explicitly, so the FTS delete triggers see every row they must forget.
    conn.execute("DELETE FROM paragraphs WHERE document_id = ?", (row[0],))
    conn.execute("DELETE FROM sections WHERE document_id = ?", (row[0],))
    conn.execute("DELETE FROM documents WHERE id = ?", (row[0],))
    return True


def _next_id(conn: sqlite3.Connection, table: str) -> int:
    return int(conn.execute(f"SELECT coalesce(max(id), 0) + 1 FROM {table}").fetchone()[0])  # noqa: S608 - our table names


def _insert(conn: sqlite3.Connection, path: str, rows: DocumentRows) -> int:
    """Insert the rows; each table's ids are its first free id plus the row's local position.

    The offsets are integers of ours, written into the SQL, so the rows go to ``executemany``
    exactly as the worker made them (no per-row work here; NULL + n stays NULL).
    """
    cur = conn.execute(
        "INSERT INTO documents(path, sha256, format, pages, kind, symbol, symbol_printed, revision, addendum, record_key, revision_rank, title, language,"
        " date, body, meeting_number, meeting_place, start_date, end_date, source_line, submitters, headers_footers, warnings,"
        " parsed_at, cwgtool_version) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
        (path, *rows.document, datetime.now(UTC).isoformat(timespec="seconds"), __version__),
    )
    d = int(cur.lastrowid or 0)
    s, a, c, p, t = (_next_id(conn, x) for x in ("sections", "annexes", "contributions", "positions", "topics"))
    conn.executemany(
        f"INSERT INTO sections(id, document_id, parent_id, ordinal, number, title, level, page, line) VALUES (?+{s},{d},?+{s},?,?,?,?,?,?)",
        rows.sections,
    )
    conn.executemany(f"INSERT INTO annexes(id, document_id, ordinal, title, page) VALUES (?+{a},{d},?,?,?)", rows.annexes)
    conn.executemany(
        "INSERT INTO paragraphs(document_id, section_id, annex_id, ordinal, number, label, text, page, line)"
        f" VALUES ({d},?+{s},?+{a},?,?,?,?,?,?)",
        rows.paragraphs,
    )
    conn.executemany(
        "INSERT INTO contributions(id, document_id, ordinal, symbol, symbol_printed, revision, type, title, section, summary, discussion, page, line)"
        f" VALUES (?+{c},{d},?,?,?,?,?,?,?,?,?,?,?)",
        rows.contributions,
    )
    conn.executemany(f"INSERT INTO submitters(contribution_id, ordinal, name, iso3) VALUES (?+{c},?,?,?)", rows.submitters)
    conn.executemany(
        "INSERT INTO positions(id, document_id, ordinal, section, contribution, topic, actor, actor_kind, quantifier, stance, cue, condition, text, page, line)"
        f" VALUES (?+{p},{d},?,?,?,?,?,?,?,?,?,?,?,?,?)",
        rows.positions,
    )
    conn.executemany(f"INSERT INTO position_members(position_id, ordinal, iso3) VALUES (?+{p},?,?)", rows.position_members)
    conn.executemany(
        "INSERT INTO actions(document_id, ordinal, action_id, actor, addressee, text, due, section, source, related, page, line)"
        f" VALUES ({d},?,?,?,?,?,?,?,?,?,?,?)",
        rows.actions,
    )
    conn.executemany(
        "INSERT INTO topics(id, document_id, ordinal, title, label, normalized_title, revised_title, proposed_by, source, outcome, status,"
        f" section, page, line) VALUES (?+{t},{d},?,?,?,?,?,?,?,?,?,?,?,?)",
        rows.topics,
    )
    conn.executemany(f"INSERT INTO topic_questions(topic_id, ordinal, revised, text) VALUES (?+{t},?,?,?)", rows.topic_questions)
    return d


def _under(path: str, roots: Sequence[str]) -> bool:
    return any(path == r or path.startswith(r.rstrip(os.sep) + os.sep) for r in roots)


def update(
    conn: sqlite3.Connection,
    paths: Sequence[str],
    options: ParseOptions,
    *,
    jobs: int = 1,
    force: bool = False,
    prune: Sequence[str] = (),
    on_done: Callable[[Outcome], None] | None = None,
    on_todo: Callable[[int], None] | None = None,
) -> IndexReport:
    """Bring the archive up to date with ``paths`` (files, already resolved) and report what changed.

    A file whose path and sha256 are already archived is skipped (``force``: parsed anyway); a
    new or changed one is parsed (``jobs`` processes, see :func:`cwgtool.batch.pool_workers`)
    and replaced (whole documents per transaction, :data:`GROUP` at a time). ``prune``: folders or files whose archived documents no
    longer exist on disk are deleted (nothing outside them is touched). ``on_todo`` is told how
    many files will be parsed before the first one is (progress bars); ``on_done`` is called per
    parsed file. Paths are stored normalised (``./a/../b.pdf`` → ``b.pdf``).
    """
    from cwgtool.fileio import sha256_file
    from cwgtool.pipeline import STDIN

    report = IndexReport()
    known = indexed_documents(conn)
    max_bytes = options.effective_limits().max_bytes
    todo: list[str] = []
    current: set[str] = set()
    for p in paths:
        if p == STDIN:
            report.skipped.append((p, "stdin cannot be indexed (the archive needs a file path)"))
            continue
        norm = os.path.normpath(p)
        if norm in current:
            continue
        current.add(norm)
        try:
            # a file over --max-bytes is not hashed through (OSError): the parser refuses it
            same = not force and norm in known and known[norm] == sha256_file(norm, max_bytes=max_bytes)
        except OSError:  # special file, too large, unreadable
            same = False  # the parser reports why it cannot be read
        if same:
            report.unchanged += 1
        else:
            todo.append(norm)
    if on_todo is not None:
        on_todo(len(todo))
    pending: list[tuple[str, DocumentRows]] = []
    for outcome in _parsed(todo, options, jobs, on_done):
        if outcome.error is not None:
            report.failures.append(outcome)
            continue
        pending.append((outcome.path, outcome.result))
        if len(pending) == GROUP:
            report.indexed += len(store_many(conn, pending))
            pending.clear()
    if pending:
        report.indexed += len(store_many(conn, pending))
    if prune:
        roots = [os.path.normpath(r) for r in prune]
        for p in known:
            if _under(p, roots) and p not in current and not os.path.exists(p):
                report.pruned += delete_document(conn, p)
    return report


def _parsed(todo: list[str], options: ParseOptions, jobs: int, on_done: Callable[[Outcome], None] | None) -> Iterator[Outcome]:
    from cwgtool.batch import parse_many

    return parse_many(todo, options, jobs=jobs, on_done=on_done, transform=document_rows)


__all__ = ["GROUP", "IndexReport", "delete_document", "indexed_documents", "store_document", "store_many", "update"]
