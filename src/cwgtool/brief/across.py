"""Across meetings: the stance map (Member States × contributions or topics) and one Member
State's positions over time.

A position counts for a country only when the record names the country (``Position.members``:
"China and the Russian Federation indicated their support" counts for CHN and RUS). A position
of an unnamed group ("Some Member States", "One Member State") goes to a row of its own, keyed
by its quantifier, and is never attributed to any country.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence

from cwgtool.brief.meeting import sentence
from cwgtool.brief.model import STANCES, MapCell, MapColumn, MapRow, MemberHistory, Sentence, StanceMap
from cwgtool.countries import short_name
from cwgtool.index import normalise_title
from cwgtool.link import document_name
from cwgtool.model import ActorKind, Document, Position
from cwgtool.symbols import parse_symbol

# Who can be a Member State: the map leaves the Chair, the secretariat and unnamed speakers out.
_STATE_KINDS = (ActorKind.MEMBER_STATE, ActorKind.MEMBER_STATES_GROUP)


def meeting_order(doc: Document) -> tuple[int, str, str]:
    return (doc.meeting.number or 0, doc.meeting.start_date or doc.date or "", document_name(doc))


def _column_order(column: MapColumn) -> tuple[int, int, str]:
    """Meeting, then contribution number ("14/10" after "14/9"), then the label."""
    sym = parse_symbol(column.key) if not column.key.startswith("topic:") else None
    number = int(sym.number) if sym and sym.number.isdigit() else 0
    return (column.meeting or 0, number, column.label.casefold())


def _matches(position: Position, titles: dict[str, str | None], wanted: str) -> bool:
    subject = " ".join(t for t in (position.topic, titles.get(position.contribution or "")) if t)
    return wanted in normalise_title(subject)


def _column(position: Position, doc: Document, titles: dict[str, str | None], by_topic: bool) -> MapColumn | None:
    if by_topic and position.topic:
        return MapColumn(key=f"topic:{normalise_title(position.topic)}", label=position.topic, title=titles.get(position.contribution or ""),
                         meeting=doc.meeting.number)
    if position.contribution:
        return MapColumn(key=position.contribution, label=position.contribution, title=titles.get(position.contribution),
                         meeting=doc.meeting.number)
    return None


def _group_key(position: Position) -> tuple[str, str]:
    """Unnamed groups by their quantifier ("some" → "Some Member States"), so rows stay few."""
    q = (position.quantifier or "").casefold()
    if not q:
        return ("group:" + position.actor.casefold(), position.actor)
    noun = "Member State" if q == "one" else "Member States"
    return (f"group:{q}", f"{q.capitalize()} {noun}" if q != "other" else "Other Member States")


def _cell(row: MapRow, column: str, item: Sentence) -> None:
    cell = row.cells.get(column)
    if cell is None:
        cell = row.cells[column] = MapCell(column=column, counts={str(s): 0 for s in STANCES}, dominant="")
    cell.counts[str(item.stance)] += 1
    cell.sentences.append(item)


def _dominant(cell: MapCell) -> str:
    ranked = Counter(cell.counts).most_common()
    if len(ranked) > 1 and ranked[0][1] == ranked[1][1]:
        return "mixed"
    return ranked[0][0]


def stance_map(records: Sequence[Document], *, topic: str | None = None) -> StanceMap:
    """Member States × contributions (× topics with ``topic``: only positions on topics or
    contributions whose title contains that text, one column per topic)."""
    wanted = normalise_title(topic) if topic else None
    columns: dict[str, MapColumn] = {}
    members: dict[str, MapRow] = {}
    groups: dict[str, MapRow] = {}
    for doc in sorted(records, key=meeting_order):
        titles = {c.symbol or "": c.title for c in doc.contributions}
        for pos in doc.positions:
            if pos.actor_kind not in _STATE_KINDS:
                continue
            if wanted is not None and not _matches(pos, titles, wanted):
                continue
            column = _column(pos, doc, titles, by_topic=wanted is not None)
            if column is None:
                continue
            columns.setdefault(column.key, column)
            item = sentence(pos, doc)
            if pos.members:
                for iso in dict.fromkeys(pos.members):
                    row = members.setdefault(iso, MapRow(key=iso, label=short_name(iso)))
                    _cell(row, column.key, item)
            else:
                key, label = _group_key(pos)
                _cell(groups.setdefault(key, MapRow(key=key, label=label)), column.key, item)
    for row in [*members.values(), *groups.values()]:
        for cell in row.cells.values():
            cell.dominant = _dominant(cell)
    ordered = sorted(columns.values(), key=_column_order)
    return StanceMap(
        columns=ordered,
        members=sorted(members.values(), key=lambda r: r.label),
        groups=sorted(groups.values(), key=lambda r: r.label),
        topic=topic,
    )


def member_history(records: Sequence[Document], iso3: str) -> MemberHistory:
    """Every position naming ``iso3``, oldest meeting first, in record order within a meeting."""
    code = iso3.upper()
    found = [
        sentence(pos, doc)
        for doc in sorted(records, key=meeting_order)
        for pos in doc.positions
        if code in pos.members
    ]
    return MemberHistory(iso3=code, name=short_name(code), sentences=found)


__all__ = ["meeting_order", "member_history", "stance_map"]
