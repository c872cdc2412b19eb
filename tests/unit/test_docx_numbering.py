"""Word automatic numbering: the labels the reader computes must be the ones Word displays."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

docx = pytest.importorskip("docx")

from docx.oxml import parse_xml  # noqa: E402
from docx.oxml.ns import qn  # noqa: E402

from cwgtool.readers.docx import read  # noqa: E402
from cwgtool.readers.docx_numbering import format_number  # noqa: E402

NS = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'


def lvl(ilvl: int, fmt: str, text: str, start: int = 1, extra: str = "") -> str:
    return (
        f'<w:lvl w:ilvl="{ilvl}"><w:start w:val="{start}"/><w:numFmt w:val="{fmt}"/>'
        f'<w:lvlText w:val="{text}"/>{extra}</w:lvl>'
    )


def abstract(aid: int, *levels: str, extra: str = "") -> str:
    return f'<w:abstractNum {NS} w:abstractNumId="{aid}">{extra}{"".join(levels)}</w:abstractNum>'


def num(nid: int, aid: int, overrides: str = "") -> str:
    return f'<w:num {NS} w:numId="{nid}"><w:abstractNumId w:val="{aid}"/>{overrides}</w:num>'


def new_doc(*xml: str) -> Any:
    """A python-docx document whose numbering part also holds ``xml`` (abstractNums, then nums)."""
    doc = docx.Document()
    numbering = doc.part.numbering_part.element
    first_num = numbering.find(qn("w:num"))
    for fragment in xml:
        el = parse_xml(fragment)
        if el.tag == qn("w:abstractNum") and first_num is not None:
            first_num.addprevious(el)
        else:
            numbering.append(el)
    return doc


def add(doc: Any, text: str, num_id: int | None = None, ilvl: int | None = None, style: str | None = None) -> Any:
    p = doc.add_paragraph(text, style=style)
    if num_id is not None or ilvl is not None:
        ppr = p._p.get_or_add_pPr()
        num_pr = parse_xml(f"<w:numPr {NS}/>")
        if ilvl is not None:
            num_pr.append(parse_xml(f'<w:ilvl {NS} w:val="{ilvl}"/>'))
        if num_id is not None:
            num_pr.append(parse_xml(f'<w:numId {NS} w:val="{num_id}"/>'))
        ppr.append(num_pr)
    return p


def labels(doc: Any, tmp_path: Path) -> list[tuple[str | None, str]]:
    path = tmp_path / "t.docx"
    doc.save(str(path))
    return [(b.label, b.text) for b in read(path).blocks]


OUTLINE = abstract(
    100,
    lvl(0, "decimal", "%1."),
    lvl(1, "decimal", "%1.%2."),
    lvl(2, "decimal", "%1.%2.%3."),
)


def test_multilevel_decimal(tmp_path: Path) -> None:
    doc = new_doc(OUTLINE, num(100, 100))
    for text, ilvl in [("A", 0), ("B", 1), ("C", 1), ("D", 2), ("E", 2), ("F", 0), ("G", 1), ("H", 2)]:
        add(doc, text, 100, ilvl)
    assert labels(doc, tmp_path) == [
        ("1.", "A"), ("1.1.", "B"), ("1.2.", "C"), ("1.2.1.", "D"), ("1.2.2.", "E"),
        ("2.", "F"), ("2.1.", "G"), ("2.1.1.", "H"),
    ]


def test_start_values(tmp_path: Path) -> None:
    doc = new_doc(abstract(101, lvl(0, "decimal", "%1.", start=4), lvl(1, "decimal", "%1.%2", start=0)), num(101, 101))
    add(doc, "A", 101, 0)
    add(doc, "B", 101, 1)
    add(doc, "C", 101, 1)
    add(doc, "D", 101, 0)
    assert labels(doc, tmp_path) == [("4.", "A"), ("4.0", "B"), ("4.1", "C"), ("5.", "D")]


@pytest.mark.parametrize(
    ("fmt", "text", "expected"),
    [
        ("lowerLetter", "%1)", ["a)", "b)", "c)"]),
        ("upperLetter", "%1.", ["A.", "B.", "C."]),
        ("lowerRoman", "(%1)", ["(i)", "(ii)", "(iii)"]),
        ("upperRoman", "%1.", ["I.", "II.", "III."]),
        ("decimalZero", "%1", ["01", "02", "03"]),
    ],
)
def test_formats(tmp_path: Path, fmt: str, text: str, expected: list[str]) -> None:
    doc = new_doc(abstract(102, lvl(0, fmt, text)), num(102, 102))
    for word in ("x", "y", "z"):
        add(doc, word, 102, 0)
    assert [label for label, _ in labels(doc, tmp_path)] == expected


def test_format_number_edges() -> None:
    assert format_number(27, "lowerLetter") == "aa"
    assert format_number(14, "lowerRoman") == "xiv"
    assert format_number(3, "none") == ""
    assert format_number(3, "cardinalText") == "3"  # unknown formats fall back to digits


def test_bullets_map_symbol_font_and_make_list_items(tmp_path: Path) -> None:
    doc = new_doc(
        abstract(103, lvl(0, "bullet", "\uf0b7"), lvl(1, "bullet", "o"), lvl(2, "bullet", "\uf0a7")),
        num(103, 103),
    )
    add(doc, "one", 103, 0)
    add(doc, "two", 103, 1)
    add(doc, "three", 103, 2)
    path = tmp_path / "b.docx"
    doc.save(str(path))
    blocks = read(path).blocks
    assert [b.label for b in blocks] == ["•", "o", "▪"]
    assert [b.kind.value for b in blocks] == ["list_item"] * 3
    assert [b.level for b in blocks] == [1, 2, 3]
    assert [b.text for b in blocks] == ["one", "two", "three"]


def test_letter_item_is_list_item_but_section_number_is_not(tmp_path: Path) -> None:
    doc = new_doc(OUTLINE, abstract(104, lvl(0, "lowerLetter", "%1)")), num(100, 100), num(104, 104))
    add(doc, "Section", 100, 0)
    add(doc, "item", 104, 0)
    path = tmp_path / "k.docx"
    doc.save(str(path))
    kinds = [(b.label, b.kind.value) for b in read(path).blocks]
    assert kinds == [("1.", "paragraph"), ("a)", "list_item")]


def test_higher_level_restarts_deeper_levels_unless_lvl_restart(tmp_path: Path) -> None:
    never = '<w:lvlRestart w:val="0"/>'
    doc = new_doc(
        abstract(105, lvl(0, "decimal", "%1."), lvl(1, "lowerLetter", "%2)", extra=never)),
        num(105, 105),
    )
    for text, ilvl in [("A", 0), ("a", 1), ("b", 1), ("B", 0), ("c", 1)]:
        add(doc, text, 105, ilvl)
    assert [label for label, _ in labels(doc, tmp_path)] == ["1.", "a)", "b)", "2.", "c)"]


def test_deeper_level_restarts_after_parent(tmp_path: Path) -> None:
    doc = new_doc(abstract(106, lvl(0, "decimal", "%1."), lvl(1, "lowerLetter", "%2)")), num(106, 106))
    for text, ilvl in [("A", 0), ("a", 1), ("b", 1), ("B", 0), ("a2", 1)]:
        add(doc, text, 106, ilvl)
    assert [label for label, _ in labels(doc, tmp_path)] == ["1.", "a)", "b)", "2.", "a)"]


def test_is_lgl_shows_parent_levels_as_digits(tmp_path: Path) -> None:
    doc = new_doc(
        abstract(107, lvl(0, "upperRoman", "%1."), lvl(1, "decimal", "%1.%2", extra="<w:isLgl/>")),
        num(107, 107),
    )
    add(doc, "A", 107, 0)
    add(doc, "B", 107, 1)
    assert [label for label, _ in labels(doc, tmp_path)] == ["I.", "1.1"]


def _style_with_numpr(doc: Any, name: str, num_id: int, ilvl: int | None, base: str | None = None) -> Any:
    from docx.enum.style import WD_STYLE_TYPE

    style = doc.styles.add_style(name, WD_STYLE_TYPE.PARAGRAPH)
    if base:
        style.base_style = doc.styles[base]
    if num_id >= 0:
        ppr = style.element.get_or_add_pPr()
        inner = f'<w:ilvl w:val="{ilvl}"/>' if ilvl is not None else ""
        ppr.append(parse_xml(f'<w:numPr {NS}>{inner}<w:numId w:val="{num_id}"/></w:numPr>'))
    return style


def test_numbering_from_paragraph_style_and_based_on_chain(tmp_path: Path) -> None:
    doc = new_doc(OUTLINE, num(110, 100))
    _style_with_numpr(doc, "Sec1", 110, 0)
    _style_with_numpr(doc, "Sec2", 110, 1)
    _style_with_numpr(doc, "Sec2 Derived", -1, None, base="Sec2")  # inherits numPr from Sec2
    add(doc, "Intro", style="Sec1")
    add(doc, "Detail", style="Sec2")
    add(doc, "More", style="Sec2 Derived")
    add(doc, "Next", style="Sec1")
    assert labels(doc, tmp_path) == [("1.", "Intro"), ("1.1.", "Detail"), ("1.2.", "More"), ("2.", "Next")]


def test_style_level_via_lvl_pstyle(tmp_path: Path) -> None:
    doc = new_doc(
        abstract(111, lvl(0, "decimal", "%1.", extra='<w:pStyle w:val="SecA"/>'),
                 lvl(1, "decimal", "%1.%2.", extra='<w:pStyle w:val="SecB"/>')),
        num(111, 111),
    )
    _style_with_numpr(doc, "SecA", 111, None)
    _style_with_numpr(doc, "SecB", 111, None)
    add(doc, "A", style="SecA")
    add(doc, "B", style="SecB")
    assert [label for label, _ in labels(doc, tmp_path)] == ["1.", "1.1."]


def test_num_id_zero_cancels_style_numbering(tmp_path: Path) -> None:
    doc = new_doc(OUTLINE, num(112, 100))
    _style_with_numpr(doc, "Sec1", 112, 0)
    add(doc, "One", style="Sec1")
    add(doc, "Unnumbered", 0, style="Sec1")
    add(doc, "Two", style="Sec1")
    assert labels(doc, tmp_path) == [("1.", "One"), (None, "Unnumbered"), ("2.", "Two")]


def test_nums_sharing_an_abstract_continue_and_start_override_restarts(tmp_path: Path) -> None:
    restart = '<w:lvlOverride w:ilvl="0"><w:startOverride w:val="1"/></w:lvlOverride>'
    doc = new_doc(OUTLINE, num(120, 100), num(121, 100), num(122, 100, restart))
    add(doc, "A", 120, 0)
    add(doc, "B", 120, 0)
    add(doc, "C", 121, 0)  # same abstractNum: Word continues the sequence
    add(doc, "D", 122, 0)  # "Restart numbering"
    add(doc, "E", 122, 0)
    add(doc, "F", 122, 1)
    assert [label for label, _ in labels(doc, tmp_path)] == ["1.", "2.", "3.", "1.", "2.", "2.1."]


def test_empty_numbered_paragraph_still_counts(tmp_path: Path) -> None:
    doc = new_doc(OUTLINE, num(100, 100))
    add(doc, "A", 100, 0)
    add(doc, "", 100, 0)  # Word shows "2." on an empty line
    add(doc, "C", 100, 0)
    assert labels(doc, tmp_path) == [("1.", "A"), ("3.", "C")]


def test_num_style_link_resolves_through_numbering_style(tmp_path: Path) -> None:
    from docx.enum.style import WD_STYLE_TYPE

    doc = new_doc(
        abstract(130, lvl(0, "upperLetter", "%1."), extra='<w:styleLink w:val="MyList"/>'),
        abstract(131, extra='<w:numStyleLink w:val="MyList"/>'),
        num(130, 130),
        num(131, 131),
    )
    style = doc.styles.add_style("MyList", WD_STYLE_TYPE.LIST)
    ppr = style.element.get_or_add_pPr()
    ppr.append(parse_xml(f'<w:numPr {NS}><w:numId w:val="130"/></w:numPr>'))
    add(doc, "first", 131, 0)
    add(doc, "second", 131, 0)
    assert [label for label, _ in labels(doc, tmp_path)] == ["A.", "B."]


def test_label_not_repeated_in_text_and_typed_number_kept(tmp_path: Path) -> None:
    doc = new_doc(OUTLINE, num(100, 100))
    add(doc, "Opening", 100, 0)
    add(doc, "2.1.\tTyped number")
    assert labels(doc, tmp_path) == [("1.", "Opening"), (None, "2.1.\tTyped number")]


def test_numbered_paragraphs_in_table_cells(tmp_path: Path) -> None:
    doc = new_doc(abstract(140, lvl(0, "lowerLetter", "%1)")), num(140, 140))
    table = doc.add_table(rows=1, cols=2)
    single = table.cell(0, 0).paragraphs[0]
    single.text = "alone"
    ppr = single._p.get_or_add_pPr()
    ppr.append(parse_xml(f'<w:numPr {NS}><w:ilvl w:val="0"/><w:numId w:val="140"/></w:numPr>'))
    cell = table.cell(0, 1)
    cell.paragraphs[0].text = "Intro"
    for text in ("first", "second"):
        p = cell.add_paragraph(text)
        p._p.get_or_add_pPr().append(parse_xml(f'<w:numPr {NS}><w:ilvl w:val="0"/><w:numId w:val="140"/></w:numPr>'))
    assert labels(doc, tmp_path) == [("a)", "alone"), (None, "Intro\nb)\tfirst\nc)\tsecond")]
