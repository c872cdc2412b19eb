"""Fixtures shared by the unit tests: the parsed 12th record, and a cache of the test's own."""

from __future__ import annotations

from pathlib import Path

import pytest

import cwgtool.api
from cwgtool.model import Document

CWG12_TXT = Path(__file__).resolve().parents[2] / "fixtures" / "records" / "cwg12" / "cwg12.txt"


@pytest.fixture(scope="session")
def cwg12() -> Document:
    """The 12th record's text twin, parsed once for every extractor's tests (they only read it)."""
    return cwgtool.api.parse(CWG12_TXT)


@pytest.fixture()
def cache_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A cache directory of the test's own (the suite-wide one is shared by every test)."""
    d = tmp_path / "cache"
    monkeypatch.setenv("CWGTOOL_CACHE_DIR", str(d))
    return d


@pytest.fixture()
def reads(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Every call to the reader in this process, so a test can tell a cache hit from a parse
    (parse with one job: a pool's workers are other processes)."""
    calls: list[str] = []
    real = cwgtool.api.read_blocks

    def counting(path, **kw):  # noqa: ANN001, ANN003, ANN202
        calls.append(str(path))
        return real(path, **kw)

    monkeypatch.setattr(cwgtool.api, "read_blocks", counting)
    return calls
