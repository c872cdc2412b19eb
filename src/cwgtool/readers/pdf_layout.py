"""Engine-neutral PDF layout: characters → lines → blocks.

Both PDF engines (pdfplumber, pypdfium2) stop at the character level and hand over plain
tuples; everything that decides what a line, a paragraph, a running head or a list item is
lives here. That is what makes the two engines give the same blocks, and what lets the rules
be unit-tested with hand-made :class:`Line` lists instead of PDFs.

Geometry is derived from the *baseline* and the font size rather than from each engine's own
glyph boxes, because the engines disagree on ascent/descent but agree on where the baseline is.

Thresholds (all relative to the font size or the page, so they work at any scale):

- characters join a line when their baselines differ by ≤ 0.5 × the larger font size;
- a gap > 0.15 em between characters (or a real space glyph) is a space, > 1 em a tab
  (tab stops after bullets and section numbers);
- doubled glyphs (same text, same position within 1 pt) are dropped once (fake bold);
- running heads/feet live in the top/bottom 10 % of the page and must repeat (digits → '#')
  at the same distance from that edge (within half an em) on at least half of the pages after
  the first (and on two at least); page-number-only lines there always go; a numbered heading
  or a sentence is never furniture, however often it repeats (see :func:`strip_furniture`);
- a vertical step > 1.4 × the document's typical line spacing starts a new paragraph.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from operator import itemgetter

from cwgtool.blocks import Block, BlockKind, Provenance
from cwgtool.labels import Label, LabelKind, clean_text, split_label

# One character as an engine reports it: text, x0, x1, baseline (top-down), size, font name.
Char = tuple[str, float, float, float, float, str]

LINE_TOLERANCE = 0.5  # × font size: baseline difference still on the same line
SPACE_GAP = 0.15  # × font size: horizontal gap that means a word break
TAB_GAP = 1.0  # × font size: gap that means a tab stop (bullet/number followed by text)
COLUMN_GAP = 4.0  # × font size: gap that separates side-by-side columns (cover tables)
DEDUPE_TOLERANCE = 1.0  # points
ZONE = 0.10  # fraction of page height for running heads (top) and feet (bottom)
ZONE_POSITION_TOLERANCE = 0.5  # × font size: "the same place" on different pages
MOST_PAGES = 0.5  # share of the pages after the first that a running head must repeat on
PARAGRAPH_GAP = 1.4  # × typical line spacing
HEADING_MAX_CHARS = 200

_BOLD = re.compile(r"bold|black|heavy", re.IGNORECASE)
_SENTENCE_END = tuple(".:;?!\"”")
# "- 2 -", "– 2 –", "2", "1/4", "- 1/9 -", "Page 2 of 9", "Page 2", "p. 2"
_PAGE_NUMBER = re.compile(
    r"^(?:page|p\.|pág\.?|página)?\s*[-–—]?\s*\d{1,4}\s*(?:(?:/|of|de|sur)\s*\d{1,4})?\s*[-–—]?$",
    re.IGNORECASE,
)
# "2 C17/51-E", "2C17/51-E", "CWG-Internet-12/10-E 2": a page number glued to a document symbol
_SYMBOL = r"[A-Z][A-Za-z0-9.\-]*\d+/[A-Za-z0-9()\-]*[A-Z0-9)]"
_PAGE_AND_SYMBOL = re.compile(rf"^(?:\d{{1,4}}\s*{_SYMBOL}|{_SYMBOL}\s+\d{{1,4}})$")
# A running head that is only the document symbol ("CWG-Internet-12/10-E"), and the ITU
# file-path footer ("P:\\ENG\\SG\\CONSEIL\\…\\010E.docx (451234)"): furniture even when the
# document is too short for them to repeat.
_SYMBOL_ONLY = re.compile(rf"^(?:Document\s+)?{_SYMBOL}$")
_PATH_STAMP = re.compile(r"^(?:[A-Z]:)?\\.*\\|\.(?:docx?|pdf)\s*\(\d+\)\s*$|^\S+\.(?:docx?|pdf)\s*$", re.IGNORECASE)
_SECTION_NUMBER_ONLY = re.compile(r"^\d{1,2}(?:\.\s?\d{1,2})*\.?$")
_DIGITS = re.compile(r"\d+")
_WORD = re.compile(r"[^\W\d_]+")
_COMPOUND = re.compile(r"(?<![\w-])[^\W\d_]+-[^\W\d_]+")
# Hyphenated at a line end but written with the hyphen: keep it even when both parts are lowercase.
KEEP_HYPHEN_PREFIXES = frozenset({"self", "non", "cross", "well", "follow", "ex", "co", "anti", "multi"})


@dataclass(slots=True)
class Line:
    """One text line on one page, in top-down PDF points (like pdfplumber)."""

    text: str
    x0: float
    x1: float
    top: float
    bottom: float
    page: int  # 1-based
    page_width: float
    page_height: float
    size: float  # dominant font size
    bold: bool
    fontname: str | None = None

    @property
    def baseline(self) -> float:
        return self.bottom - 0.2 * self.size


@dataclass(slots=True)
class PageLines:
    """The lines of one page; kept even when empty so page numbers and sizes stay known."""

    number: int
    width: float
    height: float
    lines: list[Line] = field(default_factory=list)


@dataclass(slots=True)
class Layout:
    blocks: list[Block]
    headers_footers: list[str]
    furniture_lines: int = 0  # lines removed as running heads, feet and page numbers


def is_bold_font(fontname: str | None) -> bool:
    if not fontname:
        return False
    bold = _BOLD_FONTS.get(fontname)
    if bold is None:  # a document uses a handful of fonts: remember the answer per name
        bold = _BOLD_FONTS[fontname] = _BOLD.search(fontname) is not None
    return bold


_BOLD_FONTS: dict[str, bool] = {}


def build_lines(chars: Iterable[Char], page: int, width: float, height: float) -> list[Line]:
    """Group one page's characters into lines in a single sort-and-sweep pass.

    Whitespace glyphs are kept only as word-break markers: engines differ on whether they
    synthesise spaces, so spaces are re-derived from gaps the same way for every engine.
    """
    items = sorted(chars, key=_BASELINE)
    clusters: list[list[Char]] = []
    ref_base = ref_size = 0.0
    current: list[Char] | None = None
    for c in items:
        base, size = c[3], c[4]
        if not size > 0:
            size = 1.0
        if current is not None and base - ref_base <= LINE_TOLERANCE * (size if size > ref_size else ref_size):
            current.append(c)
            if size > ref_size and not c[0].isspace():
                ref_base, ref_size = base, size
        else:
            current = [c]
            clusters.append(current)
            ref_base, ref_size = base, size
    segments: list[list[Char]] = []
    column_starts: list[float] = []  # where a wide gap starts a right-hand column on this page
    for cluster in clusters:
        if len(cluster) == 1:  # most lines once an engine hands over whole words and runs
            segments.append(cluster)
            continue
        cluster.sort(key=_X0)
        parts = _split_columns(cluster)
        column_starts.extend(_first_x0(part) for part in parts[1:])
        segments.extend(parts)
    if column_starts:
        # A table cell's lines all start at the cell's edge; where a shorter gap (a tab stop's
        # worth) falls exactly at such an edge, the text after it is the next cell too — the
        # long left cell of a cover table ("… Internet-related Public" + "September 2019").
        segments = [part for seg in segments for part in _split_columns(seg, TAB_GAP, column_starts)]
    lines = [line for segment in segments if (line := _cluster_to_line(segment, page, width, height)) is not None]
    lines.sort(key=_line_order)
    return lines


def _first_x0(segment: list[Char]) -> float:
    return next((c[1] for c in segment if not c[0].isspace()), segment[0][1])


_BASELINE = itemgetter(3)


_X0 = itemgetter(1)
ALIGN_TOLERANCE = 1.5  # points: "the same left edge" for the starts of a table cell's lines


def _line_order(ln: Line) -> tuple[float, float]:
    return (ln.baseline, ln.x0)


def _is_label_only(text: str) -> bool:
    label, rest = split_label(text + "\tx")
    return label is not None and rest == "x"


def _split_columns(
    cluster: list[Char], gap_em: float = COLUMN_GAP, edges: Sequence[float] | None = None
) -> list[list[Char]]:
    """Split an x-sorted baseline cluster where a gap > ``gap_em`` em separates side-by-side text
    (and, with ``edges``, only where the text after the gap starts at one of those x positions).

    Cover blocks are two-column tables; without this their columns interleave word by word.
    A gap after a bare label ("4.1.1", "•") is a tab stop, not a column, so it never splits.
    Most clusters have no such gap and come back as the same list, uncopied.
    """
    starts: list[int] = []
    start = 0
    right = None
    for i, (text, x0, x1, _base, size, _font) in enumerate(cluster):
        if text.isspace():
            continue
        if (
            right is not None
            and x0 - right > gap_em * (1.0 if size < 1.0 else size)
            and (edges is None or any(abs(x0 - e) <= ALIGN_TOLERANCE for e in edges))
        ):
            seg_text = "".join(x[0] for x in cluster[start:i] if not x[0].isspace()).replace(" ", "")
            if not _is_label_only(seg_text):
                # Whitespace between the columns stays with the left one, as it was read.
                starts.append(i)
                start = i
        if right is None or x1 > right:
            right = x1
    if not starts:
        return [cluster]
    bounds = [0, *starts, len(cluster)]
    return [cluster[a:b] for a, b in zip(bounds, bounds[1:], strict=False)]


def _cluster_to_line(cluster: list[Char], page: int, width: float, height: float) -> Line | None:
    """One x-sorted segment → a Line: the text with the spaces its gaps call for, the size and
    font of most letters (a tie goes to the one seen first), the letters' average baseline.

    The loop every item of the PDF reader goes through: letters are counted per run of one size
    and per run of one font, rather than one dictionary update per item.
    """
    parts: list[str] = []
    append = parts.append
    sizes: dict[float, int] = {}
    fonts: dict[str, int] = {}
    bold = True
    prev_text: str | None = None
    prev_x0 = prev_x1 = prev_base = 0.0
    pending_space = False
    x0 = x1 = 0.0
    base_sum = 0.0
    n = 0
    size = last_raw_size = -1.0
    last_font: str | None = None
    run_size, run_font = 0.0, ""  # the current runs of equal size / font and their lengths
    run_size_len = run_font_len = 0
    for text, cx0, cx1, base, raw_size, font in cluster:
        if not text or text.isspace():
            pending_space = prev_text is not None
            continue
        if (
            prev_text is not None
            and text == prev_text
            and abs(cx0 - prev_x0) <= DEDUPE_TOLERANCE
            and abs(base - prev_base) <= DEDUPE_TOLERANCE
        ):
            continue  # the same glyph drawn twice (fake bold, shadow)
        if raw_size != last_raw_size:
            size = round(raw_size, 1)
        last_raw_size = raw_size
        if prev_text is None:
            x0 = cx0
            run_size, run_font = size, font  # (a NaN size flushes a 0 count onto itself)
        else:
            gap = cx0 - prev_x1
            em = 1.0 if size < 1.0 else size
            if gap > TAB_GAP * em:
                append("\t")
            elif pending_space or gap > SPACE_GAP * em:
                append(" ")
        append(text)
        pending_space = False
        k = len(text) - text.count(" ")  # letters: an engine may hand over words joined by spaces
        if size == run_size:
            run_size_len += k
        else:
            sizes[run_size] = sizes.get(run_size, 0) + run_size_len
            run_size, run_size_len = size, k
        if font == run_font:
            run_font_len += k
        else:
            fonts[run_font] = fonts.get(run_font, 0) + run_font_len
            run_font, run_font_len = font, k
        if bold and font != last_font:
            bold = is_bold_font(font)
            last_font = font
        if cx1 > x1:
            x1 = cx1
        base_sum += base * k
        n += k
        prev_text, prev_x0, prev_x1, prev_base = text, cx0, cx1, base
    if n == 0:
        return None
    # Most lines have one size and one font: then the current run is the dominant one.
    if sizes:
        sizes[run_size] = sizes.get(run_size, 0) + run_size_len
        size = max(sizes.items(), key=_COUNT)[0]
    else:
        size = run_size
    if fonts:
        fonts[run_font] = fonts.get(run_font, 0) + run_font_len
        fontname = max(fonts.items(), key=_COUNT)[0]
    else:
        fontname = run_font
    return _line("".join(parts), x0, x1, base_sum / n, size, bold, fontname, page, width, height)


_COUNT = itemgetter(1)


def _line(
    text: str, x0: float, x1: float, baseline: float, size: float, bold: bool, fontname: str | None,
    page: int, width: float, height: float,
) -> Line:
    """The Line of a text run: box edges rounded, top and bottom derived from the baseline."""
    top, bottom = round(baseline - 0.8 * size, 2), round(baseline + 0.2 * size, 2)
    return Line(text, round(x0, 2), round(x1, 2), top, bottom, page, width, height, size, bold, fontname)


# --- running heads and feet -------------------------------------------------------------


def is_page_number(text: str) -> bool:
    return _is_page_number_clean(clean_text(text))


def _is_page_number_clean(s: str) -> bool:
    return bool(_PAGE_NUMBER.match(s) or _PAGE_AND_SYMBOL.match(s))


def _is_furniture_shaped(s: str, zone: str, page: int) -> bool:
    """Heads and feet recognised by their form alone (short documents have no repeats); ``s``
    is the line's clean text.

    A symbol-only line counts from page 2 on: on page 1 the symbol is part of the cover."""
    if zone == "bottom" and _PATH_STAMP.search(s):
        return True
    return zone == "top" and page >= 2 and bool(_SYMBOL_ONLY.match(s))


def _zone(line: Line) -> str | None:
    h = line.page_height or 1.0
    if line.top < ZONE * h:
        return "top"
    if line.bottom > (1 - ZONE) * h:
        return "bottom"
    return None


def _zone_position(line: Line, zone: str) -> float:
    """Points from the zone's own edge: a head from the top, a foot from the bottom. Word and
    LibreOffice place them at a fixed distance from that edge, so a footer is at the same place
    on a portrait and on a landscape page although its distance from the top differs."""
    return line.top if zone == "top" else line.page_height - line.bottom


def _never_furniture(s: str) -> bool:
    """A numbered heading ("5 Any other business") or a sentence is body text, however often it
    repeats: a long record repeats its headings and stock sentences ("Some Member States
    supported the contribution.") and some copies land at the top or bottom of a page."""
    label, rest = split_label(s)
    if label is not None and label.kind is LabelKind.NUMBER and rest and rest != s:
        return True
    return s.endswith(_SENTENCE_END) and len(s.split()) >= 4


def strip_furniture(pages: Sequence[PageLines]) -> tuple[list[PageLines], list[str], int]:
    """Remove running heads/feet; return the body pages, the furniture texts seen, and how many
    lines were removed.

    A line counts as furniture when it sits in the top/bottom zone and either is a bare page
    number, has the form of an ITU head or foot (:func:`_is_furniture_shaped`), or its
    digit-normalised text recurs in the same zone at the same distance from the edge on most
    pages: at least half of the pages after the first, and at least two. Counting over all pages
    is what lets a first page that only has the footer lose it too; requiring most pages, and
    never taking a numbered heading or a sentence, is what keeps the body of a long record
    whose text repeats (once, a 93-page record lost 110 paragraphs to "at least two pages").
    Pages are counted, not lines: a table row repeating a word on one page is one page.
    """
    # Per page: index of each line in a zone → (zone, clean text, furniture key, position).
    zoned: list[dict[int, tuple[str, str, str, float]]] = []
    seen: dict[tuple[str, str], list[tuple[int, float]]] = {}
    for n, p in enumerate(pages):
        info: dict[int, tuple[str, str, str, float]] = {}
        for k, ln in enumerate(p.lines):
            z = _zone(ln)
            if z is not None:
                text = clean_text(ln.text)
                # "- 2 -" and "- 3 -" are the same running head
                info[k] = (z, text, _DIGITS.sub("#", text), round(_zone_position(ln, z), 2))
        for z, _text, key, pos in info.values():
            seen.setdefault((z, key), []).append((n, pos))
        zoned.append(info)
    needed = max(2, math.ceil(MOST_PAGES * (len(pages) - 1)))
    verdicts: dict[tuple[str, str, float, float], bool] = {}

    def repeats(zone: str, key: str, pos: float, size: float) -> bool:
        verdict = verdicts.get((zone, key, pos, size))
        if verdict is None:
            tolerance = ZONE_POSITION_TOLERANCE * max(size, 1.0)
            on_pages = {n for n, q in seen[(zone, key)] if abs(q - pos) <= tolerance}  # pages, not lines
            verdict = verdicts[(zone, key, pos, size)] = len(on_pages) >= needed
        return verdict

    recorded: dict[str, str] = {}
    removed = 0
    out: list[PageLines] = []
    for p, info in zip(pages, zoned, strict=True):
        body: list[Line] = []
        for k, ln in enumerate(p.lines):
            zone_info = info.get(k)
            if zone_info is not None:
                z, text, key, pos = zone_info
                if (
                    _is_page_number_clean(text)
                    or _is_furniture_shaped(text, z, p.number)
                    or (len(seen[(z, key)]) >= needed and not _never_furniture(text) and repeats(z, key, pos, ln.size))
                ):
                    recorded.setdefault(key, text)
                    removed += 1
                    continue
            body.append(ln)
        out.append(PageLines(p.number, p.width, p.height, body))
    return out, list(recorded.values()), removed


# --- paragraphs ---------------------------------------------------------------------------


def join_text(
    left: str, right: str, hyphenated: frozenset[str] = frozenset(), *, dehyphenate: bool = True
) -> str:
    """Join two wrapped line fragments, undoing end-of-line hyphenation conservatively.

    The hyphen is dropped only when it is the last character, follows a lowercase letter,
    the next fragment starts lowercase, and the whole fragment before it is a lowercase word
    of ≥ 2 letters that is not a usual compound prefix ("self-", "non-"…). So "inter-" +
    "national" → "international" but "Internet-" + "related", "ITU-" + "T", "e-" + "mail"
    keep their hyphen. ``hyphenated`` holds lowercase compounds the document writes with a
    hyphen mid-line ("data-centric"); those keep it too. A soft hyphen (U+00AD) at the end is
    always a word break. ``dehyphenate=False`` keeps every visible hyphen (documents that were
    not auto-hyphenated, see :func:`auto_hyphenated`).
    """
    if not left:
        return right
    if not right:
        return left
    if left.endswith("\u00ad"):
        return left[:-1] + right.lstrip()
    if left.endswith("-") and len(left) >= 2 and left[-2].isalnum():
        right = right.lstrip()
        fragment = re.split(r"[\s\-–/]", left[:-1])[-1]
        if (
            dehyphenate
            and left[-2].islower()
            and right[:1].islower()
            and len(fragment) >= 2
            and fragment.isalpha()
            and fragment.islower()
            and fragment not in KEEP_HYPHEN_PREFIXES
            and f"{fragment}-{_first_word(right)}" not in hyphenated
        ):
            return left[:-1] + right
        return left + right
    return left.rstrip() + " " + right.lstrip()


def _first_word(text: str) -> str:
    m = _WORD.match(text)
    return m.group(0).lower() if m else ""


def hyphenated_words(pages: Sequence[PageLines]) -> frozenset[str]:
    """Lowercase hyphenated compounds written inside lines, as evidence for line-end hyphens."""
    return frozenset(
        m.group(0).lower()
        for p in pages
        for ln in p.lines
        for m in _COMPOUND.finditer(ln.text)
    )


def auto_hyphenated(pages: Sequence[PageLines]) -> bool:
    """Did the producer hyphenate words at line ends?

    Word and LibreOffice records are normally not auto-hyphenated, so a line-end hyphen there
    is part of the word ("data-" + "centric"). Hyphenating typesetters break many words per
    page; so undo lowercase–lowercase breaks only when there is at least one per two pages.
    """
    breaks = 0
    for p in pages:
        for a, b in zip(p.lines, p.lines[1:], strict=False):
            t = a.text.rstrip()
            if len(t) >= 3 and t[-1] == "-" and b.text.lstrip()[:1].islower():
                fragment = re.split(r"[\s\-–/]", t[:-1])[-1]
                breaks += fragment.isalpha() and fragment.islower() and len(fragment) >= 2
    return breaks >= 0.5 * max(len(pages), 1)


def _is_section_number_only(text: str) -> bool:
    return _SECTION_NUMBER_ONLY.match(clean_text(text)) is not None


def _starts_with_label(text: str) -> bool:
    """A label that can start a block mid-page. Bare integers ("12 September") only count
    when written with a dot or followed by a tab stop, since wrapped lines often start with one."""
    label, _rest = split_label(text)
    return label is not None and _label_starts_block(text, label)


def _label_starts_block(text: str, label: Label) -> bool:
    if label.kind is LabelKind.NUMBER:
        after = text.lstrip()[len(label.raw):]
        return "." in label.raw or after.startswith("\t")
    return True


def typical_spacing(pages: Sequence[PageLines]) -> float:
    """Typical baseline step between consecutive lines of a paragraph, in ems.

    The lower quartile rather than the median: records with many one-line paragraphs have
    more paragraph gaps than line steps, which would pull the median up to the gap itself.
    Single spacing (1.2) when no two lines follow each other within three ems.
    """
    steps: list[float] = []
    append = steps.append
    for p in pages:
        lines = p.lines
        for k in range(1, len(lines)):
            a, b = lines[k - 1], lines[k]
            step = b.baseline - a.baseline
            em = max(a.size, b.size, 1.0)
            if 0 < step <= 3 * em:
                append(step / em)
    if not steps:
        return SINGLE_SPACING
    # In hundredths of an em, so that equal spacings compare equal. A document repeats a few
    # steps all along: each distinct one is rounded once (rounding to digits is slow).
    hundredths = {r: round(r, 2) for r in set(steps)}
    ratios = sorted(hundredths[r] for r in steps)
    quartile = ratios[len(ratios) // 4]
    # In a short document most steps are paragraph gaps; the few wrapped paragraphs still show
    # the line step, smaller and repeated: take it when it is there.
    seen: set[float] = set()
    for r in ratios:
        if r >= MIN_LINE_STEP and r in seen:
            quartile = min(quartile, r)
            break
        seen.add(r)
    if quartile > SINGLE_SPACING and _few_full_lines(pages):
        # Nearly every paragraph is one line (a short contribution, a note, a consultation
        # page): the steps measured are paragraph gaps, not line steps, and taking them for line
        # steps would run the whole cover into one paragraph. Assume single spacing.
        return SINGLE_SPACING
    return quartile


SINGLE_SPACING = 1.2  # baseline step of single-spaced text, in ems
MIN_LINE_STEP = 0.9  # a smaller step is a superscript or an overlap, not a line step
FULL_LINES = 0.15  # share of lines reaching the right edge below which paragraphs do not wrap


def _few_full_lines(pages: Sequence[PageLines]) -> bool:
    """Whether almost no line reaches its page's right edge (within 15 % of the text width; two
    lines, the longest, always do): lines wrap only there, so the text has almost no paragraph
    of more than one line."""
    full = total = 0
    for p in pages:
        if not p.lines:
            continue
        left = min(ln.x0 for ln in p.lines)
        right = max(ln.x1 for ln in p.lines)
        near = right - 0.15 * (right - left)
        total += len(p.lines)
        full += sum(1 for ln in p.lines if ln.x1 >= near)
    return total > 0 and full < max(3, FULL_LINES * total)


@dataclass(slots=True)
class _Draft:
    lines: list[Line]
    text: str


def _breaks(prev: Line, line: Line, spacing: float, right_edge: float) -> bool:
    em = max(prev.size, line.size, 1.0)
    step = line.baseline - prev.baseline
    if step > PARAGRAPH_GAP * spacing * em or step < -0.5 * em:
        return True
    if abs(prev.size - line.size) > 0.5 or prev.bold != line.bold:
        return True
    label, _rest = split_label(line.text)
    if label is not None and _label_starts_block(line.text, label):
        return True
    if label is not None and label.kind is LabelKind.NUMBER:
        # "1 Adoption of the agenda" with a plain space: a heading when the line before stopped
        # although the number and the word after it would have fitted there (a wrapped line
        # that starts with a number follows a full line).
        lead = " ".join(line.text.split(maxsplit=2)[:2])
        if prev.x1 + (len(lead) + 1) * 0.5 * line.size < right_edge:
            return True
    # A line that ended a sentence although the next word would have fitted after it.
    if not prev.text.rstrip().endswith(_SENTENCE_END):
        return False
    first_word = line.text.split(maxsplit=1)[0] if line.text.strip() else ""
    return prev.x1 + (len(first_word) + 1) * 0.5 * line.size < right_edge


def _open_draft(drafts: list[_Draft], line: Line) -> _Draft | None:
    """The block ``line`` may continue: the latest one whose last line is above it and
    overlaps it horizontally, so side-by-side columns each keep their own block."""
    for d in reversed(drafts[-4:]):
        last = d.lines[-1]
        overlaps = last.x0 < line.x1 and line.x0 < last.x1
        above = last.baseline < line.baseline - 0.5 * line.size
        if above and overlaps:
            return d
        if overlaps:  # on the same line and overlapping: odd layout, treat as the same block
            return d if d is drafts[-1] else None
        # beside it (another column): look further back
    return None


def paragraphs(
    page: PageLines, spacing: float, hyphenated: frozenset[str] = frozenset(), dehyphenate: bool = True
) -> list[_Draft]:
    drafts: list[_Draft] = []
    if not page.lines:
        return drafts
    right_edge = max(ln.x1 for ln in page.lines)
    for line in page.lines:
        d = _open_draft(drafts, line)
        if d is not None:
            prev = d.lines[-1]
            if len(d.lines) == 1 and _is_section_number_only(d.text):
                d.lines.append(line)
                d.text = d.text.rstrip() + "\t" + line.text.lstrip()
                continue
            if not _breaks(prev, line, spacing, right_edge):
                d.lines.append(line)
                d.text = join_text(d.text, line.text, hyphenated, dehyphenate=dehyphenate)
                continue
        drafts.append(_Draft([line], line.text))
    return drafts


def _continues(prev: _Draft, nxt: _Draft) -> bool:
    """Is ``nxt`` (first block of a page) the rest of ``prev`` (last block of the page before)?"""
    a, b = prev.lines[-1], nxt.lines[0]
    if prev.text.rstrip().endswith(_SENTENCE_END):
        return False
    if abs(a.size - b.size) > 0.5 or a.bold != b.bold:
        return False
    return not (_starts_with_label(nxt.text) or _is_section_number_only(prev.text))


# --- blocks -------------------------------------------------------------------------------


def _dominant_size(lines: Sequence[Line]) -> float:
    """The size of most letters; a tie goes to the size seen first."""
    if len(lines) == 1:
        return lines[0].size
    sizes: dict[float, int] = {}
    for ln in lines:
        sizes[ln.size] = sizes.get(ln.size, 0) + len(ln.text)
    return max(sizes.items(), key=_COUNT)[0]


def layout(pages: Sequence[PageLines], file: str) -> Layout:
    """Turn engine pages into blocks and the list of removed running heads/feet."""
    body, furniture, removed = strip_furniture(pages)
    spacing = typical_spacing(body)
    dehyphenate = auto_hyphenated(body)
    # The compounds written with a hyphen only matter where line-end hyphens are undone.
    hyphenated = hyphenated_words(body) if dehyphenate else frozenset()
    drafts: list[_Draft] = []
    for page in body:
        page_drafts = paragraphs(page, spacing, hyphenated, dehyphenate)
        if drafts and page_drafts and drafts[-1].lines[0].page != page.number \
                and _continues(drafts[-1], page_drafts[0]):
            first = page_drafts.pop(0)
            drafts[-1].lines.extend(first.lines)
            drafts[-1].text = join_text(drafts[-1].text, first.text, hyphenated, dehyphenate=dehyphenate)
        drafts.extend(page_drafts)

    body_sizes: dict[float, int] = {}
    for d in drafts:
        for ln in d.lines:
            body_sizes[ln.size] = body_sizes.get(ln.size, 0) + len(ln.text)
    # the size of most letters; a tie goes to the size seen first (as Counter.most_common)
    body_size = max(body_sizes.items(), key=_COUNT)[0] if body_sizes else 0.0

    blocks: list[Block] = []
    for d in drafts:
        kind = BlockKind.PARAGRAPH
        label_raw: str | None = None
        text = d.text
        label, rest = split_label(text)
        if label is not None and label.kind is not LabelKind.NUMBER:
            kind = BlockKind.LIST_ITEM
            label_raw = label.raw
            text = rest
        text = clean_text(text)
        if not text and label_raw is None:
            continue
        bold = all(ln.bold for ln in d.lines)
        size = _dominant_size(d.lines)
        if kind is BlockKind.PARAGRAPH and (bold or size > body_size + 0.5) and len(text) < HEADING_MAX_CHARS:
            kind = BlockKind.HEADING
        first = d.lines[0]
        first_page = first.page
        x0, top, x1, bottom = first.x0, first.top, first.x1, first.bottom
        for ln in d.lines:
            if ln.page != first_page:
                continue
            x0 = ln.x0 if ln.x0 < x0 else x0
            top = ln.top if ln.top < top else top
            x1 = ln.x1 if ln.x1 > x1 else x1
            bottom = ln.bottom if ln.bottom > bottom else bottom
        bbox = (round(x0, 2), round(top, 2), round(x1, 2), round(bottom, 2))
        blocks.append(
            Block(
                text=text,
                provenance=Provenance(file=file, page=first_page, index=len(blocks), bbox=bbox),
                kind=kind,
                label=label_raw,
                bold=bold,
                font_size=size,
            )
        )
    return Layout(blocks, furniture, removed)
