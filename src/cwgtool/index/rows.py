"""A parsed document as the rows the archive stores, made where the document was parsed.

``cwgtool index --jobs N`` runs :func:`document_rows` in the worker that parsed the document, so
the parent receives plain tuples and only inserts them: no model to rebuild, no Python walk
over the document in the process that every worker waits on. Rows refer to each other by
0-based position within the document (``section 3``, ``contribution 1``); the parent turns
positions into ids by adding the first free id of each table (:mod:`cwgtool.index.update`).
"""

from __future__ import annotations

import json
import re
import unicodedata
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from cwgtool.model import Document, Section

Row = tuple[Any, ...]


@dataclass(slots=True)
class DocumentRows:
    """Every row of one document, in the column order of :mod:`cwgtool.index.update`'s inserts."""

    sha256: str
    document: Row
    sections: list[Row] = field(default_factory=list)  # (local, parent local, ordinal, number, title, level, page, line)
    annexes: list[Row] = field(default_factory=list)  # (local, ordinal, title, page)
    paragraphs: list[Row] = field(default_factory=list)  # (section local, annex local, ordinal, number, label, text, page, line)
    contributions: list[Row] = field(default_factory=list)  # (local, ordinal, symbol, symbol_printed, revision, type, title, section, summary, discussion, page, line)
    submitters: list[Row] = field(default_factory=list)  # (contribution local, ordinal, name, iso3)
    positions: list[Row] = field(default_factory=list)  # (local, ordinal, section, contribution, topic, actor, kind, quantifier, stance, cue, condition, text, page, line)
    position_members: list[Row] = field(default_factory=list)  # (position local, ordinal, iso3)
    actions: list[Row] = field(default_factory=list)  # (ordinal, action_id, actor, addressee, text, due, section, source, related, page, line)
    topics: list[Row] = field(default_factory=list)  # (local, ordinal, title, label, normalized, revised_title, proposed_by, source, outcome, status, section, page, line)
    topic_questions: list[Row] = field(default_factory=list)  # (topic local, ordinal, revised, text)


_LEADING_LABEL = re.compile(r"^\s*(?:topic\s*)?(?:\(?[0-9ivxlc]+[.)]|\(?[a-z][.)])\s+", re.IGNORECASE)


def normalise_title(title: str) -> str:
    """Grouping key for "the same topic": case, accents, list labels, quotes and punctuation ignored."""
    text = unicodedata.normalize("NFKD", title)
    text = "".join(ch for ch in text if not unicodedata.combining(ch)).casefold()
    text = _LEADING_LABEL.sub("", text)
    text = re.sub(r"[^\w]+", " ", text)
    return " ".join(text.split())


def _page(prov: Any) -> int | None:
    return getattr(prov, "page", None) if prov is not None else None


def _line(prov: Any) -> int | None:
    return getattr(prov, "line", None) if prov is not None else None


def _json(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"))


def record_key(doc: Document) -> str | None:
    """What makes two files the same record (their kind and canonical symbol), as ``link`` groups them."""
    from cwgtool.link import canonical

    symbol = canonical(doc.symbol)
    return f"{doc.kind}:{symbol}" if symbol else None


def document_rows(doc: Document) -> DocumentRows:
    """The rows of ``doc`` (module-level and pure, so a worker process can run it)."""
    from cwgtool.link import revision_rank

    m = doc.meeting
    rows = DocumentRows(
        sha256=doc.source.sha256,
        document=(
            doc.source.sha256, doc.source.format, doc.source.pages, str(doc.kind), doc.symbol, doc.symbol_printed, doc.revision, doc.addendum,
            record_key(doc), revision_rank(doc.revision), doc.title, doc.language, doc.date, m.body, m.number,
            m.place, m.start_date, m.end_date, doc.source_line, _json([s.model_dump(mode="json") for s in doc.submitters]),
            _json(doc.headers_footers), _json(doc.warnings),
        ),
    )
    paragraphs = rows.paragraphs
    for p in doc.front_matter:
        paragraphs.append((None, None, len(paragraphs), p.number, p.label, p.text, _page(p.provenance), p.provenance.line))

    def add_section(section: Section, parent: int | None) -> None:
        local = len(rows.sections)
        rows.sections.append(
            (local, parent, local, section.number, section.title, section.level, _page(section.provenance), _line(section.provenance))
        )
        for p in section.paragraphs:
            paragraphs.append((local, None, len(paragraphs), p.number, p.label, p.text, _page(p.provenance), p.provenance.line))
        for child in section.children:
            add_section(child, local)

    for s in doc.sections:
        add_section(s, None)
    for i, annex in enumerate(doc.annexes):
        rows.annexes.append((i, i, annex.title, _page(annex.provenance)))
        for p in annex.paragraphs:
            paragraphs.append((None, i, len(paragraphs), p.number, p.label, p.text, _page(p.provenance), p.provenance.line))

    for i, c in enumerate(doc.contributions):
        rows.contributions.append((i, i, c.symbol, c.symbol_printed, c.revision, c.type, c.title, c.section, c.summary, _json(c.discussion), _page(c.provenance), _line(c.provenance)))
        rows.submitters.extend((i, j, s.name, s.iso3) for j, s in enumerate(c.submitters))
    for i, p in enumerate(doc.positions):
        rows.positions.append(
            (i, i, p.section, p.contribution, p.topic, p.actor, str(p.actor_kind), p.quantifier, str(p.stance), p.cue, p.condition, p.text, _page(p.provenance), _line(p.provenance))
        )
        rows.position_members.extend((i, j, iso) for j, iso in enumerate(p.members))
    rows.actions.extend(
        (i, a.id, a.actor, a.addressee, a.text, a.due, a.section, a.source, _json(a.related), _page(a.provenance), _line(a.provenance))
        for i, a in enumerate(doc.actions)
    )
    for i, t in enumerate(doc.topics):
        rows.topics.append(
            (i, i, t.title, t.label, normalise_title(t.title), t.revised_title, _json([s.model_dump(mode="json") for s in t.proposed_by]),
             t.source, t.outcome, t.status.value if t.status else None, t.section, _page(t.provenance), _line(t.provenance))
        )
        rows.topic_questions.extend((i, j, 0, q) for j, q in enumerate(t.questions))
        rows.topic_questions.extend((i, j, 1, q) for j, q in enumerate(t.revised_questions))
    return rows


__all__ = ["DocumentRows", "document_rows", "normalise_title", "record_key"]
