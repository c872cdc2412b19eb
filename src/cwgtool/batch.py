"""Parsing many documents: ordered results, one failure never stops the others.

The CLI and library share this so that a folder of records behaves the same everywhere.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass

from cwgtool.errors import CwgError
from cwgtool.model import Document


@dataclass(slots=True)
class Outcome:
    path: str
    document: Document | None = None
    error: str | None = None  # one-line reason
    exit_code: int = 0


@dataclass(slots=True)
class ParseOptions:
    pdf_engine: str = "pdfplumber"
    password: str | None = None


def parse_one(path: str, options: ParseOptions) -> Outcome:
    from cwgtool.api import parse

    try:
        return Outcome(path, parse(path, pdf_engine=options.pdf_engine, password=options.password))
    except CwgError as exc:
        reason = getattr(exc, "reason", str(exc))
        return Outcome(path, error=reason, exit_code=exc.exit_code)


def parse_many(paths: Sequence[str], options: ParseOptions) -> Iterator[Outcome]:
    """Yield one outcome per path, in input order."""
    for path in paths:
        yield parse_one(path, options)
