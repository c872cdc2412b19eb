"""Foreign documents (not CWG records) through ``cwgtool parse``: a result or a clean error, never
a traceback, and never an invented contribution, position, action or topic.

The committed copies in fixtures/foreign always run; the full shared corpus runs when present.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.conftest import committed, needs_shared, shared_files
from tests.reliability.helpers import EXIT_INPUT, EXIT_LIMIT, SHARED_FOREIGN, cli

ENGINES = ("pdfplumber", "pdfium")
LOCAL = sorted({*committed("fixtures/foreign/*.pdf"), *committed("fixtures/foreign/*.docx")})
SHARED = sorted({*shared_files("corpus/foreign/*.pdf"), *shared_files("corpus/foreign/*.docx")})
GENERIC = "not recognised as a CWG summary record or contribution; parsed generically"


def _cases(files: list[Path]) -> list[tuple[Path, str]]:
    # the engine only matters for PDFs
    return [(f, e) for f in files for e in ENGINES if f.suffix == ".pdf" or e == ENGINES[0]]


def check_foreign(path: Path, engine: str) -> None:
    run = cli(["parse", "--pdf-engine", engine, str(path)])
    assert run.exception is None, repr(run.exception)
    assert "Traceback" not in run.stderr
    assert run.exit_code in (0, EXIT_INPUT, EXIT_LIMIT), (run.exit_code, run.stderr)
    if run.exit_code:
        lines = run.stderr.splitlines()
        assert len(lines) == 1 and lines[0].startswith(f"cwgtool: {path}: "), run.stderr
        assert run.stdout == ""
        return
    doc = json.loads(run.stdout)
    assert doc["kind"] == "unknown"
    assert f"cwgtool: warning: {path}: {GENERIC}" in run.stderr.splitlines()
    for facts in ("contributions", "positions", "actions", "topics"):
        assert doc.get(facts, []) == [], facts


@pytest.mark.parametrize(("path", "engine"), _cases(LOCAL), ids=lambda v: v.name if isinstance(v, Path) else v)
def test_committed_foreign_files(path: Path, engine: str) -> None:
    check_foreign(path, engine)


@needs_shared
@pytest.mark.shared
@pytest.mark.parametrize(("path", "engine"), _cases(SHARED), ids=lambda v: v.name if isinstance(v, Path) else v)
def test_shared_foreign_corpus(path: Path, engine: str) -> None:
    check_foreign(path, engine)


def test_committed_copies_match_the_corpus() -> None:
    """The committed copies are byte-for-byte the shared files (when the corpus is here to compare)."""
    assert LOCAL, "fixtures/foreign is empty"
    for p in LOCAL:
        assert p.stat().st_size < 100_000
        shared = SHARED_FOREIGN / p.name
        if shared.exists():
            assert shared.read_bytes() == p.read_bytes(), p.name
