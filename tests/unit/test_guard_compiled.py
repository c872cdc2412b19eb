"""Guard.may_match, compiled to one expression, must answer as the loop it replaced: "one of
``needs`` is in the folded text, then the requirement tree holds" (and never veto a match)."""

from __future__ import annotations

import re

from cwgtool.extract import actions, positions, stance, topics
from cwgtool.extract.prefilter import Guard, fold
from tests.unit.fixture_text import fixture_sentences


def _guards() -> list[Guard]:
    return [g for mod in (actions, positions, topics, stance) for g in vars(mod).values() if isinstance(g, Guard)]


def _loop(g: Guard, folded: str | None) -> bool:
    if folded is None or g.needs is None:
        return True
    for w in g.needs:
        if w in folded:
            return g.test is None or g.test(folded)
    return False


def _texts() -> list[str]:
    out = fixture_sentences()
    out += ["The proposal was widely supported by several Member States.", "It was noted.", "", "ſupported"]
    return out + [t.upper() for t in out]


def test_compiled_guard_answers_as_the_loop() -> None:
    guards = _guards()
    assert len(guards) > 15
    texts = _texts()
    for g in guards:
        for t in texts:
            f = fold(t)
            assert g.may_match(f) == _loop(g, f), (g.pattern.pattern[:40], t)
            if not g.may_match(f):
                assert g.pattern.search(t) is None


def test_compiled_guard_uses_both_tests() -> None:
    # "by" alone satisfies neither; a verb without "was"/"were"/… fails the tree, not the words.
    g = Guard(re.compile(r"\b(?:was|were)\s+(?:supported|noted)\s+by\s+"))
    assert g.needs is not None and g.test is not None
    assert g.may_match(fold("It was supported by Canada.")) is True
    assert g.may_match(fold("Canada supported by the others.")) is False
    assert g.may_match(fold("It was seen by Canada.")) is False
    assert g.may_match(None) is True


def test_search_is_may_match_then_search() -> None:
    texts = _texts()
    for g in _guards():
        for t in texts:
            f = fold(t)
            want = g.pattern.search(t) if _loop(g, f) else None
            got = g.search(t, f)
            assert (got.span() if got else None) == (want.span() if want else None), (g.pattern.pattern[:40], t)
            # a guard given a fold that rules its words out must skip the scan
            if not _loop(g, f):
                assert got is None
