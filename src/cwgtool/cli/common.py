"""What every subcommand shares: input expansion, option types, errors, output."""

from __future__ import annotations

import os
import sys
from collections.abc import Iterator
from enum import StrEnum

import typer

from cwgtool.batch import Outcome, ParseOptions, parse_many

EXIT_OK = 0
EXIT_FINDINGS = 1
EXIT_USAGE = 2
EXIT_INPUT = 3
EXIT_LIMIT = 4
EXIT_INTERRUPTED = 130


class PdfEngine(StrEnum):
    PDFPLUMBER = "pdfplumber"
    PDFIUM = "pdfium"


INPUTS = typer.Argument(..., help="Files, folders (searched recursively), globs, or - for stdin.")
ENGINE = typer.Option(PdfEngine.PDFPLUMBER, "--pdf-engine", help="PDF text engine.", case_sensitive=False)
PASSWORD = typer.Option(None, "--password", help="Password for encrypted PDFs.")
OUTPUT = typer.Option(None, "--output", "-o", help="Write to this file (atomically) instead of stdout.")
DEBUG = typer.Option(False, "--debug", help="Show a traceback on unexpected errors.")
QUIET = typer.Option(False, "--quiet", "-q", help="No progress or warnings on stderr.")


def error(message: str) -> None:
    sys.stderr.write(f"cwgtool: {message}\n")


def stdout_is_terminal() -> bool:
    return sys.stdout.isatty()


def color_allowed() -> bool:
    return stdout_is_terminal() and not os.environ.get("NO_COLOR")


class BatchStatus:
    """Collects failures so the command can print a summary and pick the exit code."""

    def __init__(self) -> None:
        self.failures: list[Outcome] = []
        self.done = 0

    def exit_code(self) -> int:
        if not self.failures:
            return EXIT_OK
        return max(f.exit_code for f in self.failures)


def documents(inputs: list[str], engine: PdfEngine, password: str | None, status: BatchStatus, quiet: bool = False) -> Iterator[Outcome]:
    """Parse inputs in order; report each failure on stderr as one line and keep going."""
    from cwgtool.api import resolve_inputs

    paths = resolve_inputs(inputs)
    if not paths:
        error("no input documents found")
        raise typer.Exit(EXIT_INPUT)
    for outcome in parse_many(paths, ParseOptions(pdf_engine=str(engine.value), password=password)):
        if outcome.error is not None:
            error(f"{outcome.path}: {outcome.error}")
            status.failures.append(outcome)
            continue
        status.done += 1
        if not quiet and outcome.document is not None:
            for w in outcome.document.warnings:
                error(f"warning: {outcome.path}: {w}")
        yield outcome


def finish(status: BatchStatus, total_hint: int | None = None) -> None:
    if len(status.failures) and (status.done + len(status.failures)) > 1:
        error(f"{status.done} parsed, {len(status.failures)} failed:")
        for f in status.failures:
            sys.stderr.write(f"  {f.path}: {f.error}\n")
    code = status.exit_code()
    if code:
        raise typer.Exit(code)


def emit(text: str, output: str | None) -> None:
    if output:
        from cwgtool.fileio import write_text_atomic

        write_text_atomic(output, text)
    else:
        sys.stdout.write(text)
        sys.stdout.flush()
