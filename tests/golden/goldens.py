"""Shared golden-file check: the full `parse` JSON of a fixture beside it, in ``golden/``.

Regenerate deliberately with ``CWGTOOL_REGEN_GOLDENS=1 python3 -m pytest tests/golden`` and read
``git diff fixtures/`` before committing.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

import jsonschema
import pytest

from cwgtool import parse
from cwgtool.model import json_schema
from tests.conftest import ROOT

REGEN = os.environ.get("CWGTOOL_REGEN_GOLDENS") == "1"


def golden_path(doc: Path) -> Path:
    return doc.parent / "golden" / f"{doc.name}.json"


def rel(p: Path) -> str:
    return p.relative_to(ROOT).as_posix()


def check_golden(doc: Path) -> dict:
    """Parse ``doc`` (by its repo-relative path, so provenance is stable), compare with its
    golden, validate the golden against the published schema; return the golden."""
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
    return expected


@pytest.fixture(autouse=True)
def at_root(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(ROOT)  # provenance paths in goldens are relative to the repo root
