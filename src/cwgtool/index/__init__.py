"""The SQLite archive: many parsed records in one file, queried across meetings.

* :mod:`~cwgtool.index.schema` — the tables (documented for users in docs/database.md);
* :mod:`~cwgtool.index.archive` — opening a file: read-only for queries, refusing foreign ones;
* :mod:`~cwgtool.index.rows` — a parsed document as rows (run where it was parsed);
* :mod:`~cwgtool.index.update` — incremental update (whole documents per transaction), prune;
* :mod:`~cwgtool.index.query` — search and the rows of the ``--db`` commands.

Nothing here imports the parsers until :func:`update` needs them, so a query starts fast.
"""

from __future__ import annotations

from cwgtool.index.archive import ArchiveError, close_writer, connect, open_reader, open_writer
from cwgtool.index.query import (
    HIGHLIGHT_END,
    HIGHLIGHT_START,
    SEARCH_COLUMNS,
    SearchQueryError,
    action_rows,
    contribution_rows,
    load_documents,
    position_rows,
    search,
    topic_history,
    topic_rows,
)
from cwgtool.index.rows import DocumentRows, document_rows, normalise_title
from cwgtool.index.update import (
    IndexReport,
    delete_document,
    indexed_documents,
    store_document,
    store_many,
    update,
)

__all__ = [
    "HIGHLIGHT_END",
    "HIGHLIGHT_START",
    "SEARCH_COLUMNS",
    "ArchiveError",
    "DocumentRows",
    "IndexReport",
    "SearchQueryError",
    "action_rows",
    "close_writer",
    "connect",
    "contribution_rows",
    "delete_document",
    "document_rows",
    "indexed_documents",
    "load_documents",
    "normalise_title",
    "open_reader",
    "open_writer",
    "position_rows",
    "search",
    "store_document",
    "store_many",
    "topic_history",
    "topic_rows",
    "update",
]
