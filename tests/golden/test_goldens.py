"""Golden files: the full `parse` JSON of every record fixture, checked through the library and
the CLI, and validated against the published JSON Schema.

Regenerate with ``CWGTOOL_REGEN_GOLDENS=1 python -m pytest tests/golden`` and read the diff
(``git diff fixtures/``) before committing it.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.conftest import FIXTURES
from tests.golden.goldens import at_root, check_golden, golden_path, rel  # noqa: F401 (at_root: autouse fixture)

INPUTS = sorted(
    p for p in (FIXTURES / "records").glob("*/*") if p.suffix in (".txt", ".docx", ".pdf") and p.is_file()
)


@pytest.mark.parametrize("doc", INPUTS, ids=rel)
def test_golden(doc: Path) -> None:
    check_golden(doc)


def test_cli_matches_library() -> None:
    """The CLI prints exactly the library's JSON (one fixture per format is enough)."""
    from typer.testing import CliRunner

    from cwgtool.cli import app

    runner = CliRunner()
    for suffix in (".txt", "-auto.docx", ".pdf"):
        doc = FIXTURES / "records" / "cwg14" / f"cwg14{suffix}"
        result = runner.invoke(app, ["parse", rel(doc), "--no-cache"])
        assert result.exit_code == 0, result.output
        assert json.loads(result.stdout) == json.loads(golden_path(doc).read_text(encoding="utf-8"))

