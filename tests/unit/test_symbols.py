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
        # the meeting after a slash (LAYOUTS.md: "WG-CP/1/16 Rev.1")
        ("Document WG-CP/1/16 Rev.1", "CWG-CP-1/16", "Rev.1", None),
        ("(Document WG-COP/32/4)", "CWG-COP-32/4", None, None),
        # Council and Plenipotentiary documents, no meeting part
        ("see Document C17/98(Rev.1) on", "C17/98", "Rev.1", None),
        ("C17/DT/5", "C17/DT/5", None, None),
        ("PP-14/20(Add.1)-E", "PP-14/20", None, "en"),
        ("Document C17/130-E", "C17/130", None, "en"),
        # the newer system ids
        ("contribution S23-RCLINTPOL18-C-0005 by", "S23-RCLINTPOL18-C-0005", None, None),
    ],
)
def test_symbol_forms(text: str, canonical: str, revision: str | None, language: str | None) -> None:
    sym = parse_symbol(text)
    assert sym is not None
    assert (sym.canonical, sym.revision, sym.language) == (canonical, revision, language)


def test_not_symbols() -> None:
    assert find_symbols("Resolution 101 (Rev. Dubai, 2018) and 4-5 February 2019") == []
    assert find_symbols("in 2019/20, C17/ and S23-RCL-C-5, Resolution 102/3") == []
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


def test_meeting_numbers_of_new_forms() -> None:
    assert [(s.meeting, s.number) for s in find_symbols("WG-COP/32/12; S23-RCLINTPOL18-C-0005; C17/DT/5")] == [
        (32, "12"), (18, "5"), (None, "DT/5")
    ]
