"""Golden files: the full `parse` JSON of every record fixture, checked through the library and
the CLI, and validated against the published JSON Schema.

Regenerate with ``CWGTOOL_REGEN_GOLDENS=1 python -m pytest tests/golden`` and read the diff
(``git diff fixtures/``) before committing it.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

import jsonschema
import pytest

from cwgtool import parse
from cwgtool.model import json_schema
from tests.conftest import FIXTURES, ROOT

REGEN = os.environ.get("CWGTOOL_REGEN_GOLDENS") == "1"
INPUTS = sorted(
    p for p in (FIXTURES / "records").glob("*/*") if p.suffix in (".txt", ".docx", ".pdf") and p.is_file()
)


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
    if REGEN or not target.exists():
        if not REGEN:
            pytest.fail(f"no golden for {rel(doc)}; run with CWGTOOL_REGEN_GOLDENS=1 and review it")
        target.parent.mkdir(exist_ok=True)
        target.write_text(json.dumps(got, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    expected = json.loads(target.read_text(encoding="utf-8"))
    assert got == expected


@pytest.mark.parametrize("doc", INPUTS, ids=rel)
def test_golden_validates_against_schema(doc: Path) -> None:
    target = golden_path(doc)
    if not target.exists():
        pytest.skip("golden not generated yet")
    jsonschema.validate(json.loads(target.read_text(encoding="utf-8")), json_schema())


def test_cli_matches_library() -> None:
    """The CLI prints exactly the library's JSON (one fixture per format is enough)."""
    from typer.testing import CliRunner

    from cwgtool.cli import _register, app

    _register()
    runner = CliRunner()
    for suffix in (".txt", "-auto.docx", ".pdf"):
        doc = FIXTURES / "records" / "cwg14" / f"cwg14{suffix}"
        result = runner.invoke(app, ["parse", rel(doc), "--no-cache"] if "--no-cache" in _parse_options() else ["parse", rel(doc)])
        assert result.exit_code == 0, result.output
        assert json.loads(result.stdout) == json.loads(golden_path(doc).read_text(encoding="utf-8"))


def _parse_options() -> str:
    from typer.testing import CliRunner

    from cwgtool.cli import app

    return CliRunner().invoke(app, ["parse", "--help"]).output
