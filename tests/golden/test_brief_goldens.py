"""Golden Markdown briefs: ``fixtures/records/<case>/golden/<case>.brief.md`` is the brief of the
case's record, and every format of that record (text, both DOCX, PDF) gives the same brief
but for the file name.

Regenerate with ``CWGTOOL_REGEN_GOLDENS=1 python -m pytest tests/golden`` and read the diff.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from cwgtool import parse
from cwgtool.brief import build_brief
from cwgtool.render.brief_md import render_md
from tests.conftest import FIXTURES
from tests.golden.goldens import REGEN, at_root, rel  # noqa: F401 (at_root: autouse fixture)

CASES = sorted(p for p in (FIXTURES / "records").iterdir() if p.is_dir())


def golden(case: Path) -> Path:
    return case / "golden" / f"{case.name}.brief.md"


def brief_md(doc: Path) -> str:
    return render_md(build_brief([parse(rel(doc))]))


@pytest.mark.parametrize("case", CASES, ids=lambda p: p.name)
def test_brief_golden(case: Path) -> None:
    got = brief_md(case / f"{case.name}.txt")
    target = golden(case)
    if REGEN:
        target.write_text(got, encoding="utf-8")
    elif not target.exists():
        pytest.fail(f"no golden for {rel(target)}; run with CWGTOOL_REGEN_GOLDENS=1 and review it")
    assert got == target.read_text(encoding="utf-8")


@pytest.mark.parametrize("case", CASES, ids=lambda p: p.name)
@pytest.mark.parametrize("variant", ["-typed.docx", "-auto.docx", ".pdf"])
def test_every_format_gives_the_same_brief(case: Path, variant: str) -> None:
    doc = case / f"{case.name}{variant}"
    expected = golden(case).read_text(encoding="utf-8").replace(rel(case / f"{case.name}.txt"), rel(doc))
    assert brief_md(doc) == expected
