"""Row tables for a terminal, laid out as gh lays out its lists.

A table must be readable in the terminal it is printed in, 80 columns included: every row is one
line, headers are never broken, and when the columns do not fit, the least important ones are
left out and the longest cells are cut with "…" (a file path from the left, so its name stays).
The full data is one flag away: ``--wide`` shows every column in full (one line per row, wider
than the terminal: page it with ``less -S``), and ``--format tsv|csv|json`` never cuts anything.

The layout is computed here, not by rich's column collapsing, which shrinks every column evenly
and so wraps headers ("contrib/ution") and paths letter by letter.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from cwgtool.render.rows import columns_of, flatten
from cwgtool.render.terminal import printable

# The columns a table shows for each kind of row, in display order; the full set is in the
# other formats and with --wide. ``DROP_FIRST`` lists, per kind, the columns left out first when
# the terminal is too narrow (then the last displayed columns).
TABLE_COLUMNS: dict[str, list[str]] = {
    "contributions": ["file", "symbol", "submitters", "title", "section"],
    "positions": ["section", "contribution", "actor", "stance", "cue", "text"],
    "actions": ["id", "actor", "addressee", "due", "source", "text"],
    "topics": ["source", "title", "proposed_by", "questions", "status", "outcome"],
    "link": ["symbol", "meeting", "status", "submitters", "title", "records", "positions", "stances"],
    "search": ["file", "meeting", "section", "paragraph", "snippet"],
}
# The column of each kind that holds the long text a reader came for: it keeps a third of the
# width (or all it needs) before other columns are let in.
MAIN: dict[str, str] = {"contributions": "title", "positions": "text", "actions": "text", "topics": "title", "link": "title", "search": "snippet"}
DROP_FIRST: dict[str, list[str]] = {
    "contributions": ["section", "file"],
    "positions": ["cue", "contribution", "section"],
    "actions": ["source", "addressee", "due"],
    "topics": ["outcome", "proposed_by", "source", "status"],
    "link": ["stances", "records", "submitters", "meeting"],
    "search": ["paragraph", "meeting", "file"],
}
# Columns whose "[…]" marks a search match, shown highlighted.
MATCHES = frozenset({"snippet"})
# Identifiers (symbols, section numbers, stances…): cut, they would say nothing, so never cut.
WHOLE = frozenset({"symbol", "contribution", "source", "id", "section", "stance", "due", "meeting", "status", "revision"})
GAP = 2  # spaces between columns
SHORT = 12  # a cell this long or shorter is never cut
UNLIMITED = 1 << 30
CUT_FROM_LEFT = frozenset({"file", "path", "files"})


@dataclass(frozen=True, slots=True)
class Layout:
    columns: list[str]
    widths: list[int]


def _cell_len(text: str) -> int:
    from rich.cells import cell_len

    return cell_len(text)


def _cut(text: str, width: int, *, from_left: bool) -> str:
    """``text`` in at most ``width`` terminal cells, "…" marking what was cut."""
    if _cell_len(text) <= width:
        return text
    from rich.cells import set_cell_size

    if width <= 1:
        return "…"[:width]
    if from_left:
        return "…" + set_cell_size(text[::-1], width - 1)[::-1].lstrip()
    return set_cell_size(text, width - 1).rstrip() + "…"


def fit_columns(
    columns: Sequence[str],
    cells: Sequence[dict[str, str]],
    width: int,
    *,
    drop_first: Sequence[str] = (),
    keep_all: bool = False,
    main: str | None = None,
) -> Layout:
    """Which of ``columns`` to show and how wide, for a terminal ``width`` cells wide.

    Each column needs its header in full, and its cells in full if they are identifiers
    (:data:`WHOLE`) or short; the ``main`` column needs a third of the width. While those
    needs do not fit, columns are left out (``drop_first`` in order, then from the end, the
    main column last), unless ``keep_all`` (columns the user chose). Then the widest columns
    are narrowed to one common width, as little as makes the row fit.
    """
    natural = {c: max([_cell_len(c), *(_cell_len(r.get(c, "")) for r in cells)]) for c in columns}
    need = {c: natural[c] if c in WHOLE else max(_cell_len(c), min(natural[c], width // 3 if c == main else SHORT)) for c in columns}
    shown = list(columns)
    order = [c for c in drop_first if c in shown] + [c for c in reversed(columns) if c not in drop_first and c != main]

    def fits(widths: Sequence[int]) -> bool:
        return sum(widths) + GAP * (len(widths) - 1) <= width

    while not keep_all and any(c in shown for c in order) and not fits([need[c] for c in shown]):
        shown.remove(next(c for c in order if c in shown))
    # the largest level L at which every column, min(natural, max(need, L)) wide, fits
    low, high = 0, max((natural[c] for c in shown), default=0)
    while low < high:
        mid = (low + high + 1) // 2
        if fits([min(natural[c], max(need[c], mid)) for c in shown]):
            low = mid
        else:
            high = mid - 1
    return Layout(shown, [min(natural[c], max(need[c], low)) for c in shown])


def _table(rows: Sequence[dict[str, Any]], columns: Sequence[str], width: int, *, kind: str, wide: bool, explicit: bool) -> tuple[Any, int]:
    """The rich table and the width it needs (more than ``width`` only with ``wide`` or when the
    headers alone do not fit)."""
    from rich.table import Table
    from rich.text import Text

    cells = [{k: printable(v).replace("\t", " ").replace("\n", " ") for k, v in flatten(r).items()} for r in rows]
    layout = fit_columns(columns, cells, UNLIMITED if wide else width, drop_first=DROP_FIRST.get(kind, ()), keep_all=explicit, main=MAIN.get(kind))
    table = Table(box=None, show_edge=False, pad_edge=False, padding=(0, 1), header_style="bold")
    for c, w in zip(layout.columns, layout.widths, strict=True):
        table.add_column(Text(c), width=w, no_wrap=True, overflow="ellipsis")
    for r in cells:
        row = [Text(_cut(r.get(c, ""), w, from_left=c in CUT_FROM_LEFT)) for c, w in zip(layout.columns, layout.widths, strict=True)]
        for c, text in zip(layout.columns, row, strict=True):
            if c in MATCHES:
                text.highlight_regex(r"\[[^\[\]]+\]", "bold yellow")
        table.add_row(*row)
    return table, max(width, sum(layout.widths) + GAP * (len(layout.widths) - 1))


def table_columns(rows: Sequence[dict[str, Any]], kind: str, *, wide: bool = False, fields: Sequence[str] | None = None) -> list[str]:
    """The columns a table of ``kind`` rows shows: ``fields`` if given; every column with ``wide``;
    else :data:`TABLE_COLUMNS` (with ``file`` first when the rows come from several files)."""
    flat = columns_of([flatten(r) for r in rows])
    if fields:
        return list(fields)
    if wide or kind not in TABLE_COLUMNS:
        return flat
    shown = [c for c in TABLE_COLUMNS[kind] if not rows or c in flat]
    if "file" not in shown and len({r.get("file") for r in rows}) > 1:
        shown = ["file", *shown]
    return shown


def print_table(
    rows: Sequence[dict[str, Any]],
    *,
    kind: str = "",
    title: str | None = None,
    wide: bool = False,
    fields: Sequence[str] | None = None,
) -> None:
    """The table on stdout, laid out for the terminal's width (``COLUMNS`` overrides it)."""
    from rich.console import Console

    console = Console()
    table, used = _table(rows, table_columns(rows, kind, wide=wide, fields=fields), console.width, kind=kind, wide=wide, explicit=bool(fields))
    if used > console.width:
        console = Console(width=used)
    _print(console, table, title, len(rows))


def _print(console: Any, table: Any, title: str | None, n: int) -> None:
    from rich.text import Text

    if title:
        console.print(Text(f"{printable(title)} ({n})", style="bold"))
    console.print(table)
