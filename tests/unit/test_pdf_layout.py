"""Layout rules on hand-made lines, so each rule is tested without a PDF or an engine."""

from __future__ import annotations

from cwgtool.blocks import BlockKind
from cwgtool.readers.pdf_layout import (
    Line,
    PageLines,
    build_lines,
    is_page_number,
    join_text,
    layout,
    strip_furniture,
)

W, H = 595.0, 842.0
STEP = 13.0  # line spacing used by the hand-made pages


def ln(text: str, top: float, page: int = 1, *, x0: float = 72.0, size: float = 11.0, bold: bool = False) -> Line:
    return Line(text, x0, x0 + 6 * len(text) if len(text) < 70 else 523.0, top, top + size, page, W, H, size, bold)


def page(number: int, *lines: Line) -> PageLines:
    return PageLines(number, W, H, list(lines))


def texts(pages: list[PageLines]) -> list[str]:
    return [b.text for b in layout(pages, "x.pdf").blocks]


# --- running heads and feet ---------------------------------------------------------------


def test_page_number_patterns() -> None:
    for s in ["- 2 -", "– 12 –", "- 1/9 -", "1/4", "2", "Page 2 of 9", "2 C17/51-E", "2C17/51-E"]:
        assert is_page_number(s), s
    for s in ["1.1 The Chairman", "2019 was a year", "Document C17/51-E", "4.5.2"]:
        assert not is_page_number(s), s


def test_running_heads_and_feet_removed_and_recorded() -> None:
    stamp = r"P:\ENG\SG\COUNCIL\CWG-INTERNET\12\010E.docx (451234)"
    pages = [
        page(1, ln("Body on page one.", 100), ln(stamp, 810, 1)),
        page(2, ln("- 2 -", 30, 2), ln("CWG-Internet-12/10-E", 44, 2), ln("Body two.", 100, 2), ln(stamp, 810, 2)),
        page(3, ln("- 3 -", 30, 3), ln("CWG-Internet-12/10-E", 44, 3), ln("Body three.", 100, 3), ln(stamp, 810, 3)),
    ]
    body, furniture, _removed = strip_furniture(pages)
    assert [[x.text for x in p.lines] for p in body] == [["Body on page one."], ["Body two."], ["Body three."]]
    # the first page had only the footer and still lost it; texts recorded in order of appearance
    assert furniture == [stamp, "- 2 -", "CWG-Internet-12/10-E"]


def test_page_number_alone_removed_on_single_page() -> None:
    pages = [page(1, ln("Page 1 of 1", 20), ln("Text.", 100), ln("1", 820))]
    body, furniture, _removed = strip_furniture(pages)
    assert [x.text for x in body[0].lines] == ["Text."]
    assert furniture == ["Page 1 of 1", "1"]


def test_repeated_body_text_outside_the_zones_is_kept() -> None:
    pages = [page(n, ln("- 9 -", 30, n), ln("Discussion", 400, n, bold=True)) for n in (1, 2)]
    body, _, _ = strip_furniture(pages)
    assert [x.text for p in body for x in p.lines] == ["Discussion", "Discussion"]


# --- paragraphs ---------------------------------------------------------------------------


def test_paragraphs_split_by_vertical_gap() -> None:
    lines = [ln("First paragraph line one and it goes on to the right margin of the page to fill", 100),
             ln("the line, ending here.", 100 + STEP),
             ln("Second paragraph after a blank line.", 100 + 3 * STEP)]
    assert texts([page(1, *lines)]) == [
        "First paragraph line one and it goes on to the right margin of the page to fill the line, ending here.",
        "Second paragraph after a blank line.",
    ]


def test_labels_and_font_changes_start_blocks() -> None:
    lines = [
        ln("2 Agenda", 100, bold=True),
        ln("2.1\tThe Chairman opened the meeting and said that the group would look at the", 100 + STEP),
        ln("agenda first", 100 + 2 * STEP),
        ln("2.2\tThe agenda was adopted", 100 + 3 * STEP),
    ]
    out = layout([page(1, *lines)], "x.pdf").blocks
    assert [b.text for b in out] == [
        "2 Agenda",
        "2.1 The Chairman opened the meeting and said that the group would look at the agenda first",
        "2.2 The agenda was adopted",
    ]
    assert out[0].kind is BlockKind.HEADING and out[0].bold
    assert out[1].kind is BlockKind.PARAGRAPH and out[1].label is None  # section numbers stay in text


def test_wrapped_line_starting_with_a_bare_number_is_not_split() -> None:
    lines = [ln("The meeting took place in Geneva and was opened by the Chairman on Tuesday", 100),
             ln("12 September 2019 at 09:30.", 100 + STEP)]
    assert len(texts([page(1, *lines)])) == 1


def test_number_alone_joined_with_title() -> None:
    lines = [ln("1.", 100, bold=True), ln("Introduction", 100 + STEP, bold=True), ln("Text.", 100 + 3 * STEP)]
    out = layout([page(1, *lines)], "x.pdf").blocks
    assert [b.text for b in out] == ["1. Introduction", "Text."]
    assert out[0].kind is BlockKind.HEADING


def test_bullets_and_list_labels_become_list_items() -> None:
    lines = [ln("Points raised:", 100),
             ln("•\tthe need for affordable access;", 100 + STEP),
             ln("-\tmultilingualism;", 100 + 2 * STEP),
             ln("a)\tthe first lettered item;", 100 + 3 * STEP),
             ln("(ii)\ta roman item.", 100 + 4 * STEP)]
    out = layout([page(1, *lines)], "x.pdf").blocks
    assert [(b.kind, b.label, b.text) for b in out[1:]] == [
        (BlockKind.LIST_ITEM, "•", "the need for affordable access;"),
        (BlockKind.LIST_ITEM, "-", "multilingualism;"),
        (BlockKind.LIST_ITEM, "a)", "the first lettered item;"),
        (BlockKind.LIST_ITEM, "(ii)", "a roman item."),
    ]


def test_bullet_and_text_on_same_baseline_are_one_line() -> None:
    # Word exports the bullet and its text as separate runs at a tab stop.
    chars = [("•", 72.0, 76.0, 111.0, 11.0, "Symbol")]
    x = 90.0
    for ch in "the item":
        chars.append((ch, x, x + 5.0, 111.0, 11.0, "Times"))
        x += 5.0 if ch != " " else 3.0
    lines = build_lines(chars, 1, W, H)
    assert [x.text for x in lines] == ["•\tthe item"]
    out = layout([page(1, *lines)], "x.pdf").blocks
    assert (out[0].kind, out[0].label, out[0].text) == (BlockKind.LIST_ITEM, "•", "the item")


def test_doubled_glyphs_are_deduplicated() -> None:
    chars = []
    for i, ch in enumerate("Bold"):
        chars += [(ch, 72 + 6 * i, 78 + 6 * i, 100.0, 11.0, "Arial-Bold"),
                  (ch, 72.3 + 6 * i, 78.3 + 6 * i, 100.0, 11.0, "Arial-Bold")]
    [line] = build_lines(chars, 1, W, H)
    assert line.text == "Bold" and line.bold


# --- hyphenation --------------------------------------------------------------------------


def test_hyphen_dropped_between_lowercase_fragments() -> None:
    assert join_text("the inter-", "national community") == "the international community"
    assert join_text("soft hyphen\u00ad", "ation") == "soft hyphenation"


def test_hyphen_kept_otherwise() -> None:
    assert join_text("on Internet-", "related issues") == "on Internet-related issues"
    assert join_text("the ITU-", "T study groups") == "the ITU-T study groups"
    assert join_text("by e-", "mail") == "by e-mail"
    assert join_text("a self-", "assessment") == "a self-assessment"
    assert join_text("data-", "centric", frozenset({"data-centric"})) == "data-centric"
    assert join_text("a dash -", "then more") == "a dash - then more"
    assert join_text("inter-", "national", dehyphenate=False) == "inter-national"


def test_hyphens_kept_in_documents_that_were_not_auto_hyphenated() -> None:
    wrapped = "x" * 60 + " and the voice-centric and IP-based data-"
    one = [page(1, ln(wrapped, 100), ln("centric ecosystem.", 100 + STEP)),
           page(2, ln("Second page without any hyphen.", 100, 2)),
           page(3, ln("Third page without any hyphen.", 100, 3))]
    assert texts(one)[0].endswith("data-centric ecosystem.")
    many = [page(1, *[x for i in range(0, 6, 2) for x in (ln(wrapped.replace("data-", "dat-"), 100 + i * STEP),
                                                             ln("a ecosystem", 100 + (i + 1) * STEP))])]
    assert "data ecosystem" in texts(many)[0]


# --- page breaks --------------------------------------------------------------------------


def test_paragraph_continues_across_page_break() -> None:
    p1 = page(1, ln("4.1\tSome Member States said that the topic was important and that the group", 700),
              ln("- 1 -", 820))
    p2 = page(2, ln("- 2 -", 30, 2), ln("should continue its work.", 100, 2), ln("4.2\tOthers disagreed.", 100 + STEP, 2))
    res = layout([p1, p2], "x.pdf")
    assert [b.text for b in res.blocks] == [
        "4.1 Some Member States said that the topic was important and that the group should continue its work.",
        "4.2 Others disagreed.",
    ]
    first = res.blocks[0].provenance
    assert first.page == 1 and first.bbox is not None and first.bbox[1] < 720  # bbox on its first page


def test_no_join_after_sentence_end_or_before_label() -> None:
    p1 = page(1, ln("The first paragraph ends here.", 700))
    p2 = page(2, ln("the next one starts lowercase but the previous ended.", 100, 2))
    p3 = page(3, ln("An unfinished sentence", 100, 3))
    p4 = page(4, ln("•\ta bullet item", 100, 4))
    assert len(texts([p1, p2])) == 2
    assert len(texts([p3, p4])) == 2


def test_heading_at_page_bottom_not_joined_with_body() -> None:
    p1 = page(1, ln("4.2.1 Summary", 780, bold=True))
    p2 = page(2, ln("Saudi Arabia submitted the contribution", 100, 2))
    assert texts([p1, p2]) == ["4.2.1 Summary", "Saudi Arabia submitted the contribution"]



def test_short_document_heads_recognised_by_form() -> None:
    """A two-page document: the symbol head and the path footer appear once each, yet go;
    the symbol on the first page's cover stays."""
    stamp = r"P:\ENG\SG\CONSEIL\CWG-INTERNET\18\002E.docx (523500)"
    pages = [
        page(1, ln("Document CWG-Internet-18/2-E", 60), ln("1 Introduction", 300)),
        page(2, ln("CWG-Internet-18/2-E", 40, 2), ln("The secretariat reported.", 300, 2), ln(stamp, 810, 2)),
    ]
    body, furniture, _removed = strip_furniture(pages)
    assert [x.text for p in body for x in p.lines] == ["Document CWG-Internet-18/2-E", "1 Introduction", "The secretariat reported."]
    assert furniture == ["CWG-Internet-18/2-E", stamp]


def test_a_line_reads_the_same_whatever_whitespace_items_the_engine_adds() -> None:
    """Engines differ in whether they hand over whitespace glyphs (pdfium does, pdfminer often
    not): a line given as one text item and the same line with a space item beside it must give
    the same Line, odd values a damaged PDF can carry included (NaN, negative or zero sizes and
    positions)."""
    import math
    import random

    rng = random.Random(7)
    texts = ["Word", "two words", "x", "\u00ad", "Bold run of text", "ﬁ", "a  b"]
    fonts = ["Helvetica", "Helvetica-Bold", "DejaVuSans-BoldOblique", ""]
    values = [0.0, -3.5, 72.123456, 1e-9, math.nan, 612.0, 11.04999]
    for _ in range(3000):
        text, x0, x1, base = rng.choice(texts), rng.choice(values), rng.choice(values), rng.choice(values)
        size, font = rng.choice([11.0, 10.96, 0.4, -1.0, 0.0, math.nan, 14.25]), rng.choice(fonts)
        alone = build_lines([(text, x0, x1, base, size, font)], 3, 595.0, 842.0)
        spaced = build_lines([(text, x0, x1, base, size, font), (" ", x0, x0, base, size, font)], 3, 595.0, 842.0)
        assert repr(alone) == repr(spaced), (text, x0, x1, base, size, font)  # repr: NaN == NaN
    [line] = build_lines([("Bold run of text", 72.0, 160.5, 700.0, 11.0, "Helvetica-Bold")], 3, 595.0, 842.0)
    assert (line.text, line.x0, line.x1, line.bold, line.size, line.page) == ("Bold run of text", 72.0, 160.5, True, 11.0, 3)
    assert (line.top, line.bottom) == (691.2, 702.2)




def test_a_short_document_of_one_line_paragraphs_keeps_them_apart() -> None:
    """Every paragraph one line, all the same gap apart (a short contribution's cover): the gap
    is a paragraph gap, not the line step, so the cover does not run into one block."""
    gap = 21.0  # 11 pt text, one line each, 8 pt after every paragraph
    cover = ["Document WG-SFP-9/6-E", "23 April 2019", "Original: English", "REPUBLIC OF KENYA", "Proposals for the work of the Group"]
    lines = [ln(t, 100 + k * gap) for k, t in enumerate(cover)]
    assert texts([page(1, *lines)]) == cover


def test_the_few_wrapped_paragraphs_of_a_short_document_give_the_line_step() -> None:
    """Most steps are paragraph gaps; the two wrapped paragraphs show the line step (13 pt),
    which decides, so neither the cover nor the paragraphs run together."""
    gap, step = 21.0, 13.0
    cover = ["Council Working Group on Languages", "Ninth meeting – Geneva, 6 May 2025", "Document CWG-LANG-9/4-E",
             "20 May 2025", "English only", "SUMMARY OF THE NINTH MEETING"]
    body = [
        ["The Group reviewed the glossary of terms in the six official languages and agreed to", "publish it."],
        ["The secretariat presented the costs of translation for each of the languages of the", "Union."],
    ]
    lines, top = [], 100.0
    for text in cover:
        lines.append(ln(text, top))
        top += gap
    for para in body:
        for k, text in enumerate(para):
            lines.append(ln(text, top))
            top += step if k < len(para) - 1 else gap
    assert texts([page(1, *lines)]) == [*cover, *(" ".join(p) for p in body)]
