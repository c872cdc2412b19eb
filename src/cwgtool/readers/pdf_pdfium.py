"""pypdfium2 engine: same characters as the pdfplumber engine, several times faster.

Per character it makes three C calls (text object, loose box, origin); the text comes from
one ``FPDFText_GetText`` call and font name/size are fetched only when the text object changes.
"""

from __future__ import annotations

import ctypes
import math
from collections.abc import Callable
from pathlib import Path

from cwgtool.readers.pdf_layout import Char, PageLines, build_lines

_HYPHEN_MARKERS = {"\x02": "-", "\ufffe": "-"}  # pdfium's marks for a line-end hyphen


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

    # Return the text object as a plain int so it can key a cache cheaply.
    get_text_object = ctypes.CFUNCTYPE(ctypes.c_void_p, ctypes.c_void_p, ctypes.c_int)(
        ctypes.cast(raw.FPDFText_GetTextObject, ctypes.c_void_p).value
    )
    rect = raw.FS_RECTF()
    matrix = raw.FS_MATRIX()
    ox, oy = ctypes.c_double(), ctypes.c_double()
    namebuf = ctypes.create_string_buffer(256)
    flags = ctypes.c_int()

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
                tp_ptr = ctypes.cast(tp, ctypes.c_void_p).value
                n = textpage.count_chars()
                text = textpage.get_text_range() if n else ""
                per_char = len(text) == n
                chars: list[Char] = []
                last_obj: int | None = -1
                size, font = 0.0, ""
                for i in range(n):
                    ch = text[i] if per_char else chr(raw.FPDFText_GetUnicode(tp, i))
                    if ch in "\r\n" or ((ch == " " or ch in _HYPHEN_MARKERS) and raw.FPDFText_IsGenerated(tp, i)):
                        continue  # pdfium's own line breaks and guessed spaces
                    ch = _HYPHEN_MARKERS.get(ch, ch)
                    obj = get_text_object(tp_ptr, i)
                    if obj != last_obj:
                        last_obj = obj
                        # Nominal size × the text matrix's vertical scale = the size pdfminer
                        # reports (PDFs often set "Tf 1" and scale with Tm).
                        size = raw.FPDFText_GetFontSize(tp, i)
                        if raw.FPDFText_GetMatrix(tp, i, matrix):
                            size *= math.hypot(matrix.c, matrix.d)
                        namebuf.value = b""
                        raw.FPDFText_GetFontInfo(tp, i, namebuf, len(namebuf), flags)
                        font = namebuf.value.decode("utf-8", "replace")
                    raw.FPDFText_GetLooseCharBox(tp, i, rect)
                    raw.FPDFText_GetCharOrigin(tp, i, ox, oy)
                    c = (ch, rect.left - left, rect.right - left, top - oy.value, size, font)
                    if chars and chars[-1][1:4] == c[1:4] and not ch.isspace():
                        # A ligature ("ff") comes out as several chars sharing one box;
                        # pdfplumber gives it as one char with multi-letter text.
                        chars[-1] = (chars[-1][0] + ch, *c[1:])
                        continue
                    chars.append(c)
                number = index + 1
                out.append(PageLines(number, width, height, build_lines(chars, number, width, height)))
            finally:
                textpage.close()
                page.close()
    finally:
        doc.close()
    return out, total
