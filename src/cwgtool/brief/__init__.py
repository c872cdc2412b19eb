"""`cwgtool brief`: what a delegate reads before the next meeting.

Builds a :class:`~cwgtool.brief.model.Brief` — per meeting: contributions with their stance
counts, topics, decisions by due date, contributions never discussed; across meetings: the
stance map and one Member State's positions over time — from parsed documents or from a
SQLite archive. Drawing it is :mod:`cwgtool.render.brief_html` and :mod:`cwgtool.render.brief_md`.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable, Sequence

from cwgtool.brief.across import meeting_order, member_history, stance_map
from cwgtool.brief.meeting import meeting_brief, slug
from cwgtool.brief.model import Brief, RecordAction
from cwgtool.link import document_name
from cwgtool.model import Document, DocumentKind


def _records(documents: list[Document]) -> list[tuple[Document, list[str]]]:
    """Summary records, one per record symbol (a PDF and a DOCX of one record count once),
    with every file that holds it."""
    seen: dict[str, tuple[Document, list[str]]] = {}
    for doc in documents:
        if doc.kind is DocumentKind.SUMMARY_RECORD:
            seen.setdefault(document_name(doc), (doc, []))[1].append(doc.source.path)
    return sorted(seen.values(), key=lambda pair: meeting_order(pair[0]))


def _title(records: list[Document]) -> str:
    if len(records) == 1:
        doc = records[0]
        return f"Brief: {doc.meeting.body or ''} meeting {doc.meeting.number or ''} ({document_name(doc)})".replace("  ", " ")
    return f"Brief: {len(records)} meetings"


def build_brief(documents: Iterable[Document], *, member: str | None = None, topic: str | None = None) -> Brief:
    """One brief over the given documents: a section per summary record, the stance map of all
    of them, and ``member``'s positions over time. Contribution documents among ``documents``
    let each meeting list the contributions its record never discusses (:mod:`cwgtool.link`)."""
    docs = list(documents)
    pairs = _records(docs)
    report = None
    from cwgtool.link import DOCUMENT_KINDS

    if any(d.kind in DOCUMENT_KINDS for d in docs):
        from cwgtool.link import link

        report = link(docs)
    records = [doc for doc, _ in pairs]
    smap = stance_map(records, topic=topic)
    return Brief(
        title=_title(records),
        meetings=[meeting_brief(doc, files=files, report=report) for doc, files in pairs],
        stance_map=None if smap.empty else smap,
        member=member_history(records, member) if member else None,
        sources=[d.source.path for d in docs],
    )


def build_briefs(documents: Iterable[Document], *, member: str | None = None, topic: str | None = None) -> list[tuple[str, Brief]]:
    """One brief per meeting, as (a file name for it, brief): each from its record and the
    contribution documents of the same meeting only, its stance map that meeting's. The name is
    the record symbol made safe for any file system ("cwg-internet-14-8")."""
    docs = list(documents)
    from cwgtool.link import DOCUMENT_KINDS, meeting_of

    contributions = [d for d in docs if d.kind in DOCUMENT_KINDS]
    out = []
    for record, files in _records(docs):
        same = [d for d in contributions if meeting_of(d) == meeting_of(record)]
        copies = [d for d in docs if d.kind is DocumentKind.SUMMARY_RECORD and d.source.path in files]
        out.append((slug(document_name(record)), build_brief([*copies, *same], member=member, topic=topic)))
    return out


def archive_brief(
    conn: sqlite3.Connection,
    *,
    member: str | None = None,
    topic: str | None = None,
    paths: Sequence[str] = (),
    name: str = "archive",
) -> Brief:
    """The across-meetings brief of an archive (``cwgtool index``): the stance map of every
    archived record and ``member``'s positions over time. Records are rebuilt from the archive's
    rows (:func:`archived_records`), so the map is built exactly as from files."""
    records = [doc for doc, _ in _records(archived_records(conn, paths))]
    smap = stance_map(records, topic=topic)
    return Brief(
        title=f"Stance map: {len(records)} archived meeting{'s' if len(records) != 1 else ''}",
        stance_map=None if smap.empty else smap,
        member=member_history(records, member) if member else None,
        sources=[name],
    )


def record_actions(documents: Iterable[Document], *, include_discussion: bool = False) -> list[RecordAction]:
    """The actions of each document, as ``cwgtool actions`` selects them (``--all``: also those
    stated inside discussions), with their record. A record given in several files (its PDF and
    its DOCX) counts once, with its first file: one deadline is one calendar event."""
    out: list[RecordAction] = []
    seen: set[tuple[str, str]] = set()
    for doc in documents:
        record = document_name(doc)
        if (str(doc.kind), record) in seen:
            continue
        seen.add((str(doc.kind), record))
        out += [
            RecordAction(record=record, file=doc.source.path, action=a)
            for a in doc.actions
            if include_discussion or a.source != "discussion"
        ]
    return out


def archived_records(conn: sqlite3.Connection, paths: Sequence[str] = ()) -> list[Document]:
    """The summary records stored in an archive, as documents (at or under ``paths`` if given),
    rebuilt from its rows (:func:`cwgtool.index.load_documents`)."""
    from cwgtool.index import load_documents

    return list(load_documents(conn, kind=str(DocumentKind.SUMMARY_RECORD), paths=list(paths) or None))


__all__ = ["Brief", "RecordAction", "archive_brief", "archived_records", "build_brief", "build_briefs", "record_actions"]
