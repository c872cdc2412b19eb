"""Invented records written the ways real ITU records vary (see LAYOUTS.md): what a careful
reader extracts from each. Each record exercises several variations at once."""

from __future__ import annotations

import pytest

import cwgtool
from cwgtool.model import Document

RECORD_A = """\
Council Working Group on International Internet-related Public Policy Issues (CWG-Internet)
Twentieth meeting – Geneva, 12-13 February 2024
Document CWG-Internet-20/9-E
Date: 1 March 2024
Original: English
Summary record of the twentieth meeting of the Council Working Group on International Internet-related Public Policy Issues

1. OPENING OF THE MEETING
1.1. The Chair opened the twentieth meeting and welcomed the participants.

2. ADOPTION OF THE AGENDA
2.1. The agenda (Document CWG-Internet-20/1) was adopted without amendment.

3. CONSIDERATION OF CONTRIBUTIONS
3.1. Contribution from the Islamic Republic of Iran (Document CWG-Internet-20/5)
Summary
The Islamic Republic of Iran proposed that the Group study the public policy aspects of Internet fragmentation.
Discussion
The delegate of China said that the topic was important and should be considered by the Group.
Many delegations supported the proposal.
A number of Member States were of the view that the matter was outside the mandate of the Group.
The representatives of Canada, Australia and Japan stated that the issue was already addressed in other fora and that there was a risk of duplication of work.
It was pointed out that the study groups were already working on the topic.
There was no consensus on the proposal.
3.2. CWG-Internet-20/6 (Saudi Arabia) – Public policy aspects of artificial intelligence
Summary
Saudi Arabia proposed the following topic for the next open consultation: “Public policy aspects of artificial intelligence”. The following questions were proposed:
(i) What are the main public policy challenges raised by artificial intelligence?
(ii) How can governments promote trustworthy artificial intelligence?
(iii) To identify best practices in the governance of artificial intelligence.
Discussion
Most Member States supported the topic.
Other Member States expressed concern that the topic was too broad.
Support was expressed for the revised questions.
The Chairman concluded that the topic would be proposed for the next open consultation.

4. ACTIONS
4.1. The secretariat to circulate the list of topics to Member States. Deadline: 15 March 2024.
4.2. The Group agreed to hold the next open consultation before the twenty-first meeting.
4.3. Member States were invited to submit contributions by 30 April 2024.
"""

RECORD_B = """\
Council Working Group on International Internet-related Public Policy Issues
Twenty-first meeting – Geneva, 10 September 2024
Document CWG-Internet-21/8-E
30 September 2024
English only
SUMMARY RECORD OF THE TWENTY-FIRST MEETING

Agenda item 1: Opening of the meeting
1.1 The Chairman opened the twenty‑first meeting and welcomed the participants to the tenthmeeting of the year’s cycle.

Agenda item 2: Adoption of the agenda
2.1 The draft agenda contained in Document CWG-Internet-21/1 was adopted.

Agenda item 3: Document CWG-Internet-21/3 (Republic of Korea): Proposal for an open consultation on digital public infrastructure
3.1 The representative of the Republic of Korea introduced the document, which proposes an open consultation on the public policy aspects of digital public infrastructure, and noted that several countries had already developed national strategies in this field.
3.2 The delegate of India stated that the proposal was timely and supported it.
3.3 Delegates from several regions questioned whether the topic fell within the mandate of the Group, and the delegate of the United States said that the topic was premature.
3.4 The Chairman concluded that there was no consensus on the proposal.

Agenda item 4: Document CWG-Internet-21/4 (Egypt, Tunisia and Algeria): Public policy aspects of online content in Arabic
4.1 The representative of Egypt introduced the joint contribution.
4.2 The Group considered the topics one by one:
(a) Topic on multilingual content
4.3 Several Member States supported the topic and stressed the importance of local content.
4.4 One Member State asked what the expected outcome of the consultation would be.
(b) Topic on internationalized domain names
4.5 A number of Member States expressed the view that the matter was more appropriate for ICANN.

Agenda item 5: Any other business
5.1 The representative of Brazil proposed that the next meeting be held back-to-back with the Council Working Group on WSIS.

Agenda item 6: Next steps
6.1 The secretariat will publish the summary record by 31 October 2024.
6.2 The Chair will consult Member States on the topic for the next open consultation.
"""


RECORD_C = """\
Council Working Group on International Internet-related Public Policy Issues (CWG-Internet)
Nineteenth meeting – Geneva, 18?19 September 2023
Document CWG-Internet-19/7
Date: 5 October 2023
Original: English
Summary record of the nineteenth meeting

1.	Introduction
1.1.	The Chair welcomed the participants to the nineteenthmeeting of CWG?Internet.

2.	Consideration of contributions
2.1.	Contribution by the Russian Federation (Document CWG?Internet?19/3)
Summary
The Russian Federation proposed two topics for the next open consultation.
Topic 1: Public policy aspects of Internet resilience
·	What measures have governments taken to ensure the resilience of the Internet?
·	What role should ITU play in this regard?
Topic 2: Combating misuse of ICTs
·	What are the main forms of misuse of ICTs?
·	How can Member States cooperate to combat them?
·	To share best practices on prevention
Discussion
Various Member States supported Topic 1, noting its importance for developing countries.
Some Member States were of the view that Topic 2 was outside the mandate of CWG?Internet, as it is already being addressed in other United Nations fora.
One Member State sought clarification on the scope of the second topic.
It was suggested that the questions on the second topic be reformulated.
2.2.	Contribution by the United States of America and Canada (Document CWG-Internet-19/4)
Summary
The contribution proposes the following topic: “Expanding Internet access through satellite connectivity”. Proposed questions:
a)	What policies have encouraged investment in satellite broadband?
b)	How can spectrum management support satellite connectivity?
Discussion
Many Member States supported the proposal.
The delegate of the Islamic Republic of Iran said the issue was a national matter.
Support was expressed for holding an open consultation on the topic.

3.	Decisions
3.1.	The meeting agreed that the topic in Document CWG-Internet-19/4 would be the subject of the next open consultation.
3.2.	The meeting agreed to hold the open consultation from 1 December 2023 to 15 January 2024.
3.3.	The secretariat was requested to prepare the questionnaire no later than 1 November 2023.
"""

@pytest.fixture(scope="module")
def rec_a() -> Document:
    return cwgtool.parse("a.txt", text=RECORD_A)


@pytest.fixture(scope="module")
def rec_b() -> Document:
    return cwgtool.parse("b.txt", text=RECORD_B)


def _pos(doc: Document) -> list[tuple[str | None, str, list[str], str]]:
    return [(p.section, p.actor, p.members, p.stance.value) for p in doc.positions]


# -- A: caps headings, bracketed authors, unnumbered Summary/Discussion, "to" actions ----------


def test_a_contributions_with_bracketed_authors(rec_a: Document) -> None:
    got = [(c.symbol, [s.iso3 for s in c.submitters], c.section, c.title) for c in rec_a.contributions]
    assert got == [
        ("CWG-Internet-20/5", ["IRN"], "3.1", None),
        ("CWG-Internet-20/6", ["SAU"], "3.2", "Public policy aspects of artificial intelligence"),
    ]
    assert len(rec_a.contributions[0].discussion) == 6


def test_a_positions(rec_a: Document) -> None:
    got = _pos(rec_a)
    assert ("3.1", "The delegate of China", ["CHN"], "support") in got
    assert ("3.1", "Many delegations", [], "support") in got
    assert ("3.1", "A number of Member States", [], "oppose") in got
    assert ("3.1", "The representatives of Canada, Australia and Japan", ["CAN", "AUS", "JPN"], "oppose") in got
    assert ("3.2", "Most Member States", [], "support") in got
    assert ("3.2", "Other Member States", [], "oppose") in got


def test_a_topic_with_roman_questions(rec_a: Document) -> None:
    (topic,) = rec_a.topics
    assert topic.title == "Public policy aspects of artificial intelligence"
    assert [s.iso3 for s in topic.proposed_by] == ["SAU"]
    assert len(topic.questions) == 3  # the last one has no "?"


def test_a_actions_infinitive_and_deadline(rec_a: Document) -> None:
    listed = [(a.id, a.actor, a.due) for a in rec_a.actions if a.source == "actions"]
    assert listed == [
        ("4.1", "The secretariat", "2024-03-15"),
        ("4.2", "The Group", None),
        ("4.3", "Member States", "2024-04-30"),
    ]


# -- B: "Agenda item N:" headings, contributions as top-level items, (a) items owning 4.3 ----


def test_b_agenda_item_headings(rec_b: Document) -> None:
    assert [(s.number, s.title[:22]) for s in rec_b.sections] == [
        ("1", "Opening of the meeting"),
        ("2", "Adoption of the agenda"),
        ("3", "Document CWG-Internet-"),
        ("4", "Document CWG-Internet-"),
        ("5", "Any other business"),
        ("6", "Next steps"),
    ]


def test_b_lettered_items_own_numbered_paragraphs(rec_b: Document) -> None:
    sec4 = rec_b.sections[3]
    assert [p.number for p in sec4.paragraphs] == ["4.1", "4.2"]  # "4.2 The Group considered …:" is no heading
    assert [(c.number, [p.number for p in c.paragraphs]) for c in sec4.children] == [
        ("4.a", ["4.3", "4.4"]),
        ("4.b", ["4.5"]),
    ]
    topics = {(p.section, p.topic) for p in rec_b.positions if p.section and p.section.startswith("4.")}
    assert topics == {("4.a", "Multilingual content"), ("4.b", "Internationalized domain names")}


def test_b_contributions(rec_b: Document) -> None:
    got = [(c.symbol, [s.iso3 for s in c.submitters], c.section) for c in rec_b.contributions]
    assert got == [("CWG-Internet-21/3", ["KOR"], "3"), ("CWG-Internet-21/4", ["EGY", "TUN", "DZA"], "4")]


def test_b_positions_delegates_and_second_actor_after_and(rec_b: Document) -> None:
    got = _pos(rec_b)
    assert ("3", "The delegate of India", ["IND"], "support") in got
    assert ("3", "Delegates from several regions", [], "clarify") in got
    assert ("3", "the delegate of the United States", ["USA"], "oppose") in got
    assert ("4.b", "A number of Member States", [], "oppose") in got
    assert ("5", "The representative of Brazil", ["BRA"], "suggest") in got


def test_b_next_steps(rec_b: Document) -> None:
    listed = [(a.id, a.actor, a.due) for a in rec_b.actions if a.source == "actions"]
    assert listed == [("6.1", "The secretariat", "2024-10-31"), ("6.2", "The Chair", None)]


@pytest.fixture(scope="module")
def rec_c() -> Document:
    return cwgtool.parse("c.txt", text=RECORD_C)


# -- C: "?" for NBSP/non-breaking hyphen, "Topic 1:" titles, a quoted topic with no "consultation" --


def test_c_question_mark_noise(rec_c: Document) -> None:
    assert (rec_c.meeting.start_date, rec_c.meeting.end_date) == ("2023-09-18", "2023-09-19")
    got = [(c.symbol, [s.iso3 for s in c.submitters]) for c in rec_c.contributions]
    assert got == [("CWG-Internet-19/3", ["RUS"]), ("CWG-Internet-19/4", ["USA", "CAN"])]


def test_c_topics(rec_c: Document) -> None:
    got = [(t.title, t.source, len(t.questions)) for t in rec_c.topics]
    assert got == [
        ("Public policy aspects of Internet resilience", "CWG-Internet-19/3", 2),
        ("Combating misuse of ICTs", "CWG-Internet-19/3", 3),
        ("Expanding Internet access through satellite connectivity", "CWG-Internet-19/4", 2),
    ]
    assert rec_c.topics[0].outcome is not None and "Topic 1" in rec_c.topics[0].outcome


def test_c_positions_and_decisions(rec_c: Document) -> None:
    got = _pos(rec_c)
    assert ("2.1", "Various Member States", [], "support") in got
    assert ("2.1", "Some Member States", [], "oppose") in got
    assert ("2.1", "One Member State", [], "clarify") in got
    assert ("2.2", "The delegate of the Islamic Republic of Iran", ["IRN"], "oppose") in got
    listed = [(a.id, a.actor, a.due) for a in rec_c.actions if a.source == "actions"]
    assert listed == [("3.1", "The meeting", None), ("3.2", "The meeting", None), ("3.3", "The secretariat", "2023-11-01")]


# -- the rules on their own -------------------------------------------------------------------


def test_read_source_bracketed_and_by_forms() -> None:
    from cwgtool.extract.submitters import read_source

    s = read_source("(Saudi Arabia) – Public policy aspects of AI")
    assert s is not None and [x.iso3 for x in s.submitters] == ["SAU"] and s.title == "Public policy aspects of AI"
    s = read_source("Public policy aspects of AI (Egypt and Tunisia)")
    assert s is not None and [x.iso3 for x in s.submitters] == ["EGY", "TUN"] and s.title == "Public policy aspects of AI"
    s = read_source("Contribution from the Islamic Republic of Iran")
    assert s is not None and [x.iso3 for x in s.submitters] == ["IRN"]
    s = read_source("submitted by Brazil: Meaningful connectivity")
    assert s is not None and [x.iso3 for x in s.submitters] == ["BRA"] and s.title == "Meaningful connectivity"
    assert read_source("Agenda of the meeting (draft)") is None
    assert read_source("Internet fragmentation (IPv6)") is None


def test_agenda_item_labels() -> None:
    from cwgtool.labels import split_label

    label, text = split_label("Agenda item 4: Consideration of contributions")
    assert label is not None and label.key == "4" and text == "Consideration of contributions"
    label, _ = split_label("Item 4.1 – Contribution by Canada")
    assert label is not None and label.key == "4.1"
    assert split_label("Agenda item 5 was postponed.")[0] is None


def test_action_label_and_infinitive() -> None:
    from cwgtool.extract.actions import actor_and_addressee

    assert actor_and_addressee("Action: The secretariat to circulate the list to Member States.")[0] == "The secretariat"
    assert actor_and_addressee("The Chair to consult the membership.")[0] == "The Chair"


# -- D: a DOCX whose Word headings carry no number at all ------------------------------------


def _docx_unnumbered(path: str) -> None:
    import docx

    d = docx.Document()
    for line in (
        "Council Working Group on International Internet-related Public Policy Issues (CWG-Internet)",
        "Twenty-second meeting – Geneva, 3-4 February 2025",
        "Document CWG-Internet-22/6-E",
        "Date: 20 February 2025",
    ):
        d.add_paragraph(line)
    d.add_paragraph("Summary record of the twenty-second meeting", style="Title")

    def para(text: str, bold: bool = False) -> None:
        d.add_paragraph().add_run(text).bold = bold

    d.add_heading("Opening of the meeting", level=1)
    para("The Chair opened the meeting and welcomed the delegates.")
    d.add_heading("Consideration of contributions", level=1)
    d.add_heading("Contribution from the Islamic Republic of Iran (Document CWG-Internet-22/3)", level=2)
    para("Summary", bold=True)
    para("The Islamic Republic of Iran proposed that the Group consider Internet governance in developing countries.")
    para("Discussion", bold=True)
    para("The delegate of Egypt was of the view that the proposal was useful.")
    para("Other Member States stated that there was no need for the Group to address it.")
    d.add_heading("CWG-Internet-22/4 (Kingdom of Saudi Arabia, United Arab Emirates) – Data governance", level=2)
    para("Summary", bold=True)
    para("The contribution proposes the following topic for the next open consultation: “Public policy aspects of data governance”.")
    for q in ("What national frameworks exist for data governance?", "How can cross-border data flows be facilitated?"):
        d.add_paragraph(q, style="List Bullet")
    para("Discussion", bold=True)
    para("The representative of Japan, supported by Australia, asked whether the topic overlapped with other work.")
    d.add_heading("Actions", level=1)
    para("The secretariat will launch the open consultation by 1 April 2025.")
    d.save(path)


def test_d_docx_unnumbered_headings(tmp_path) -> None:  # noqa: ANN001
    path = str(tmp_path / "d.docx")
    _docx_unnumbered(path)
    doc = cwgtool.parse(path)
    assert [(s.number, s.title) for s in doc.sections] == [
        ("1", "Opening of the meeting"),
        ("2", "Consideration of contributions"),
        ("3", "Actions"),
    ]
    got = [(c.symbol, [s.iso3 for s in c.submitters], c.section) for c in doc.contributions]
    assert got == [("CWG-Internet-22/3", ["IRN"], "2.1"), ("CWG-Internet-22/4", ["SAU", "ARE"], "2.2")]
    assert _pos(doc) == [
        ("2.1", "The delegate of Egypt", ["EGY"], "support"),
        ("2.1", "Other Member States", [], "oppose"),
        ("2.2", "The representative of Japan", ["JPN", "AUS"], "clarify"),
    ]
    assert [(t.title, len(t.questions)) for t in doc.topics] == [("Public policy aspects of data governance", 2)]
    assert [(a.id, a.actor, a.due) for a in doc.actions if a.source == "actions"] == [("3.1", "The secretariat", "2025-04-01")]


# Another group's record with its own symbol form ("WG-COP/32/4": meeting after a slash), a cover
# split by " / " and small-caps title case.
RECORD_COP = """\
Council Working Group on Child Online Protection (CWG-COP) / Thirty-second meeting – Geneva, 10 October 2018
Document: WG-COP/32/12
Date: 30th October 2018
English only
Final REPORT OF THE THIRTY-SECOND meeting of the COuncil working group on child online protection
1\tOpening of the meeting
1.1\tThe Chairman opened the meeting and welcomed the participants.
2\tConsideration of contributions
2.1\tContribution from the Russian Federation (Document WG-COP/32/4)
2.1.1\tThe Russian Federation introduced the document, which proposes a framework for online safety.
2.1.2\tSyria and Russia indicated their support for the proposal. The representative of Brazil, supported by Argentina and Mexico, expressed concerns about the scope of the framework.
2.2\tContribution from Kingdom of Saudi Arabia (Document WG-COP/32/5 Rev.1)
2.2.1\tThe contribution was then presented by Saudi Arabia. A Member State requested that the topic be discussed at the next meeting.
3\tNext steps
3.1\tIt was agreed that the secretariat will prepare a compilation of national practices by 31 March 2019.
"""

# A report by the Chairman to Council: Council cover fields, the session's dates above the
# document's own date, and no title naming a meeting.
REPORT_TO_COUNCIL = """\
Council 2017
Geneva, 15-25 May 2017
Agenda item: PL 1.3
Revision 1 to Document C17/51-E
12 May 2017
Original: English
Report by the Chairman of the Council Working Group on International Internet-related Public Policy Issues
Action required
The Council is invited to note the report.
1\tIntroduction
1.1\tThe tenthmeeting of CWG-Internet was held in Geneva on 25January 2017.
2\tDiscussions
2.1\tContribution by the Islamic Republic of Iran (Document CWG-Internet 10/3)
2.1.1\tSeveral Member States supported the proposal. One Member State did not support the inclusion of cybersecurity.
3\tConclusions
3.1\tThe secretariat will circulate the summary of the open consultation.
"""


def test_other_group_symbols_and_contributions() -> None:
    doc = cwgtool.parse("cop.txt", text=RECORD_COP)
    assert doc.kind.value == "summary_record"
    assert (doc.symbol, doc.date, doc.meeting.body, doc.meeting.number) == ("CWG-COP-32/12", "2018-10-30", "CWG-COP", 32)
    assert [(c.symbol, c.revision, [s.iso3 for s in c.submitters]) for c in doc.contributions] == [
        ("CWG-COP-32/4", None, ["RUS"]),
        ("CWG-COP-32/5", "Rev.1", ["SAU"]),
    ]
    assert [(p.contribution, p.members, p.stance.value) for p in doc.positions] == [
        ("CWG-COP-32/4", ["RUS"], "suggest"),  # its presentation carries the proposal ("which proposes …")
        ("CWG-COP-32/4", ["SYR", "RUS"], "support"),
        ("CWG-COP-32/4", ["BRA", "ARG", "MEX"], "oppose"),
        ("CWG-COP-32/5", [], "suggest"),
    ]
    assert [(a.due, a.text.startswith("It was agreed")) for a in doc.actions] == [("2019-03-31", True)]


def test_report_to_council_is_read_as_a_record() -> None:
    doc = cwgtool.parse("c17.txt", text=REPORT_TO_COUNCIL)
    assert doc.kind.value == "report"  # read like a record: contributions, positions, actions
    assert (doc.symbol, doc.date) == ("C17/51(Rev.1)", "2017-05-12")  # not the session's "15-25 May"
    assert [(c.symbol, [s.iso3 for s in c.submitters]) for c in doc.contributions] == [("CWG-Internet-10/3", ["IRN"])]
    assert [p.stance.value for p in doc.positions] == ["support", "oppose"]
    assert [a.text for a in doc.actions] == ["The secretariat will circulate the summary of the open consultation."]


def test_untitled_record_known_by_its_contribution_sections() -> None:
    body = RECORD_COP.split("Final REPORT", 1)[1].split("\n", 1)[1]  # no cover, no title
    doc = cwgtool.parse("bare.txt", text=body)
    assert doc.kind.value == "summary_record"
    assert [c.symbol for c in doc.contributions] == ["CWG-COP-32/4", "CWG-COP-32/5"]


# The first meeting's record: the meeting line is the cover's first line, with the group's long
# name and no symbol anywhere; positions on a procedural item; "A few Member States were opposed".
FIRST_MEETING = """\
First Meeting of the Council Working Group on International Internet-related Public Policy Issues Geneva, 17-18 March 2010
Outcome of the first meeting
1. Opening
1.1 The meeting was opened by the Chairman, who stressed that the work should be open to all.
2. Election of Vice-Chairmen
2.1 It was suggested that two Vice-Chairmen be appointed. Some Members suggested that regional balance be respected.
3. Work programme
3.1 Contribution by Egypt, Tunisia and Algeria (CWG-Internet 1/3)
3.1.1 Egypt introduced the contribution on behalf of the co-sponsors. Many Member States welcomed the contribution. A few Member States were opposed to any new work on this matter.
"""


def test_first_meeting_cover_and_procedural_positions() -> None:
    doc = cwgtool.parse("first.txt", text=FIRST_MEETING)
    m = doc.meeting
    assert (doc.kind.value, m.body, m.number, m.place, m.start_date, m.end_date) == (
        "summary_record", "CWG-Internet", 1, "Geneva", "2010-03-17", "2010-03-18"
    )
    assert [(c.symbol, [s.iso3 for s in c.submitters]) for c in doc.contributions] == [("CWG-Internet-1/3", ["EGY", "TUN", "DZA"])]
    got = [(p.section, p.actor, p.stance.value) for p in doc.positions]
    # under "Election of …" a Member State's suggestion counts; the impersonal "It was suggested"
    # and the Chair's words in "Opening" are procedure
    assert got == [
        ("2", "Some Members", "suggest"),
        ("3.1", "Many Member States", "support"),
        ("3.1", "A few Member States", "oppose"),
    ]


# "Summary:" / "Discussion:" written at the start of their paragraphs; a topic proposed as "hold an
# open consultation on X" with its questions inline.
INLINE_PARTS = """\
Council Working Group on International Internet-related Public Policy Issues (CWG-Internet)
Fifteenth meeting – Geneva, 22 September 2021
Document CWG-Internet-15/10-E
Summary record of the fifteenth meeting
1 Consideration of contributions
1.1 CWG-Internet-15/3 – Contribution from the People's Republic of China: Data governance
Summary: The People's Republic of China proposed that the Group hold an open consultation on data governance, with the following questions: 1) What are the challenges of cross-border data flows? 2) How can developing countries benefit from data?
Discussion: Several Member States supported the proposal. The United Kingdom asked for clarification on the scope.
1.2 CWG-Internet-15/4 – Contribution from the United States of America and Canada
Summary: The contribution proposes to continue the current working methods.
Discussion: The Russian Federation disagreed with the proposal.
"""


def test_inline_summary_and_discussion_labels() -> None:
    doc = cwgtool.parse("inline.txt", text=INLINE_PARTS)
    first, second = doc.contributions
    assert first.summary.startswith("The People's Republic of China proposed") and "Discussion" not in first.summary
    assert first.discussion == ["Several Member States supported the proposal. The United Kingdom asked for clarification on the scope."]
    assert second.discussion == ["The Russian Federation disagreed with the proposal."]
    # nothing from the Summary parts: the proposer's own text is not a position
    assert [(p.contribution, p.actor, p.stance.value) for p in doc.positions] == [
        ("CWG-Internet-15/3", "Several Member States", "support"),
        ("CWG-Internet-15/3", "The United Kingdom", "clarify"),
        ("CWG-Internet-15/4", "The Russian Federation", "oppose"),
    ]
    (topic,) = doc.topics
    assert (topic.title, [s.iso3 for s in topic.proposed_by], topic.questions) == (
        "Data governance",
        ["CHN"],
        ["What are the challenges of cross-border data flows?", "How can developing countries benefit from data?"],
    )


def test_cover_cell_joined_into_one_paragraph() -> None:
    """A PDF can join a cover cell's lines: the document date is the one that is not the meeting's."""
    text = (
        "Council Working Group on International Internet-related Public Policy Issues (CWG-Internet)\n"
        "Thirteenth meeting – Geneva, 17 September 2019 Document CWG-Internet-13/8-E 1 October 2019 English only\n"
        "Final report of the thirteenth meeting\n1\tIntroduction\n1.1\tThe meeting was opened.\n"
    )
    doc = cwgtool.parse("joined.txt", text=text)
    assert (doc.date, doc.meeting.start_date, doc.symbol, doc.language) == ("2019-10-01", "2019-09-17", "CWG-Internet-13/8", "en")


# A title set on two lines, Word's curly apostrophe in a submitter's name, a list of countries
# that opens with a name holding its own article.
NAMES_AND_TITLE = """\
Council Working Group on International Internet-related Public Policy Issues (CWG-Internet)
Eighteenth meeting – Geneva, 19 September 2023
Document CWG-Internet-18/10-E
SUMMARY RECORD
OF THE EIGHTEENTH MEETING OF THE COUNCIL WORKING GROUP
1\tContribution from Cameroon, Côte d’Ivoire, Kenya and Uganda (Document CWG-Internet-18/4)
1.1\tThe contribution proposes that the Group consider affordable access for rural communities.
1.2\tThe Democratic Republic of the Congo, Türkiye and the Republic of Korea supported the contribution. Viet Nam asked whether the study would include satellite connectivity.
"""


def test_two_line_title_curly_apostrophe_and_article_in_a_name() -> None:
    doc = cwgtool.parse("names.txt", text=NAMES_AND_TITLE)
    assert doc.title == "SUMMARY RECORD OF THE EIGHTEENTH MEETING OF THE COUNCIL WORKING GROUP"
    assert [[s.iso3 for s in c.submitters] for c in doc.contributions] == [["CMR", "CIV", "KEN", "UGA"]]
    assert [(p.members, p.stance.value) for p in doc.positions] == [(["COD", "TUR", "KOR"], "support"), (["VNM"], "clarify")]
