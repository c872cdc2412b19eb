"""Each layout rule of readers/pdf_layout.py pinned on hand-made characters and lines: how
characters become lines (spaces, tabs, sizes, columns, super- and subscripts), which lines
are running heads and feet, where paragraphs break, how line-end hyphens are undone, and the
blocks' sizes and boxes. Thresholds are checked on both sides, as the module docstring states
them."""

from __future__ import annotations

import pytest

from cwgtool.blocks import BlockKind
from cwgtool.readers.pdf_layout import (
    Line,
    PageLines,
    auto_hyphenated,
    build_lines,
    hyphenated_words,
    join_text,
    layout,
    paragraphs,
    strip_furniture,
    typical_spacing,
)

W, H = 595.0, 842.0
STEP = 13.0  # line spacing of the hand-made 11 pt pages
FULL = "x" * 70  # a line that reaches the right margin

Char = tuple[str, float, float, float, float, str]


def chars(text: str, x: float, base: float, size: float = 11.0, font: str = "Helvetica") -> list[Char]:
    """Characters of ``text`` set from ``x`` with an advance of half an em; a space is a gap
    of a third of an em (no whitespace glyph: spaces must come from the gaps)."""
    out: list[Char] = []
    for ch in text:
        if ch == " ":
            x += size / 3
            continue
        out.append((ch, x, x + size / 2, base, size, font))
        x += size / 2
    return out


def texts_of(lines: list[Line]) -> list[str]:
    return [x.text for x in lines]


def ln(text: str, top: float, page: int = 1, *, x0: float = 72.0, size: float = 11.0, bold: bool = False,
       height: float = H) -> Line:
    x1 = x0 + 6 * len(text) if len(text) < 70 else 523.0
    return Line(text, x0, x1, top, top + size, page, W, height, size, bold)  # fmt: skip


def page(number: int, *lines: Line, height: float = H) -> PageLines:
    return PageLines(number, W, height, list(lines))


def blocks(*pages: PageLines) -> list[str]:
    return [b.text for b in layout(list(pages), "x.pdf").blocks]


# --- characters to lines ------------------------------------------------------------------


def test_lines_are_grouped_by_baseline_and_ordered_top_down() -> None:
    got = build_lines(chars("second line", 72, 113) + chars("first line", 72, 100), 1, W, H)
    assert texts_of(got) == ["first line", "second line"]
    assert [x.bottom for x in got] == [100 + 0.2 * 11, 113 + 0.2 * 11]  # from the baseline


def test_a_line_knows_its_page_and_rounds_its_box_to_hundredths() -> None:
    [line] = build_lines([("Word", 72.123456, 95.987654, 100.004321, 11.0, "Helvetica")], 4, W, H)
    assert (line.page, line.page_width, line.page_height) == (4, W, H)
    assert (line.x0, line.x1, line.top, line.bottom) == (72.12, 95.99, 91.2, 102.2)
    [line] = build_lines(chars("Word", 72.123456, 100.004321), 4, W, H)
    assert (line.x0, line.top) == (72.12, 91.2)


def test_tiny_and_missing_sizes_group_lines_with_a_floor_of_one_point() -> None:
    # a damaged size (0) counts as 1 pt: baselines 0.8 pt apart are two lines
    zero = [("a", 72.0, 73.0, 100.0, 0.0, "F"), ("b", 72.0, 73.0, 100.8, 0.0, "F")]
    assert texts_of(build_lines(zero, 1, W, H)) == ["a", "b"]
    # a real size under 1 pt keeps its own half-size tolerance (0.4 pt for 0.8 pt)
    small = [("a", 72.0, 72.4, 100.0, 0.8, "F"), ("b", 72.0, 72.4, 100.45, 0.8, "F")]
    assert texts_of(build_lines(small, 1, W, H)) == ["a", "b"]


def test_gaps_in_small_print_are_measured_in_its_own_em() -> None:
    # 1.5 pt text (a scaled font): 1.2 pt is 0.8 em, a space; 5 pt is 3.3 em, a tab, not a column
    a, b = ("a", 72.0, 72.75, 100.0, 1.5, "F"), ("b", 73.95, 74.7, 100.0, 1.5, "F")
    assert texts_of(build_lines([a, b], 1, W, H)) == ["a b"]
    c = ("c", 79.7, 80.45, 100.0, 1.5, "F")
    assert texts_of(build_lines([a, b, c], 1, W, H)) == ["a b\tc"]


def test_runs_handed_over_right_to_left_are_read_left_to_right() -> None:
    runs = [("world", 110.0, 137.5, 100.0, 11.0, "Helvetica"), ("Hello", 72.0, 99.5, 100.0, 11.0, "Helvetica")]
    assert texts_of(build_lines(runs, 1, W, H)) == ["Hello world"]


@pytest.mark.parametrize(
    ("gap_em", "text"),
    [(0.1, "ab"), (0.2, "a b"), (0.9, "a b"), (1.0, "a b"), (1.1, "a\tb")],
)
def test_a_gap_is_a_space_above_015_em_and_a_tab_above_one_em(gap_em: float, text: str) -> None:
    size = 11.0
    a = ("a", 72.0, 77.5, 100.0, size, "Helvetica")
    b = ("b", 77.5 + gap_em * size, 83.0 + gap_em * size, 100.0, size, "Helvetica")
    assert texts_of(build_lines([a, b], 1, W, H)) == [text]


def test_a_whitespace_glyph_is_a_space_whatever_the_gap() -> None:
    glyphs = [("a", 72.0, 77.5, 100.0, 11.0, "F"), (" ", 77.5, 77.5, 100.0, 11.0, "F"), ("b", 77.5, 83.0, 100.0, 11.0, "F")]
    assert texts_of(build_lines(glyphs, 1, W, H)) == ["a b"]


def test_superscripts_and_subscripts_stay_on_their_line() -> None:
    # a footnote mark above the line, then the text, then a subscript below: one line
    glyphs = [("1", 60.0, 63.0, 96.0, 6.0, "F")] + chars("CO", 72, 100) + [("2", 83.0, 86.0, 104.0, 6.0, "F")]
    assert texts_of(build_lines(glyphs + chars("Next line", 72, 113), 1, W, H)) == ["1 CO2", "Next line"]


def test_a_line_has_the_size_and_font_of_most_of_its_letters() -> None:
    # runs of 11 and 14 pt alternate; 14 pt has more letters in all (6 against 5)
    glyphs = (chars("ab", 72, 100, 11) + chars("cde", 90, 100, 14.0, "Helvetica-Bold")
              + chars("fg", 120, 100, 11) + chars("hij", 135, 100, 14.0, "Helvetica-Bold")
              + chars("k", 165, 100, 11))  # fmt: skip
    [line] = build_lines(glyphs, 1, W, H)
    assert (line.size, line.fontname) == (14.0, "Helvetica-Bold")
    assert not line.bold  # bold only when every glyph is
    # the baseline is the letters' own: top and bottom follow from it and the size
    assert (line.top, line.bottom) == (round(100 - 0.8 * 14, 2), round(100 + 0.2 * 14, 2))


def test_a_tie_in_sizes_goes_to_the_size_seen_first() -> None:
    [line] = build_lines(chars("abc", 72, 100, 12) + chars("def", 100, 100, 10), 1, W, H)
    assert line.size == 12.0
    [line] = build_lines(chars("abc", 72, 100, 10) + chars("def", 100, 100, 12), 1, W, H)
    assert line.size == 10.0


def test_side_by_side_columns_are_separate_lines() -> None:
    # a cover table: a label cell and a value cell far to its right, on three rows
    rows = [("Source:", "Chair of the Group"), ("Title:", "Report of the meeting"), ("Date:", "5 December 2026")]
    glyphs = [c for i, (a, b) in enumerate(rows) for c in chars(a, 72, 100 + i * STEP) + chars(b, 250, 100 + i * STEP)]
    got = build_lines(glyphs, 1, W, H)
    assert [(x.text, x.x0) for x in got] == [
        ("Source:", 72.0), ("Chair of the Group", 250.0), ("Title:", 72.0), ("Report of the meeting", 250.0),
        ("Date:", 72.0), ("5 December 2026", 250.0),
    ]  # fmt: skip


def test_a_cell_edge_splits_a_shorter_gap_on_the_same_page() -> None:
    # the long left cell comes within a tab's width of the right column's edge
    glyphs = chars("Source:", 72, 100) + chars("Chair", 250, 100)
    left = "Internet-related Public Policy"
    end = 72 + (len(left) - left.count(" ")) * 5.5 + left.count(" ") * 11 / 3
    glyphs += chars(left, 72, 113) + chars("September", 250, 113)
    assert end + 11 < 250 < end + 44  # more than a tab, less than a column gap
    got = texts_of(build_lines(glyphs, 1, W, H))
    assert got == ["Source:", "Chair", left, "September"]


def test_a_gap_after_a_bare_label_is_a_tab_stop_not_a_column() -> None:
    for label in ("4.1.1", "•"):
        glyphs = chars(label, 72, 100) + chars("The text of the item", 160, 100)
        assert texts_of(build_lines(glyphs, 1, W, H)) == [f"{label}\tThe text of the item"]


# --- running heads and feet ---------------------------------------------------------------


def body(n: int) -> Line:
    return ln(f"Body text of page {n}.", 400, n)


def kept(pages: list[PageLines]) -> list[list[str]]:
    return [[x.text for x in p.lines] for p in strip_furniture(pages)[0]]


def test_a_head_repeated_on_most_pages_goes_wherever_it_is() -> None:
    head = "Council Working Group on Internet"
    pages = [page(n, ln(head, 40, n), body(n)) for n in range(1, 6)]
    out, furniture, removed = strip_furniture(pages)
    assert [[x.text for x in p.lines] for p in out] == [[f"Body text of page {n}."] for n in range(1, 6)]
    assert (furniture, removed) == ([head], 5)


@pytest.mark.parametrize(("on", "goes"), [({2, 3}, True), ({2}, False)])
def test_a_head_must_repeat_on_half_the_pages_after_the_first_and_on_two(on: set[int], goes: bool) -> None:
    # five pages: half of the four after the first is two
    head = "Draft report"
    pages = [page(n, *([ln(head, 40, n)] if n in on else []), body(n)) for n in range(1, 6)]
    assert any(head in p for p in kept(pages)) is not goes


def test_two_pages_of_a_two_page_document_are_enough() -> None:
    pages = [page(n, ln("Draft report", 40, n), body(n)) for n in (1, 2)]
    assert kept(pages) == [["Body text of page 1."], ["Body text of page 2."]]


def test_repeats_are_counted_per_page_not_per_line() -> None:
    # a word repeated down one page's foot (a table) is not a running foot
    rows = [ln("Yes", 780 + 13 * i, 2) for i in range(4)]
    pages = [page(1, body(1)), page(2, body(2), *rows), *[page(n, body(n)) for n in (3, 4, 5)]]
    assert kept(pages)[1] == ["Body text of page 2.", "Yes", "Yes", "Yes", "Yes"]


def test_the_same_place_is_within_half_an_em() -> None:
    head = "Draft report"

    def pages(offset: float, size: float = 11.0) -> list[PageLines]:
        # the head of page 3 is ``offset`` points lower, in ``size`` pt
        return [page(n, ln(head, 40 + (offset if n == 3 else 0), n, size=size if n == 3 else 11.0), body(n))
                for n in (1, 2, 3)]  # fmt: skip

    assert [head in p for p in kept(pages(5.0))] == [False, False, False]  # within 5.5 pt
    assert [head in p for p in kept(pages(6.0))] == [False, False, True]  # page 3 alone there
    assert [head in p for p in kept(pages(6.0, size=12.0))] == [False, False, False]  # 6 pt for 12 pt


def test_a_foot_is_placed_from_the_bottom_edge_on_any_page_height() -> None:
    # a landscape page is shorter: its footer is at the same distance from its own bottom
    foot = "Council Working Group on Internet"
    pages = [page(1, body(1), ln(foot, H - 40, 1)), page(2, body(2), ln(foot, 595.0 - 40, 2, height=595.0), height=595.0),
             page(3, body(3), ln(foot, H - 40, 3))]  # fmt: skip
    assert kept(pages) == [["Body text of page 1."], ["Body text of page 2."], ["Body text of page 3."]]


def test_numbers_in_a_head_may_change_from_page_to_page() -> None:
    pages = [page(n, ln(f"Draft report, part {n} of 4", 40, n), body(n)) for n in range(1, 5)]
    out, furniture, _ = strip_furniture(pages)
    assert all(len(p.lines) == 1 for p in out) and furniture == ["Draft report, part 1 of 4"]


@pytest.mark.parametrize(
    ("text", "goes"),
    [
        ("5 Any other business", False),  # a numbered heading
        ("Some Member States supported the contribution.", False),  # a sentence
        ("As noted above.", True),  # too short to be a sentence of the record
        ("• Draft", True),  # a bullet is no section number
    ],
)
def test_headings_and_sentences_are_never_furniture(text: str, goes: bool) -> None:
    pages = [page(n, ln(text, 40, n), body(n)) for n in range(1, 5)]
    assert all((text in p) is not goes for p in kept(pages))


def test_only_lines_near_an_edge_can_be_furniture() -> None:
    # the zones are the top and bottom tenth of the page
    for top, goes in [(80.0, True), (90.0, False), (H - 91.0 - 11, False), (H - 81.0 - 11, True)]:
        pages = [page(n, ln("Draft report", top, n), body(n)) for n in (1, 2, 3)]
        assert all(("Draft report" in p) is not goes for p in kept(pages)), top


def test_a_path_stamp_is_a_foot_only_at_the_foot() -> None:
    stamp = r"P:\ENG\SG\CONSEIL\CWG-INTERNET\18\002E.docx (523500)"
    assert kept([page(1, ln(stamp, 810), body(1))]) == [["Body text of page 1."]]
    assert kept([page(1, ln(stamp, 40), body(1))]) == [[stamp, "Body text of page 1."]]


# --- paragraphs -------------------------------------------------------------------------------


def test_a_paragraph_gap_is_relative_to_the_document_s_line_spacing() -> None:
    # 13 pt steps; one taller step of 16.5 pt (1.27 × 13) is still inside the paragraph
    lines = [ln(FULL, 100), ln(FULL, 113), ln(FULL, 129.5), ln("end.", 142.5), ln("Next.", 142.5 + 2 * STEP)]
    assert len(blocks(page(1, *lines))) == 2


@pytest.mark.parametrize(("second", "joined"), [(11.5, True), (12.0, False)])
def test_a_size_change_of_more_than_half_a_point_starts_a_block(second: float, joined: bool) -> None:
    lines = [ln(FULL, 100), ln("and the end of it", 113, size=second)]
    assert (len(blocks(page(1, *lines))) == 1) is joined


def test_a_larger_line_is_a_heading_even_when_not_bold() -> None:
    lines = [ln("Discussion", 100, size=12.0), ln(FULL, 120), ln(FULL, 133), ln("end.", 146)]
    out = layout([page(1, *lines)], "x.pdf").blocks
    assert [(b.kind, b.font_size) for b in out] == [(BlockKind.HEADING, 12.0), (BlockKind.PARAGRAPH, 11.0)]


def test_a_numbered_line_after_a_short_line_is_a_new_block() -> None:
    lines = [ln("Agenda items", 100), ln("2 Adoption of the agenda", 113)]
    assert blocks(page(1, *lines)) == ["Agenda items", "2 Adoption of the agenda"]


@pytest.mark.parametrize(
    ("wrapped", "split"),
    [
        ("25 Member States and 3 Sector Members.", False),  # a number that wrapped
        ("3. The Chairman opened the meeting.", True),  # a number with its dot
        ("3\tThe Chairman opened the meeting.", True),  # a number at a tab stop
    ],
)
def test_a_number_after_a_full_line_starts_a_block_only_as_a_label(wrapped: str, split: bool) -> None:
    lines = [ln(FULL, 100), ln(wrapped, 113)]
    assert (len(blocks(page(1, *lines))) == 2) is split


def test_a_short_line_breaks_a_paragraph_only_after_a_sentence_end() -> None:
    first = ln(FULL, 87)
    assert len(blocks(page(1, first, ln("The Group noted the following", 100), ln("points of the report.", 113)))) == 1
    assert len(blocks(page(1, first, ln("The Group noted the report.", 100), ln("Brazil spoke next.", 113)))) == 2


def test_paragraphs_undo_line_end_hyphens_by_default() -> None:
    p = page(1, ln(FULL[:60] + " inter-", 100), ln("national community.", 113))
    assert [d.text for d in paragraphs(p, 1.2)] == [FULL[:60] + " international community."]


def test_a_paragraph_continued_on_the_next_page_is_dehyphenated_too() -> None:
    # an auto-hyphenated document: a break per page
    p1 = page(1, ln(FULL[:60] + " organi-", 100), ln("sation and the inter-", 113), ln("- 1 -", 820))
    p2 = page(2, ln("- 2 -", 30, 2), ln("national community.", 100, 2))
    assert blocks(p1, p2) == [FULL[:60] + " organisation and the international community."]


def test_a_block_s_box_covers_its_lines_on_its_first_page() -> None:
    lines = [ln("4.1\tA paragraph whose first line is long enough to reach the right margin o", 700, x0=90),
             ln(FULL, 713, x0=72), ln("and ends here", 726, x0=72)]  # fmt: skip
    lines[1].x1 = 523.456
    p2 = page(2, ln("on the next page as well", 100, 2, x0=40))
    out = layout([page(1, *lines, ln("- 1 -", 820)), p2], "x.pdf").blocks
    first = lines[0]
    assert out[0].provenance.bbox == (72.0, first.top, 523.46, lines[2].bottom)


def test_a_block_has_the_size_of_most_of_its_letters() -> None:
    lines = [ln(FULL, 100, size=11.0), ln("x" * 75, 113, size=11.5), ln(FULL, 126, size=11.0)]
    [b] = layout([page(1, *lines)], "x.pdf").blocks
    assert b.font_size == 11.0


def test_lines_drawn_over_each_other_are_one_block() -> None:
    lines = [ln("Text drawn once and", 100, x0=72), ln("drawn again over it", 100, x0=150)]
    assert blocks(page(1, *lines)) == ["Text drawn once and drawn again over it"]


def test_a_numbered_item_at_the_top_of_a_page_does_not_continue_the_page_before() -> None:
    p1 = page(1, ln("An unfinished sentence", 700))
    p2 = page(2, ln("3.\tThe next item.", 100, 2))
    assert blocks(p1, p2) == ["An unfinished sentence", "3. The next item."]


def test_pages_without_text_give_no_blocks() -> None:
    assert layout([page(1), page(2)], "x.pdf").blocks == []


# --- hyphenation evidence -------------------------------------------------------------------


def test_hyphenated_words_are_the_compounds_written_inside_lines() -> None:
    pages = [page(1, ln("the data-centric and IP-based world", 100), ln("nothing here", 113))]
    assert hyphenated_words(pages) == {"data-centric", "ip-based"}


def test_a_document_is_auto_hyphenated_with_a_break_on_every_other_page() -> None:
    def broken(n: int, left: str, right: str) -> PageLines:
        return page(n, ln(left, 100, n), ln(right, 113, n))

    # one lower-case break in two pages is enough, whatever other hyphens the pages hold
    assert auto_hyphenated([broken(1, "the inter-", "national"), broken(2, "the Internet-", "related")])
    # a fragment of two letters counts, and so does a line that is one word
    assert auto_hyphenated([broken(1, "the be-", "cause")])
    assert auto_hyphenated([broken(1, "Telecommunication inter-", "national")])
    assert auto_hyphenated([broken(1, "re-", "port")])  # a narrow cell
    assert auto_hyphenated([broken(1, "the inter-", " national")])  # a run handed over with its space
    # hyphens inside lines, capitals and digits are not line-end breaks
    assert not auto_hyphenated([broken(1, "a well-known fact", "and more"), broken(2, "the ITU-", "related")])
    assert not auto_hyphenated([broken(1, "the 2019-", "onwards"), broken(2, "plain", "text")])


def test_a_capital_early_in_the_line_does_not_keep_a_line_end_hyphen() -> None:
    assert join_text("ITU inter-", "national") == "ITU international"


# --- line spacing ---------------------------------------------------------------------------


def test_typical_spacing_is_the_lower_quartile_of_line_steps_in_ems() -> None:
    lines = [ln("a", 100, size=10.0), ln("b", 113, size=10.0), ln("c", 126, size=10.0), ln("d", 139, size=10.0),
             ln("e", 159, size=10.0)]  # fmt: skip
    assert typical_spacing([page(1, *lines)]) == 1.3
    # the step is measured in the larger of the two lines' sizes
    assert typical_spacing([page(1, ln("a", 100, size=10.0), ln("b", 110.6, size=13.0))]) == 1.0
    # no two lines follow each other: single spacing
    assert typical_spacing([page(1, ln("alone", 100)), page(2, ln("a", 100, 2), ln("b", 200, 2))]) == 1.2
    # steps over three ems are paragraph gaps, not line spacing
    assert typical_spacing([page(1, ln("a", 100), ln("b", 113), ln("c", 160))]) == round(13 / 11, 2)


# --- more of the same rules, on the cases a full mutation run showed unpinned ---------------


def test_the_last_run_of_a_line_counts_with_its_earlier_runs() -> None:
    # 14 pt: 2 + 2 letters against 3 at 11 pt; the font follows the same count
    glyphs = chars("ab", 72, 100, 14, "Times-Bold") + chars("cde", 90, 100, 11, "Arial") + chars("fg", 120, 100, 14, "Times-Bold")
    [line] = build_lines(glyphs, 1, W, H)
    assert (line.size, line.fontname) == (14.0, "Times-Bold")
    # two runs: the longer one wins, whichever comes first
    [line] = build_lines(chars("ab", 72, 100, 10, "Arial") + chars("cde", 90, 100, 12, "Times"), 1, W, H)
    assert (line.size, line.fontname) == (12.0, "Times")
    # the most used font wins, not the last in alphabetical order
    [line] = build_lines(chars("abcde", 72, 100, 11, "Arial") + chars("fg", 110, 100, 11, "Zapf"), 1, W, H)
    assert line.fontname == "Arial"


def test_letters_are_counted_without_the_spaces_inside_a_run() -> None:
    runs = [("a b c d", 72.0, 110.0, 100.0, 14.0, "F"), ("efghi", 120.0, 150.0, 100.0, 11.0, "F")]
    [line] = build_lines(runs, 1, W, H)
    assert (line.text, line.size) == ("a b c d efghi", 11.0)  # 5 letters against 4


def test_a_line_is_bold_only_when_every_glyph_is() -> None:
    # font names no other test uses: boldness is read from the name itself
    [line] = build_lines(chars("Bold", 72, 100, 11, "Frutiger-Black") + chars("then", 100, 100, 11, "Frutiger-Roman"), 1, W, H)
    assert not line.bold
    [line] = build_lines(chars("Regular", 72, 100, 11, "Univers-Roman") + chars("then", 120, 100, 11, "Univers-Heavy"), 1, W, H)
    assert not line.bold
    [line] = build_lines(chars("Heavy", 72, 100, 11, "Univers-Heavy"), 1, W, H)
    assert line.bold
    [line] = build_lines(chars("No font", 72, 100, 11, ""), 1, W, H)
    assert not line.bold


def test_zero_sizes_measure_gaps_and_baselines_in_one_point() -> None:
    a, b = ("a", 72.0, 73.0, 100.0, 0.0, "F"), ("b", 73.5, 74.5, 100.3, 0.0, "F")
    assert texts_of(build_lines([a, b], 1, W, H)) == ["a b"]  # 0.3 pt lower: the same line; 0.5 pt: a space
    c = ("c", 76.0, 77.0, 100.0, 0.0, "F")
    assert texts_of(build_lines([a, c], 1, W, H)) == ["a\tc"]  # 3 pt: a tab


def test_a_tab_stop_away_from_the_column_edges_stays_in_its_line() -> None:
    glyphs = chars("Source:", 72, 100) + chars("Chair", 250, 100)
    glyphs += chars("Total", 72, 113) + chars("12", 72 + 5 * 5.5 + 22, 113)  # a 2 em gap at no column edge
    assert texts_of(build_lines(glyphs, 1, W, H)) == ["Source:", "Chair", "Total\t12"]


def test_space_glyphs_inside_cells_do_not_move_the_column_edge() -> None:
    def cell(text: str, x: float, base: float) -> list[Char]:
        # a run with its space glyphs, as pdfium hands them over
        out, xx = [], x
        for ch in text:
            out.append((ch, xx, xx + 5.5, base, 11.0, "Helvetica"))
            xx += 5.5
        return out

    glyphs = cell("Source:", 72, 100) + cell("Chair of the Group", 250, 100)
    glyphs += cell("Internet Public Policy", 72, 113) + cell("September", 250, 113)
    got = texts_of(build_lines(glyphs, 1, W, H))
    assert got == ["Source:", "Chair of the Group", "Internet Public Policy", "September"]


def test_a_gap_between_two_full_lines_starts_a_paragraph() -> None:
    lines = [ln(FULL, 100), ln(FULL, 113), ln(FULL, 126), ln(FULL, 152)]
    assert len(blocks(page(1, *lines))) == 2


@pytest.mark.parametrize(
    ("prev_x1", "nxt", "split"),
    [
        (480.0, "Brazil spoke next.", True),  # "Brazil" would have fitted after the full stop
        (480.0, "Several delegations spoke.", False),  # "Several" would not: the line was full
        (480.0, "Representatives spoke.", False),
        (400.0, "Representatives spoke.", True),
    ],
)
def test_a_sentence_end_breaks_only_when_the_next_word_would_have_fitted(prev_x1: float, nxt: str, split: bool) -> None:
    prev = ln("The Group noted the report.", 113)
    prev.x1 = prev_x1
    out = blocks(page(1, ln(FULL, 100), prev, ln(nxt, 126)))
    assert (len(out) == 2) is split


@pytest.mark.parametrize(("prev_x1", "split"), [(460.0, True), (470.0, False)])
def test_a_number_starts_a_heading_when_it_would_have_fitted_on_the_line_before(prev_x1: float, split: bool) -> None:
    # "2 Adoption" needs 11 half-ems (60.5 pt) after the line before; the right edge is 523
    prev = ln("the list of the items of the meeting that were taken up", 113)
    prev.x1 = prev_x1
    out = blocks(page(1, ln(FULL, 100), prev, ln("2 Adoption of the agenda", 126)))
    assert (len(out) == 2) is split


def test_side_by_side_columns_keep_their_own_paragraphs() -> None:
    lines = [ln("Left column line one", 100, x0=72), ln("Right column line one", 100, x0=300),
             ln("left column line two", 113, x0=72), ln("right column line two", 113, x0=300)]  # fmt: skip
    assert blocks(page(1, *lines)) == [
        "Left column line one left column line two",
        "Right column line one right column line two",
    ]


def test_a_section_number_alone_takes_the_title_under_it_on_a_full_page() -> None:
    lines = [ln(FULL, 60), ln("end.", 73), ln("1.", 100, bold=True), ln("Introduction", 113, bold=True),
             ln("Text.", 139)]  # fmt: skip
    assert blocks(page(1, *lines))[1:] == ["1. Introduction", "Text."]


def test_hyphenated_compounds_of_the_document_keep_their_hyphen_at_line_and_page_ends() -> None:
    # an auto-hyphenated document (a break on every page) that also writes "data-centric"
    p1 = page(1, ln("the data-centric view " + FULL[:40] + " organi-", 100), ln("sation and the data-", 113),
              ln("centric approach and the data-", 126), ln("- 1 -", 820))  # fmt: skip
    p2 = page(2, ln("- 2 -", 30, 2), ln("centric plan and the inter-", 100, 2), ln("national scene.", 113, 2))
    [text] = blocks(p1, p2)
    assert "organisation and the data-centric approach and the data-centric plan and the international" in text


def test_without_auto_hyphenation_a_hyphen_at_a_page_end_stays() -> None:
    p1 = page(1, ln(FULL[:60] + " inter-", 700), ln("- 1 -", 820))
    p2 = page(2, ln("- 2 -", 30, 2), ln("national community.", 100, 2))
    p3 = page(3, ln("A page without a break.", 100, 3))
    assert blocks(p1, p2, p3)[0] == FULL[:60] + " inter-national community."


def test_a_size_change_at_a_page_break_ends_the_paragraph() -> None:
    p1 = page(1, ln("An unfinished sentence", 700))
    p2 = page(2, ln("in a larger size", 100, 2, size=12.0))
    assert len(blocks(p1, p2)) == 2


def test_a_block_s_size_is_not_its_first_line_s() -> None:
    [b] = layout([page(1, ln("short", 100, size=11.5), ln(FULL, 113), ln(FULL, 126))], "x.pdf").blocks
    assert b.font_size == 11.0
    [b] = layout([page(1, ln("short", 100, size=11.5), ln(FULL, 113))], "x.pdf").blocks
    assert b.font_size == 11.0


def test_a_block_s_box_is_rounded_and_takes_the_leftmost_edge() -> None:
    first = Line("A line with a fractional box", 80.3456, 300.6789, 100.1234, 111.5678, 1, W, H, 11.0, False)
    second = Line("and a second line that is indented", 90.0, 290.0, 113.1234, 124.5678, 1, W, H, 11.0, False)
    [b] = layout([page(1, first, second)], "x.pdf").blocks
    assert b.provenance.bbox == (80.35, 100.12, 300.68, 124.57)


def test_blocks_are_numbered_and_keep_the_file_and_the_furniture() -> None:
    pages = [page(n, ln("Draft report", 40, n), ln(f"Paragraph on page {n}.", 100, n)) for n in (1, 2, 3)]
    res = layout(pages, "record.pdf")
    assert [(b.provenance.file, b.provenance.index, b.provenance.page) for b in res.blocks] == [
        ("record.pdf", 0, 1), ("record.pdf", 1, 2), ("record.pdf", 2, 3),
    ]  # fmt: skip
    assert (res.headers_footers, res.furniture_lines) == (["Draft report"], 3)
    out, _, _ = strip_furniture(pages)
    assert [(p.number, p.width, p.height) for p in out] == [(n, W, H) for n in (1, 2, 3)]


def test_a_lone_bullet_is_an_empty_item_and_an_invisible_line_is_nothing() -> None:
    out = layout([page(1, ln("\u00ad", 60), ln("•", 100), ln("Text.", 140))], "x.pdf").blocks
    assert [(b.kind, b.label, b.text) for b in out] == [
        (BlockKind.LIST_ITEM, "•", ""), (BlockKind.PARAGRAPH, None, "Text."),
    ]  # fmt: skip


def test_half_a_point_larger_is_not_a_heading() -> None:
    out = layout([page(1, ln("Slightly larger", 100, size=11.5), ln(FULL, 126), ln(FULL, 139))], "x.pdf").blocks
    assert out[0].kind is BlockKind.PARAGRAPH


def test_a_head_on_two_of_six_pages_stays() -> None:
    pages = [page(n, *([ln("Draft report", 40, n)] if n in (2, 3) else []), body(n)) for n in range(1, 7)]
    assert sum("Draft report" in p for p in kept(pages)) == 2


def test_head_positions_are_compared_to_the_hundredth() -> None:
    # 5.2 pt apart (within 5.5) although whole points would make it 6
    pages = [page(n, ln("Draft report", 40.4 if n < 3 else 45.6, n), body(n)) for n in (1, 2, 3)]
    assert not any("Draft report" in p for p in kept(pages))


def test_a_four_word_sentence_is_never_furniture() -> None:
    pages = [page(n, ln("The report was noted.", 40, n), body(n)) for n in range(1, 5)]
    assert all("The report was noted." in p for p in kept(pages))


def test_auto_hyphenation_reads_every_line_pair() -> None:
    assert auto_hyphenated([page(1, ln("plain text", 100), ln("the inter-", 113), ln("national", 126)),
                            page(2, ln("plain", 100, 2))])  # fmt: skip
    assert auto_hyphenated([page(1, ln("the inter- ", 100), ln("national", 113))])  # a trailing space


def test_typical_spacing_ignores_lines_side_by_side_and_uses_the_larger_size() -> None:
    cols = [x for top in (100, 113, 126) for x in (ln("left", top, x0=72), ln("right", top, x0=300))]
    assert typical_spacing([page(1, *cols)]) == round(13 / 11, 2)
    assert typical_spacing([page(1, ln("a", 100, size=13.0), ln("b", 115.4, size=10.0))]) == 1.0
    # the lower quartile, with distinct steps
    tops = [100.0, 111.0, 124.2, 138.5, 153.9]  # steps of 1.0, 1.2, 1.3 and 1.4 em
    assert typical_spacing([page(1, *[ln("x", t) for t in tops])]) == 1.2
    # steps between three and four ems are gaps too
    gaps = [100.0, 113.0, 151.5, 190.0, 228.5]
    assert typical_spacing([page(1, *[ln("x", t) for t in gaps])]) == round(13 / 11, 2)


# --- short documents: paragraph gaps are not the line step ----------------------------------


def one_line_paragraphs(n: int, full: int, *, x1_full: float = 523.0, page_no: int = 1) -> PageLines:
    """``n`` one-line paragraphs 21 pt apart (1.91 em of 11 pt), ``full`` of them reaching the
    right margin at ``x1_full`` (the longest reaches 523, the page's right edge)."""
    lines = []
    for k in range(n):
        line = ln(f"Paragraph {k} of the cover", 100 + 21 * k, page_no)
        if k < full:
            line.x1 = 523.0 if k == 0 else x1_full
        lines.append(line)
    return page(page_no, *lines)


GAP = round(21 / 11, 2)  # the paragraph gap in ems


@pytest.mark.parametrize(
    ("n", "full", "x1_full", "spacing"),
    [
        (10, 2, 523.0, 1.2),  # two full lines: almost none, single spacing is assumed
        (10, 3, 523.0, GAP),  # three do: the gaps are taken as they are
        (20, 3, 523.0, GAP),  # 3 of 20 is 15 %: not fewer than 15 %
        (40, 5, 523.0, 1.2),  # 5 of 40 is fewer than 15 %
        (10, 3, 500.0, GAP),  # "full" is within 15 % of the text width from the right edge (455 pt)
        (10, 2, 440.0, 1.2),  # 440 pt is not: one full line
    ],
)
def test_a_document_of_one_line_paragraphs_is_single_spaced(n: int, full: int, x1_full: float, spacing: float) -> None:
    assert typical_spacing([one_line_paragraphs(n, full, x1_full=x1_full)]) == spacing


def test_full_lines_are_counted_over_every_page() -> None:
    # a 1.5-spaced report whose last page is a short list keeps its spacing
    report = page(1, *[ln(FULL, 100 + 16.5 * k) for k in range(10)])
    assert typical_spacing([report, one_line_paragraphs(4, 1, page_no=2)]) == 1.5
    # an empty page does not end the count
    assert typical_spacing([page(1), one_line_paragraphs(10, 2, page_no=2)]) == 1.2


def test_a_line_step_seen_twice_wins_over_the_paragraph_gaps() -> None:
    lines, top = [], 100.0
    for _ in range(3):  # three wrapped paragraphs: a full line, then its end 13 pt lower
        lines += [ln(FULL, top), ln("end of it.", top + 13)]
        top += 13 + 21
    for k in range(10):  # and ten one-line paragraphs
        lines.append(ln(f"Paragraph {k}.", top))
        top += 21
    assert typical_spacing([page(1, *lines)]) == round(13 / 11, 2)
