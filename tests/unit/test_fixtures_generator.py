"""The committed record fixtures exist, are consistent and match what fixtures/make_fixtures.py builds."""

from __future__ import annotations

import functools
import importlib.util
import re
import sys
import zipfile
from pathlib import Path

import docx
import pytest

from tests.conftest import FIXTURES, SHARED, needs_shared

RECORDS = FIXTURES / "records"
CASES = ("cwg12", "cwg14", "cwg16")
SEED = SHARED / "seed" / "cwg-internet-12-summary-record.txt"
LEADING_NUMBER = re.compile(r"^\s*\d+(\.\s?\d+)*\.?(\s|$)")


@functools.cache
def _generator():
    spec = importlib.util.spec_from_file_location("make_fixtures", FIXTURES / "make_fixtures.py")
    mod = importlib.util.module_from_spec(spec)
    sys.modules.setdefault("make_fixtures", mod)  # dataclasses need the module registered
    spec.loader.exec_module(mod)
    return mod


def _headings(path: Path):
    return [p for p in docx.Document(path).paragraphs if p.style.name.startswith("Heading")]


@pytest.mark.parametrize("case", CASES)
def test_case_has_all_files(case):
    assert (FIXTURES / "sources" / f"{case}.src").is_file()
    for name in (f"{case}.txt", f"{case}-typed.docx", f"{case}-auto.docx", f"{case}.pdf"):
        path = RECORDS / case / name
        assert path.is_file() and path.stat().st_size > 0, path
    assert (RECORDS / case / f"{case}.pdf").read_bytes()[:5] == b"%PDF-"


@pytest.mark.parametrize("case", CASES)
def test_generator_rebuilds_identical_txt_and_docx(case):
    assert _generator().build(case, pdf=False, check=True) == []


@pytest.mark.parametrize("case", CASES)
def test_typed_docx_headings_carry_numbers(case):
    heads = _headings(RECORDS / case / f"{case}-typed.docx")
    assert len(heads) >= 10
    for p in heads:
        assert LEADING_NUMBER.match(p.text), p.text


@pytest.mark.parametrize("case", CASES)
def test_auto_docx_numbers_come_from_numbering_xml(case):
    path = RECORDS / case / f"{case}-auto.docx"
    with zipfile.ZipFile(path) as z:
        numbering = z.read("word/numbering.xml").decode()
    assert 'w:val="%1.%2"' in numbering and 'w:val="%1.%2.%3"' in numbering
    assert 'w:numFmt w:val="bullet"' in numbering
    d = docx.Document(path)
    heads = _headings(path)
    assert len(heads) == len(_headings(RECORDS / case / f"{case}-typed.docx"))
    for p in heads:
        assert not LEADING_NUMBER.match(p.text), p.text
        assert p._p.pPr is None or p._p.pPr.numPr is None  # numbering comes through the style
    for level in (1, 2, 3):
        ppr = d.styles[f"Heading {level}"].element.pPr
        assert ppr is not None and ppr.numPr is not None and ppr.numPr.ilvl.val == level - 1
    direct = [p for p in d.paragraphs if p._p.pPr is not None and p._p.pPr.numPr is not None]
    assert len(direct) >= 10
    for p in direct:
        assert not LEADING_NUMBER.match(p.text), p.text


@pytest.mark.parametrize("case", CASES)
def test_txt_headings_typed(case):
    text = (RECORDS / case / f"{case}.txt").read_text(encoding="utf-8")
    assert "Any other business" in text
    assert re.search(r"^4\.?\s*\n?\s*(Summary of contributions|Consideration of contributions)", text, re.M)


def test_cwg12_keeps_the_seed_defects():
    text = (RECORDS / "cwg12" / "cwg12.txt").read_text(encoding="utf-8")
    for defect in (
        "\n4. 1\t",
        "\n4.4.\t",
        "\n 4.4.2\t",
        "\n7.2 \t",
        "WG-Internet 12/8-E",
        "CWG-Internet 12/2",
    ):
        assert defect in text, defect
    assert "send/update  their" in text
    assert text.startswith("Council Working Group on International Internet-related Public Policy Issues")


@needs_shared
@pytest.mark.shared
def test_cwg12_body_is_the_seed_word_for_word():
    text = (RECORDS / "cwg12" / "cwg12.txt").read_text(encoding="utf-8")
    assert text.endswith(SEED.read_text(encoding="utf-8"))


def test_sources_pass_the_generator_cross_checks():
    gen = _generator()
    for case in CASES:
        rec = gen.parse_source(FIXTURES / "sources" / f"{case}.src")
        assert gen.check_record(rec) == [], case
    assert gen.parse_source(FIXTURES / "sources" / "cwg16.src").meta.get("clean") == "yes"


def test_pdfs_have_running_heads_and_footers():
    import pdfplumber

    expect = {
        "cwg12": ("- 2 -", "CWG-Internet-12/10-E", r"P:\ENG\SG\CONSEIL\CWG-INTERNET\12\010E.docx"),
        "cwg14": ("- 2 -", "CWG-Internet-14/8-E", r"P:\ENG\SG\CONSEIL\CWG-INTERNET\14\008E.docx"),
        "cwg16": ("Page 2 of", "CWG-Internet-16/9-E", "Page 1 of"),
    }
    for case, needles in expect.items():
        with pdfplumber.open(RECORDS / case / f"{case}.pdf") as pdf:
            assert 4 <= len(pdf.pages) <= 12
            first = pdf.pages[0].extract_text()
            second = pdf.pages[1].extract_text()
        assert needles[0] in second and needles[1] in second.splitlines()[0], case
        assert needles[2] in first, case
        assert "- 1 -" not in first  # first page has its own (empty) header
