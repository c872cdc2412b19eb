"""Outline rules on small inline records: numbering forms, headings vs numbered paragraphs,
numbers that are list items, lettered sub-sections, tables of contents, lost tabs."""

from __future__ import annotations

from cwgtool import parse
from cwgtool.blocks import Block, BlockKind, Provenance
from cwgtool.model import Document, Section
from cwgtool.outline import build_outline


def doc(text: str) -> Document:
    return parse("inline.txt", text=text)


def numbers(sections: list[Section]) -> list[str]:
    out: list[str] = []
    for s in sections:
        out.append(s.number or "")
        out.extend(numbers(s.children))
    return out


def find(d: Document, number: str) -> Section:
    return next(s for s in d.iter_sections() if s.number == number)


def test_number_forms_normalise() -> None:
    d = doc("1.\tIntroduction\n1.1.\tThe Chairman opened the meeting.\n2\tAgenda\n2.1 The agenda was adopted.\n"
            "3.Open Consultations\n3. 1\tFirst topic\n3.2.\tSecond topic\n")
    assert numbers(d.sections) == ["1", "2", "3", "3.1", "3.2"]
    assert [p.number for p in find(d, "1").paragraphs] == ["1.1"]
    assert find(d, "3").title == "Open Consultations"
    assert find(d, "3.1").title == "First topic" and find(d, "3.1").level == 2


def test_numbered_paragraph_is_not_a_heading() -> None:
    d = doc("1\tIntroduction\n1.1\tThe Chairman thanked the participants for their presence.\n"
            "2\tActions\n2.1\tThe secretariat was asked to circulate the report.\n")
    assert numbers(d.sections) == ["1", "2"]
    assert find(d, "2").paragraphs[0].number == "2.1"
    assert find(d, "2").paragraphs[0].text.startswith("The secretariat was asked")


def test_lost_tab_and_number_alone_on_a_line() -> None:
    d = doc("1Introduction\nThe meeting opened.\n2.\n\nAgenda of the meeting\nThe agenda was approved.\n")
    assert [(s.number, s.title) for s in d.sections] == [("1", "Introduction"), ("2", "Agenda of the meeting")]


def test_numbers_out_of_sequence_are_list_items() -> None:
    d = doc(
        "1\tIntroduction\nText.\n2\tContributions\n2.1\tSummary\nThe contribution proposes:\n"
        "1\tto ensure availability;\n2\tto support role models;\n3\tto ensure literacy;\n"
        "2.2\tDiscussion\nSome Member States supported it.\n3\tActions\n3.1\tThe Group agreed.\n"
    )
    assert numbers(d.sections) == ["1", "2", "2.1", "2.2", "3"]
    labels = [p.label for p in find(d, "2.1").paragraphs]
    assert labels == [None, "1", "2", "3"]


def test_list_of_numbered_topics_that_would_fit_the_next_section() -> None:
    """Items "1."…"4." of a list inside section 3, then "4." would fit as the next top-level
    number: it continues the list, it is not section 4."""
    d = doc(
        "1\tA\nx.\n2\tB\nx.\n3\tProposals\n3.1\tSummary\nIt made four proposals:\n"
        "1. The use of community networks\nText one.\n2. The adoption of IPv6\nText two.\n"
        "3. The cost of connectivity\nText three.\n4. Regional IGFs\nText four.\n3.2\tDiscussion\nNoted.\n4\tActions\n4.1\tDone.\n"
    )
    assert numbers(d.sections) == ["1", "2", "3", "3.1", "3.2", "4"]


def test_lettered_items_with_content_become_subsections() -> None:
    d = doc(
        "1\tIntro\nx.\n2\tDiscussion\n"
        "a.\tConcerning the topic on IPv6, several Member States supported the topic.\n"
        "Some Member States noted its importance.\n"
        "b.\tConcerning the topic on connectivity:\nSome Member States stated that cost is an obstacle.\n"
    )
    sec = find(d, "2")
    assert [c.number for c in sec.children] == ["2.a", "2.b"]
    assert sec.children[0].title.startswith("Concerning the topic on IPv6")
    assert sec.children[1].paragraphs[0].text.startswith("Some Member States stated")
    assert sec.children[0].level == 2


def test_lettered_questions_stay_list_items() -> None:
    d = doc("1\tTopic\nThe questions are:\na) what are the challenges?\nb) what can governments do?\n"
            "c) what can others do?\nSome Member States supported the topic.\n")
    sec = find(d, "1")
    assert sec.children == []
    assert [p.label for p in sec.paragraphs] == [None, "a)", "b)", "c)", None]


def test_table_of_contents_is_not_built_twice() -> None:
    d = doc("Contents\n1\tOpening ........ 1\n2\tAgenda ........ 2\n1\tOpening\nText.\n2\tAgenda\nText.\n")
    assert [(s.number, s.title) for s in d.sections] == [("1", "Opening"), ("2", "Agenda")]


def test_level_skip_is_tolerated() -> None:
    d = doc("1\tA\n1.1\tB\n1.1.1.1\tDeep heading\nText.\n2\tC\n")
    assert numbers(d.sections) == ["1", "1.1", "1.1.1.1", "2"]
    assert find(d, "1.1.1.1").level == 4


def test_front_matter_before_first_section() -> None:
    d = doc("Council Working Group\nDocument CWG-Internet-12/10-E\n1\tIntroduction\nText.\n")
    assert [p.text for p in d.front_matter] == ["Council Working Group", "Document CWG-Internet-12/10-E"]


def test_word_labels_and_heading_hints_from_blocks() -> None:
    """Blocks whose number came from Word numbering (label set, not in text) give the same tree."""
    prov = Provenance(file="x.docx", index=0)
    blocks = [
        Block("Introduction", prov, kind=BlockKind.HEADING, label="1."),
        Block("The Chairman opened the meeting.", prov, label="1.1."),
        Block("Contributions", prov, kind=BlockKind.HEADING, label="2."),
        Block("what are the challenges?", prov, kind=BlockKind.LIST_ITEM, label="\uf0b7"),
    ]
    outline = build_outline(blocks)
    assert [(s.number, s.title) for s in outline.sections] == [("1", "Introduction"), ("2", "Contributions")]
    assert outline.sections[0].paragraphs[0].number == "1.1"
    assert outline.sections[1].paragraphs[0].label == "\uf0b7"


def test_provenance_is_kept() -> None:
    d = doc("1\tIntroduction\n1.1\tThe meeting opened.\n")
    para = d.sections[0].paragraphs[0]
    assert para.provenance.file == "inline.txt" and para.provenance.line == 2


def test_unnumbered_summary_and_discussion_parts_become_child_sections() -> None:
    d = doc(
        "1\tIntroduction\nOpened.\n2\tCWG-Internet-21/3: Contribution by Canada - Networks\nSummary\n"
        "Canada proposed a topic.\nDiscussion:\nSome Member States supported it.\n3\tActions\n3.1\tNone.\n"
    )
    contribution = find(d, "2")
    assert contribution.paragraphs == []
    assert [(c.number, c.title, c.level) for c in contribution.children] == [(None, "Summary", 2), (None, "Discussion", 2)]
    assert [p.text for p in contribution.children[1].paragraphs] == ["Some Member States supported it."]
    assert numbers(d.sections)[-1] == "3"
