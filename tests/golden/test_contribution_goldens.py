"""Golden files for the contribution-document fixtures, and the same facts across formats.

Every ``fixtures/contributions/<case>/<file>`` has its full `parse` JSON in
``fixtures/contributions/<case>/golden/<file>.json``. Regenerate only deliberately, with
``CWGTOOL_REGEN_GOLDENS=1 python -m pytest tests/golden/test_contribution_goldens.py``, and read
the diff before committing it.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from cwgtool import parse
from cwgtool.model import Document
from tests.conftest import FIXTURES
from tests.golden.goldens import at_root, check_golden, rel  # noqa: F401 (at_root: autouse fixture)
from tests.golden.test_same_record import outline

CONTRIB = FIXTURES / "contributions"
CASES = sorted(p.name for p in CONTRIB.iterdir() if p.is_dir() and (p / f"{p.name}.txt").exists())
INPUTS = sorted(p for case in CASES for p in (CONTRIB / case).iterdir() if p.suffix in (".txt", ".docx", ".pdf"))
VARIANTS = ["-typed.docx", "-auto.docx", ".pdf"]


@pytest.mark.parametrize("doc", INPUTS, ids=rel)
def test_golden(doc: Path) -> None:
    check_golden(doc)


def _ws(text: str) -> str:
    return " ".join(text.split())


def facts(doc: Document) -> dict[str, object]:
    return {
        "cover": [doc.kind, doc.symbol, doc.revision, doc.date, doc.language, doc.meeting.model_dump(), doc.source_line, doc.title],
        "submitters": [(s.name, s.iso3) for s in doc.submitters],
        "sections": outline(doc),
        "topics": [(t.title, t.questions, t.source, t.section, [s.iso3 for s in t.proposed_by]) for t in doc.topics],
        "actions": [(a.id, a.actor, a.addressee, _ws(a.text), a.section, a.source) for a in doc.actions],
        "annexes": [(a.title, [(p.number, p.label, _ws(p.text)) for p in a.paragraphs]) for a in doc.annexes],
    }


_cache: dict[Path, Document] = {}


def _parse(path: Path) -> Document:
    if path not in _cache:
        _cache[path] = parse(rel(path))
    return _cache[path]


@pytest.mark.parametrize("variant", VARIANTS)
@pytest.mark.parametrize("case", CASES)
def test_same_facts_in_every_format(case: str, variant: str) -> None:
    reference = facts(_parse(CONTRIB / case / f"{case}.txt"))
    got = facts(_parse(CONTRIB / case / f"{case}{variant}"))
    for key, value in reference.items():
        assert got[key] == value, key
