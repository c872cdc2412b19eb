"""`cwgtool brief`: what a delegate reads before the next meeting, as one page.

Arguments → one :class:`~cwgtool.options.BriefRequest` → :func:`cwgtool.api.brief` → the HTML
or Markdown renderer → stdout or ``-o``.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, NoReturn

import typer

from cwgtool import api
from cwgtool.cli.common import (
    DB,
    DEBUG,
    ENGINE,
    EXIT_USAGE,
    INPUTS_OPTIONAL,
    JOBS,
    NO_CACHE,
    OUTPUT,
    PASSWORD,
    QUIET,
    documents,
    emit,
    error,
    finish,
    parse_options,
    usage_error,
)
from cwgtool.options import BriefFormat, BriefRequest, PdfEngine

if TYPE_CHECKING:
    from cwgtool.api import BatchReport
    from cwgtool.brief import Brief


def _format(fmt: BriefFormat | None, output: str | None) -> BriefFormat:
    """As asked; else Markdown for an ``-o`` file named ``*.md``, HTML otherwise."""
    if fmt is not None:
        return fmt
    return BriefFormat.MD if output and output.lower().endswith((".md", ".markdown")) else BriefFormat.HTML


def brief(
    inputs: list[str] | None = INPUTS_OPTIONAL,
    output: str | None = OUTPUT,
    output_dir: str | None = typer.Option(
        None, "--output-dir", "-O", metavar="DIR", help="One page per meeting: DIR/<record symbol>.html (or .md), e.g. DIR/cwg-internet-14-8.html."
    ),
    fmt: BriefFormat | None = typer.Option(
        None, "--format", "-f", help="html (default; md when -o names a .md file): one self-contained page; md: the same as Markdown.",
        case_sensitive=False,
    ),
    member: str | None = typer.Option(None, "--member", metavar="ISO3", help="Add this Member State's positions over time, linked to the record paragraphs."),
    topic: str | None = typer.Option(None, "--topic", metavar="TEXT", help="Stance map over the topics (and contributions) whose title holds TEXT."),
    db: str | None = DB,
    engine: PdfEngine = ENGINE,
    password: str | None = PASSWORD,
    jobs: int | None = JOBS,
    no_cache: bool = NO_CACHE,
    quiet: bool = QUIET,
    debug: bool = DEBUG,
) -> None:
    """One page per meeting for delegates: contributions with stance bars, topics, decisions by
    due date, contributions never discussed (give the contribution documents too), and a stance
    map of Member States across the records. With --db: the stance map of a whole archive."""
    if output and output_dir:
        raise usage_error("--output and --output-dir are mutually exclusive")
    if db and output_dir:
        raise usage_error("--output-dir makes one page per record given; an archive's brief is one page (use -o)")
    try:
        request = BriefRequest(format=_format(fmt, output), member=member, topic=topic, db=db, paths=tuple(inputs or ()) if db else ())
    except ValueError as exc:
        raise usage_error(str(exc)) from None
    status = None
    docs = []
    if not db and not inputs:
        raise usage_error("give RECORD files (and the meeting's contribution documents), or --db ARCHIVE")
    if not db:  # with --db, FILE arguments only narrow the archive (request.paths)
        options = parse_options(engine, password, jobs, no_cache)
        status = api.batch_report()
        docs = [o.document for o in documents(inputs, options, status, quiet) if o.document is not None]
        if status.done == 0:
            finish(status)  # every input failed: the errors are on stderr
            return
    if output_dir:
        pages = api.briefs(request, docs)
        if not pages:
            _no_record(status)
        suffix = ".md" if request.format is BriefFormat.MD else ".html"
        for name, one in pages:
            emit(_render(one, request.format), str(Path(output_dir) / f"{name}{suffix}"))
        finish(status)
        return
    result = api.brief(request, docs)
    if not db and not result.meetings:
        _no_record(status)
    emit(_render(result, request.format), output)
    finish(status)


def _render(result: Brief, fmt: BriefFormat) -> str:
    if fmt is BriefFormat.MD:
        from cwgtool.render.brief_md import render_md

        return render_md(result)
    from cwgtool.render.brief_html import render_html

    return render_html(result)


def _no_record(status: BatchReport | None) -> NoReturn:
    finish(status)
    error("no summary record among the inputs: a brief is made from records (contribution documents only add what was never discussed)")
    raise typer.Exit(EXIT_USAGE)
