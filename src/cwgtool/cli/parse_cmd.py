"""`cwgtool parse`: the whole document as JSON (or Markdown / text), to stdout or one file per input."""

from __future__ import annotations

import os
from enum import StrEnum
from pathlib import Path

import typer

from cwgtool.cli import app
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
    PdfEngine,
    documents,
    emit,
    finish,
    usage_error,
)


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
    from cwgtool.render import document as r

    if output and output_dir:
        usage_error("--output and --output-dir are mutually exclusive")

    def render_one(doc: object) -> str:
        if fmt is DocFormat.MD:
            return r.render_markdown(doc)  # type: ignore[arg-type]
        if fmt is DocFormat.TEXT:
            return r.render_text(doc)  # type: ignore[arg-type]
        return r.render_json([doc], single=True)  # type: ignore[list-item]

    status = BatchStatus()
    outcomes = documents(inputs, engine, password, status, quiet, jobs=jobs, use_cache=not no_cache)
    if output_dir:
        for o in outcomes:
            assert o.document is not None
            emit(render_one(o.document), str(mirrored_output(o.path, output_dir, _SUFFIX[fmt])))
        finish(status, always=not quiet)
        return

    docs = [o.document for o in outcomes if o.document is not None]
    if docs:
        if fmt is DocFormat.JSON:
            # one file in, one object out; a folder, glob or several files give a list
            one_file = len(inputs) == 1 and (inputs[0] == "-" or os.path.isfile(inputs[0]))
            text = r.render_json(docs, single=one_file and len(docs) == 1)
        elif fmt is DocFormat.JSONL:
            text = r.render_jsonl(docs)
        elif fmt is DocFormat.MD:
            text = "\n".join(r.render_markdown(d) for d in docs)
        else:
            text = "\n".join(r.render_text(d) for d in docs)
        emit(text, output)
    finish(status)
