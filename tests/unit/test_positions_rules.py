"""Which clauses become positions (docs/positions.md): courtesies and presentations are not,
a follow-up takes the speaker of its own paragraph, a quantified group always speaks, and the
topic of a lettered item is read from its title. Small inline records, public functions only."""

from __future__ import annotations

import pytest

import cwgtool
from cwgtool.extract.positions import (
    extract_positions,
    positions_from_paragraphs,
    read_sentence,
    topic_from_title,
)
from cwgtool.model import Paragraph, Position, Provenance, Stance


def positions(*paragraphs: str) -> list[Position]:
    return positions_from_paragraphs([Paragraph(text=t, provenance=Provenance(file="t.txt")) for t in paragraphs])


def rows(*paragraphs: str) -> list[tuple[str, Stance, str]]:
    return [(p.actor, p.stance, p.cue) for p in positions(*paragraphs)]


@pytest.mark.parametrize(
    ("sentence", "reason"),
    [
        ("The Chair thanked all participants.", "courtesy"),
        ("Brazil also welcomed the delegates.", "courtesy"),
        ("Brazil presented its contribution.", "presentation"),
        ("The representative of Brazil introduced the document.", "presentation"),
    ],
)
def test_courtesies_and_presentations_are_read_but_not_positions(sentence: str, reason: str) -> None:
    (reading,) = read_sentence(sentence)
    assert reading.actor is not None and reading.skip_reason == reason
    assert positions(sentence) == []


def test_a_presentation_that_carries_a_request_is_the_presenter_s_suggestion() -> None:
    sentence = "The Councillor from Belarus introduced Document C17/98, requesting the Council to approve it."
    (reading,) = read_sentence(sentence)
    assert reading.skip_reason is None and reading.stance is not None
    assert (reading.stance.stance, reading.stance.cue, reading.stance.rule) == (Stance.SUGGEST, "requesting", "presentation")
    # a proposal made earlier, in an aside before the verb, is not carried by this presentation
    (reading,) = read_sentence("Brazil, which proposed the topic last year, presented its report.")
    assert reading.skip_reason == "presentation"


def test_a_skipped_speaker_is_still_the_one_a_pronoun_refers_to() -> None:
    assert rows("The delegate of Brazil thanked the secretariat. He stressed that the topic was important.") == [
        ("The delegate of Brazil", Stance.SUPPORT, "important")
    ]


def test_a_follow_up_takes_the_speaker_of_its_own_paragraph_only() -> None:
    assert rows("Brazil supported the topic. Hence, the topic should be studied further.") == [
        ("Brazil", Stance.SUPPORT, "supported"),
        ("Brazil", Stance.SUGGEST, "should"),
    ]
    # a new paragraph that opens with "Hence" has no speaker of its own
    assert rows("Brazil supported the topic.", "Hence, the topic should be studied further.") == [
        ("Brazil", Stance.SUPPORT, "supported")
    ]


def test_the_body_s_narrative_is_no_position_and_no_follow_up() -> None:
    (reading,) = read_sentence("The Group examined the proposal.")
    assert (reading.clause, reading.actor, reading.stance) == ("The Group examined the proposal.", None, None)
    assert rows("Brazil supported the topic. The Group examined the proposal.") == [
        ("Brazil", Stance.SUPPORT, "supported")
    ]


def test_a_repeated_stance_in_a_sentence_of_its_own_does_not_break_the_paragraph() -> None:
    found = rows("Uruguay supported the proposal. So did Paraguay.")
    assert found[0] == ("Uruguay", Stance.SUPPORT, "supported")
    assert all(stance is Stance.SUPPORT for _, stance, _ in found)


def test_a_quantified_group_of_member_states_always_speaks() -> None:
    sentence = "In the view of some Member States, the topic was premature."
    (reading,) = read_sentence(sentence)
    assert reading.actor is not None and reading.actor.text == "some Member States"
    after_actor = sentence.index("some Member States") + len("some Member States")
    assert reading.verb_start == reading.actor.verb_start == after_actor
    assert [(p.actor, p.stance, p.cue) for p in positions(sentence)] == [
        ("some Member States", Stance.OPPOSE, "premature")
    ]
    # with nothing said, still a position: a note
    sentence = "A report by several Member States was circulated."
    assert rows(sentence) == [("several Member States", Stance.NOTE, "")]
    (reading,) = read_sentence(sentence)
    assert reading.stance is not None and reading.stance.rule == "default"


@pytest.mark.parametrize(
    ("sentence", "stance", "cue", "rule"),
    [
        # a Member State with no cue notes, with its verb as the cue
        ("Several Member States listed the documents received.", Stance.NOTE, "listed", "default"),
        # the body's decision is a note with the deciding verb, whatever else the clause says
        ("It was agreed that the secretariat will circulate the text.", Stance.NOTE, "agreed", "decision"),
        ("The Group agreed to support the proposal.", Stance.NOTE, "agreed", "decision"),
    ],
)
def test_defaults_and_decisions_say_so(sentence: str, stance: Stance, cue: str, rule: str) -> None:
    (reading,) = read_sentence(sentence)
    assert reading.stance is not None
    assert (reading.stance.stance, reading.stance.cue, reading.stance.rule) == (stance, cue, rule)
    assert [(p.stance, p.cue) for p in positions(sentence)] == [(stance, cue)]


def test_the_speaker_carries_over_within_a_sentence_and_from_paragraph_to_paragraph() -> None:
    # within a sentence: "these Member States" are the group just named
    found = positions("Some Member States supported the topic, and these Member States also stressed the need for more time.")
    assert [(p.actor, p.quantifier) for p in found] == [("Some Member States", "some"), ("these Member States", "some")]
    # across paragraphs: a pronoun is the last speaker of the discussion
    assert rows("The delegate of Brazil supported the topic.", "He also stressed the need for more time.") == [
        ("The delegate of Brazil", Stance.SUPPORT, "supported"),
        ("The delegate of Brazil", Stance.SUGGEST, "the need for"),
    ]
    # no speaker before: a pronoun is no one
    assert positions("They supported the topic.") == []


def test_a_named_speaker_after_a_connective_is_that_speaker() -> None:
    assert rows("Brazil supported the topic. Moreover, Chile objected to it.") == [
        ("Brazil", Stance.SUPPORT, "supported"),
        ("Chile", Stance.OPPOSE, "objected"),
    ]


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # a skipped clause does not end the sentence
        ("Brazil presented its contribution, and Chile supported the topic.", [("Chile", Stance.SUPPORT)]),
        # nor does an echo, nor a comma inside a list of names
        ("Uruguay supported the proposal, and so did Paraguay, while Chile objected.",
         [("Uruguay", Stance.SUPPORT), ("Paraguay", Stance.SUPPORT), ("Chile", Stance.OPPOSE)]),
        ("Canada, Brazil and Mexico objected, while Chile supported the topic.",
         [("Canada, Brazil and Mexico", Stance.OPPOSE), ("Chile", Stance.SUPPORT)]),
        # a clause's countries are found where they are, also at its very end and start
        ("The proposal was supported by Brazil, while Chile and Peru objected to it",
         [("Brazil", Stance.SUPPORT), ("Chile and Peru", Stance.OPPOSE)]),
    ],
)  # fmt: skip
def test_every_clause_of_a_sentence_is_read(sentence: str, expected: list[tuple[str, Stance]]) -> None:
    assert [(p.actor, p.stance) for p in positions(sentence)] == expected


@pytest.mark.parametrize(
    ("sentence", "clauses"),
    [
        ("  Brazil supported the topic.  ", ["Brazil supported the topic."]),
        # a fragment left by a bad sentence split, opening with a break: no empty clause
        ("; Chile supported the topic.", ["Chile supported the topic."]),
        ("Brazil supported the topic ; Chile opposed it.", ["Brazil supported the topic", "Chile opposed it."]),
    ],
)
def test_clauses_are_read_without_the_spaces_around_them(sentence: str, clauses: list[str]) -> None:
    readings = read_sentence(sentence)
    assert [r.clause for r in readings] == clauses
    assert all(r.actor is not None and r.clause.startswith(r.actor.text) for r in readings)


def test_an_echo_with_nothing_before_it_has_no_stance() -> None:
    # a fragment left by a bad sentence split: there is no clause before to take a stance from
    assert [(r.clause, r.stance) for r in read_sentence("as did Peru.")] == [("as did Peru.", None)]


def test_loose_paragraphs_report_the_section_they_are_given() -> None:
    found = positions_from_paragraphs(
        [Paragraph(text="Brazil supported the topic.", provenance=Provenance(file="t.txt"))], section="4.2"
    )
    assert [(p.section, p.actor) for p in found] == [("4.2", "Brazil")]


def test_in_furniture_sections_only_a_member_state_named_in_the_sentence_speaks() -> None:
    doc = cwgtool.parse(
        "x.txt",
        text="1\tOpening\nBrazil thanked the Chair. They supported the agenda. Hence, the agenda should be "
        "adopted. Some Member States asked that regional balance be respected.\n",
    )
    assert [(p.actor, p.stance) for p in extract_positions(doc)] == [("Some Member States", Stance.SUGGEST)]


def test_every_section_is_split_with_the_splitter_given() -> None:
    doc = cwgtool.parse(
        "x.txt",
        text="1\tOpening\nSome Member States asked that regional balance be respected.\n"
        "2\tDiscussion\nBrazil supported the topic.\n",
    )
    assert [p.section for p in extract_positions(doc)] == ["1", "2"]
    # a splitter that finds no sentence: no position anywhere, furniture sections included
    assert extract_positions(doc, sentences=lambda text: []) == []


@pytest.mark.parametrize(
    ("title", "topic"),
    [
        # a topic whose words could open a clause ("Countries affected …") is all topic
        ("Concerning the topic on Countries affected by conflict", "Countries affected by conflict"),
        ("Regarding the proposed topic on “Countries affected by conflict”:", "Countries affected by conflict"),
        # quotes inside the punctuation before the actor
        ("Concerning the topic “Harnessing AI”, several Member States supported it.", "Harnessing AI"),
        # an X is a letter of the topic, not something to strip
        ("Concerning the topic on XR and the metaverse", "XR and the metaverse"),
        ("Topic on Web 3.0 and DX", "Web 3.0 and DX"),
        # a leading article goes, capitalised or not
        ("Concerning the topic on the digital divide", "Digital divide"),
        ("Concerning the topic “The digital divide”", "Digital divide"),
        # what follows a colon is the discussion, not the topic; quotes may stand apart from the words
        ("Concerning the topic on cybersecurity: the discussion focused on costs.", "Cybersecurity"),
        ("Concerning the topic “ Harnessing AI ”", "Harnessing AI"),
    ],
)
def test_topic_from_title(title: str, topic: str) -> None:
    assert topic_from_title(title) == topic
