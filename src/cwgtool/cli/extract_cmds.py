"""`cwgtool contributions|positions|actions|topics`: one row per extracted fact.

Every row starts with `file`, so rows from many records can be concatenated and filtered.
Default format: a table on a terminal, TSV when piped (stable for `cut`/`awk`).
With ``--db`` the rows come from a SQLite archive (``cwgtool index``) instead of parsing files,
so questions span every archived meeting; rows then also carry the meeting number.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import TYPE_CHECKING, Any

import typer

from cwgtool.cli import app
from cwgtool.cli.common import (
    DB,
    DEBUG,
    ENGINE,
    INPUTS_OPTIONAL,
    JOBS,
    NO_CACHE,
    OUTPUT,
    PASSWORD,
    QUIET,
    BatchStatus,
    PdfEngine,
    Settings,
    documents,
    emit,
    finish,
    stdout_is_terminal,
    usage_error,
)
from cwgtool.render.rows import RowFormat

if TYPE_CHECKING:
    import sqlite3

    from cwgtool.model import Document

# What the terminal table shows (all columns are in json/csv/tsv): the ones a reader scans.
TABLE_COLUMNS: dict[str, list[str]] = {
    "ContributionRef": ["file", "symbol", "submitters", "title", "section"],
    "Position": ["section", "contribution", "actor", "stance", "cue", "text"],
    "Action": ["id", "actor", "addressee", "due", "source", "text"],
    "Topic": ["source", "title", "proposed_by", "questions", "outcome"],
}

FORMAT = typer.Option(None, "--format", "-f", help="table (default on a terminal), json, jsonl, csv, tsv (default when piped).", case_sensitive=False)


def _run(
    inputs: list[str] | None,
    fmt: RowFormat | None,
    output: str | None,
    engine: PdfEngine,
    password: str | None,
    quiet: bool,
    select: Callable[[Document], Iterable[Any]],
    keep: Callable[[dict[str, Any]], bool] = lambda row: True,
    title: str = "",
    *,
    db: str | None = None,
    from_db: Callable[[sqlite3.Connection, list[str] | None], list[dict[str, Any]]] | None = None,
    jobs: int | None = None,
    no_cache: bool = False,
    model: str = "",
) -> None:
    """``model`` names the row type in :mod:`cwgtool.model`: it fixes the column order, so an
    empty result still prints its header and scripts see the same columns every time."""
    from cwgtool.render.rows import print_table, render_rows

    status = BatchStatus()
    rows: list[dict[str, Any]] = []
    if db:
        from cwgtool.cli.index_cmd import open_db

        assert from_db is not None
        conn = open_db(db)
        rows = [row for row in from_db(conn, inputs or None) if keep(row)]
        conn.close()
    elif not inputs:
        usage_error("give FILE arguments or --db ARCHIVE")
    else:
        for outcome in documents(inputs, engine, password, status, quiet, jobs=jobs, use_cache=not no_cache):
            assert outcome.document is not None
            for item in select(outcome.document):
                row = {"file": outcome.document.source.path, **item.model_dump(mode="json")}
                if keep(row):
                    rows.append(row)
    chosen = fmt or (RowFormat.TABLE if stdout_is_terminal() and not output else RowFormat.TSV)
    if not db and status.done == 0:
        finish(status)  # every input failed: nothing to print, the errors are on stderr
        return
    columns = _columns(model) if model and not db else None
    if chosen is RowFormat.TABLE:
        if output:
            chosen = RowFormat.TSV
        else:
            shown = [c for c in TABLE_COLUMNS.get(model, []) if not rows or c in rows[0]] or None
            if shown and len({r.get("file") for r in rows}) > 1 and "file" not in shown:
                shown = ["file", *shown]
            print_table(rows, title=title, columns=shown)
            finish(status)
            return
    emit(render_rows(rows, chosen, columns=columns, formula_guard=Settings.formula_guard), output)
    finish(status)


def _columns(model: str) -> list[str]:
    """``file``, then the model's fields, provenance spread into page/index/line (as flattened)."""
    from cwgtool import model as m

    out = ["file"]
    for name in getattr(m, model).model_fields:
        out.extend(["page", "index", "line"] if name == "provenance" else [name])
    return out


@app.command("contributions")
def contributions_cmd(
    inputs: list[str] | None = INPUTS_OPTIONAL,
    fmt: RowFormat | None = FORMAT,
    output: str | None = OUTPUT,
    member: str | None = typer.Option(None, "--member", help="Only contributions submitted by this ISO3 code."),
    engine: PdfEngine = ENGINE,
    password: str | None = PASSWORD,
    db: str | None = DB,
    jobs: int | None = JOBS,
    no_cache: bool = NO_CACHE,
    quiet: bool = QUIET,
    debug: bool = DEBUG,
) -> None:
    """Contributions discussed in records (symbol, submitters, title, summary, discussion)."""

    def keep(row: dict[str, Any]) -> bool:
        return member is None or any((s.get("iso3") or "").upper() == member.upper() for s in row.get("submitters", []))

    def from_db(conn: sqlite3.Connection, paths: list[str] | None) -> list[dict[str, Any]]:
        from cwgtool.index import contribution_rows

        return contribution_rows(conn, member=member, paths=paths)

    _run(inputs, fmt, output, engine, password, quiet, lambda d: d.contributions, keep, "Contributions", model="ContributionRef",
         db=db, from_db=from_db, jobs=jobs, no_cache=no_cache)


@app.command("positions")
def positions_cmd(
    inputs: list[str] | None = INPUTS_OPTIONAL,
    fmt: RowFormat | None = FORMAT,
    output: str | None = OUTPUT,
    stance: str | None = typer.Option(None, "--stance", help="Only this stance: support, oppose, suggest, clarify, note."),
    contribution: str | None = typer.Option(None, "--contribution", help="Only positions on this contribution symbol."),
    member: str | None = typer.Option(None, "--member", help="Only positions naming this Member State (ISO3)."),
    engine: PdfEngine = ENGINE,
    password: str | None = PASSWORD,
    db: str | None = DB,
    jobs: int | None = JOBS,
    no_cache: bool = NO_CACHE,
    quiet: bool = QUIET,
    debug: bool = DEBUG,
) -> None:
    """Positions taken in the discussions: actor, stance, cue words, sentence."""
    from cwgtool.symbols import normalise

    wanted = normalise(contribution) or contribution if contribution else None

    def keep(row: dict[str, Any]) -> bool:
        if stance and row["stance"] != stance.lower():
            return False
        if wanted and row.get("contribution") != wanted:
            return False
        return not (member and member.upper() not in row.get("members", []))

    def from_db(conn: sqlite3.Connection, paths: list[str] | None) -> list[dict[str, Any]]:
        from cwgtool.index import position_rows

        return position_rows(conn, member=member, paths=paths)

    _run(inputs, fmt, output, engine, password, quiet, lambda d: d.positions, keep, "Positions", model="Position",
         db=db, from_db=from_db, jobs=jobs, no_cache=no_cache)


@app.command("actions")
def actions_cmd(
    inputs: list[str] | None = INPUTS_OPTIONAL,
    fmt: RowFormat | None = FORMAT,
    output: str | None = OUTPUT,
    all_: bool = typer.Option(False, "--all", help="Also action sentences found inside discussions."),
    engine: PdfEngine = ENGINE,
    password: str | None = PASSWORD,
    db: str | None = DB,
    jobs: int | None = JOBS,
    no_cache: bool = NO_CACHE,
    quiet: bool = QUIET,
    debug: bool = DEBUG,
) -> None:
    """Action items: the Actions/Decisions section (and, with --all, actions stated in discussions)."""

    def keep(row: dict[str, Any]) -> bool:
        return all_ or row.get("source") != "discussion"

    def from_db(conn: sqlite3.Connection, paths: list[str] | None) -> list[dict[str, Any]]:
        from cwgtool.index import action_rows

        return action_rows(conn, paths=paths)

    _run(inputs, fmt, output, engine, password, quiet, lambda d: d.actions, keep, "Actions", model="Action",
         db=db, from_db=from_db, jobs=jobs, no_cache=no_cache)


@app.command("topics")
def topics_cmd(
    inputs: list[str] | None = INPUTS_OPTIONAL,
    fmt: RowFormat | None = FORMAT,
    output: str | None = OUTPUT,
    engine: PdfEngine = ENGINE,
    password: str | None = PASSWORD,
    occurrences: bool = typer.Option(False, "--occurrences", help="With --db: one row per topic per meeting, not grouped."),
    db: str | None = DB,
    jobs: int | None = JOBS,
    no_cache: bool = NO_CACHE,
    quiet: bool = QUIET,
    debug: bool = DEBUG,
) -> None:
    """Proposed open-consultation topics with their questions and outcome.

    With --db: every topic ever proposed, once, with the meetings where it came back and its
    outcome each time (same topic = same title ignoring case, accents, labels and punctuation);
    --occurrences lists one row per meeting instead.
    """

    def from_db(conn: sqlite3.Connection, paths: list[str] | None) -> list[dict[str, Any]]:
        from cwgtool.index import topic_history, topic_rows

        if occurrences:
            return topic_rows(conn, paths=paths)
        rows = topic_history(conn, paths=paths)
        if (fmt or RowFormat.TSV) not in (RowFormat.JSON, RowFormat.JSONL):
            for r in rows:
                del r["occurrences"]  # its flat form repeats "outcomes"
        return rows

    _run(inputs, fmt, output, engine, password, quiet, lambda d: d.topics, title="Consultation topics", model="Topic",
         db=db, from_db=from_db, jobs=jobs, no_cache=no_cache)
