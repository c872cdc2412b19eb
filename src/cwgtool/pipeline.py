"""One document from its path to the model, by the same steps whoever asks.

``api.parse``, the batch (in the parent and in its workers), ``check`` and ``index`` all go
through these functions, in this order:

1. :func:`check_input` — everything that can be known before reading: the path is a regular
   file (stdin is first copied to a temporary file, so that it is read by exactly the code that
   reads files: sniffed, decoded, limited), its size is within ``--max-bytes``, its content is a
   format we read and agrees with its name. Then its content hash.
2. :func:`lookup` — the cache, only now: a hit can never skip one of those checks. The checks
   made while reading (pages, DOCX sizes and depth…) depend only on the bytes and the limits,
   and the cache key holds both (see :mod:`cwgtool.cache`), so a hit stands for a parse of the
   same bytes that passed the same checks.
3. :func:`parse_checked` — read, build the document, store it in the cache.
"""

from __future__ import annotations

import contextlib
import os
import sys
import tempfile
from dataclasses import dataclass
from typing import TYPE_CHECKING

from cwgtool.blocks import ReadResult
from cwgtool.errors import InputError

if TYPE_CHECKING:
    from cwgtool.limits import Limits
    from cwgtool.model import Document, Position, Source
    from cwgtool.options import ParseOptions

STDIN = "-"
STDIN_NAME = "<stdin>"


@dataclass(frozen=True, slots=True)
class Checked:
    """An input that passed every check made before reading.

    ``path`` is the file to read (for stdin, a temporary copy that ``spooled`` says to remove
    once read); ``name`` is what messages and provenance show.
    """

    path: str
    name: str
    format: str
    sha256: str
    spooled: bool = False

    def release(self) -> None:
        """Remove stdin's temporary copy (nothing for a real file)."""
        if self.spooled:
            with contextlib.suppress(OSError):
                os.unlink(self.path)


def _spool_stdin(limits: Limits) -> str:
    """Copy stdin's bytes to a temporary file, refusing more than ``--max-bytes`` as it goes
    (stdin has no size to check up front, and may never end)."""
    from cwgtool.limits import human_bytes, limit_error

    cap = limits.max_bytes if limits.max_bytes > 0 else None
    fd, tmp = tempfile.mkstemp(prefix="cwgtool-stdin-")
    total = 0
    try:
        with os.fdopen(fd, "wb") as out:
            source = sys.stdin.buffer
            while chunk := source.read(1 << 20):
                total += len(chunk)
                if cap is not None and total > cap:
                    raise limit_error(STDIN_NAME, "max_bytes", f"is more than {human_bytes(cap)}, which", cap)
                out.write(chunk)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise
    return tmp


def check_input(path: str | os.PathLike[str], limits: Limits) -> Checked:
    """Step 1 (see the module docstring). Raises InputError / LimitError naming the input."""
    from cwgtool import readers
    from cwgtool.fileio import sha256_file

    p = str(path)
    if p != STDIN:
        fmt = readers.check(p, limits)
        try:
            sha = sha256_file(p)
        except OSError as exc:
            raise InputError(p, f"cannot open: {exc.strerror or exc}") from None
        return Checked(p, p, fmt, sha)
    tmp = _spool_stdin(limits)
    try:
        fmt = readers.check(tmp, limits, name=STDIN_NAME)
        return Checked(tmp, STDIN_NAME, fmt, sha256_file(tmp), spooled=True)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise


def lookup(checked: Checked, options: ParseOptions, *, as_json: bool = False) -> Document | bytes | None:
    """Step 2: the cached document (as ``dump_json`` bytes with ``as_json``), or None."""
    cache = options.cache()
    if cache is None:
        return None
    limits = options.effective_limits()
    if as_json:
        return cache.get_json(checked.sha256, options.pdf_engine, checked.name, limits)
    return cache.get(checked.sha256, options.pdf_engine, checked.name, limits)


def read_checked(checked: Checked, options: ParseOptions) -> ReadResult:
    """The reader stage alone, for a checked input (errors name the input, not a temporary copy)."""
    from cwgtool import readers

    try:
        return readers.read(
            checked.path, fmt=checked.format, pdf_engine=options.pdf_engine, password=options.password, limits=options.effective_limits()
        )
    except InputError as exc:
        if checked.path == checked.name:
            raise
        raise type(exc)(checked.name, exc.reason) from exc


def parse_checked(checked: Checked, options: ParseOptions) -> tuple[Document, bytes | None]:
    """Step 3: read and build the document, and store it in the cache.

    Returns the document and, when it was stored, its ``dump_json`` bytes (serialised once, for
    the cache and for a caller that writes JSON).
    """
    from cwgtool.model import Source

    result = read_checked(checked, options)
    doc = build_document(result, Source(path=checked.name, format=result.format, sha256=checked.sha256, pages=result.pages))
    if checked.spooled:
        doc.relabel(checked.name)  # the blocks were stamped with the temporary copy's name
    data = None
    cache = options.cache()
    if cache is not None:
        data = cache.put(checked.sha256, options.pdf_engine, doc, options.effective_limits())
    return doc, data


def parse(path: str | os.PathLike[str], options: ParseOptions) -> Document:
    """Steps 1-3 for one input."""
    checked = check_input(path, options.effective_limits())
    try:
        hit = lookup(checked, options)
        if hit is not None:
            assert not isinstance(hit, bytes)
            return hit
        return parse_checked(checked, options)[0]
    finally:
        checked.release()


def build_document(result: ReadResult, source: Source) -> Document:
    """Everything after reading: outline, metadata, extraction. Pure: no I/O."""
    from cwgtool.extract import actions, contributions, positions, topics
    from cwgtool.extract.metadata import extract_metadata
    from cwgtool.extract.sentences import SentenceMemo
    from cwgtool.model import Document, DocumentKind
    from cwgtool.outline import build_outline

    outline = build_outline(result.blocks)
    meta = extract_metadata([p.text for p in outline.front_matter], result.headers_footers, outline.sections)
    doc = Document(
        source=source,
        kind=meta.kind,
        title=meta.title,
        symbol=meta.symbol,
        symbol_printed=meta.symbol_printed,
        revision=meta.revision,
        addendum=meta.addendum,
        date=meta.date,
        language=meta.language,
        meeting=meta.meeting,
        headers_footers=result.headers_footers,
        front_matter=outline.front_matter,
        sections=outline.sections,
        warnings=list(result.warnings),
    )
    if doc.kind is DocumentKind.UNKNOWN:
        doc.warnings.append("not recognised as a CWG summary record or contribution; parsed generically")
        return doc
    if doc.kind in (DocumentKind.CONTRIBUTION, DocumentKind.NOTE):
        from cwgtool.extract import contribution_doc

        contribution_doc.enrich(doc, meta)
        return doc
    # The contribution sections are read once, for doc.contributions and for the topics.
    pairs = contributions.contribution_sections(doc)
    doc.contributions = contributions.discussed(doc, pairs)
    # The extractors split many of the same paragraphs: one memo, for this document only. It saves
    # about 1.7 ms of ~125 ms per bench_parse PDF batch (1.4 %, measured under load).
    sentences = SentenceMemo()
    doc.topics = topics.extract_topics(doc, sentences=sentences, sections=pairs)
    doc.positions = positions.extract_positions(doc, sentences=sentences)
    _align_position_topics(doc)
    doc.actions = actions.extract_actions(doc, sentences=sentences)
    return doc


def _align_position_topics(doc: Document) -> None:
    """Name a position's topic exactly as ``doc.topics`` does, so the two can be joined.

    The positions extractor reads the topic from the discussion ("Concerning the topic on
    Adoption and deployment of IPv6"); the topics extractor from the proposal ("The adoption and
    deployment of IPv6"). Matching is by content-word overlap within the same contribution.
    All the positions of one lettered sub-item name the same topic, so they are matched together.
    """
    from cwgtool.extract.topics import match_topic

    same_topic: dict[tuple[str | None, str], list[Position]] = {}
    for pos in doc.positions:
        if pos.topic:
            same_topic.setdefault((pos.contribution, pos.topic), []).append(pos)
    for (contribution, topic), positions in same_topic.items():
        candidates = [t for t in doc.topics if t.source == contribution] or doc.topics
        i = match_topic(topic, candidates)
        if i is not None:
            for pos in positions:
                pos.topic = candidates[i].title
