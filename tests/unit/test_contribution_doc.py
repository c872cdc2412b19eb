"""Contribution documents: cover, submitters, title, annexes, topics and requested actions."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from cwgtool import parse
from cwgtool.model import DocumentKind
from tests.conftest import FIXTURES

CONTRIB = FIXTURES / "contributions"


def _txt(case: str) -> Path:
    return CONTRIB / case / f"{case}.txt"


@pytest.mark.parametrize("path", sorted((FIXTURES / "records").glob("*/*.*")), ids=lambda p: p.name)
def test_records_stay_summary_records(path: Path) -> None:
    # records quote "Contribution by …" in their body: only the cover may make a contribution
    assert parse(str(path)).kind is DocumentKind.SUMMARY_RECORD


def test_joint_revision_cover() -> None:
    doc = parse(str(_txt("c18-3-joint-rev")))
    assert doc.kind is DocumentKind.CONTRIBUTION
    assert doc.symbol == "CWG-Internet-18/3(Rev.1)" and doc.revision == "Rev.1"
    assert (doc.date, doc.language) == ("2023-09-18", "en")
    assert (doc.meeting.body, doc.meeting.number, doc.meeting.place) == ("CWG-Internet", 18, "Geneva")
    assert (doc.meeting.start_date, doc.meeting.end_date) == ("2023-09-20", "2023-09-21")
    assert doc.source_line == "Joint contribution by Argentina, Brazil and Mexico"
    assert [(s.name, s.iso3) for s in doc.submitters] == [("Argentina", "ARG"), ("Brazil", "BRA"), ("Mexico", "MEX")]
    # the two title lines joined; never the body's name from the cover table
    assert doc.title == "PROPOSED TOPIC FOR THE NEXT OPEN CONSULTATION: MEANINGFUL CONNECTIVITY IN RURAL AND REMOTE AREAS"


def test_revision_written_before_the_symbol() -> None:
    doc = parse(str(_txt("c19-4-russia-rev")))
    assert doc.symbol == "CWG-Internet-19/4(Rev.1)" and doc.revision == "Rev.1"
    assert doc.date == "2024-01-22"  # bare cover date: the outline takes "22" for a label
    assert [(s.name, s.iso3) for s in doc.submitters] == [("Russian Federation", "RUS")]


def test_secretariat_report() -> None:
    doc = parse(str(_txt("c18-2-secretariat")))
    assert doc.kind is DocumentKind.CONTRIBUTION
    assert doc.source_line == "Report by the secretariat"
    assert [(s.name, s.iso3) for s in doc.submitters] == [("Secretariat", None)]
    assert doc.title.startswith("ITU ACTIVITIES ON INTERNET-RELATED")
    assert doc.topics == []
    [action] = doc.actions
    assert (action.actor, action.source, action.section) == ("The Group", "contribution", "8")


def test_annex_is_moved_out_of_the_body() -> None:
    doc = parse(str(_txt("c18-4-canada-annex")))
    last = doc.sections[-1]
    assert last.number == "3"
    assert not any("ANNEX" in p.text or p.text.endswith("?") for p in last.paragraphs)
    [annex] = doc.annexes
    assert annex.title == "ANNEX 1 – PROPOSED TOPIC AND QUESTIONS"
    assert len(annex.paragraphs) == 4 and annex.paragraphs[1].label == "1."
    [topic] = doc.topics
    assert topic.title == "Internet resilience: preparing for and recovering from major outages"
    assert len(topic.questions) == 3
    assert topic.source == "CWG-Internet-18/4" and [s.iso3 for s in topic.proposed_by] == ["CAN"]
    assert topic.section == annex.title


def test_actions_requested() -> None:
    doc = parse(str(_txt("c18-4-canada-annex")))
    assert [(a.id, a.actor, a.addressee, a.source) for a in doc.actions] == [
        ("3.1", "The Group", None, "contribution"),
        ("3.2", "The Group", "secretariat", "contribution"),
    ]
    doc = parse(str(_txt("c18-3-joint-rev")))
    assert [(a.actor, a.addressee) for a in doc.actions] == [("The Group", None), ("The Group", "secretariat")]
    assert doc.actions[0].text.startswith("The co-sponsors propose that the Group select the topic above")
    doc = parse(str(_txt("c19-4-russia-rev")))
    # the topic's questions under the proposal are not actions; the lettered requests are
    assert [(a.actor, a.addressee) for a in doc.actions] == [("The Group", None), ("The Group", "secretariat"), ("The Group", "Council")]
    [topic] = doc.topics
    assert topic.title == "The public policy aspects of artificial intelligence in Internet services"
    assert len(topic.questions) == 2


def test_pdf_running_head_missed_by_the_reader_is_dropped() -> None:
    # two pages: the head "CWG-Internet-18/4-E" appears once, so the PDF reader keeps it as text
    doc = parse(str(CONTRIB / "c18-4-canada-annex" / "c18-4-canada-annex.pdf"))
    body = [p.text for s in doc.iter_sections() for p in s.paragraphs] + [p.text for a in doc.annexes for p in a.paragraphs]
    assert "CWG-Internet-18/4-E" not in body
    assert "CWG-Internet-18/4-E" in doc.headers_footers


COVER = """Council Working Group on International Internet-related Public Policy Issues (CWG-Internet)
Twentieth meeting – Geneva, 3-4 February 2025
Document CWG-Internet-20/2-E
(Rev.1)
10 January 2025
English only
Note by the Secretary-General
OUTCOME OF THE OPEN CONSULTATION MEETING
1.\tIntroduction
1.1\tThe consultation was held on 2 February 2025.
Action requested: The Group is invited to take note of this note.
"""


def test_note_by_the_secretary_general_inline() -> None:
    doc = parse("note.txt", text=COVER)
    assert doc.kind is DocumentKind.NOTE  # read like a contribution, named for what it is
    assert doc.symbol == "CWG-Internet-20/2(Rev.1)" and doc.revision == "Rev.1"
    assert [(s.name, s.iso3) for s in doc.submitters] == [("Secretary-General", None)]
    # a record-like title under the source line is the contribution's own title
    assert doc.title == "OUTCOME OF THE OPEN CONSULTATION MEETING"
    assert [(a.actor, a.text) for a in doc.actions] == [("The Group", "The Group is invited to take note of this note.")]


def test_coverless_record_quoting_a_source_line_is_a_record() -> None:
    text = """Contribution by the Russian Federation on OTT was discussed first.
1.\tContributions
1.1\tCWG-Internet-12/4: Contribution by the Russian Federation: OTT
1.1.1\tSummary
The Russian Federation presented its contribution.
1.1.2\tDiscussion
Some Member States supported the contribution.
"""
    assert parse("rec.txt", text=text).kind is DocumentKind.SUMMARY_RECORD


def test_source_line_deep_in_the_front_matter_is_not_a_cover_field() -> None:
    lines = [f"Line {i} of an unnumbered document without a cover." for i in range(20)]
    text = "\n".join([*lines, "Contribution by Brazil", "Some text."]) + "\n"
    assert parse("x.txt", text=text).kind is DocumentKind.UNKNOWN


@pytest.mark.parametrize("command", ["topics", "actions"])
def test_cli_reads_contributions(command: str) -> None:
    from cwgtool.cli import app

    result = CliRunner().invoke(app, [command, str(_txt("c18-3-joint-rev")), "--format", "json", "--no-cache"])
    assert result.exit_code == 0, result.output
    rows = json.loads(result.stdout)
    if command == "topics":
        assert [r["title"] for r in rows] == ["Meaningful connectivity in rural and remote areas"]
        assert rows[0]["source"] == "CWG-Internet-18/3"
    else:
        assert [r["source"] for r in rows] == ["contribution", "contribution"]


def test_cli_parse_returns_contribution_fields() -> None:
    from cwgtool.cli import app

    result = CliRunner().invoke(app, ["parse", str(_txt("c18-4-canada-annex")), "--no-cache"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert data["kind"] == "contribution"
    assert data["submitters"] == [{"name": "Canada", "iso3": "CAN"}]
    assert data["source_line"] == "Contribution by Canada"
    assert [a["title"] for a in data["annexes"]] == ["ANNEX 1 – PROPOSED TOPIC AND QUESTIONS"]
