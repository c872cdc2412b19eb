"""The Python surface of cwgtool; the CLI is a thin layer over these functions.

``parse`` runs the whole pipeline once: read → blocks → outline → metadata → extractors.
Everything is computed from the :class:`~cwgtool.model.Document` produced here, so the CLI
subcommands (``actions``, ``positions``…) and the library give identical results.
"""

from __future__ import annotations

import hashlib
import os
import sys
from typing import TYPE_CHECKING

from cwgtool.blocks import ReadResult
from cwgtool.errors import InputError
from cwgtool.fileio import DOCUMENT_SUFFIXES, resolve_inputs, sha256_file
from cwgtool.model import Document, DocumentKind, Paragraph, Source
from cwgtool.readers import DEFAULT_PDF_ENGINE

if TYPE_CHECKING:
    from cwgtool.limits import Limits

STDIN = "-"


def read_blocks(
    path: str | os.PathLike[str],
    *,
    pdf_engine: str = DEFAULT_PDF_ENGINE,
    password: str | None = None,
    limits: Limits | None = None,
) -> ReadResult:
    """Read a file (or "-" for stdin text) into format-neutral blocks."""
    if str(path) == STDIN:
        from cwgtool.readers.text import read_text

        return read_text(sys.stdin.read(), display_name="<stdin>")
    from cwgtool import readers

    return readers.read(path, pdf_engine=pdf_engine, password=password, limits=limits)


def parse(
    path: str | os.PathLike[str],
    *,
    pdf_engine: str = DEFAULT_PDF_ENGINE,
    password: str | None = None,
    text: str | None = None,
    display_name: str | None = None,
    limits: Limits | None = None,
) -> Document:
    """Parse a record or contribution into the model.

    ``text`` parses a string instead of reading ``path`` (``path`` is then only the name shown
    in provenance). ``limits`` defaults to :meth:`Limits.from_env`. Raises
    :class:`~cwgtool.errors.InputError` for unreadable input (:class:`~cwgtool.errors.LimitError`
    when a safety limit trips).
    """
    name = display_name or str(path)
    if text is not None:
        from cwgtool.readers.text import read_text

        result = read_text(text, display_name=name)
        sha = hashlib.sha256(text.encode("utf-8")).hexdigest()
    elif str(path) == STDIN:
        from cwgtool.readers.text import read_text

        data = sys.stdin.read()
        result = read_text(data, display_name="<stdin>")
        sha = hashlib.sha256(data.encode("utf-8")).hexdigest()
        name = "<stdin>"
    else:
        result = read_blocks(path, pdf_engine=pdf_engine, password=password, limits=limits)
        sha = sha256_file(str(path))
    return build_document(result, Source(path=name, format=result.format, sha256=sha, pages=result.pages))


def build_document(result: ReadResult, source: Source) -> Document:
    """Everything after reading: outline, metadata, extraction. Pure: no I/O."""
    from cwgtool.extract import actions, contributions, positions, topics
    from cwgtool.extract.metadata import extract_metadata
    from cwgtool.extract.sentences import SentenceMemo
    from cwgtool.outline import build_outline

    outline = build_outline(result.blocks)
    meta = extract_metadata([p.text for p in outline.front_matter], result.headers_footers, outline.sections)
    doc = Document(
        source=source,
        kind=meta.kind,
        title=meta.title,
        symbol=meta.symbol,
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
    if doc.kind is DocumentKind.CONTRIBUTION:
        from cwgtool.extract import contribution_doc

        contribution_doc.enrich(doc, meta)
        return doc
    # The contribution sections are read once, for doc.contributions and for the topics.
    pairs = contributions.contribution_sections(doc)
    doc.contributions = [ref for _, ref in pairs]
    # The extractors split many of the same paragraphs: one memo, for this document only.
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

    Many positions share one (contribution, topic) pair, all those of one lettered sub-item,
    and the match depends on nothing else (``doc.topics`` does not change here), so each pair
    is matched once per call.
    """
    from cwgtool.extract.topics import match_topic

    matched: dict[tuple[str | None, str], str | None] = {}
    for pos in doc.positions:
        if not pos.topic:
            continue
        key = (pos.contribution, pos.topic)
        if key not in matched:
            candidates = [t for t in doc.topics if t.source == pos.contribution] or doc.topics
            i = match_topic(pos.topic, candidates)
            matched[key] = candidates[i].title if i is not None else None
        title = matched[key]
        if title is not None:
            pos.topic = title


def paragraphs(doc: Document) -> list[Paragraph]:
    """All body paragraphs in document order (front matter excluded)."""
    return [p for s in doc.iter_sections() for p in s.paragraphs]


__all__ = ["DOCUMENT_SUFFIXES", "InputError", "build_document", "paragraphs", "parse", "read_blocks", "resolve_inputs"]
