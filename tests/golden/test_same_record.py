"""The same record as text, typed-number DOCX, automatic-numbering DOCX and PDF parses to the
same outline and the same extracted facts (up to whitespace)."""

from __future__ import annotations

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
