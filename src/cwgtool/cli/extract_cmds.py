"""`cwgtool contributions|positions|actions|topics`: one row per extracted fact.

Each command builds one :class:`~cwgtool.options.RowQuery`; the rows come from
:func:`cwgtool.api.select_rows` over parsed files, or from :func:`cwgtool.api.archive_rows` with
``--db`` — the same filters either way. Default format: a table on a terminal, TSV when piped.
"""

from __future__ import annotations

import typer

from cwgtool import api
from cwgtool.cli.common import (
    DB,
    DEBUG,
    ENGINE,
    FIELDS,
    INPUTS_OPTIONAL,
    JOBS,
    NO_CACHE,
    OUTPUT,
    PASSWORD,
    QUIET,
    ROW_FORMAT,
    WIDE,
    Settings,
    documents,
    emit,
    fields_option,
    finish,
    parse_options,
    row_format,
    usage_error,
)
from cwgtool.options import ActorKind, ParseOptions, PdfEngine, RowKind, RowQuery, Stance, TopicStatus
from cwgtool.render.rows import ActionFormat, RowFormat, columns_of, flat_columns, flatten, render_rows

TITLES = {
    RowKind.CONTRIBUTIONS: "Contributions",
    RowKind.POSITIONS: "Positions",
    RowKind.ACTIONS: "Actions",
    RowKind.TOPICS: "Consultation topics",
}


def _query(kind: RowKind, **filters: object) -> RowQuery:
    try:
        return RowQuery(kind, **filters)  # type: ignore[arg-type]
    except ValueError as exc:
        raise usage_error(str(exc)) from None


def _run(
    query: RowQuery,
    inputs: list[str] | None,
    fmt: RowFormat | None,
    output: str | None,
    db: str | None,
    options: ParseOptions,
    quiet: bool,
    fields_text: str | None = None,
    wide: bool = False,
) -> None:
    """Rows of ``query`` from ``--db`` or from the parsed inputs, rendered."""
    chosen = row_format(fmt, output)
    status = None
    if db:
        rows = api.archive_rows(db, query, nested=chosen in (RowFormat.JSON, RowFormat.JSONL))
        columns = None
        # an archive's rows carry more than the model (meeting…): their own keys are the fields,
        # and an empty result has nothing to check the names against
        fields = fields_option(fields_text, columns_of([flatten(r) for r in rows]) + columns_of(rows) if rows else None)
    elif not inputs:
        raise usage_error("give FILE arguments or --db ARCHIVE")
    else:
        columns = api.row_columns(query)
        fields = fields_option(fields_text, columns)  # before parsing: a typo costs nothing
        # the documents' JSON form: a cached one is decoded, never rebuilt as the model
        status = api.batch_report()
        rows = api.select_rows((o.data() for o in documents(inputs, options, status, quiet, as_json=True)), query)
        if status.done == 0:
            finish(status)  # every input failed: nothing to print, the errors are on stderr
            return
    if chosen is RowFormat.TABLE:
        from cwgtool.render.table import print_table

        print_table(rows, kind=query.kind.value, title=TITLES[query.kind], wide=wide, fields=flat_columns(fields) if fields else None)
    else:
        emit(render_rows(rows, chosen, columns=columns, fields=fields, formula_guard=Settings.formula_guard), output)
    finish(status)


def contributions(
    inputs: list[str] | None = INPUTS_OPTIONAL,
    fmt: RowFormat | None = ROW_FORMAT,
    output: str | None = OUTPUT,
    fields: str | None = FIELDS,
    wide: bool = WIDE,
    member: str | None = typer.Option(None, "--member", metavar="ISO3", help="Only contributions submitted by this Member State (ISO3)."),
    engine: PdfEngine = ENGINE,
    password: str | None = PASSWORD,
    db: str | None = DB,
    jobs: int | None = JOBS,
    no_cache: bool = NO_CACHE,
    quiet: bool = QUIET,
    debug: bool = DEBUG,
) -> None:
    """Contributions discussed in records (symbol, submitters, title, summary, discussion)."""
    query = _query(RowKind.CONTRIBUTIONS, member=member, paths=tuple(inputs or ()) if db else ())
    _run(query, inputs, fmt, output, db, parse_options(engine, password, jobs, no_cache), quiet, fields, wide)


def positions(
    inputs: list[str] | None = INPUTS_OPTIONAL,
    fmt: RowFormat | None = ROW_FORMAT,
    output: str | None = OUTPUT,
    fields: str | None = FIELDS,
    wide: bool = WIDE,
    stance: Stance | None = typer.Option(None, "--stance", help="Only this stance.", case_sensitive=False),
    actor_kind: ActorKind | None = typer.Option(None, "--actor-kind", help="Only positions taken by this kind of actor.", case_sensitive=False),
    contribution: str | None = typer.Option(None, "--contribution", metavar="SYMBOL", help="Only positions on this contribution symbol."),
    member: str | None = typer.Option(None, "--member", metavar="ISO3", help="Only positions naming this Member State (ISO3)."),
    engine: PdfEngine = ENGINE,
    password: str | None = PASSWORD,
    db: str | None = DB,
    jobs: int | None = JOBS,
    no_cache: bool = NO_CACHE,
    quiet: bool = QUIET,
    debug: bool = DEBUG,
) -> None:
    """Positions taken in the discussions: actor, stance, cue words, sentence."""
    query = _query(
        RowKind.POSITIONS, stance=stance, actor_kind=actor_kind, contribution=contribution, member=member,
        paths=tuple(inputs or ()) if db else (),
    )
    _run(query, inputs, fmt, output, db, parse_options(engine, password, jobs, no_cache), quiet, fields, wide)


def actions(
    inputs: list[str] | None = INPUTS_OPTIONAL,
    fmt: ActionFormat | None = typer.Option(
        None, "--format", "-f", case_sensitive=False,
        help="table (default on a terminal), json, jsonl, csv, tsv (default when piped), or ics: an iCalendar file, one event per due date.",
    ),
    output: str | None = OUTPUT,
    fields: str | None = FIELDS,
    wide: bool = WIDE,
    all_: bool = typer.Option(False, "--all", help="Also action sentences found inside discussions."),
    engine: PdfEngine = ENGINE,
    password: str | None = PASSWORD,
    db: str | None = DB,
    jobs: int | None = JOBS,
    no_cache: bool = NO_CACHE,
    quiet: bool = QUIET,
    debug: bool = DEBUG,
) -> None:
    """Action items: the Actions/Decisions section (and, with --all, actions stated in discussions).
    With -f ics: an iCalendar file of the actions that have a due date."""
    options = parse_options(engine, password, jobs, no_cache)
    if (fmt is not None and fmt.value == "ics") or (fmt is None and (output or "").lower().endswith(".ics")):
        _calendar(inputs, output, db, options, quiet, all_)
        return
    query = _query(RowKind.ACTIONS, all_actions=all_, paths=tuple(inputs or ()) if db else ())
    _run(query, inputs, RowFormat(fmt.value) if fmt is not None else None, output, db, options, quiet, fields, wide)


def _calendar(inputs: list[str] | None, output: str | None, db: str | None, options: ParseOptions, quiet: bool, all_: bool) -> None:
    """``actions -f ics``: the dated actions of the parsed inputs (or of the archive) as iCalendar."""
    status = None
    if db:
        data = api.actions_calendar(all_actions=all_, db=db, paths=tuple(inputs or ()))
    elif not inputs:
        raise usage_error("give FILE arguments or --db ARCHIVE")
    else:
        status = api.batch_report()
        docs = [o.document for o in documents(inputs, options, status, quiet) if o.document is not None]
        if status.done == 0:
            finish(status)
            return
        data = api.actions_calendar(docs, all_actions=all_)
    emit(data.decode("utf-8"), output)
    finish(status)


def topics(
    inputs: list[str] | None = INPUTS_OPTIONAL,
    fmt: RowFormat | None = ROW_FORMAT,
    output: str | None = OUTPUT,
    fields: str | None = FIELDS,
    wide: bool = WIDE,
    status: TopicStatus | None = typer.Option(
        None, "--status", help="Only topics the meeting settled this way (with --db: by their last status).", case_sensitive=False
    ),
    engine: PdfEngine = ENGINE,
    password: str | None = PASSWORD,
    occurrences: bool = typer.Option(False, "--occurrences", help="With --db: one row per topic per meeting, not grouped."),
    db: str | None = DB,
    jobs: int | None = JOBS,
    no_cache: bool = NO_CACHE,
    quiet: bool = QUIET,
    debug: bool = DEBUG,
) -> None:
    """Proposed open-consultation topics with their questions and outcome.

    With --db: every topic ever proposed, once, with the meetings where it came back and its
    outcome each time (same topic = same title ignoring case, accents, labels and punctuation);
    --occurrences lists one row per meeting instead.
    """
    query = _query(RowKind.TOPICS, status=status, occurrences=occurrences, paths=tuple(inputs or ()) if db else ())
    _run(query, inputs, fmt, output, db, parse_options(engine, password, jobs, no_cache), quiet, fields, wide)
