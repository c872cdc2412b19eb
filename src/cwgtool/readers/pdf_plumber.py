"""pdfplumber engine: the reference. Reads each page's characters once and hands them to the
engine-neutral layout stage; no cropping or re-extraction, so it costs about what pdfplumber's
own ``extract_text`` costs."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pdfplumber

from cwgtool.readers.pdf_layout import Char, PageLines, build_lines


def _fontname(name: str) -> str:
    """Drop the subset tag ("BAAAAA+") so names match what pdfium reports."""
    return name.split("+", 1)[1] if len(name) > 7 and name[6] == "+" else name


def _declared_count(pdf: pdfplumber.PDF) -> int | None:
    """/Count of the page tree root: known before pdfminer walks (and objectifies) every page."""
    from pdfminer.pdftypes import resolve1

    try:
        count = resolve1(resolve1(pdf.doc.catalog.get("Pages")).get("Count"))
    except Exception:  # noqa: BLE001 - a broken tree is reported by the real walk below
        return None
    return count if isinstance(count, int) else None


def extract_pages(
    path: Path, password: str | None, max_pages: int | None, check_total: Callable[[int], None] | None = None
) -> tuple[list[PageLines], int]:
    """Return the pages read (at most ``max_pages``) and the document's page count.

    ``check_total`` sees the page count before any page is read and may raise to refuse it.
    """
    out: list[PageLines] = []
    with pdfplumber.open(path, password=password or "") as pdf:
        if check_total is not None:
            declared = _declared_count(pdf)
            if declared is not None:
                check_total(declared)
        total = len(pdf.pages)
        if check_total is not None:
            check_total(total)
        for page in pdf.pages[: max_pages if max_pages is not None else total]:
            chars: list[Char] = []
            for c in page.chars:
                # Baseline from the text matrix: the engines agree on it, not on glyph heights.
                baseline = c["bottom"] - (c["matrix"][5] - c["y0"])
                chars.append((c["text"], c["x0"], c["x1"], baseline, c["size"], _fontname(c["fontname"])))
            number = page.page_number
            width, height = float(page.width), float(page.height)
            out.append(PageLines(number, width, height, build_lines(chars, number, width, height)))
            page.close()
    return out, total
