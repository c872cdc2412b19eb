"""Fixtures shared by the cache and batch tests."""

from __future__ import annotations

from pathlib import Path

import pytest

import cwgtool.api


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
