"""Every kind of Council-family document, on invented variants: other bodies, other numbers and
other wordings than the real examples, so that what is tested is the rule."""

from __future__ import annotations

import cwgtool
from cwgtool.model import DocumentKind

COUNCIL_RECORD = """\
Council 2023
Geneva, 11-21 July 2023
Document C23/119-E
4 September 2023
Original: English
SUMMARY RECORD
OF THE
SIXTH PLENARY MEETING
Thursday, 13 July 2023, from 1430 to 1730 hours
Chairman: Mr A. EXAMPLE (Country)
Subjects discussed / Documents
1 / Regional presence review / C23/33(Rev.1)
2 / Cost recovery for satellite network filings / C23/14, C23/DT/6

1 Regional presence review (Document C23/33(Rev.1))
1.1 The Councillor from Kenya, introducing Document C23/33(Rev.1), which contained a contribution submitted by his country, Nigeria and the United Republic of Tanzania, said that the review should continue.
1.2 The report was noted.
2 Cost recovery for satellite network filings
2.1 Document C23/14 was introduced by the representative of the secretariat.
2.2 The Council approved the draft decision.
"""


def test_council_plenary_record() -> None:
    doc = cwgtool.parse("c23.txt", text=COUNCIL_RECORD)
    assert doc.kind is DocumentKind.SUMMARY_RECORD
    assert (doc.symbol, doc.date, doc.meeting.body, doc.meeting.number) == ("C23/119", "2023-09-04", "Council 2023", 6)
    assert [s.number for s in doc.sections] == ["1", "2"]
    refs = {c.symbol: c for c in doc.contributions}
    assert [s.iso3 for s in refs["C23/33"].submitters] == ["KEN", "NGA", "TZA"]
    assert refs["C23/33"].revision == "Rev.1" and refs["C23/33"].symbol_printed == "C23/33(Rev.1)"
    assert (refs["C23/14"].type, [s.name for s in refs["C23/14"].submitters]) == ("report", ["Secretariat"])
    assert refs["C23/DT/6"].type == "document"  # listed in the subjects table only
    # decisions of the Council are its actions
    assert [(a.actor, a.text) for a in doc.actions] == [("The Council", "The Council approved the draft decision.")]


def test_it_was_so_agreed_is_a_decision_of_the_council() -> None:
    text = COUNCIL_RECORD.replace("2.2 The Council approved the draft decision.", "2.2 It was so agreed.")
    doc = cwgtool.parse("c23.txt", text=text)
    assert [(a.actor, a.text) for a in doc.actions] == [("The Council", "It was so agreed.")]


CONTRIBUTION_CAPS = """\
Council Working Group on Financial and Human Resources
Nineteenth meeting – Geneva, 6-7 February 2024
Document CWG-FHR-19/5-E
15 January 2024
Original: English
CONTRIBUTION BY THE REPUBLIC OF KENYA
PROPOSAL ON THE LANGUAGE SERVICES BUDGET
I Introduction
The Administration of Kenya proposes that the Group review the cost of translation.
II Proposal
The Group is invited to request the secretariat to report on the cost of translation.
"""


def test_contribution_in_capitals_with_roman_parts() -> None:
    doc = cwgtool.parse("fhr.txt", text=CONTRIBUTION_CAPS)
    assert doc.kind is DocumentKind.CONTRIBUTION
    assert [(s.name, s.iso3) for s in doc.submitters] == [("REPUBLIC OF KENYA", "KEN")]
    assert (doc.symbol, doc.meeting.body, doc.meeting.number) == ("CWG-FHR-19/5", "CWG-FHR", 19)
    assert [(s.number, s.title) for s in doc.sections] == [("1", "Introduction"), ("2", "Proposal")]


def test_country_alone_as_source_line_with_footnote() -> None:
    text = (
        "15th meeting, Geneva, 3 March 2022 /\nDocument WG-LANG-15/4-E\n1 February 2022\nOriginal: English\n"
        "UNITED STATES OF AMERICA*\nProposals on the use of the six languages\n"
        "The United States proposes that the Group consider the following.\n"
    )
    doc = cwgtool.parse("lang.txt", text=text)
    assert doc.kind is DocumentKind.CONTRIBUTION
    assert [s.iso3 for s in doc.submitters] == ["USA"]
    assert (doc.symbol, doc.symbol_printed) == ("CWG-LANG-15/4", "WG-LANG-15/4-E")


NOTE = """\
Plenipotentiary Conference (PP-22)
Bucharest, 26 September – 14 October 2022
Addendum 2 to
Document 35-E
2 September 2022
Original: English
PLENARY MEETING
Note by the Secretary-General
REPORT ON THE ACTIVITIES OF THE COUNCIL WORKING GROUPS
Please find attached Annex 3 to the report of the Council.
ANNEX 3
REPORT ON THE OUTCOMES OF THE CWG-COP ACTIVITIES SINCE PP-18
1 Introduction
1.1 The Group met eight times since 2018.
1.2 It was open to all stakeholders.
"""


def test_note_by_the_secretary_general_keeps_the_annexed_outline() -> None:
    doc = cwgtool.parse("note.txt", text=NOTE + "- 1/4 -\nPP-22/35(Add.2)-E\n")
    assert doc.kind is DocumentKind.NOTE
    assert (doc.symbol, doc.addendum, doc.date) == ("PP-22/35(Add.2)", "Add.2", "2022-09-02")
    assert [(s.number, [p.number for p in s.paragraphs]) for s in doc.sections] == [("1", ["1.1", "1.2"])]
    assert [s.name for s in doc.submitters] == ["Secretary-General"]


def test_chairmans_report_to_council_is_a_report_filed_under_its_group() -> None:
    text = (
        "Council 2024\nGeneva, 4-14 June 2024\nAgenda item: PL 1.6\nDocument C24/40-E\n12 March 2024\nOriginal: English\n"
        "Report by the Chairman of the Council Working Group on Financial and Human Resources\n"
        "OUTCOME OF THE TWENTIETH AND TWENTY-FIRST MEETINGS OF THE COUNCIL WORKING GROUP ON FINANCIAL AND HUMAN RESOURCES\n"
        "Summary\nThis report summarizes the two meetings.\n1 Introduction\n1.1 The Group met twice.\n"
    )
    doc = cwgtool.parse("c24.txt", text=text)
    assert doc.kind is DocumentKind.REPORT
    assert (doc.symbol, doc.date, doc.meeting.body, doc.meeting.number) == ("C24/40", "2024-03-12", "CWG-FHR", 20)


CONSULTATION = """\
CWG-Internet: Online Open Consultation (March - June 2025)
Topic of Discussion
The 21st Session of the Council Working Group on International Internet-related Public Policy Issues (CWG-Internet) decided on 13 February 2025 to hold an open consultation (online and physical) on the following topic
Public policy considerations for Internet resilience in small island developing States
CWG-Internet invites all stakeholders to submit contributions, focusing on the following questions:
1. What are the main risks to Internet resilience in small island developing States?
2. Which policies have improved redundancy of international connectivity?
3. How can regional cooperation help?
Information on the Online Open Consultation
Online Open Consultations are held between two successive meetings.
"""


def test_consultation_page_gives_its_topic_and_no_outline() -> None:
    doc = cwgtool.parse("consultation.txt", text=CONSULTATION)
    assert doc.kind is DocumentKind.CONSULTATION
    assert doc.sections == []  # the numbered questions are not the outline
    assert (doc.symbol, doc.date, doc.meeting.body, doc.meeting.number) == (None, None, "CWG-Internet", 21)
    [topic] = doc.topics
    assert topic.title == "Public policy considerations for Internet resilience in small island developing States"
    assert len(topic.questions) == 3 and [s.name for s in topic.proposed_by] == ["CWG-Internet"]


def test_contribution_named_by_its_author_only() -> None:
    text = (
        "Council Working Group on Child Online Protection\nDocument: WG-COP/21\nDate: 3rd March 2016\n"
        "11th meeting – Geneva, 2 March 2016\nSUMMARY OF THE 11th MEETING\n1. Introduction\nThe meeting opened.\n"
        "2. Adoption of the agenda\nFollowing the contribution submitted by Brazil, an item was added.\n"
    )
    doc = cwgtool.parse("cop.txt", text=text)
    assert (doc.kind, doc.symbol, doc.date, doc.meeting.number) == (DocumentKind.SUMMARY_RECORD, "CWG-COP/21", "2016-03-03", 11)
    assert [(c.symbol, [s.iso3 for s in c.submitters]) for c in doc.contributions] == [(None, ["BRA"])]


def test_a_symbol_cited_in_a_sentence_is_not_the_documents_own() -> None:
    text = (
        "Abstract:\nThis document follows the contribution by Canada at the sixth meeting (Document CWG-LANG-6/12). "
        "The secretariat will report to the next session.\n"
    )
    doc = cwgtool.parse("abstract.txt", text=text)
    assert doc.symbol is None and doc.kind is DocumentKind.UNKNOWN
