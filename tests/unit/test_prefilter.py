"""The literal pre-checks must never skip a pattern that could match."""

from __future__ import annotations

import re

import pytest

from cwgtool.extract import stance
from cwgtool.extract.prefilter import Screen, fold, required_literals


def test_literals_of_simple_patterns() -> None:
    assert required_literals(re.compile(r"\bimportan(?:t|ce)\b", re.I)) == {"importan"}
    assert required_literals(re.compile(r"\bno need\b|\bunnecessary\b", re.I)) == {"no need", "unnecessary"}
    # [Dd] is one letter once lower-cased; a string containing another adds nothing
    assert required_literals(re.compile(r"[Dd]elegates?|in favou?r|favou?r")) == {"delegate", "favo"}
    # each branch needs its own literal: the best of a sequence is kept
    assert required_literals(re.compile(r"(?:could|would) support", re.I)) == {" support"}
    assert required_literals(re.compile(r"\w+ed\b")) == {"ed"}


@pytest.mark.parametrize("pattern", [r"\w+\d", r"(?:abc)?", r"a|\d+", r"[a-z]+"])
def test_no_requirement_is_none(pattern: str) -> None:
    assert required_literals(re.compile(pattern)) is None


def test_fold_refuses_characters_that_ignorecase_maps_to_ascii() -> None:
    assert fold("Supported") == "supported"
    for odd in ("\u0130", "\u0131", "\u017f"):
        assert fold(f"x{odd}y") is None
    # the Kelvin sign lower-cases to "k", so it is safe
    assert fold("\u212a") == "k"


def test_every_stance_match_contains_a_required_literal() -> None:
    """Soundness on real-looking text: wherever a rule matches, its literal is in the match."""
    texts = [
        "Some Member States SUPPORTED the proposal, noting its Importance for developing countries.",
        "One Member State did not agree and considered it outside the remit of the Group.",
        "It was suggested that the topic could be better addressed in ITU-D Study Groups.",
        "Several Member States sought clarification on whether this was already covered by WSIS.",
        "The delegate of Canada cautioned against any duplication; it should not be a priority.",
    ]
    for rule in stance.RULES:
        needs = required_literals(rule.pattern)
        if needs is None:
            continue
        for text in texts:
            for m in rule.pattern.finditer(text):
                assert any(w in m.group(0).lower() for w in needs), (rule.name, m.group(0))


def test_screen_keeps_order_and_unknown_patterns() -> None:
    screen = Screen([("a", re.compile("alpha")), ("any", re.compile(r"\w+")), ("b", re.compile("beta"))])
    assert list(screen.candidates("beta alpha")) == ["a", "any", "b"]
    assert list(screen.candidates("gamma")) == ["any"]
    assert list(screen.candidates(None)) == ["a", "any", "b"]
