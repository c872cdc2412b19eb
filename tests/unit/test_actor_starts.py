"""The lazy merge of actor-start scans must yield every start the patterns' finditer give."""

from __future__ import annotations

import random

from cwgtool.countries import find_countries
from cwgtool.extract import positions
from cwgtool.extract.prefilter import fold


def _reference(text: str) -> list[int]:
    mentions = find_countries(text)
    starts = {c.start for c in mentions}
    found = set(starts)
    for rx, _may in positions._ACTOR_PATTERNS:
        found.update(m.start() for m in rx.finditer(text))
    found.update(m.start() for m in positions._THE.finditer(text) if m.end() in starts)
    return sorted(found)


def test_candidate_starts_are_the_union_of_all_scans() -> None:
    rng = random.Random(3)
    words = [
        "Some",
        "other",
        "Member",
        "States",
        "the",
        "The",
        "Chair",
        "chairman",
        "Secretariat",
        "secretariat",
        "Group",
        "CWG",
        "meeting",
        "others",
        "OTHERS",
        "Russian",
        "Federation",
        "China",
        "and",
        ",",
        "Delegates",
        "from",
        "representative",
        "of",
        "Canada",
        "THE",
        "İ",
        "ſ",
        "Director",
        "BDT",
        "Director",
        "of",
        "TSB",
        "supported",
        "noted",
    ]
    for _ in range(3000):
        text = " ".join(rng.choice(words) for _ in range(rng.randint(0, 14)))
        got = list(positions._candidate_starts(text, fold(text), find_countries(text)))
        assert got == _reference(text), text
