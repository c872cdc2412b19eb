"""`cwgtool contributions|positions|actions|topics`: one row per extracted fact.

Every row starts with `file`, so rows from many records can be concatenated and filtered.
Default format: a table on a terminal, TSV when piped (stable for `cut`/`awk`).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Any

import typer

from cwgtool.cli import app
from cwgtool.cli.common import (
    DEBUG,
    ENGINE,
    INPUTS,
    OUTPUT,
    PASSWORD,
    QUIET,
    BatchStatus,
    PdfEngine,
    documents,
    emit,
    finish,
    stdout_is_terminal,
)
from cwgtool.model import Document
from cwgtool.render.rows import RowFormat

FORMAT = typer.Option(None, "--format", "-f", help="table (default on a terminal), json, jsonl, csv, tsv (default when piped).", case_sensitive=False)


def _run(
    inputs: list[str],
    fmt: RowFormat | None,
    output: str | None,
    engine: PdfEngine,
    password: str | None,
    quiet: bool,
    select: Callable[[Document], Iterable[Any]],
    keep: Callable[[dict[str, Any]], bool] = lambda row: True,
    title: str = "",
) -> None:
    from cwgtool.render.rows import print_table, render_rows

    status = BatchStatus()
    rows: list[dict[str, Any]] = []
    for outcome in documents(inputs, engine, password, status, quiet):
        assert outcome.document is not None
        for item in select(outcome.document):
            row = {"file": outcome.path, **item.model_dump(mode="json")}
            if keep(row):
                rows.append(row)
    chosen = fmt or (RowFormat.TABLE if stdout_is_terminal() and not output else RowFormat.TSV)
    if chosen is RowFormat.TABLE:
        if output:
            chosen = RowFormat.TSV
        else:
            print_table(rows, title=title)
            finish(status)
            return
    emit(render_rows(rows, chosen), output)
    finish(status)


@app.command("contributions")
def contributions_cmd(
    inputs: list[str] = INPUTS,
    fmt: RowFormat | None = FORMAT,
    output: str | None = OUTPUT,
    member: str | None = typer.Option(None, "--member", help="Only contributions submitted by this ISO3 code."),
    engine: PdfEngine = ENGINE,
    password: str | None = PASSWORD,
    quiet: bool = QUIET,
    debug: bool = DEBUG,
) -> None:
    """Contributions discussed in records (symbol, submitters, title, summary, discussion)."""

    def keep(row: dict[str, Any]) -> bool:
        return member is None or any((s.get("iso3") or "").upper() == member.upper() for s in row.get("submitters", []))

    _run(inputs, fmt, output, engine, password, quiet, lambda d: d.contributions, keep, "Contributions")


@app.command("positions")
def positions_cmd(
    inputs: list[str] = INPUTS,
    fmt: RowFormat | None = FORMAT,
    output: str | None = OUTPUT,
    stance: str | None = typer.Option(None, "--stance", help="Only this stance: support, oppose, suggest, clarify, note."),
    contribution: str | None = typer.Option(None, "--contribution", help="Only positions on this contribution symbol."),
    member: str | None = typer.Option(None, "--member", help="Only positions naming this Member State (ISO3)."),
    engine: PdfEngine = ENGINE,
    password: str | None = PASSWORD,
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

    _run(inputs, fmt, output, engine, password, quiet, lambda d: d.positions, keep, "Positions")


@app.command("actions")
def actions_cmd(
    inputs: list[str] = INPUTS,
    fmt: RowFormat | None = FORMAT,
    output: str | None = OUTPUT,
    all_: bool = typer.Option(False, "--all", help="Also action sentences found inside discussions."),
    engine: PdfEngine = ENGINE,
    password: str | None = PASSWORD,
    quiet: bool = QUIET,
    debug: bool = DEBUG,
) -> None:
    """Action items: the Actions/Decisions section (and, with --all, actions stated in discussions)."""

    def keep(row: dict[str, Any]) -> bool:
        return all_ or row.get("source") != "discussion"

    _run(inputs, fmt, output, engine, password, quiet, lambda d: d.actions, keep, "Actions")


@app.command("topics")
def topics_cmd(
    inputs: list[str] = INPUTS,
    fmt: RowFormat | None = FORMAT,
    output: str | None = OUTPUT,
    engine: PdfEngine = ENGINE,
    password: str | None = PASSWORD,
    quiet: bool = QUIET,
    debug: bool = DEBUG,
) -> None:
    """Proposed open-consultation topics with their questions and outcome."""
    _run(inputs, fmt, output, engine, password, quiet, lambda d: d.topics, title="Consultation topics")
