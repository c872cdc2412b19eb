"""pypdfium2 engine: same characters as the pdfplumber engine, several times faster.

The cost of this engine is the number of ctypes calls and of Python steps, so it asks pdfium
about *words*, not characters. pdfium's own text (one ``FPDFText_GetText`` call per page)
already holds a space wherever glyphs are apart, generated or real; a run of text between two
such breaks is a word whose characters touch, so the layout stage only needs its first
character's left edge, its last character's right edge, and the baseline, font and size its
text object gives all of its characters: two box and two object calls per word instead of two
calls per character, through argument-less prototypes (pypdfium2's own bindings convert every
argument and cost several times more per call). The words of one style that an ordinary space
separates leave as one item, exactly as the layout stage would have joined them; a real space
becomes a marker only where the next word shows it could matter.

A word is read character by character — the reference reading — whenever the shortcut could
change the result: its ends lie in text objects with another font, size or baseline, its object
is rotated or has no baseline of its own, its letters are spaced apart (measured once per text
object: letter-spacing is one value per object), or its box is reversed, taller than a line or
wider than its letters could be. ``exact=True`` reads every word that way; a test checks both
modes give the same lines on every PDF fixture.
"""

from __future__ import annotations

import ctypes
import functools
import math
import re
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from cwgtool.readers.pdf_layout import SPACE_GAP, TAB_GAP, Char, PageLines, build_lines

_HYPHEN_MARKERS = {"\x02": "-", "\ufffe": "-"}  # pdfium's marks for a line-end hyphen
_MAYBE_GENERATED = frozenset(" \x02\ufffe")  # what pdfium may insert on its own
_BREAKS = frozenset(" \t\n\r\x0b\x0c\x1c\x1d\x1e\x1f\x85\xa0\u1680\u2000\u2001\u2002\u2003\u2004"
                    "\u2005\u2006\u2007\u2008\u2009\u200a\u2028\u2029\u202f\u205f\u3000\x02\ufffe")
# A word (no whitespace, no hyphen marker) with the one space before it if any, or one
# whitespace / marker character.
_WORD_OR_BREAK = re.compile(r" ?[^\s\x02\ufffe]+|[\s\x02\ufffe]")
# A word wider than this many ems per letter has a gap pdfium did not mark: read it per char.
_MAX_EM_PER_LETTER = 1.2


def _bare(func: object, restype: type | None) -> Callable[..., Any]:
    """The same C function without argtypes: only ints and prebuilt pointers are passed, so
    ctypes' per-call argument conversion (most of the cost of a call) is skipped. The GIL is
    kept through the call (PYFUNCTYPE): these calls are short and pdfium is not thread-safe, so
    releasing and re-taking it around each of them would only cost time."""
    return ctypes.PYFUNCTYPE(restype)(ctypes.cast(func, ctypes.c_void_p).value)


@dataclass(frozen=True, slots=True)
class _TextFunctions:
    """pdfium's per-character text functions as bare prototypes."""

    raw: Any  # pypdfium2.raw, for the rare calls that go through its own bindings
    get_text_object: Callable[..., Any]
    get_loose_box: Callable[..., Any]
    get_font_size: Callable[..., Any]
    get_matrix: Callable[..., Any]
    get_font_info: Callable[..., Any]
    get_origin: Callable[..., Any]
    is_generated: Callable[..., Any]


@functools.cache
def _text_functions() -> _TextFunctions:
    """Built once per process, on the first PDF read (importing pypdfium2 costs start-up time
    that other formats should not pay)."""
    import pypdfium2.raw as raw

    return _TextFunctions(
        raw=raw,
        get_text_object=_bare(raw.FPDFText_GetTextObject, ctypes.c_size_t),
        get_loose_box=_bare(raw.FPDFText_GetLooseCharBox, ctypes.c_int),
        get_font_size=_bare(raw.FPDFText_GetFontSize, ctypes.c_double),
        get_matrix=_bare(raw.FPDFText_GetMatrix, ctypes.c_int),
        get_font_info=_bare(raw.FPDFText_GetFontInfo, ctypes.c_ulong),
        get_origin=_bare(raw.FPDFText_GetCharOrigin, ctypes.c_int),
        is_generated=_bare(raw.FPDFText_IsGenerated, ctypes.c_int),
    )


def _origin_is_shared(matrix_b: float) -> bool:
    """Do all characters of one text object share the origin's y (the baseline)?

    pdfium places character k of a horizontal text object at ``matrix × (advance_k, 0)``, so
    its y is ``b·advance_k + f``: exactly ``f`` for every character when ``b`` is 0 (no
    rotation). Vertical CID writing moves y instead; there the loose box's top moves with it,
    which the caller checks too before reusing a baseline.
    """
    return matrix_b == 0.0


@functools.lru_cache(maxsize=64)
def _distances(size: float) -> tuple[float, float, float, float, float]:
    """What a text object's words are measured against, from its font size: half an em, the
    gap between letters that means letter-spacing, the widest a letter may be, and the layout
    stage's word and tab gaps (measured in the size rounded to 0.1 pt, as the layout does).
    Remembered per size: a document has a few sizes and many text objects, and rounding a
    float to one decimal is slow."""
    em = size if size > 1.0 else 1.0
    lay_em = round(size, 1)
    lay_em = 1.0 if lay_em < 1.0 else lay_em
    return 0.5 * em, SPACE_GAP * em, _MAX_EM_PER_LETTER * em, SPACE_GAP * lay_em, TAB_GAP * lay_em


# A text object's (size, font, baseline shared by its characters or None, top of the loose box
# of the character it was first read at — the caller has just read that box).
_Style = tuple[float, str, float | None, float]


class _TextPageReader:
    """The C functions and the out-parameters they fill, reused from one text page to the next."""

    def __init__(self) -> None:
        self.c = _text_functions()
        raw = self.c.raw
        self.rect = raw.FS_RECTF()
        self.rect_ref = ctypes.byref(self.rect)
        self.box = memoryview(self.rect).cast("B").cast("f")  # left, top, right, bottom
        self.matrix = raw.FS_MATRIX()
        self.matrix_ref = ctypes.byref(self.matrix)
        self.oy = ctypes.c_double()
        self.ox_ref, self.oy_ref = ctypes.byref(ctypes.c_double()), ctypes.byref(self.oy)
        self.namebuf = ctypes.create_string_buffer(256)
        self.namebuf_len = ctypes.c_ulong(len(self.namebuf))  # unsigned long: passed typed
        self.flags_ref = ctypes.byref(ctypes.c_int())

    def _object_style(self, tp: ctypes.c_void_p, i: int, obj: int, top: float) -> _Style:
        """The style of the text object holding character ``i``, read at that character.

        Nominal size × the text matrix's vertical scale = the size pdfminer reports (PDFs often
        set "Tf 1" and scale with Tm). The baseline is shared only by unrotated objects.
        """
        size = self.c.get_font_size(tp, i)
        shared = False
        if self.c.get_matrix(tp, i, self.matrix_ref):
            size *= math.hypot(self.matrix.c, self.matrix.d)
            shared = obj != 0 and _origin_is_shared(self.matrix.b)
        self.namebuf.value = b""
        self.c.get_font_info(tp, i, self.namebuf, self.namebuf_len, self.flags_ref)
        font = self.namebuf.value.decode("utf-8", "replace")
        base = None
        if shared:
            self.c.get_origin(tp, i, self.ox_ref, self.oy_ref)
            base = top - self.oy.value
        return size, font, base, self.box[1]

    def page_chars(self, textpage: Any, left: float, top: float, *, exact: bool = False) -> list[Char]:
        """One page's characters (whole words where safe) in pdfium's reading order."""
        tp = ctypes.c_void_p(ctypes.cast(textpage.raw, ctypes.c_void_p).value)
        n = textpage.count_chars()
        text = textpage.get_text_range() if n else ""
        if len(text) != n:  # surrogate pairs or a short read: one code point per char
            text = "".join(chr(self.c.raw.FPDFText_GetUnicode(textpage.raw, i)) for i in range(n))
        if exact:
            return self._exact_chars(tp, text, left, top)
        get_text_object, get_loose_box, box = self.c.get_text_object, self.c.get_loose_box, self.box
        rect_ref, is_generated = self.rect_ref, self.c.is_generated
        styles: dict[int, _Style] = {}  # text object → its style
        chars: list[Char] = []
        append = chars.append
        slow = False  # was the last word read character by character?
        # The current text object's style, unpacked: consecutive words mostly share an object.
        cur_obj = -1
        size = half_em = letter_gap = max_width = space_gap = tab_gap = 0.0
        gapped: bool | None = None  # the current object's letter-spacing, once measured
        font = ""
        obj_base: float | None = None
        obj_top = 0.0
        spaced: dict[int, bool] = {}  # text object → are its letters spaced apart (Tc)?
        joinable = False  # may the next word join the last item (a word read whole)?
        loose = False  # a real whitespace character after the last item, not yet placed
        # The matches tile the text (every character is a break or part of a word), so each
        # one starts where the last ended: plain strings instead of match objects.
        end = 0
        for word in _WORD_OR_BREAK.findall(text):  # a word, maybe after one space; or a break
            i = end
            end += len(word)
            if end - i == 1 and word in _BREAKS:
                if word in "\r\n" or (word in _MAYBE_GENERATED and is_generated(tp, i)):
                    continue  # pdfium's line breaks, guessed spaces and hyphens: gaps decide
                if word in _HYPHEN_MARKERS:
                    if loose:
                        self._place_space(chars)
                    self._chars(tp, text, i, i, left, top, styles, chars)  # a real hyphen
                    slow, joinable, loose = True, False, False
                elif chars and not slow:
                    # A real space is only a word-break marker, placed after the word before it
                    # (read normally, so it runs left to right) once the next word shows it
                    # matters; its own box is not needed.
                    loose = True
                elif chars:
                    self._chars(tp, text, i, i, left, top, styles, chars)
                continue
            space = -1  # a space just before the word: decided once the word is read
            if word[0] == " ":
                space = i
                i += 1
                if slow:  # after a word read letter by letter, read the space like that too
                    if not is_generated(tp, space):
                        self._chars(tp, text, space, space, left, top, styles, chars)
                    space, word = -1, word[1:]
            j = end - 1
            slow = False
            obj = get_text_object(tp, i)
            get_loose_box(tp, i, rect_ref)
            x0, box_top, x1, _ = box.tolist()
            if obj != cur_obj:
                style = styles.get(obj)
                if style is None:
                    style = styles[obj] = self._object_style(tp, i, obj, top)
                cur_obj = obj
                size, font, obj_base, obj_top = style
                half_em, letter_gap, max_width, space_gap, tab_gap = _distances(size)
                gapped = spaced.get(obj)
            base = obj_base
            # (each test compares for equality first: within one object the loose tops agree)
            if box_top != obj_top and abs(box_top - obj_top) > half_em:
                base = None  # vertical writing: the baseline moves within the object
            elif j != i and base is not None:
                # Letter-spacing (Tc) is one value per text object: measured at the first gap
                # between letters of the object's first word, it holds for all its words.
                if gapped is None:
                    get_loose_box(tp, i + 1, rect_ref)
                    gapped = spaced[obj] = box[0] - x1 > letter_gap
                if gapped:
                    base = None  # a gap after every letter that pdfium does not mark
                get_loose_box(tp, j, rect_ref)
                top_j, x1 = box[1], box[2]
                w_last = get_text_object(tp, j)  # the text object of the word's last character
                if w_last != obj:
                    last = styles.get(w_last)
                    if last is None:
                        last = styles[w_last] = self._object_style(tp, j, w_last, top)
                    if last[0] != size or last[1] != font or last[2] != base:
                        base = None  # the word changes font, size or baseline
                if x1 < x0 or (top_j != box_top and abs(top_j - box_top) > half_em) or x1 - x0 > max_width * (end - i):
                    base = None  # reversed, stacked, or spread: gaps pdfium did not mark
            x0 -= left
            x1 -= left
            if (space >= 0 or loose) and chars:
                prev = chars[-1]
                if prev[3] == base:
                    gap = x0 - prev[2]
                    if gap <= space_gap:
                        # A space marker only matters between two words of one line closer
                        # than a word gap; pdfium's usual wide gaps make a space anyway, so only
                        # then ask whether the space is real (a glyph) or generated (skipped).
                        if loose or not is_generated(tp, space):
                            self._place_space(chars)
                            joinable = False
                    elif joinable and gap <= tab_gap and prev[4] == size and prev[5] == font:
                        # The next word in the same style, one ordinary space away: the layout
                        # would join the two with one space, so join them here and hand it a
                        # few long items instead of many short ones.
                        chars[-1] = (prev[0] + word if space >= 0 else f"{prev[0]} {word}", prev[1], x1, base, size, font)
                        loose = False
                        continue
            if base is None:
                if loose and chars:
                    self._place_space(chars)
                self._chars(tp, text, i, j, left, top, styles, chars)
                slow, joinable, loose = True, False, False
                continue
            append((word if space < 0 else word[1:], x0, x1, base, size, font))
            joinable, loose = True, False
        return chars

    @staticmethod
    def _place_space(chars: list[Char]) -> None:
        """A word-break marker after the last item: where the layout would meet a space glyph."""
        _t, _x0, x1, base, size, font = chars[-1]
        chars.append((" ", x1, x1, base, size, font))

    def _exact_chars(self, tp: ctypes.c_void_p, text: str, left: float, top: float) -> list[Char]:
        """Every character with its own box and baseline: the reference for the word reader."""
        styles: dict[int, _Style] = {}
        chars: list[Char] = []
        for m in _WORD_OR_BREAK.finditer(text):
            i, end = m.span()
            if text[i] in _BREAKS:
                if text[i] in "\r\n" or (text[i] in _MAYBE_GENERATED and self.c.is_generated(tp, i)):
                    i += 1  # a break pdfium made up, or the space before a word: skipped
                else:
                    self._chars(tp, text, i, i, left, top, styles, chars)
                    i += 1
            if i < end:
                self._chars(tp, text, i, end - 1, left, top, styles, chars)
        return chars

    def _chars(
        self,
        tp: ctypes.c_void_p,
        text: str,
        start: int,
        end: int,
        left: float,
        top: float,
        styles: dict[int, _Style],
        chars: list[Char],
    ) -> None:
        """Characters ``start``..``end`` (a word) one by one, each with its own box and baseline
        (the slow path, and what every word would cost without the shortcut)."""
        get_text_object, get_loose_box, box = self.c.get_text_object, self.c.get_loose_box, self.box
        for i in range(start, end + 1):
            ch = text[i]
            ch = _HYPHEN_MARKERS.get(ch, ch)
            obj = get_text_object(tp, i)
            get_loose_box(tp, i, self.rect_ref)
            x0, _top, x1, _ = box.tolist()
            style = styles.get(obj)
            if style is None:
                style = styles[obj] = self._object_style(tp, i, obj, top)
            size, font = style[0], style[1]
            self.c.get_origin(tp, i, self.ox_ref, self.oy_ref)
            base = top - self.oy.value
            x0 -= left
            x1 -= left
            if chars and i > start and not ch.isspace():
                p = chars[-1]
                if x0 == p[1] and x1 == p[2] and base == p[3]:
                    # A ligature ("ff") comes out as several chars sharing one box;
                    # pdfplumber gives it as one char with multi-letter text.
                    chars[-1] = (p[0] + ch, x0, x1, base, size, font)
                    continue
            chars.append((ch, x0, x1, base, size, font))


class PageCountMismatch(Exception):  # noqa: N818 - a condition the reader handles, not a failure
    """pdfium trusts the page tree's ``/Count``: it can neither see pages beyond a count that is
    too small nor load the missing ones of a count that is too large. Raised when the file shows
    the count is wrong, so the caller can read it with an engine that walks the tree."""

    def __init__(self, declared: int) -> None:
        super().__init__(f"the page tree declares {declared} page(s)")
        self.declared = declared


# A page object ("/Type /Page", not "/Pages") as written in the file.
_PAGE_OBJECT = re.compile(rb"/Type\s*/Page(?![A-Za-z])")


def page_objects(path: Path) -> int:
    """How many page objects the file's bytes show (those inside compressed object streams are
    not seen, so this can only undercount). Scanned through a memory map: no copy of the file."""
    import mmap

    with path.open("rb") as fh, mmap.mmap(fh.fileno(), 0, access=mmap.ACCESS_READ) as data:
        return sum(1 for _ in _PAGE_OBJECT.finditer(data))


def extract_pages(
    path: Path,
    password: str | None,
    max_pages: int | None,
    check_total: Callable[[int], None] | None = None,
    problems: list[str] | None = None,
    *,
    exact: bool = False,
) -> tuple[list[PageLines], int]:
    """Return the pages read (at most ``max_pages``) and the document's page count.

    ``check_total`` sees the page count before any page is read and may raise to refuse it.
    ``problems`` is accepted for symmetry with the pdfplumber engine; pdfium reports nothing.
    ``exact`` reads every character's own box (slower; the reference for the word shortcut).
    Raises :class:`PageCountMismatch` when the file holds more page objects than the declared
    count, or a page within the count cannot be loaded.
    """
    import pypdfium2 as pdfium

    reader = _TextPageReader()
    out: list[PageLines] = []
    doc = pdfium.PdfDocument(str(path), password=password)
    try:
        total = len(doc)
        if check_total is not None:
            check_total(total)
        if page_objects(path) > total:
            raise PageCountMismatch(total)
        for index in range(min(total, max_pages) if max_pages is not None else total):
            try:
                page = doc[index]
            except pdfium.PdfiumError:
                if index == 0:
                    raise  # nothing loads: a damaged file, reported as such
                raise PageCountMismatch(total) from None
            textpage = page.get_textpage()
            try:
                # The media box, unrotated: pdfium gives characters in the space the content is
                # written in, whatever /Rotate says (get_size() is the rotated display size).
                left, bottom, right, top = page.get_mediabox()
                width, height = right - left, top - bottom
                chars = reader.page_chars(textpage, left, top, exact=exact)
                number = index + 1
                out.append(PageLines(number, width, height, build_lines(chars, number, width, height)))
            finally:
                textpage.close()
                page.close()
    finally:
        doc.close()
    return out, total
