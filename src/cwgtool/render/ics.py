"""Deadlines into calendars: actions with a due date as an iCalendar file (RFC 5545).

Written with the maintained ``icalendar`` library rather than by hand: RFC 5545 has line
folding at 75 octets, escaping of ``,;\\`` and newlines in text values, CRLF line ends and
required properties (UID, DTSTAMP) that a hand-written writer gets subtly wrong, and calendar
applications reject such files silently.

One all-day event per action on its due date; which actions, and each one's record, is decided
by :func:`cwgtool.brief.record_actions`. The UID is derived from the record, the action's
paragraph and its text, so importing the file again updates the events instead of duplicating
them.
"""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from datetime import UTC, date, datetime, timedelta

from cwgtool.brief.model import RecordAction
from cwgtool.model import Action

PRODID = "-//cwgtool//actions//EN"
SUMMARY_CHARS = 90


def due_day(action: Action) -> date | None:
    """The due date as a calendar day; None when there is none or it is not a real day."""
    if not action.due:
        return None
    try:
        return date.fromisoformat(action.due)
    except ValueError:
        return None


def _summary(item: RecordAction) -> str:
    text = " ".join(item.action.text.split())
    if len(text) > SUMMARY_CHARS:
        text = text[: SUMMARY_CHARS - 1].rsplit(" ", 1)[0] + "…"
    return f"{item.action.actor}: {text}" if item.action.actor and not text.startswith(item.action.actor) else text


def _description(item: RecordAction) -> str:
    a = item.action
    paragraph = a.id or a.section or "?"
    lines = [
        f"Record: {item.record}, paragraph {paragraph}",
        f"Actor: {a.actor or 'not stated'}",
    ]
    if a.addressee:
        lines.append(f"Addressee: {a.addressee}")
    lines += [f"Due: {a.due}", "", a.text, "", f"File: {item.file}"]
    return "\n".join(lines)


def _uid(item: RecordAction) -> str:
    key = "\x1f".join((item.record, item.action.id or item.action.section or "", item.action.text))
    return hashlib.sha256(key.encode("utf-8")).hexdigest()[:32] + "@cwgtool"


def calendar(items: Sequence[RecordAction], *, stamp: datetime | None = None) -> bytes:
    """The iCalendar file: one all-day event per action with a (real) due date, earliest first.

    ``stamp`` is every event's DTSTAMP (when the file was made; default now, UTC) — pass a fixed
    one for reproducible output.
    """
    import icalendar

    made = (stamp or datetime.now(UTC)).astimezone(UTC)
    cal = icalendar.Calendar()
    cal.add("prodid", PRODID)
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    cal.add("x-wr-calname", "cwgtool actions")
    dated = [(day, item) for item in items if (day := due_day(item.action)) is not None]
    for day, item in sorted(dated, key=lambda pair: pair[0]):
        event = icalendar.Event()
        event.add("uid", _uid(item))
        event.add("dtstamp", made)
        event.add("dtstart", day)
        event.add("dtend", day + timedelta(days=1))
        event.add("summary", _summary(item))
        event.add("description", _description(item))
        event.add("categories", [item.record])
        event.add("transp", "TRANSPARENT")
        cal.add_component(event)
    return cal.to_ical()


__all__ = ["calendar", "due_day"]
