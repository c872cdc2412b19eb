"""`cwgtool parse`: the whole document as JSON (or Markdown / text), to stdout or one file per input.

This module imports neither typer nor the pydantic model: :func:`fast_parse` runs the command
for its common argument forms straight from ``cwgtool.cli.main``, because on a cached archive
the start-up of typer (~90 ms: it builds a pydantic TypeAdapter per parameter) and of the model
(~50 ms) would be most of the run. The typer command (:func:`register`) calls the same
:func:`run_parse`, so both ways behave identically (tested argument by argument).
"""

from __future__ import annotations

import os
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING

from cwgtool.cli.common import (
    BatchStatus,
    PdfEngine,
    documents,
    emit,
    emit_bytes,
    finish,
    usage_error,
)

if TYPE_CHECKING:
    import typer

    from cwgtool.batch import Outcome
    from cwgtool.model import Document


class DocFormat(StrEnum):
    JSON = "json"
    JSONL = "jsonl"
    MD = "md"
    TEXT = "text"


_SUFFIX = {DocFormat.JSON: ".json", DocFormat.JSONL: ".json", DocFormat.MD: ".md", DocFormat.TEXT: ".txt"}


def mirrored_output(path: str, out_dir: str, suffix: str) -> Path:
    """Where ``--output-dir`` writes the result for ``path``.

    The input path as given (relative to the current directory) is mirrored under ``out_dir``
    and the suffix appended, keeping the original extension: ``a/b/rec.pdf`` →
    ``OUT/a/b/rec.pdf.json``. Keeping the extension means ``rec.pdf`` and ``rec.docx`` never
    collide; mirroring the whole given path means two folder arguments never collide either.
    Paths outside the current directory (absolute, or through ``..``) are mirrored by their
    absolute path without the root, so nothing is ever written outside ``out_dir``. stdin → ``stdin``.
    """
    if path == "-":
        rel = Path("stdin")
    else:
        absolute = Path(os.path.abspath(path))
        try:
            rel = absolute.relative_to(Path.cwd())
        except ValueError:
            rel = absolute.relative_to(absolute.anchor)
    return Path(out_dir) / rel.parent / (rel.name + suffix)


def register(app: typer.Typer) -> None:
    """Add the typer command to ``app`` (called by ``cwgtool.cli._register``)."""
    import typer

    from cwgtool.cli.common import DEBUG, ENGINE, INPUTS, JOBS, NO_CACHE, OUTPUT, PASSWORD, QUIET

    @app.command("parse")
    def parse_cmd(
        inputs: list[str] = INPUTS,
        fmt: DocFormat = typer.Option(DocFormat.JSON, "--format", "-f", help="Output format.", case_sensitive=False),
        output: str | None = OUTPUT,
        output_dir: str | None = typer.Option(
            None,
            "--output-dir",
            "-O",
            help="Write one file per input, mirroring its path: a/b/rec.pdf → DIR/a/b/rec.pdf.json (atomic writes). "
            "A summary of successes and failures goes to stderr.",
        ),
        engine: PdfEngine = ENGINE,
        password: str | None = PASSWORD,
        jobs: int | None = JOBS,
        no_cache: bool = NO_CACHE,
        quiet: bool = QUIET,
        debug: bool = DEBUG,
    ) -> None:
        """Parse records/contributions and print the whole document (metadata, outline, extracted facts)."""
        run_parse(inputs, fmt, output, output_dir, engine, password, jobs, no_cache, quiet)


# The argument forms fast_parse handles; anything else (--help, --debug, --pdf-engine,
# --password, --opt=value, a repeated option, root options before `parse`...) goes to typer.
_FLAGS = {"-q": "quiet", "--quiet": "quiet", "--no-cache": "no_cache"}
_VALUED = {"-o": "output", "--output": "output", "-O": "output_dir", "--output-dir": "output_dir", "-j": "jobs", "--jobs": "jobs", "-f": "fmt", "--format": "fmt"}


def fast_parse(argv: list[str]) -> bool:
    """Run ``cwgtool parse`` without typer if ``argv`` is in a form whose meaning is certain.

    Returns False, having done nothing, for anything else, so typer parses it (and reports
    errors) as usual. Accepted: inputs, ``-q``, ``--no-cache``, ``-o``/``-O``/``-j``/``-f``
    followed by a separate value (``-j`` a plain positive integer, ``-f`` a lower-case format
    name, no value starting with ``-``), each option at most once, and no shell-completion request.
    Exits like the typer command: ``SystemExit`` from the shared helpers, 130 on Ctrl-C, 1 on a
    closed stdout pipe.
    """
    if not argv or argv[0] != "parse" or any(k.startswith("_") and k.endswith("_COMPLETE") for k in os.environ):
        return False
    values: dict[str, str | bool] = {}
    inputs: list[str] = []
    args = iter(argv[1:])
    for arg in args:
        if arg in _FLAGS and _FLAGS[arg] not in values:
            values[_FLAGS[arg]] = True
        elif arg in _VALUED and _VALUED[arg] not in values:
            value = next(args, None)
            if value is None or value.startswith("-"):
                return False
            values[_VALUED[arg]] = value
        elif arg == "-" or not arg.startswith("-"):
            inputs.append(arg)
        else:
            return False
    jobs = values.get("jobs")
    fmt = values.get("fmt", "json")
    if not inputs or (jobs is not None and not (str(jobs).isdigit() and str(jobs).isascii() and str(int(jobs)) == jobs and int(jobs) >= 1)):
        return False
    if fmt not in {f.value for f in DocFormat}:
        return False
    from cwgtool.readers import DEFAULT_PDF_ENGINE

    output, output_dir = values.get("output"), values.get("output_dir")
    try:
        run_parse(
            inputs,
            DocFormat(fmt),
            str(output) if output is not None else None,
            str(output_dir) if output_dir is not None else None,
            PdfEngine(DEFAULT_PDF_ENGINE),
            None,
            int(jobs) if jobs is not None else None,
            bool(values.get("no_cache", False)),
            bool(values.get("quiet", False)),
        )
    except KeyboardInterrupt:
        raise SystemExit(130) from None  # what typer does with Ctrl-C inside a command
    except BrokenPipeError:
        # `cwgtool parse … | head`: like typer (click), exit 1 without a traceback; stdout goes to
        # /dev/null so that the interpreter's final flush does not fail again
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, 1)
        raise SystemExit(1) from None
    return True


def run_parse(
    inputs: list[str],
    fmt: DocFormat,
    output: str | None,
    output_dir: str | None,
    engine: PdfEngine,
    password: str | None,
    jobs: int | None,
    no_cache: bool,
    quiet: bool,
) -> None:
    """The command itself, for the typer command and :func:`fast_parse` alike."""
    if output and output_dir:
        usage_error("--output and --output-dir are mutually exclusive")

    status = BatchStatus()
    # JSON output is the cached bytes themselves: no model import, validation or re-serialisation
    # (--output-dir writes JSON Lines as one indented document per file, the same bytes)
    as_json = fmt is DocFormat.JSON or (fmt is DocFormat.JSONL and bool(output_dir))
    outcomes = documents(inputs, engine, password, status, quiet, jobs=jobs, use_cache=not no_cache, as_json=as_json)
    if output_dir:
        for o in outcomes:
            target = str(mirrored_output(o.path, output_dir, _SUFFIX[fmt]))
            if as_json:
                emit_bytes(_json(o) + b"\n", target)
            else:
                # one file per input: no per-file fsync (cwgtool.fileio says what that gives up)
                emit(_render_one(o, fmt), target, durable=False)
        finish(status, always=not quiet)
        return

    done = list(outcomes)
    if done:
        if fmt is DocFormat.JSON:
            # one file in, one object out; a folder, glob or several files give a list
            one_file = len(inputs) == 1 and (inputs[0] == "-" or os.path.isfile(inputs[0]))
            text = json_documents([_json(o).decode("utf-8") for o in done], single=one_file and len(done) == 1)
        else:
            from cwgtool.render import document as r

            docs = [_model(o) for o in done]
            if fmt is DocFormat.JSONL:
                text = r.render_jsonl(docs)
            elif fmt is DocFormat.MD:
                text = "\n".join(r.render_markdown(d) for d in docs)
            else:
                text = "\n".join(r.render_text(d) for d in docs)
        emit(text, output)
    finish(status)


def json_documents(texts: list[str], *, single: bool) -> str:
    """``render.document.render_json`` for documents already serialised with indent=2.

    Same bytes (tested against it): one document is its text and a newline; a list indents every
    line by two spaces, which is a plain replace because JSON strings hold no raw newlines.
    """
    if single and len(texts) == 1:
        return texts[0] + "\n"
    if not texts:
        return "[]\n"
    return "[\n" + ",\n".join("  " + t.replace("\n", "\n  ") for t in texts) + "\n]\n"


def _json(o: Outcome) -> bytes:
    if o.document_json is not None:
        return o.document_json
    from cwgtool.cache import dump_json

    assert o.document is not None
    return dump_json(o.document)


def _model(o: Outcome) -> Document:
    if o.document is not None:
        return o.document
    from cwgtool.model import Document

    assert o.document_json is not None
    return Document.model_validate_json(o.document_json)


def _render_one(o: Outcome, fmt: DocFormat) -> str:
    from cwgtool.render import document as r

    if fmt is DocFormat.MD:
        return r.render_markdown(_model(o))
    if fmt is DocFormat.TEXT:
        return r.render_text(_model(o))
    return r.render_json([_model(o)], single=True)
