"""split_label skips patterns that cannot match the first character: same answers as trying all."""

from __future__ import annotations

from cwgtool import labels
from cwgtool.labels import Label, LabelKind, split_label


def _all_patterns(text: str) -> tuple[Label | None, str]:
    """split_label as it was, every pattern tried in order."""
    s = text.lstrip(" \t\u00a0")
    if not s:
        return None, text
    m = labels._AGENDA_ITEM.match(s)
    if m and (m.group("raw").rstrip()[-1] in ":\u2013\u2014-." or "\t" in s[m.end("num") : m.end("num") + 3]):
        return labels._make(LabelKind.NUMBER, m.group("raw"), labels.normalise_number(m.group("num")), s)
    m = labels._ROMAN.match(s)
    if m and len(m.group("rom")) > 1:
        return labels._make(LabelKind.ROMAN, m.group("raw"), m.group("rom").lower(), s)
    m = labels._LETTER.match(s)
    if m:
        return labels._make(LabelKind.LETTER, m.group("raw") or m.group("raw2"), m.group("let") or m.group("let2"), s)
    m = labels._ITEM.match(s)
    if m:
        return labels._make(LabelKind.ITEM, m.group("raw"), m.group("num"), s)
    m = labels._NUMBER.match(s)
    if m and not labels._DATE_AFTER.match(s, m.end()):
        return labels._make(LabelKind.NUMBER, m.group("raw"), labels.normalise_number(m.group("num")), s)
    m = labels._BULLET.match(s)
    if m:
        raw = m.group("raw") or m.group("raw2")
        return labels._make(LabelKind.BULLET, raw, raw, s)
    return None, text


def test_every_first_character() -> None:
    tails = ["", " x", ". x", ") x", "\tx", "  x", "tem 4: x", "genda item 4: x", "v) x", "i. x", "1) x", ".1 x", "4 x"]
    chars = [chr(c) for c in range(0x3000)] + list("\uf0b7\uf0a7\uf0d8\u212a\u0660\uff11")
    for ch in chars:
        for tail in tails:
            text = ch + tail
            assert split_label(text) == _all_patterns(text), repr(text)
