"""The topics extractor's guarded searches must answer as the plain searches do."""

from __future__ import annotations

import re
from pathlib import Path

from cwgtool.extract import topics
from cwgtool.extract.prefilter import fold
from tests.unit.fixture_text import fixture_sentences

ROOT = Path(__file__).resolve().parents[2]


def _texts() -> list[str]:
    out = fixture_sentences()
    out += [
        "The CHAIR CONCLUDED that the TOPIC was SUPPORTED.",
        "There was no   agreement on the topics; views were divergent.",
        "Some Member States supported the Topic. ſupport İ",
        "It proposes the following THEME for the next open consultation: “Meaningful connectivity”.",
    ]
    return out + [t.upper() for t in out] + [t.swapcase() for t in out]


def _plain_score(sentence: str) -> float:
    bonus = 0.5 if re.search(r"\btopic\b", sentence, re.IGNORECASE) else 0.0
    if topics._CHAIR_CONCLUSION.search(sentence):
        return 3 + bonus
    if topics._CONCLUSIVE.search(sentence):
        return 2 + bonus
    if topics._SUPPORT.search(sentence):
        return 1 + bonus
    return 0


def test_score_equals_plain_searches() -> None:
    texts = _texts()
    assert len(texts) > 500
    scores = [topics._score(t) for t in texts]
    assert scores == [_plain_score(t) for t in texts]
    assert {int(s) for s in scores} >= {0, 1, 2, 3}  # every rank is exercised


def test_guards_equal_plain_searches() -> None:
    guards = (
        topics._TOPIC_WORD_G,
        topics._CHAIR_CONCLUSION_G,
        topics._CONCLUSIVE_G,
        topics._SUPPORT_G,
        topics._CONSULT_G,
        topics._FOLLOWING_TOPIC_G,
    )
    for g in guards:
        assert g.needs  # each is actually guarded
        hits = 0
        for t in _texts():
            m = g.pattern.search(t)
            got = g.search(t, fold(t))
            assert (m and m.span()) == (got and got.span()), (g.pattern.pattern, t)
            hits += m is not None
        assert hits, g.pattern.pattern
