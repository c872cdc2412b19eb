"""The SQLite archive: many parsed records in one file, queried across meetings.

Writes are incremental and crash-safe: each document is replaced inside ONE transaction
(delete the old row, cascade, insert the new one), with WAL journaling, so a run killed at any
point leaves every document either fully old, fully new or absent — never half loaded.
Nothing here imports the parsers; the CLI feeds it :class:`~cwgtool.model.Document` objects.
"""

from __future__ import annotations

import json
import os
import re
import sqlite3
import unicodedata
from collections.abc import Iterable, Iterator, Sequence
from datetime import UTC, datetime
from typing import TYPE_CHECKING, Any

from cwgtool import __version__
from cwgtool.index.schema import SCHEMA, SCHEMA_VERSION

if TYPE_CHECKING:
    from cwgtool.model import Document, Section

HIGHLIGHT_START = "\x02"
HIGHLIGHT_END = "\x03"


class ArchiveError(Exception):
    """The archive cannot be opened or was written by an incompatible cwgtool."""


def connect(path: str | os.PathLike[str], *, create: bool = True) -> sqlite3.Connection:
    """Open (and if needed create) an archive; autocommit mode so transactions are explicit."""
    if not create and not os.path.exists(path):
        raise ArchiveError(f"{os.fspath(path)}: no such database (build it with `cwgtool index`)")
    try:
        conn = sqlite3.connect(os.fspath(path), isolation_level=None, timeout=30)
        conn.row_factory = sqlite3.Row
        conn.execute("PRAGMA foreign_keys = ON")
        conn.execute("PRAGMA journal_mode = WAL")
        conn.execute("PRAGMA synchronous = NORMAL")
        if create:
            conn.executescript(SCHEMA)
            conn.execute("INSERT OR IGNORE INTO meta(key, value) VALUES ('schema_version', ?)", (str(SCHEMA_VERSION),))
        version = conn.execute("SELECT value FROM meta WHERE key = 'schema_version'").fetchone()
    except sqlite3.DatabaseError as exc:
        raise ArchiveError(f"{os.fspath(path)}: not a cwgtool archive ({exc})") from None
    if version is None or int(version[0]) != SCHEMA_VERSION:
        raise ArchiveError(f"{os.fspath(path)}: archive schema {version[0] if version else '?'} (this cwgtool writes {SCHEMA_VERSION}); re-create it")
    return conn


_LEADING_LABEL = re.compile(r"^\s*(?:topic\s*)?(?:\(?[0-9ivxlc]+[.)]|\(?[a-z][.)])\s+", re.IGNORECASE)


def normalise_title(title: str) -> str:
    """Grouping key for "the same topic": case, accents, list labels, quotes and punctuation ignored."""
    text = unicodedata.normalize("NFKD", title)
    text = "".join(ch for ch in text if not unicodedata.combining(ch)).casefold()
    text = _LEADING_LABEL.sub("", text)
    text = re.sub(r"[^\w]+", " ", text)
    return " ".join(text.split())


def _page(prov: Any) -> int | None:
    return getattr(prov, "page", None) if prov is not None else None


def indexed_documents(conn: sqlite3.Connection) -> dict[str, str]:
    """path → sha256 of everything in the archive."""
    return {r["path"]: r["sha256"] for r in conn.execute("SELECT path, sha256 FROM documents")}


def store_document(conn: sqlite3.Connection, doc: Document, *, path: str | None = None) -> int:
    """Replace the document stored at ``path`` (default: its source path) in one transaction."""
    path = path or doc.source.path
    conn.execute("BEGIN IMMEDIATE")
    try:
        _delete(conn, path)
        doc_id = _insert(conn, doc, path)
        conn.execute("COMMIT")
    except BaseException:
        conn.execute("ROLLBACK")
        raise
    return doc_id


def delete_document(conn: sqlite3.Connection, path: str) -> bool:
    conn.execute("BEGIN IMMEDIATE")
    try:
        found = _delete(conn, path)
        conn.execute("COMMIT")
    except BaseException:
        conn.execute("ROLLBACK")
        raise
    return found


def _delete(conn: sqlite3.Connection, path: str) -> bool:
    row = conn.execute("SELECT id FROM documents WHERE path = ?", (path,)).fetchone()
    if row is None:
        return False
    # Paragraphs first and explicitly, so the FTS delete trigger sees every row it must forget.
    conn.execute("DELETE FROM paragraphs WHERE document_id = ?", (row[0],))
    conn.execute("DELETE FROM documents WHERE id = ?", (row[0],))
    return True


def _insert(conn: sqlite3.Connection, doc: Document, path: str) -> int:
    m = doc.meeting
    cur = conn.execute(
        "INSERT INTO documents(path, sha256, format, pages, kind, symbol, title, language, date, body, meeting_number,"
        " meeting_place, start_date, end_date, parsed_at, cwgtool_version, json)"
        " VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
        (
            path, doc.source.sha256, doc.source.format, doc.source.pages, str(doc.kind), doc.symbol, doc.title,
            doc.language, doc.date, m.body, m.number, m.place, m.start_date, m.end_date,
            datetime.now(UTC).isoformat(timespec="seconds"), __version__, doc.model_dump_json(),
        ),
    )
    doc_id = int(cur.lastrowid or 0)
    para_rows: list[tuple[Any, ...]] = []
    for p in doc.front_matter:
        para_rows.append((doc_id, None, len(para_rows), p.number, p.label, p.text, _page(p.provenance), p.provenance.line))

    ordinal = 0

    def add_section(section: Section, parent: int | None) -> None:
        nonlocal ordinal
        sid = conn.execute(
            "INSERT INTO sections(document_id, parent_id, ordinal, number, title, level, page) VALUES (?,?,?,?,?,?,?)",
            (doc_id, parent, ordinal, section.number, section.title, section.level, _page(section.provenance)),
        ).lastrowid
        ordinal += 1
        for p in section.paragraphs:
            para_rows.append((doc_id, sid, len(para_rows), p.number, p.label, p.text, _page(p.provenance), p.provenance.line))
        for child in section.children:
            add_section(child, sid)

    for s in doc.sections:
        add_section(s, None)
    conn.executemany(
        "INSERT INTO paragraphs(document_id, section_id, ordinal, number, label, text, page, line) VALUES (?,?,?,?,?,?,?,?)",
        para_rows,
    )

    for i, c in enumerate(doc.contributions):
        cid = conn.execute(
            "INSERT INTO contributions(document_id, ordinal, symbol, revision, title, section, summary, discussion, page)"
            " VALUES (?,?,?,?,?,?,?,?,?)",
            (doc_id, i, c.symbol, c.revision, c.title, c.section, c.summary, json.dumps(c.discussion, ensure_ascii=False), _page(c.provenance)),
        ).lastrowid
        conn.executemany(
            "INSERT INTO submitters(contribution_id, ordinal, name, iso3) VALUES (?,?,?,?)",
            [(cid, j, s.name, s.iso3) for j, s in enumerate(c.submitters)],
        )
    for i, p in enumerate(doc.positions):
        pid = conn.execute(
            "INSERT INTO positions(document_id, ordinal, section, contribution, topic, actor, actor_kind, quantifier, stance, cue, text, page)"
            " VALUES (?,?,?,?,?,?,?,?,?,?,?,?)",
            (doc_id, i, p.section, p.contribution, p.topic, p.actor, str(p.actor_kind), p.quantifier, str(p.stance), p.cue, p.text, _page(p.provenance)),
        ).lastrowid
        conn.executemany(
            "INSERT INTO position_members(position_id, ordinal, iso3) VALUES (?,?,?)", [(pid, j, iso) for j, iso in enumerate(p.members)]
        )
    conn.executemany(
        "INSERT INTO actions(document_id, ordinal, action_id, actor, addressee, text, due, section, source, related, page)"
        " VALUES (?,?,?,?,?,?,?,?,?,?,?)",
        [
            (doc_id, i, a.id, a.actor, a.addressee, a.text, a.due, a.section, a.source, json.dumps(a.related, ensure_ascii=False), _page(a.provenance))
            for i, a in enumerate(doc.actions)
        ],
    )
    for i, t in enumerate(doc.topics):
        tid = conn.execute(
            "INSERT INTO topics(document_id, ordinal, title, normalized_title, proposed_by, source, outcome, section, page)"
            " VALUES (?,?,?,?,?,?,?,?,?)",
            (
                doc_id, i, t.title, normalise_title(t.title),
                json.dumps([s.model_dump(mode="json") for s in t.proposed_by], ensure_ascii=False),
                t.source, t.outcome, t.section, _page(t.provenance),
            ),
        ).lastrowid
        conn.executemany(
            "INSERT INTO topic_questions(topic_id, ordinal, revised, text) VALUES (?,?,?,?)",
            [(tid, j, 0, q) for j, q in enumerate(t.questions)] + [(tid, j, 1, q) for j, q in enumerate(t.revised_questions)],
        )
    return doc_id


# --- queries ---------------------------------------------------------------------------------


def _scope(paths: Sequence[str] | None, column: str = "d.path") -> tuple[str, list[str]]:
    """SQL restricting documents to the given files or folders (empty: everything)."""
    if not paths:
        return "1", []
    clauses, args = [], []
    for p in paths:
        norm = os.path.normpath(p)
        clauses.append(f"({column} = ? OR substr({column}, 1, ?) = ?)")
        args += [norm, len(norm) + 1, norm + os.sep]
    return "(" + " OR ".join(clauses) + ")", args  # type: ignore[return-value]


def _fts_query(query: str) -> str:
    """Quote every word so punctuation in user text (CWG-Internet, 14/5) is not FTS5 syntax."""
    words = re.findall(r"[\w\-/.']+", query)
    return " ".join('"' + w.replace('"', '""') + '"' for w in words)


def search(conn: sqlite3.Connection, query: str, *, limit: int = 20, paths: Sequence[str] | None = None) -> list[dict[str, Any]]:
    """Best-matching paragraphs (bm25), with the snippet's matches between HIGHLIGHT_* markers.

    The query is tried as FTS5 syntax first (phrases, OR, NEAR, prefix*) and, if that is not
    valid syntax, as plain words that must all occur.
    """
    where, args = _scope(paths)
    sql = (
        "SELECT d.path AS file, d.symbol, d.meeting_number AS meeting, s.number AS section, s.title AS section_title,"
        " p.number AS paragraph, p.page, snippet(paragraphs_fts, 0, ?, ?, '…', 20) AS snippet"
        " FROM paragraphs_fts JOIN paragraphs p ON p.id = paragraphs_fts.rowid"
        " JOIN documents d ON d.id = p.document_id LEFT JOIN sections s ON s.id = p.section_id"
        f" WHERE paragraphs_fts MATCH ? AND {where} ORDER BY bm25(paragraphs_fts), d.path, p.ordinal LIMIT ?"
    )
    for q in (query, _fts_query(query)):
        try:
            rows = conn.execute(sql, (HIGHLIGHT_START, HIGHLIGHT_END, q, *args, limit)).fetchall()
        except sqlite3.OperationalError as exc:
            if "fts5" in str(exc) or "syntax" in str(exc) or "no such column" in str(exc):
                continue
            raise
        return [dict(r) for r in rows]
    return []


def _grouped(conn: sqlite3.Connection, sql: str, key: str, args: Iterable[Any]) -> dict[int, list[Any]]:
    out: dict[int, list[Any]] = {}
    for r in conn.execute(sql, tuple(args)):
        out.setdefault(r[key], []).append(r)
    return out


_DOC_COLS = "d.path AS file, d.body AS meeting_body, d.meeting_number AS meeting, d.symbol AS document_symbol"


def contribution_rows(conn: sqlite3.Connection, *, member: str | None = None, paths: Sequence[str] | None = None) -> list[dict[str, Any]]:
    where, args = _scope(paths)
    if member:
        where += " AND c.id IN (SELECT contribution_id FROM submitters WHERE upper(iso3) = ?)"
        args.append(member.upper())
    rows = conn.execute(
        f"SELECT c.*, {_DOC_COLS} FROM contributions c JOIN documents d ON d.id = c.document_id WHERE {where}"
        " ORDER BY d.meeting_number, d.path, c.ordinal",
        args,
    ).fetchall()
    subs = _grouped(conn, "SELECT contribution_id, name, iso3 FROM submitters ORDER BY contribution_id, ordinal", "contribution_id", ())
    return [
        {
            "file": r["file"], "meeting": r["meeting"], "symbol": r["symbol"], "revision": r["revision"],
            "submitters": [{"name": s["name"], "iso3": s["iso3"]} for s in subs.get(r["id"], [])],
            "title": r["title"], "section": r["section"], "summary": r["summary"], "discussion": json.loads(r["discussion"]),
            "provenance": {"page": r["page"]},
        }
        for r in rows
    ]


def position_rows(conn: sqlite3.Connection, *, member: str | None = None, paths: Sequence[str] | None = None) -> list[dict[str, Any]]:
    where, args = _scope(paths)
    if member:
        where += " AND p.id IN (SELECT position_id FROM position_members WHERE upper(iso3) = ?)"
        args.append(member.upper())
    rows = conn.execute(
        f"SELECT p.*, {_DOC_COLS} FROM positions p JOIN documents d ON d.id = p.document_id WHERE {where}"
        " ORDER BY d.meeting_number, d.path, p.ordinal",
        args,
    ).fetchall()
    members = _grouped(conn, "SELECT position_id, iso3 FROM position_members ORDER BY position_id, ordinal", "position_id", ())
    return [
        {
            "file": r["file"], "meeting": r["meeting"], "section": r["section"], "contribution": r["contribution"], "topic": r["topic"],
            "actor": r["actor"], "actor_kind": r["actor_kind"], "quantifier": r["quantifier"],
            "members": [m["iso3"] for m in members.get(r["id"], [])], "stance": r["stance"], "cue": r["cue"], "text": r["text"],
            "provenance": {"page": r["page"]},
        }
        for r in rows
    ]


def action_rows(conn: sqlite3.Connection, *, paths: Sequence[str] | None = None) -> list[dict[str, Any]]:
    where, args = _scope(paths)
    rows = conn.execute(
        f"SELECT a.*, {_DOC_COLS} FROM actions a JOIN documents d ON d.id = a.document_id WHERE {where}"
        " ORDER BY d.meeting_number, d.path, a.ordinal",
        args,
    ).fetchall()
    return [
        {
            "file": r["file"], "meeting": r["meeting"], "id": r["action_id"], "actor": r["actor"], "addressee": r["addressee"],
            "text": r["text"], "due": r["due"], "section": r["section"], "source": r["source"], "related": json.loads(r["related"]),
            "provenance": {"page": r["page"]},
        }
        for r in rows
    ]


def _topic_occurrences(conn: sqlite3.Connection, paths: Sequence[str] | None) -> Iterator[dict[str, Any]]:
    where, args = _scope(paths)
    rows = conn.execute(
        f"SELECT t.*, {_DOC_COLS}, d.start_date, d.date FROM topics t JOIN documents d ON d.id = t.document_id WHERE {where}"
        " ORDER BY d.meeting_number IS NULL, d.meeting_number, coalesce(d.start_date, d.date), d.path, t.ordinal",
        args,
    ).fetchall()
    questions = _grouped(conn, "SELECT topic_id, revised, text FROM topic_questions ORDER BY topic_id, revised, ordinal", "topic_id", ())
    for r in rows:
        qs = questions.get(r["id"], [])
        yield {
            "file": r["file"], "meeting": r["meeting"], "meeting_body": r["meeting_body"], "document_symbol": r["document_symbol"],
            "date": r["start_date"] or r["date"], "title": r["title"], "normalized_title": r["normalized_title"],
            "proposed_by": json.loads(r["proposed_by"]), "source": r["source"],
            "questions": [q["text"] for q in qs if not q["revised"]], "revised_questions": [q["text"] for q in qs if q["revised"]],
            "outcome": r["outcome"], "section": r["section"], "provenance": {"page": r["page"]},
        }


def topic_rows(conn: sqlite3.Connection, *, paths: Sequence[str] | None = None) -> list[dict[str, Any]]:
    """One row per topic occurrence (the shape of the file-based `topics` command)."""
    return list(_topic_occurrences(conn, paths))


def topic_history(conn: sqlite3.Connection, *, paths: Sequence[str] | None = None) -> list[dict[str, Any]]:
    """Every topic ever proposed, once, with each meeting where it came (back) and its outcome there.

    Grouped by :func:`normalise_title`; ordered by first appearance; a meeting archived in
    several files (PDF and DOCX of the same record) counts once, with its first file.
    """
    groups: dict[str, list[dict[str, Any]]] = {}
    seen: set[tuple[Any, ...]] = set()
    for occ in _topic_occurrences(conn, paths):
        # One record is often archived several times (PDF + DOCX): count each meeting once.
        meeting = (occ["meeting_body"], occ["meeting"]) if occ["meeting"] is not None else (occ["file"],)
        if (occ["normalized_title"], *meeting) in seen:
            continue
        seen.add((occ["normalized_title"], *meeting))
        groups.setdefault(occ["normalized_title"], []).append(occ)
    out = []
    for key, occs in groups.items():
        meetings = [o["meeting"] for o in occs]
        out.append(
            {
                "topic": occs[0]["title"],
                "key": key,
                "times": len(occs),
                "meetings": meetings,
                "first_meeting": meetings[0],
                "last_meeting": meetings[-1],
                "last_outcome": occs[-1]["outcome"],
                "outcomes": [f"{o['meeting'] if o['meeting'] is not None else '?'}: {o['outcome'] or '-'}" for o in occs],
                "occurrences": [
                    {k: o[k] for k in ("meeting", "document_symbol", "file", "date", "title", "outcome", "proposed_by", "questions", "revised_questions")}
                    for o in occs
                ],
            }
        )
    return out


__all__ = [
    "HIGHLIGHT_END",
    "HIGHLIGHT_START",
    "ArchiveError",
    "action_rows",
    "connect",
    "contribution_rows",
    "delete_document",
    "indexed_documents",
    "normalise_title",
    "position_rows",
    "search",
    "store_document",
    "topic_history",
    "topic_rows",
]
