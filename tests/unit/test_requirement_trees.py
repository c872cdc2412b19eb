"""AND/OR requirement trees (prefilter.requirement) must never rule out a real match.

Soundness is checked where it can fail: every match of every guarded or screened pattern, in
the fixture texts, must itself satisfy the pattern's compiled requirement; and the stance
classifier, whose rules are screened lazily by those requirements, must answer as it does
when every rule is scanned.
"""

from __future__ import annotations

import re
from pathlib import Path

from cwgtool.extract import actions, positions, stance, topics
from cwgtool.extract.prefilter import Guard, Screen, _compiled, fold, requirement, requirement_test
from cwgtool.model import Stance
from tests.unit.fixture_text import fixture_sentences

ROOT = Path(__file__).resolve().parents[2]


def _texts() -> list[str]:
    out = fixture_sentences()
    for line in (ROOT / "benchmarks/data/stance_labels.tsv").read_text(encoding="utf-8").splitlines():
        out.append(line.split("\t")[0])
    out += [
        "The proposal was widely supported by several Member States.",
        "It was, however, NOT covered by the Study Groups and was not duplication of work.",
        "Some Member States felt the matter was better dealt with in ITU-D and would be more appropriate for WSIS.",
        "The topic is linked to the mandate of the Group and merits further consideration.",
    ]
    return out + [t.upper() for t in out]


def _patterns() -> list[re.Pattern[str]]:
    pats = [r.pattern for r in stance.RULES] + [p for _r, p in stance._FALLBACK]
    for mod in (actions, positions, topics, stance):
        pats += [g.pattern for g in vars(mod).values() if isinstance(g, Guard)]
    return pats


def test_tree_shapes() -> None:
    assert requirement(re.compile(r"(?:was|is)\s+supported\s+by\s+")) == (
        "and",
        ("supported", "by", ("or", ("was", "is"))),
    )
    # single characters are too weak to test: left out (only weakens the test)
    assert requirement(re.compile(r"\bimportan(?:t|ce)\b", re.I)) == "importan"
    assert requirement(re.compile(r"a(?:bc|d)?x")) is None
    assert requirement_test(re.compile(r"\bno need\b|\bunnecessary\b")) is None  # no finer than the set
    test = requirement_test(positions._PASSIVE_BY)
    assert test is not None
    assert test("it was supported by canada") and not test("it was supported, canada")


def test_every_match_satisfies_its_requirement() -> None:
    texts = _texts()
    checked = 0
    for pat in _patterns():
        test = _compiled(requirement(pat), pat)
        if test is None:
            continue
        for t in texts:
            for m in pat.finditer(t):
                f = fold(m.group(0))
                if f is not None:
                    assert test(f), (pat.pattern[:60], m.group(0))
                    checked += 1
    assert checked > 1000


def test_guards_equal_plain_searches() -> None:
    texts = _texts()
    for mod in (actions, positions, topics, stance):
        for g in (g for g in vars(mod).values() if isinstance(g, Guard)):
            for t in texts:
                m = g.pattern.search(t)
                got = g.search(t, fold(t))
                assert (m and m.span()) == (got and got.span()), (g.pattern.pattern[:60], t)


def _classify_unscreened(text: str, verb_start: int | None) -> stance.StanceResult | None:
    """``stance.classify`` scanning every rule (no literal screens or guards)."""
    S = stance
    start = verb_start or 0
    head = S._head_start(text, verb_start) if verb_start is not None else -1
    if head >= 0:
        for rule in S._HEAD_RULES:
            if m := rule.pattern.match(text, head):
                return S.StanceResult(rule.stance, m.group(0).strip(), rule.name)
    for rule in S._CONTENT_RULES:
        if found := S._content_match(rule, text, start):
            return S.StanceResult(found[1], found[0].group(0).strip(), rule.name)
    if head >= 0 and (m := S._SUGGEST_VERB.pattern.match(text, head)):
        return S.StanceResult(Stance.SUGGEST, m.group(0).strip(), "suggest-verb")
    if found := S._content_match(S._MODAL_SHOULD, text, start):
        return S.StanceResult(Stance.SUGGEST, found[0].group(0).strip(), "modal-should")
    if head >= 0 and (m := S._NOTE_VERB.pattern.match(text, head)):
        return S.StanceResult(Stance.NOTE, m.group(0).strip(), "note-verb")
    for rule, pat in S._FALLBACK:
        for m in pat.finditer(text, start):
            if m.group(0).lower().rstrip("s") in S._NOUNS:
                continue
            return S.StanceResult(rule.stance, m.group(0).strip(), rule.name)
    return None


def test_classify_equals_unscreened() -> None:
    rules = set()
    for t in _texts():
        starts = [None, 0] + [m.start() for m in re.finditer(r"(?<=\s)\S", t)][:6]
        for v in starts:
            got = stance.classify(t, v)
            assert got == _classify_unscreened(t, v), (t, v)
            if got is not None:
                rules.add(got.rule)
    assert len(rules) >= 15


def test_screen_keeps_order() -> None:
    screen = Screen([("a", re.compile("alpha")), ("any", re.compile(r"\w+")), ("b", re.compile("beta|gam+a"))])
    assert list(screen.candidates("beta alpha")) == ["a", "any", "b"]
    assert list(screen.candidates("delta")) == ["any"]
    assert list(screen.candidates(None)) == ["a", "any", "b"]
