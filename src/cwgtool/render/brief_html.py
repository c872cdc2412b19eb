"""The brief as one self-contained HTML page, with its charts as inline SVG.

Why plain SVG from Jinja2 templates rather than a charting library: the page must open from a
file or an e-mail attachment with no network, and must stay readable in print and without
colour. pygal, the maintained SVG charting library, links its interactive script from a web
address by default and draws its own legend; a stance bar and a grid of cells are a few
rectangles, and written by hand they carry exactly what we need — a pattern *and* a text label
per stance, a ``<title>`` per shape, an ``aria-label`` per picture, and in-page links from each
count to its sentences. Layout (positions, widths) is computed here; the templates only draw.

Document text is untrusted (records come from the web): the Jinja2 environment autoescapes
everything, and the page carries a Content-Security-Policy that forbids every request, so even
a mistake in escaping could not load a script or leak a request.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from typing import TYPE_CHECKING

from cwgtool.brief.model import STANCES, StanceBar

if TYPE_CHECKING:
    import jinja2

    from cwgtool.brief.model import Brief, MapColumn, MapRow, StanceMap

# Okabe-Ito colours (distinguishable with the common colour-vision deficiencies) and a distinct
# pattern per stance, plus a letter in the heat-map cells: colour is never the only signal.
STYLE: dict[str, dict[str, str]] = {
    "support": {"colour": "#009E73", "pattern": "solid", "mark": "+"},
    "oppose": {"colour": "#D55E00", "pattern": "diagonal", "mark": "-"},
    "suggest": {"colour": "#56B4E9", "pattern": "dots", "mark": "s"},
    "clarify": {"colour": "#E69F00", "pattern": "cross", "mark": "?"},
    "note": {"colour": "#BBBBBB", "pattern": "horizontal", "mark": "n"},
    "mixed": {"colour": "#CC79A7", "pattern": "vertical", "mark": "±"},
}

BAR_WIDTH = 280
BAR_HEIGHT = 22
CELL_W = 46
CELL_H = 26
ROW_LABEL_W = 190
HEADER_H = 92
GROUP_GAP = 30


@dataclass(frozen=True)
class Segment:
    stance: str
    count: int
    x: float
    width: float
    anchor: str


def bar_segments(bar: StanceBar, scale_max: int) -> list[Segment]:
    """Stacked segments, widths on one scale for the whole meeting so bars compare by length."""
    unit = BAR_WIDTH / max(scale_max, 1)
    out, x = [], 0.0
    for g in bar.groups:
        if g.count:
            out.append(Segment(str(g.stance), g.count, round(x, 2), round(g.count * unit, 2), g.anchor))
            x += g.count * unit
    return out


@dataclass(frozen=True)
class Cell:
    x: int
    y: int
    dominant: str
    text: str
    title: str


@dataclass(frozen=True)
class HeatMap:
    width: int
    height: int
    columns: list[tuple[int, str, str]]  # x of the column centre, short label, full label
    rows: list[tuple[int, str, bool]]  # y of the row, label, is an unnamed group
    cells: list[Cell]
    groups_y: int | None  # where the "unnamed groups" divider goes


def short_label(column: MapColumn) -> str:
    """Column heads must be short: "14/3" for CWG-Internet-14/3, a topic's first words."""
    if column.key.startswith("topic:"):
        words = column.label.split()
        return " ".join(words[:3]) + ("…" if len(words) > 3 else "")
    return column.label.rsplit("-", 1)[-1] if "/" in column.label else column.label


def cell_text(counts: dict[str, int], dominant: str) -> str:
    total = sum(counts.values())
    return f"{STYLE[dominant]['mark']}{total}"


def heat_map(smap: StanceMap) -> HeatMap:
    col_x = {c.key: ROW_LABEL_W + i * CELL_W for i, c in enumerate(smap.columns)}
    rows: list[tuple[int, str, bool]] = []
    cells: list[Cell] = []
    y = HEADER_H
    groups_y = None

    def add(row: MapRow, group: bool) -> None:
        nonlocal y
        rows.append((y, row.label, group))
        for key, cell in row.cells.items():
            counts = ", ".join(f"{k} {v}" for k, v in cell.counts.items() if v)
            cells.append(Cell(col_x[key], y, cell.dominant, cell_text(cell.counts, cell.dominant), f"{row.label} on {key.removeprefix('topic:')}: {counts}"))
        y += CELL_H

    for row in smap.members:
        add(row, False)
    if smap.groups:
        groups_y = y
        y += GROUP_GAP
        for row in smap.groups:
            add(row, True)
    columns = [(col_x[c.key] + CELL_W // 2, short_label(c), c.label + (f" — {c.title}" if c.title else "")) for c in smap.columns]
    return HeatMap(ROW_LABEL_W + len(smap.columns) * CELL_W + 10, y + 6, columns, rows, cells, groups_y)


def map_summary(smap: StanceMap) -> str:
    """The heat map in one sentence, for its aria-label."""
    return (
        f"Stance map: {len(smap.members)} named Member States and {len(smap.groups)} unnamed groups"
        f" across {len(smap.columns)} {'topics' if smap.topic else 'contributions'}; the same data follows as a table."
    )


def bar_label(bar: StanceBar) -> str:
    parts = [f"{g.count} {g.stance}" for g in bar.groups if g.count]
    return f"Stances on {bar.label}: " + (", ".join(parts) if parts else "no positions recorded")


@cache
def environment() -> jinja2.Environment:
    import jinja2

    env = jinja2.Environment(
        loader=jinja2.PackageLoader("cwgtool", "templates"),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.globals.update(
        STYLE=STYLE, STANCES=[str(s) for s in STANCES], BAR_WIDTH=BAR_WIDTH, BAR_HEIGHT=BAR_HEIGHT, CELL_W=CELL_W, CELL_H=CELL_H,
        ROW_LABEL_W=ROW_LABEL_W, bar_segments=bar_segments, bar_label=bar_label, heat_map=heat_map, map_summary=map_summary,
    )
    return env


def render_html(brief: Brief) -> str:
    """The whole page; no request leaves it (CSP ``default-src 'none'``), no script, no web font."""
    return environment().get_template("brief/page.html.j2").render(brief=brief)


__all__ = ["STYLE", "bar_segments", "heat_map", "render_html"]
