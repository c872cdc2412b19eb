"""Reading the archive: full-text search and the rows of the ``--db`` commands.

**One record counts once.** The same record is often archived twice (its PDF and its DOCX);
every query here reads only one document per record: documents are grouped by ``record_key``
(kind + canonical symbol, as ``cwgtool link`` groups them), the latest revision speaks for the
group, then the first path. Documents without a symbol are their own group. Narrowing to paths
happens first, so ``--db A rec.docx`` reads the DOCX even if the PDF is archived too.

Every function takes an open connection (``open_reader`` is enough: nothing here writes).
"""

from __future__ import annotations

import json
import os
import re
import sqlite3
from collections.abc import Iterator, Sequence
from typing import TYPE_CHECKING, Any

from cwgtool.errors import CwgError

if TYPE_CHECKING:
    from cwgtool.model import Document

HIGHLIGHT_START = "\x02"
HIGHLIGHT_END = "\x03"


SEARCH_COLUMNS = ("file", "symbol", "meeting", "section", "section_title", "paragraph", "page", "snippet")


class SearchQueryError(CwgError, ValueError):
    """The search text is not a query FTS5 accepts (unbalanced quote, a lone ``*``…): a usage error."""

    exit_code = 2


def _scope(paths: Sequence[str] | None) -> tuple[str, list[Any]]:
    """SQL restricting ``documents`` to files at or under ``paths`` (empty: everything)."""
    if not paths:
        return "1", []
    clauses, args = [], []
    for p in paths:
        norm = os.path.normpath(p)
        clauses.append("(path = ? OR substr(path, 1, ?) = ?)")
        args += [norm, len(norm) + 1, norm + os.sep]
    return "(" + " OR ".join(clauses) + ")", args


def _chosen(paths: Sequence[str] | None) -> tuple[str, list[Any]]:
    """A ``WITH`` clause defining ``chosen``: the documents in scope, one per record."""
    where, args = _scope(paths)
    return (
        "WITH chosen AS (SELECT * FROM (SELECT *, row_number() OVER (PARTITION BY coalesce(record_key, 'id:' || id)"
        f" ORDER BY revision_rank DESC, path) AS copy FROM documents WHERE {where}) WHERE copy = 1) ",
        args,
    )


# What only means FTS5 syntax (a phrase, a prefix, an operator): a query holding it is taken as
# the user wrote it. Parentheses are not in the list: they occur in symbols ("14/5(Rev.1)").
_EXPLICIT_SYNTAX = re.compile(r'["*^]|\b(?:AND|OR|NOT|NEAR)\b')
_WORD = re.compile(r"[\w\-/.']+")


def _quoted_words(query: str) -> str:
    """Every word quoted, so punctuation in user text (CWG-Internet, 14/5, "(Rev.1") is not FTS5 syntax."""
    return " ".join('"' + w.replace('"', '""') + '"' for w in _WORD.findall(query))


def _hits(conn: sqlite3.Connection, match: str, limit: int, paths: Sequence[str] | None) -> list[sqlite3.Row]:
    """The best (bm25) paragraphs and section headings; snippets are made afterwards for these only."""
    with_chosen, args = _chosen(paths)
    sql = (
        with_chosen
        + "SELECT h.*, c.path, c.symbol, c.meeting_number FROM ("
        " SELECT 'p' AS unit, f.rowid AS unit_id, p.document_id AS doc, p.section_id AS sid, p.number AS paragraph,"
        "  p.page AS page, p.ordinal AS ord, bm25(paragraphs_fts) AS score"
        " FROM paragraphs_fts f JOIN paragraphs p ON p.id = f.rowid WHERE paragraphs_fts MATCH ?"
        " UNION ALL"
        " SELECT 's', f.rowid, s.document_id, s.id, NULL, s.page, -1, bm25(sections_fts)"
        " FROM sections_fts f JOIN sections s ON s.id = f.rowid WHERE sections_fts MATCH ?"
        ") h JOIN chosen c ON c.id = h.doc ORDER BY h.score, c.path, h.ord, h.unit DESC LIMIT ?"
    )
    return conn.execute(sql, (*args, match, match, limit)).fetchall()


def search(conn: sqlite3.Connection, query: str, *, limit: int = 20, paths: Sequence[str] | None = None) -> list[dict[str, Any]]:
    """Best-matching paragraphs and section headings (bm25), matches between HIGHLIGHT_* markers.

    The query is FTS5 syntax (phrases, OR, NEAR, prefix*); one that is not valid FTS5 and holds
    no phrase, prefix or operator (``"``, ``*``, ``^``, AND, OR, NOT, NEAR) is read as plain words that must all occur (so ``CWG-Internet-14/5``
    works as typed). Raises :class:`SearchQueryError` for anything else that FTS5 refuses.
    A heading hit has no ``paragraph``; its snippet is the heading.
    """
    candidates = [query] if _EXPLICIT_SYNTAX.search(query) else [query, _quoted_words(query)]
    reason = "empty query"
    for match in candidates:
        if not match.strip():
            continue
        try:
            hits = _hits(conn, match, limit, paths)
        except sqlite3.OperationalError as exc:
            message = str(exc)
            if "fts5" in message or "syntax" in message or "no such column" in message or "unterminated" in message or "special query" in message:
                reason = message.removeprefix("fts5: ")
                continue
            raise
        return [_hit_row(conn, h, match) for h in hits]
    raise SearchQueryError(f"invalid search query {query!r}: {reason}")


def _hit_row(conn: sqlite3.Connection, hit: sqlite3.Row, match: str) -> dict[str, Any]:
    table = "paragraphs_fts" if hit["unit"] == "p" else "sections_fts"
    snippet = conn.execute(
        f"SELECT snippet({table}, 0, ?, ?, '…', 20) FROM {table} WHERE {table} MATCH ? AND rowid = ?",  # noqa: S608 - our names
        (HIGHLIGHT_START, HIGHLIGHT_END, match, hit["unit_id"]),
    ).fetchone()[0]
    section = conn.execute("SELECT number, title FROM sections WHERE id = ?", (hit["sid"],)).fetchone() if hit["sid"] else None
    return {
        "file": hit["path"], "symbol": hit["symbol"], "meeting": hit["meeting_number"],
        "section": section["number"] if section else None, "section_title": section["title"] if section else None,
        "paragraph": hit["paragraph"], "page": hit["page"], "snippet": snippet,
    }


_DOC_COLS = "d.path AS file, d.body AS meeting_body, d.meeting_number AS meeting, d.symbol AS document_symbol"


def contribution_rows(conn: sqlite3.Connection, *, member: str | None = None, paths: Sequence[str] | None = None) -> list[dict[str, Any]]:
    """Contributions discussed in the archived records (``member``: submitted by this ISO3 code)."""
    with_chosen, args = _chosen(paths)
    where = "1"
    if member:
        where = "c.id IN (SELECT contribution_id FROM submitters WHERE upper(iso3) = ?)"
        args.append(member.upper())
    rows = conn.execute(
        with_chosen + f"SELECT c.*, {_DOC_COLS},"
        " (SELECT json_group_array(json_object('name', name, 'iso3', iso3)) FROM"
        "   (SELECT name, iso3 FROM submitters WHERE contribution_id = c.id ORDER BY ordinal)) AS submitter_list"
        f" FROM contributions c JOIN chosen d ON d.id = c.document_id WHERE {where}"
        " ORDER BY d.meeting_number, d.path, c.ordinal",
        args,
    ).fetchall()
    return [
        {
            "file": r["file"], "meeting": r["meeting"], "symbol": r["symbol"], "revision": r["revision"],
            "submitters": json.loads(r["submitter_list"]),
            "title": r["title"], "section": r["section"], "summary": r["summary"], "discussion": json.loads(r["discussion"]),
            "provenance": {"page": r["page"]},
        }
        for r in rows
    ]


def position_rows(
    conn: sqlite3.Connection,
    *,
    member: str | None = None,
    stance: str | None = None,
    contribution: str | None = None,
    paths: Sequence[str] | None = None,
) -> list[dict[str, Any]]:
    """Positions taken in the archived records, each once (``member`` ISO3, ``stance``, ``contribution`` symbol)."""
    with_chosen, args = _chosen(paths)
    where = []
    if member:
        where.append("p.id IN (SELECT position_id FROM position_members WHERE upper(iso3) = ?)")
        args.append(member.upper())
    if stance:
        where.append("p.stance = ?")
        args.append(stance.lower())
    if contribution:
        where.append("p.contribution = ?")
        args.append(contribution)
    rows = conn.execute(
        with_chosen + f"SELECT p.*, {_DOC_COLS},"
        " (SELECT json_group_array(iso3) FROM (SELECT iso3 FROM position_members WHERE position_id = p.id ORDER BY ordinal)) AS member_list"
        f" FROM positions p JOIN chosen d ON d.id = p.document_id WHERE {' AND '.join(where) or '1'}"
        " ORDER BY d.meeting_number, d.path, p.ordinal",
        args,
    ).fetchall()
    return [
        {
            "file": r["file"], "meeting": r["meeting"], "section": r["section"], "contribution": r["contribution"], "topic": r["topic"],
            "actor": r["actor"], "actor_kind": r["actor_kind"], "quantifier": r["quantifier"],
            "members": json.loads(r["member_list"]), "stance": r["stance"], "cue": r["cue"], "condition": r["condition"], "text": r["text"],
            "provenance": {"page": r["page"]},
        }
        for r in rows
    ]


def action_rows(conn: sqlite3.Connection, *, paths: Sequence[str] | None = None, include_discussion: bool = True) -> list[dict[str, Any]]:
    """Action items of the archived records (``include_discussion=False``: not those found in discussions)."""
    with_chosen, args = _chosen(paths)
    where = "1" if include_discussion else "a.source != 'discussion'"
    rows = conn.execute(
        with_chosen + f"SELECT a.*, {_DOC_COLS} FROM actions a JOIN chosen d ON d.id = a.document_id WHERE {where}"
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
    with_chosen, args = _chosen(paths)
    rows = conn.execute(
        with_chosen + f"SELECT t.*, {_DOC_COLS}, d.start_date, d.date,"
        " (SELECT json_group_array(json_array(revised, text)) FROM"
        "   (SELECT revised, text FROM topic_questions WHERE topic_id = t.id ORDER BY revised, ordinal)) AS question_list"
        " FROM topics t JOIN chosen d ON d.id = t.document_id"
        " ORDER BY d.meeting_number IS NULL, d.meeting_number, coalesce(d.start_date, d.date), d.path, t.ordinal",
        args,
    ).fetchall()
    for r in rows:
        qs = json.loads(r["question_list"])
        yield {
            "file": r["file"], "meeting": r["meeting"], "meeting_body": r["meeting_body"], "document_symbol": r["document_symbol"],
            "date": r["start_date"] or r["date"], "title": r["title"], "label": r["label"], "normalized_title": r["normalized_title"],
            "proposed_by": json.loads(r["proposed_by"]), "source": r["source"],
            "questions": [text for revised, text in qs if not revised], "revised_questions": [text for revised, text in qs if revised],
            "outcome": r["outcome"], "status": r["status"], "section": r["section"], "provenance": {"page": r["page"]},
        }


def topic_rows(conn: sqlite3.Connection, *, paths: Sequence[str] | None = None) -> list[dict[str, Any]]:
    """One row per topic occurrence (the shape of the file-based `topics` command)."""
    return list(_topic_occurrences(conn, paths))


def topic_history(conn: sqlite3.Connection, *, paths: Sequence[str] | None = None) -> list[dict[str, Any]]:
    """Every topic ever proposed, once, with each meeting where it came (back) and its outcome there.

    Grouped by :func:`~cwgtool.index.rows.normalise_title`; ordered by first appearance; a
    meeting archived in several records (e.g. two symbols of one meeting) counts once, with its first file.
    """
    groups: dict[str, list[dict[str, Any]]] = {}
    seen: set[tuple[Any, ...]] = set()
    for occ in _topic_occurrences(conn, paths):
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
                "last_status": occs[-1]["status"],
                "outcomes": [f"{o['meeting'] if o['meeting'] is not None else '?'}: {o['outcome'] or '-'}" for o in occs],
                "occurrences": [
                    {
                        k: o[k]
                        for k in ("meeting", "document_symbol", "file", "date", "title", "outcome", "status", "proposed_by", "questions", "revised_questions")
                    }
                    for o in occs
                ],
            }
        )
    return out


def load_documents(conn: sqlite3.Connection, *, kind: str | None = None, paths: Sequence[str] | None = None) -> Iterator[Document]:
    """The archived documents rebuilt as the model, ordered by meeting then path (every copy of a record).

    What the archive keeps of each document is what :mod:`cwgtool.index.rows` stores: all the
    text, the outline, the extracted facts and their pages; a provenance's paragraph index,
    and bounding box are not kept (a provenance is its file, page and line).
    """
    from cwgtool import model as m

    where, args = _scope(paths)
    if kind:
        where += " AND kind = ?"
        args.append(kind)
    docs = conn.execute(f"SELECT * FROM documents WHERE {where} ORDER BY meeting_number IS NULL, meeting_number, path", args).fetchall()
    for d in docs:
        yield _document(conn, d, m)


def _document(conn: sqlite3.Connection, d: sqlite3.Row, m: Any) -> Document:
    path, doc_id = d["path"], d["id"]

    def prov(page: int | None, line: int | None = None) -> Any:
        return m.Provenance(file=path, page=page, line=line)

    def para(r: sqlite3.Row) -> Any:
        return m.Paragraph(number=r["number"], label=r["label"], text=r["text"], provenance=prov(r["page"], r["line"]))

    def rows(sql: str) -> list[sqlite3.Row]:
        return conn.execute(sql, (doc_id,)).fetchall()

    paragraphs = rows("SELECT * FROM paragraphs WHERE document_id = ? ORDER BY ordinal")
    sections: dict[int, Any] = {}
    top: list[Any] = []
    for s in rows("SELECT * FROM sections WHERE document_id = ? ORDER BY ordinal"):
        section = m.Section(number=s["number"], title=s["title"], level=s["level"], provenance=prov(s["page"], s["line"]))
        sections[s["id"]] = section
        (sections[s["parent_id"]].children if s["parent_id"] else top).append(section)
    annexes = {a["id"]: m.Annex(title=a["title"], provenance=prov(a["page"])) for a in rows("SELECT * FROM annexes WHERE document_id = ? ORDER BY ordinal")}
    front = []
    for p in paragraphs:
        if p["section_id"] is not None:
            sections[p["section_id"]].paragraphs.append(para(p))
        elif p["annex_id"] is not None:
            annexes[p["annex_id"]].paragraphs.append(para(p))
        else:
            front.append(para(p))
    contributions = [
        m.ContributionRef(
            symbol=c["symbol"], symbol_printed=c["symbol_printed"], revision=c["revision"], type=c["type"], title=c["title"], section=c["section"], summary=c["summary"],
            discussion=json.loads(c["discussion"]), submitters=json.loads(c["submitter_list"]), provenance=prov(c["page"], c["line"]),
        )
        for c in rows(
            "SELECT c.*, (SELECT json_group_array(json_object('name', name, 'iso3', iso3)) FROM (SELECT name, iso3 FROM submitters"
            " WHERE contribution_id = c.id ORDER BY ordinal)) AS submitter_list FROM contributions c WHERE document_id = ? ORDER BY ordinal"
        )
    ]
    positions = [
        m.Position(
            section=p["section"], contribution=p["contribution"], topic=p["topic"], actor=p["actor"], actor_kind=p["actor_kind"],
            quantifier=p["quantifier"], members=json.loads(p["member_list"]), stance=p["stance"], cue=p["cue"], condition=p["condition"], text=p["text"],
            provenance=prov(p["page"], p["line"]),
        )
        for p in rows(
            "SELECT p.*, (SELECT json_group_array(iso3) FROM (SELECT iso3 FROM position_members WHERE position_id = p.id ORDER BY ordinal))"
            " AS member_list FROM positions p WHERE document_id = ? ORDER BY ordinal"
        )
    ]
    actions = [
        m.Action(
            id=a["action_id"], actor=a["actor"], addressee=a["addressee"], text=a["text"], due=a["due"], section=a["section"],
            source=a["source"], related=json.loads(a["related"]), provenance=prov(a["page"], a["line"]),
        )
        for a in rows("SELECT * FROM actions WHERE document_id = ? ORDER BY ordinal")
    ]
    topics = []
    for t in rows(
        "SELECT t.*, (SELECT json_group_array(json_array(revised, text)) FROM (SELECT revised, text FROM topic_questions"
        " WHERE topic_id = t.id ORDER BY revised, ordinal)) AS question_list FROM topics t WHERE document_id = ? ORDER BY ordinal"
    ):
        qs = json.loads(t["question_list"])
        topics.append(
            m.Topic(
                title=t["title"], label=t["label"], proposed_by=json.loads(t["proposed_by"]), source=t["source"], revised_title=t["revised_title"],
                questions=[q for revised, q in qs if not revised], revised_questions=[q for revised, q in qs if revised],
                outcome=t["outcome"], status=t["status"], section=t["section"], provenance=prov(t["page"], t["line"]),
            )
        )
    return m.Document(
        source=m.Source(path=path, format=d["format"], sha256=d["sha256"], pages=d["pages"]),
        kind=d["kind"], title=d["title"], symbol=d["symbol"], symbol_printed=d["symbol_printed"], date=d["date"], language=d["language"],
        meeting=m.Meeting(body=d["body"], number=d["meeting_number"], place=d["meeting_place"], start_date=d["start_date"], end_date=d["end_date"]),
        revision=d["revision"], addendum=d["addendum"], source_line=d["source_line"], submitters=json.loads(d["submitters"]),
        headers_footers=json.loads(d["headers_footers"]), front_matter=front, sections=top, contributions=contributions,
        positions=positions, actions=actions, topics=topics, annexes=list(annexes.values()), warnings=json.loads(d["warnings"]),
    )


__all__ = [
    "HIGHLIGHT_END",
    "HIGHLIGHT_START",
    "SEARCH_COLUMNS",
    "SearchQueryError",
    "action_rows",
    "contribution_rows",
    "load_documents",
    "position_rows",
    "search",
    "topic_history",
    "topic_rows",
]
