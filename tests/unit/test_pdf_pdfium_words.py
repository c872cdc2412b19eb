"""The pdfium engine's word shortcut gives exactly the lines of reading every character.

The shortcut (see ``cwgtool.readers.pdf_pdfium``) trusts pdfium's word breaks and reads only a
word's two ends; these PDFs are written by hand to hit each case where that would be wrong —
letter-spacing, a font or baseline change inside a word, text drawn right to left, rotated
text — and the record fixtures show it changes nothing on real-looking documents.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from cwgtool.readers.pdf_layout import PageLines
from cwgtool.readers.pdf_pdfium import extract_pages
from tests.conftest import committed
from tests.unit.test_pdf_reader import write_pdf_streams

FIXTURE_PDFS = sorted(
    {*committed("fixtures/records/*/*.pdf"), *committed("fixtures/contributions/*/*.pdf"), *committed("fixtures/meetings/*/*.pdf")}
)


def one_page_pdf(path: Path, content: bytes) -> Path:
    """A one-page PDF with Helvetica (/F1) and Helvetica-Bold (/F2) and the given content stream."""
    return write_pdf_streams(path, [content], compress=False)


def lines(pages: list[PageLines]) -> list[tuple[object, ...]]:
    return [(ln.page, ln.text, ln.x0, ln.x1, ln.top, ln.size, ln.bold, ln.fontname) for p in pages for ln in p.lines]


def both(pdf: Path) -> tuple[list[tuple[object, ...]], list[tuple[object, ...]]]:
    fast, _ = extract_pages(pdf, None, None)
    exact, _ = extract_pages(pdf, None, None, exact=True)
    return lines(fast), lines(exact)


@pytest.mark.equivalence
@pytest.mark.parametrize("pdf", FIXTURE_PDFS, ids=lambda p: p.name)
def test_fixture_lines_identical(pdf: Path) -> None:
    """Equivalence only (not run by default): the goldens pin what the fixtures give."""
    fast, exact = both(pdf)
    assert fast and fast == exact


CASES = {
    # 5 pt of letter-spacing (0.42 em): a reader sees separate letters
    "letter-spaced": (b"BT /F1 12 Tf 5 Tc 72 700 Td (SPACED) Tj 0 Tc ( and normal words) Tj ET", "S P A C E D"),
    # the first two letters bold: the line is not all bold
    "font change inside a word": (b"BT /F2 12 Tf 72 700 Td (Bo) Tj /F1 12 Tf (ld) Tj ET", "Bold"),
    # a mirrored text matrix: each word's box runs backwards; the layout orders letters by x
    "drawn right to left": (b"BT /F1 12 Tf -1 0 0 1 200 700 Tm (mirror text) Tj ET", "txet rorrim"),
    # a rotated caption beside normal text
    "rotated": (b"BT /F1 12 Tf 0 1 -1 0 300 300 Tm (Rotated caption) Tj ET BT /F1 12 Tf 72 700 Td (Upright text) Tj ET", None),
    # a word split over two shows of the same font (LibreOffice does this at kerning pairs)
    "one word, two shows": (b"BT /F1 12 Tf 72 700 Td (Inter) Tj (net governance) Tj ET", "Internet governance"),
}


@pytest.mark.parametrize("name", CASES)
def test_shortcut_falls_back_where_it_would_differ(tmp_path: Path, name: str) -> None:
    content, expected = CASES[name]
    fast, exact = both(one_page_pdf(tmp_path / "case.pdf", content))
    assert fast == exact
    if expected is not None:
        assert any(expected in str(ln[1]) for ln in fast), fast


def test_font_change_inside_word_is_not_bold(tmp_path: Path) -> None:
    fast, _ = both(one_page_pdf(tmp_path / "case.pdf", CASES["font change inside a word"][0]))
    assert [ln[6] for ln in fast] == [False]


def test_raised_mark_inside_a_word(tmp_path: Path) -> None:
    """The known approximation: a word whose two ends agree is read as one piece, so a raised
    mark inside it ("States¹agreed") does not pull the line's average baseline up. Same text,
    and the line's top moves by less than the rise (5 pt) spread over the word's letters."""
    content = b"BT /F1 12 Tf 72 700 Td (States) Tj 5 Ts (1) Tj 0 Ts (agreed) Tj ET"
    fast, exact = both(one_page_pdf(tmp_path / "case.pdf", content))
    assert [ln[1] for ln in fast] == [ln[1] for ln in exact] == ["States1agreed"]
    assert abs(fast[0][4] - exact[0][4]) < 5 / 13  # type: ignore[operator]


def test_break_characters_are_what_the_word_pattern_splits_on() -> None:
    """``_BREAKS`` holds exactly the characters a word never contains (``\\s`` and pdfium's
    hyphen marks), so a one-character match is a break if and only if it is in the set."""
    import re

    from cwgtool.readers.pdf_pdfium import _BREAKS

    breaker = re.compile(r"[\s\x02\ufffe]")
    chars = {chr(c) for c in range(0x10000) if not 0xD800 <= c <= 0xDFFF}
    assert {c for c in chars if breaker.fullmatch(c)} == _BREAKS


def test_word_matches_tile_the_text() -> None:
    """The reader finds each word's position by adding up the lengths of the matches before it,
    which is right only if the matches cover every character, in order."""
    import random

    from cwgtool.readers.pdf_pdfium import _WORD_OR_BREAK

    rng = random.Random(3)
    alphabet = "ab1 \t\r\n\x02\ufffe\xa0\u2003.-’é中"
    for _ in range(2000):
        text = "".join(rng.choice(alphabet) for _ in range(rng.randrange(0, 40)))
        assert "".join(_WORD_OR_BREAK.findall(text)) == text, repr(text)
