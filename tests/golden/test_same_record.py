"""The same record as text, typed-number DOCX, automatic-numbering DOCX and PDF parses to the
same outline and the same extracted facts (up to whitespace); so does its text as pdftotext
prints it, and, as far as the numbers carry it, its text with every line break lost."""

from __future__ import annotations

import functools
import importlib.util
import sys
from pathlib import Path

import pytest

from cwgtool import parse
from cwgtool.model import Document, Section
from tests.conftest import FIXTURES

CASES = sorted(p.name for p in (FIXTURES / "records").iterdir() if p.is_dir() and (p / f"{p.name}.txt").exists())
VARIANTS = ["-typed.docx", "-auto.docx", ".pdf"]


def _ws(text: str) -> str:
    return " ".join(text.split())


def outline(doc: Document) -> list[tuple]:
    out: list[tuple] = []

    def walk(sections: list[Section]) -> None:
        for s in sections:
            out.append(("section", s.number, _ws(s.title), s.level))
            out.extend(("paragraph", s.number, p.number, _ws(p.text)) for p in s.paragraphs)
            walk(s.children)

    walk(doc.sections)
    return out


def facts(doc: Document) -> dict[str, list]:
    return {
        "contributions": [(c.symbol, [(s.name, s.iso3) for s in c.submitters], c.section) for c in doc.contributions],
        "positions": [(p.section, p.actor, p.stance, p.contribution, p.topic, tuple(p.members)) for p in doc.positions],
        "actions": [(a.id, a.actor, a.addressee, a.due, a.source) for a in doc.actions],
        "topics": [(_ws(t.title), t.source, len(t.questions), len(t.revised_questions)) for t in doc.topics],
        "meta": [doc.kind, doc.symbol, doc.meeting.number, doc.meeting.start_date],
    }


_cache: dict[Path, Document] = {}


def _parse(path: Path) -> Document:
    if path not in _cache:
        _cache[path] = parse(str(path))
    return _cache[path]


@pytest.mark.parametrize("variant", VARIANTS)
@pytest.mark.parametrize("case", CASES)
def test_same_sections(case: str, variant: str) -> None:
    base = FIXTURES / "records" / case
    reference = outline(_parse(base / f"{case}.txt"))
    assert reference, "the text version has no outline"
    assert outline(_parse(base / f"{case}{variant}")) == reference


@pytest.mark.parametrize("variant", VARIANTS)
@pytest.mark.parametrize("case", CASES)
def test_same_facts(case: str, variant: str) -> None:
    base = FIXTURES / "records" / case
    assert facts(_parse(base / f"{case}{variant}")) == facts(_parse(base / f"{case}.txt"))


# ---- the same record as text that reached the user mangled (fixtures/make_variants.py) ----------


@functools.cache
def _manglers():
    spec = importlib.util.spec_from_file_location("make_variants", FIXTURES / "make_variants.py")
    mod = importlib.util.module_from_spec(spec)
    sys.modules.setdefault("make_variants", mod)
    spec.loader.exec_module(mod)
    return mod


def _mangled(case: str, how: str) -> Document:
    base = FIXTURES / "records" / case
    text = (base / f"{case}.txt").read_text(encoding="utf-8")
    reference = _parse(base / f"{case}.txt")
    mod = _manglers()
    if how == "pdftotext":
        head = f"{reference.symbol}-E" if reference.symbol else ""
        return parse(f"{case}-pdftotext.txt", text=mod.pdftotext_like(text, head))
    return parse(f"{case}-runon.txt", text=mod.without_line_breaks(text))


def _skeleton(doc: Document) -> dict[str, list]:
    """What survives the loss of every line break: the numbered outline, the numbered paragraphs,
    the contributions and the cover facts (unnumbered paragraphs run into the one before)."""
    return {
        "sections": [s.number for s in doc.iter_sections() if s.number],
        "paragraphs": [p.number for s in doc.iter_sections() for p in s.paragraphs if p.number],
        "contributions": [(c.symbol, [s.iso3 for s in c.submitters]) for c in doc.contributions],
        "meta": [doc.kind, doc.symbol, doc.date, doc.meeting.body, doc.meeting.number, doc.meeting.start_date],
    }


@pytest.mark.parametrize("case", CASES)
def test_same_record_from_pdftotext(case: str) -> None:
    """pdftotext output: wrapped lines, numbers on their own lines, page numbers and running heads."""
    reference = _parse(FIXTURES / "records" / case / f"{case}.txt")
    doc = _mangled(case, "pdftotext")
    assert outline(doc) == outline(reference)
    assert facts(doc) == facts(reference)


@pytest.mark.parametrize("case", CASES)
def test_same_record_without_line_breaks(case: str) -> None:
    """The numbers carry the outline down to "4.1.1"; what is lost is said here: a lettered item
    glued to its heading ("Discussiona. Concerning the topic …") is not cut, so that heading
    reads as a numbered paragraph, and a contents line whose page number runs into the next
    entry ("… 12. Adoption") keeps the next entry. At most two such numbers per record."""
    reference = _skeleton(_parse(FIXTURES / "records" / case / f"{case}.txt"))
    got = _skeleton(_mangled(case, "runon"))
    assert got["meta"] == reference["meta"]
    assert got["contributions"] == reference["contributions"]
    top = [n for n in reference["sections"] if n.count(".") <= 1]
    assert [n for n in got["sections"] if n.count(".") <= 1] == top
    assert set(reference["paragraphs"]) <= set(got["paragraphs"])
    assert len(set(got["paragraphs"]) - set(reference["paragraphs"])) <= 2
