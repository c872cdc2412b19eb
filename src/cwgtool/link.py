"""Join summary records to the contribution documents they discuss.

A record names each contribution it discussed by symbol (``doc.contributions[*].symbol``); a
contribution document carries its own symbol (``doc.symbol``). Records are the kinds read like a
record (``summary_record`` and ``report``: a Chairman's report to Council discusses contributions
too); documents are the kinds read like a contribution (``contribution`` and ``note``: a Note by
the Secretary-General is introduced and discussed like any contribution). Both are compared as canonical
symbols (:func:`cwgtool.symbols.normalise`), so "CWG-Internet-18/3" in a record finds the
document "CWG-Internet-18/3(Rev.1)-E": records cite a contribution without its revision or
language, and the folder usually holds the latest revision only.

Pure functions over parsed :class:`~cwgtool.model.Document` objects, no I/O, so the CLI and the
SQLite index can both use them. The same document parsed from several files (the PDF and the
DOCX of one record) is counted once: documents are grouped by kind and canonical symbol, the
latest revision speaks for the group and every file is listed. ``cited_by`` lists the other
documents of the input whose text cites a document's symbol without discussing it (a
contribution that refers to a Note by the Secretary-General, a record that mentions it in
passing), so every document is grouped with what refers to it.

Statuses of a contribution:

* ``discussed`` — a record discusses it and its document is present;
* ``no_document`` — a record discusses it but no contribution document has its symbol;
* ``not_discussed`` — its document is present, a record of its meeting is present, and that
  record does not discuss it (withdrawn, deferred, or merely noted without a section);
* ``no_record`` — its document is present but no record of its meeting is, so nothing can be said.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from enum import StrEnum

from pydantic import BaseModel, ConfigDict, Field

from cwgtool.model import Action, ContributionRef, Document, DocumentKind, Position, Submitter, Topic
from cwgtool.symbols import find_symbols, parse_symbol

# The kinds that discuss contributions, and the kinds that are discussed (see module doc).
RECORD_KINDS = frozenset({DocumentKind.SUMMARY_RECORD, DocumentKind.REPORT})
DOCUMENT_KINDS = frozenset({DocumentKind.CONTRIBUTION, DocumentKind.NOTE})


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid")


class LinkStatus(StrEnum):
    DISCUSSED = "discussed"
    NO_DOCUMENT = "no_document"
    NOT_DISCUSSED = "not_discussed"
    NO_RECORD = "no_record"


class Discussion(_Model):
    """What one record says about a contribution."""

    record: str = Field(description="Symbol of the record (or its file when it has none)")
    files: list[str] = Field(default_factory=list, description="Files holding that record")
    meeting: int | None = None
    section: str | None = None
    title: str | None = Field(None, description="The contribution's title as the record gives it")
    summary: str = ""
    discussion: list[str] = Field(default_factory=list)
    positions: list[Position] = Field(default_factory=list, description="Positions taken on the contribution")
    topics: list[Topic] = Field(default_factory=list, description="Its topics as the record reports them, with the outcome")


class ContributionLink(_Model):
    """One contribution: what it proposed (from its document) and what was said of it (records)."""

    symbol: str = Field(description='Canonical symbol, without revision or language ("CWG-Internet-18/3")')
    body: str | None = None
    meeting: int | None = None
    status: LinkStatus
    type: str = Field("contribution", description='"contribution" or "report" (secretariat/Chair documents)')
    kind: str | None = Field(
        None, description='Kind of the document found: "contribution" or "note" (a Note by the Secretary-General …); null without one'
    )
    revision: str | None = Field(None, description="Revision of the document found (the latest when several)")
    title: str | None = None
    submitters: list[Submitter] = Field(default_factory=list)
    files: list[str] = Field(default_factory=list, description="Files of the contribution document")
    topics: list[Topic] = Field(default_factory=list, description="Topics the document proposes")
    actions: list[Action] = Field(default_factory=list, description="What the document asks the Group to do")
    discussions: list[Discussion] = Field(default_factory=list)
    cited_by: list[str] = Field(
        default_factory=list,
        description="Other documents of the input (symbol, or file when they have none) whose text cites this one without discussing it",
    )


class OtherDocument(_Model):
    """A document of the folder that is neither a record nor a contribution (agenda, …)."""

    symbol: str | None
    title: str | None
    kind: str
    files: list[str] = Field(default_factory=list)


class MeetingLink(_Model):
    body: str | None = None
    number: int | None = None
    records: list[str] = Field(default_factory=list, description="Record symbols of the meeting")
    discussed: list[str] = Field(default_factory=list)
    not_discussed: list[str] = Field(default_factory=list, description="Contribution documents no record of the meeting discusses")
    without_document: list[str] = Field(default_factory=list, description="Discussed contributions with no document in the input")
    other_documents: list[OtherDocument] = Field(default_factory=list)


class LinkReport(_Model):
    meetings: list[MeetingLink] = Field(default_factory=list)
    contributions: list[ContributionLink] = Field(default_factory=list)

    def get(self, symbol: str) -> ContributionLink | None:
        """The joined view of one contribution, whatever form the symbol is written in."""
        wanted = canonical(symbol)
        return next((c for c in self.contributions if c.symbol == wanted), None)


def canonical(symbol: str | None) -> str | None:
    """Symbol without revision, language or "Document" prefix; unparseable text is kept as is."""
    if not symbol:
        return None
    sym = parse_symbol(symbol)
    return sym.canonical if sym else symbol.strip()


def document_name(doc: Document) -> str:
    """How reports name a document: its canonical symbol, else its file."""
    return canonical(doc.symbol) or doc.source.path


def meeting_of(doc: Document) -> tuple[str | None, int | None]:
    """(body, number) of the meeting a document belongs to: the body its symbol names (else its
    cover's), the number its cover gives (else its symbol's)."""
    sym = parse_symbol(doc.symbol or "")
    body = sym.body if sym else doc.meeting.body
    if doc.meeting.number is not None:
        return body, doc.meeting.number
    return body, sym.meeting if sym else None


def revision_rank(revision: str | None) -> int:
    """How late a revision is: "Rev.2" → 2; no revision → 0. The latest speaks for its group
    (here and in the archive, :mod:`cwgtool.index`)."""
    m = re.search(r"\d+", revision or "")
    return int(m.group()) if m else 0


def _group(documents: Iterable[Document]) -> dict[tuple[DocumentKind, str], list[Document]]:
    """Documents by (kind, canonical symbol) in input order; a symbol-less document is its own group."""
    groups: dict[tuple[DocumentKind, str], list[Document]] = {}
    for doc in documents:
        key = canonical(doc.symbol) or f"file:{doc.source.path}"
        groups.setdefault((doc.kind, key), []).append(doc)
    return groups


def _representative(docs: Sequence[Document]) -> Document:
    """The latest revision; among equals the first given (callers pass files in a stable order)."""
    return max(docs, key=lambda d: revision_rank(d.revision))


def _files(docs: Sequence[Document]) -> list[str]:
    return [d.source.path for d in docs]


def _discussion(record: Document, files: list[str], ref: ContributionRef, symbol: str) -> Discussion:
    return Discussion(
        record=document_name(record),
        files=files,
        meeting=meeting_of(record)[1],
        section=ref.section,
        title=ref.title,
        summary=ref.summary,
        discussion=list(ref.discussion),
        positions=[p for p in record.positions if canonical(p.contribution) == symbol],
        topics=[t for t in record.topics if canonical(t.source) == symbol],
    )


def link(documents: Iterable[Document]) -> LinkReport:
    """Join every contribution discussed in the records to its document (see module doc)."""
    groups = _group(documents)
    links = _document_links(groups)
    meetings = _add_discussions(groups, links)
    _list_by_meeting(links, meetings)
    _add_citations(groups, links)
    _add_other_documents(groups, meetings)
    ordered = sorted(links.values(), key=lambda c: (c.meeting or 0, _symbol_sort(c.symbol)))
    for entry in meetings.values():
        for field in (entry.discussed, entry.not_discussed, entry.without_document):
            field.sort(key=_symbol_sort)
    return LinkReport(meetings=sorted(meetings.values(), key=lambda m: (m.number or 0, m.body or "")), contributions=ordered)


_Groups = dict[tuple[DocumentKind, str], list[Document]]
_Meetings = dict[tuple[str | None, int | None], MeetingLink]


def _document_links(groups: _Groups) -> dict[str, ContributionLink]:
    """A link for each contribution document present, by canonical symbol: no record yet."""
    links: dict[str, ContributionLink] = {}
    for (kind, key), docs in groups.items():
        if kind not in DOCUMENT_KINDS:
            continue
        doc = _representative(docs)
        body, number = meeting_of(doc)
        links[key] = ContributionLink(
            symbol=key,
            body=body,
            meeting=number,
            status=LinkStatus.NO_RECORD,
            type="report" if doc.submitters and all(s.iso3 is None for s in doc.submitters) else "contribution",
            kind=str(doc.kind),
            revision=doc.revision,
            title=doc.title,
            submitters=list(doc.submitters),
            files=_files(docs),
            topics=list(doc.topics),
            actions=list(doc.actions),
        )
    return links


def _add_discussions(groups: _Groups, links: dict[str, ContributionLink]) -> _Meetings:
    """What each record says of the contributions it discusses, added to their links (a link
    without a document is made for a contribution that has none); returns the records' meetings."""
    meetings: _Meetings = {}
    for (kind, _), docs in groups.items():
        if kind not in RECORD_KINDS:
            continue
        record, files = docs[0], _files(docs)
        body, number = meeting_of(record)
        entry = meetings.setdefault((body, number), MeetingLink(body=body, number=number))
        entry.records.append(document_name(record))
        for ref in record.contributions:
            symbol = canonical(ref.symbol)
            if symbol is None:
                continue
            found = links.get(symbol)
            if found is None:
                parsed = parse_symbol(symbol)
                found = links[symbol] = ContributionLink(
                    symbol=symbol,
                    body=parsed.body if parsed else entry.body,
                    meeting=parsed.meeting if parsed else entry.number,
                    status=LinkStatus.NO_DOCUMENT,
                    type=ref.type,
                    revision=ref.revision,
                    title=ref.title,
                    submitters=list(ref.submitters),
                )
            elif found.status is LinkStatus.NO_RECORD:
                found.status = LinkStatus.DISCUSSED
            found.discussions.append(_discussion(record, files, ref, symbol))
    return meetings


def _list_by_meeting(links: dict[str, ContributionLink], meetings: _Meetings) -> None:
    """Each contribution in its meeting's lists by status. A document of a meeting whose record
    is present but silent about it was never discussed."""
    for item in links.values():
        if item.status is LinkStatus.NO_RECORD and (item.body, item.meeting) in meetings:
            item.status = LinkStatus.NOT_DISCUSSED
    for item in links.values():
        entry = meetings.get((item.body, item.meeting))
        if entry is None:
            continue
        if item.status is LinkStatus.DISCUSSED:
            entry.discussed.append(item.symbol)
        elif item.status is LinkStatus.NO_DOCUMENT:
            entry.without_document.append(item.symbol)
        elif item.status is LinkStatus.NOT_DISCUSSED:
            entry.not_discussed.append(item.symbol)


def _add_other_documents(groups: _Groups, meetings: _Meetings) -> None:
    """The documents that are neither records nor contributions (agendas…), under their meeting."""
    for (kind, _key), docs in groups.items():
        if kind in RECORD_KINDS or kind in DOCUMENT_KINDS:
            continue
        doc = docs[0]
        entry = meetings.get(meeting_of(doc))
        if entry is not None:
            entry.other_documents.append(
                OtherDocument(symbol=canonical(doc.symbol), title=doc.title, kind=str(doc.kind), files=_files(docs))
            )


def _texts(doc: Document) -> Iterable[str]:
    """Every piece of text of a document a citation can sit in (not its running heads)."""
    if doc.title:
        yield doc.title
    yield from (p.text for p in doc.front_matter)
    for section in doc.iter_sections():
        yield section.title
        yield from (p.text for p in section.paragraphs)
    for annex in doc.annexes:
        yield annex.title
        yield from (p.text for p in annex.paragraphs)


def _add_citations(groups: _Groups, links: dict[str, ContributionLink]) -> None:
    """Fill ``cited_by``: each document of the input that cites a linked symbol in its text,
    other than the document itself and the records already listed as discussing it."""
    for (_kind, key), docs in groups.items():
        doc = docs[0]
        name = document_name(doc)
        cited = {sym.canonical for text in _texts(doc) for sym in find_symbols(text)}
        for symbol in sorted(cited - {key}):
            item = links.get(symbol)
            if item is None or name in item.cited_by or any(d.record == name for d in item.discussions):
                continue
            item.cited_by.append(name)


def _symbol_sort(symbol: str) -> tuple[str, int, str]:
    """"CWG-Internet-18/10" after "CWG-Internet-18/9"."""
    sym = parse_symbol(symbol)
    if sym is None:
        return (symbol, 0, "")
    number = int(sym.number) if sym.number.isdigit() else 0
    return (f"{sym.body}-{sym.meeting:03d}" if sym.meeting is not None else sym.body, number, sym.number)


__all__ = [
    "DOCUMENT_KINDS",
    "RECORD_KINDS",
    "ContributionLink",
    "Discussion",
    "LinkReport",
    "LinkStatus",
    "MeetingLink",
    "OtherDocument",
    "canonical",
    "document_name",
    "link",
    "meeting_of",
    "revision_rank",
]
