"""Running heads and feet: removed when they are furniture, never at the cost of the body.

A line is furniture only when it repeats in the same place on most pages, or is a page number
(or has the form of an ITU head or foot); a numbered heading or a sentence never is. The PDFs
are typeset here by ``fixtures/make_pdf.py``: a long record whose text repeats, and pages with
heads and feet placed where each rule can be seen to hold.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from cwgtool.readers import pdf
from tests.reliability.helpers import RECORDS, fixture_module

make_pdf = fixture_module("make_pdf")
Run = make_pdf.Run
ENGINES = ("pdfium", "pdfplumber")
REMOVED = re.compile(r"^(\d+) line\(s\) on (\d+) page\(s\) removed as running heads, feet and page numbers$")


def _norm(text: str) -> str:
    return " ".join(text.replace("\t", " ").split())


def _lost(paragraphs: list[str], result: object) -> list[str]:
    """The paragraphs not found, in order, in the blocks' text (labels included)."""
    joined = "\n".join(_norm(f"{b.label or ''} {b.text}") for b in result.blocks)  # type: ignore[attr-defined]
    lost, pos = [], 0
    for p in paragraphs:
        want = _norm(p)
        i = joined.find(want, pos, pos + len(want) + 1000)  # near where the last one ended
        if i < 0:
            lost.append(p)
        else:
            pos = i + len(want)
    return lost


def _removed(result: object) -> int:
    counts = [int(m.group(1)) for w in result.warnings if (m := REMOVED.match(w))]  # type: ignore[attr-defined]
    assert len(counts) <= 1
    return counts[0] if counts else 0


def _long_record(tmp_path: Path, copies: int) -> tuple[Path, list[str], int]:
    """The 12th record ``copies`` times over: every heading and stock sentence repeats, and
    copies land at the top and bottom of pages at the same height."""
    paragraphs = make_pdf.record_paragraphs((RECORDS / "cwg12" / "cwg12.txt").read_text(encoding="utf-8"), copies)
    pages = make_pdf.typeset(paragraphs, furniture=make_pdf.itu_furniture)
    path = tmp_path / "long.pdf"
    path.write_bytes(make_pdf.pdf_bytes(pages))
    return path, paragraphs, len(pages)


# Ten copies (96 pages, like the 93-page record of the report) with the default engine; three
# with the reference engine, which reads a page several times slower.
@pytest.mark.parametrize(("engine", "copies"), [("pdfium", 10), ("pdfplumber", 3)])
def test_long_record_keeps_every_paragraph(tmp_path: Path, engine: str, copies: int) -> None:
    path, paragraphs, pages = _long_record(tmp_path, copies)
    result = pdf.read(path, engine=engine)
    assert result.pages == pages >= 9 * copies
    assert _lost(paragraphs, result) == []  # the ITU-rendered original lost 110 paragraphs
    # what went: the stamp on every page, "- n -" and the body's name from page 2 on
    assert _removed(result) == 3 * pages - 2
    assert result.headers_footers == [
        r"P:\ENG\SG\COUNCIL\CWG-INTERNET\12\010E.docx (451234)", "- 2 -", make_pdf.HEAD
    ]


def _read(tmp_path: Path, pages: list[object]) -> object:
    path = tmp_path / "pages.pdf"
    path.write_bytes(make_pdf.pdf_bytes(pages))
    return pdf.read(path, engine="pdfium")


def _page(*runs: Run, size: tuple[float, float] = make_pdf.A4) -> object:
    body = Run(72, size[1] / 2, "The Group noted the report of the secretariat.")
    return make_pdf.Page(size[0], size[1], [*runs, body])


def _texts(result: object) -> list[str]:
    return [b.text for b in result.blocks]  # type: ignore[attr-defined]


def test_a_line_repeated_on_two_of_nine_pages_is_body(tmp_path: Path) -> None:
    """Two pages are not most pages: an unnumbered heading that happens to open two pages at the
    same height stays (the old rule, "at least two pages", took it for a running head)."""
    pages = [_page(Run(72, 80, "Discussion", bold=True)) if n in (3, 7) else _page() for n in range(1, 10)]
    result = _read(tmp_path, pages)
    assert _texts(result).count("Discussion") == 2
    assert _removed(result) == 0


def test_a_head_on_both_pages_after_the_first_goes(tmp_path: Path) -> None:
    """Three pages, a head on pages 2 and 3: two is most of the pages after the first."""
    head = Run(72, 40, make_pdf.HEAD, size=9)
    result = _read(tmp_path, [_page(), _page(head), _page(head)])
    assert make_pdf.HEAD not in " ".join(_texts(result))
    assert result.headers_footers == [make_pdf.HEAD] and _removed(result) == 2  # type: ignore[attr-defined]


def test_same_place_means_within_half_an_em(tmp_path: Path) -> None:
    jittered = [_page(Run(72, 40 + (n % 3), make_pdf.HEAD, size=9)) for n in range(6)]  # 0-2 pt apart
    assert _removed(_read(tmp_path, jittered)) == 6
    # the same words one line pitch lower on each page are not a running head
    moving = [_page(Run(72, 30 + 11 * n, make_pdf.HEAD, size=9)) for n in range(6)]
    result = _read(tmp_path, moving)
    assert _texts(result).count(make_pdf.HEAD) == 6 and _removed(result) == 0


def test_feet_are_placed_from_the_bottom_edge_and_heads_from_the_top(tmp_path: Path) -> None:
    """Portrait, landscape and A5 pages (annex tables are often landscape): a foot 30 pt above
    the bottom edge and a head 40 pt below the top are in the same place on all of them,
    although the foot's distance from the top differs on each kind of page."""
    foot = "Council Working Group restricted distribution"
    sizes = (make_pdf.A4, make_pdf.A4_LANDSCAPE, (420.0, 595.0))
    pages = [
        _page(Run(72, 40, make_pdf.HEAD, size=9), Run(72, size[1] - 30, foot, size=9), size=size)
        for size in sizes * 3
    ]
    result = _read(tmp_path, pages)
    assert result.headers_footers == [make_pdf.HEAD, foot]  # type: ignore[attr-defined]
    assert _removed(result) == 18 and _texts(result) == ["The Group noted the report of the secretariat."] * 9


def test_pages_are_counted_not_lines(tmp_path: Path) -> None:
    """A table row repeating a word on one page is one page, not two."""
    row = (Run(72, 60, "Noted"), Run(320, 60, "Noted"))
    result = _read(tmp_path, [_page(), _page(), _page(*row), _page(), _page()])
    assert _removed(result) == 0
    assert "Noted" in " ".join(_texts(result))


def test_numbered_headings_and_sentences_are_never_furniture(tmp_path: Path) -> None:
    """Every page opens with the same numbered heading and closes with the same sentence, at the
    same place: both are body text."""
    heading = Run(72, 60, "5 Any other business", bold=True)
    sentence = Run(72, 800, "Some Member States supported the contribution.")
    result = _read(tmp_path, [_page(heading, sentence) for _ in range(5)])
    texts = _texts(result)
    assert texts.count("5 Any other business") == 5
    assert sum(t.count("Some Member States supported the contribution.") for t in texts) == 5
    assert _removed(result) == 0 and result.headers_footers == []  # type: ignore[attr-defined]
