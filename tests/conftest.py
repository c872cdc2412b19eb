from __future__ import annotations

import os
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "fixtures"
SHARED = ROOT.parent / "shared"
FOREIGN = SHARED / "corpus" / "foreign"

needs_shared = pytest.mark.skipif(not SHARED.is_dir(), reason="../shared is not present")


def committed(pattern: str) -> list[Path]:
    """The repository's files matching ``pattern`` (relative to the root), sorted. None at all is
    an error at collection: a fixture that disappears must fail the suite, not skip its tests."""
    found = sorted(ROOT.glob(pattern))
    if not found:
        raise FileNotFoundError(f"no committed file matches {pattern}")
    return found


def shared_files(pattern: str) -> list[Path]:
    """The files of ../shared matching ``pattern``: none when ../shared is absent (the only
    absence that may skip — mark the test ``needs_shared``), an error when it is there without
    them."""
    if not SHARED.is_dir():
        return []
    found = sorted(SHARED.glob(pattern))
    if not found:
        raise FileNotFoundError(f"../shared has no file matching {pattern}")
    return found


@pytest.fixture(autouse=True)
def _isolated_cache(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> None:
    """Never read or write the user's real cache from tests."""
    if "CWGTOOL_CACHE_DIR" not in os.environ:
        monkeypatch.setenv("CWGTOOL_CACHE_DIR", str(tmp_path_factory.getbasetemp() / "cache"))
