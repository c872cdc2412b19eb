"""`cwgtool index` (load records into a SQLite archive) and `cwgtool search` (full text over it)."""

from __future__ import annotations

import sys
from typing import TYPE_CHECKING

import typer

from cwgtool import api
from cwgtool.cli.common import (
    DEBUG,
    ENGINE,
    EXIT_FINDINGS,
    FIELDS,
    INPUTS,
    JOBS,
    NO_CACHE,
    OUTPUT,
    PASSWORD,
    QUIET,
    WIDE,
    ProgressBar,
    Settings,
    emit,
    error,
    expand_inputs,
    fields_option,
    list_failures,
    parse_options,
    row_format,
    say_outcome,
)
from cwgtool.options import PdfEngine
from cwgtool.render.rows import RowFormat

if TYPE_CHECKING:
    from cwgtool.api import Outcome

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
    bars: list[ProgressBar] = []

    def on_todo(n: int) -> None:
        if n > 1 and not quiet and sys.stderr.isatty():
            bars.append(ProgressBar(n))

    def on_done(outcome: Outcome) -> None:
        say_outcome(outcome, quiet)
        for bar in bars:
            bar.advance(outcome)

    try:
        report = api.index_update(
            db, expand_inputs(inputs), parse_options(engine, password, jobs, no_cache),
            force=force, prune=inputs if prune else (), on_done=on_done, on_todo=on_todo,
        )
    finally:
        for bar in bars:
            bar.stop()
    for path, reason in report.skipped:
        error(f"{path}: {reason}; skipped")
    if not quiet or report.failures:
        error(f"{db}: {report.indexed} indexed, {report.unchanged} unchanged, {report.pruned} pruned, {len(report.failures)} failed")
        list_failures(report.failures)
    code = report.exit_code()
    if code:
        raise typer.Exit(code)


def _highlight(snippet: str) -> str:
    """The matches of a snippet between [ ] (a table shows them highlighted, see render.table)."""
    start, end = api.highlight_marks()
    return snippet.replace(start, "[").replace(end, "]")


def search(
    query: str = typer.Argument(..., metavar="QUERY", help='Words (all must occur) or FTS5 syntax: "exact phrase", a OR b, NEAR(a b), prefix*.'),
    db: str = typer.Option(..., "--db", metavar="ARCHIVE", help="SQLite archive built by `cwgtool index`."),
    limit: int = typer.Option(20, "--limit", "-n", metavar="N", min=1, help="At most this many paragraphs."),
    fmt: RowFormat | None = typer.Option(None, "--format", "-f", help="table (default on a terminal), json, jsonl, csv, tsv.", case_sensitive=False),
    fields_text: str | None = FIELDS,
    wide: bool = WIDE,
    paths: list[str] = typer.Option([], "--path", metavar="PATH", help="Only documents at/under this path (repeatable)."),
    output: str | None = OUTPUT,
) -> None:
    """Full-text search over every archived paragraph and section heading; matches are shown between [ ] (highlighted on a terminal).

    Exits 1 when nothing matches (like grep), 2 for a query FTS5 cannot read.
    """
    from cwgtool.render.rows import flat_columns, render_rows
    from cwgtool.render.table import print_table

    fields = fields_option(fields_text, api.search_columns())
    hits = api.search(db, query, limit=limit, paths=paths or None)
    chosen = row_format(fmt, output)
    for h in hits:
        h["snippet"] = _highlight(h["snippet"])
    if chosen is RowFormat.TABLE:
        title = f"Paragraphs matching {query!r}"
        print_table(hits, kind="search", title=title, wide=wide, fields=flat_columns(fields) if fields else None)
    else:
        emit(render_rows(hits, chosen, columns=api.search_columns(), fields=fields, formula_guard=Settings.formula_guard), output)
    if not hits:
        raise typer.Exit(EXIT_FINDINGS)
