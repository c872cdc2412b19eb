"""Text whose line breaks were lost: recover the paragraphs from the number sequence.

Web mirrors of ITU documents often store a whole page as one line: "…Document C19/111-E11 June
2019Original: EnglishSUMMARY RECORD…1Opening of the 2019 session1.1The Secretary-General
declared…". Nothing in the layout says where a paragraph starts, but the document's own
numbering does: after "1" comes "1.1" or "2", after "2.3" comes "2.4" or "3". So the line is
cut before each number that is the *next one expected* and is glued to a capitalised word
("1.1The", "2Chairmanship", "3.Open") — an ordinary number in a sentence ("in 2019 the", "1.1to
exchange", "Resolution 179 (") is not. A restart at "1" after a run of top-level numbers (the
"Subjects discussed" list of a Council record, then the body) is accepted when "1.1" follows.

The cover before the first number is cut at its fields ("Document …", "Original:", a date glued
to the next word, "Summary", "Action required"…), so the metadata reader sees the lines it
would have seen in the original layout.
"""

from __future__ import annotations

import re

# A run-on line: this long, in a text whose lines are on average this long.
RUNON_MIN_CHARS = 800
RUNON_MEAN_CHARS = 250

# A section or paragraph number glued to (or one space from) a capitalised word, tried at every
# position (a lookahead, so matches overlap): the number may be glued to the digits before it
# ("Resolution 13061Introduction", "C19/281Opening", "Resolution 1216.1.2The").
_CANDIDATE = re.compile(r"(?=(?P<num>\d{1,2}(?:\.\d{1,2})?)(?P<dot>\.?)(?P<space> ?)[A-Z\u00c0-\u00de“\"])")
_MONTH = r"(?:January|February|March|April|May|June|July|August|September|October|November|December)"
# Where a cover field begins inside a glued cover ("…2019Document C19/111-E11 June 2019Original:
# English…"). Each alternative is a lookahead: the cut is made before the field.
_COVER_CUT = re.compile(
    r"(?<=\S)(?=(?:Document\s|Original\s*:|Revision\s+\d+\s+to\b|Addendum\s+\d+\s+to\b|English\s+only\b|Date\s*:|"
    r"SUMMARY\s+RECORD|Summary\s+record|Subjects\s+discussed|Documents(?=\d)|Summary(?=[A-Z])|Action\s+required|"
    r"References(?=[A-Z])|(?:Acting\s+)?Chairman\s*:|Agenda\s+item|(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday),|"
    r"Note\s+by\s+the|Report\s+by\s+the|(?:Joint\s+)?[Cc]ontribution\s+(?:by|from)\b))"
    rf"|(?<=\d{{4}})(?=[A-Z][a-z]|[A-Z]{{2}})"  # "2019Geneva", "2020PL 1.5"
    rf"|(?<=-[EFSACR])(?=\d{{1,2}}\s*{_MONTH})"  # "C19/111-E11 June 2019"
    r"|(?<=[a-z]{2})(?=[A-Z]{4,})"  # "…Child Online ProtectionOUTCOME OF THE …"
    r"|(?<=Summary)(?=[A-Z][a-z])|(?<=Action required)(?=[A-Z])|(?<=References)(?=[A-Z])|(?<=discussed)(?=Documents)"
    r"|(?<=_{4})(?=[A-Z])"
)


def is_runon(lines: list[str]) -> bool:
    """True when the text has lost its line breaks: a very long line in text of long lines."""
    filled = [ln for ln in lines if ln.strip()]
    if not filled:
        return False
    longest = max(len(ln) for ln in filled)
    mean = sum(len(ln) for ln in filled) / len(filled)
    return longest >= RUNON_MIN_CHARS and mean >= RUNON_MEAN_CHARS


def _expected(top: int, sub: int) -> set[tuple[int, ...]]:
    nxt = {(top + 1,), (top + 1, 1)}
    if top:
        nxt.add((top, sub + 1))
    return nxt


def _number_cuts(line: str) -> list[int]:
    """Offsets where a numbered paragraph or heading begins, following the number sequence."""
    cuts: list[int] = []
    top = sub = 0
    pos = 0
    while True:
        found: tuple[int, tuple[int, ...]] | None = None
        for m in _CANDIDATE.finditer(line, pos):
            start = m.start()
            if m["space"] and not (start == 0 or line[start - 1] in ".;:)!?”\"" or "." in m["num"]):
                continue  # "in 2019 Member States": a number in a sentence
            number = tuple(int(p) for p in m["num"].split("."))
            if number in _expected(top, sub) or (
                number == (1,) and top >= 2 and re.search(r"(?<!\d)1\.?1\.? ?[A-Z]", line[start + 1 : start + 600])
            ):  # a restart at 1 is the body after a numbered list of subjects
                found = (start, number)
                break
        if found is None:
            return cuts
        start, number = found
        cuts.append(start)
        top, sub = (number[0], 0) if len(number) == 1 else number
        pos = start + len(m["num"])


def split_runon(line: str) -> list[str]:
    """Cut one run-on line into the paragraphs it held."""
    cuts = _number_cuts(line)
    pieces: list[str] = []
    bounds = [0, *cuts, len(line)]
    for a, b in zip(bounds, bounds[1:], strict=False):
        piece = line[a:b].strip()
        if piece:
            pieces.append(piece)
    if not pieces:
        return []
    cover = pieces[0] if not cuts or cuts[0] > 0 else ""
    if cover:
        pieces = [*_split_cover(cover), *pieces[1:]]
    return pieces


def _split_cover(text: str) -> list[str]:
    bounds = [0, *(m.start() for m in _COVER_CUT.finditer(text)), len(text)]
    out = [text[a:b].strip().rstrip("_").strip() for a, b in zip(bounds, bounds[1:], strict=False)]
    return [p for p in out if p]


__all__ = ["is_runon", "split_runon"]
