"""Row output for the extraction subcommands: table, json, jsonl, csv, tsv.

JSON keeps the nested objects; csv/tsv/table flatten each row to scalar columns so that
`cut`, spreadsheets and `sort` work: lists become "; "-joined text, submitters become
"Name (ISO)", provenance becomes `page`/`index`/`line` columns. Column order is stable
(the model's field order), so scripts can rely on it.

Text formats never pass document text through as it is (see :mod:`cwgtool.render.terminal`):
control characters become escapes in table, csv and tsv; table cells are never read as rich
markup; csv cells that a spreadsheet would evaluate as a formula get a leading ``'`` unless
``formula_guard=False`` (``cwgtool --raw-csv``). TSV is meant for ``cut``/``sort`` pipelines
and keeps a leading ``=`` as it is.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Sequence
from enum import StrEnum
from typing import Any

from cwgtool.render.terminal import formula_safe, markup_safe, printable


class RowFormat(StrEnum):
    TABLE = "table"
    JSON = "json"
    JSONL = "jsonl"
    CSV = "csv"
    TSV = "tsv"


# `cwgtool actions` also writes iCalendar (one event per due date, render/ics.py): the row formats plus ICS.
ActionFormat = StrEnum("ActionFormat", [(f.name, f.value) for f in RowFormat] + [("ICS", "ics")])


def _flat(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, dict):
        if "name" in value and "iso3" in value:
            return f"{value['name']} ({value['iso3']})" if value["iso3"] else value["name"]
        return json.dumps(value, ensure_ascii=False)
    if isinstance(value, list):
        return "; ".join(_flat(v) for v in value)
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(value)


def flatten(row: dict[str, Any]) -> dict[str, str]:
    out: dict[str, str] = {}
    for key, value in row.items():
        if key == "provenance":
            prov = value or {}
            out["page"] = _flat(prov.get("page"))
            out["index"] = _flat(prov.get("index"))
            out["line"] = _flat(prov.get("line"))
        else:
            out[key] = _flat(value)
    return out


def _columns(rows: Sequence[dict[str, Any]]) -> list[str]:
    cols: list[str] = []
    for r in rows:
        for k in r:
            if k not in cols:
                cols.append(k)
    return cols


def render_rows(
    rows: Sequence[dict[str, Any]], fmt: RowFormat, *, columns: Sequence[str] | None = None, formula_guard: bool = True
) -> str:
    if fmt is RowFormat.JSON:
        return json.dumps(list(rows), ensure_ascii=False, indent=2) + "\n"
    if fmt is RowFormat.JSONL:
        return "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows)
    flat = [flatten(r) for r in rows]
    cols = list(columns) if columns else _columns(flat)
    if fmt is RowFormat.TSV:
        def clean(v: str) -> str:
            return printable(v.replace("\t", " ").replace("\n", " "))

        lines = ["\t".join(cols)] + ["\t".join(clean(r.get(c, "")) for c in cols) for r in flat]
        return "\n".join(lines) + "\n"
    if fmt is RowFormat.CSV:
        buf = io.StringIO()
        writer = csv.DictWriter(buf, fieldnames=cols, extrasaction="ignore", lineterminator="\n")
        writer.writeheader()
        guard = formula_safe if formula_guard else str
        writer.writerows({k: guard(printable(v)) for k, v in r.items()} for r in flat)
        return buf.getvalue()
    raise ValueError(f"render_rows cannot render {fmt} as text; use print_table")


def print_table(rows: Sequence[dict[str, Any]], *, title: str | None = None, columns: Sequence[str] | None = None) -> None:
    """A rich table on a terminal; long text columns wrap."""
    from rich.console import Console
    from rich.table import Table

    flat = [flatten(r) for r in rows]
    cols = list(columns) if columns else _columns(flat)
    table = Table(title=markup_safe(title) if title else None, show_lines=False, expand=True)
    for c in cols:
        table.add_column(c, overflow="fold", ratio=3 if c in ("text", "summary", "discussion", "questions", "title") else 1)
    for r in flat:
        table.add_row(*[markup_safe(r.get(c, "")) for c in cols])
    Console().print(table)
