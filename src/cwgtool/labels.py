"""Recognising section numbers, list labels and bullets at the start of a paragraph.

One module so that every reader and the outline agree on what a label is. Real records write
the same number many ways ("1.1.", "1.1", "4. 1", "1.1The…" with the tab lost, "3.Open…"); all
of them normalise to the dotted form "4.1" used as a section key.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from enum import StrEnum

BULLETS = "∙·•-–—▪◦○●■□➢►‣⁃*o\uf0b7\uf0a7\uf0d8"


class LabelKind(StrEnum):
    NUMBER = "number"  # 1, 1.1, 4.5.2
    LETTER = "letter"  # a. a) (a) A.
    ROMAN = "roman"  # ii) (iv) iii.
    ITEM = "item"  # 1) (1)  – a numbered list item, never a section number
    BULLET = "bullet"


@dataclass(frozen=True, slots=True)
class Label:
    kind: LabelKind
    raw: str  # as written, e.g. "4. 1", "a)", "·"
    key: str  # normalised: "4.1", "a", "ii", "1", "·"

    @property
    def depth(self) -> int:
        return self.key.count(".") + 1 if self.kind is LabelKind.NUMBER else 1


# "1", "1.", "1.1", "1.1.", "4. 1" (space inside), each part at most 2 digits (not "2019").
_NUMBER = re.compile(
    r"^(?P<raw>(?P<num>\d{1,2}(?:\.[ \t]?\d{1,2}(?!\d))*)\.?)(?=[\s\u00a0]|[A-Z“\"'‘(]|$)(?!\d)"
)
# "Agenda item 4: Consideration of contributions", "Item 4.1 – …": records that number their
# sections by agenda item. The separator is required: "Agenda item 5 was postponed" is a sentence.
_AGENDA_ITEM = re.compile(
    r"^(?P<raw>(?i:agenda\s+item|item)[ \t\u00a0]+(?P<num>\d{1,2}(?:\.\d{1,2})*)\.?[ \t\u00a0]*[:\u2013\u2014-]?)(?=[ \t\u00a0]*\S)"
)
_ITEM = re.compile(r"^(?P<raw>\(?(?P<num>\d{1,2})\))(?=[\s\u00a0]|$)")
_LETTER = re.compile(r"^(?P<raw>\(?(?P<let>[a-zA-Z])[.)])(?=[\s\u00a0])|^(?P<raw2>\((?P<let2>[a-zA-Z])\))(?=[\s\u00a0])")
_ROMAN = re.compile(r"^(?P<raw>\(?(?P<rom>(?:i{1,3}|iv|vi{0,3}|ix|xi{0,3}))[.)])(?=[\s\u00a0])", re.IGNORECASE)
_BULLET = re.compile(r"^(?P<raw>[" + re.escape(BULLETS.replace("o", "")) + r"])(?=[\s\u00a0]|$)|^(?P<raw2>o)(?=[\t\u00a0]| {2,})")

_SPACE_RUN = re.compile("  +")  # two spaces or more
# The month names, written once for every module that reads dates: here they tell "30 August
# 2023" (a date) from section 30; the readers and the metadata read dates with them.
MONTH_NAMES = (
    "January", "February", "March", "April", "May", "June",
    "July", "August", "September", "October", "November", "December",
)  # fmt: skip
MONTH = "(?:" + "|".join(MONTH_NAMES) + ")"
_DATE_AFTER = re.compile(rf"\s*(?:st|nd|rd|th)?\s*{MONTH}\b")


def normalise_number(raw: str) -> str:
    """ "4. 1" → "4.1", "1.1." → "1.1"."""
    return "".join(raw.split()).rstrip(".")  # drops what re's \s matches (str.split's test)


def split_label(text: str) -> tuple[Label | None, str]:
    """Split a leading number, list label or bullet off ``text``.

    Returns ``(None, text)`` when the paragraph does not start with one. The remaining text is
    stripped of the separating tab/spaces.
    """
    s = text.lstrip(" \t\u00a0")
    if not s:
        return None, text
    m = _AGENDA_ITEM.match(s)
    if m and (m.group("raw").rstrip()[-1] in ":\u2013\u2014-." or "\t" in s[m.end("num") : m.end("num") + 3]):
        return _make(LabelKind.NUMBER, m.group("raw"), normalise_number(m.group("num")), s)
    m = _ROMAN.match(s)
    if m and len(m.group("rom")) > 1:  # single "i"/"v"/"x" are more often letters
        return _make(LabelKind.ROMAN, m.group("raw"), m.group("rom").lower(), s)
    m = _LETTER.match(s)
    if m:
        raw = m.group("raw") or m.group("raw2")
        letter = m.group("let") or m.group("let2")
        return _make(LabelKind.LETTER, raw, letter, s)
    m = _ITEM.match(s)
    if m:
        return _make(LabelKind.ITEM, m.group("raw"), m.group("num"), s)
    m = _NUMBER.match(s)
    if m and not _DATE_AFTER.match(s, m.end()):  # "30 August 2023" is a date, not section 30
        return _make(LabelKind.NUMBER, m.group("raw"), normalise_number(m.group("num")), s)
    m = _BULLET.match(s)
    if m:
        raw = m.group("raw") or m.group("raw2")
        return _make(LabelKind.BULLET, raw, raw, s)
    return None, text


def classify_label(raw: str) -> Label | None:
    """Classify a label given on its own (Word numbering, a PDF bullet) rather than in text."""
    raw = raw.strip()
    if not raw:
        return None
    label, rest = split_label(raw + " x")
    if label is not None and rest == "x":
        return label
    return Label(LabelKind.BULLET, raw, raw)


def _make(kind: LabelKind, raw: str, key: str, s: str) -> tuple[Label, str]:
    return Label(kind, raw, key), s[len(raw):].lstrip(" \t\u00a0")


def clean_text(text: str) -> str:
    """Collapse runs of whitespace (tabs, NBSP) to one space; keep the words as written."""
    text = text.replace("\u00ad", "").replace("\t", " ").replace("\u00a0", " ")
    return _SPACE_RUN.sub(" ", text).strip()
