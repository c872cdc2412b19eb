from __future__ import annotations

import pytest

from cwgtool.countries import find_countries, iso3


@pytest.mark.parametrize(
    ("name", "code"),
    [
        ("Kingdom of Saudi Arabia", "SAU"),
        ("Saudi Arabia", "SAU"),
        ("Islamic Republic of Iran", "IRN"),
        ("United States of America", "USA"),
        ("Federal Republic of Germany", "DEU"),
        ("the Russian Federation", "RUS"),
        ("Russia", "RUS"),
        ("United Kingdom", "GBR"),
        ("Republic of Korea", "KOR"),
        ("Republic of Kenya", "KEN"),
        ("Canada", "CAN"),
        ("Viet Nam", "VNM"),
        ("Côte d’Ivoire", "CIV"),  # Word's curly apostrophe
        ("Lao People’s Democratic Republic", "LAO"),
        ("Türkiye", "TUR"),
    ],
)
def test_iso3(name: str, code: str) -> None:
    assert iso3(name) == code


@pytest.mark.parametrize("name", ["Secretariat", "The Chair", "ITU-T", "Some Member States"])
def test_not_a_country(name: str) -> None:
    assert iso3(name) is None


def test_find_in_joint_list_and_longest_match() -> None:
    found = find_countries("Joint contribution by Argentina, Brazil and Mexico, supported by Niger and Nigeria")
    assert [m.iso3 for m in found] == ["ARG", "BRA", "MEX", "NER", "NGA"]


def test_lowercase_words_are_not_countries() -> None:
    assert find_countries("the turkey and chad were discussed in georgia") == []


def test_iso3_ignores_any_whitespace_a_reader_leaves() -> None:
    assert iso3("  the   Russian\n Federation ") == "RUS"
    assert iso3("\u00a0Canada\u3000") == "CAN"
