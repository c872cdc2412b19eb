"""Fixtures shared by the unit tests: the parsed 12th record, and a cache of the test's own."""

from __future__ import annotations

from pathlib import Path

import pytest

import cwgtool.api
import cwgtool.pipeline
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
    real = cwgtool.pipeline.read_checked

    def counting(checked, options):  # noqa: ANN001, ANN202
        calls.append(checked.name)
        return real(checked, options)

    monkeypatch.setattr(cwgtool.pipeline, "read_checked", counting)
    return calls
