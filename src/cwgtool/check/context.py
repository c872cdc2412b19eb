"""What every rule sees: the parsed model *and* the raw blocks it came from.

The model normalises what typography and numbering rules must look at ("4. 1" becomes "4.1",
double spaces collapse), so rules read raw block text and use the model only to know where a
block sits. The bridge is provenance: readers stamp each block, the outline copies the stamp
onto the section or paragraph it makes, and equal stamps mean "same block".
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cached_property

from cwgtool.blocks import Block, ReadResult
from cwgtool.check.diagnostic import Location
from cwgtool.labels import Label, LabelKind, classify_label, split_label
from cwgtool.model import Document, Paragraph, Section
from cwgtool.outline import is_toc_entry

_TOC_TITLE = re.compile(r"^\s*(table of )?contents\s*$", re.IGNORECASE)

ProvKey = tuple[int | None, int | None, int | None]


def prov_key(prov: object) -> ProvKey:
    return (getattr(prov, "page", None), getattr(prov, "index", None), getattr(prov, "line", None))


@dataclass(slots=True)
class RawBlock:
    """A block with its label split off the way the outline does it, plus where it landed."""

    position: int
    block: Block
    label: Label | None
    body: str  # text after the label, as written (whitespace kept, ends stripped)
    section: Section | None  # section containing the block (None in the front matter)
    heading_of: Section | None = None  # the section this block is the heading of
    paragraph: Paragraph | None = None  # the model paragraph made from this block
    is_toc: bool = False

    @property
    def text(self) -> str:
        return self.block.text


@dataclass(slots=True)
class NumberedItem:
    """A section number or numbered paragraph as the model has it, with its label as typed."""

    key: str  # normalised ("4.1")
    raw: str | None  # as written ("4. 1", "4.4."); None when the reader gave no typed label
    role: str  # "section" | "paragraph"
    parent: str  # key of the enclosing numbered level ("" at the top)
    raw_block: RawBlock | None
    section: Section  # the section itself, or the one holding the paragraph

    @property
    def depth(self) -> int:
        return self.key.count(".") + 1

    @property
    def parts(self) -> tuple[int, ...]:
        return tuple(int(p) for p in self.key.split("."))


@dataclass
class CheckContext:
    display_name: str
    doc: Document
    result: ReadResult
    path: str | None = None

    @property
    def blocks(self) -> list[Block]:
        return self.result.blocks

    @property
    def format(self) -> str:
        return self.result.format

    @cached_property
    def raw_blocks(self) -> list[RawBlock]:
        """Every block in reading order, each mapped to the section that contains it.

        Blocks the outline dropped or merged (a lone "1." line, table-of-contents entries) have
        no provenance match and inherit the section of the block before them.
        """
        index: dict[ProvKey, tuple[Section | None, Section | None, Paragraph | None]] = {}
        for p in self.doc.front_matter:
            index.setdefault(prov_key(p.provenance), (None, None, p))
        for s in self.doc.iter_sections():
            if s.provenance is not None:
                index[prov_key(s.provenance)] = (s, s, None)
            for p in s.paragraphs:
                index.setdefault(prov_key(p.provenance), (s, None, p))
        out: list[RawBlock] = []
        current: Section | None = None
        in_toc = False
        for i, b in enumerate(self.blocks):
            if b.label:
                label, body = classify_label(b.label), b.text
            else:
                label, body = split_label(b.text)
            hit = index.get(prov_key(b.provenance))
            if hit is not None:
                current = hit[0]
            if _TOC_TITLE.match(b.text):
                in_toc = True
            elif hit is not None:
                in_toc = False
            is_toc = in_toc or bool(label and label.kind is LabelKind.NUMBER and is_toc_entry(b.text))
            out.append(
                RawBlock(
                    position=i,
                    block=b,
                    label=label,
                    body=body.strip(" \t\u00a0"),
                    section=current,
                    heading_of=hit[1] if hit else None,
                    paragraph=hit[2] if hit else None,
                    is_toc=is_toc,
                )
            )
        return out

    @cached_property
    def _section_position(self) -> dict[int, int]:
        return {id(rb.heading_of): rb.position for rb in self.raw_blocks if rb.heading_of is not None}

    @cached_property
    def _paragraph_block(self) -> dict[int, RawBlock]:
        return {id(rb.paragraph): rb for rb in self.raw_blocks if rb.paragraph is not None}

    def block_of_paragraph(self, p: Paragraph) -> RawBlock | None:
        return self._paragraph_block.get(id(p))

    def block_of_section(self, s: Section) -> RawBlock | None:
        pos = self._section_position.get(id(s))
        return self.raw_blocks[pos] if pos is not None else None

    def body_blocks(self) -> Iterator[RawBlock]:
        """Blocks with text worth checking for typography (table-of-contents lines excluded)."""
        for rb in self.raw_blocks:
            if not rb.is_toc and rb.body:
                yield rb

    def location(self, rb: RawBlock | None, section: Section | None = None) -> Location:
        sec = section if section is not None else (rb.section if rb is not None else None)
        para = rb.paragraph.number if rb is not None and rb.paragraph is not None else None
        if rb is None:
            prov = sec.provenance if sec is not None else None
            return Location(
                section=sec.number if sec else None,
                page=getattr(prov, "page", None),
                index=getattr(prov, "index", None),
                line=getattr(prov, "line", None),
            )
        p = rb.block.provenance
        return Location(section=sec.number if sec else None, paragraph=para, page=p.page, index=p.index, line=p.line)

    def section_location(self, s: Section) -> Location:
        return self.location(self.block_of_section(s), s)

    @cached_property
    def numbered(self) -> list[NumberedItem]:
        """Section numbers and numbered paragraphs in document order (lettered sub-items excluded)."""
        items: list[tuple[int, NumberedItem]] = []

        def raw_label(rb: RawBlock | None) -> str | None:
            if rb is None or rb.label is None or rb.label.kind is not LabelKind.NUMBER:
                return None
            return rb.label.raw

        def walk(sections: list[Section], parent: str) -> None:
            for s in sections:
                numeric = bool(s.number) and s.number.replace(".", "").isdigit()  # type: ignore[union-attr]
                if numeric:
                    rb = self.block_of_section(s)
                    pos = rb.position if rb else (items[-1][0] if items else 0)
                    items.append((pos, NumberedItem(s.number, raw_label(rb), "section", parent, rb, s)))  # type: ignore[arg-type]
                for p in s.paragraphs:
                    if p.number:
                        if s.provenance is not None and prov_key(p.provenance) == prov_key(s.provenance):
                            continue  # a numbered first-level sentence: already counted as the section
                        rb = self.block_of_paragraph(p)
                        pos = rb.position if rb else (items[-1][0] if items else 0)
                        owner = s.number if numeric else parent
                        items.append((pos, NumberedItem(p.number, raw_label(rb), "paragraph", owner or "", rb, s)))
                walk(s.children, s.number if numeric else parent)  # type: ignore[arg-type]

        walk(self.doc.sections, "")
        items.sort(key=lambda t: t[0])
        return [it for _, it in items]

    def excerpt(self, text: str, start: int = 0, end: int | None = None, width: int = 30) -> str:
        """A short snippet around ``text[start:end]`` with the whitespace shown as written."""
        end = start if end is None else end
        a = max(0, start - width)
        b = min(len(text), end + width)
        snippet = text[a:b].replace("\t", "\\t").replace("\n", " ")
        return ("…" if a > 0 else "") + snippet + ("…" if b < len(text) else "")
