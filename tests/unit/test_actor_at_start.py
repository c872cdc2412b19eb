"""``find_actor`` tries an actor at position 0 before scanning the clause; it must give what the
full scan (``_scan_actor``) gives, for every clause, with or without a previous actor."""

from __future__ import annotations

import random
from pathlib import Path

import pytest

from cwgtool.countries import find_countries
from cwgtool.extract import positions
from cwgtool.extract.prefilter import fold
from cwgtool.extract.sentences import split_sentences
from cwgtool.model import ActorKind

ROOT = Path(__file__).resolve().parents[2]
PREVIOUS = positions.Actor("Some Member States", ActorKind.MEMBER_STATES_GROUP, "some", [], 0, 18)

_WORDS = (  # noqa: SIM905 - a word list reads better as one string
    "Some other Member States Member State One A the The THE These those Chair chairman Secretariat "
    "Group CWG meeting others Russian Federation China and , Delegates from representative of "
    "Canada Director BDT It was also suggested that by On the proposal Suggestions were made "
    "They He supported noted did not support the topic raised concerns stated ; while İ ſ"
).split()


def _as_tuple(actor: positions.Actor | None) -> tuple[object, ...] | None:
    if actor is None:
        return None
    a = actor
    return (a.text, a.kind, a.quantifier, tuple(a.members), a.start, a.end, a.verb_start, a.impersonal_verb)


def _check(text: str) -> None:
    for previous in (None, PREVIOUS):
        scanned = positions._scan_actor(text, previous, find_countries(text), fold(text), False)
        assert _as_tuple(positions.find_actor(text, previous)) == _as_tuple(scanned), text


def _fixture_sentences() -> list[str]:
    out: list[str] = []
    for path in sorted((ROOT / "fixtures" / "records").glob("*/*.txt")):
        for line in path.read_text(encoding="utf-8").splitlines():
            out.extend(split_sentences(line))
    return out


def test_random_clauses_match_the_full_scan() -> None:
    rng = random.Random(11)
    for _ in range(4000):
        _check(" ".join(rng.choice(_WORDS) for _ in range(rng.randint(0, 12))))


@pytest.mark.parametrize("text", [
    "Some Member States supported the proposal.",
    "It was suggested by China that the topic be kept.",
    "On the proposal of Canada, some Member States agreed.",
    "Suggestions were made by some Member States.",
    "THE Russian Federation supported the topic.",
    "The Russian Federation supported the topic.",
    "These Member States noted the report.",
    "They supported the proposal.",
    "Some Member States, supported by Fiji, objected.",
    "Member States were invited to submit contributions.",
])  # fmt: skip
def test_forms_at_the_start(text: str) -> None:
    _check(text)


def test_fixture_sentences_and_their_tails_match_the_full_scan() -> None:
    sentences = _fixture_sentences()
    assert len(sentences) > 200
    for s in sentences:
        _check(s)
        for i, ch in enumerate(s):
            if ch == " " and i + 1 < len(s):
                _check(s[i + 1 :])
