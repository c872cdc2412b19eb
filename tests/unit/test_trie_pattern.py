"""Trie-shaped alternations must find exactly what the longest-first alternation finds."""

from __future__ import annotations

import random
import re

import pytest

from cwgtool.countries import _table, find_countries
from cwgtool.extract.prefilter import trie_pattern

_END = r"(?![\w-])"


def _plain(words: list[str], end: str = "") -> re.Pattern[str]:
    alternation = "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))
    return re.compile(f"(?:{alternation}){end}")


@pytest.mark.parametrize(
    "words",
    [
        ["Niger", "Nigeria", "Nauru"],
        ["a", "ab", "abc", "abd", "b"],
        ["x y", "x", "x-y", "(z)", "z"],
        ["only"],
    ],
)
def test_same_matches_as_the_longest_first_alternation(words: list[str]) -> None:
    rng = random.Random(0)
    alphabet = sorted({ch for w in words for ch in w} | {" ", "-", "q"})
    for end in ("", _END):
        trie = re.compile(trie_pattern(words, end))
        plain = _plain(words, end)
        for _ in range(3000):
            text = "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 12)))
            assert [m.span() for m in trie.finditer(text)] == [m.span() for m in plain.finditer(text)], text


def test_no_words_never_matches() -> None:
    assert re.compile(trie_pattern([])).search("anything") is None


def test_country_scanner_agrees_with_the_full_pattern() -> None:
    names, full = _table()
    rng = random.Random(1)
    pool = [*sorted(names), "the", "The", "and", "of", "Republic", "Niger", "t", "th"]
    texts = [
        f"{pre}{name}{post}"
        for name in sorted(names)
        for pre in ("", "the ", "the\n", "-", "x", "The ", "the the ")
        for post in ("", " ", "-", "s", ",")
    ]
    for _ in range(3000):
        parts = [rng.choice(pool) + rng.choice([" ", "", "-", ", ", "  "]) for _ in range(rng.randint(1, 6))]
        texts.append("".join(parts))
    for text in texts:
        want = [(m["name"], m.start("name"), m.end("name")) for m in full.finditer(text)]
        assert [(c.name, c.start, c.end) for c in find_countries(text)] == want, text
