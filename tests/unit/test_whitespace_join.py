"""Several cleaners collapse whitespace with ``" ".join(t.split())`` instead of
``re.sub(r"\\s+", " ", t).strip()``; the two must agree, whatever whitespace a reader leaves."""

from __future__ import annotations

import re

from cwgtool.countries import iso3
from cwgtool.extract import submitters, topics
from tests.unit.fixture_text import fixture_lines

_ODD = [
    "",
    " ",
    "\t\n\r\x0b\x0c",
    "\u00a0Russian\u2003Federation\u3000",
    "a\x1cb\x1dc\x1ed\x1fe\x85f\u2028g\u2029h",
    "  the   United\n Kingdom  ",
    "x\u200by",  # zero-width space is not whitespace for either
]


def _regex_clean(t: str) -> str:
    return re.sub(r"\s+", " ", t).strip()


def test_join_split_is_the_regex_clean() -> None:
    for t in fixture_lines() + _ODD + ["".join(chr(c) for c in range(0x3100))]:
        assert " ".join(t.split()) == _regex_clean(t), repr(t)
        assert submitters._clean(t) == _regex_clean(t), repr(t)


def test_cleaners_keep_their_results() -> None:
    assert iso3("  the   Russian\n Federation ") == iso3("Russian Federation") is not None
    assert iso3("\u00a0Canada\u3000") == "CAN"
    assert topics._clean_title("  Topic 1:\n  Child   online protection ") == topics._clean_title(
        "Topic 1: Child online protection"
    )
