"""What a brief holds, independent of how it is drawn (HTML, Markdown).

The renderers only lay these objects out: every count, anchor, sort order and "who is a
country" decision is made once, here and in the builders, so the HTML page and the Markdown
page cannot disagree about what a record says.
"""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict, Field

from cwgtool.model import Action, ActorKind, Stance, Submitter

STANCES: tuple[Stance, ...] = tuple(Stance)


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid")


class Sentence(_Model):
    """One position as a reader checks it: who, what stance, the sentence, where it is."""

    record: str = Field(description="Symbol of the record (its file when it has none)")
    meeting: int | None = None
    paragraph: str | None = Field(None, description='Paragraph (or section) number the sentence is in, e.g. "4.2.2"')
    contribution: str | None = None
    topic: str | None = None
    actor: str
    actor_kind: ActorKind
    members: list[str] = Field(default_factory=list, description="ISO3 codes of the named Member States")
    stance: Stance
    cue: str
    text: str
    file: str | None = None
    page: int | None = None
    line: int | None = None
    href: str | None = Field(None, description="Link to the record file at this place (PDF: #page=N)")


class StanceGroup(_Model):
    """The positions of one stance on one subject, with the id the count links to."""

    stance: Stance
    anchor: str
    sentences: list[Sentence] = Field(default_factory=list)

    @property
    def count(self) -> int:
        return len(self.sentences)


class StanceBar(_Model):
    """The five stance counts of one subject, in :data:`STANCES` order (zeros kept)."""

    label: str
    groups: list[StanceGroup]

    @property
    def total(self) -> int:
        return sum(g.count for g in self.groups)

    def counts(self) -> dict[str, int]:
        return {str(g.stance): g.count for g in self.groups}


class ContributionBrief(_Model):
    symbol: str | None
    revision: str | None = None
    type: str = "contribution"
    title: str | None = None
    submitters: list[Submitter] = Field(default_factory=list)
    section: str | None = None
    anchor: str
    stances: StanceBar


class TopicBrief(_Model):
    title: str
    revised_title: str | None = None
    proposed_by: list[Submitter] = Field(default_factory=list)
    source: str | None = None
    questions: list[str] = Field(default_factory=list)
    revised_questions: list[str] = Field(default_factory=list)
    outcome: str | None = None
    status: str | None = None  # Topic.status: agreed / deferred / not_agreed / supported
    section: str | None = None


class ActionBrief(_Model):
    id: str | None = None
    actor: str | None = None
    addressee: str | None = None
    due: str | None = None
    text: str
    section: str | None = None


class Undiscussed(_Model):
    """A contribution document of the meeting that its record never discusses."""

    symbol: str
    title: str | None = None
    submitters: list[Submitter] = Field(default_factory=list)
    files: list[str] = Field(default_factory=list)


class MeetingBrief(_Model):
    record: str = Field(description="Symbol of the record (its file when it has none)")
    title: str | None = None
    body: str | None = None
    number: int | None = None
    place: str | None = None
    start_date: str | None = None
    end_date: str | None = None
    date: str | None = None
    files: list[str] = Field(default_factory=list)
    anchor: str
    contributions: list[ContributionBrief] = Field(default_factory=list)
    other: StanceBar | None = Field(None, description="Positions on no contribution (agenda, other business)")
    topics: list[TopicBrief] = Field(default_factory=list)
    actions: list[ActionBrief] = Field(default_factory=list, description="Decisions and actions, by due date (undated last)")
    contribution_documents: bool = Field(False, description="Contribution documents were given, so `not_discussed` is meaningful")
    not_discussed: list[Undiscussed] = Field(default_factory=list)


class MapColumn(_Model):
    key: str
    label: str
    title: str | None = None
    meeting: int | None = None


class MapCell(_Model):
    """What one row said on one column: a count per stance, and the stance drawn."""

    column: str
    counts: dict[str, int]
    dominant: str = Field(description='The most frequent stance, or "mixed" on a tie')
    sentences: list[Sentence] = Field(default_factory=list)

    @property
    def total(self) -> int:
        return sum(self.counts.values())


class MapRow(_Model):
    key: str = Field(description="ISO3 code, or the group wording for unnamed groups")
    label: str
    cells: dict[str, MapCell] = Field(default_factory=dict)


class StanceMap(_Model):
    """Member States × subjects. Named Member States and unnamed groups are separate lists:
    a position of "Some Member States" is never counted in any country's row."""

    columns: list[MapColumn] = Field(default_factory=list)
    members: list[MapRow] = Field(default_factory=list)
    groups: list[MapRow] = Field(default_factory=list)
    topic: str | None = Field(None, description="The --topic filter that chose the columns")

    @property
    def empty(self) -> bool:
        return not self.columns or not (self.members or self.groups)


class MemberHistory(_Model):
    iso3: str
    name: str
    sentences: list[Sentence] = Field(default_factory=list, description="Oldest meeting first")


class RecordAction(_Model):
    """An action with the record it comes from (for the calendar of deadlines)."""

    record: str = Field(description="Symbol of the record (its file when it has none)")
    file: str
    action: Action


class Brief(_Model):
    title: str
    meetings: list[MeetingBrief] = Field(default_factory=list)
    stance_map: StanceMap | None = None
    member: MemberHistory | None = None
    sources: list[str] = Field(default_factory=list)


__all__ = [
    "STANCES",
    "ActionBrief",
    "Brief",
    "ContributionBrief",
    "MapCell",
    "MapColumn",
    "MapRow",
    "MeetingBrief",
    "MemberHistory",
    "RecordAction",
    "Sentence",
    "StanceBar",
    "StanceGroup",
    "StanceMap",
    "TopicBrief",
    "Undiscussed",
]
