"""DOCX reader: Word body paragraphs and table cells → :class:`~cwgtool.blocks.Block`.

The reader walks the WordprocessingML itself rather than relying on python-docx's high-level
objects, because it needs things python-docx does not expose: body-level content controls,
tracked changes, field results, merged-cell continuation and Word's automatic numbering (see
:mod:`cwgtool.readers.docx_numbering`). The package itself — the ZIP, the relationships and the
one checked parse of each XML part — is :mod:`cwgtool.readers.docx_package`.

Decisions a caller can rely on:

* One ``TABLE_CELL`` block per table cell (cover blocks are label/value cells, so a cell is the
  useful unit); the cell's paragraphs are joined with ``"\\n"``. A nested table's cells are
  flattened into the outer cell's text in order. Cells continuing a vertical or legacy
  horizontal merge are skipped (a ``gridSpan`` cell is one ``w:tc`` already).
* ``w:br`` and ``w:cr`` become ``"\\n"``; tabs stay ``"\\t"``; soft hyphens are dropped,
  non-breaking hyphens become ``"-"``. Deleted text, hidden text, comments, text boxes and the
  results of PAGE/NUMPAGES fields are left out of the body and shown as "#" in running heads
  ("Page # of #").
* Automatic numbering goes to ``Block.label``, never into the text. In a multi-paragraph cell a
  numbered paragraph keeps its label inline (``"a)\\tText"``) because one cell has one label slot.
* ``Provenance.index`` counts every paragraph the reader visits in document order (including
  empty ones and those in tables), so it is stable for one file.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from cwgtool.blocks import Block, BlockKind, Provenance, ReadResult
from cwgtool.errors import InputError, short_reason
from cwgtool.labels import LabelKind, classify_label
from cwgtool.limits import Limits
from cwgtool.readers.docx_numbering import (
    MC,
    Element,
    Numbering,
    NumberLabel,
    StyleSheet,
    map_symbol_char,
    on_off,
    w,
    wval,
)
from cwgtool.readers.docx_package import (
    LEGACY_DOC as LEGACY_DOC,  # re-exported: readers.detect_format names a .doc with it
)
from cwgtool.readers.docx_package import DocxPackage

_RT_STYLES = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles"
_RT_NUMBERING = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/numbering"
_R_ID = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}id"

_HEADING_STYLE = re.compile(r"^heading\s*(\d)$", re.IGNORECASE)
_PAGE_FIELD = re.compile(r"^\s*(PAGE|NUMPAGES|SECTIONPAGES)\b", re.IGNORECASE)
_LIST_KINDS = frozenset({LabelKind.BULLET, LabelKind.LETTER, LabelKind.ROMAN, LabelKind.ITEM})

# Subtrees of a paragraph whose text Word does not show as body text (or shows elsewhere).
_SKIP = frozenset(
    {
        w("pPr"), w("rPr"), w("del"), w("moveFrom"), w("drawing"), w("pict"), w("object"),
        w("sdtPr"), w("sdtEndPr"), w("rt"), w("delText"),
        f"{{{MC}}}AlternateContent",
    }
)
_TEXTBOX_HOSTS = frozenset({w("drawing"), w("pict"), f"{{{MC}}}AlternateContent"})
_CONTAINERS = frozenset({w("sdt"), w("sdtContent"), w("customXml"), w("ins"), w("moveTo")})


def read(path: str | Path, *, display_name: str | None = None, limits: Limits | None = None) -> ReadResult:
    """Read a .docx (also .docm/.dotx: the main part is found through the package relationships).

    :class:`~cwgtool.readers.docx_package.DocxPackage` refuses a hostile container before
    anything is expanded and hands out each XML part parsed once and checked (DTDs, nesting,
    paragraph count). Past those checks, any exception from walking an odd tree is
    "corrupt DOCX", never a traceback.
    """
    name = display_name or str(path)
    limits = limits if limits is not None else Limits.from_env()
    package = DocxPackage(_read_bytes(path, name, limits), name, limits)
    try:
        root = package.xml(package.main)
        body = root.find(w("body"))
        if body is None:
            raise InputError(name, "not a Word document: the main part has no w:body")
        styles = StyleSheet(_related_xml(package, _RT_STYLES), _style_name_map())
        numbering = Numbering(_related_xml(package, _RT_NUMBERING), styles)
        reader = _BodyReader(name, styles, numbering)
        reader.read_container(body)
        headers_footers = _headers_footers(package, root, styles)
    except (InputError, MemoryError):
        raise
    except RecursionError:
        raise InputError(name, "corrupt DOCX: structure nested too deeply") from None
    except Exception as exc:  # noqa: BLE001 - e.g. a numbering definition that breaks assumptions
        raise InputError(name, f"corrupt DOCX ({short_reason(exc)})") from exc
    return ReadResult(
        blocks=reader.blocks, format="docx", pages=None, headers_footers=headers_footers,
        warnings=reader.warnings,
    )


def _read_bytes(path: str | Path, name: str, limits: Limits) -> bytes:
    p = Path(path)
    if p.is_file():
        limits.check_file_size(str(p), name)
    try:
        return p.read_bytes()
    except FileNotFoundError as exc:
        raise InputError(name, "no such file") from exc
    except IsADirectoryError as exc:
        raise InputError(name, "is a directory, not a file") from exc
    except OSError as exc:
        raise InputError(name, f"cannot read file ({exc.strerror or exc})") from exc


def _related_xml(package: DocxPackage, reltype: str) -> Element | None:
    part = package.related(package.main, reltype)
    return package.xml(part) if part is not None else None


def _style_name_map() -> dict[str, str]:
    from docx.styles import BabelFish

    return dict(BabelFish.ui_style_names)


# ---------------------------------------------------------------------------------------------
# Text of one paragraph


@dataclass(slots=True)
class _Field:
    instr: str = ""
    in_result: bool = False

    @property
    def hides_result(self) -> bool:
        return bool(_PAGE_FIELD.match(self.instr))


@dataclass(slots=True)
class _ParaText:
    text: str
    runs: list[tuple[str, Element]]  # (text, w:r) pieces, for bold/size
    textboxes: int = 0


@dataclass(slots=True)
class _TextWalker:
    """Collects the visible text of paragraphs; keeps complex-field state across paragraphs."""

    fields: list[_Field] = field(default_factory=list)
    page_mark: str = ""  # what a PAGE/NUMPAGES field shows: nothing in the body, "#" in running heads

    def paragraph(self, p: Element) -> _ParaText:
        out: list[str] = []
        runs: list[tuple[str, Element]] = []
        counter = [0]
        self._walk(p, out, runs, None, False, counter)
        # Instruction parts and page-number results never legitimately span paragraphs; dropping
        # them here keeps one malformed field from hiding the rest of the document.
        self.fields = [f for f in self.fields if f.in_result and not f.hides_result]
        return _ParaText("".join(out), runs, counter[0])

    def _visible(self) -> bool:
        return all(f.in_result and not f.hides_result for f in self.fields)

    def _emit(self, s: str, out: list[str], runs: list[tuple[str, Element]], run: Element | None,
              hidden: bool) -> None:
        if hidden or not self._visible():
            return
        out.append(s)
        if run is not None:
            runs.append((s, run))

    def _walk(self, el: Element, out: list[str], runs: list[tuple[str, Element]], run: Element | None,
              hidden: bool, textboxes: list[int]) -> None:
        for child in el:
            tag = child.tag
            if not isinstance(tag, str):  # comments, processing instructions
                continue
            if tag in _SKIP:
                if tag in _TEXTBOX_HOSTS and child.find(f".//{w('txbxContent')}") is not None:
                    textboxes[0] += 1
                continue
            if tag == w("r"):
                run_hidden = hidden or bool(on_off(child.find(f"{w('rPr')}/{w('vanish')}")))
                self._walk(child, out, runs, child, run_hidden, textboxes)
            elif tag == w("t"):
                self._emit(child.text or "", out, runs, run, hidden)
            elif tag in (w("tab"), w("ptab")):
                self._emit("\t", out, runs, run, hidden)
            elif tag in (w("br"), w("cr")):
                self._emit("\n", out, runs, run, hidden)
            elif tag == w("noBreakHyphen"):
                self._emit("-", out, runs, run, hidden)
            elif tag == w("sym"):
                code = child.get(w("char")) or ""
                try:
                    ch = chr(int(code, 16))
                except ValueError:
                    continue
                self._emit(map_symbol_char(ch), out, runs, run, hidden)
            elif tag == w("fldChar"):
                kind = child.get(w("fldCharType"))
                if kind == "begin":
                    self.fields.append(_Field())
                elif kind == "separate" and self.fields:
                    outer_visible = all(f.in_result and not f.hides_result for f in self.fields[:-1])
                    if self.fields[-1].hides_result and outer_visible and not hidden and self.page_mark:
                        out.append(self.page_mark)  # the page number varies: "Page # of #"
                    self.fields[-1].in_result = True
                elif kind == "end" and self.fields:
                    self.fields.pop()
            elif tag == w("instrText"):
                if self.fields and not self.fields[-1].in_result:
                    self.fields[-1].instr += child.text or ""
            elif tag == w("fldSimple"):
                if _PAGE_FIELD.match(child.get(w("instr")) or ""):
                    if self.page_mark:
                        self._emit(self.page_mark, out, [], None, hidden)
                else:
                    self._walk(child, out, runs, run, hidden, textboxes)
            elif tag == w("p"):  # a stray nested paragraph (should not happen outside text boxes)
                continue
            else:  # hyperlink, smartTag, sdt, ins, moveTo, customXml, …
                self._walk(child, out, runs, run, hidden, textboxes)


def _clean(text: str) -> str:
    return text.replace("\u00ad", "").strip()


# ---------------------------------------------------------------------------------------------
# Body


@dataclass(slots=True)
class _Para:
    """A paragraph after numbering and text extraction, before it becomes a block."""

    text: str
    index: int
    label: NumberLabel | None
    style_id: str | None
    runs: list[tuple[str, Element]]
    element: Element


class _BodyReader:
    def __init__(self, name: str, styles: StyleSheet, numbering: Numbering) -> None:
        self.name = name
        self.styles = styles
        self.numbering = numbering
        self.walker = _TextWalker()
        self.blocks: list[Block] = []
        self.warnings: list[str] = []
        self.index = 0
        self.textboxes = 0
        self.alt_chunks = 0

    def read_container(self, container: Element) -> None:
        for child in _content_children(container):
            tag = child.tag
            if tag == w("p"):
                para = self._paragraph(child)
                if para.text:
                    self.blocks.append(self._paragraph_block(para))
            elif tag == w("tbl"):
                self._table(child)
            elif tag == w("altChunk"):
                self.alt_chunks += 1
        if container.tag == w("body"):
            if self.textboxes:
                self.warnings.append(f"{self.textboxes} text box(es) not read")
            if self.alt_chunks:
                self.warnings.append(f"{self.alt_chunks} embedded alternative-format chunk(s) not read")

    def _paragraph(self, p: Element) -> _Para:
        label = self.numbering.label_for(p)
        pt = self.walker.paragraph(p)
        self.textboxes += pt.textboxes
        para = _Para(_clean(pt.text), self.index, label, self.styles.paragraph_style_id(p), pt.runs, p)
        self.index += 1
        return para

    def _paragraph_block(self, para: _Para) -> Block:
        style_name = self.styles.name(para.style_id)
        heading_level = self._heading_level(para, style_name)
        label_text = para.label.text if para.label else None
        kind = BlockKind.PARAGRAPH
        level: int | None = None
        if heading_level is not None:
            kind = BlockKind.HEADING
            level = heading_level or None
        elif para.label is not None:
            level = para.label.ilvl + 1
            parsed = classify_label(para.label.text)
            if para.label.is_bullet or (parsed is not None and parsed.kind in _LIST_KINDS):
                kind = BlockKind.LIST_ITEM
        return Block(
            text=para.text,
            provenance=Provenance(file=self.name, index=para.index),
            kind=kind,
            label=label_text,
            style=style_name,
            bold=self._bold(para),
            font_size=self._font_size(para),
            level=level,
        )

    def _heading_level(self, para: _Para, style_name: str | None) -> int | None:
        """Heading level from the style name or outline level; 0 for "Title"; None if no heading."""
        for info in self.styles.chain(para.style_id):
            m = _HEADING_STYLE.match(info.name)
            if m:
                return int(m.group(1))
            if info.name.lower() == "title":
                return 0
        outline = wval(para.element.find(f"{w('pPr')}/{w('outlineLvl')}"))
        if outline is None:
            outline = self.styles.inherited(para.style_id, "outline_lvl")
        try:
            lvl = int(outline) if outline is not None else 9
        except ValueError:
            lvl = 9
        return lvl + 1 if 0 <= lvl < 9 else None

    def _run_prop(self, para: _Para, run: Element, prop: str) -> Any:
        """Effective run property: direct formatting, then character style, paragraph style, defaults."""
        rpr = run.find(w("rPr"))
        if rpr is not None:
            if prop == "bold":
                value = on_off(rpr.find(w("b")))
            else:
                sz = wval(rpr.find(w("sz")))
                value = int(sz) / 2 if sz and sz.isdigit() else None
            if value is not None:
                return value
            rstyle = wval(rpr.find(w("rStyle")))
            value = self.styles.inherited(rstyle, "bold" if prop == "bold" else "size")
            if value is not None:
                return value
        value = self.styles.inherited(para.style_id, "bold" if prop == "bold" else "size")
        if value is not None:
            return value
        return self.styles.default_bold if prop == "bold" else self.styles.default_size

    def _bold(self, para: _Para) -> bool:
        pieces = [(t, r) for t, r in para.runs if t.strip()]
        return bool(pieces) and all(self._run_prop(para, r, "bold") for _, r in pieces)

    def _font_size(self, para: _Para) -> float | None:
        weights: Counter[float] = Counter()
        for text, run in para.runs:
            size = self._run_prop(para, run, "size")
            if size is not None:
                weights[size] += len(text.strip())
        if not weights:
            size = self.styles.inherited(para.style_id, "size")
            return size if size is not None else self.styles.default_size
        return weights.most_common(1)[0][0]

    # -- tables --------------------------------------------------------------------------------

    def _table(self, tbl: Element) -> None:
        for tr in _content_children(tbl, w("tr")):
            for tc in _content_children(tr, w("tc")):
                paras = self._cell_paragraphs(tc)
                if _is_merge_continuation(tc):
                    continue
                lines: list[str] = []
                for para in paras:
                    if not para.text:
                        continue
                    if para.label is not None and len([q for q in paras if q.text]) > 1:
                        lines.append(f"{para.label.text}\t{para.text}")
                    else:
                        lines.append(para.text)
                if not lines:
                    continue
                first = next(q for q in paras if q.text)
                single = len(lines) == 1
                self.blocks.append(
                    Block(
                        text="\n".join(lines),
                        provenance=Provenance(file=self.name, index=first.index),
                        kind=BlockKind.TABLE_CELL,
                        label=first.label.text if single and first.label else None,
                        style=self.styles.name(first.style_id),
                        bold=all(self._bold(q) for q in paras if q.text),
                        font_size=self._font_size(first),
                        level=first.label.ilvl + 1 if single and first.label else None,
                    )
                )

    def _cell_paragraphs(self, container: Element) -> list[_Para]:
        """All paragraphs of a cell in order, nested tables flattened into the same list."""
        out: list[_Para] = []
        for child in _content_children(container):
            if child.tag == w("p"):
                out.append(self._paragraph(child))
            elif child.tag == w("tbl"):
                for tr in _content_children(child, w("tr")):
                    for tc in _content_children(tr, w("tc")):
                        nested = self._cell_paragraphs(tc)
                        if not _is_merge_continuation(tc):
                            out.extend(nested)
        return out


def _content_children(el: Element, want: str | None = None) -> Iterator[Element]:
    """Children of ``el``, looking through content controls, custom XML and tracked insertions."""
    for child in el:
        tag = child.tag
        if not isinstance(tag, str):
            continue
        if tag in _CONTAINERS:
            yield from _content_children(child, want)
        elif want is None or tag == want:
            yield child


def _is_merge_continuation(tc: Element) -> bool:
    tc_pr = tc.find(w("tcPr"))
    if tc_pr is None:
        return False
    vmerge = tc_pr.find(w("vMerge"))
    if vmerge is not None and (wval(vmerge) or "continue") != "restart":
        return True
    hmerge = tc_pr.find(w("hMerge"))
    return hmerge is not None and (wval(hmerge) or "continue") != "restart"


# ---------------------------------------------------------------------------------------------
# Headers and footers


def _headers_footers(package: DocxPackage, root: Element, styles: StyleSheet) -> list[str]:
    """Distinct texts of every header/footer referenced by any section, in order of first use."""
    texts: list[str] = []
    seen_parts: set[str] = set()
    sect_prs = list(root.iter(w("sectPr")))
    for sect_pr in sect_prs:
        refs = [r for r in sect_pr if r.tag in (w("headerReference"), w("footerReference"))]
        refs.sort(key=lambda r: (r.tag != w("headerReference"), _REF_ORDER.get(r.get(w("type")) or "", 3)))
        for ref in refs:
            part = package.target(package.main, ref.get(_R_ID) or "")
            if part is None or part in seen_parts:
                continue
            seen_parts.add(part)
            element = package.xml(part)
            walker = _TextWalker(page_mark="#")
            for p in element.iter(w("p")):
                if any(a.tag in _TEXTBOX_HOSTS for a in p.iterancestors()):
                    continue
                # Running heads put several items on one line with tabs ("- 2 -<TAB>CWG-…/5-E");
                # each tab-separated item is one piece of furniture.
                for piece in re.split(r"[\t\n]+", _clean(walker.paragraph(p).text)):
                    text = " ".join(piece.split())
                    if any(ch.isalnum() for ch in text) and text not in texts:
                        texts.append(text)
    return texts


_REF_ORDER = {"default": 0, "first": 1, "even": 2}
