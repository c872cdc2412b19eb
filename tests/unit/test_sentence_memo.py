"""A SentenceMemo answers exactly what split_sentences does, and splits each text once."""

from __future__ import annotations

import pytest

from cwgtool.extract import sentences
from cwgtool.extract.sentences import SentenceMemo, split_sentences

_TEXTS = [
    "Some Member States supported the topic. Others did not agree.",
    "Mr. Houlin Zhao presented Council Res. 1327. It was noted.",
    "",
    "   ",
]


@pytest.mark.parametrize("text", _TEXTS)
def test_same_answer_as_split_sentences(text: str) -> None:
    memo = SentenceMemo()
    assert list(memo(text)) == split_sentences(text)
    assert list(memo(text)) == split_sentences(text)


def test_each_text_is_split_once(monkeypatch: pytest.MonkeyPatch) -> None:
    calls: list[str] = []
    real = sentences.split_sentences

    def counting(text: str) -> list[str]:
        calls.append(text)
        return real(text)

    monkeypatch.setattr(sentences, "split_sentences", counting)
    memo = SentenceMemo()
    for text in _TEXTS * 3:
        memo(text)
    assert calls == _TEXTS
    # a new memo (a new document) remembers nothing
    SentenceMemo()(_TEXTS[0])
    assert calls == [*_TEXTS, _TEXTS[0]]
