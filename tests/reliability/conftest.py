"""The bad-input tables run twice: without the cache, and with a warm cache holding the same bytes."""

from __future__ import annotations

import pytest

from tests.reliability import helpers


@pytest.fixture(params=["no-cache", "warm-cache"])
def cache_mode(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> str:
    """``warm-cache``: every ``parse`` of the table first parses the same bytes into a cache of
    this test's own (under a name that matches their content, with the default limits), then
    runs with the cache on — and so do ``positions`` and ``index`` (see ``helpers.cli``). A cache
    hit must never change an outcome: every check runs before the cache is consulted."""
    if request.param == "warm-cache":
        warm = tmp_path_factory.mktemp("warm")  # not in the test's own folder, which tests list
        monkeypatch.setenv("CWGTOOL_CACHE_DIR", str(warm / "cache"))
        monkeypatch.setattr(helpers, "WARM_CACHE", True)
        monkeypatch.setattr(helpers, "_WARM", [warm])
    return str(request.param)
