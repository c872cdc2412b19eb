"""Word's numbering model on hand-written WordprocessingML (no DOCX package needed: the module
works on raw elements so that it can be pinned like this). Each case is a numbering.xml or
styles.xml fragment as Word writes it and the labels Word shows for the paragraphs."""

from __future__ import annotations

import pytest
from lxml import etree

from cwgtool.readers.docx_numbering import (
    MAX_LABEL_CHARS,
    MAX_LETTER_NUMBER,
    MAX_ROMAN_NUMBER,
    Numbering,
    NumberLabel,
    StyleSheet,
    format_number,
    map_symbol_char,
    on_off,
    to_roman,
)

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
MC = "http://schemas.openxmlformats.org/markup-compatibility/2006"
NS = f'xmlns:w="{W}" xmlns:mc="{MC}"'


def xml(text: str) -> etree._Element:
    return etree.fromstring(text)


def numbering(*parts: str) -> etree._Element:
    return xml(f"<w:numbering {NS}>{''.join(parts)}</w:numbering>")


def styles(*parts: str) -> StyleSheet:
    return StyleSheet(xml(f"<w:styles {NS}>{''.join(parts)}</w:styles>"))


def lvl(ilvl: int | str, fmt: str | None = "decimal", text: str | None = "%1.", start: int | None = 1, extra: str = "") -> str:
    return (
        f'<w:lvl w:ilvl="{ilvl}">'
        + (f'<w:start w:val="{start}"/>' if start is not None else "")
        + (f'<w:numFmt w:val="{fmt}"/>' if fmt is not None else "")
        + (f'<w:lvlText w:val="{text}"/>' if text is not None else "")
        + f"{extra}</w:lvl>"
    )


def abstract(aid: int, *levels: str, extra: str = "") -> str:
    return f'<w:abstractNum w:abstractNumId="{aid}">{extra}{"".join(levels)}</w:abstractNum>'


def num(nid: int, aid: int, overrides: str = "") -> str:
    return f'<w:num w:numId="{nid}"><w:abstractNumId w:val="{aid}"/>{overrides}</w:num>'


def para(num_id: int | None = None, ilvl: int | None = None, style: str | None = None) -> etree._Element:
    ppr = ""
    if style is not None:
        ppr += f'<w:pStyle w:val="{style}"/>'
    if num_id is not None or ilvl is not None:
        ppr += "<w:numPr>"
        ppr += f'<w:ilvl w:val="{ilvl}"/>' if ilvl is not None else ""
        ppr += f'<w:numId w:val="{num_id}"/>' if num_id is not None else ""
        ppr += "</w:numPr>"
    return xml(f"<w:p {NS}><w:pPr>{ppr}</w:pPr></w:p>")


def labels(numbering_el: etree._Element, paragraphs: list[etree._Element], sheet: StyleSheet | None = None) -> list[str | None]:
    n = Numbering(numbering_el, sheet or styles())
    out = []
    for p in paragraphs:
        label = n.label_for(p)
        out.append(label.text if label else None)
    return out


DECIMAL3 = abstract(1, lvl(0, text="%1."), lvl(1, text="%1.%2."), lvl(2, text="%1.%2.%3."))


# -- counters -------------------------------------------------------------------------------------


def test_a_deeper_level_restarts_and_a_later_level_shows_unused_levels_at_their_start() -> None:
    """"1.1.1." straight after "1." (level 2 unused): Word shows the unused level's start, and
    that level, used next, starts there too."""
    got = labels(numbering(DECIMAL3, num(1, 1)), [para(1, 0), para(1, 2), para(1, 1), para(1, 2), para(1, 0), para(1, 2)])
    assert got == ["1.", "1.1.1.", "1.1.", "1.1.1.", "2.", "2.1.1."]


def test_lvl_restart_names_the_level_after_which_a_deeper_level_restarts() -> None:
    """Level 3 with w:lvlRestart 1 restarts only after level 1 is used, not after level 2."""
    restart1 = '<w:lvlRestart w:val="1"/>'
    definition = abstract(1, lvl(0, text="%1."), lvl(1, "lowerLetter", "%2)"), lvl(2, "lowerRoman", "%3.", extra=restart1))
    got = labels(numbering(definition, num(1, 1)), [para(1, 0), para(1, 2), para(1, 1), para(1, 2), para(1, 0), para(1, 2)])
    assert got == ["1.", "i.", "a)", "ii.", "2.", "i."]


def test_a_level_without_start_counts_from_zero() -> None:
    got = labels(numbering(abstract(1, lvl(0, start=None, text="%1.")), num(1, 1)), [para(1, 0), para(1, 0)])
    assert got == ["0.", "1."]


def test_start_override_restarts_once_and_level_override_replaces_the_level() -> None:
    overrides = (
        '<w:lvlOverride w:ilvl="0"><w:startOverride w:val="5"/></w:lvlOverride>'
        '<w:lvlOverride w:ilvl="1"><w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="upperLetter"/>'
        '<w:lvlText w:val="%1.%2"/></w:lvl></w:lvlOverride>'
        '<w:lvlOverride w:ilvl="12"><w:startOverride w:val="9"/></w:lvlOverride>'  # no such level: ignored
        '<w:lvlOverride w:ilvl="x"><w:startOverride w:val="9"/></w:lvlOverride>'
    )
    definition = numbering(DECIMAL3, num(1, 1), num(2, 1, overrides))
    got = labels(definition, [para(1, 0), para(1, 1), para(2, 0), para(2, 1), para(2, 0), para(1, 0), para(2, 1)])
    assert got == ["1.", "1.1.", "5.", "5.A", "6.", "7.", "7.A"]


def test_nums_of_one_abstract_share_counters_but_not_with_another_abstract() -> None:
    definition = numbering(DECIMAL3, abstract(2, lvl(0, "lowerLetter", "%1)")), num(1, 1), num(2, 1), num(3, 2))
    assert labels(definition, [para(1, 0), para(3, 0), para(2, 0), para(3, 0)]) == ["1.", "a)", "2.", "b)"]


# -- which paragraphs are numbered ----------------------------------------------------------------


def test_unknown_num_missing_level_and_num_id_zero_are_unnumbered() -> None:
    definition = numbering(abstract(1, lvl(0, text="%1.")), num(1, 1), num(2, 99))
    got = labels(definition, [para(7, 0), para(1, 1), para(0, 0), para(2, 0), para(None, 0), para(1, 0)])
    assert got == [None, None, None, None, None, "1."]


def test_out_of_range_levels_are_clamped_and_ignored() -> None:
    definition = numbering(
        abstract(1, lvl(0, text="%1."), lvl(8, text="deep %9"), lvl(9, text="never"), lvl("x", text="never")), num(1, 1)
    )
    assert labels(definition, [para(1, 12), para(1, 0), para(1, -3)]) == ["deep 1", "1.", "2."]


def test_num_id_zero_means_unnumbered_even_when_a_num_zero_is_defined() -> None:
    definition = numbering(abstract(1, lvl(0, text="%1.")), num(0, 1), num(1, 1))
    assert labels(definition, [para(0, 0), para(1, 0)]) == [None, "1."]


def test_a_style_tied_to_a_level_beyond_the_ninth_is_not_numbered_at_that_level() -> None:
    sheet = styles('<w:style w:type="paragraph" w:styleId="Deep"><w:pPr><w:numPr><w:numId w:val="1"/></w:numPr></w:pPr></w:style>')
    definition = abstract(
        1, lvl(0, text="%1."), lvl(8, text="level nine %9"), lvl(9, text="level ten", extra='<w:pStyle w:val="Deep"/>')
    )
    assert labels(numbering(definition, num(1, 1)), [para(style="Deep")], sheet) == ["1."]


def test_a_reference_to_an_undefined_level_shows_its_start_in_digits() -> None:
    definition = abstract(1, lvl(0, "upperRoman", "%1.%2"))
    assert labels(numbering(definition, num(1, 1)), [para(1, 0), para(1, 0)]) == ["I.1", "II.1"]


def test_malformed_definitions_are_skipped() -> None:
    definition = numbering(
        '<w:abstractNum><w:lvl w:ilvl="0"><w:numFmt w:val="decimal"/><w:lvlText w:val="%1."/></w:lvl></w:abstractNum>',
        abstract(1, lvl(0, text="(%1)")),
        '<w:num w:numId="1"/>',
        '<w:num><w:abstractNumId w:val="1"/></w:num>',
        num(2, 1),
    )
    assert labels(definition, [para(1, 0), para(2, 0)]) == [None, "(1)"]


def test_numbering_from_style_chain_with_own_level_and_default_paragraph_style() -> None:
    sheet = styles(
        '<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/></w:style>',
        '<w:style w:type="paragraph" w:styleId="H1"><w:name w:val="heading 1"/>'
        '<w:pPr><w:numPr><w:numId w:val="1"/></w:numPr></w:pPr></w:style>',
        '<w:style w:type="paragraph" w:styleId="H2"><w:basedOn w:val="H1"/>'
        '<w:pPr><w:numPr><w:ilvl w:val="1"/></w:numPr></w:pPr></w:style>',
        '<w:style w:type="paragraph" w:styleId="Loop"><w:basedOn w:val="Loop"/></w:style>',
    )
    got = labels(numbering(DECIMAL3, num(1, 1)), [para(style="H1"), para(style="H2"), para(style="Loop"), para(), para(style="H1")], sheet)
    assert got == ["1.", "1.1.", None, None, "2."]


def test_a_style_tied_to_a_level_by_lvl_pstyle() -> None:
    sheet = styles(
        '<w:style w:type="paragraph" w:styleId="SecA"><w:pPr><w:numPr><w:numId w:val="1"/></w:numPr></w:pPr></w:style>',
        '<w:style w:type="paragraph" w:styleId="SecB"><w:pPr><w:numPr><w:numId w:val="1"/></w:numPr></w:pPr></w:style>',
        '<w:style w:type="paragraph" w:styleId="Other"><w:pPr><w:numPr><w:numId w:val="1"/></w:numPr></w:pPr></w:style>',
    )
    definition = abstract(
        1, lvl(0, text="%1.", extra='<w:pStyle w:val="SecA"/>'), lvl(1, text="%1.%2.", extra='<w:pStyle w:val="SecB"/>')
    )
    got = labels(numbering(definition, num(1, 1)), [para(style="SecA"), para(style="SecB"), para(style="Other")], sheet)
    assert got == ["1.", "1.1.", "2."]  # a style no level names takes level 1


def test_num_style_link_follows_the_numbering_style_and_survives_a_loop() -> None:
    sheet = styles(
        '<w:style w:type="numbering" w:styleId="MyList"><w:pPr><w:numPr><w:numId w:val="1"/></w:numPr></w:pPr></w:style>',
        '<w:style w:type="numbering" w:styleId="Gone"><w:pPr><w:numPr><w:numId w:val="42"/></w:numPr></w:pPr></w:style>',
    )
    definition = numbering(
        abstract(1, lvl(0, "upperLetter", "%1."), extra='<w:styleLink w:val="MyList"/>'),
        abstract(2, extra='<w:numStyleLink w:val="MyList"/>'),
        abstract(3, lvl(0, "lowerRoman", "%1)"), extra='<w:numStyleLink w:val="Gone"/>'),
        abstract(4, lvl(0, text="%1>"), extra='<w:numStyleLink w:val="Self"/>'),
        num(1, 1),
        num(2, 2),
        num(3, 3),
        num(4, 4),
    )
    sheet.styles.update(
        styles('<w:style w:type="numbering" w:styleId="Self"><w:pPr><w:numPr><w:numId w:val="4"/></w:numPr></w:pPr></w:style>').styles
    )
    assert labels(definition, [para(2, 0), para(2, 0), para(3, 0), para(4, 0)], sheet) == ["A.", "B.", "i)", "1>"]


# -- rendering ------------------------------------------------------------------------------------


def test_label_carries_level_format_and_suffix() -> None:
    definition = numbering(
        abstract(1, lvl(0, text="%1."), lvl(1, "bullet", "\uf0b7", extra='<w:suff w:val="space"/>')), num(1, 1)
    )
    n = Numbering(definition, styles())
    assert n.label_for(para(1, 0)) == NumberLabel(text="1.", ilvl=0, num_fmt="decimal", suffix="tab")
    bullet = n.label_for(para(1, 1))
    assert bullet == NumberLabel(text="•", ilvl=1, num_fmt="bullet", suffix="space")
    assert bullet is not None and bullet.is_bullet
    assert not NumberLabel(text="1.", ilvl=0, num_fmt="decimal", suffix="tab").is_bullet


@pytest.mark.parametrize(
    ("level", "expected"),
    [
        (lvl(0, "bullet", ""), "•"),  # a bullet level without text still shows a bullet
        (lvl(0, "decimal", "", extra='<w:lvlPicBulletId w:val="0"/>'), "•"),  # a picture bullet
        (lvl(0, "bullet", "o"), "o"),
        (lvl(0, None, "%1."), "1."),  # numFmt omitted: decimal
        (lvl(0, None, "%1.", extra=f'<mc:AlternateContent {NS}><mc:Fallback><w:numFmt w:val="upperRoman"/></mc:Fallback></mc:AlternateContent>'), "I."),
        (lvl(0, "decimal", None), None),  # no lvlText: nothing to show
        (lvl(0, "decimal", "   "), None),
        (lvl(0, "decimal", "Article %1 \u2013"), "Article 1 \u2013"),
        (lvl(0, "decimal", "%1%"), "1%"),  # a % not followed by a digit is text
        (lvl(0, "decimal", "%a%1"), "%a1"),
        (lvl(0, "decimal", "%0[%1]"), "[1]"),  # a reference to no level shows nothing
        (lvl(0, "decimalEnclosedParen", "%1"), "(1)"),
        (lvl(0, "none", "%1"), None),
        (lvl(0, "decimal", "\uf0d8 %1"), "➢ 1"),
    ],
)
def test_rendering_of_one_level(level: str, expected: str | None) -> None:
    assert labels(numbering(abstract(1, level), num(1, 1)), [para(1, 0)]) == [expected]


def test_is_lgl_writes_parent_levels_as_digits_but_keeps_none() -> None:
    definition = abstract(
        1,
        lvl(0, "upperRoman", "%1."),
        lvl(1, "none", "%2"),
        lvl(2, "lowerLetter", "%1.%2.%3", extra="<w:isLgl/>"),
        lvl(3, "lowerLetter", "%1.%4", extra='<w:isLgl w:val="0"/>'),
    )
    got = labels(numbering(definition, num(1, 1)), [para(1, 0), para(1, 2), para(1, 3)])
    assert got == ["I.", "1..1", "I.a"]


def test_a_label_is_cut_at_its_length_limit() -> None:
    long_text = "%1" * 200
    [label] = labels(numbering(abstract(1, lvl(0, text=long_text, start=7)), num(1, 1)), [para(1, 0)])
    assert label == "7" * MAX_LABEL_CHARS
    [label] = labels(numbering(abstract(1, lvl(0, text="x" * 100)), num(1, 1)), [para(1, 0)])
    assert label == "x" * MAX_LABEL_CHARS


# -- numbers, symbols, on/off ---------------------------------------------------------------------


@pytest.mark.parametrize(
    ("n", "fmt", "expected"),
    [
        (1, "lowerLetter", "a"),
        (26, "lowerLetter", "z"),
        (27, "lowerLetter", "aa"),
        (28, "upperLetter", "BB"),
        (MAX_LETTER_NUMBER, "lowerLetter", "z" * 30),
        (MAX_LETTER_NUMBER + 1, "lowerLetter", str(MAX_LETTER_NUMBER + 1)),
        (0, "lowerLetter", "0"),
        (4, "lowerRoman", "iv"),
        (1994, "upperRoman", "MCMXCIV"),
        (MAX_ROMAN_NUMBER, "lowerRoman", "mmmcmxcix"),
        (MAX_ROMAN_NUMBER + 1, "upperRoman", str(MAX_ROMAN_NUMBER + 1)),
        (0, "upperRoman", "0"),
        (0, "decimalZero", "00"),
        (9, "decimalZero", "09"),
        (10, "decimalZero", "10"),
        (-1, "decimalZero", "-1"),
        (5, "decimalEnclosedParen", "(5)"),
        (5, "none", ""),
        (5, "ordinalText", "5"),
    ],
)
def test_format_number(n: int, fmt: str, expected: str) -> None:
    assert format_number(n, fmt) == expected


def test_to_roman() -> None:
    assert [to_roman(n) for n in (1, 3, 4, 9, 14, 40, 90, 400, 900, 3888)] == [
        "i", "iii", "iv", "ix", "xiv", "xl", "xc", "cd", "cm", "mmmdccclxxxviii"
    ]


@pytest.mark.parametrize(
    ("char", "shown"),
    [
        ("\uf0b7", "•"), ("\uf0a7", "▪"), ("\uf0d8", "➢"), ("\uf0fc", "✓"), ("\uf076", "❖"), ("\uf06e", "■"),
        ("\uf0a8", "□"), ("\uf0e8", "➔"), ("\uf02d", "-"), ("\uf0be", "—"),
        ("\ue000", "•"), ("\uf8ff", "•"),  # other private-use glyphs of a symbol font: bullets
        ("\udfff", "\udfff"), ("\uf900", "\uf900"), ("o", "o"), ("-", "-"), ("\uf0b7\uf0b7", "\uf0b7\uf0b7"),
    ],
)
def test_symbol_font_characters(char: str, shown: str) -> None:
    assert map_symbol_char(char) == shown


@pytest.mark.parametrize(
    ("element", "value"),
    [
        ("<w:b/>", True), ('<w:b w:val="1"/>', True), ('<w:b w:val="true"/>', True), ('<w:b w:val="on"/>', True),
        ('<w:b w:val="0"/>', False), ('<w:b w:val="false"/>', False), ('<w:b w:val="OFF"/>', False),
        ('<w:b w:val="none"/>', False),
    ],
)
def test_on_off_properties(element: str, value: bool) -> None:
    assert on_off(xml(element.replace("<w:b", f"<w:b {NS}", 1))) is value
    assert on_off(None) is None


# -- styles ---------------------------------------------------------------------------------------


def test_style_sheet_reads_names_types_defaults_and_inheritance() -> None:
    sheet = StyleSheet(
        xml(
            f"<w:styles {NS}>"
            '<w:docDefaults><w:rPrDefault><w:rPr><w:b w:val="0"/><w:sz w:val="22"/></w:rPr></w:rPrDefault></w:docDefaults>'
            '<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/></w:style>'
            '<w:style w:type="paragraph" w:default="0" w:styleId="Plain"><w:name w:val="Plain"/></w:style>'
            '<w:style w:styleId="Heading1"><w:name w:val="heading 1"/><w:basedOn w:val="Normal"/>'
            '<w:pPr><w:outlineLvl w:val="0"/></w:pPr><w:rPr><w:b/><w:sz w:val="32"/></w:rPr></w:style>'
            '<w:style w:type="paragraph" w:styleId="Heading1Char2"><w:basedOn w:val="Heading1"/><w:rPr><w:sz w:val="x"/></w:rPr></w:style>'
            '<w:style w:type="character" w:styleId="Strong"><w:rPr><w:b w:val="1"/></w:rPr></w:style>'
            "<w:style><w:name w:val='no id'/></w:style>"
            "</w:styles>"
        ),
        {"heading 1": "Heading 1"},
    )
    assert (sheet.default_bold, sheet.default_size, sheet.default_paragraph) == (False, 11.0, "Normal")
    assert sheet.name("Heading1") == "Heading 1"  # the built-in name as Word shows it
    assert sheet.name("Heading1Char2") == "Heading1Char2"  # no w:name: the id
    assert sheet.name(None) is None and sheet.name("Missing") is None
    assert sheet.styles["Heading1"].type == "paragraph" and sheet.styles["Strong"].type == "character"
    assert len(sheet.styles) == 5
    assert [s.style_id for s in sheet.chain("Heading1Char2")] == ["Heading1Char2", "Heading1", "Normal"]
    assert sheet.inherited("Heading1Char2", "size") == 16.0
    assert sheet.inherited("Heading1Char2", "bold") is True
    assert sheet.inherited("Heading1Char2", "outline_lvl") == 0
    assert sheet.inherited("Normal", "bold") is None
    assert sheet.paragraph_style_id(para()) == "Normal"
    assert sheet.paragraph_style_id(para(style="Plain")) == "Plain"


def test_a_document_without_styles_or_numbering() -> None:
    sheet = StyleSheet(None)
    assert (sheet.styles, sheet.default_paragraph, sheet.default_bold, sheet.default_size) == ({}, None, None, None)
    assert Numbering(None, sheet).label_for(para(1, 0)) is None
