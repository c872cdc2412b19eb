"""Golden files for the contribution-document fixtures, and the same facts across formats.

Every ``fixtures/contributions/<case>/<file>`` has its full `parse` JSON in
``fixtures/contributions/<case>/golden/<file>.json``. Regenerate only deliberately, with
``CWGTOOL_REGEN_GOLDENS=1 python -m pytest tests/golden/test_contribution_goldens.py``, and read
the diff before committing it.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

import jsonschema
import pytest

from cwgtool import parse
from cwgtool.model import Document, json_schema
from tests.conftest import FIXTURES, ROOT
from tests.golden.test_same_record import outline

REGEN = os.environ.get("CWGTOOL_REGEN_GOLDENS") == "1"
CONTRIB = FIXTURES / "contributions"
CASES = sorted(p.name for p in CONTRIB.iterdir() if p.is_dir() and (p / f"{p.name}.txt").exists())
INPUTS = sorted(p for case in CASES for p in (CONTRIB / case).iterdir() if p.suffix in (".txt", ".docx", ".pdf"))
VARIANTS = ["-typed.docx", "-auto.docx", ".pdf"]


def golden_path(doc: Path) -> Path:
    return doc.parent / "golden" / f"{doc.name}.json"


def rel(p: Path) -> str:
    return p.relative_to(ROOT).as_posix()


@pytest.fixture(autouse=True)
def _at_root(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(ROOT)  # provenance paths in goldens are relative to the repo root


@pytest.mark.parametrize("doc", INPUTS, ids=rel)
def test_golden(doc: Path) -> None:
    got = parse(rel(doc)).model_dump(mode="json")
    target = golden_path(doc)
    if REGEN:
        target.parent.mkdir(exist_ok=True)
        target.write_text(json.dumps(got, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    elif not target.exists():
        pytest.fail(f"no golden for {rel(doc)}; run with CWGTOOL_REGEN_GOLDENS=1 and review it")
    expected = json.loads(target.read_text(encoding="utf-8"))
    assert got == expected
    jsonschema.validate(expected, json_schema())


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
