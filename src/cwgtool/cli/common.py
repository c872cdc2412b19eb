"""What every command shares: option declarations (written once), exit codes, errors, output.

The CLI is typer over :mod:`cwgtool.api`. A command module turns its arguments into one request
(:mod:`cwgtool.options`), makes one library call and renders the result (:mod:`cwgtool.render`);
this module holds what they would otherwise each repeat.
"""

from __future__ import annotations

import contextlib
import os
import sys
from collections.abc import Iterator, Sequence
from typing import TYPE_CHECKING, Any, ClassVar

import typer
from typer.core import TyperArgument, TyperCommand

from cwgtool import api
from cwgtool.options import DEFAULT_PDF_ENGINE, ParseOptions, PdfEngine
from cwgtool.render.rows import RowFormat, field_names, format_for_path, parse_fields
from cwgtool.render.terminal import one_line

if TYPE_CHECKING:
    from rich.progress import Progress

    from cwgtool.api import BatchReport, Outcome
    from cwgtool.limits import Limits

EXIT_OK = 0
EXIT_FINDINGS = 1
EXIT_USAGE = 2
EXIT_INPUT = 3
EXIT_LIMIT = 4
EXIT_INTERRUPTED = 130
EXIT_INTERNAL = 70  # a bug in cwgtool (sysexits' EX_SOFTWARE)
EXIT_OUTPUT = 74  # the output could not be written: a full disk, a closed pipe (EX_IOERR)


# -- typer, in cwgtool's words -----------------------------------------------------------------


class _NamedArgument(TyperArgument):
    """An argument shown by its metavar alone ("FILE...", "[FILE]..."), without typer's Python
    type ("<list[str]>") or braces ("{inputs}...")."""

    def display_type_rich(self, ctx: Any) -> str | None:
        return None

    def get_usage_pieces(self, ctx: Any) -> list[str]:
        return [str(self.metavar)]


class Command(TyperCommand):
    """typer's command with help that shows FILE/PATH/N, and
    cwgtool's own errors turned into one line and their exit code."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        for p in self.params:
            if type(p) is TyperArgument and p.metavar:
                p.__class__ = _NamedArgument

    def invoke(self, ctx: Any) -> Any:
        try:
            return super().invoke(ctx)
        except api.CwgError as exc:
            error(str(exc))
            if Settings.debug:
                sys.stderr.write(api.debug_details(exc))
            raise typer.Exit(exc.exit_code) from None


def command(app: typer.Typer, name: str) -> Any:
    """``app.command(name)`` with :class:`Command` (help metavars, cwgtool's errors)."""
    return app.command(name, cls=Command)


# -- option declarations, once ------------------------------------------------------------------

_INPUT_HELP = "Files, folders (searched recursively), globs, or - for stdin."
INPUTS = typer.Argument(..., metavar="FILE...", help=_INPUT_HELP, show_default=False)
INPUTS_OPTIONAL = typer.Argument(
    None, metavar="[FILE]...", help=_INPUT_HELP + " With --db: only documents at/under these paths.", show_default=False
)
DB = typer.Option(None, "--db", metavar="ARCHIVE", help="Answer from this SQLite archive (built by `cwgtool index`) instead of parsing files.")
JOBS = typer.Option(None, "--jobs", "-j", metavar="N", min=1, help="Parallel parser processes (default: number of CPUs; 1 = in-process).")
NO_CACHE = typer.Option(False, "--no-cache", help="Neither read nor write the parsed-document cache.")
ENGINE = typer.Option(
    DEFAULT_PDF_ENGINE, "--pdf-engine", help="PDF text engine (pdfplumber is the slower reference).", case_sensitive=False
)
PASSWORD = typer.Option(None, "--password", metavar="TEXT", help="Password for encrypted PDFs.")
OUTPUT = typer.Option(None, "--output", "-o", metavar="FILE", help="Write to this file (atomically) instead of stdout.")
QUIET = typer.Option(False, "--quiet", "-q", help="No progress or warnings on stderr.")
ROW_FORMAT = typer.Option(
    None,
    "--format",
    "-f",
    help="table (default on a terminal), json, jsonl, csv, tsv (default when piped); with -o, the file's extension (.csv, .tsv, .json, .jsonl).",
    case_sensitive=False,
)
FIELDS = typer.Option(
    None,
    "--fields",
    metavar="A,B,...",
    help="Only these columns (table, csv, tsv) or keys (json, jsonl), in this order; an unknown name exits 2 listing the valid ones.",
)
WIDE = typer.Option(False, "--wide", help="Table: every column, in full (one line per row, wider than the terminal; try less -S).")


def _set_debug(value: bool) -> bool:
    if value:
        Settings.debug = True
    return value


DEBUG = typer.Option(False, "--debug", callback=_set_debug, help="Show the traceback behind an error message.")


class Settings:
    """Process-wide CLI settings given before the command (``--debug``, limits)."""

    debug: bool = False
    formula_guard: bool = True  # csv cells like "=…" get a leading ' (off with --raw-csv)
    follow_symlinks: bool = False  # links out of an input folder are read (--follow-symlinks)
    limit_overrides: ClassVar[dict[str, Any]] = {}  # set once by the root callback

    @classmethod
    def limits(cls) -> Limits:
        return api.limits(**cls.limit_overrides)


def parse_options(engine: PdfEngine, password: str | None, jobs: int | None, no_cache: bool) -> ParseOptions:
    """The one :class:`ParseOptions` of a command, from the shared options."""
    return ParseOptions(
        pdf_engine=engine, password=password, use_cache=not no_cache, limits=Settings.limits(), debug=Settings.debug, jobs=jobs
    )


# -- errors and output --------------------------------------------------------------------------


def expand_inputs(inputs: list[str]) -> list[str]:
    """The documents named by ``inputs`` (folders walked, globs expanded); what a folder walk
    leaves out — special files, links leading out of the folder — is said on stderr."""
    return api.resolve_inputs(
        inputs, follow_symlinks=Settings.follow_symlinks, on_skip=lambda path, why: error(f"warning: {path}: {why}")
    )


def unexpected_error(exc: BaseException, *, debug: bool = False) -> int:
    """The one line for an exception no command handled, and its exit code.

    An ``OSError`` that reaches here is a failed write of the output (stdout on a full disk,
    ``> /dev/full``, a reader that closed the pipe): inputs and ``-o`` files report their own.
    stdout is then pointed at ``/dev/null``, so that the interpreter's last flush of what is
    still buffered cannot print a second complaint on its way out.
    """
    import errno
    import traceback

    if debug:
        sys.stderr.write("".join(traceback.format_exception(exc)))
    if isinstance(exc, OSError):
        with contextlib.suppress(OSError, ValueError):
            devnull = os.open(os.devnull, os.O_WRONLY)
            os.dup2(devnull, sys.stdout.fileno())
        if exc.errno == errno.EPIPE:  # the reader stopped reading (`| head`): nothing to say
            return EXIT_OUTPUT
        error(f"cannot write the output: {exc.strerror or exc}")
        return EXIT_OUTPUT
    hint = "" if debug else " (run with --debug for the traceback)"
    error(f"internal error: {type(exc).__name__}: {str(exc).strip().splitlines()[0] if str(exc).strip() else ''}{hint}")
    return EXIT_INTERNAL


def error(message: str) -> None:
    """One line on stderr, whatever a file name or document holds (see ``render.terminal``)."""
    sys.stderr.write(f"cwgtool: {one_line(message)}\n")


def usage_error(message: str) -> typer.Exit:
    """Print ``message`` and return the exit to raise (``raise usage_error(...)``)."""
    error(message)
    return typer.Exit(EXIT_USAGE)


def stdout_is_terminal() -> bool:
    return sys.stdout.isatty()


def row_format(fmt: RowFormat | None, output: str | None, *, piped: RowFormat = RowFormat.TSV) -> RowFormat:
    """The format asked for; else, with ``-o``, the one the file's extension names (``piped`` for
    another extension); else a table on a terminal and ``piped`` otherwise.

    A table is for a terminal: ``-f table -o FILE`` is a usage error rather than a silent TSV.
    """
    if fmt is RowFormat.TABLE and output:
        raise usage_error(f"{output}: a table is for the terminal; write a file with --format csv, tsv, json or jsonl")
    if fmt is not None:
        return fmt
    if output:
        return format_for_path(output) or piped
    return RowFormat.TABLE if stdout_is_terminal() else piped


def fields_option(text: str | None, columns: Sequence[str] | None) -> list[str] | None:
    """``--fields`` checked against the rows' ``columns`` (None: nothing to check against);
    None when not given; exit 2 on a bad name."""
    if text is None:
        return None
    try:
        return parse_fields(text, field_names(columns) if columns is not None else None)
    except ValueError as exc:
        raise usage_error(str(exc)) from None


class ProgressBar:
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


def documents(
    inputs: list[str],
    options: ParseOptions,
    status: BatchReport,
    quiet: bool = False,
    *,
    paths: list[str] | None = None,
    as_json: bool = False,
) -> Iterator[Outcome]:
    """Parse inputs in order into ``status`` (:func:`cwgtool.api.batch_report`); report each
    failure on stderr as one line and keep going.

    Progress goes to stderr only for a batch, only on a terminal, never with --quiet.
    ``as_json``: outcomes carry the document's JSON text, maybe no model (see ``api.parse_many``).
    """
    if paths is None:
        paths = expand_inputs(inputs)
    if not paths:
        error("no input documents found")
        raise typer.Exit(EXIT_INPUT)
    bar = ProgressBar(len(paths)) if len(paths) > 1 and not quiet and sys.stderr.isatty() else None
    try:
        on_done = bar.advance if bar else None
        for outcome in api.parse_many(paths, options, on_done=on_done, as_json=as_json, report=status):
            say_outcome(outcome, quiet)
            if outcome.error is None:
                yield outcome
    finally:
        if bar is not None:
            bar.stop()


def say_outcome(outcome: Outcome, quiet: bool) -> None:
    """On stderr: a failed input's one line (and its traceback with --debug), or a parsed
    document's warnings unless ``quiet``."""
    if outcome.error is not None:
        error(f"{outcome.path}: {outcome.error}")
        if outcome.detail:
            sys.stderr.write(outcome.detail)
    elif not quiet:
        for w in outcome.warnings():
            error(f"warning: {outcome.path}: {w}")


def list_failures(failures: Sequence[Outcome]) -> None:
    """The failed inputs of a batch, one indented line each, under its summary line."""
    for f in failures:
        sys.stderr.write(f"  {one_line(f'{f.path}: {f.error}')}\n")


def finish(status: BatchReport | None, *, always: bool = False) -> None:
    """Summary on stderr for batches with failures (or for every batch with ``always``), then exit.
    ``None``: nothing was parsed (an answer from ``--db``), nothing to say."""
    if status is None:
        return
    if (status.failures or always) and status.total > 1:
        if status.failures:
            error(f"{status.done} parsed, {len(status.failures)} failed:")
            list_failures(status.failures)
        else:
            error(f"{status.done} parsed, 0 failed")
    code = status.exit_code()
    if code:
        raise typer.Exit(code)


def emit(text: str, output: str | None, *, durable: bool = True) -> None:
    """``text`` to stdout, or atomically to ``output``; ``durable=False`` skips the fsync (batches,
    see :mod:`cwgtool.fileio` for what that gives up)."""
    if output:
        try:
            api.write_text(output, text, durable=durable)
        except OSError as exc:
            raise usage_error(f"{output}: cannot write: {exc.strerror or exc}") from None
    else:
        sys.stdout.write(text)
        sys.stdout.flush()
