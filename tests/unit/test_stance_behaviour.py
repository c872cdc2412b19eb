"""Stance behaviours that must hold whatever the rules look like: each test fails if one
mechanism is broken (negation flip, concession, look-back window, 'importance' flip,
'received the support of X')."""

from __future__ import annotations

import pytest

from cwgtool.extract.lexicon import inflections, read_head
from cwgtool.extract.positions import positions_from_paragraphs
from cwgtool.model import Paragraph, Provenance, Stance


def _rows(text: str) -> list[tuple[str, list[str], Stance]]:
    para = Paragraph(text=text, provenance=Provenance(file="t.txt"))
    return [(p.actor, p.members, p.stance) for p in positions_from_paragraphs([para])]


@pytest.mark.parametrize(
    ("sentence", "stance"),
    [
        ("Some Member States stated that the topic was not important.", Stance.OPPOSE),  # flip of 'importance'
        ("Some Member States stated that the topic was important.", Stance.SUPPORT),
        ("Some Member States stated that the consultation was not useful.", Stance.OPPOSE),
        ("Brazil did not object to the inclusion of the topic.", Stance.SUPPORT),  # negated objection
        ("Brazil did not support the inclusion of the topic.", Stance.OPPOSE),  # negated support
        ("Brazil was unable to accept the proposal.", Stance.OPPOSE),
        ("Brazil was not in a position to support the proposal.", Stance.OPPOSE),
        ("Brazil would not block the proposal.", Stance.SUPPORT),
        ("Brazil had no difficulty with the proposal.", Stance.SUPPORT),
    ],
)
def test_negation_turns_the_stance(sentence: str, stance: Stance) -> None:
    assert [r[2] for r in _rows(sentence)] == [stance]


def test_a_concession_does_not_count_as_support() -> None:
    # "though … important" concedes; the objection that follows is the stance
    rows = _rows(
        "Some Member States suggested that though capacity building is an important area, it should "
        "not be part of the work of the Group."
    )
    assert [r[2] for r in rows] == [Stance.OPPOSE]
    # without the concession the same word is support
    assert [r[2] for r in _rows("Some Member States suggested that capacity building is an important area.")] == [
        Stance.SUPPORT
    ]


def test_negation_is_looked_for_only_just_before_the_cue() -> None:
    far = "Some Member States noted that there was no report last year and that the topic is important."
    assert [r[2] for r in _rows(far)] == [Stance.SUPPORT]
    near = "Some Member States noted that the topic is not very important."
    assert [r[2] for r in _rows(near)] == [Stance.OPPOSE]


def test_received_the_support_of_is_the_agent_s_support() -> None:
    rows = _rows("The proposal received the support of Canada and Mexico.")
    assert rows == [("Canada and Mexico", ["CAN", "MEX"], Stance.SUPPORT)]


def test_several_actors_each_with_their_own_stance() -> None:
    rows = _rows("Algeria favoured the topic; Denmark, however, considered it outside the remit of the Group.")
    assert [(r[1], r[2]) for r in rows] == [(["DZA"], Stance.SUPPORT), (["DNK"], Stance.OPPOSE)]


def test_un_names_with_brackets_and_speaking_for() -> None:
    assert _rows("Iran (Islamic Republic of), also speaking for Iraq and Oman, objected.") == [
        ("Iran (Islamic Republic of)", ["IRN", "IRQ", "OMN"], Stance.OPPOSE)
    ]


def test_groups_of_any_noun_and_impersonal_agents() -> None:
    assert [r[2] for r in _rows("A majority of the councillors were in favour of the draft.")] == [Stance.SUPPORT]
    assert [r[2] for r in _rows("Concerns were voiced by several participants about the cost.")] == [Stance.OPPOSE]


def test_output_grows_with_the_input_not_with_clauses_times_sentence() -> None:
    """One sentence of many clauses: each position's evidence is its clause (issue #12)."""
    clause = "some Member States supported the topic"
    for n in (50, 200):
        sentence = "S" + ", while ".join([clause] * n)[1:] + "."
        para = Paragraph(text=sentence, provenance=Provenance(file="t.txt"))
        positions = positions_from_paragraphs([para])
        assert len(positions) == n
        assert sum(len(p.text) for p in positions) < 2 * len(sentence)


def test_verb_forms_come_from_one_table() -> None:
    assert {"supports", "supported", "supporting"} <= inflections("support")
    assert {"preferred", "concurred"} <= inflections("prefer") | inflections("concur")
    assert {"sought", "saw", "seen"} <= inflections("seek") | inflections("see")
    head = read_head("X could not agree with it", 1)
    assert head is not None and head.negated and head.modal == "could" and head.stance is Stance.OPPOSE


def _conditions(text: str) -> list[str | None]:
    para = Paragraph(text=text, provenance=Provenance(file="t.txt"))
    return [p.condition for p in positions_from_paragraphs([para])]


def test_conditions_and_mixed_stances_are_kept() -> None:
    assert _conditions("Kenya supported the topic on condition that the questions were shortened.") == [
        "on condition that the questions were shortened"
    ]
    assert _conditions("Several delegations welcomed the proposal but requested more time to study it.") == [
        "but requested more time to study it"
    ]
    assert _conditions("Kenya supported the topic.") == [None]
    assert _conditions("Kenya asked if the questions were final.") == [None]  # a question, not a condition


@pytest.mark.parametrize(
    ("sentence", "rows"),
    [
        ("Ghana endorsed the questions and Nigeria also endorsed them.", [["GHA"], ["NGA"]]),
        ("Mexico supported the text, Argentina objected.", [["MEX"], ["ARG"]]),
        ("Uruguay supported the proposal, and so did Paraguay.", [["URY"], ["PRY"]]),
        ("Australia proposed an amendment, which New Zealand supported.", [["AUS"], ["NZL"]]),
        # one actor of several names stays one row
        ("China and the Russian Federation supported the proposal.", [["CHN", "RUS"]]),
        ("Canada, Brazil and Mexico objected.", [["CAN", "BRA", "MEX"]]),
    ],
)
def test_clauses_split_only_where_a_second_speaker_starts(sentence: str, rows: list[list[str]]) -> None:
    assert [r[1] for r in _rows(sentence)] == rows


def test_so_did_takes_the_stance_before_it() -> None:
    assert [r[2] for r in _rows("Uruguay opposed the proposal, and so did Paraguay.")] == [Stance.OPPOSE, Stance.OPPOSE]
