"""One meeting's brief from its parsed record (and, when given, the meeting's contribution documents).

Everything comes from the :class:`~cwgtool.model.Document` as ``cwgtool parse`` gives it: the
stance counts of a contribution are its positions counted by stance, so they equal what
``cwgtool positions RECORD --contribution SYM`` prints; the decisions are the actions
``cwgtool actions RECORD`` prints (those stated inside discussions are left to ``--all``).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence

from cwgtool.brief.model import (
    STANCES,
    ActionBrief,
    ContributionBrief,
    MeetingBrief,
    Sentence,
    StanceBar,
    StanceGroup,
    TopicBrief,
    Undiscussed,
)
from cwgtool.link import LinkReport, LinkStatus, document_name
from cwgtool.model import Action, Document, Position


def slug(*parts: object) -> str:
    """An HTML id from symbols and words: "CWG-Internet-14/3" → "cwg-internet-14-3"."""
    text = "-".join(str(p) for p in parts if p is not None and p != "")
    return re.sub(r"[^a-z0-9]+", "-", text.casefold()).strip("-") or "x"


def sentence(pos: Position, doc: Document) -> Sentence:
    prov = pos.provenance
    file = prov.file if prov else doc.source.path
    page = prov.page if prov else None
    return Sentence(
        record=document_name(doc),
        meeting=doc.meeting.number,
        paragraph=pos.section,
        contribution=pos.contribution,
        topic=pos.topic,
        actor=pos.actor,
        actor_kind=pos.actor_kind,
        members=list(pos.members),
        stance=pos.stance,
        cue=pos.cue,
        text=pos.text,
        file=file,
        page=page,
        line=prov.line if prov else None,
        href=f"{file}#page={page}" if file and page else file,
    )


def stance_bar(label: str, anchor: str, positions: Iterable[Position], doc: Document) -> StanceBar:
    """Positions counted by stance; each stance's sentences get the id its count links to."""
    groups = {s: StanceGroup(stance=s, anchor=f"{anchor}-{s}") for s in STANCES}
    for pos in positions:
        groups[pos.stance].sentences.append(sentence(pos, doc))
    return StanceBar(label=label, groups=list(groups.values()))


def _due_order(action: Action) -> tuple[int, str]:
    """Dated actions first, earliest first; undated ones after, in record order (sort is stable)."""
    return (0, action.due) if action.due else (1, "")


def decisions(doc: Document) -> list[ActionBrief]:
    """The record's decisions and actions (its Actions/Decisions section), by due date."""
    chosen = [a for a in doc.actions if a.source != "discussion"]
    return [
        ActionBrief(id=a.id, actor=a.actor, addressee=a.addressee, due=a.due, text=a.text, section=a.section)
        for a in sorted(chosen, key=_due_order)
    ]


def meeting_brief(
    record: Document,
    *,
    files: Sequence[str] = (),
    report: LinkReport | None = None,
) -> MeetingBrief:
    """The brief of one record. ``report`` (from :func:`cwgtool.link.link` over the record and
    contribution documents) adds the meeting's contributions that the record never discusses."""
    key = document_name(record)
    anchor = slug("m", key)
    contributions = []
    for ref in record.contributions:
        c_anchor = slug(anchor, "c", ref.symbol or ref.section)
        positions = [p for p in record.positions if ref.symbol is not None and p.contribution == ref.symbol]
        contributions.append(
            ContributionBrief(
                symbol=ref.symbol,
                revision=ref.revision,
                type=ref.type,
                title=ref.title,
                submitters=list(ref.submitters),
                section=ref.section,
                anchor=c_anchor,
                stances=stance_bar(ref.symbol or ref.title or "?", c_anchor, positions, record),
            )
        )
    discussed = {ref.symbol for ref in record.contributions if ref.symbol}
    loose = [p for p in record.positions if p.contribution not in discussed]
    other = stance_bar("Other items", slug(anchor, "other"), loose, record) if loose else None
    topics = [
        TopicBrief(
            title=t.title,
            revised_title=t.revised_title,
            proposed_by=list(t.proposed_by),
            source=t.source,
            questions=list(t.questions),
            revised_questions=list(t.revised_questions),
            outcome=t.outcome,
            status=t.status.value if t.status else None,
            section=t.section,
        )
        for t in record.topics
    ]
    brief = MeetingBrief(
        record=key,
        title=record.title,
        body=record.meeting.body,
        number=record.meeting.number,
        place=record.meeting.place,
        start_date=record.meeting.start_date,
        end_date=record.meeting.end_date,
        date=record.date,
        files=list(files) or [record.source.path],
        anchor=anchor,
        contributions=contributions,
        other=other,
        topics=topics,
        actions=decisions(record),
    )
    if report is not None:
        brief.contribution_documents = True
        brief.not_discussed = _not_discussed(report, key)
    return brief


def _not_discussed(report: LinkReport, record: str) -> list[Undiscussed]:
    meeting = next((m for m in report.meetings if record in m.records), None)
    if meeting is None:
        return []
    wanted = set(meeting.not_discussed)
    return [
        Undiscussed(symbol=c.symbol, title=c.title, submitters=list(c.submitters), files=list(c.files))
        for c in report.contributions
        if c.symbol in wanted and c.status is LinkStatus.NOT_DISCUSSED
    ]


__all__ = ["decisions", "meeting_brief", "sentence", "slug", "stance_bar"]
