"""`cwgtool parse`: the whole document as JSON (or Markdown / text), to stdout or one file per input."""

from __future__ import annotations

import os
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
    documents,
    emit,
    error,
    expand_inputs,
    finish,
    parse_options,
    usage_error,
)
from cwgtool.options import DocFormat, PdfEngine

if TYPE_CHECKING:
    from cwgtool.api import Document

_SUFFIX = {DocFormat.JSON: ".json", DocFormat.JSONL: ".json", DocFormat.MD: ".md", DocFormat.TEXT: ".txt"}


def parse(
    inputs: list[str] = INPUTS,
    fmt: DocFormat = typer.Option(DocFormat.JSON, "--format", "-f", help="Output format.", case_sensitive=False),
    output: str | None = OUTPUT,
    output_dir: str | None = typer.Option(
        None,
        "--output-dir",
        "-O",
        metavar="DIR",
        help="Write one file per input, mirroring the tree under the inputs' common folder: archive/a/rec.pdf → "
        "DIR/a/rec.pdf.json (atomic writes). A summary of successes and failures goes to stderr.",
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
    status = api.batch_report()
    # JSON output is the cached bytes themselves: no model import, validation or re-serialisation
    # (--output-dir writes JSON Lines as one indented document per file, the same bytes)
    as_json = fmt is DocFormat.JSON or (fmt is DocFormat.JSONL and bool(output_dir))
    if output_dir:
        paths = expand_inputs(inputs)
        tree = api.output_tree(output_dir, paths, _SUFFIX[fmt])
        for o in documents(inputs, options, status, quiet, paths=paths, as_json=as_json):
            data = api.outcome_json(o) + b"\n" if as_json else _as_text([api.outcome_document(o)], fmt).encode("utf-8")
            failed = tree.write(o.path, data)
            if failed is not None:  # reported like an input that failed; the batch goes on
                error(f"{failed.path}: {failed.error}")
                status.done -= 1
                status.failures.append(failed)
        finish(status, always=not quiet)
        return
    outcomes = documents(inputs, options, status, quiet, as_json=as_json)

    done = list(outcomes)
    if done:
        if fmt is DocFormat.JSON:
            # one file in, one object out; a folder, glob or several files give a list
            # (the same input twice is one input: `- -`, `a.pdf a.pdf`)
            given = {os.path.normpath(i) for i in inputs}
            one_file = len(given) == 1 and (inputs[0] == "-" or os.path.isfile(inputs[0]))
            from cwgtool.render.document import json_texts

            text = json_texts([api.outcome_json(o).decode("utf-8") for o in done], single=one_file and len(done) == 1)
        elif fmt is DocFormat.JSONL:
            from cwgtool.render.document import render_jsonl

            text = render_jsonl([api.outcome_document(o) for o in done])
        else:
            text = _as_text([api.outcome_document(o) for o in done], fmt)
        emit(text, output)
    finish(status)


def _as_text(docs: list[Document], fmt: DocFormat) -> str:
    """Documents as Markdown (``-f md``) or plain text, one after the other."""
    from cwgtool.render.document import render_markdown, render_text

    render = render_markdown if fmt is DocFormat.MD else render_text
    return "\n".join(render(d) for d in docs)

