"""Cover-block metadata on the cover forms real ITU documents use (see shared/seed/LAYOUTS.md)."""

from __future__ import annotations

import pytest

from cwgtool.extract.metadata import extract_metadata, parse_date_range
from cwgtool.model import DocumentKind


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("4-5 February 2019", ("2019-02-04", "2019-02-05")),
        ("30 September – 1 October 2024", ("2024-09-30", "2024-10-01")),
        ("30 September 2015", ("2015-09-30", "2015-09-30")),
        ("4 and 5 February 2019", ("2019-02-04", "2019-02-05")),
        ("25January 2016", ("2016-01-25", "2016-01-25")),
        ("30th September 2015", ("2015-09-30", "2015-09-30")),
        ("no date here", (None, None)),
    ],
)
def test_date_ranges(text: str, expected: tuple[str | None, str | None]) -> None:
    assert parse_date_range(text) == expected


def test_two_cell_cover_table() -> None:
    m = extract_metadata(
        [
            "Council Working Group on International Internet-related Public Policy Issues (CWG-Internet)",
            "Eleventh meeting – Geneva, 25-26 January 2018",
            "Document CWG-Internet-11/11-E",
            "Date: 30th September 2015",
            "English only",
            "Final REPORT OF THE ELEVENTH meeting of the COuncil working group",
        ],
        [],
        [],
    )
    assert m.kind is DocumentKind.SUMMARY_RECORD
    assert (m.symbol, m.date, m.language) == ("CWG-Internet-11/11", "2015-09-30", "en")
    assert (m.meeting.body, m.meeting.number, m.meeting.place) == ("CWG-Internet", 11, "Geneva")
    assert (m.meeting.start_date, m.meeting.end_date) == ("2018-01-25", "2018-01-26")


def test_first_meeting_line_and_old_symbol() -> None:
    m = extract_metadata(
        ["First Meeting of the Council Working Group on International Internet-related Public Policy Issues Geneva, 17-18 March 2010",
         "Document WG-Internet 1/5-E", "Outcome of the 1st meeting"],
        [],
        [],
    )
    assert (m.meeting.number, m.meeting.place, m.meeting.start_date) == (1, "Geneva", "2010-03-17")
    assert m.symbol == "CWG-Internet-1/5" and m.kind is DocumentKind.SUMMARY_RECORD


def test_numbered_meeting_without_dates_and_french_original() -> None:
    m = extract_metadata(["Council Working Group on Child Online Protection", "32nd meeting – Geneva",
                          "Document: WG-COP/13", "Original: French", "Summary of the 32nd meeting"], [], [])
    assert (m.meeting.number, m.meeting.place, m.symbol, m.language) == (32, "Geneva", "CWG-COP/13", "fr")


def test_symbol_only_in_the_running_head() -> None:
    m = extract_metadata(["Summary record of the twelfth meeting"], ["- 2 -", "CWG-Internet-12/10-E"], [])
    assert (m.symbol, m.language, m.meeting.number) == ("CWG-Internet-12/10", "en", 12)
