"""Sentence splitting for summary-record prose.

A general-purpose splitter breaks ITU text in the wrong places: "Council Res. 1327",
"PP. Res 102", "Mr. Houlin Zhao" and quoted topic titles that contain full stops are all
common. Records are edited prose, so a simple rule does well: a sentence ends at ".", "!" or
"?" (plus any closing quote/bracket) followed by whitespace and an uppercase letter, a digit
or an opening quote — unless the word before the stop is a known abbreviation or a single
initial, or the stop is inside quotation marks.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence

# Lower-cased, without the final dot. "etc" is included although it often ends a sentence:
# in these records it is nearly always mid-sentence ("GSR, Study Groups, EG-ITRs etc. are").
ABBREVIATIONS = frozenset(
    {
        "res", "no", "nos", "rev", "e.g", "i.e", "etc", "mr", "mrs", "ms", "dr", "prof", "para",
        "paras", "pp", "cf", "doc", "docs", "art", "vol", "fig", "st", "vs", "add", "corr",
        "ch", "sec", "approx", "inc", "ltd", "co", "p", "pt", "resp", "ref", "annex", "op",
        "h.e", "u.s", "u.k", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept",
        "oct", "nov", "dec",
    }
)  # fmt: skip

_OPEN_QUOTES = "“‘«"
_CLOSE_QUOTES = "”’»"
_END = re.compile(r"[.!?][\"”’»)\]]*\s+(?=[A-Z\d\"“‘«(])")


def _quote_depth_ok(text: str) -> bool:
    """Whether quotes in ``text`` balance; unbalanced quotes (a stray “ from bad extraction)
    must not glue the rest of a paragraph into one sentence."""
    straight = text.count('"') % 2 == 0
    curly = text.count("“") + text.count("«") == text.count("”") + text.count("»")
    return straight and curly


def _inside_quotes(text: str, pos: int) -> bool:
    """Whether ``pos`` is inside quotation marks (counts in ``text[:pos]``, without copying it)."""
    if text.count('"', 0, pos) % 2 == 1:
        return True
    return text.count("“", 0, pos) + text.count("«", 0, pos) > text.count("”", 0, pos) + text.count("»", 0, pos)


def _is_abbreviation(text: str, stop: int) -> bool:
    """True when the "." at ``stop`` ends an abbreviation or an initial, not a sentence."""
    if text[stop] != ".":
        return False
    # The word before the stop: the run of letters, digits and dots ending there ("e.g", "Mr", "J").
    i = stop
    while i > 0 and ((ch := text[i - 1]).isalnum() or ch == "_" or ch == "."):
        i -= 1
    if i == stop:
        return False
    word = text[i:stop].lower()
    if word in ABBREVIATIONS:
        return True
    return len(word) == 1 and word.isalpha() and text[stop - 1].isupper()  # an initial: "J. Smith"


def split_sentences(text: str) -> list[str]:
    """Split a paragraph into sentences, keeping quoted material and abbreviations intact."""
    text = " ".join(text.split())  # runs of whitespace become one space, ends trimmed
    if not text:
        return []
    respect_quotes = _quote_depth_ok(text)
    out: list[str] = []
    start = 0
    for m in _END.finditer(text):
        stop = m.start()
        if _is_abbreviation(text, stop):
            continue
        end_of_sentence = m.end() - len(m.group(0)) + len(m.group(0).rstrip())
        if (
            respect_quotes
            and _inside_quotes(text, end_of_sentence)
            and text[end_of_sentence - 1] not in _CLOSE_QUOTES
        ):
            continue
        piece = text[start:end_of_sentence].strip()
        if piece:
            out.append(piece)
        start = m.end()
    tail = text[start:].strip()
    if tail:
        out.append(tail)
    return out


# What the extractors call to split a paragraph: ``split_sentences`` or a :class:`SentenceMemo`.
Splitter = Callable[[str], Sequence[str]]


class SentenceMemo:
    """``split_sentences`` that remembers its answers, for the extractors of ONE document.

    Positions, topics and actions each split the same paragraphs (about half the calls on a
    record repeat a text). ``build_document`` makes one memo per call and hands it to each, so
    nothing is kept between documents. The answer is a tuple: callers share it and only read.
    """

    __slots__ = ("_seen",)

    def __init__(self) -> None:
        self._seen: dict[str, tuple[str, ...]] = {}

    def __call__(self, text: str) -> tuple[str, ...]:
        got = self._seen.get(text)
        if got is None:
            got = self._seen[text] = tuple(split_sentences(text))
        return got


__all__ = ["ABBREVIATIONS", "SentenceMemo", "Splitter", "split_sentences"]
