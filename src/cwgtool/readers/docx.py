"""DOCX reader: Word body paragraphs and table cells → :class:`~cwgtool.blocks.Block`.

The reader walks the WordprocessingML itself rather than relying on python-docx's high-level
objects, because it needs things python-docx does not expose: body-level content controls,
tracked changes, field results, merged-cell continuation and Word's automatic numbering (see
:mod:`cwgtool.readers.docx_numbering`). python-docx is still used to open the package, so
relationships and part lookup behave as everywhere else.

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

import io
import re
import struct
import zipfile
import zlib
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

from cwgtool.blocks import Block, BlockKind, Provenance, ReadResult
from cwgtool.errors import InputError, short_reason
from cwgtool.labels import LabelKind, classify_label
from cwgtool.limits import Limits, human_bytes, limit_error
from cwgtool.readers.docx_numbering import (
    MC,
    Element,
    Numbering,
    NumberLabel,
    StyleSheet,
    W,
    map_symbol_char,
    on_off,
    w,
    wval,
)

LEGACY_DOC = "legacy Word .doc format is not supported; convert it to .docx (e.g. libreoffice --headless --convert-to docx)"
OLE2_SIGNATURE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_ENCRYPTED_STREAM = "EncryptedPackage".encode("utf-16-le")

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

    Everything is checked before python-docx sees the package: size and compression from the
    ZIP central directory (a zip bomb is refused before anything is expanded), then every XML
    part for DTD/entity declarations and nesting depth. Past those checks, any exception from
    python-docx/lxml or from walking an odd tree is "corrupt DOCX", never a traceback.
    """
    name = display_name or str(path)
    limits = limits if limits is not None else Limits.from_env()
    data = _read_bytes(path, name, limits)
    _check_container(data, name, limits)

    from docx.opc.exceptions import PackageNotFoundError
    from docx.opc.package import OpcPackage

    try:
        package = OpcPackage.open(io.BytesIO(data))
        main = package.main_document_part
        root = _part_element(main)
    except (PackageNotFoundError, KeyError, ValueError, zipfile.BadZipFile, SyntaxError) as exc:
        raise InputError(name, f"corrupt DOCX ({short_reason(exc)})") from exc
    except (InputError, MemoryError, RecursionError):
        raise
    except Exception as exc:  # noqa: BLE001 - python-docx/lxml/zipfile internals on a damaged package
        raise InputError(name, f"corrupt DOCX ({short_reason(exc)})") from exc
    body = root.find(w("body"))
    if body is None:
        raise InputError(name, "not a Word document: the main part has no w:body")

    try:
        styles = StyleSheet(_related_element(main, _RT_STYLES), _style_name_map())
        numbering = Numbering(_related_element(main, _RT_NUMBERING), styles)
        reader = _BodyReader(name, styles, numbering)
        reader.read_container(body)
        headers_footers = _headers_footers(main, root, styles)
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


# ---------------------------------------------------------------------------------------------
# Input checks


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


def _check_container(data: bytes, name: str, limits: Limits) -> None:
    """Give the user a reason they can act on before python-docx fails with a generic one."""
    if not data:
        raise InputError(name, "empty file")
    if data.startswith(OLE2_SIGNATURE):
        if _ENCRYPTED_STREAM in data:
            raise InputError(name, "encrypted (password-protected) DOCX; save it without a password")
        raise InputError(name, LEGACY_DOC)
    if not zipfile.is_zipfile(io.BytesIO(data)):
        if data.startswith(b"PK\x03\x04"):  # a ZIP that lost its end (the central directory)
            raise InputError(name, "not a valid DOCX (truncated or damaged ZIP archive)")
        raise InputError(name, "not a valid DOCX (not a ZIP archive)")
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as zf:
            infos = zf.infolist()
            _check_sizes(infos, name, limits)
            for info in infos:
                _check_xml_part(zf, info, name, limits)
            names = set(zf.namelist())
            if "word/document.xml" in names:
                return
            main = _main_part_from_rels(zf, names)
    except zipfile.BadZipFile as exc:
        raise InputError(name, f"not a valid DOCX (damaged ZIP archive: {exc})") from exc
    except (InputError, MemoryError):
        raise
    except (RuntimeError, NotImplementedError, OSError, EOFError, ValueError, struct.error, zlib.error) as exc:
        # RuntimeError: an encrypted ZIP member; NotImplementedError: an unknown compression;
        # ValueError: a local header offset pointing before the file start (found by fuzzing)
        raise InputError(name, f"not a valid DOCX (damaged ZIP archive: {short_reason(exc)})") from exc
    if main is None:
        raise InputError(name, "not a DOCX: the ZIP has no word/document.xml")


_RATIO_EXEMPT = 1024 * 1024  # small members may compress absurdly well (runs of spaces) and are harmless


def _check_sizes(infos: list[zipfile.ZipInfo], name: str, limits: Limits) -> None:
    """Refuse a zip bomb from the central directory alone, before anything is expanded.

    The declared sizes are trustworthy as upper bounds: :mod:`zipfile` stops decompressing a
    member at its declared ``file_size`` (and then fails the CRC check), so a member that lies
    about its size cannot expand beyond what was checked here.
    """
    total = sum(i.file_size for i in infos)
    if 0 < limits.max_unzipped_bytes < total:
        raise limit_error(name, "max_unzipped_bytes", f"expands to {human_bytes(total)}, which", limits.max_unzipped_bytes)
    if limits.max_ratio <= 0:
        return
    for info in infos:
        if info.file_size > _RATIO_EXEMPT:
            ratio = info.file_size / max(info.compress_size, 1)
            if ratio > limits.max_ratio:
                raise limit_error(
                    name, "max_ratio", f"member {info.filename} expands {ratio:.0f}:1, which", limits.max_ratio
                )


# "<!DOCTYPE" / "<!ENTITY" as they appear in the encodings a DOCX part can use.
_DECLARATIONS = tuple(d.encode(enc) for d in ("<!DOCTYPE", "<!ENTITY") for enc in ("ascii", "utf-16-le", "utf-16-be"))
DTD_REFUSED = "DOCX contains a DTD/entity declaration; refused"
_CHUNK = 1 << 20
_LIBXML_MAX_DEPTH = 256  # libxml2's own nesting limit without XML_PARSE_HUGE (python-docx never sets it)


def _looks_like_xml(head: bytes) -> bool:
    probe = head[:512].replace(b"\x00", b"").lstrip(b"\xef\xbb\xbf\xff\xfe \t\r\n")
    return probe.startswith(b"<")


def _check_xml_part(zf: zipfile.ZipFile, info: zipfile.ZipInfo, name: str, limits: Limits) -> None:
    """Refuse DTDs/entities and over-deep nesting in one part, streaming, before any real parse.

    WordprocessingML never needs a DTD, so any declaration is hostile or broken (XXE, billion
    laughs) and is refused outright rather than trusted to parser settings. Every member that
    looks like XML is checked, whatever its name, because the package's content types decide
    what python-docx parses as XML, not the file extension. The depth count uses a
    non-resolving pull parser; libxml2 itself caps depth at 256 without ``huge_tree``.
    """
    if info.is_dir():
        return
    with zf.open(info) as fh:
        chunk = fh.read(_CHUNK)  # ZipExtFile.read(n) stops short only at the end of the member
    if not _looks_like_xml(chunk):
        return
    if len(chunk) < _CHUNK and _check_whole_part(chunk, info, name, limits):
        return
    _check_streaming(zf, info, name, limits)


_XPATH_DEPTH_MAX = 1024  # deeper limits are left to the streaming check


def _check_whole_part(data: bytes, info: zipfile.ZipInfo, name: str, limits: Limits) -> bool:
    """The same checks on a part already in memory, with the per-element work done in C.

    The streaming check pays a Python step per element (styles.xml alone has thousands), most
    of the DOCX reading time. Here the same libxml2 feed parser with the same settings builds
    the tree and one XPath asks whether any element sits deeper than the limit. Returns False,
    leaving the verdict to the streaming check, whenever this path could differ from it:
    malformed XML (whose errors and partial depth counts the streaming check reports its own
    way) and limits too high for the XPath. (A parser *target* would skip building the tree,
    but libxml2 then counts depth differently, so it cannot stand in for the streaming check.)
    """
    from lxml import etree

    if any(d in data for d in _DECLARATIONS):
        raise InputError(name, f"{DTD_REFUSED} (in {info.filename})")
    limit = limits.max_xml_depth
    if limit > _XPATH_DEPTH_MAX:
        return False
    parser = etree.XMLParser(resolve_entities=False, load_dtd=False, no_network=True, huge_tree=False)
    try:
        parser.feed(data)
        root = parser.close()
    except etree.LxmlError:
        return False
    if limit > 0 and _deeper_than(limit)(root):
        raise limit_error(name, "max_xml_depth", f"XML nesting in {info.filename}", limit)
    if limits.max_paragraphs > 0:
        _check_paragraphs(int(_paragraph_counter()(root)), info, name, limits)
    if root.getroottree().docinfo.doctype:
        raise InputError(name, f"{DTD_REFUSED} (in {info.filename})")
    return True


def _check_paragraphs(count: int, info: zipfile.ZipInfo, name: str, limits: Limits) -> None:
    if 0 < limits.max_paragraphs < count:
        raise limit_error(name, "max_paragraphs", f"{info.filename} has {count} paragraphs, which", limits.max_paragraphs)


_W_P = w("p")


@lru_cache(maxsize=1)
def _paragraph_counter() -> Any:
    """XPath: how many ``w:p`` the part holds (counted in C, like the depth check)."""
    from lxml import etree

    return etree.XPath("count(//w:p)", namespaces={"w": W})


@lru_cache(maxsize=4)
def _deeper_than(limit: int) -> Any:
    """XPath: is there an element at depth ``limit + 1`` (the root element is depth 1)?"""
    from lxml import etree

    return etree.XPath("boolean(/" + "/".join(["*"] * (limit + 1)) + ")")


def _check_streaming(zf: zipfile.ZipFile, info: zipfile.ZipInfo, name: str, limits: Limits) -> None:
    """The streaming form of :func:`_check_xml_part`, for parts over one chunk or malformed."""
    from lxml import etree

    with zf.open(info) as fh:
        chunk = fh.read(_CHUNK)
        if not _looks_like_xml(chunk):
            return
        parser = etree.XMLPullParser(
            events=("start", "end"), resolve_entities=False, load_dtd=False, no_network=True, huge_tree=False
        )
        depth = 0
        paragraphs = 0
        tail = b""
        while chunk:
            window = tail + chunk
            if any(d in window for d in _DECLARATIONS):
                raise InputError(name, f"{DTD_REFUSED} (in {info.filename})")
            tail = window[-32:]
            try:
                parser.feed(chunk)
                for event, el in parser.read_events():
                    if event == "start":
                        depth += 1
                        if 0 < limits.max_xml_depth < depth:
                            raise limit_error(
                                name, "max_xml_depth", f"XML nesting in {info.filename}", limits.max_xml_depth
                            )
                    else:
                        depth -= 1
                        if el.tag == _W_P:
                            paragraphs += 1
                            if 0 < limits.max_paragraphs < paragraphs:
                                _check_paragraphs(paragraphs, info, name, limits)
                        el.clear()
                        while el.getprevious() is not None:  # the finished siblings: keep memory flat
                            del el.getparent()[0]
            except etree.XMLSyntaxError as exc:
                if "depth" in str(exc).lower():
                    if 0 < limits.max_xml_depth <= _LIBXML_MAX_DEPTH:  # libxml2 stopped first
                        raise limit_error(name, "max_xml_depth", f"XML nesting in {info.filename}", limits.max_xml_depth) from None
                    raise InputError(
                        name, f"XML in {info.filename} nests deeper than the XML parser's own 256-level limit"
                    ) from None
                return  # malformed part: python-docx reports it if it is ever parsed
            chunk = fh.read(_CHUNK)
        try:
            root = parser.close()
        except etree.XMLSyntaxError:
            return
        if root is not None and root.getroottree().docinfo.doctype:
            raise InputError(name, f"{DTD_REFUSED} (in {info.filename})")


def _main_part_from_rels(zf: zipfile.ZipFile, names: set[str]) -> str | None:
    """Main part named in ``_rels/.rels`` when a producer did not call it word/document.xml."""
    if "_rels/.rels" not in names:
        return None
    from lxml import etree

    try:
        safe = etree.XMLParser(resolve_entities=False, load_dtd=False, no_network=True)
        rels = etree.fromstring(zf.read("_rels/.rels"), safe)
    except etree.XMLSyntaxError:
        return None
    for rel in rels:
        if str(rel.get("Type", "")).endswith("/officeDocument"):
            target = str(rel.get("Target", "")).lstrip("/")
            if target in names and target.startswith("word/"):
                return target
    return None


def _part_element(part: Any) -> Element:
    """XML root of a part, also for content types python-docx does not map to an XmlPart."""
    element = getattr(part, "element", None)
    if element is not None:
        return element
    from docx.oxml.parser import parse_xml

    return parse_xml(part.blob)


def _related_element(part: Any, reltype: str) -> Element | None:
    try:
        return _part_element(part.part_related_by(reltype))
    except (KeyError, ValueError, SyntaxError):
        return None


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


def _headers_footers(main: Any, root: Element, styles: StyleSheet) -> list[str]:
    """Distinct texts of every header/footer referenced by any section, in order of first use."""
    texts: list[str] = []
    seen_parts: set[int] = set()
    sect_prs = list(root.iter(w("sectPr")))
    for sect_pr in sect_prs:
        refs = [r for r in sect_pr if r.tag in (w("headerReference"), w("footerReference"))]
        refs.sort(key=lambda r: (r.tag != w("headerReference"), _REF_ORDER.get(r.get(w("type")) or "", 3)))
        for ref in refs:
            rid = ref.get(_R_ID)
            try:
                part = main.related_parts[rid]
            except KeyError:
                continue
            if id(part) in seen_parts:
                continue
            seen_parts.add(id(part))
            try:
                element = _part_element(part)
            except (ValueError, SyntaxError):
                continue
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
