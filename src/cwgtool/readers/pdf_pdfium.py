"""pypdfium2 engine: same characters as the pdfplumber engine, several times faster.

The cost of this engine is the number of ctypes calls per character, so the loop makes two
(text object, loose box) through argument-less prototypes — pypdfium2's own bindings convert
every argument and cost several times more per call. The text comes from one
``FPDFText_GetText`` call; font name, size and the baseline are fetched only when the text
object changes, because pdfium derives them from the object (see :func:`_origin_is_shared`).
"""

from __future__ import annotations

import ctypes
import math
from collections.abc import Callable
from pathlib import Path

from cwgtool.readers.pdf_layout import Char, PageLines, build_lines

_HYPHEN_MARKERS = {"\x02": "-", "\ufffe": "-"}  # pdfium's marks for a line-end hyphen
_SKIP_OR_MAP = frozenset("\r\n \x02\ufffe")  # characters that need a closer look


def _bare(func: object, restype: type | None) -> Callable[..., int]:
    """The same C function without argtypes: only ints and prebuilt pointers are passed, so
    ctypes' per-call argument conversion (most of the cost of a call) is skipped."""
    return ctypes.CFUNCTYPE(restype)(ctypes.cast(func, ctypes.c_void_p).value)


def _origin_is_shared(matrix_b: float) -> bool:
    """Do all characters of one text object share the origin's y (the baseline)?

    pdfium places character k of a horizontal text object at ``matrix × (advance_k, 0)``, so
    its y is ``b·advance_k + f``: exactly ``f`` for every character when ``b`` is 0 (no
    rotation). Vertical CID writing moves y instead; there the loose box's top moves with it,
    which the caller checks too before reusing a baseline.
    """
    return matrix_b == 0.0


def extract_pages(
    path: Path,
    password: str | None,
    max_pages: int | None,
    check_total: Callable[[int], None] | None = None,
    problems: list[str] | None = None,
) -> tuple[list[PageLines], int]:
    """Return the pages read (at most ``max_pages``) and the document's page count.

    ``check_total`` sees the page count before any page is read and may raise to refuse it.
    ``problems`` is accepted for symmetry with the pdfplumber engine; pdfium reports nothing.
    """
    import pypdfium2 as pdfium
    import pypdfium2.raw as raw

    get_text_object = _bare(raw.FPDFText_GetTextObject, ctypes.c_size_t)
    get_loose_box = _bare(raw.FPDFText_GetLooseCharBox, ctypes.c_int)
    get_font_size = _bare(raw.FPDFText_GetFontSize, ctypes.c_double)
    get_matrix = _bare(raw.FPDFText_GetMatrix, ctypes.c_int)
    get_font_info = _bare(raw.FPDFText_GetFontInfo, ctypes.c_ulong)
    get_origin = _bare(raw.FPDFText_GetCharOrigin, ctypes.c_int)
    rect = raw.FS_RECTF()
    rect_ref = ctypes.byref(rect)
    box = memoryview(rect).cast("B").cast("f")  # left, top, right, bottom, read in one call
    matrix = raw.FS_MATRIX()
    matrix_ref = ctypes.byref(matrix)
    ox, oy = ctypes.c_double(), ctypes.c_double()
    ox_ref, oy_ref = ctypes.byref(ox), ctypes.byref(oy)
    namebuf = ctypes.create_string_buffer(256)
    namebuf_len = ctypes.c_ulong(len(namebuf))  # unsigned long: passed typed, not as a C int
    flags_ref = ctypes.byref(ctypes.c_int())

    out: list[PageLines] = []
    doc = pdfium.PdfDocument(str(path), password=password)
    try:
        total = len(doc)
        if check_total is not None:
            check_total(total)
        for index in range(min(total, max_pages) if max_pages is not None else total):
            page = doc[index]
            textpage = page.get_textpage()
            try:
                left, _bottom, right, top = page.get_mediabox()
                width, height = page.get_size()
                tp = textpage.raw
                tp_arg = ctypes.c_void_p(ctypes.cast(tp, ctypes.c_void_p).value)
                n = textpage.count_chars()
                text = textpage.get_text_range() if n else ""
                if len(text) != n:  # surrogate pairs or a short read: one code point per char
                    text = "".join(chr(raw.FPDFText_GetUnicode(tp, i)) for i in range(n))
                chars: list[Char] = []
                append = chars.append
                last_obj = -1
                size, font = 0.0, ""
                shared = False  # may this object's characters reuse ``base``?
                obj_top = base = 0.0
                prev_x0 = prev_x1 = prev_base = math.nan  # the last char appended
                for i, ch in enumerate(text):
                    if ch in _SKIP_OR_MAP:
                        if ch in "\r\n" or raw.FPDFText_IsGenerated(tp, i):
                            continue  # pdfium's own line breaks and guessed spaces/hyphens
                        ch = _HYPHEN_MARKERS.get(ch, ch)
                    obj = get_text_object(tp_arg, i)
                    get_loose_box(tp_arg, i, rect_ref)
                    x0, box_top, x1, _ = box.tolist()
                    if obj != last_obj:
                        last_obj = obj
                        # Nominal size × the text matrix's vertical scale = the size pdfminer
                        # reports (PDFs often set "Tf 1" and scale with Tm).
                        size = get_font_size(tp_arg, i)
                        shared = False
                        if get_matrix(tp_arg, i, matrix_ref):
                            size *= math.hypot(matrix.c, matrix.d)
                            shared = obj != 0 and _origin_is_shared(matrix.b)
                        namebuf.value = b""
                        get_font_info(tp_arg, i, namebuf, namebuf_len, flags_ref)
                        font = namebuf.value.decode("utf-8", "replace")
                        get_origin(tp_arg, i, ox_ref, oy_ref)
                        base, obj_top = top - oy.value, box_top
                    elif not shared or box_top != obj_top:
                        get_origin(tp_arg, i, ox_ref, oy_ref)
                        base = top - oy.value
                    x0 -= left
                    x1 -= left
                    if x0 == prev_x0 and x1 == prev_x1 and base == prev_base and not ch.isspace():
                        # A ligature ("ff") comes out as several chars sharing one box;
                        # pdfplumber gives it as one char with multi-letter text.
                        chars[-1] = (chars[-1][0] + ch, x0, x1, base, size, font)
                        continue
                    append((ch, x0, x1, base, size, font))
                    prev_x0, prev_x1, prev_base = x0, x1, base
                number = index + 1
                out.append(PageLines(number, width, height, build_lines(chars, number, width, height)))
            finally:
                textpage.close()
                page.close()
    finally:
        doc.close()
    return out, total
