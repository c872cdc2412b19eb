"""actions._is_action strips and folds a sentence once; it must answer as the two tests it
replaced in extract_actions: ``not _is_excluded(s) and _action_cue(s)``."""

from __future__ import annotations

from cwgtool.extract import actions
from tests.unit.fixture_text import fixture_sentences


def test_is_action_answers_as_excluded_and_cue() -> None:
    texts = fixture_sentences() + [
        "",
        "   ",
        "  The Group requested the secretariat to prepare a report.  ",
        "The Chair thanked the participants and the Group agreed to hold an open consultation.",
        "The Chair thanked the participants.",
        "The agenda was adopted.",
        "It was agreed that the Group would meet again.",
        "Nothing further.",
        "The CWG ſhall invite Member States.",
    ]
    texts += [t.upper() for t in texts]
    hits = 0
    for t in texts:
        want = not actions._is_excluded(t) and actions._action_cue(t)
        assert actions._is_action(t) == want, t
        hits += want
    assert hits > 5
