"""The invented Council-family documents of fixtures/make_variants.py, in every rendering: text,
DOCX with typed numbers, DOCX with automatic numbering, PDF, text as pdftotext prints the PDF, and text
that lost all its line breaks. Each must give the facts a careful reader extracts (kind, symbol,
date, meeting, sections, numbered paragraphs, contributions, topics, submitters)."""

from __future__ import annotations

import functools
import importlib.util
import sys
from pathlib import Path

import pytest

import cwgtool
from cwgtool.model import Document
from cwgtool.symbols import parse_symbol
from tests.conftest import FIXTURES


@functools.cache
def _module():
    spec = importlib.util.spec_from_file_location("make_variants", FIXTURES / "make_variants.py")
    mod = importlib.util.module_from_spec(spec)
    sys.modules.setdefault("make_variants", mod)  # dataclasses need the module registered
    spec.loader.exec_module(mod)
    return mod


VARIANTS = {v.name: v for v in _module().variants()}
TEXTS = [".txt", "-pdftotext.txt", "-runon.txt"]
DOCX = ["-typed.docx", "-auto.docx"]
PDF = [".pdf"]


@functools.cache
def _parsed(name: str, rendering: str, tmp: Path) -> Document:
    variant = VARIANTS[name]
    mod = _module()
    if rendering in DOCX or rendering in PDF:
        path = tmp / f"{name}{rendering}"
        data = mod.render_pdf(variant) if rendering in PDF else mod.render_docx(variant, auto=rendering == "-auto.docx")
        path.write_bytes(data)
        return cwgtool.parse(str(path))
    return cwgtool.parse(f"{name}{rendering}", text=mod.renderings(variant)[rendering])


def _contributions(doc: Document) -> list[tuple[str | None, list[str]]]:
    return [(c.symbol, [s.iso3 for s in c.submitters if s.iso3]) for c in doc.contributions]


@pytest.fixture(scope="module")
def tmp(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("variants")


@pytest.mark.parametrize("rendering", TEXTS + DOCX + PDF)
@pytest.mark.parametrize("name", sorted(VARIANTS))
def test_variant_facts(name: str, rendering: str, tmp: Path) -> None:
    want = VARIANTS[name].expected
    doc = _parsed(name, rendering, tmp)
    symbol = parse_symbol(doc.symbol) if doc.symbol else None
    got_symbol = doc.symbol if symbol is None else doc.symbol
    assert (doc.kind.value, got_symbol, doc.date) == (want.kind, want.symbol, want.date)
    assert (doc.meeting.body, doc.meeting.number) == (want.body, want.number)
    assert [s.number for s in doc.sections] == want.sections
    assert [p.number for s in doc.iter_sections() for p in s.paragraphs if p.number] == want.paragraphs
    assert [s.number for s in doc.iter_sections() if s.number and s.number.count(".")] == want.subsections, "no invented subsection"
    for symbol_, submitters in want.contributions:
        assert (symbol_, submitters) in _contributions(doc)
    assert [(t.title, len(t.questions)) for t in doc.topics] == want.topics
    if want.topic_status is not None:  # what the meeting made of each topic
        assert [t.status for t in doc.topics] == want.topic_status
    if want.topic_labels is not None:
        assert [t.label for t in doc.topics] == want.topic_labels
    if want.topic_proposers is not None:
        assert [[s.iso3 or s.name for s in t.proposed_by] for t in doc.topics] == want.topic_proposers
    assert [s.iso3 or s.name for s in doc.submitters] == want.submitters
    if want.actions is not None:  # decisions of the body stated in the discussion
        assert len([a for a in doc.actions if a.source == "discussion"]) == want.actions
