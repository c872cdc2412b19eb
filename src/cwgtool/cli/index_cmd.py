"""`cwgtool index` (load records into a SQLite archive) and `cwgtool search` (full text over it).

The incremental update and prune logic below moves into :mod:`cwgtool.index` (``index.update``);
until then this module holds it.
"""

from __future__ import annotations

import os
import sys

import typer

from cwgtool import api
from cwgtool.cli.common import (
    DEBUG,
    ENGINE,
    INPUTS,
    JOBS,
    NO_CACHE,
    PASSWORD,
    QUIET,
    BatchStatus,
    Settings,
    documents,
    emit,
    error,
    expand_inputs,
    parse_options,
    row_format,
)
from cwgtool.options import PdfEngine
from cwgtool.render.rows import RowFormat
from cwgtool.render.terminal import markup_safe, one_line

DB_REQUIRED = typer.Option(..., "--db", metavar="ARCHIVE", help="SQLite archive file (created if missing).")


def index(
    inputs: list[str] = INPUTS,
    db: str = DB_REQUIRED,
    prune: bool = typer.Option(False, "--prune", help="Remove archived documents that no longer exist under the given folders."),
    force: bool = typer.Option(False, "--force", help="Re-parse and replace even unchanged files."),
    engine: PdfEngine = ENGINE,
    password: str | None = PASSWORD,
    jobs: int | None = JOBS,
    no_cache: bool = NO_CACHE,
    quiet: bool = QUIET,
    debug: bool = DEBUG,
) -> None:
    """Load records into a SQLite archive (incremental: unchanged files are skipped). Schema: docs/database.md."""
    from cwgtool.fileio import sha256_file
    from cwgtool.index import delete_document, indexed_documents, store_document

    paths: list[str] = []
    seen: set[str] = set()
    for p in expand_inputs(inputs):
        if p == "-":
            error("-: stdin cannot be indexed (the archive needs a file path); skipped")
            continue
        norm = os.path.normpath(p)
        if norm not in seen:
            seen.add(norm)
            paths.append(norm)

    conn = api.open_archive(db, create=True)
    known = indexed_documents(conn)
    max_bytes = Settings.limits().max_bytes
    todo: list[str] = []
    unchanged = 0
    for p in paths:
        try:
            same = not force and p in known and known[p] == sha256_file(p, max_bytes=max_bytes)
        except OSError:  # special file, too large, unreadable
            same = False  # the parser reports why it cannot be read
        if same:
            unchanged += 1
        else:
            todo.append(p)

    status = BatchStatus()
    indexed = 0
    if todo:
        for outcome in documents(inputs, parse_options(engine, password, jobs, no_cache), status, quiet, paths=todo):
            assert outcome.document is not None
            store_document(conn, outcome.document, path=outcome.path)
            indexed += 1

    pruned = 0
    if prune:
        folders = [os.path.normpath(i) for i in inputs if os.path.isdir(i)]
        current = set(paths)
        for p in known:
            under = any(p == f or p.startswith(f + os.sep) for f in folders) or p in {os.path.normpath(i) for i in inputs}
            if under and p not in current and not os.path.exists(p):
                pruned += delete_document(conn, p)
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    conn.close()

    if not quiet or status.failures:
        error(f"{db}: {indexed} indexed, {unchanged} unchanged, {pruned} pruned, {len(status.failures)} failed")
        for f in status.failures:
            sys.stderr.write(f"  {one_line(f'{f.path}: {f.error}')}\n")
    code = status.exit_code()
    if code:
        raise typer.Exit(code)


def _highlight(snippet: str, rich_markup: bool) -> str:
    start, end = api.highlight_marks()

    if rich_markup:
        return markup_safe(snippet).replace(start, "[bold yellow]").replace(end, "[/bold yellow]")
    return snippet.replace(start, "[").replace(end, "]")


def search(
    query: str = typer.Argument(..., metavar="QUERY", help='Words (all must occur) or FTS5 syntax: "exact phrase", a OR b, NEAR(a b), prefix*.'),
    db: str = typer.Option(..., "--db", metavar="ARCHIVE", help="SQLite archive built by `cwgtool index`."),
    limit: int = typer.Option(20, "--limit", "-n", metavar="N", min=1, help="At most this many paragraphs."),
    fmt: RowFormat | None = typer.Option(None, "--format", "-f", help="table (default on a terminal), json, jsonl, csv, tsv.", case_sensitive=False),
    paths: list[str] = typer.Option([], "--path", metavar="PATH", help="Only documents at/under this path (repeatable)."),
) -> None:
    """Full-text search over every archived paragraph; matches are shown between [ ] (highlighted on a terminal)."""
    from cwgtool.render.rows import render_rows

    hits = api.search(db, query, limit=limit, paths=paths or None)
    chosen = row_format(fmt, None)
    if chosen is RowFormat.TABLE:
        from rich.console import Console
        from rich.table import Table

        table = Table(title=f"{len(hits)} paragraph{'s' if len(hits) != 1 else ''} matching {query!r}", expand=True)
        for col, ratio in (("file", 2), ("meeting", 1), ("section", 2), ("par.", 1), ("snippet", 6)):
            table.add_column(col, ratio=ratio, overflow="fold")
        for h in hits:
            section = " ".join(x for x in (h["section"], h["section_title"]) if x)
            table.add_row(
                *map(markup_safe, (h["file"], str(h["meeting"] or ""), section, h["paragraph"] or "")),
                _highlight(h["snippet"], rich_markup=True),
            )
        Console().print(table)
    else:
        for h in hits:
            h["snippet"] = _highlight(h["snippet"], rich_markup=False)
        emit(render_rows(hits, chosen, formula_guard=Settings.formula_guard), None)
