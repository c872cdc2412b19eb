"""Readers: the only code that knows PDF, DOCX or text. Each returns a :class:`ReadResult`.

The format is decided from the file's first bytes, not its name; a name that contradicts the
content is refused with a message that says what the file really is, because a mislabelled
download is usually the wrong file (an HTML error page saved as ``.pdf``).
"""

from __future__ import annotations

import os
import stat
from pathlib import Path

from cwgtool.blocks import ReadResult
from cwgtool.errors import InputError, LimitError, short_reason
from cwgtool.limits import Limits

# pdfium is the default because it gives the same blocks as the pdfplumber reference engine on
# every PDF fixture (tests/unit/test_pdf_reader.py::test_engine_equivalence) at a fraction of the
# cost; pdfplumber stays available as the reference (--pdf-engine pdfplumber).
DEFAULT_PDF_ENGINE = "pdfium"

_EXT_FORMAT = {".pdf": "pdf", ".docx": "docx", ".docm": "docx", ".txt": "text", ".text": "text", ".md": "text"}


def sniff(head: bytes) -> str:
    """Name the format of a file from its first bytes."""
    if head.startswith(b"%PDF") or b"%PDF-" in head[:1024]:
        return "pdf"
    if head.startswith(b"PK\x03\x04") or head.startswith(b"PK\x05\x06"):
        return "zip"
    if head.startswith(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"):
        return "ole"
    if head.startswith(b"{\\rtf"):
        return "rtf"
    lowered = head[:512].lstrip().lower()
    if lowered.startswith((b"<!doctype html", b"<html")) or b"<html" in lowered[:200]:
        return "html"
    if head.startswith(b"\x89PNG") or head.startswith(b"\xff\xd8\xff") or head.startswith(b"GIF8"):
        return "image"
    if b"\x00" in head and not head.startswith((b"\xff\xfe", b"\xfe\xff")):
        return "binary"  # not UTF-16 text either; calling it "plain text" would mislead
    return "text"


_WHAT = {
    "pdf": "a PDF",
    "zip": "a ZIP archive",
    "ole": "a legacy Microsoft Office file (.doc)",
    "rtf": "an RTF document",
    "html": "an HTML page",
    "image": "an image",
    "text": "plain text",
    "binary": "binary data",
}


def describe_content(head: bytes) -> str:
    """What a file's first bytes say it is, for messages ("an HTML page", "a ZIP archive")."""
    return _WHAT[sniff(head)]


def detect_format(path: str | os.PathLike[str], name: str | None = None) -> str:
    """Return "pdf", "docx" or "text" for a readable document, or raise InputError.

    ``name`` is what messages call the file (stdin's temporary copy is ``<stdin>``).
    """
    p = str(path)
    shown = name or p
    try:
        st = os.stat(p)
    except FileNotFoundError:
        raise InputError(shown, "no such file") from None
    except OSError as exc:
        raise InputError(shown, f"cannot open: {exc.strerror or exc}") from None
    if stat.S_ISDIR(st.st_mode):
        raise InputError(shown, "is a directory, not a document")
    if not stat.S_ISREG(st.st_mode):
        # a FIFO, device or socket may never end: never opened
        raise InputError(shown, "not a regular file (a pipe, device or socket); skipped")
    try:
        with open(p, "rb") as fh:
            head = fh.read(2048)
    except OSError as exc:
        raise InputError(shown, f"cannot open: {exc.strerror or exc}") from None
    if not head:
        raise InputError(shown, "empty file")
    content = sniff(head)
    ext = Path(p).suffix.lower()
    expected = _EXT_FORMAT.get(ext)
    if content == "ole" and expected == "docx":
        return "docx"  # the DOCX reader tells an encrypted DOCX (OLE container) from a legacy .doc
    if content == "ole":
        from cwgtool.readers.docx import LEGACY_DOC

        raise InputError(shown, LEGACY_DOC)
    if content == "pdf":
        if expected not in (None, "pdf"):
            raise InputError(shown, f"named {ext} but the content is a PDF; rename it to .pdf")
        return "pdf"
    if content == "zip":
        if expected not in (None, "docx"):
            raise InputError(shown, f"named {ext} but the content is a ZIP archive, not a {expected.upper()}")
        return "docx"
    if expected in ("pdf", "docx"):
        raise InputError(shown, f"named {ext} but the content is {_WHAT[content]}, not a {expected.upper()}")
    if content in ("html", "image", "rtf", "binary"):
        raise InputError(shown, f"unsupported format: {_WHAT[content]}")
    return "text"


def check(path: str | os.PathLike[str], limits: Limits | None = None, *, name: str | None = None) -> str:
    """Every check made before reading, once: a regular file, within ``--max-bytes``, a format we
    read whose content agrees with its name. Returns the format for :func:`read`.

    The size comes first, so that a huge file is refused without being opened.
    """
    p = str(path)
    limits = limits if limits is not None else Limits.from_env()
    if os.path.isfile(p):
        limits.check_file_size(p, name or p)
    return detect_format(p, name)


def read(
    path: str | os.PathLike[str],
    *,
    fmt: str | None = None,
    pdf_engine: str = DEFAULT_PDF_ENGINE,
    password: str | None = None,
    limits: Limits | None = None,
) -> ReadResult:
    """Read any supported document into blocks.

    ``fmt`` is what :func:`check` returned for this file; without it the checks run here.

    This is the one place where an unexpected exception from a parsing library becomes an
    :class:`InputError`: pdfminer, pdfium, python-docx, lxml and zipfile each have their own
    exception zoo, and a user handed a damaged file deserves one line naming it, not a
    traceback. Interrupts, memory exhaustion and tripped limits pass through unchanged, so
    Ctrl-C still stops a run and a limit keeps its own exit code. The original exception is
    chained (``__cause__``) for ``--debug``.
    """
    p = str(path)
    limits = limits if limits is not None else Limits.from_env()
    try:
        if fmt is None:
            fmt = check(p, limits)
        if fmt == "pdf":
            from cwgtool.readers import pdf

            return pdf.read(p, engine=pdf_engine, password=password, limits=limits)
        if fmt == "docx":
            from cwgtool.readers import docx

            return docx.read(p, limits=limits)
        from cwgtool.readers import text

        return text.read(p, limits=limits)
    except (InputError, LimitError, MemoryError):
        raise
    except ValueError as exc:
        if pdf_engine not in ("pdfplumber", "pdfium") and "engine" in str(exc):
            raise  # a caller's mistake, not the file's
        raise InputError(p, f"could not read: {short_reason(exc)}") from exc
    except Exception as exc:
        raise InputError(p, f"could not read: {short_reason(exc)}") from exc
