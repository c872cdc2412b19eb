"""Contributions: which headings are contributions, who submitted them, and their summary/discussion."""

from __future__ import annotations

from cwgtool import parse
from cwgtool.extract.submitters import parse_submitters, read_source
from cwgtool.model import Document

HEAD = (
    "Council Working Group on International Internet-related Public Policy Issues (CWG-Internet)\n"
    "Fourteenth meeting – Geneva, 16-17 September 2020\nDocument CWG-Internet-14/8-E\n\n"
    "Summary record of the fourteenth meeting of the Council Working Group\n\n"
)



def test_cwg12_member_state_contributions(cwg12: Document) -> None:
    states = [(c.symbol, [s.iso3 for s in c.submitters]) for c in cwg12.contributions if c.submitters[0].iso3]
    assert states == [
        ("CWG-Internet-12/4", ["RUS"]),
        ("CWG-Internet-12/8", ["SAU"]),
        ("CWG-Internet-12/3", ["RUS"]),
        ("CWG-Internet-12/5", ["CAN"]),
        ("CWG-Internet-12/6", ["GBR"]),
        ("CWG-Internet-12/9", ["SAU"]),
        ("CWG-Internet-12/7", ["BRA"]),
    ]


def test_cwg12_secretariat_report_included_agenda_not(cwg12: Document) -> None:
    symbols = [c.symbol for c in cwg12.contributions]
    assert "CWG-Internet-12/1" not in symbols
    report = cwg12.contributions[0]
    assert report.symbol == "CWG-Internet-12/2"
    assert report.section == "3"
    assert [(s.name, s.iso3) for s in report.submitters] == [("Secretariat", None)]
    assert report.summary.startswith("This report summarizes ITU’s activities")
    assert report.discussion == []


def test_cwg12_fields(cwg12: Document) -> None:
    sau = next(c for c in cwg12.contributions if c.symbol == "CWG-Internet-12/8")
    assert sau.submitters[0].name == "Kingdom of Saudi Arabia"
    assert sau.title == "Matters on international Internet-related public policy issues for bridging the digital gender divide"
    assert sau.section == "4.2"
    assert "1 to ensure the availability of measures" in sau.summary  # list items keep their label
    assert len(sau.discussion) == 7
    uk = next(c for c in cwg12.contributions if c.symbol == "CWG-Internet-12/6")
    assert uk.discussion[0] == "Concerning the topic on Adoption and deployment of IPv6, several Member States supported the topic."
    assert uk.discussion[1].startswith("Various Member States noted its importance")
    assert uk.provenance is not None and uk.provenance.line is not None


def test_joint_revision_and_damaged_symbol() -> None:
    d = parse(
        "x.txt",
        text=HEAD
        + "1\tConsideration of contributions\n"
        "1.1\tDocument CWG-Internet-14/5(Rev.1): Joint contribution by Argentina, Brazil and Mexico – Proposed topics\n"
        "1.1.1\tSummary\nThe co-sponsors proposed topics.\n1.1.2\tDiscussion\nSome Member States supported it.\n"
        "1.2\tWG-Internet 14/3: Contribution by Trinidad and Tobago and ITU-T: Cost of access\n"
        "1.2.1\tSummary\nThe contribution was presented.\n"
        "2\tAdoption of the agenda (CWG-Internet 14/1)\n2.1\tThe agenda was adopted.\n"
        "3\tReport of the secretariat on ITU activities (Document CWG-Internet-14/2)\n3.1\tThe secretariat presented its report.\n",
    )
    got = [(c.symbol, c.revision, [(s.name, s.iso3) for s in c.submitters], c.title) for c in d.contributions]
    assert got == [
        ("CWG-Internet-14/5", "Rev.1", [("Argentina", "ARG"), ("Brazil", "BRA"), ("Mexico", "MEX")], "Proposed topics"),
        ("CWG-Internet-14/3", None, [("Trinidad and Tobago", "TTO"), ("ITU-T", None)], "Cost of access"),
        ("CWG-Internet-14/2", None, [("Secretariat", None)], "Report of the secretariat on ITU activities"),
    ]
    assert d.contributions[0].summary == "The co-sponsors proposed topics."
    assert d.contributions[0].discussion == ["Some Member States supported it."]
    assert d.contributions[2].summary == "The secretariat presented its report."


def test_read_source_forms() -> None:
    assert read_source("Agenda of the meeting") is None
    src = read_source("Contribution by the Kingdom of Saudi Arabia - Matters on gender")
    assert src is not None and src.title == "Matters on gender"
    assert [(s.name, s.iso3) for s in src.submitters] == [("Kingdom of Saudi Arabia", "SAU")]
    chair = read_source("Report by the Chairman")
    assert chair is not None and [(s.name, s.iso3) for s in chair.submitters] == [("Chairman", None)]
    assert [s.iso3 for s in parse_submitters("Egypt, Saudi Arabia and the United Arab Emirates")] == ["EGY", "SAU", "ARE"]
