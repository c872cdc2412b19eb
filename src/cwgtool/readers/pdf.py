"""PDF reader: one engine turns the file into character lines, one layout stage makes blocks.

The engine is a choice of speed vs. reference behaviour (pdfium is several times faster,
pdfplumber is the reference); because both stop at the character level, they give the same
blocks. Engines are imported lazily so the other reader formats never pay for them.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from cwgtool.blocks import ReadResult
from cwgtool.errors import InputError, short_reason
from cwgtool.limits import Limits
from cwgtool.readers import DEFAULT_PDF_ENGINE
from cwgtool.readers.pdf_layout import PageLines, layout

ENGINES = ("pdfplumber", "pdfium")
NO_TEXT = "no text layer (scanned PDF?); run OCR first, e.g. ocrmypdf"
NO_PAGES = "no readable pages (empty or damaged page tree)"
ENCRYPTED = "PDF is encrypted; give the password with --password"


def _is_password_error(exc: BaseException) -> bool:
    seen: set[int] = set()
    e: BaseException | None = exc
    while e is not None and id(e) not in seen:
        seen.add(id(e))
        text = f"{type(e).__name__} {e}".lower()
        if "password" in text or "encrypt" in text:
            return True
        e = e.__cause__ or e.__context__ or (e.args[0] if e.args and isinstance(e.args[0], BaseException) else None)
    return False


def read(
    path: str | Path,
    *,
    engine: str = DEFAULT_PDF_ENGINE,
    password: str | None = None,
    display_name: str | None = None,
    max_pages: int | None = None,
    limits: Limits | None = None,
) -> ReadResult:
    """Read a PDF into body blocks, with running heads/feet removed and recorded.

    ``max_pages`` reads a prefix on purpose (with a warning); ``limits.max_pages`` refuses a
    document that is longer (LimitError) — the first is a choice, the second a safety net.
    A PDF with pages but no text at all is an InputError: an empty result would look like a
    successful parse of an empty record and hide that the file needs OCR.

    The file's checks (a regular file, its size, content that is a PDF) are made once, before
    this, by :func:`cwgtool.readers.check`; :func:`cwgtool.readers.read` runs them.
    """
    p = Path(path)
    name = display_name or str(path)
    if engine not in ENGINES:
        raise ValueError(f"unknown PDF engine {engine!r}; choose one of {', '.join(ENGINES)}")
    limits = limits if limits is not None else Limits.from_env()
    def check_total(total: int) -> None:
        limits.check_pages(total, name)

    problems: list[str] = []
    notes: list[str] = []
    try:
        if engine == "pdfium":
            from cwgtool.readers.pdf_pdfium import PageCountMismatch, extract_pages

            try:
                pages, total = extract_pages(p, password, max_pages, check_total, problems)
            except PageCountMismatch as mismatch:
                # Both engines must read the same pages: pdfplumber walks the page tree itself.
                pages, total = _reference_pages(p, password, max_pages, check_total, problems)
                if total != mismatch.declared:
                    notes.append(
                        f"the page tree declares {mismatch.declared} page(s) but holds {total}; "
                        "read with the pdfplumber engine, which does not trust the declared count"
                    )
        else:
            pages, total = _reference_pages(p, password, max_pages, check_total, problems)
    except InputError:
        raise
    except RecursionError:
        raise InputError(name, "corrupt PDF: structure nested too deeply") from None
    except MemoryError:
        raise
    except Exception as exc:  # engines raise a zoo of types (PSException, PdfiumError, KeyError…)
        if _is_password_error(exc):
            raise InputError(name, ENCRYPTED) from exc
        short = short_reason(exc, 120)
        hint = " (truncated?)" if "eof" in short.lower() or "data format" in short.lower() else ""
        raise InputError(name, f"corrupt PDF{hint}: {short}") from exc
    result = _result(pages, total, name)
    result.warnings[:0] = notes
    if problems:
        result.warnings.append(
            f"damaged PDF content: {len(problems)} problem(s) skipped by the PDF engine (first: {problems[0]})"
        )
    return result


def _reference_pages(
    path: Path, password: str | None, max_pages: int | None, check_total: Callable[[int], None], problems: list[str]
) -> tuple[list[PageLines], int]:
    """The pdfplumber engine (imported only when used: pdfminer costs start-up time)."""
    from cwgtool.readers.pdf_plumber import extract_pages

    return extract_pages(path, password, max_pages, check_total, problems)


def _result(pages: list[PageLines], total: int, name: str) -> ReadResult:
    warnings: list[str] = []
    if not any(pg.lines for pg in pages):
        if len(pages) >= total:
            raise InputError(name, NO_TEXT if total else NO_PAGES)
        warnings.append(f"no text in the first {len(pages)} of {total} pages")
        return ReadResult(blocks=[], format="pdf", pages=total, warnings=warnings)
    if len(pages) < total:
        warnings.append(f"read only the first {len(pages)} of {total} pages")
    try:
        result = layout(pages, name)
    except (InputError, MemoryError, RecursionError):
        raise
    except Exception as exc:  # noqa: BLE001 - odd geometry (NaN, inf) in a damaged file
        raise InputError(name, f"corrupt PDF: {short_reason(exc, 120)}") from exc
    if result.furniture_lines:
        # Said every time, so a reader can see how much of the file is not in the body and
        # compare it with the page count (two or three lines a page is the usual head and foot).
        warnings.append(
            f"{result.furniture_lines} line(s) on {len(pages)} page(s) removed as running heads, feet and page numbers"
        )
    return ReadResult(
        blocks=result.blocks,
        format="pdf",
        pages=total,
        headers_footers=result.headers_footers,
        warnings=warnings,
    )
