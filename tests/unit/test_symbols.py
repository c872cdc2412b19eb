from __future__ import annotations

import pytest

from cwgtool.symbols import find_symbols, normalise, parse_symbol


@pytest.mark.parametrize(
    ("text", "canonical", "revision", "language"),
    [
        ("CWG-Internet-12/4: Contribution", "CWG-Internet-12/4", None, None),
        ("CWG-Internet 12/2: Secretariat report", "CWG-Internet-12/2", None, None),
        ("the contribution WG-Internet 12/8-E on", "CWG-Internet-12/8", None, "en"),
        ("Document CWG-Internet-12/4(Rev.1)", "CWG-Internet-12/4", "Rev.1", None),
        ("Document CWG-Internet-14/5 (Rev.1)", "CWG-Internet-14/5", "Rev.1", None),
        ("CWGInternet-12/5", "CWG-Internet-12/5", None, None),
        ("Document CWG-Internet-22/9-E", "CWG-Internet-22/9", None, "en"),
        ("WG-WSIS-32/19-E Rev. 1", "CWG-WSIS-32/19", "Rev.1", "en"),
    ],
)
def test_symbol_forms(text: str, canonical: str, revision: str | None, language: str | None) -> None:
    sym = parse_symbol(text)
    assert sym is not None
    assert (sym.canonical, sym.revision, sym.language) == (canonical, revision, language)


def test_not_symbols() -> None:
    assert find_symbols("Resolution 101 (Rev. Dubai, 2018) and 4-5 February 2019") == []
    assert normalise("Some text") is None


def test_canonical_flag() -> None:
    assert parse_symbol("CWG-Internet-12/4").is_canonical  # type: ignore[union-attr]
    assert not parse_symbol("CWG-Internet 12/2").is_canonical  # type: ignore[union-attr]
    assert not parse_symbol("WG-Internet 12/8-E").is_canonical  # type: ignore[union-attr]


def test_old_symbols_without_meeting_number() -> None:
    sym = parse_symbol("Document: WG-COP/13")
    assert sym is not None and (sym.canonical, sym.meeting, sym.body) == ("CWG-COP/13", None, "CWG-COP")
    both = find_symbols("CWG-Internet-12/4 and WG-COP/13-E (Rev.1)")
    assert [(s.canonical, s.revision) for s in both] == [("CWG-Internet-12/4", None), ("CWG-COP/13", "Rev.1")]
