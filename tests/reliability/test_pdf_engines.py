"""Both PDF engines read the same pages the same way, or say why: a page tree whose /Count lies,
pages turned by /Rotate."""

from __future__ import annotations

from pathlib import Path

import pytest

from cwgtool.readers import pdf
from tests.reliability.helpers import EXIT_LIMIT, RECORDS, assert_clean_failure, cli, fixture_module

make_pdf = fixture_module("make_pdf")
ENGINES = ("pdfium", "pdfplumber")


def _numbered_pages(count: int) -> list[object]:
    return [
        make_pdf.Page(runs=[make_pdf.Run(72, 100, f"The Group noted the report presented on page {n}.")])
        for n in range(1, count + 1)
    ]


def _blocks(path: Path, engine: str) -> list[tuple[object, ...]]:
    """Text, kind, label, page and box (to the point: the engines' glyph widths differ in the
    last decimal) of each block."""
    return [
        (b.text, b.kind, b.label, b.provenance.page, tuple(round(v) for v in b.provenance.bbox or ()))
        for b in pdf.read(path, engine=engine).blocks
    ]


@pytest.mark.parametrize("declared", [1, 100])
def test_a_lying_page_count_does_not_hide_pages(tmp_path: Path, declared: int) -> None:
    """/Count 1 (or 100) over 30 pages: pdfium trusted it (1 page read, or 'Failed to load
    page'); now both engines read the 30 pages, and the pdfium reading says why it changed engine."""
    path = tmp_path / "lying.pdf"
    path.write_bytes(make_pdf.pdf_bytes(_numbered_pages(30), declared_count=declared))
    results = {engine: pdf.read(path, engine=engine) for engine in ENGINES}
    for result in results.values():
        assert result.pages == 30
        assert [b.text for b in result.blocks] == [f"The Group noted the report presented on page {n}." for n in range(1, 31)]
    assert results["pdfium"].warnings == [
        f"the page tree declares {declared} page(s) but holds 30; "
        "read with the pdfplumber engine, which does not trust the declared count"
    ]


@pytest.mark.parametrize("engine", ENGINES)
def test_a_lying_page_count_cannot_get_past_the_page_limit(tmp_path: Path, engine: str) -> None:
    path = tmp_path / "many.pdf"
    path.write_bytes(make_pdf.pdf_bytes(_numbered_pages(300), declared_count=1))
    run = cli(["--max-pages", "200", "parse", "--pdf-engine", engine, str(path)])
    assert_clean_failure(
        run, path, EXIT_LIMIT,
        "has 300 pages, which exceeds the 200 page limit; raise it with --max-pages or CWGTOOL_MAX_PAGES",
    )


def test_an_honest_page_count_keeps_the_fast_engine(tmp_path: Path) -> None:
    path = tmp_path / "honest.pdf"
    path.write_bytes(make_pdf.pdf_bytes(_numbered_pages(3)))
    assert not any("page tree" in w for w in pdf.read(path, engine="pdfium").warnings)


@pytest.mark.parametrize("rotate", [90, 180, 270])
def test_rotated_pages_read_alike_with_both_engines(tmp_path: Path, rotate: int) -> None:
    """/Rotate turns a page for display only: pdfplumber turned its coordinates too and read a
    /Rotate 90 page as one-letter vertical fragments, where pdfium read the lines."""
    paragraphs = make_pdf.record_paragraphs((RECORDS / "cwg12" / "cwg12.txt").read_text(encoding="utf-8"))[:40]
    upright = make_pdf.typeset(paragraphs, furniture=make_pdf.itu_furniture)
    plain = tmp_path / "plain.pdf"
    plain.write_bytes(make_pdf.pdf_bytes(upright))
    for page in upright[1::2]:  # every other page turned, as an annex in landscape would be
        page.rotate = rotate
    turned = tmp_path / "turned.pdf"
    turned.write_bytes(make_pdf.pdf_bytes(upright))
    reference = _blocks(plain, "pdfium")
    assert len(reference) > 30
    assert _blocks(turned, "pdfium") == reference
    assert _blocks(turned, "pdfplumber") == reference
