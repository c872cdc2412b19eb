"""Shortcuts that replace or skip a regex scan must answer as the scan does.

Each test compares the shortcut with the plain regex on the fixture texts (split into
sentences, upper-cased and case-swapped too) and on hand-made edge cases, and checks that the
cases exercise both outcomes, so a wrong shortcut fails here.
"""

from __future__ import annotations

import random
import re
from pathlib import Path

from cwgtool import outline, symbols
from cwgtool.extract import actions, positions, sentences, topics
from cwgtool.extract.prefilter import Guard, fold
from tests.unit.fixture_text import fixture_lines, fixture_sentences

ROOT = Path(__file__).resolve().parents[2]

_EDGE = [
    "Some Member States supported it , while others objected ;  but the Group agreed.",
    "A ,\u00a0while\u2003B ;\t; , and  C;;, , but D",
    "x; , while y",  # a break ending just before the next one's comma
    "  ,  and   ;   ",
    "The Chair, Mr. J. Smith, and H.E. Ms. Doe (Res. 1327, e.g. para. 3) spoke. Then etc. Next.",
    "Annex 1 ......... 12\nContents\t4\n2.3 Topics \u2026\u2026 7",
    "1.\tIntroduction\t3",
    "CWG-Internet-12/4, WG-COP/13, CWG?Internet?19/3 and C21/2 (Rev.1)-E; PP-22/3, EG-ITRs 1/2.",
    "See CWG-WSIS/5-E and WG-Internet 12/4(Add.1) and the doc. 12/ 4.",
    "The secretariat was invited to circulate the list by 15 March 2024 to the Council.",
    "The Group invited Member States to submit views; it was agreed to request the secretariat to report.",
    "Some Member States supported; A Member State noted. ſupport İnvited Kelvin \u212a",
    "The following revised set of questions was presented; topic 2 of CWG-Internet-12/6 was discussed.",
    "_a_.b. x__. 1.2. \u00e9t\u00e9. x_mr. Next and _J. Smith",
    "The secretariat to circulate the list of participants.",
]


def _texts() -> list[str]:
    out = fixture_lines() + fixture_sentences()
    out += _EDGE
    rng = random.Random(7)
    alphabet = list(" \t\u00a0,;.xA\u2026") + ["while", "and", "but", "Mr", "Res", "..."]
    out += ["".join(rng.choice(alphabet) for _ in range(rng.randint(1, 25))) for _ in range(3000)]
    return out + [t.upper() for t in out] + [t.swapcase() for t in out]


def test_clause_breaks_equal_finditer() -> None:
    found = 0
    for t in _texts():
        want = [m.span() for m in positions._CLAUSE_BREAK.finditer(t)]
        assert positions._clause_breaks(t) == want, t
        found += len(want)
    assert found > 1000


def _abbreviation_by_search(text: str, stop: int) -> bool:
    """The regex reading of the word before a stop that ``_is_abbreviation`` replaced."""
    if text[stop] != ".":
        return False
    m = sentences._WORD_BEFORE.search(text, 0, stop + 1)
    if not m:
        return False
    word = m.group(1).lower()
    if word in sentences.ABBREVIATIONS:
        return True
    return len(word) == 1 and word.isalpha() and text[stop - 1].isupper()


def test_is_abbreviation_equals_regex() -> None:
    seen = set()
    for t in _texts():
        for stop in range(len(t)):
            if t[stop] in ".!?":
                got = sentences._is_abbreviation(t, stop)
                assert got == _abbreviation_by_search(t, stop), (t, stop)
                seen.add(got)
    assert seen == {True, False}


def test_find_symbols_equals_unguarded() -> None:
    hits = 0
    extra = ["See S23-RCLINTPOL18-C-0005 and C17/98(Rev.1).", "PP-14/20(Add.1)-E, C17/DT/5", "WG-CP/1/16 Rev.1"]
    for t in [*_texts(), *extra]:
        out = symbols._system_ids(t)  # every scan, none skipped by a pre-check
        out.extend(symbols._long_symbols(t))
        out.extend(symbols._short_symbols(t, [(s.start, s.end) for s in out]))
        taken = [(s.start, s.end) for s in out]
        out.extend(s for s in symbols._council_symbols(t) if not any(a <= s.start < b for a, b in taken))
        want = sorted(out, key=lambda s: s.start)
        assert symbols.find_symbols(t) == want, t
        hits += bool(want)
    assert hits > 50
    assert symbols.find_symbols("Document: WG-COP/13")[0].canonical == "CWG-COP/13"  # the short form


def test_toc_entry_equals_search() -> None:
    seen = set()
    for t in _texts():
        got = outline._is_toc_entry(t)
        assert got == bool(outline._TOC_ENTRY.search(t)), t
        seen.add(got)
    assert seen == {True, False}


def test_must_group_needs_member_state() -> None:
    hits = 0
    for t in _texts():
        if positions._MUST_GROUP.search(t):
            assert "Member State" in t
            hits += 1
    assert hits


def test_new_guards_equal_plain_searches() -> None:
    guards: list[Guard] = [
        actions._ACTIVE_REQUEST_G,
        actions._INFINITIVE_G,
        actions._REQUEST_OBJECT_G,
        actions._TO_COUNCIL_G,
        actions._DEADLINE_G,
        topics._REVISED_G,
        topics._TOPIC_N_OF_G,
        *actions._WHO_GUARDS,
    ]
    texts = _texts()
    for g in guards:
        assert g.needs, g.pattern.pattern
        hits = 0
        for t in texts:
            m = g.pattern.search(t)
            got = g.search(t, fold(t))
            assert (m and m.span()) == (got and got.span()), (g.pattern.pattern, t)
            hits += m is not None
        assert hits, g.pattern.pattern


def _who_plain(sentence: str) -> tuple[str | None, str | None]:
    """``actions._who`` as it was, with plain searches."""
    a = actions
    addressee: str | None = None
    sentence = a._ACTION_LABEL.sub("", sentence)
    m = a._ACTIVE_REQUEST.search(sentence)
    if m and a._is_agent(m["actor"]):
        return a._actor_name(m["actor"]), a._addressee_name(m["addr"])
    actor: str | None = None
    for pattern in (a._PASSIVE_REQUEST, a._WILL, a._DECISION, a._INFINITIVE):
        m = pattern.search(sentence)
        if m and a._is_agent(m["actor"]):
            actor = a._actor_name(m["actor"])
            break
    if actor is None and (a._IMPERSONAL.search(sentence) or a._AGENDA.search(sentence)):
        actor = "The Group"
    elif actor is None:
        lead = re.match(r"^([A-Z][\w\s-]{2,60}?)\s+(?:will|shall|was|were|is|are|has|have)\b", sentence)
        actor = a._actor_name(lead.group(1)) if lead and a._is_agent(lead.group(1)) else None
    r = None
    pos = 0
    while (o := a._REQUEST_OBJECT.search(sentence, pos)) is not None:
        if a._is_agent(o["addr"]):
            r = o["addr"]
            break
        pos = o.start() + 1
    if r is not None:
        addressee = a._addressee_name(r)
    elif a._TO_COUNCIL.search(sentence) and actor != "Council":
        addressee = "Council"
    return actor, addressee


def test_who_and_due_equal_plain_searches() -> None:
    texts = [t for t in _texts() if len(t) > 25]
    whos = [actions._who(t) for t in texts]
    assert whos == [_who_plain(t) for t in texts]
    assert any(a for a, _ in whos) and any(b for _, b in whos)
    dues = [actions._due(t) for t in texts]
    for t, d in zip(texts, dues, strict=True):
        m = actions._DEADLINE.search(t)
        assert d == (actions.iso_date(m["d"], m["m"], m["y"]) if m else None)
    assert any(dues)
