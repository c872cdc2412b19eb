"""Text as it reaches users: glued numbers, numbers on their own lines, running heads, lost Word
numbering, flattened tables and lost line breaks. Every document here is invented (other bodies,
other numbers, other wordings) so that the rules are tested, not the real examples."""

from __future__ import annotations

import cwgtool
from cwgtool.model import Document
from cwgtool.readers.runon import split_runon


def _outline(doc: Document) -> list[tuple[str | None, str, list[str | None]]]:
    return [(s.number, s.title, [p.number for p in s.paragraphs]) for s in doc.iter_sections()]


LOST_NUMBERING = """\
Council Working Group on Child Online Protection (CWG-COP)
Twenty-second meeting – Geneva, 14 March 2023
Document CWG-COP-22/8-E
30 March 2023
English only
SUMMARY RECORD OF THE TWENTY-SECOND MEETING
- Opening of the meeting
1.1.The Chair opened the meeting and welcomed the delegates.
1.2.The Group observed a minute of silence.
- CWG-COP-22/3: Report by the secretariat on child online protection activities
2.1.The secretariat presented the report.
2.2.The report was noted by the Group.
3.Any other business
3.1.No other business was raised.
"""


def test_word_numbering_turned_into_bullets_gives_the_sections_back() -> None:
    doc = cwgtool.parse("cop.txt", text=LOST_NUMBERING)
    assert _outline(doc) == [
        ("1", "Opening of the meeting", ["1.1", "1.2"]),
        ("2", "CWG-COP-22/3: Report by the secretariat on child online protection activities", ["2.1", "2.2"]),
        ("3", "Any other business", ["3.1"]),
    ]
    assert [(c.symbol, c.type) for c in doc.contributions] == [("CWG-COP-22/3", "report")]


def test_numbered_paragraphs_without_their_heading_get_an_untitled_section() -> None:
    text = (
        "Working Group on the Information Society\nDocument WG-WSIS-40/7-E\n12 May 2021\n"
        "Interim Report on the Work of the Group since Council 2020\n"
        "1.1.The Group was established in 2005 by the Council.\n1.2.It met three times since then.\n"
        "2.Activities\n2.1.The Group reviewed the action lines.\n"
    )
    doc = cwgtool.parse("wsis.txt", text=text)
    assert _outline(doc) == [("1", "", ["1.1", "1.2"]), ("2", "Activities", ["2.1"])]
    assert doc.title and doc.title.startswith("Interim Report")


def test_a_cut_off_last_paragraph_is_not_a_heading() -> None:
    text = (
        "1.Introduction\n1.1.The Group met on 3 May.\n1.2.It adopted its agenda.\n2.Work\n"
        "2.1.Since the last session the Group collected the inputs of the membership on the implementation of the"
    )
    doc = cwgtool.parse("cut.txt", text=text)
    assert _outline(doc)[-1] == ("2", "Work", ["2.1"])


PDFTOTEXT = """\
- 1 -
C21/44(Rev.2)-E

Council 2021
Virtual consultation, 8-18 June 2021
Revision 2 to
Document C21/44-E
2 July 2021
Original: English
SUMMARY RECORD
OF THE
THIRD PLENARY MEETING
1.
Opening remarks
1.1
The Chairman opened the meeting.

2
C21/44(Rev.2)-E

2.
Financial operating report
2.1
The Councillor from Ghana introduced Document C21/12.
"""


def test_pdftotext_numbers_on_own_lines_and_running_heads() -> None:
    doc = cwgtool.parse("c21.txt", text=PDFTOTEXT)
    assert [(s.number, s.title) for s in doc.sections] == [("1", "Opening remarks"), ("2", "Financial operating report")]
    assert (doc.symbol, doc.revision, doc.date) == ("C21/44(Rev.2)", "Rev.2", "2021-07-02")
    assert (doc.meeting.body, doc.meeting.number) == ("Council 2021", 3)
    assert "C21/44(Rev.2)-E" in doc.headers_footers
    assert not any("C21/44(Rev.2)" in p.text for s in doc.iter_sections() for p in s.paragraphs)


SUBJECTS = """\
Council 2018
Geneva, 17-27 April 2018
Document C18/101-E
9 May 2018
Original: English
SUMMARY RECORD
OF THE
FIFTH PLENARY MEETING
Subjects discussed / Documents
1 / Report on cybersecurity activities / C18/20
2 / Financial statements (continued) / C18/40(Rev.1), C18/DT/3
3 / Date of the next session / -

1 Report on cybersecurity activities (Document C18/20)
1.1 The representative of the secretariat introduced Document C18/20.
1.2 The report was noted.
2 Financial statements (continued)
2.1 The Council approved the financial statements.
"""


def test_subjects_table_is_a_list_not_the_outline() -> None:
    doc = cwgtool.parse("c18.txt", text=SUBJECTS)
    assert _outline(doc) == [
        ("1", "Report on cybersecurity activities (Document C18/20)", ["1.1", "1.2"]),
        ("2", "Financial statements (continued)", ["2.1"]),
    ]
    listed = [p.text for p in doc.front_matter if p.label in ("1", "2", "3")]
    assert listed[0].startswith("Report on cybersecurity activities / C18/20")
    assert (doc.kind.value, doc.symbol, doc.date, doc.meeting.number) == ("summary_record", "C18/101", "2018-05-09", 5)


def test_subjects_table_without_the_body_stays_a_list() -> None:
    opening = SUBJECTS.split("\n\n")[0]
    doc = cwgtool.parse("c18.txt", text=opening)
    assert doc.sections == []


RUN_ON = (
    "Council 2022Bucharest, 24 September 2022Document C22/77-E4 October 2022Original: English"
    "SUMMARY RECORDOF THESECOND PLENARY MEETINGTuesday, 27 September 2022, from 0930 to 1200 hours"
    "Chairman: Ms A. EXAMPLE (Country)Subjects discussedDocuments1Election of the Chairman-"
    "2Adoption of the agendaC22/13Programme of workC22/DT/2(Rev.1)"
    "1Election of the Chairman1.1The Secretary-General opened the meeting and invited nominations "
    "for the chairmanship of the session in accordance with Resolution 1216.1.2The Councillor from "
    "Brazil proposed the candidate of the region, which was seconded by several councillors. "
    "2Adoption of the agenda2.1The draft agenda in Document C22/1 was adopted. 2.2 It was so agreed."
    "3Programme of work3.1The Chairman presented the programme in Document C22/DT/2(Rev.1), and "
    "recalled that 14 items were to be taken up in 2022 by the Council and its groups."
)


def test_lost_line_breaks_are_cut_at_the_number_sequence() -> None:
    pieces = split_runon(RUN_ON)
    assert "Document C22/77-E" in pieces and "4 October 2022" in pieces
    assert "1Election of the Chairman-" in pieces  # the subjects list
    assert any(p.startswith("1.2The Councillor from Brazil") for p in pieces)
    assert not any(p.startswith("14 items") for p in pieces)  # not the next number in sequence


def test_lost_line_breaks_parse_to_the_record() -> None:
    doc = cwgtool.parse("c22.txt", text=RUN_ON + "\n")
    assert _outline(doc) == [
        ("1", "Election of the Chairman", ["1.1", "1.2"]),
        ("2", "Adoption of the agenda", ["2.1", "2.2"]),
        ("3", "Programme of work", ["3.1"]),
    ]
    assert (doc.kind.value, doc.symbol, doc.date) == ("summary_record", "C22/77", "2022-10-04")
    assert (doc.meeting.body, doc.meeting.number) == ("Council 2022", 2)


# ---- what else a lost line break leaves behind (README "Text as it reaches users") ------------

# An invented working-group summary, all on one line as a web mirror stores it.
RUN_ON_BODY = (
    "Council Working Group on Languages (CWG-LANG)Ninth meeting – Geneva, 6 May 2025Document CWG-LANG-9/5-E"
    "20 May 2025English onlySUMMARY RECORD OF THE NINTH MEETING"
    "1 Opening ....... 12. Glossary ....... 2"
    "1 Opening1.1 The Chair opened the meeting.The agenda was adopted as presented by the U.S.A. delegation."
    "2 Glossary2.1 CWG-LANG-9/3: Contribution by the Republic of Chile and Peru"
    "SummaryThe co-sponsors proposed that the secretariat:(a) compile the terms used in the six languages;"
    "(b) publish them online.DiscussionWhich terms come first?How often is the list updated?"
    "Several Member States supported the proposal, and the CWG?LANG noted the costs of the agenda) The list."
)


def test_sentence_ends_lists_and_headings_glued_by_a_lost_line_break_are_cut() -> None:
    pieces = split_runon(RUN_ON_BODY)
    assert "1.1 The Chair opened the meeting." in pieces  # "….The agenda": a sentence's end glued
    assert "The agenda was adopted as presented by the U.S.A. delegation." in pieces  # "U.S.A." kept
    assert "Summary" in pieces and "Discussion" in pieces  # bare headings glued to their paragraph
    assert "(a) compile the terms used in the six languages;" in pieces  # a run of two labels
    assert "(b) publish them online." in pieces
    assert "Which terms come first?" in pieces and "How often is the list updated?" in pieces
    last = pieces[-1]
    assert last.startswith("Several Member States") and "CWG?LANG" in last and "agenda) The list" in last


def test_a_contents_line_keeps_its_page_number_apart_from_the_next_entry() -> None:
    doc = cwgtool.parse("lang.txt", text=RUN_ON_BODY + "\n")
    assert [(s.number, s.title) for s in doc.sections] == [("1", "Opening"), ("2", "Glossary")]
    assert [(s.number, s.title) for s in doc.sections[1].children] == [("2.1", "CWG-LANG-9/3: Contribution by the Republic of Chile and Peru")]
    (contribution,) = doc.contributions
    assert [s.iso3 for s in contribution.submitters] == ["CHL", "PER"]
    assert any(p.stance.value == "support" for p in doc.positions)


def test_a_number_ending_a_sentence_is_not_taken_for_the_next_paragraph() -> None:
    line = (
        "Council 2026Geneva, 9-19 June 2026Document C26/88-E1 July 2026Original: EnglishSUMMARY RECORD"
        "1 Working methods1.1 The Council considered Option 2.1.2 The Council could not agree on Option 1.1.3 The report was noted."
    )
    pieces = split_runon(line)
    assert "1.1 The Council considered Option 2." in pieces
    assert "1.2 The Council could not agree on Option 1." in pieces
    assert "1.3 The report was noted." in pieces


def test_dash_bullets_are_cut_only_as_a_list() -> None:
    line = (
        "Council Working Group on Languages (CWG-LANG)Ninth meeting – Geneva, 6 May 2025Document CWG-LANG-9/5-E"
        "1 Report1.1 The secretariat reported on:- the glossary;- the website.1.2 The pre- and post-session documents were noted."
    )
    pieces = split_runon(line)
    assert "- the glossary;" in pieces and "- the website." in pieces
    assert "1.2 The pre- and post-session documents were noted." in pieces


SHORT_PDFTOTEXT = """\
Council 2027

Geneva, 8-18 June 2027

Document C27/61-E

2 July 2027

Original: English

SUMMARY RECORD OF THE THIRD PLENARY MEETING

1

Report of the Council Working Group on Child Online Protection (Document
C27/12)

1.1

The Chair of the working group introduced the report, which the councillors from Norway and
Chile welcomed.
"""


def test_short_pdftotext_text_rejoins_its_wrapped_lines() -> None:
    doc = cwgtool.parse("c27.txt", text=SHORT_PDFTOTEXT)
    (section,) = doc.sections
    assert section.title == "Report of the Council Working Group on Child Online Protection (Document C27/12)"
    assert [p.text for p in section.paragraphs] == [
        "The Chair of the working group introduced the report, which the councillors from Norway and Chile welcomed."
    ]


def test_the_number_ending_a_symbol_is_not_a_section_number() -> None:
    """"…presented Document CWG-FHR-14/3. Several Member States …": the "3." ends the symbol; the
    real section 3 comes before it and keeps its heading."""
    line = (
        "Council Working Group on Financial and Human Resources (CWG-FHR)Fourteenth meeting – Geneva, 6 February 2023"
        "Document CWG-FHR-14/9-E1 March 2023Original: EnglishSUMMARY OF THE FOURTEENTH MEETING"
        "1 Opening of the meetingThe Chair opened the meeting.2 Adoption of the agendaThe agenda was adopted."
        "3 Report on the cost-recovery plan (Document CWG-FHR-14/3)The secretariat presented Document CWG-FHR-14/3. "
        "Several Member States asked for more detail.4 Any other businessNone."
    )
    doc = cwgtool.parse("fhr.txt", text=line + "\n")
    assert [(s.number, s.title) for s in doc.sections] == [
        ("1", "Opening of the meeting"),
        ("2", "Adoption of the agenda"),
        ("3", "Report on the cost-recovery plan (Document CWG-FHR-14/3)"),
        ("4", "Any other business"),
    ]


def test_a_words_last_letter_before_a_stop_is_no_list_label() -> None:
    """"…adopted the agenda. Who would chair …?": the "a." is the end of "agenda", not an item."""
    line = (
        "Council 2022Geneva, 1 May 2022Document C22/9-E1 June 2022Original: English"
        "1 Opening1.1 The Chair adopted the agenda. Who would chair the group?1.2 It was agreed."
    )
    assert "1.1 The Chair adopted the agenda. Who would chair the group?" in split_runon(line)


# A Council plenary record whose line breaks became spaces; its sentences hold numbers that must
# not start sections: a paragraph reference, resolution numbers, dates, symbols and counts.
COLLAPSED = (
    "Council 2029 Geneva, 12-22 June 2029 Document C29/77-E 3 July 2029 Original: English "
    "SUMMARY RECORD OF THE THIRD PLENARY MEETING "
    "1 Opening of the session 1.1 The Chairman opened the session and recalled paragraph 3.2 of "
    "Resolution 102 (Rev. Bucharest, 2022), adopted on 7 October 2022. "
    "1.2 The Councillor from Peru introduced Document C29/12, which listed 2 topics for the next "
    "consultation and cited Resolution 140 and Document C17/98. "
    "2 Report of the Working Group 2.1 The report in Document C29/20 was noted. "
    "2.2 The Council approved the 3 recommendations of the Group. "
    "3 Closing of the meeting 3.1 The Chairman closed the meeting at 1230 hours.\n"
)


def test_line_breaks_turned_into_spaces_give_the_sections_back() -> None:
    doc = cwgtool.parse("c29-collapsed.txt", text=COLLAPSED)
    assert _outline(doc) == [
        ("1", "Opening of the session", ["1.1", "1.2"]),
        ("2", "Report of the Working Group", ["2.1", "2.2"]),
        ("3", "Closing of the meeting", ["3.1"]),
    ]
    assert doc.symbol == "C29/77"
    assert doc.kind.value == "summary_record"


def test_numbers_inside_collapsed_sentences_start_nothing() -> None:
    """"paragraph 3.2 of", "Resolution 102 (", "7 October", "C17/98" and "2 topics" stay in their
    sentences; so does a number that would continue the sequence ("Resolution 3 Annex A" after
    2.1): the number after it (2.2) leaves the sequence there, so it is read as no section."""
    text = COLLAPSED.replace("was noted.", "submitted under Resolution 3 Annex A, was noted.")
    doc = cwgtool.parse("c29-collapsed.txt", text=text)
    paragraphs = {p.number: p.text for s in doc.iter_sections() for p in s.paragraphs}
    assert "paragraph 3.2 of Resolution 102 (Rev. Bucharest, 2022), adopted on 7 October 2022." in paragraphs["1.1"]
    assert "listed 2 topics" in paragraphs["1.2"] and "Document C17/98." in paragraphs["1.2"]
    assert paragraphs["2.1"].endswith("under Resolution 3 Annex A, was noted.")
    assert [s.number for s in doc.iter_sections()] == ["1", "2", "3"]


# Collapsed CWG-style summary: unnumbered headings the document repeats, a heading as long as its
# sibling's, and a list of questions under a title.
COLLAPSED_SUMMARY = (
    "Council Working Group on Gender Equality (CWG-GEN) Ninth meeting – Geneva, 5 May 2031 "
    "Document CWG-GEN-9/6-E 20 May 2031 English only Summary record of the ninth meeting "
    "1 Contributions 1.1 Contribution from Ghana (Document CWG-GEN-9/3) 1.1.1 Summary Ghana proposed "
    "that the Group study the digital skills of rural women, with the following questions: "
    "(a) What programmes reach rural women? (b) Which indicators measure progress? "
    "1.1.2 Discussion The proposal was supported by several Member States. "
    "1.2 Contribution from Chile (Document CWG-GEN-9/4) Summary The Administration of Chile proposed a survey of "
    "mentoring programmes. Discussion Some Member States supported the survey. "
    "2 Any other business 2.1 No other business was raised.\n"
)


def test_collapsed_headings_and_question_lists_are_cut() -> None:
    doc = cwgtool.parse("gen-collapsed.txt", text=COLLAPSED_SUMMARY)
    titles = [(s.number, s.title) for s in doc.iter_sections()]
    assert titles[:4] == [
        ("1", "Contributions"),
        ("1.1", "Contribution from Ghana (Document CWG-GEN-9/3)"),
        ("1.1.1", "Summary"),
        ("1.1.2", "Discussion"),
    ]
    ghana = next(s for s in doc.iter_sections() if s.number == "1.1.1")
    assert [p.text for p in ghana.paragraphs][1:] == ["What programmes reach rural women?", "Which indicators measure progress?"]
    chile = [(s.number, s.title) for s in doc.iter_sections() if s.number is None or s.number.startswith("1.2")]
    assert chile == [("1.2", "Contribution from Chile (Document CWG-GEN-9/4)"), (None, "Summary"), (None, "Discussion")]
    assert {c.symbol for c in doc.contributions} == {"CWG-GEN-9/3", "CWG-GEN-9/4"}
    assert doc.kind.value == "summary_record"
