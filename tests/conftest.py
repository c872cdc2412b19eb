from __future__ import annotations

import os
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "fixtures"
SHARED = ROOT.parent / "shared"
FOREIGN = SHARED / "corpus" / "foreign"

needs_shared = pytest.mark.skipif(not SHARED.is_dir(), reason="../shared is not present")


@pytest.fixture(autouse=True)
def _isolated_cache(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> None:
    """Never read or write the user's real cache from tests."""
    if "CWGTOOL_CACHE_DIR" not in os.environ:
        monkeypatch.setenv("CWGTOOL_CACHE_DIR", str(tmp_path_factory.getbasetemp() / "cache"))
