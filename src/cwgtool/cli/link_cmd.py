"""`cwgtool link`: join the records of a folder to the contribution documents they discuss.

JSON gives the whole :class:`~cwgtool.link.LinkReport` (meetings with their never-discussed and
document-less contributions, then one joined entry per contribution); jsonl one contribution per
line; csv/tsv/table one summary row per contribution, so a meeting's status fits on a screen.
``--symbol`` narrows everything to one contribution; its table view lists what it proposed and
the positions taken on it.
"""

from __future__ import annotations

import json
from typing import TYPE_CHECKING, Any

import typer

from cwgtool import api
from cwgtool.cli.common import (
    DEBUG,
    ENGINE,
    FIELDS,
    INPUTS,
    JOBS,
    NO_CACHE,
    OUTPUT,
    PASSWORD,
    QUIET,
    WIDE,
    Settings,
    documents,
    emit,
    error,
    fields_option,
    finish,
    parse_options,
    row_format,
)
from cwgtool.options import PdfEngine
from cwgtool.render.rows import RowFormat, columns_of, compact_json, flat_columns, flatten, render_rows

if TYPE_CHECKING:
    from cwgtool.link import ContributionLink, LinkReport

EXIT_NOT_FOUND = 1


def summary_row(item: ContributionLink) -> dict[str, Any]:
    """One flat row per contribution; counts instead of nested lists so csv stays one line."""
    positions = [p for d in item.discussions for p in d.positions]
    stances: dict[str, int] = {}
    for p in positions:
        stances[str(p.stance)] = stances.get(str(p.stance), 0) + 1
    return {
        "symbol": item.symbol,
        "meeting": item.meeting,
        "status": str(item.status),
        "type": item.type,
        "revision": item.revision,
        "submitters": [s.model_dump() for s in item.submitters],
        "title": item.title,
        "topics": [t.title for t in item.topics],
        "actions": len(item.actions),
        "records": [d.record for d in item.discussions],
        "sections": [d.section for d in item.discussions],
        "positions": len(positions),
        "stances": "; ".join(f"{k} {v}" for k, v in sorted(stances.items())),
        "files": item.files,
        "kind": item.kind,
        "cited_by": item.cited_by,
    }


def _print_detail(item: ContributionLink) -> None:
    from rich.console import Console

    from cwgtool.render.table import print_table
    from cwgtool.render.terminal import markup_safe as safe

    console = Console()
    who = ", ".join(f"{s.name} ({s.iso3})" if s.iso3 else s.name for s in item.submitters) or "?"
    console.print(f"[bold]{safe(item.symbol)}[/bold]{f' ({safe(item.revision)})' if item.revision else ''} — {item.status}")
    console.print(safe(f"{item.title or '(no title)'}\nby {who}; files: {', '.join(item.files) or 'none'}"))
    if item.topics:
        print_table([{"title": t.title, "questions": t.questions, "section": t.section} for t in item.topics], title="Proposed topics")
    if item.actions:
        print_table([{"id": a.id, "actor": a.actor, "addressee": a.addressee, "text": a.text} for a in item.actions], title="Action requested")
    for d in item.discussions:
        rows = [{"actor": p.actor, "stance": str(p.stance), "members": p.members, "text": p.text} for p in d.positions]
        print_table(rows, title=f"Positions in {d.record} §{d.section or '?'}")
        for t in d.topics:
            if t.outcome:
                console.print(safe(f"Outcome ({t.title}): {t.outcome}"))


def link(
    inputs: list[str] = INPUTS,
    fmt: RowFormat | None = typer.Option(
        None, "--format", "-f", help="json (default when piped), jsonl, csv, tsv, table (default on a terminal).", case_sensitive=False
    ),
    symbol: str | None = typer.Option(None, "--symbol", "-s", metavar="SYMBOL", help="Only this contribution (any written form: CWG-Internet-18/3(Rev.1)-E)."),
    output: str | None = OUTPUT,
    fields_text: str | None = FIELDS,
    wide: bool = WIDE,
    engine: PdfEngine = ENGINE,
    password: str | None = PASSWORD,
    jobs: int | None = JOBS,
    no_cache: bool = NO_CACHE,
    quiet: bool = QUIET,
    debug: bool = DEBUG,
) -> None:
    """Join records and contribution documents: what each contribution proposed, the positions
    taken on it, contributions never discussed and discussed contributions with no document."""
    status = api.batch_report()
    options = parse_options(engine, password, jobs, no_cache)
    docs = [o.document for o in documents(inputs, options, status, quiet) if o.document]
    report: LinkReport = api.link(docs)
    items = report.contributions
    if symbol:
        one = report.get(symbol)
        if one is None:
            error(f"no contribution {symbol} in the records or contribution documents given")
            raise typer.Exit(EXIT_NOT_FOUND)
        items = [one]
    chosen = row_format(fmt, output, piped=RowFormat.JSON)
    rows = [summary_row(i) for i in items]
    fields = fields_option(fields_text, columns_of([flatten(r) for r in rows]) if rows else None)
    if fields and chosen in (RowFormat.JSON, RowFormat.JSONL):  # the summary rows' chosen keys
        emit(render_rows(rows, chosen, fields=fields), output)
    elif chosen is RowFormat.JSON:
        data: Any = items[0].model_dump(mode="json") if symbol else report.model_dump(mode="json")
        emit(json.dumps(data, ensure_ascii=False, indent=2) + "\n", output)
    elif chosen is RowFormat.JSONL:
        emit("".join(compact_json(i.model_dump(mode="json")) + "\n" for i in items), output)
    elif chosen is RowFormat.TABLE:
        from cwgtool.render.table import print_table

        if symbol and not fields:
            _print_detail(items[0])
        else:
            print_table(rows, kind="link", title="Contributions and records", wide=wide, fields=flat_columns(fields) if fields else None)
    else:
        emit(render_rows(rows, chosen, fields=fields, formula_guard=Settings.formula_guard), output)
    finish(status)
