"""The format-neutral unit every reader produces and every later stage consumes.

Readers (PDF, DOCX, text) are the only code that knows the source format. They emit a flat
list of :class:`Block` objects; the outline builder and the extractors only ever see blocks,
which is what lets a PDF and a DOCX of the same record give the same result.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum


class BlockKind(StrEnum):
    """What a reader could tell about a block from layout alone (not from its words)."""

    PARAGRAPH = "paragraph"
    HEADING = "heading"  # the reader saw a heading style (Word "Heading n") or clear font hints
    LIST_ITEM = "list_item"  # a bullet or list label the reader saw as such
    TABLE_CELL = "table_cell"  # text of one table cell (cover blocks are tables)


@dataclass(frozen=True, slots=True)
class Provenance:
    """Where a block came from, so every extracted fact can be traced back to the page.

    Kept apart from ``model.Provenance`` (the published, validated JSON copy that
    ``outline.to_provenance`` makes) so the readers, below the model, never load pydantic.
    """

    file: str
    page: int | None = None  # 1-based page (PDF)
    index: int | None = None  # 0-based paragraph index in the body (DOCX), block index otherwise
    line: int | None = None  # 1-based first line (text input)
    bbox: tuple[float, float, float, float] | None = None  # x0, top, x1, bottom in PDF points


@dataclass(frozen=True, slots=True)
class Block:
    """One paragraph-like unit of text.

    ``label`` is a list label or number the reader knows separately from the text: Word's
    automatic numbering (computed from numbering.xml, e.g. ``"4.1."``), or a bullet/list label
    a PDF/text reader split off (``"·"``, ``"a)"``). When the number is typed into the text
    ("1.1.<TAB>The Chairman…") readers leave it in ``text``; the outline splits it with
    :func:`cwgtool.labels.split_label`, so both cases end up the same.
    """

    text: str
    provenance: Provenance
    kind: BlockKind = BlockKind.PARAGRAPH
    label: str | None = None
    style: str | None = None  # Word style name, when known
    bold: bool = False  # whole block bold (heading hint)
    font_size: float | None = None  # dominant font size in points (heading hint)
    level: int | None = None  # list/heading level the reader knows (Word ilvl + 1, heading n)


@dataclass(slots=True)
class ReadResult:
    """What a reader returns: the body blocks plus the furniture it removed from them."""

    blocks: list[Block]
    format: str  # "pdf" | "docx" | "text"
    pages: int | None = None
    headers_footers: list[str] = field(default_factory=list)  # distinct running heads/feet, in order
    warnings: list[str] = field(default_factory=list)
