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

import json
from collections.abc import Sequence
from enum import StrEnum
from typing import Any

from cwgtool.render.terminal import formula_safe, printable


class RowFormat(StrEnum):
    TABLE = "table"
    JSON = "json"
    JSONL = "jsonl"
    CSV = "csv"
    TSV = "tsv"


# `cwgtool actions` also writes iCalendar (one event per due date, render/ics.py): the row formats plus ICS.
ActionFormat = StrEnum("ActionFormat", [(f.name, f.value) for f in RowFormat] + [("ICS", "ics")])


# The flat columns of a row's provenance, in order.
PROVENANCE = ("page", "index", "line")


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
    """``row`` as text columns, ``provenance`` spread into its :data:`PROVENANCE` columns."""
    out: dict[str, str] = {}
    for key, value in row.items():
        if key == "provenance":
            prov = value or {}
            out.update((k, _flat(prov.get(k))) for k in PROVENANCE)
        else:
            out[key] = _flat(value)
    return out


def columns_of(rows: Sequence[dict[str, Any]]) -> list[str]:
    """Every key of ``rows``, in order of first appearance."""
    cols: list[str] = []
    for r in rows:
        for k in r:
            if k not in cols:
                cols.append(k)
    return cols


SUFFIX_FORMATS = {".csv": RowFormat.CSV, ".tsv": RowFormat.TSV, ".tab": RowFormat.TSV, ".json": RowFormat.JSON, ".jsonl": RowFormat.JSONL, ".ndjson": RowFormat.JSONL}


def format_for_path(path: str) -> RowFormat | None:
    """The format a file name asks for by its extension (``out.csv`` → csv), or None."""
    from pathlib import PurePath

    return SUFFIX_FORMATS.get(PurePath(path).suffix.lower())


def field_names(columns: Sequence[str]) -> list[str]:
    """The names ``--fields`` accepts for rows with these flat ``columns``: the columns, and
    ``provenance`` (all three of page/index/line) when they hold those."""
    out = list(columns)
    if all(c in out for c in PROVENANCE):
        out.append("provenance")
    return out


def parse_fields(text: str, valid: Sequence[str] | None) -> list[str]:
    """``"actor,stance,text"`` as a list, each name checked against ``valid`` (unless None).

    Raises ValueError naming the unknown fields and listing the valid ones, so that a typo is
    an error (exit 2) instead of an empty column.
    """
    fields = [f.strip() for f in text.split(",") if f.strip()]
    if not fields:
        raise ValueError("--fields needs at least one field name" + (f" (valid: {', '.join(valid)})" if valid else ""))
    unknown = [f for f in fields if valid is not None and f not in valid]
    if unknown:
        names = ", ".join(repr(f) for f in unknown)
        raise ValueError(f"unknown field{'s' if len(unknown) > 1 else ''} {names} (valid: {', '.join(valid)})")
    return list(dict.fromkeys(fields))


def flat_columns(fields: Sequence[str]) -> list[str]:
    """``fields`` as flat columns: ``provenance`` stands for page, index and line."""
    out: list[str] = []
    for f in fields:
        out.extend(PROVENANCE if f == "provenance" else [f])
    return out


def pick(row: dict[str, Any], fields: Sequence[str]) -> dict[str, Any]:
    """``row`` with only ``fields``, in that order (page/index/line read from its provenance)."""
    provenance = row.get("provenance") or {}
    return {f: row[f] if f in row else provenance.get(f) if f in PROVENANCE else None for f in fields}


def compact_json(value: Any) -> str:
    """One JSON Lines line: the compact separators every cwgtool JSON Lines output uses."""
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"))


def render_rows(
    rows: Sequence[dict[str, Any]],
    fmt: RowFormat,
    *,
    columns: Sequence[str] | None = None,
    fields: Sequence[str] | None = None,
    formula_guard: bool = True,
) -> str:
    """``rows`` as json, jsonl, csv or tsv. ``columns`` fixes the flat columns (so an empty
    result still has its header); ``fields`` (from :func:`parse_fields`) chooses and orders the
    columns, or the keys of each JSON object."""
    if fields:
        if fmt in (RowFormat.JSON, RowFormat.JSONL):
            rows = [pick(r, fields) for r in rows]
        else:
            columns = flat_columns(fields)
    if fmt is RowFormat.JSON:
        return json.dumps(list(rows), ensure_ascii=False, indent=2) + "\n"
    if fmt is RowFormat.JSONL:
        return "".join(compact_json(r) + "\n" for r in rows)
    flat = [flatten(r) for r in rows]
    cols = list(columns) if columns else columns_of(flat)
    if fmt is RowFormat.TSV:
        def clean(v: str) -> str:
            return printable(v.replace("\t", " ").replace("\n", " "))

        lines = ["\t".join(cols)] + ["\t".join(clean(r.get(c, "")) for c in cols) for r in flat]
        return "\n".join(lines) + "\n"
    if fmt is RowFormat.CSV:
        import csv
        import io

        buf = io.StringIO()
        writer = csv.DictWriter(buf, fieldnames=cols, extrasaction="ignore", lineterminator="\n")
        writer.writeheader()
        guard = formula_safe if formula_guard else str
        writer.writerows({k: guard(printable(v)) for k, v in r.items()} for r in flat)
        return buf.getvalue()
    raise ValueError(f"render_rows cannot render {fmt} as text; use render.table")
