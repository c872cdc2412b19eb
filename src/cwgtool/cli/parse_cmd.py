"""`cwgtool parse`: the whole document as JSON (or Markdown / text), to stdout or one file per input."""

from __future__ import annotations

import os
from pathlib import Path
from typing import TYPE_CHECKING

import typer

from cwgtool import api
from cwgtool.cli.common import (
    DEBUG,
    ENGINE,
    INPUTS,
    JOBS,
    NO_CACHE,
    OUTPUT,
    PASSWORD,
    QUIET,
    BatchStatus,
    documents,
    emit,
    emit_bytes,
    finish,
    parse_options,
    usage_error,
)
from cwgtool.options import DocFormat, PdfEngine

if TYPE_CHECKING:
    from cwgtool.api import Outcome

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


def parse(
    inputs: list[str] = INPUTS,
    fmt: DocFormat = typer.Option(DocFormat.JSON, "--format", "-f", help="Output format.", case_sensitive=False),
    output: str | None = OUTPUT,
    output_dir: str | None = typer.Option(
        None,
        "--output-dir",
        "-O",
        metavar="DIR",
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
    if output and output_dir:
        raise usage_error("--output and --output-dir are mutually exclusive")
    options = parse_options(engine, password, jobs, no_cache)
    status = BatchStatus()
    # JSON output is the cached bytes themselves: no model import, validation or re-serialisation
    # (--output-dir writes JSON Lines as one indented document per file, the same bytes)
    as_json = fmt is DocFormat.JSON or (fmt is DocFormat.JSONL and bool(output_dir))
    outcomes = documents(inputs, options, status, quiet, as_json=as_json)
    if output_dir:
        for o in outcomes:
            target = str(mirrored_output(o.path, output_dir, _SUFFIX[fmt]))
            if as_json:
                emit_bytes(api.outcome_json(o) + b"\n", target)
            else:
                # one file per input: no per-file fsync (cwgtool.fileio says what that gives up)
                emit(_render_one(o, fmt), target, durable=False)
        finish(status, always=not quiet)
        return

    done = list(outcomes)
    if done:
        if fmt is DocFormat.JSON:
            # one file in, one object out; a folder, glob or several files give a list
            # (the same input twice is one input: `- -`, `a.pdf a.pdf`)
            given = {os.path.normpath(i) for i in inputs}
            one_file = len(given) == 1 and (inputs[0] == "-" or os.path.isfile(inputs[0]))
            text = json_documents([api.outcome_json(o).decode("utf-8") for o in done], single=one_file and len(done) == 1)
        else:
            from cwgtool.render import document as r

            docs = [api.outcome_document(o) for o in done]
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


def _render_one(o: Outcome, fmt: DocFormat) -> str:
    from cwgtool.render import document as r

    if fmt is DocFormat.MD:
        return r.render_markdown(api.outcome_document(o))
    if fmt is DocFormat.TEXT:
        return r.render_text(api.outcome_document(o))
    return r.render_json([api.outcome_document(o)], single=True)
