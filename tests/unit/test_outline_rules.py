"""The outline's sequence and form rules, each pinned on a small record written inline: how far
a section number may skip, when a run of list numbers swallows the next one, when lettered items
head sub-sections, which lines read as headings (colon, bold, length), and how unnumbered Word or
PDF headings are numbered. Records go through the public ``parse`` (text) or ``build_outline``
(blocks with the hints a DOCX or PDF reader gives)."""

from __future__ import annotations

import pytest

from cwgtool import parse
from cwgtool.blocks import Block, BlockKind, Provenance
from cwgtool.model import Document, Section
from cwgtool.outline import Outline, build_outline


def doc(text: str) -> Document:
    return parse("inline.txt", text=text)


def tree(sections: list[Section]) -> list[tuple[str | None, str]]:
    """(number, title) of every section, depth first."""
    out: list[tuple[str | None, str]] = []
    for s in sections:
        out.append((s.number, s.title))
        out.extend(tree(s.children))
    return out


def numbers(sections: list[Section]) -> list[str | None]:
    return [n for n, _ in tree(sections)]


def find(sections: list[Section], number: str) -> Section:
    for s in sections:
        if s.number == number:
            return s
        try:
            return find(s.children, number)
        except LookupError:
            continue
    raise LookupError(number)


def blocks(*specs: tuple[str, dict[str, object]]) -> Outline:
    """``build_outline`` over blocks given as (text, hints); the block index is the provenance."""
    return build_outline(
        Block(text, Provenance(file="inline.docx", index=i), **hints)  # type: ignore[arg-type]
        for i, (text, hints) in enumerate(specs)
    )


def sentence_of(length: int, end: str = ".") -> str:
    """A plain sentence of exactly ``length`` characters ending with ``end``."""
    words = "The Group discussed the proposals made by several Member States on connectivity and cost "
    body = (words * (length // len(words) + 1))[: length - len(end)].rstrip()
    return body + "s" * (length - len(end) - len(body)) + end


# -- how far a section number may skip ------------------------------------------------------------


def test_a_skipped_section_number_keeps_the_next_section() -> None:
    """A record numbered 1, 2, 4 (section 3 was deleted in drafting) keeps section 4."""
    d = doc(
        "1\tIntroduction\nThe Chairman opened the meeting.\n2\tAdoption of the agenda\nThe agenda was adopted.\n"
        "4\tActions\nThe secretariat will circulate the report.\n"
    )
    assert tree(d.sections) == [("1", "Introduction"), ("2", "Adoption of the agenda"), ("4", "Actions")]
    assert [p.text for p in find(d.sections, "4").paragraphs] == ["The secretariat will circulate the report."]


@pytest.mark.parametrize(("last", "is_section"), [(3, True), (4, True), (5, True), (6, False), (9, False)])
def test_a_section_number_may_skip_at_most_three_siblings(last: int, is_section: bool) -> None:
    d = doc(f"1\tIntroduction\nOpened.\n2\tContributions\nDiscussed.\n{last}\tActions\nNone.\n")
    if is_section:
        assert numbers(d.sections) == ["1", "2", str(last)]
    else:  # too far from 2: a list item of section 2
        assert numbers(d.sections) == ["1", "2"]
        assert [p.label for p in find(d.sections, "2").paragraphs] == [None, str(last), None]


@pytest.mark.parametrize(("first", "is_section"), [(1, True), (2, True), (3, True), (4, False)])
def test_the_first_section_may_be_numbered_up_to_three(first: int, is_section: bool) -> None:
    """A copy that lost its first sections may start at 2 or 3; a first number of 4 is not taken
    as the start of the outline."""
    d = doc(f"Summary record\n{first}\tActions\nThe secretariat will report.\n")
    assert numbers(d.sections) == ([str(first)] if is_section else [])


@pytest.mark.parametrize(("child", "is_section"), [("2.1", True), ("2.2", True), ("2.3", False)])
def test_the_first_sub_section_may_be_numbered_up_to_two(child: str, is_section: bool) -> None:
    d = doc(f"1\tIntroduction\nOpened.\n2\tContributions\n{child}\tContribution from Canada\nText.\n")
    if is_section:
        assert numbers(d.sections) == ["1", "2", child]
    else:  # a numbered paragraph of section 2
        assert numbers(d.sections) == ["1", "2"]
        assert find(d.sections, "2").paragraphs[0].number == child


@pytest.mark.parametrize(("deep", "is_section"), [("1.1.1.1", True), ("1.1.1.2", True), ("1.1.1.3", False)])
def test_a_skipped_level_is_tolerated_for_the_first_two_numbers(deep: str, is_section: bool) -> None:
    d = doc(f"1\tIntroduction\n1.1\tBackground\n{deep}\tDeep heading\nText.\n")
    assert numbers(d.sections) == (["1", "1.1", deep] if is_section else ["1", "1.1"])


def test_a_sub_section_without_an_open_ancestor_is_a_list_item() -> None:
    d = doc("1\tIntroduction\nThe meeting opened.\n3.1.1\tOrphan heading\nText.\n")
    assert numbers(d.sections) == ["1"]
    assert [p.label for p in d.sections[0].paragraphs] == [None, "3.1.1", None]


def test_a_later_sibling_is_counted_from_the_last_numbered_one() -> None:
    """Unnumbered parts ("Summary") between numbered sub-sections do not reset the count."""
    d = doc(
        "1\tIntroduction\nOpened.\n2\tContributions\n2.1\tContribution from Canada\nSummary\nA topic.\n"
        "2.2\tContribution from Brazil\nText.\n2.3\tContribution from India\nText.\n3\tActions\nNone.\n"
    )
    assert numbers(d.sections) == ["1", "2", "2.1", None, "2.2", "2.3", "3"]


def test_a_numbered_paragraph_needs_its_own_parent_open() -> None:
    """"1.2.3" under section 1 with no 1.2: a list item, not a numbered paragraph of 1."""
    d = doc("1\tIntroduction\nThe meeting opened.\n1.2.3\tThe Chairman noted the report.\n")
    assert [(p.number, p.label) for p in d.sections[0].paragraphs] == [(None, None), (None, "1.2.3")]


def test_a_record_numbering_its_paragraphs_gives_untitled_sections_holding_them() -> None:
    d = doc("1\tThe Council noted the report of the Working Group.\n2\tThe Council approved the budget.\n")
    assert tree(d.sections) == [("1", ""), ("2", "")]
    assert [(p.number, p.label, p.text) for p in d.sections[0].paragraphs] == [
        ("1", None, "The Council noted the report of the Working Group.")
    ]


def test_a_number_alone_then_an_empty_paragraph_then_its_title() -> None:
    """Word documents keep empty paragraphs: "2." alone, an empty line, then the title."""
    outline = blocks(
        ("1.", {}), ("Introduction", {}), ("The meeting opened.", {}),
        ("2.", {}), ("", {}), ("Agenda of the meeting", {}), ("The agenda was adopted.", {}),
    )
    assert tree(outline.sections) == [("1", "Introduction"), ("2", "Agenda of the meeting")]
    assert [p.text for p in outline.sections[1].paragraphs] == ["The agenda was adopted."]


def test_a_bold_numbered_title_stays_a_heading_however_long() -> None:
    """In a record numbering its paragraphs 1.1, 1.2…, a long unpunctuated numbered line reads as
    a paragraph cut short — unless it is bold, which a heading is."""
    title = "Contribution from the Russian Federation on the international public policy issues of the Internet and of the domain name system"
    outline = blocks(
        ("Introduction", {"label": "1"}),
        ("The Chairman opened the meeting and welcomed the delegates.", {"label": "1.1"}),
        ("Contributions", {"label": "2"}),
        (title, {"label": "2.1", "bold": True}),
        ("The Russian Federation presented the contribution.", {}),
    )
    assert tree(outline.sections)[-1] == ("2.1", title)


# -- numbers that are list items ------------------------------------------------------------------


def test_the_next_section_survives_a_two_item_list() -> None:
    """Two list items numbered 1 and 2 inside section 2 are too short a run to swallow "3 Actions"."""
    d = doc(
        "1\tIntroduction\nThe meeting opened.\n2\tContributions\nThe contribution proposes two measures:\n"
        "1\tto ensure the availability of content;\n2\tto support role models.\n3\tActions\nThe secretariat will report.\n"
    )
    assert numbers(d.sections) == ["1", "2", "3"]
    assert [p.label for p in find(d.sections, "2").paragraphs] == [None, "1", "2"]


def test_a_three_item_list_continues_into_the_next_number() -> None:
    d = doc(
        "1\tIntroduction\nThe meeting opened.\n2\tContributions\nThe contribution proposes three measures:\n"
        "1\tto ensure availability;\n2\tto support role models;\n3\tto ensure literacy.\n4\tto ensure affordability.\n"
    )
    assert numbers(d.sections) == ["1", "2"]
    assert [p.label for p in find(d.sections, "2").paragraphs] == [None, "1", "2", "3", "4"]


def test_a_list_that_does_not_start_at_one_counts_its_run_from_where_it_starts() -> None:
    """Items 2, 3 (a list resumed after a paragraph) are a run of two: section 3 survives;
    items 1, 2 then 3 would not have."""
    d = doc(
        "1\tIntroduction\nThe meeting opened.\n2\tContributions\nIt proposed:\n1\tto ensure availability;\n"
        "Some Member States commented.\n2\tto support role models.\n3\tActions\nNone.\n"
    )
    assert numbers(d.sections) == ["1", "2", "3"]


def test_a_list_missing_an_item_counts_its_run_again_from_the_gap() -> None:
    """Items 1, 3, 4 (item 2 deleted): the run is 3, 4 only, so "5 Actions" is still a section."""
    d = doc(
        "1\tIntroduction\nThe meeting opened.\n2\tContributions\nIt proposed:\n1\tto ensure availability;\n"
        "3\tto support role models;\n4\tto ensure literacy.\n5\tActions\nNone.\n"
    )
    assert numbers(d.sections) == ["1", "2", "5"]


def test_a_numbered_list_of_subjects_before_the_body_is_not_the_outline() -> None:
    """Council records list their subjects 1, 2, 3 before a body numbered 1, 2, 3 again with
    paragraphs 1.1, 2.1…: the list stays front matter and the body is the outline."""
    d = doc(
        "Summary record of the first meeting\n1\tOpening of the meeting\n2\tAdoption of the agenda\n"
        "3\tAny other business\n1\tOpening of the meeting\n1.1\tThe Chair opened the meeting.\n"
        "2\tAdoption of the agenda\n2.1\tThe agenda was adopted.\n3\tAny other business\n"
        "3.1\tNo other business was raised.\n"
    )
    assert [(s.number, s.title, [p.number for p in s.paragraphs]) for s in d.sections] == [
        ("1", "Opening of the meeting", ["1.1"]),
        ("2", "Adoption of the agenda", ["2.1"]),
        ("3", "Any other business", ["3.1"]),
    ]
    assert [p.label for p in d.front_matter] == [None, "1", "2", "3"]


# -- lettered items -------------------------------------------------------------------------------


def test_a_single_lettered_head_with_a_full_stop_heads_a_sub_section() -> None:
    d = doc(
        "1\tIntroduction\nOpened.\n2\tDiscussion\na.\tConcerning the topic on IPv6\n"
        "Several Member States supported the topic.\n3\tActions\nNone.\n"
    )
    sec = find(d.sections, "2")
    assert [(c.number, c.title, c.level) for c in sec.children] == [("2.a", "Concerning the topic on IPv6", 2)]
    assert [p.text for p in sec.children[0].paragraphs] == ["Several Member States supported the topic."]
    assert numbers(d.sections) == ["1", "2", "2.a", "3"]


@pytest.mark.parametrize(
    "text",
    [
        # "a)" is a list label, not a sub-section head, even when text follows it
        "a)\tConcerning the topic on IPv6\nSeveral Member States supported the topic.\n",
        # "a." that owns nothing before the next section
        "a.\tConcerning the topic on IPv6\n",
    ],
)
def test_a_single_lettered_item_that_is_not_a_head_stays_a_list_item(text: str) -> None:
    d = doc(f"1\tIntroduction\nOpened.\n2\tDiscussion\n{text}3\tActions\nNone.\n")
    sec = find(d.sections, "2")
    assert sec.children == []
    assert sec.paragraphs[0].label in ("a)", "a.")
    assert numbers(d.sections) == ["1", "2", "3"]


def test_lettered_heads_own_numbered_paragraphs() -> None:
    """"a. Concerning …" followed by "2.1 Several Member States …": the numbered paragraph stays
    in the lettered sub-section."""
    d = doc(
        "1\tIntroduction\nOpened.\n2\tDiscussion\na.\tConcerning the topic on IPv6\n"
        "2.1\tSeveral Member States supported the topic.\nb.\tConcerning the topic on connectivity\n"
        "2.2\tSome Member States noted the cost.\n3\tActions\nNone.\n"
    )
    sec = find(d.sections, "2")
    assert [c.number for c in sec.children] == ["2.a", "2.b"]
    assert [(p.number, p.text) for p in sec.children[0].paragraphs] == [("2.1", "Several Member States supported the topic.")]
    assert [p.number for p in sec.children[1].paragraphs] == ["2.2"]
    assert sec.paragraphs == []


def test_a_lettered_run_heads_sub_sections_when_a_later_letter_owns_text() -> None:
    """The first topic had nothing said about it; the second did: both letters are heads."""
    d = doc(
        "1\tIntroduction\nOpened.\n2\tDiscussion\na.\tConcerning the topic on IPv6\n"
        "b.\tConcerning the topic on connectivity\nSome Member States noted the cost.\n"
        "c.\tConcerning the topic on literacy\n3\tActions\nNone.\n"
    )
    assert [c.number for c in find(d.sections, "2").children] == ["2.a", "2.b", "2.c"]


def test_lettered_items_that_own_only_bullets_stay_list_items() -> None:
    d = doc(
        "1\tTopic\nThe questions are:\na)\twhat are the challenges?\n•\tcost\n•\tskills\n"
        "b)\twhat can governments do?\n•\tregulate\n2\tActions\nNone.\n"
    )
    sec = find(d.sections, "1")
    assert sec.children == []
    assert [p.label for p in sec.paragraphs] == [None, "a)", "•", "•", "b)", "•"]


def test_a_new_lettered_run_restarts_at_a() -> None:
    """Questions a) b) that own nothing, then topics a. b. with discussion: only the second run
    heads sub-sections."""
    d = doc(
        "1\tIntroduction\nOpened.\n2\tDiscussion\nThe Chairman asked two questions:\n"
        "a)\twhat are the challenges?\nb)\twhat can governments do?\n"
        "a.\tConcerning the first question\nSeveral Member States noted the cost.\n"
        "b.\tConcerning the second question\nSome Member States supported regulation.\n3\tActions\nNone.\n"
    )
    sec = find(d.sections, "2")
    assert [(c.number, c.title) for c in sec.children] == [
        ("2.a", "Concerning the first question"),
        ("2.b", "Concerning the second question"),
    ]
    assert [p.label for p in sec.paragraphs] == [None, "a)", "b)"]


def test_a_lettered_item_before_any_section_is_front_matter() -> None:
    d = doc("a.\tConcerning the topic on IPv6\nSeveral Member States supported it.\nb.\tOther\nText.\n1\tIntroduction\nx.\n")
    assert [p.label for p in d.front_matter][:1] == ["a."]
    assert numbers(d.sections) == ["1"]


# -- which lines read as headings -----------------------------------------------------------------


def test_a_numbered_line_leading_a_list_is_a_paragraph() -> None:
    """"1.1 The Group considered the topics one by one:" opens with a subject and a verb and ends
    with a colon: it leads a list, it does not head a sub-section."""
    d = doc("1\tIntroduction\n1.1\tThe Group considered the topics one by one:\n-\tIPv6\n-\tconnectivity\n2\tActions\nNone.\n")
    assert numbers(d.sections) == ["1", "2"]
    assert find(d.sections, "1").paragraphs[0].number == "1.1"


def test_a_short_title_ending_with_a_colon_is_a_heading() -> None:
    d = doc("1\tIntroduction\nOpened.\n2\tContributions\n2.1\tSummary of the contributions:\nText.\n")
    assert tree(d.sections)[-1] == ("2.1", "Summary of the contributions:")


@pytest.mark.parametrize(("length", "is_heading"), [(40, True), (60, True), (61, False), (120, False)])
def test_a_line_ending_with_a_colon_is_a_heading_up_to_sixty_characters(length: int, is_heading: bool) -> None:
    """Titles that end with a colon are short; a longer line ending with one introduces what
    follows ("Contributions received from … on the following topics:")."""
    title = ("Contributions received from Member States on the topics of the consultation " * 2)[: length - 1].rstrip()
    title = title.ljust(length - 1, "s") + ":"
    assert len(title) == length
    d = doc(f"1\tIntroduction\nOpened.\n2\tContributions\n2.1\t{title}\nText.\n")
    if is_heading:
        assert tree(d.sections)[-1] == ("2.1", title)
    else:
        assert numbers(d.sections) == ["1", "2"]
        assert find(d.sections, "2").paragraphs[0].text == title


def test_a_long_title_without_a_final_colon_or_full_stop_is_a_heading() -> None:
    title = "CWG-Internet-12/4: Contribution from the Russian Federation on international Internet-related public policy"
    d = doc(f"1\tIntroduction\nOpened.\n2\tContributions\n2.1\t{title}\nText.\n")
    assert tree(d.sections)[-1] == ("2.1", title)


@pytest.mark.parametrize(("length", "is_heading"), [(399, True), (400, False)])
def test_an_unpunctuated_line_is_a_heading_below_four_hundred_characters(length: int, is_heading: bool) -> None:
    title = sentence_of(length, end="s")
    d = doc(f"1\tIntroduction\nOpened.\n2\tContributions\n2.1\t{title}\nText.\n")
    assert (tree(d.sections)[-1] == ("2.1", title)) is is_heading


@pytest.mark.parametrize(("length", "is_heading"), [(80, True), (299, True), (300, False)])
def test_a_bold_sentence_is_a_heading_below_three_hundred_characters(length: int, is_heading: bool) -> None:
    """Bold marks a heading even when it reads as a sentence, up to a length no heading has."""
    text = sentence_of(length)
    outline = blocks(
        ("Introduction", {"label": "1"}),
        ("The Chairman opened the meeting.", {}),
        (text, {"label": "2", "bold": True}),
        ("The Group discussed it.", {}),
    )
    if is_heading:
        assert [(s.number, s.title) for s in outline.sections] == [("1", "Introduction"), ("2", text)]
    else:  # a sentence that does not fit as a heading: a list item of section 1
        assert [s.number for s in outline.sections] == ["1"]
        assert outline.sections[0].paragraphs[1].text == text


@pytest.mark.parametrize("hints", [{"kind": BlockKind.HEADING}, {"style": "Heading 2"}, {"style": "Title"}])
@pytest.mark.parametrize(("length", "titled"), [(120, True), (399, True), (400, False)])
def test_a_heading_styled_sentence_is_a_heading_below_four_hundred_characters(
    hints: dict[str, object], length: int, titled: bool
) -> None:
    """A Word heading (kind or style) is a heading even when it ends with a full stop; a
    paragraph of 400 characters or more is no heading whatever its style."""
    text = sentence_of(length)
    outline = blocks(("Introduction", {"label": "1"}), ("Opened.", {}), (text, {"label": "2", **hints}), ("Text.", {}))
    if titled:
        assert [(s.number, s.title) for s in outline.sections] == [("1", "Introduction"), ("2", text)]
    else:
        assert [s.number for s in outline.sections] == ["1"]
        assert [(p.label, p.text) for p in outline.sections[0].paragraphs[1:2]] == [("2", text)]


# -- unnumbered Word and PDF headings -------------------------------------------------------------

H1 = {"kind": BlockKind.HEADING, "level": 1, "style": "Heading 1"}
H2 = {"kind": BlockKind.HEADING, "level": 2, "style": "Heading 2"}
H3 = {"kind": BlockKind.HEADING, "level": 3, "style": "Heading 3"}


def test_unnumbered_word_headings_are_numbered_by_level_and_order() -> None:
    outline = blocks(
        ("Introduction", H1),
        ("The meeting opened.", {}),
        ("Background", H2),
        ("Text.", {}),
        ("Scope", H2),
        ("Text.", {}),
        ("Contributions", H1),
        ("Deep point", H3),  # a skipped level nests once
        ("Text.", {}),
    )
    assert tree(outline.sections) == [
        ("1", "Introduction"), ("1.1", "Background"), ("1.2", "Scope"), ("2", "Contributions"), ("2.1", "Deep point")
    ]
    assert [s.level for s in outline.sections] == [1, 1]
    assert outline.sections[1].children[0].level == 2
    assert [p.text for p in outline.sections[0].paragraphs] == ["The meeting opened."]


def test_unnumbered_headings_count_from_the_highest_level_used() -> None:
    outline = blocks(("Opening", H2), ("Text.", {}), ("Detail", H3), ("Text.", {}), ("Closing", H2), ("Text.", {}))
    assert tree(outline.sections) == [("1", "Opening"), ("1.1", "Detail"), ("2", "Closing")]


def test_title_style_summary_and_discussion_are_not_numbered() -> None:
    outline = blocks(
        ("Summary record of the meeting", {"kind": BlockKind.HEADING, "level": 1, "style": "Title"}),
        ("Twelfth meeting", {"kind": BlockKind.HEADING, "level": 2, "style": "Subtitle"}),
        ("Introduction", H1),
        ("Text.", {}),
        ("Contribution from Canada", H1),
        ("Summary", H2),
        ("Canada proposed a topic.", {}),
        ("Discussion", H2),
        ("Some Member States supported it.", {}),
    )
    assert tree(outline.sections) == [
        ("1", "Introduction"), ("2", "Contribution from Canada"), (None, "Summary"), (None, "Discussion")
    ]
    assert [p.text for p in outline.front_matter] == ["Summary record of the meeting", "Twelfth meeting"]


def test_a_single_unnumbered_heading_is_not_numbered() -> None:
    outline = blocks(("Introduction", H1), ("The meeting opened.", {}))
    assert outline.sections == []
    assert [p.text for p in outline.front_matter] == ["Introduction", "The meeting opened."]


@pytest.mark.parametrize("numbered", [{"label": "1.1"}, {"label": "1", "kind": BlockKind.HEADING}])
def test_a_record_with_its_own_section_numbers_keeps_them(numbered: dict[str, object]) -> None:
    """One numbered heading or "1.1" paragraph is enough: the unnumbered headings are left alone."""
    outline = blocks(("Introduction", H1), ("Opened.", numbered), ("Background", H2), ("Text.", {}), ("Other", H1))
    assert all(s.title not in ("Background", "Other") for s in outline.sections)


def test_a_pdf_title_and_a_single_heading_are_not_numbered() -> None:
    outline = blocks(
        ("Summary record of the twelfth meeting", {"kind": BlockKind.HEADING, "font_size": 18.0}),
        ("Introduction", {"kind": BlockKind.HEADING, "font_size": 14.0}),
        ("Text.", {}),
    )
    assert outline.sections == []


def test_headings_without_a_level_do_not_count_once_word_levels_are_known() -> None:
    outline = blocks(
        ("Introduction", H1),
        ("Text.", {}),
        ("A bold line", {"kind": BlockKind.HEADING, "font_size": 14.0}),
        ("Text.", {}),
        ("Contributions", H1),
    )
    assert tree(outline.sections) == [("1", "Introduction"), ("2", "Contributions")]


def test_headings_with_a_level_outside_word_s_range_are_ignored() -> None:
    outline = blocks(
        ("Introduction", H1),
        ("Text.", {}),
        ("Odd", {"kind": BlockKind.HEADING, "level": 7}),
        ("Text.", {}),
        ("Contributions", H1),
    )
    assert tree(outline.sections) == [("1", "Introduction"), ("2", "Contributions")]


def test_pdf_headings_are_ranked_by_font_size_and_a_lone_largest_first_line_is_the_title() -> None:
    def h(size: float) -> dict[str, object]:
        return {"kind": BlockKind.HEADING, "font_size": size}

    outline = blocks(
        ("Summary record of the twelfth meeting", h(18)),
        ("Introduction", h(14)),
        ("Text.", {}),
        ("Background", h(12)),
        ("Text.", {}),
        ("Contributions", h(14)),
        ("Text.", {}),
    )
    assert tree(outline.sections) == [("1", "Introduction"), ("1.1", "Background"), ("2", "Contributions")]
    assert outline.front_matter[0].text == "Summary record of the twelfth meeting"


def test_pdf_headings_of_one_size_after_a_larger_one_are_all_kept_when_it_is_not_alone() -> None:
    """The first heading is the title only when it is larger than every other heading."""

    def h(size: float) -> dict[str, object]:
        return {"kind": BlockKind.HEADING, "font_size": size}

    outline = blocks(("Introduction", h(14)), ("Text.", {}), ("Agenda", h(14)), ("Text.", {}), ("Detail", h(12)))
    assert tree(outline.sections) == [("1", "Introduction"), ("2", "Agenda"), ("2.1", "Detail")]


def test_summary_and_discussion_written_inline_open_parts() -> None:
    """"Summary: The contribution proposes …" — the part's title, then its first paragraph."""
    d = doc(
        "1\tIntroduction\nOpened.\n2\tCWG-Internet-21/3: Contribution by Canada\n"
        "Summary: Canada proposed a topic on connectivity.\nDiscussion: Some Member States supported it.\n"
        "Others asked for more time.\n3\tActions\nNone.\n"
    )
    contribution = find(d.sections, "2")
    assert [(c.number, c.title) for c in contribution.children] == [(None, "Summary"), (None, "Discussion")]
    summary, discussion = contribution.children
    assert [p.text for p in summary.paragraphs] == ["Canada proposed a topic on connectivity."]
    assert [p.text for p in discussion.paragraphs] == ["Some Member States supported it.", "Others asked for more time."]
    assert (summary.provenance.line, summary.paragraphs[0].provenance.line) == (4, 4)


# -- tables of contents --------------------------------------------------------------------------


@pytest.mark.parametrize("leader", ["\t", " ........ ", " \u2026\u2026\u2026 ", "\t.....\t"])
def test_a_table_of_contents_line_is_dropped_whatever_its_leader(leader: str) -> None:
    """Word writes the page number after a tab, a dot leader or an ellipsis leader."""
    d = doc(f"Table of contents\n1\tOpening{leader}1\n2\tAgenda{leader}2\n1\tOpening\nText.\n2\tAgenda\nText.\n")
    assert tree(d.sections) == [("1", "Opening"), ("2", "Agenda")]
    assert [p.text for p in d.front_matter] == []


def test_a_heading_that_ends_with_a_number_is_not_a_table_of_contents_line() -> None:
    d = doc("1\tIntroduction\nOpened.\n2\tResolution 102\nText.\n")
    assert tree(d.sections) == [("1", "Introduction"), ("2", "Resolution 102")]


# -- provenance -----------------------------------------------------------------------------------


def test_every_section_part_and_paragraph_keeps_where_it_came_from() -> None:
    def at(page: int, top: float) -> Provenance:
        return Provenance(file="r.pdf", page=page, index=int(top), bbox=(72.0, top, 500.0, top + 12))

    outline = build_outline(
        [
            Block("Introduction", at(1, 100), label="1"),
            Block("The meeting opened.", at(1, 120)),
            Block("Contributions", at(1, 140), label="2"),
            Block("Summary", at(1, 160)),
            Block("Canada proposed a topic.", at(2, 100)),
            Block("Concerning the topic on IPv6", at(2, 120), label="a."),
            Block("Several Member States supported it.", at(2, 140)),
        ]
    )
    intro, contributions = outline.sections
    assert (intro.provenance.page, intro.provenance.index, intro.provenance.bbox) == (1, 100, (72.0, 100, 500.0, 112))
    assert intro.paragraphs[0].provenance.bbox == (72.0, 120, 500.0, 132)
    part = contributions.children[0]
    assert (part.title, part.provenance.page, part.provenance.index) == ("Summary", 1, 160)
    assert part.paragraphs[0].provenance.page == 2


# -- roman-numbered headings ----------------------------------------------------------------------


def test_capital_roman_numerals_number_the_top_level_sections() -> None:
    """"I Introduction", "II. Background" … "X Closing": contributions number their parts so; each
    numeral gives the section its value, subtractive forms (IV, IX) included."""
    titles = ["Introduction", "Background", "Contributions", "Actions", "Budget", "Membership",
              "Working methods", "Liaison", "Next meeting", "Closing"]  # fmt: skip
    numerals = ["I", "II.", "III", "IV.", "V", "VI", "VII", "VIII", "IX", "X"]
    d = doc("".join(f"{n} {t}\nThe Group discussed the {t.lower()}.\n" for n, t in zip(numerals, titles, strict=True)))
    assert tree(d.sections) == [(str(k), t) for k, t in enumerate(titles, start=1)]
    assert [p.text for p in find(d.sections, "9").paragraphs] == ["The Group discussed the next meeting."]


def test_roman_numerals_that_are_also_letters_number_sections_with_a_full_stop() -> None:
    """"I.", "V." and "X." read as capital letters on their own; in a run of roman part headings
    they are the numerals: "I. Introduction" first, "V. Budget" after "IV.", "X." after "IX."."""
    titles = ["Introduction", "Background", "Proposal", "Actions", "Budget", "Membership",
              "Working methods", "Liaison", "Next meeting", "Closing"]  # fmt: skip
    numerals = ["I.", "II.", "III.", "IV.", "V.", "VI.", "VII.", "VIII.", "IX.", "X."]
    d = doc("".join(f"{n} {t}\nThe Group discussed the {t.lower()}.\n" for n, t in zip(numerals, titles, strict=True)))
    assert tree(d.sections) == [(str(k), t) for k, t in enumerate(titles, start=1)]
    assert [p.text for p in find(d.sections, "5").paragraphs] == ["The Group discussed the budget."]


def test_a_capital_i_after_h_stays_a_letter() -> None:
    """"H." then "I.": the next capital letter, not the roman numeral one."""
    letters = "ABCDEFGHI"
    d = doc("1 Outcomes\nThe Group agreed on the following points:\n" + "".join(f"{c}. Point {c}\n" for c in letters))
    assert numbers(d.sections) == ["1"]
    assert [p.label for p in d.sections[0].paragraphs][-2:] == ["H.", "I."]


def test_a_capital_i_after_h_stays_a_letter_when_the_label_is_in_the_text() -> None:
    """The same run as a PDF gives it, the labels typed in the text and no section yet: "I." still
    follows "H." as a letter and does not open section 1."""
    o = blocks(("The Group agreed on the following points:", {}), *((f"{c}. Point {c}", {}) for c in "ABCDEFGHI"))
    assert o.sections == []
    assert [p.label for p in o.front_matter][-2:] == ["H.", "I."]


def test_a_lower_case_roman_label_stays_a_list_item() -> None:
    d = doc("1\tIntroduction\nThe Group noted:\nii) the cost of access\niii) the role of regulators\n")
    assert numbers(d.sections) == ["1"]
    assert [p.label for p in d.sections[0].paragraphs] == [None, "ii)", "iii)"]


# -- lists of subjects and numbered questions before the body -------------------------------------


@pytest.mark.parametrize(
    "table",
    [
        "Subjects discussed\nDocuments\n1\tElection of the Chairman\n2\tAdoption of the agenda\n",
        # the table read row by row: the "Documents" header cell after the first subject
        "Subjects discussed\n1\tElection of the Chairman\nDocuments\n2\tAdoption of the agenda\n",
    ],
)
def test_a_subjects_list_with_a_documents_column_is_not_the_outline(table: str) -> None:
    """A Council record's "Subjects discussed" / "Documents" table, numbered 1, 2, then the body
    numbered 1, 2 again (without numbered paragraphs): the body gives the sections."""
    d = doc(
        table +
        "1\tElection of the Chairman\nThe Council elected Ms A. Example.\n"
        "2\tAdoption of the agenda\nThe agenda was adopted.\n"
    )
    assert tree(d.sections) == [("1", "Election of the Chairman"), ("2", "Adoption of the agenda")]
    assert [p.text for p in find(d.sections, "2").paragraphs] == ["The agenda was adopted."]


@pytest.mark.parametrize(("length", "is_title"), [(59, True), (60, False)])
def test_a_list_title_is_a_short_line(length: int, is_title: bool) -> None:
    """A line opening with "Contents" titles the list after it only when it is short; a longer
    one is text, and the numbers after it are the record's sections."""
    title = ("Contents of the report presented by the secretariat " + "x" * 20)[:length]
    d = doc(f"{title}\n1\tElection of the Chairman\n2\tAdoption of the agenda\n")
    assert numbers(d.sections) == ([] if is_title else ["1", "2"])


@pytest.mark.parametrize(("gap", "listed"), [(0, True), (2, True), (3, False)])
def test_numbered_questions_close_together_are_a_list(gap: int, listed: bool) -> None:
    """"1. How will …?" "2. What are …?" within three lines of each other are questions listed, not
    sections; questions further apart are each a numbered paragraph's section."""
    lines = "".join(f"The Group noted point {k}.\n" for k in range(gap))
    d = doc(f"1\tHow will new technologies help connectivity?\n{lines}2\tWhat are the costs of access?\n")
    if listed:
        assert d.sections == []
    else:
        assert numbers(d.sections) == ["1", "2"]


def test_a_lone_numbered_question_is_not_a_list() -> None:
    d = doc("1\tHow will new technologies help connectivity?\nThe Group discussed it.\n")
    assert numbers(d.sections) == ["1"]


# -- lines that read as a lost heading, or as a paragraph cut short -------------------------------


@pytest.mark.parametrize(("length", "is_title"), [(200, True), (201, False)])
def test_a_lost_heading_title_is_at_most_two_hundred_characters(length: int, is_title: bool) -> None:
    """"2.1 …" with no section 2: the line before names section 2 when it reads as a title."""
    words = ("Contribution Telecommunications Infrastructure Interconnection Affordability Developing "
             "Administrations Internationalised Multistakeholder Broadband Connectivity Considerations "
             "Regulatory Frameworks Landlocked Countries Recommendations Implementation Strategies "
             "Measurement")  # fmt: skip
    title = words[: length - 1].rstrip() + "s"
    title = title + "s" * (length - len(title))
    assert len(title) == length and len(title.split()) <= 20
    d = doc(f"1\tIntroduction\nThe meeting opened.\n{title}\n2.1\tThe Group noted the contribution.\n")
    assert numbers(d.sections) == ["1", "2"]
    assert find(d.sections, "2").title == (title if is_title else "")


@pytest.mark.parametrize(("line", "title"), [("- Introduction", "Introduction"), ("▪ Introduction", ""), ("a) Introduction", "")])
def test_a_lost_heading_number_may_have_become_a_dash_not_another_label(line: str, title: str) -> None:
    """Word numbering lost in copying often comes back as a dash ("- Introduction" before "1.1"):
    that line names the section. Another bullet or a list letter is a list item, not its title."""
    d = doc(f"{line}\n1.1\tThe Group discussed the proposals.\n1.2\tThe Chair noted the progress.\n2\tClosing\n")
    assert numbers(d.sections)[:2] == ["1", "2"]
    assert find(d.sections, "1").title == title


def test_a_long_last_numbered_line_without_a_stop_is_a_paragraph_cut_short() -> None:
    d = doc(
        "1\tIntroduction\nThe meeting opened.\n"
        "1.1\tSince PP-14 the Group facilitated inputs from Member States on many topics and the 20\n"
    )
    assert numbers(d.sections) == ["1"]
    assert [p.number for p in d.sections[0].paragraphs] == [None, "1.1"]


def test_a_short_last_line_after_a_numbered_paragraph_is_one_too() -> None:
    """The last "1.2 …" has no full stop, but its sibling 1.1 was a paragraph: it is one as well."""
    d = doc("1\tIntroduction\n1.1\tThe Group noted the report.\n1.2\tThe Group agreed on the next steps\n")
    assert numbers(d.sections) == ["1"]
    assert [p.number for p in d.sections[0].paragraphs] == ["1.1", "1.2"]


# -- Word heading hints, parts and nesting ---------------------------------------------------------


def test_a_word_heading_continuing_a_list_of_numbers_is_still_a_heading() -> None:
    """Topics "1.", "2.", "3." listed inside section 2, then "4 Actions" styled as a heading: the
    style says it is the next section although its number continues the list."""
    outline = blocks(
        ("1 Introduction", {"kind": BlockKind.HEADING}), ("The meeting opened.", {}),
        ("2 Contributions", {"kind": BlockKind.HEADING}), ("The contribution listed topics.", {}),
        ("1. The use of community networks.", {}), ("2. The cost of access.", {}),
        ("3. The role of regulators.", {}),
        ("4 Actions", {"kind": BlockKind.HEADING}), ("None.", {}),
    )  # fmt: skip
    assert tree(outline.sections) == [("1", "Introduction"), ("2", "Contributions"), ("4", "Actions")]


def test_a_part_before_the_first_sub_section_does_not_count_as_a_number() -> None:
    d = doc(
        "1\tIntroduction\nOpened.\n2\tContributions\nSummary\nThe Group discussed two contributions.\n"
        "2.1\tContribution from Canada\nText.\n"
    )
    assert numbers(d.sections) == ["1", "2", None, "2.1"]


def test_a_numbered_paragraph_goes_to_its_owner_not_the_open_sub_section() -> None:
    """"1.2 The Group noted …" after sub-section 1.1 is a paragraph of section 1."""
    d = doc("1\tIntroduction\n1.1\tBackground\nThe group met.\n1.2\tThe Group noted the report.\n")
    assert [p.number for p in find(d.sections, "1").paragraphs] == ["1.2"]
    assert [p.text for p in find(d.sections, "1.1").paragraphs] == ["The group met."]


def test_a_skipped_level_nests_under_the_ancestor_it_extends() -> None:
    """"1.2.1" after "1.1" (no 1.2): a child of section 1, not of 1.1."""
    d = doc("1\tIntroduction\n1.1\tBackground\nText.\n1.2.1\tDetails of the plan\nText.\n")
    assert [c.number for c in find(d.sections, "1").children] == ["1.1", "1.2.1"]
    assert find(d.sections, "1.1").children == []
