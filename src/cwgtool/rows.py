"""Which rows ``cwgtool contributions|positions|actions|topics`` list: one row per extracted fact.

The same :class:`~cwgtool.options.RowQuery` selects rows from freshly parsed documents and from
an archive built by ``cwgtool index``, through one predicate (:func:`keeps`), so a filter means
the same thing whichever the source. How the rows are printed is :mod:`cwgtool.render.rows`.

Every row starts with ``file`` so that rows of many records can be concatenated and filtered.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

from cwgtool.options import RowKind, RowQuery

if TYPE_CHECKING:
    import sqlite3

    from cwgtool.model import Document

# The model class of each kind: fixes the column order, so an empty result still has its header.
MODEL_NAME = {
    RowKind.CONTRIBUTIONS: "ContributionRef",
    RowKind.POSITIONS: "Position",
    RowKind.ACTIONS: "Action",
    RowKind.TOPICS: "Topic",
}

def columns(kind: RowKind) -> list[str]:
    """``file``, then the model's fields, provenance spread into page/index/line (as flattened)."""
    from cwgtool import model as m

    out = ["file"]
    for name in getattr(m, MODEL_NAME[kind]).model_fields:
        out.extend(["page", "index", "line"] if name == "provenance" else [name])
    return out


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
    return True


def _items(doc: Document, kind: RowKind) -> Iterable[Any]:
    if kind is RowKind.CONTRIBUTIONS:
        return doc.contributions
    if kind is RowKind.POSITIONS:
        return doc.positions
    if kind is RowKind.ACTIONS:
        return doc.actions
    return doc.topics


def select_rows(docs: Iterable[Document], query: RowQuery) -> list[dict[str, Any]]:
    """The rows of ``query.kind`` in ``docs`` that pass the query's filters, in document order."""
    rows: list[dict[str, Any]] = []
    for doc in docs:
        for item in _items(doc, query.kind):
            row = {"file": doc.source.path, **item.model_dump(mode="json")}
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
