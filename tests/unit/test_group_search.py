"""positions._group_search starts _GROUP's search a few words before the first place a noun
can be; every match it gives must be the one ``_GROUP.search(text, pos)`` gives."""

from __future__ import annotations

from cwgtool.extract import positions
from cwgtool.extract.prefilter import fold
from tests.unit.fixture_text import fixture_sentences

_EDGES = [
    "a large number of other Member States said",
    "a large number of other Countries said; a small number of other delegates, a few other Administrations",
    "It was said that a small number of other delegations disagreed",
    "Noted: a majority of Administrations agreed, while some other countries did not.",
    "elegates and Delegates from several regions spoke",
    "ountries; Countries of the Arab region",
    "many  \t other   Member States",
    "ſome others said; SOME OTHERS said",
    "the others, and several other Councillors",
    "xMember States",
    "Some of the Members present",
    "One Member State, then another Member State and the other delegations.",
    "no group here at all",
    "",
]


def _texts() -> list[str]:
    out = fixture_sentences() + _EDGES
    return out + [t.upper() for t in out] + [t.lower() for t in out]


def test_group_search_finds_what_search_finds() -> None:
    checked = 0
    for t in _texts():
        folded = fold(t)
        starts = {0, *range(0, len(t), 7)}
        starts.update(m.end() for m in positions._GROUP.finditer(t))
        for pos in sorted(starts):
            want = positions._GROUP.search(t, pos)
            got = positions._group_search(t, folded, pos)
            assert (got.span() if got else None) == (want.span() if want else None), (t, pos)
            if want is not None:
                assert got is not None and got.groupdict() == want.groupdict()
                checked += 1
            # without a fold (text that cannot be folded) the "others" test is a regex
            got2 = positions._group_search(t, None, pos)
            assert (got2.span() if got2 else None) == (want.span() if want else None), (t, pos)
    assert checked > 100


def test_lead_words_cover_the_longest_quantifier() -> None:
    # "a large number of" + "other": five words before the noun, all of them in the match.
    m = positions._group_search("x. a large number of other Member States", None, 0)
    assert m is not None and m.group(0).startswith("a large number of other Member States")
    assert positions._GROUP_LEAD_WORDS == 5
