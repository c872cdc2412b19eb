"""Stance behaviours that must hold whatever the rules look like: each test fails if one
mechanism is broken (negation flip, concession, look-back window, 'importance' flip,
'received the support of X')."""

from __future__ import annotations

import pytest

from cwgtool.extract.lexicon import inflections, read_head
from cwgtool.extract.positions import positions_from_paragraphs
from cwgtool.extract.stance import RULES, classify
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


def test_a_concession_cancels_only_the_cue_it_covers() -> None:
    # the first "important" is conceded, the second is the speaker's own view
    assert [r[2] for r in _rows(
        "Some Member States stated that though the survey was important, the topic was more important."
    )] == [Stance.SUPPORT]
    assert [r[2] for r in _rows(
        "Some Member States noted that though the survey had been useful, the consultation would be more useful."
    )] == [Stance.SUPPORT]


def test_the_actor_s_own_words_are_not_its_stance() -> None:
    """Cues are read from the verb on: words inside the actor ("that had objected",
    "with objections") describe who speaks, not what they say now."""
    for actor, rest, verb in [
        ("The Member States that had objected earlier", "noted the revised text.", "noted"),
        ("The Member States with objections", "presented the history of the item.", "presented"),
    ]:
        result = classify(f"{actor} {rest}", len(actor) + 1)
        assert result is not None
        assert (result.stance, result.cue) == (Stance.NOTE, verb)


def test_the_actor_s_own_words_are_no_phrase_either() -> None:
    # a head verb outside the lexicon ("listed"): the lexicon phrases are looked for from the verb on
    actor = "The delegations that had proposed changes"
    assert classify(f"{actor} listed the documents received.", len(actor) + 1) is None


def test_without_an_actor_a_cue_counts_from_the_first_word() -> None:
    for sentence, stance, cue in [
        ("Objections were raised to the draft.", Stance.OPPOSE, "Objections"),
        ("Duplication of work with the study groups was to be avoided.", Stance.OPPOSE, "Duplication"),
    ]:
        result = classify(sentence)
        assert result is not None
        assert (result.stance, result.cue) == (stance, cue)


def test_a_document_noun_alone_is_no_stance() -> None:
    # "suggestions", "concerns" name documents or items when no actor says them
    assert classify("The suggestions of Brazil were circulated as Document 5.") is None
    assert classify("The concerns listed in the annex were forwarded to the secretariat.") is None
    # a verb form of the same word is a stance
    result = classify("It was suggested that the questions be circulated.")
    assert result is not None and result.stance is Stance.SUGGEST


@pytest.mark.parametrize(
    ("sentence", "actor", "stance", "rule"),
    [
        # 1. a stance verb decides, whatever the content says
        ("Brazil supported the proposal although it was premature.", "Brazil", Stance.SUPPORT, "head:"),
        # 2. otherwise the content: a denial of an objection before the weaker objection it denies
        ("Brazil stated that the work was not duplication.", "Brazil", Stance.SUPPORT, "denied-objection"),
        ("Brazil stated that the work was a duplication.", "Brazil", Stance.OPPOSE, "duplication"),
        # 3. then a suggesting verb, before a modal in the content
        ("Brazil suggested that the Group should consider it.", "Brazil", Stance.SUGGEST, "head:"),
        ("Brazil noted that the Group should consider it.", "Brazil", Stance.SUGGEST, "modal-should"),
        # 4. then any reporting verb
        ("Brazil noted the report.", "Brazil", Stance.NOTE, "head:"),
        # no actor: a lexicon phrase anywhere
        ("It was proposed that the questions be shortened.", None, Stance.SUGGEST, "phrase:"),
    ],
)
def test_the_result_names_what_decided(sentence: str, actor: str | None, stance: Stance, rule: str) -> None:
    """``StanceResult.rule`` says which step of the order of decision (docs/positions.md) gave
    the stance: a content rule by name, or the head verb / a phrase with its lexicon entry."""
    result = classify(sentence, len(actor) + 1 if actor else None)
    assert result is not None and result.stance is stance
    if rule.endswith(":"):
        assert result.rule.startswith(rule) and len(result.rule) > len(rule)
    else:
        assert result.rule == rule and rule in {r.name for r in RULES}


def test_a_condition_is_read_after_the_cue_and_trimmed() -> None:
    assert _conditions("Kenya supported the topic, provided that the questions were shortened.") == [
        "provided that the questions were shortened"
    ]
    assert _conditions("Kenya supported the topic on condition that it was listed in Annex X.") == [
        "on condition that it was listed in Annex X"
    ]
    # a qualifier inside the actor's relative clause, before the verb, is not the stance's condition
    assert _conditions("Kenya, which had asked if the questions were final, supported the topic.") == [None]
    # a concession after a comma: the condition starts at its word, without the comma
    assert _conditions("Kenya supported the topic, although it wondered whether the questions were final.") == [
        "although it wondered whether the questions were final"
    ]
