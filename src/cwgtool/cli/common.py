"""What every subcommand shares: input expansion, option types, errors, output.

Importing this module does not import typer: ``cwgtool parse`` on its common arguments runs
without typer (see ``cwgtool.cli.main``), and typer 0.29 alone costs ~90 ms of start-up (it
builds a pydantic TypeAdapter per parameter). The shared option declarations (``INPUTS``,
``JOBS``…) are therefore made on first access (module ``__getattr__``), and errors exit with
``SystemExit(code)``, which typer passes through exactly like ``typer.Exit(code)``.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Iterator
from enum import StrEnum
from typing import TYPE_CHECKING, Any

from cwgtool.batch import Outcome, ParseOptions, parse_many
from cwgtool.readers import DEFAULT_PDF_ENGINE

if TYPE_CHECKING:
    from rich.progress import Progress

EXIT_OK = 0
EXIT_FINDINGS = 1
EXIT_USAGE = 2
EXIT_INPUT = 3
EXIT_LIMIT = 4
EXIT_INTERRUPTED = 130


class PdfEngine(StrEnum):
    PDFPLUMBER = "pdfplumber"
    PDFIUM = "pdfium"


def _options() -> dict[str, Any]:
    """The typer parameter declarations shared by the commands (``__getattr__`` makes them once)."""
    import typer

    return {
        "INPUTS": typer.Argument(..., help="Files, folders (searched recursively), globs, or - for stdin."),
        "INPUTS_OPTIONAL": typer.Argument(
            None, help="Files, folders (searched recursively), globs, or - for stdin. With --db: only documents at/under these paths."
        ),
        "DB": typer.Option(None, "--db", help="Answer from this SQLite archive (built by `cwgtool index`) instead of parsing files."),
        "JOBS": typer.Option(None, "--jobs", "-j", min=1, help="Parallel parser processes (default: number of CPUs; 1 = in-process)."),
        "NO_CACHE": typer.Option(False, "--no-cache", help="Neither read nor write the parsed-document cache."),
        "ENGINE": typer.Option(
            PdfEngine(DEFAULT_PDF_ENGINE), "--pdf-engine", help="PDF text engine (pdfplumber is the slower reference).", case_sensitive=False
        ),
        "PASSWORD": typer.Option(None, "--password", help="Password for encrypted PDFs."),
        "OUTPUT": typer.Option(None, "--output", "-o", help="Write to this file (atomically) instead of stdout."),
        "DEBUG": typer.Option(False, "--debug", callback=_set_debug, help="Show the traceback behind an error message."),
        "QUIET": typer.Option(False, "--quiet", "-q", help="No progress or warnings on stderr."),
    }


def __getattr__(name: str) -> Any:
    if name.isupper():
        g = globals()
        if "INPUTS" not in g:
            g.update(_options())
        if name in g:
            return g[name]
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


class Settings:
    """Process-wide CLI settings given before or after the command (``--debug``, limits)."""

    debug: bool = False
    formula_guard: bool = True  # csv cells like "=…" get a leading ' (off with --raw-csv)
    limit_overrides: dict[str, Any] = {}  # noqa: RUF012 - set once by the root callback

    @classmethod
    def limits(cls) -> Any:
        from cwgtool.limits import Limits

        return Limits.from_env().with_overrides(**cls.limit_overrides)


def _set_debug(value: bool) -> bool:
    if value:
        Settings.debug = True
    return value


def usage_error(message: str) -> None:
    error(message)
    raise SystemExit(EXIT_USAGE)


def error(message: str) -> None:
    """One line on stderr, whatever a file name or document holds (see ``render.terminal``)."""
    from cwgtool.render.terminal import one_line

    sys.stderr.write(f"cwgtool: {one_line(message)}\n")


def stdout_is_terminal() -> bool:
    return sys.stdout.isatty()


def color_allowed() -> bool:
    return stdout_is_terminal() and not os.environ.get("NO_COLOR")


class BatchStatus:
    """Collects failures so the command can print a summary and pick the exit code."""

    def __init__(self) -> None:
        self.failures: list[Outcome] = []
        self.done = 0
        self.total = 0

    def exit_code(self) -> int:
        if not self.failures:
            return EXIT_OK
        return max(f.exit_code for f in self.failures)


class _Bar:
    """A rich progress bar on stderr, started on the first finished document.

    Starting late matters: the process pool forks its workers at submit time, and forking while
    rich's refresh thread holds a lock could deadlock a worker.
    """

    def __init__(self, total: int) -> None:
        self.total = total
        self.progress: Progress | None = None
        self.task: Any = None

    def advance(self, _outcome: Outcome | None = None) -> None:
        if self.progress is None:
            from rich.console import Console
            from rich.progress import (
                BarColumn,
                MofNCompleteColumn,
                Progress,
                TextColumn,
                TimeElapsedColumn,
                TimeRemainingColumn,
            )

            self.progress = Progress(
                TextColumn("parsing"),
                BarColumn(),
                MofNCompleteColumn(),
                TextColumn("{task.fields[rate]}"),
                TimeElapsedColumn(),
                TextColumn("ETA"),
                TimeRemainingColumn(),
                console=Console(stderr=True),
                transient=True,
                redirect_stdout=False,
                redirect_stderr=True,
            )
            self.task = self.progress.add_task("parsing", total=self.total, rate="")
            self.progress.start()
        self.progress.advance(self.task)
        speed = self.progress.tasks[0].speed
        self.progress.update(self.task, rate=f"{speed:.1f} doc/s" if speed else "")

    def stop(self) -> None:
        if self.progress is not None:
            self.progress.stop()


def default_jobs() -> int:
    return os.cpu_count() or 1


def documents(
    inputs: list[str],
    engine: PdfEngine,
    password: str | None,
    status: BatchStatus,
    quiet: bool = False,
    *,
    jobs: int | None = None,
    use_cache: bool = True,
    paths: list[str] | None = None,
    as_json: bool = False,
) -> Iterator[Outcome]:
    """Parse inputs in order; report each failure on stderr as one line and keep going.

    Progress goes to stderr only for a batch, only on a terminal, never with --quiet.
    ``as_json``: outcomes carry the document's JSON text, maybe no model (see ``parse_many``).
    """
    if paths is None:
        from cwgtool.fileio import resolve_inputs  # not cwgtool.api: that imports the model

        paths = resolve_inputs(inputs)
    if not paths:
        error("no input documents found")
        raise SystemExit(EXIT_INPUT)
    status.total = len(paths)
    bar = _Bar(len(paths)) if len(paths) > 1 and not quiet and sys.stderr.isatty() else None
    options = ParseOptions(
        pdf_engine=str(PdfEngine(engine).value),
        password=password,
        use_cache=use_cache,
        limits=Settings.limits(),
        debug=Settings.debug,
    )
    try:
        on_done = bar.advance if bar else None
        for outcome in parse_many(paths, options, jobs=jobs or default_jobs(), on_done=on_done, as_json=as_json):
            if outcome.error is not None:
                error(f"{outcome.path}: {outcome.error}")
                if outcome.detail:
                    sys.stderr.write(outcome.detail)
                status.failures.append(outcome)
                continue
            status.done += 1
            if not quiet:
                for w in outcome.warnings():
                    error(f"warning: {outcome.path}: {w}")
            yield outcome
    finally:
        if bar is not None:
            bar.stop()


def finish(status: BatchStatus, total_hint: int | None = None, *, always: bool = False) -> None:
    """Summary on stderr for batches with failures (or for every batch with ``always``), then exit."""
    if (status.failures or always) and (status.done + len(status.failures)) > 1:
        if status.failures:
            error(f"{status.done} parsed, {len(status.failures)} failed:")
            from cwgtool.render.terminal import one_line

            for f in status.failures:
                sys.stderr.write(f"  {one_line(f'{f.path}: {f.error}')}\n")
        else:
            error(f"{status.done} parsed, 0 failed")
    code = status.exit_code()
    if code:
        raise SystemExit(code)


def emit(text: str, output: str | None, *, durable: bool = True) -> None:
    """``text`` to stdout, or atomically to ``output``; ``durable=False`` skips the fsync (batches,
    see :mod:`cwgtool.fileio` for what that gives up)."""
    if output:
        from cwgtool.fileio import write_text_atomic

        try:
            write_text_atomic(output, text, durable=durable)
        except OSError as exc:
            error(f"{output}: cannot write: {exc.strerror or exc}")
            raise SystemExit(EXIT_USAGE) from None
    else:
        sys.stdout.write(text)
        sys.stdout.flush()


def emit_bytes(data: bytes, output: str) -> None:
    """Ready UTF-8 ``data`` to one file of a batch (``parse --output-dir``): atomic, no fsync —
    see :mod:`cwgtool.fileio` for what that gives up."""
    from cwgtool.fileio import write_bytes_atomic

    if os.linesep != "\n":  # pragma: no cover - Windows: what a text-mode write would give
        data = data.replace(b"\n", os.linesep.encode())
    try:
        write_bytes_atomic(output, data, durable=False)
    except OSError as exc:
        error(f"{output}: cannot write: {exc.strerror or exc}")
        raise SystemExit(EXIT_USAGE) from None
