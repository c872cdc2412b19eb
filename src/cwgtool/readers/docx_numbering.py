"""Reproduce the list labels Word shows for automatically numbered paragraphs.

Records written from the ITU template number their sections with Word's automatic numbering, so
"4.1." exists only in ``numbering.xml`` and in Word's counters, never in the paragraph text. If we
did not recompute it, every heading of such a record would lose its section number. This module
works on raw WordprocessingML elements (lxml) and does not import python-docx, so it can be
tested with hand-written XML and costs nothing at CLI start-up.

Word's model, as implemented here:

* a paragraph is numbered by ``w:numPr`` (``w:numId`` + ``w:ilvl``) given directly or inherited
  from its paragraph style and the style's ``w:basedOn`` chain; a ``w:numId`` of 0 removes it;
* ``w:num`` points at a ``w:abstractNum`` (possibly through ``w:numStyleLink`` → numbering
  style → another ``w:num``) and may override levels (``w:lvlOverride``/``w:startOverride``);
* counters belong to the abstract numbering, so several ``w:num`` of one ``w:abstractNum``
  continue one sequence; a ``w:num`` carrying a ``w:startOverride`` restarts that level the first
  time it is used (Word's "Restart numbering" creates exactly such a ``w:num``);
* using level *n* restarts every deeper level unless that level's ``w:lvlRestart`` says
  otherwise; the label is ``w:lvlText`` with ``%k`` replaced by level *k*'s counter.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
MC = "http://schemas.openxmlformats.org/markup-compatibility/2006"

# An lxml element; typed loosely so this module needs no lxml stubs and accepts python-docx's
# CT_* element subclasses as well as plain lxml elements.
Element = Any

MAX_LEVELS = 9

# Private-use code points Word writes for Symbol/Wingdings bullets, mapped to what the reader sees.
_BULLET_CHARS: dict[str, str] = {
    "\uf0b7": "•",  # Symbol bullet
    "\uf0a7": "▪",  # Wingdings small square
    "\uf0d8": "➢",  # Wingdings arrowhead
    "\uf0fc": "✓",  # Wingdings check mark
    "\uf076": "❖",  # Wingdings diamond cluster
    "\uf06e": "■",  # Wingdings black square
    "\uf0a8": "□",  # Wingdings white square
    "\uf0e8": "➔",  # Wingdings arrow
    "\uf02d": "-",
    "\uf0be": "—",
}


def w(tag: str) -> str:
    """Clark name in the WordprocessingML namespace (``w("p")`` → ``{…/main}p``)."""
    return f"{{{W}}}{tag}"


def wval(el: Element | None, attr: str = "val") -> str | None:
    """The ``w:val`` (or other ``w:`` attribute) of ``el``; None when the element is absent."""
    if el is None:
        return None
    return el.get(w(attr))


def on_off(el: Element | None) -> bool | None:
    """Value of a WordprocessingML on/off property; None when not set at all."""
    if el is None:
        return None
    val = el.get(w("val"))
    return val is None or val.lower() not in ("0", "false", "off", "none")


def _int(value: str | None, default: int | None = None) -> int | None:
    if value is None:
        return default
    try:
        return int(value)
    except ValueError:
        return default


def map_symbol_char(ch: str) -> str:
    """Turn a Symbol/Wingdings private-use character into a visible Unicode look-alike."""
    if ch in _BULLET_CHARS:
        return _BULLET_CHARS[ch]
    if len(ch) == 1 and "\ue000" <= ch <= "\uf8ff":
        return "•"  # an unknown symbol-font glyph: most of them are bullets
    return ch


# ---------------------------------------------------------------------------------------------
# Styles


@dataclass(slots=True)
class StyleInfo:
    """The parts of a ``w:style`` that numbering and the reader need (own values, not inherited)."""

    style_id: str
    name: str
    type: str
    based_on: str | None = None
    num_id: str | None = None
    ilvl: int | None = None
    outline_lvl: int | None = None
    bold: bool | None = None
    size: float | None = None  # points


class StyleSheet:
    """Style look-ups with ``w:basedOn`` inheritance; tolerant of a missing styles part."""

    def __init__(self, styles_el: Element | None, name_map: dict[str, str] | None = None) -> None:
        self.styles: dict[str, StyleInfo] = {}
        self.default_paragraph: str | None = None
        self.default_bold: bool | None = None
        self.default_size: float | None = None
        if styles_el is None:
            return
        name_map = name_map or {}
        rpr_default = styles_el.find(f"{w('docDefaults')}/{w('rPrDefault')}/{w('rPr')}")
        if rpr_default is not None:
            self.default_bold = on_off(rpr_default.find(w("b")))
            self.default_size = _half_points(rpr_default.find(w("sz")))
        for st in styles_el.iterfind(w("style")):
            sid = st.get(w("styleId"))
            if not sid:
                continue
            raw_name = wval(st.find(w("name"))) or sid
            info = StyleInfo(
                style_id=sid,
                name=name_map.get(raw_name, raw_name),
                type=st.get(w("type")) or "paragraph",
                based_on=wval(st.find(w("basedOn"))),
            )
            ppr = st.find(w("pPr"))
            if ppr is not None:
                num_pr = ppr.find(w("numPr"))
                if num_pr is not None:
                    info.num_id = wval(num_pr.find(w("numId")))
                    info.ilvl = _int(wval(num_pr.find(w("ilvl"))))
                info.outline_lvl = _int(wval(ppr.find(w("outlineLvl"))))
            rpr = st.find(w("rPr"))
            if rpr is not None:
                info.bold = on_off(rpr.find(w("b")))
                info.size = _half_points(rpr.find(w("sz")))
            self.styles[sid] = info
            if info.type == "paragraph" and on_off_attr(st.get(w("default"))):
                self.default_paragraph = sid

    def chain(self, style_id: str | None) -> list[StyleInfo]:
        """The style followed by its ``basedOn`` ancestors (loops and dangling ids cut off)."""
        out: list[StyleInfo] = []
        seen: set[str] = set()
        while style_id and style_id not in seen and style_id in self.styles:
            seen.add(style_id)
            info = self.styles[style_id]
            out.append(info)
            style_id = info.based_on
        return out

    def inherited(self, style_id: str | None, attr: str) -> Any:
        """First non-None value of ``attr`` along the ``basedOn`` chain."""
        for info in self.chain(style_id):
            value = getattr(info, attr)
            if value is not None:
                return value
        return None

    def name(self, style_id: str | None) -> str | None:
        info = self.styles.get(style_id) if style_id else None
        return info.name if info else None

    def paragraph_style_id(self, p: Element) -> str | None:
        """The paragraph's own style id, or the document's default paragraph style."""
        return wval(p.find(f"{w('pPr')}/{w('pStyle')}")) or self.default_paragraph


def on_off_attr(value: str | None) -> bool:
    return value is not None and value.lower() in ("1", "true", "on")


def _half_points(el: Element | None) -> float | None:
    value = _int(wval(el))
    return value / 2 if value is not None else None


# ---------------------------------------------------------------------------------------------
# Numbering definitions


@dataclass(slots=True)
class Level:
    """One ``w:lvl``; defaults follow the specification where Word omits the element."""

    ilvl: int
    start: int = 0
    num_fmt: str = "decimal"
    lvl_text: str = ""
    restart: int | None = None  # w:lvlRestart (1-based level; 0 = never)
    is_lgl: bool = False
    suff: str = "tab"
    pstyle: str | None = None
    pic_bullet: bool = False

    @classmethod
    def parse(cls, el: Element, ilvl: int) -> Level:
        lvl = cls(ilvl=ilvl)
        lvl.start = _int(wval(el.find(w("start"))), 0) or 0
        fmt_el = el.find(w("numFmt"))
        if fmt_el is None:  # Word 2010+ custom formats hide numFmt in mc:AlternateContent
            fmt_el = el.find(f"{{{MC}}}AlternateContent/{{{MC}}}Fallback/{w('numFmt')}")
        lvl.num_fmt = wval(fmt_el) or "decimal"
        text_el = el.find(w("lvlText"))
        lvl.lvl_text = (wval(text_el) or "") if text_el is not None else ""
        lvl.restart = _int(wval(el.find(w("lvlRestart"))))
        lvl.is_lgl = bool(on_off(el.find(w("isLgl"))))
        lvl.suff = wval(el.find(w("suff"))) or "tab"
        lvl.pstyle = wval(el.find(w("pStyle")))
        lvl.pic_bullet = el.find(w("lvlPicBulletId")) is not None
        return lvl


@dataclass(slots=True)
class AbstractNum:
    abstract_id: str
    levels: dict[int, Level] = field(default_factory=dict)
    num_style_link: str | None = None
    style_link: str | None = None


@dataclass(slots=True)
class NumInstance:
    num_id: str
    abstract_id: str
    start_overrides: dict[int, int] = field(default_factory=dict)
    level_overrides: dict[int, Level] = field(default_factory=dict)


@dataclass(frozen=True, slots=True)
class NumberLabel:
    """The label Word displays in front of a paragraph, and what produced it."""

    text: str  # "4.1.", "a)", "•"
    ilvl: int  # 0-based list level
    num_fmt: str  # format of the paragraph's own level ("decimal", "bullet", …)
    suffix: str  # what Word puts after the label: "tab", "space" or "nothing"

    @property
    def is_bullet(self) -> bool:
        return self.num_fmt == "bullet"


@dataclass(slots=True)
class _Counters:
    values: list[int | None] = field(default_factory=lambda: [None] * MAX_LEVELS)
    used_nums: set[str] = field(default_factory=set)


class Numbering:
    """Stateful label computation: call :meth:`label_for` once per paragraph, in document order.

    Every paragraph must be passed, including empty ones and those in table cells, because Word
    counts them all; skipping an empty numbered paragraph would shift every later number.
    """

    def __init__(self, numbering_el: Element | None, styles: StyleSheet) -> None:
        self.styles = styles
        self.abstracts: dict[str, AbstractNum] = {}
        self.nums: dict[str, NumInstance] = {}
        self._counters: dict[str, _Counters] = {}
        if numbering_el is not None:
            self._parse(numbering_el)

    def _parse(self, root: Element) -> None:
        for an in root.iterfind(w("abstractNum")):
            aid = an.get(w("abstractNumId"))
            if aid is None:
                continue
            absn = AbstractNum(
                abstract_id=aid,
                num_style_link=wval(an.find(w("numStyleLink"))),
                style_link=wval(an.find(w("styleLink"))),
            )
            for lvl_el in an.iterfind(w("lvl")):
                ilvl = _int(lvl_el.get(w("ilvl")))
                if ilvl is not None and 0 <= ilvl < MAX_LEVELS:
                    absn.levels[ilvl] = Level.parse(lvl_el, ilvl)
            self.abstracts[aid] = absn
        for num in root.iterfind(w("num")):
            nid = num.get(w("numId"))
            aid = wval(num.find(w("abstractNumId")))
            if nid is None or aid is None:
                continue
            inst = NumInstance(num_id=nid, abstract_id=aid)
            for ov in num.iterfind(w("lvlOverride")):
                ilvl = _int(ov.get(w("ilvl")))
                if ilvl is None or not 0 <= ilvl < MAX_LEVELS:
                    continue
                start = _int(wval(ov.find(w("startOverride"))))
                if start is not None:
                    inst.start_overrides[ilvl] = start
                lvl_el = ov.find(w("lvl"))
                if lvl_el is not None:
                    inst.level_overrides[ilvl] = Level.parse(lvl_el, ilvl)
            self.nums[nid] = inst

    # -- resolution ----------------------------------------------------------------------------

    def num_pr(self, p: Element) -> tuple[str, int | None] | None:
        """(numId, ilvl or None) that applies to ``p``, or None when it is not numbered."""
        num_pr = p.find(f"{w('pPr')}/{w('numPr')}")
        num_id = ilvl = None
        if num_pr is not None:
            num_id = wval(num_pr.find(w("numId")))
            ilvl = _int(wval(num_pr.find(w("ilvl"))))
        style_id = self.styles.paragraph_style_id(p)
        if num_id is None:
            num_id = self.styles.inherited(style_id, "num_id")
        if num_id is None or num_id == "0":
            return None
        if ilvl is None:
            ilvl = self.styles.inherited(style_id, "ilvl")
        return num_id, ilvl

    def _abstract_for(self, inst: NumInstance) -> AbstractNum | None:
        """Follow ``w:numStyleLink`` to the abstractNum that really defines the levels."""
        absn = self.abstracts.get(inst.abstract_id)
        seen: set[str] = set()
        while absn is not None and absn.num_style_link and absn.abstract_id not in seen:
            seen.add(absn.abstract_id)
            linked_num = self.styles.inherited(absn.num_style_link, "num_id")
            target = self.nums.get(linked_num) if linked_num else None
            if target is None:
                break
            absn = self.abstracts.get(target.abstract_id) or absn
        return absn

    def _level(self, inst: NumInstance, absn: AbstractNum, ilvl: int) -> Level | None:
        return inst.level_overrides.get(ilvl) or absn.levels.get(ilvl)

    def _start(self, inst: NumInstance, absn: AbstractNum, ilvl: int) -> int:
        if ilvl in inst.start_overrides:
            return inst.start_overrides[ilvl]
        lvl = self._level(inst, absn, ilvl)
        return lvl.start if lvl else 1

    def label_for(self, p: Element) -> NumberLabel | None:
        """Advance the counters for paragraph ``p`` and return its label (None if unnumbered)."""
        pr = self.num_pr(p)
        if pr is None:
            return None
        num_id, ilvl = pr
        inst = self.nums.get(num_id)
        if inst is None:
            return None
        absn = self._abstract_for(inst)
        if absn is None:
            return None
        if ilvl is None:  # a style tied to a level by w:lvl/w:pStyle rather than by w:ilvl
            style_id = self.styles.paragraph_style_id(p)
            ilvl = next((lv.ilvl for lv in absn.levels.values() if style_id and lv.pstyle == style_id), 0)
        ilvl = min(max(ilvl, 0), MAX_LEVELS - 1)
        level = self._level(inst, absn, ilvl)
        if level is None:
            return None

        state = self._counters.setdefault(absn.abstract_id, _Counters())
        if num_id not in state.used_nums:
            state.used_nums.add(num_id)
            for over_lvl in set(inst.start_overrides) | set(inst.level_overrides):
                state.values[over_lvl] = None  # restart: next use takes this num's start
        current = state.values[ilvl]
        state.values[ilvl] = self._start(inst, absn, ilvl) if current is None else current + 1
        for deeper in range(ilvl + 1, MAX_LEVELS):
            deeper_lvl = self._level(inst, absn, deeper)
            restart_after = deeper_lvl.restart if deeper_lvl and deeper_lvl.restart is not None else deeper
            if ilvl < restart_after:  # lvlRestart is 1-based: "restart after level k is used"
                state.values[deeper] = None

        text = self._render(inst, absn, level, state)
        if not text.strip():
            return None
        return NumberLabel(text=text.strip(), ilvl=ilvl, num_fmt=level.num_fmt, suffix=level.suff)

    def _render(self, inst: NumInstance, absn: AbstractNum, level: Level, state: _Counters) -> str:
        if level.num_fmt == "bullet" or level.pic_bullet:
            text = "".join(map_symbol_char(ch) for ch in level.lvl_text)
            return text if text.strip() else "•"
        out: list[str] = []
        text = level.lvl_text
        i = 0
        size = 0
        while i < len(text) and size <= MAX_LABEL_CHARS:
            ch = text[i]
            if ch == "%" and i + 1 < len(text) and text[i + 1].isdigit():
                ref = int(text[i + 1]) - 1
                i += 2
                if not 0 <= ref < MAX_LEVELS:
                    continue
                ref_lvl = self._level(inst, absn, ref)
                value = state.values[ref]
                if value is None:  # a level never used yet shows its start value
                    value = self._start(inst, absn, ref)
                fmt = ref_lvl.num_fmt if ref_lvl else "decimal"
                if level.is_lgl and fmt != "none":
                    fmt = "decimal"
                out.append(format_number(value, fmt))
                size += len(out[-1])
                continue
            out.append(map_symbol_char(ch))
            size += 1
            i += 1
        return "".join(out)[:MAX_LABEL_CHARS]


_ROMAN = ((1000, "m"), (900, "cm"), (500, "d"), (400, "cd"), (100, "c"), (90, "xc"),
          (50, "l"), (40, "xl"), (10, "x"), (9, "ix"), (5, "v"), (4, "iv"), (1, "i"))


# Beyond these a letter or roman label would be absurdly long (a hostile w:start of 10^9 as
# lowerLetter is a 38-million-letter label; Word itself stops letters after 780, "zz…z" thirty
# times, and classic roman numerals at 3999): the number is written in decimal instead, so a
# label never costs more than a few characters per level.
MAX_LETTER_NUMBER = 780
MAX_ROMAN_NUMBER = 3999
# The whole label, whatever its w:lvlText: real labels are a few characters ("4.1.1.", "(iii)").
MAX_LABEL_CHARS = 64


def to_roman(n: int) -> str:
    out = []
    for value, numeral in _ROMAN:
        while n >= value:
            out.append(numeral)
            n -= value
    return "".join(out)


def format_number(n: int, fmt: str) -> str:
    """Format one counter the way Word does for ``w:numFmt``; unknown formats fall back to 1, 2, 3."""
    if fmt == "none":
        return ""
    if fmt == "decimalZero":
        return f"{n:02d}" if 0 <= n < 10 else str(n)
    if fmt in ("lowerLetter", "upperLetter") and 0 < n <= MAX_LETTER_NUMBER:
        # Word repeats the letter past z: 27 → aa, 28 → bb.
        letter = chr(ord("a") + (n - 1) % 26) * ((n - 1) // 26 + 1)
        return letter.upper() if fmt == "upperLetter" else letter
    if fmt in ("lowerRoman", "upperRoman") and 0 < n <= MAX_ROMAN_NUMBER:
        roman = to_roman(n)
        return roman.upper() if fmt == "upperRoman" else roman
    if fmt == "decimalEnclosedParen":
        return f"({n})"
    return str(n)
