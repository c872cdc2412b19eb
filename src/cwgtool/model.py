"""The document model: what `cwgtool parse` returns and `cwgtool schema` publishes.

Pydantic with ``extra="forbid"`` so a misspelled key fails loudly in tests instead of silently
producing a different JSON. Keys are a public contract: later versions add keys, never rename.
"""

from __future__ import annotations

from collections.abc import Iterator
from enum import StrEnum

from pydantic import BaseModel, ConfigDict, Field

from cwgtool.vocabulary import ActorKind, Stance, TopicStatus

SCHEMA_VERSION = "1.0"


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid")


class DocumentKind(StrEnum):
    """What the document is (README "Document kinds").

    ``summary_record``: the record of a meeting (a working group's summary or final report, a
    Council plenary's summary record); ``report``: a report about a group's meetings or work
    that is not the record of one meeting (the Chairman's report to Council, a draft report on
    the group's outcomes); ``contribution``: a document submitted to a meeting by Member States
    or the secretariat; ``note``: a Note by the Secretary-General (or the secretariat, the
    Chair) transmitting a report or an annex; ``consultation``: an open-consultation page (a
    topic and its questions); ``unknown``: anything else, parsed generically."""

    SUMMARY_RECORD = "summary_record"
    REPORT = "report"
    CONTRIBUTION = "contribution"
    NOTE = "note"
    CONSULTATION = "consultation"
    UNKNOWN = "unknown"


class Provenance(_Model):
    file: str
    page: int | None = None
    index: int | None = None
    line: int | None = None
    bbox: tuple[float, float, float, float] | None = None


class Paragraph(_Model):
    number: str | None = Field(None, description='Numbered paragraph ("1.1"), normalised; null when unnumbered')
    label: str | None = Field(None, description='List label or bullet as written ("a)", "·"), when the paragraph is a list item')
    text: str
    provenance: Provenance


class Section(_Model):
    number: str | None = Field(description='Normalised number, e.g. "4.1"; lettered sub-items are "4.5.2.a"')
    title: str
    level: int
    paragraphs: list[Paragraph] = Field(default_factory=list)
    children: list[Section] = Field(default_factory=list)
    provenance: Provenance | None = None

    def iter_sections(self) -> Iterator[Section]:
        """This section and every section below it, depth-first: the order they appear in."""
        stack = [self]
        while stack:
            s = stack.pop()
            yield s
            stack.extend(reversed(s.children))


class Source(_Model):
    path: str
    format: str
    sha256: str
    pages: int | None = None


class Meeting(_Model):
    body: str | None = None
    number: int | None = None
    place: str | None = None
    start_date: str | None = None
    end_date: str | None = None


class Submitter(_Model):
    name: str
    iso3: str | None = None


class ContributionRef(_Model):
    """A contribution discussed in a summary record."""

    symbol: str | None
    symbol_printed: str | None = Field(None, description="The symbol as the record prints it, when it differs from the canonical one")
    revision: str | None = None
    type: str = Field("contribution", description='"contribution" (by Member States or others) or "report" (secretariat/Chair reports)')
    submitters: list[Submitter] = Field(default_factory=list)
    title: str | None = None
    section: str | None = None
    summary: str = ""
    discussion: list[str] = Field(default_factory=list)
    provenance: Provenance | None = None


class Position(_Model):
    section: str | None
    contribution: str | None = None
    topic: str | None = None
    actor: str
    actor_kind: ActorKind
    quantifier: str | None = None
    members: list[str] = Field(default_factory=list)
    stance: Stance
    cue: str
    condition: str | None = Field(
        None,
        description='What qualifies the stance, as written: a condition ("on condition that the questions were '
        'shortened", "provided that …", "subject to …") or a second, reserved stance ("but requested more time")',
    )
    text: str
    provenance: Provenance | None = None


class Action(_Model):
    id: str | None
    actor: str | None = None
    addressee: str | None = None
    text: str
    due: str | None = None
    section: str | None = None
    source: str = "actions"  # "actions" (an actions section) | "discussion" | "contribution"
    related: list[str] = Field(default_factory=list)
    provenance: Provenance | None = None


class Topic(_Model):
    title: str
    label: str | None = Field(None, description='How the document labels the topic: "B" for "Topic B: …", "2" for "Topic 2 – …"')
    proposed_by: list[Submitter] = Field(default_factory=list)
    source: str | None = None
    questions: list[str] = Field(default_factory=list)
    revised_questions: list[str] = Field(default_factory=list)
    revised_title: str | None = None
    outcome: str | None = Field(None, description="The discussion's most conclusive sentence about the topic")
    status: TopicStatus | None = Field(
        None,
        description='What the meeting made of the topic, when the record says it: "agreed" (decided to consult on it), '
        '"deferred", "not_agreed" (no consensus, rejected) or "supported" (support stated, no decision); null otherwise',
    )
    section: str | None = None
    provenance: Provenance | None = None


class Annex(_Model):
    """An annex of a contribution document ("Annex 1 – Draft questions"), kept as text."""

    title: str
    paragraphs: list[Paragraph] = Field(default_factory=list)
    provenance: Provenance | None = None


class Document(_Model):
    schema_version: str = SCHEMA_VERSION
    source: Source
    kind: DocumentKind = DocumentKind.UNKNOWN
    title: str | None = None
    symbol: str | None = None
    date: str | None = None
    language: str | None = None
    meeting: Meeting = Field(default_factory=Meeting)
    symbol_printed: str | None = Field(None, description='The symbol as the document prints it ("WG-Internet 10/9", "C17/130(Rev.1)-E")')
    revision: str | None = Field(None, description='Revision of this document ("Rev.1"), from its symbol')
    addendum: str | None = Field(None, description='Addendum of this document ("Add.1"), from its symbol or "Addendum 1 to Document …"')
    source_line: str | None = Field(None, description='Contribution documents: "Contribution by …" / "Note by the Secretary-General"')
    submitters: list[Submitter] = Field(default_factory=list, description="Contribution documents: who submitted it")
    headers_footers: list[str] = Field(default_factory=list)
    front_matter: list[Paragraph] = Field(default_factory=list, description="Cover block and text before the first section")
    sections: list[Section] = Field(default_factory=list)
    contributions: list[ContributionRef] = Field(default_factory=list)
    positions: list[Position] = Field(default_factory=list)
    actions: list[Action] = Field(default_factory=list)
    topics: list[Topic] = Field(default_factory=list)
    annexes: list[Annex] = Field(default_factory=list)
    warnings: list[str] = Field(default_factory=list)

    def relabel(self, path: str) -> None:
        """Name ``path`` as this document's file: ``source.path`` and every provenance ``file``.

        The same bytes often live at several paths (copies, a moved archive, stdin): the cache
        stores a document once and labels it with the path it is asked for. Walks every field,
        so a model field added later is relabelled too.
        """
        self.source.path = path
        stack: list[object] = [self]
        while stack:
            item = stack.pop()
            if isinstance(item, Provenance):
                item.file = path
            elif isinstance(item, BaseModel):
                stack.extend(v for v in item.__dict__.values() if isinstance(v, BaseModel | list))
            elif isinstance(item, list):
                stack.extend(v for v in item if isinstance(v, BaseModel | list))

    def iter_sections(self) -> Iterator[Section]:
        """Depth-first walk, the order sections appear in the document."""
        for section in self.sections:
            yield from section.iter_sections()


def json_schema() -> dict:
    return Document.model_json_schema()
