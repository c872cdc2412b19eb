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
from cwgtool.render.link import link_row, print_link
from cwgtool.render.rows import RowFormat, columns_of, compact_json, flat_columns, flatten, render_rows

if TYPE_CHECKING:
    from cwgtool.link import LinkReport

EXIT_NOT_FOUND = 1


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
    rows = [link_row(i) for i in items]
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
            print_link(items[0])
        else:
            print_table(rows, kind="link", title="Contributions and records", wide=wide, fields=flat_columns(fields) if fields else None)
    else:
        emit(render_rows(rows, chosen, fields=fields, formula_guard=Settings.formula_guard), output)
    finish(status)
