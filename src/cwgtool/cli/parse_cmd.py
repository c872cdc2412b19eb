"""`cwgtool parse`: the whole document as JSON (or Markdown / text)."""

from __future__ import annotations

from enum import StrEnum

import typer

from cwgtool.cli import app
from cwgtool.cli.common import (
    DEBUG,
    ENGINE,
    INPUTS,
    OUTPUT,
    PASSWORD,
    QUIET,
    BatchStatus,
    PdfEngine,
    documents,
    emit,
    finish,
)


class DocFormat(StrEnum):
    JSON = "json"
    JSONL = "jsonl"
    MD = "md"
    TEXT = "text"


@app.command("parse")
def parse_cmd(
    inputs: list[str] = INPUTS,
    fmt: DocFormat = typer.Option(DocFormat.JSON, "--format", "-f", help="Output format.", case_sensitive=False),
    output: str | None = OUTPUT,
    engine: PdfEngine = ENGINE,
    password: str | None = PASSWORD,
    quiet: bool = QUIET,
    debug: bool = DEBUG,
) -> None:
    """Parse records/contributions and print the whole document (metadata, outline, extracted facts)."""
    from cwgtool.render import document as r

    status = BatchStatus()
    docs = [o.document for o in documents(inputs, engine, password, status, quiet) if o.document is not None]
    if docs:
        if fmt is DocFormat.JSON:
            text = r.render_json(docs, single=len(inputs) == 1 and len(docs) == 1 and not status.failures)
        elif fmt is DocFormat.JSONL:
            text = r.render_jsonl(docs)
        elif fmt is DocFormat.MD:
            text = "\n".join(r.render_markdown(d) for d in docs)
        else:
            text = "\n".join(r.render_text(d) for d in docs)
        emit(text, output)
    finish(status)
