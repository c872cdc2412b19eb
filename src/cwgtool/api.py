"""The front door: the Python surface of cwgtool, and everything the CLI calls.

``parse`` runs the whole pipeline once: read → blocks → outline → metadata → extractors.
Everything is computed from the :class:`~cwgtool.model.Document` produced here, so the CLI
subcommands (``actions``, ``positions``…) and the library give identical results. Each CLI
command builds one request (:mod:`cwgtool.options`), calls one function here and renders what
it returns; nothing under ``cwgtool.cli`` imports another cwgtool module than this one,
:mod:`cwgtool.options` and :mod:`cwgtool.render`.

Every other module (the pipeline, the model, the batch pool, the cache, the index, the checker)
is imported inside the functions that need it: a command loads what it uses, so ``cwgtool
--help``, ``search`` and a listing from the cache start without the parser or the model.
"""

from __future__ import annotations

import os
from typing import TYPE_CHECKING

from cwgtool.errors import CwgError, InputError, debug_details
from cwgtool.fileio import DOCUMENT_SUFFIXES, resolve_inputs
from cwgtool.options import DEFAULT_PDF_ENGINE, ParseOptions

if TYPE_CHECKING:
    import sqlite3
    from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
    from typing import Any

    from cwgtool.batch import BatchReport, Outcome, OutputTree
    from cwgtool.blocks import ReadResult
    from cwgtool.brief import Brief
    from cwgtool.cache import CacheInfo
    from cwgtool.check.registry import Rule
    from cwgtool.check.runner import CheckReport
    from cwgtool.index import IndexReport
    from cwgtool.limits import Limits
    from cwgtool.link import LinkReport
    from cwgtool.model import Document, Paragraph, Source
    from cwgtool.options import BriefRequest, CheckRequest, RowQuery


def read_blocks(
    path: str | os.PathLike[str],
    *,
    pdf_engine: str = DEFAULT_PDF_ENGINE,
    password: str | None = None,
    limits: Limits | None = None,
) -> ReadResult:
    """Read a file (or "-" for stdin) into format-neutral blocks, after the same checks as :func:`parse`."""
    from cwgtool import pipeline

    options = ParseOptions(pdf_engine=pdf_engine, password=password, use_cache=False, limits=limits)
    checked = pipeline.check_input(path, options.effective_limits())
    try:
        return pipeline.read_checked(checked, options)
    finally:
        checked.release()


def parse(
    path: str | os.PathLike[str],
    *,
    pdf_engine: str = DEFAULT_PDF_ENGINE,
    password: str | None = None,
    text: str | None = None,
    display_name: str | None = None,
    limits: Limits | None = None,
) -> Document:
    """Parse a record or contribution into the model (no cache: see :func:`parse_many` for that).

    ``path`` is a file, or "-" for stdin (read as bytes, like a file). ``text`` parses a string
    instead of reading ``path`` (``path`` is then only the name shown in provenance).
    ``limits`` defaults to :meth:`Limits.from_env`. Raises :class:`~cwgtool.errors.InputError`
    for unreadable input (:class:`~cwgtool.errors.LimitError` when a safety limit trips).
    """
    from cwgtool import pipeline

    if text is not None:
        import hashlib

        from cwgtool.model import Source
        from cwgtool.readers.text import read_text

        name = display_name or str(path)
        result = read_text(text, display_name=name)
        sha = hashlib.sha256(text.encode("utf-8")).hexdigest()
        return pipeline.build_document(result, Source(path=name, format=result.format, sha256=sha, pages=result.pages))
    doc = pipeline.parse(path, ParseOptions(pdf_engine=pdf_engine, password=password, use_cache=False, limits=limits))
    if display_name is not None:
        doc.relabel(display_name)
    return doc


def build_document(result: ReadResult, source: Source) -> Document:
    """Everything after reading (outline, metadata, extraction) for blocks from :func:`read_blocks`."""
    from cwgtool import pipeline

    return pipeline.build_document(result, source)


def paragraphs(doc: Document) -> list[Paragraph]:
    """All body paragraphs in document order (front matter excluded)."""
    return [p for s in doc.iter_sections() for p in s.paragraphs]


# -- many documents -------------------------------------------------------------------------------


def batch_report() -> BatchReport:
    """An empty :class:`~cwgtool.batch.BatchReport` for :func:`parse_many` to fill (a function, so
    that ``cwgtool --help`` does not import the batch module)."""
    from cwgtool.batch import BatchReport

    return BatchReport()


def parse_many(
    paths: Sequence[str],
    options: ParseOptions,
    *,
    on_done: Callable[[Outcome], None] | None = None,
    as_json: bool = False,
    report: BatchReport | None = None,
) -> Iterator[Outcome]:
    """Parse ``paths`` (already expanded: see :func:`resolve_inputs`), one outcome per path in
    input order; a failure is an outcome, never an exception. ``report`` counts the outcomes and
    keeps the failures. See :func:`cwgtool.batch.parse_many`."""
    from cwgtool import batch

    return batch.parse_many(paths, options, jobs=options.effective_jobs(), on_done=on_done, as_json=as_json, report=report)


def outcome_json(outcome: Outcome) -> bytes:
    """A successful outcome's document as ``cwgtool parse`` writes it (UTF-8, indent=2)."""
    if outcome.document_json is not None:
        return outcome.document_json
    from cwgtool.cache import dump_json

    assert outcome.document is not None
    return dump_json(outcome.document)


def outcome_document(outcome: Outcome) -> Document:
    """A successful outcome's document as the model."""
    if outcome.document is not None:
        return outcome.document
    from cwgtool.model import Document

    assert outcome.document_json is not None
    return Document.model_validate_json(outcome.document_json)


def limits(**overrides: Any) -> Limits:
    """The safety limits: defaults, then ``CWGTOOL_*`` variables, then ``overrides`` (None = unset)."""
    from cwgtool.limits import Limits

    return Limits.from_env().with_overrides(**overrides)


def parse_size(text: str) -> int:
    """``"200M"`` → bytes; ValueError with a readable message otherwise."""
    from cwgtool.limits import parse_size as parse

    return parse(text)


# -- rows of extracted facts ----------------------------------------------------------------------


def select_rows(docs: Iterable[Document | Mapping[str, Any]], query: RowQuery) -> list[dict[str, Any]]:
    """The rows ``query`` asks for, from parsed documents: the model, or its JSON form as a dict
    (:meth:`Outcome.data <cwgtool.batch.Outcome.data>`; see :mod:`cwgtool.rows`)."""
    from cwgtool import rows

    return rows.select_rows(docs, query)


def archive_rows(db: str | os.PathLike[str], query: RowQuery, *, nested: bool = True) -> list[dict[str, Any]]:
    """The same rows from an archive built by ``cwgtool index`` (they also carry the meeting)."""
    from cwgtool import rows

    conn = open_archive(db)
    try:
        return rows.archive_rows(conn, query, nested=nested)
    finally:
        conn.close()


def row_columns(query: RowQuery) -> list[str]:
    """Every column a row of ``query.kind`` has, in order (also when there are no rows)."""
    from cwgtool import rows

    return rows.columns(query.kind)


# -- archives --------------------------------------------------------------------------------------


def open_archive(db: str | os.PathLike[str], *, create: bool = False) -> sqlite3.Connection:
    """Open an archive; :class:`~cwgtool.errors.ArchiveError` (exit 3) when it cannot be used."""
    from cwgtool import index
    from cwgtool.errors import ArchiveError

    try:
        return index.connect(db, create=create)
    except index.ArchiveError as exc:
        raise ArchiveError(str(exc)) from None


def search(db: str | os.PathLike[str], query: str, *, limit: int = 20, paths: Sequence[str] | None = None) -> list[dict[str, Any]]:
    """Full-text search over every archived paragraph (FTS5 syntax); matches are marked with
    :data:`cwgtool.index.HIGHLIGHT_START` / ``HIGHLIGHT_END``."""
    from cwgtool import index

    conn = open_archive(db)
    try:
        return index.search(conn, query, limit=limit, paths=paths)
    finally:
        conn.close()


def search_columns() -> list[str]:
    """The columns of a :func:`search` hit, in order (also when nothing matches)."""
    from cwgtool.index import SEARCH_COLUMNS

    return list(SEARCH_COLUMNS)


def index_update(
    db: str | os.PathLike[str],
    paths: Sequence[str],
    options: ParseOptions,
    *,
    force: bool = False,
    prune: Sequence[str] = (),
    on_done: Callable[[Outcome], None] | None = None,
    on_todo: Callable[[int], None] | None = None,
) -> IndexReport:
    """Bring the archive ``db`` (created if new) up to date with ``paths``: see :func:`cwgtool.index.update`."""
    from cwgtool import index

    conn = open_archive(db, create=True)
    try:
        return index.update(conn, paths, options, jobs=options.effective_jobs(), force=force, prune=prune, on_done=on_done, on_todo=on_todo)
    finally:
        index.close_writer(conn)


def highlight_marks() -> tuple[str, str]:
    """The control characters :func:`search` puts around each match in a snippet."""
    from cwgtool.index import HIGHLIGHT_END, HIGHLIGHT_START

    return HIGHLIGHT_START, HIGHLIGHT_END


# -- check -----------------------------------------------------------------------------------------


def check(paths: Sequence[str], request: CheckRequest, options: ParseOptions) -> CheckReport:
    """Check documents (already expanded) as ``request`` asks; see :mod:`cwgtool.check.runner`.

    ValueError (a usage error) for a config file or baseline that cannot be used.
    """
    from cwgtool.check.runner import check_paths

    return check_paths(paths, request, options)


def write_baseline(path: str, report: CheckReport) -> int:
    """Record a report's findings as a baseline file; returns how many."""
    from cwgtool.check.baseline import write_baseline as save

    return save(path, report.diagnostics)


def rules(prefix: str = "") -> list[Rule]:
    """The checker's rules whose code starts with ``prefix`` (any case), by code; all of them
    without one."""
    from cwgtool.check.registry import all_rules

    wanted = prefix.strip().upper()
    return [r for r in all_rules() if r.code.startswith(wanted)]


def rule(code_or_name: str) -> Rule | None:
    """The checker's rule with this code ("NUM001") or name ("numbering-gap"), in any case."""
    from cwgtool.check.registry import all_rules

    wanted = code_or_name.strip()
    return next((r for r in all_rules() if r.code == wanted.upper() or r.name == wanted.lower()), None)


# -- other commands --------------------------------------------------------------------------------


def link(docs: Iterable[Document]) -> LinkReport:
    """Join records and contribution documents (see :mod:`cwgtool.link`)."""
    from cwgtool.link import link as join

    return join(docs)


def brief(request: BriefRequest, docs: Iterable[Document] = ()) -> Brief:
    """What a delegate reads before a meeting (see :mod:`cwgtool.brief`): the brief of the parsed
    ``docs`` (a section per record, the stance map), or with ``request.db`` the stance map of
    every record in that archive. Draw it with :mod:`cwgtool.render.brief_html` or ``brief_md``."""
    from cwgtool import brief as briefs

    if request.db:
        conn = open_archive(request.db)
        try:
            return briefs.archive_brief(conn, member=request.member, topic=request.topic, paths=request.paths, name=request.db)
        finally:
            conn.close()
    return briefs.build_brief(docs, member=request.member, topic=request.topic)


def briefs(request: BriefRequest, docs: Iterable[Document]) -> list[tuple[str, Brief]]:
    """One brief per meeting of the parsed ``docs`` (``cwgtool brief --output-dir``), as (file
    name without suffix, brief); each holds its record, the contribution documents of its
    meeting, and that meeting's stance map."""
    from cwgtool.brief import build_briefs

    return build_briefs(docs, member=request.member, topic=request.topic)


def actions_calendar(
    docs: Iterable[Document] = (), *, all_actions: bool = False, db: str | None = None, paths: Sequence[str] = ()
) -> bytes:
    """The actions with a due date as an iCalendar file (RFC 5545), from the parsed ``docs`` or
    from the records of the archive ``db`` (at or under ``paths``). See :mod:`cwgtool.render.ics`."""
    from cwgtool.brief import archived_records, record_actions
    from cwgtool.render.ics import calendar

    if db:
        conn = open_archive(db)
        try:
            docs = archived_records(conn, paths)
        finally:
            conn.close()
    return calendar(record_actions(docs, include_discussion=all_actions))


def schema() -> dict[str, Any]:
    """The JSON Schema (draft 2020-12) that ``cwgtool parse`` JSON follows."""
    from cwgtool.model import json_schema

    return {"$schema": "https://json-schema.org/draft/2020-12/schema", **json_schema()}


def cache_info() -> CacheInfo:
    """Where the parsed-document cache is, its entry count and size."""
    from cwgtool.cache import ParseCache

    return ParseCache().info()


def cache_clear() -> tuple[int, str]:
    """Empty the cache: (entries removed, its location)."""
    from cwgtool.cache import ParseCache

    cache = ParseCache()
    return cache.clear(), str(cache.root)


def write_text(path: str, text: str, *, durable: bool = True) -> None:
    """Write ``text`` to ``path`` atomically (see :mod:`cwgtool.fileio`)."""
    from cwgtool.fileio import write_text_atomic

    write_text_atomic(path, text, durable=durable)


def output_tree(out_dir: str | os.PathLike[str], paths: Sequence[str], suffix: str) -> OutputTree:
    """Where ``parse --output-dir`` writes each of ``paths``, collisions refused: see :class:`cwgtool.batch.OutputTree`."""
    from cwgtool.batch import OutputTree

    return OutputTree(out_dir, paths, suffix)


__all__ = [
    "DOCUMENT_SUFFIXES",
    "CwgError",
    "InputError",
    "actions_calendar",
    "brief",
    "briefs",
    "debug_details",
    "archive_rows",
    "batch_report",
    "build_document",
    "cache_clear",
    "cache_info",
    "check",
    "index_update",
    "limits",
    "link",
    "open_archive",
    "output_tree",
    "paragraphs",
    "parse",
    "parse_many",
    "read_blocks",
    "resolve_inputs",
    "row_columns",
    "rules",
    "schema",
    "search",
    "search_columns",
    "select_rows",
    "write_baseline",
]
