"""Actions as iCalendar: written with ``icalendar``, read back with ``vobject`` (an independent
parser), so the file is checked as a calendar application would read it, not as we wrote it."""

from __future__ import annotations

from datetime import UTC, date, datetime

import vobject

import cwgtool
from cwgtool.brief import record_actions
from cwgtool.render.ics import calendar
from tests.conftest import FIXTURES

CWG14 = FIXTURES / "records" / "cwg14" / "cwg14.txt"
STAMP = datetime(2026, 1, 2, 3, 4, 5, tzinfo=UTC)


def read(data: bytes) -> list:
    cal = vobject.readOne(data.decode("utf-8"))
    assert cal.name == "VCALENDAR" and cal.version.value == "2.0"
    return list(getattr(cal, "vevent_list", []))


def test_one_event_per_dated_action_with_record_and_paragraph() -> None:
    doc = cwgtool.parse(CWG14)
    data = calendar(record_actions([doc]), stamp=STAMP)
    assert b"\r\n" in data  # RFC 5545 line ends
    (event,) = read(data)
    assert event.dtstart.value == date(2021, 1, 31)
    assert event.dtend.value == date(2021, 2, 1)  # all-day
    assert event.dtstamp.value == STAMP
    assert event.summary.value.startswith("The secretariat will launch the online consultation")
    description = event.description.value
    assert "Record: CWG-Internet-14/8, paragraph 6.2" in description
    assert "Actor: The secretariat" in description and "Addressee: stakeholders" in description
    assert "submit their responses by 31 January 2021." in description  # the full text, unfolded
    assert event.uid.value.endswith("@cwgtool")


def test_several_deadlines_are_ordered_and_a_day_that_does_not_exist_is_left_out() -> None:
    text = CWG14.read_text(encoding="utf-8")
    text = text.replace("Public Policy Issues.\n", "Public Policy Issues by 15 December 2020.\n", 1)
    text = text.replace("to the 2021 session of Council.", "to the 2021 session of Council by 31 February 2021.")
    doc = cwgtool.parse("cwg14-dated.txt", text=text)
    dues = {a.id: a.due for a in doc.actions if a.due}
    assert dues == {"6.2": "2021-01-31", "6.5": "2020-12-15", "6.6": "2021-02-31"}
    events = read(calendar(record_actions([doc]), stamp=STAMP))
    assert [e.dtstart.value for e in events] == [date(2020, 12, 15), date(2021, 1, 31)]
    assert len({e.uid.value for e in events}) == 2


def test_uids_are_stable_across_runs_so_a_reimport_updates() -> None:
    doc = cwgtool.parse(CWG14)
    first = read(calendar(record_actions([doc]), stamp=STAMP))
    again = read(calendar(record_actions([doc])))
    assert [e.uid.value for e in first] == [e.uid.value for e in again]


def test_discussion_actions_only_with_include_discussion() -> None:
    text = CWG14.read_text(encoding="utf-8").replace(
        "to be presented at the next meeting.", "to be presented by 30 November 2020."
    )
    doc = cwgtool.parse("cwg14-discussion.txt", text=text)
    assert any(a.source == "discussion" and a.due == "2020-11-30" for a in doc.actions)
    assert date(2020, 11, 30) not in [e.dtstart.value for e in read(calendar(record_actions([doc]), stamp=STAMP))]
    with_all = read(calendar(record_actions([doc], include_discussion=True), stamp=STAMP))
    assert date(2020, 11, 30) in [e.dtstart.value for e in with_all]


def test_a_record_without_deadlines_is_an_empty_calendar() -> None:
    doc = cwgtool.parse(FIXTURES / "records" / "cwg16" / "cwg16.txt")
    assert read(calendar(record_actions([doc]), stamp=STAMP)) == []
