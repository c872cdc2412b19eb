"""Which rows ``cwgtool contributions|positions|actions|topics`` list: one row per extracted fact.

The same :class:`~cwgtool.options.RowQuery` selects rows from freshly parsed documents and from
an archive built by ``cwgtool index``, through one predicate (:func:`keeps`), so a filter means
the same thing whichever the source. How the rows are printed is :mod:`cwgtool.render.rows`.

Every row starts with ``file`` so that rows of many records can be concatenated and filtered.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import TYPE_CHECKING, Any

from cwgtool.options import RowKind, RowQuery

if TYPE_CHECKING:
    import sqlite3

    from cwgtool.model import Document

# The columns of each kind: ``file``, then the fields of its model class (ContributionRef,
# Position, Action, Topic) in their order, ``provenance`` spread into page/index/line as the flat
# formats write it. Written out, not read from the model, because a listing from the cache never
# imports the model: importing it takes ~110 ms, about as long as the whole cached
# ``cwgtool actions record.pdf`` (~120 ms). tests/unit/test_row_output.py checks them against the
# model. They fix the header of an empty result and what ``--fields`` accepts.
COLUMNS: dict[RowKind, tuple[str, ...]] = {
    RowKind.CONTRIBUTIONS: (
        "file", "symbol", "symbol_printed", "revision", "type", "submitters", "title", "section", "summary", "discussion", "page", "index", "line",
    ),
    RowKind.POSITIONS: (
        "file", "section", "contribution", "topic", "actor", "actor_kind", "quantifier", "members", "stance", "cue", "condition", "text",
        "page", "index", "line",
    ),
    RowKind.ACTIONS: ("file", "id", "actor", "addressee", "text", "due", "section", "source", "related", "page", "index", "line"),
    RowKind.TOPICS: (
        "file", "title", "label", "proposed_by", "source", "questions", "revised_questions", "revised_title", "outcome", "status", "section",
        "page", "index", "line",
    ),
}


def columns(kind: RowKind) -> list[str]:
    """Every flat column of a row of ``kind``, in order (see :data:`COLUMNS`)."""
    return list(COLUMNS[kind])


def keeps(query: RowQuery, row: dict[str, Any]) -> bool:
    """Whether ``row`` (a row as listed: model fields as JSON values) passes the query's filters."""
    kind = query.kind
    if kind is RowKind.CONTRIBUTIONS:
        return query.member is None or any((s.get("iso3") or "").upper() == query.member for s in row.get("submitters", []))
    if kind is RowKind.POSITIONS:
        if query.stance is not None and row["stance"] != query.stance.value:
            return False
        if query.actor_kind is not None and row.get("actor_kind") != query.actor_kind.value:
            return False
        if query.contribution is not None and row.get("contribution") != query.contribution:
            return False
        return query.member is None or query.member in row.get("members", [])
    if kind is RowKind.ACTIONS:
        return query.all_actions or row.get("source") != "discussion"
    # a topic row, or an archive's grouped topic (its last status)
    return query.status is None or row.get("status", row.get("last_status")) == query.status.value


def select_rows(docs: Iterable[Document | Mapping[str, Any]], query: RowQuery) -> list[dict[str, Any]]:
    """The rows of ``query.kind`` in ``docs`` that pass the query's filters, in document order.

    A document is either the model or its JSON form as a dict (what ``cwgtool parse`` prints,
    decoded: what the cache stores, so a cached listing never builds the model). A model is
    dumped to that form first, so both give the same rows by the same code.
    """
    field = query.kind.value  # the Document field of each kind has the kind's name
    rows: list[dict[str, Any]] = []
    for doc in docs:
        data = doc if isinstance(doc, Mapping) else doc.model_dump(mode="json", include={"source": True, field: True})
        path = data["source"]["path"]
        for item in data[field]:
            row = {"file": path, **item}
            if keeps(query, row):
                rows.append(row)
    return rows


def archive_rows(conn: sqlite3.Connection, query: RowQuery, *, nested: bool = True) -> list[dict[str, Any]]:
    """The rows of ``query.kind`` in an archive, filtered like :func:`select_rows`.

    Archive rows also carry the meeting number. Topics are grouped (one row per topic, with the
    meetings where it came back) unless ``query.occurrences``; ``nested=False`` drops a grouped
    topic's ``occurrences`` list, which flat formats (csv, tsv, table) would repeat as text.
    """
    from cwgtool import index

    paths = list(query.paths) or None
    kind = query.kind
    if kind is RowKind.CONTRIBUTIONS:
        rows = index.contribution_rows(conn, member=query.member, paths=paths)
    elif kind is RowKind.POSITIONS:
        rows = index.position_rows(conn, member=query.member, paths=paths)
    elif kind is RowKind.ACTIONS:
        rows = index.action_rows(conn, paths=paths)
    elif query.occurrences:
        rows = index.topic_rows(conn, paths=paths)
    else:
        rows = index.topic_history(conn, paths=paths)
        if not nested:
            for r in rows:
                del r["occurrences"]
    return [r for r in rows if keeps(query, r)]
