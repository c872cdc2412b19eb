"""pdfplumber engine: the reference. Reads each page's characters once and hands them to the
engine-neutral layout stage; no cropping or re-extraction, so it costs about what pdfplumber's
own ``extract_text`` costs."""

from __future__ import annotations

import contextlib
import logging
from collections.abc import Callable, Iterator
from pathlib import Path

import pdfplumber
from pdfplumber.page import Page

from cwgtool.readers.pdf_layout import Char, PageLines, build_lines


def _fontname(name: str) -> str:
    """Drop the subset tag ("BAAAAA+") so names match what pdfium reports."""
    return name.split("+", 1)[1] if len(name) > 7 and name[6] == "+" else name


def _unrotated(pdf: pdfplumber.PDF, page: Page) -> Page:
    """The page in the space its content is written in, as pdfium reads it.

    ``/Rotate`` only turns the page for display; pdfminer turns the coordinates with it, so a
    page of ordinary horizontal lines under ``/Rotate 90`` came out as one-letter vertical
    fragments while pdfium read the lines. Reading both engines in the unrotated space makes
    them give the same blocks."""
    page.page_obj.attrs = {**page.page_obj.attrs, "Rotate": 0}
    page.page_obj.rotate = 0
    return Page(pdf, page.page_obj, page_number=page.page_number, initial_doctop=page.initial_doctop)


def _declared_count(pdf: pdfplumber.PDF) -> int | None:
    """/Count of the page tree root: known before pdfminer walks (and objectifies) every page."""
    from pdfminer.pdftypes import resolve1

    try:
        count = resolve1(resolve1(pdf.doc.catalog.get("Pages")).get("Count"))
    except Exception:  # noqa: BLE001 - a broken tree is reported by the real walk below
        return None
    return count if isinstance(count, int) else None


class _Collect(logging.Handler):
    def __init__(self, into: list[str]) -> None:
        super().__init__(logging.WARNING)
        self.into = into

    def emit(self, record: logging.LogRecord) -> None:
        self.into.append(record.getMessage().splitlines()[0][:160] if record.getMessage() else record.levelname)


@contextlib.contextmanager
def _pdfminer_problems(into: list[str] | None) -> Iterator[None]:
    """Route pdfminer's log warnings into ``into`` instead of stderr.

    On a damaged file pdfminer logs one line per broken operator through the root logger's
    last-resort handler — dozens of lines on stderr that drown cwgtool's own one-line message.
    """
    logger = logging.getLogger("pdfminer")
    handler = _Collect(into if into is not None else [])
    saved = logger.propagate
    logger.addHandler(handler)
    logger.propagate = False
    try:
        yield
    finally:
        logger.removeHandler(handler)
        logger.propagate = saved


def extract_pages(
    path: Path,
    password: str | None,
    max_pages: int | None,
    check_total: Callable[[int], None] | None = None,
    problems: list[str] | None = None,
) -> tuple[list[PageLines], int]:
    """Return the pages read (at most ``max_pages``) and the document's page count.

    ``check_total`` sees the page count before any page is read and may raise to refuse it;
    ``problems`` collects pdfminer's complaints about damaged content.
    """
    with _pdfminer_problems(problems):
        return _extract(path, password, max_pages, check_total)


def _extract(
    path: Path, password: str | None, max_pages: int | None, check_total: Callable[[int], None] | None
) -> tuple[list[PageLines], int]:
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
            if page.rotation:
                page = _unrotated(pdf, page)
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
