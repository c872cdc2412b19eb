"""Stance rules: one labelled example per rule family, the seed record's tricky sentences, and
an accuracy floor on the hand-labelled benchmark so a rule change that helps one phrasing and
breaks others is caught."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from cwgtool.extract.positions import read_sentence
from cwgtool.extract.sentences import split_sentences
from cwgtool.extract.stance import RULES, classify
from cwgtool.model import Stance

ROOT = Path(__file__).resolve().parents[2]


def stances(sentence: str) -> list[str]:
    return [r.stance.stance.value if r.stance else "-" for r in read_sentence(sentence)]


CASES = [
    # support
    ("Some Member States supported the topic with the revised set of questions.", "support"),
    ("These Member States endorsed the recommendations contained in the proposal.", "support"),
    ("The delegate of Brazil welcomed the proposal.", "support"),
    ("Several Member States were in favour of holding the open consultation in 2020.", "support"),
    ("The topic of bridging the digital gender divide was widely supported by several Member States.", "support"),
    ("Various Member States noted its importance.", "support"),
    ("Germany could support a consultation if the questions were framed in a neutral way.", "support"),
    # content over verb
    ("Some Member States suggested that the topic is an important topic for CWG-Internet to consider.", "support"),
    ("Some Member States suggested that CWG-COP is a more effective platform to discuss the topic, and to bring "
     "this proposal to CWG-COP in order to avoid duplication.", "oppose"),
    ("Some Member States stated that some of the issues mentioned in the contribution are outside the remit of ITU.",
     "oppose"),
    ("They stated that the topic was premature for open consultation.", "oppose"),
    ("It was noted that two CWGs collaborating on a topic would assist with the profile of the topic and was not "
     "duplication of work.", "support"),
    ("Some Member States commented that the role of CWG internet is to develop public policy aspects which is not "
     "covered under SGs.", "support"),
    # negation
    ("Some Member States did not support this proposal.", "oppose"),
    ("Canada could not agree to the proposed amendment.", "oppose"),
    ("Some Member States were not in favour of a second consultation on the same subject.", "oppose"),
    ("A Member State was not in a position to support the proposed text.", "oppose"),
    ("Some Member States were unable to accept the revised questions.", "oppose"),
    ("The representative of Sweden stated that the questions were not useful.", "oppose"),
    # other oppose cues
    ("The delegate of the United States of America objected to the proposal.", "oppose"),
    ("Several Member States expressed concern that the contribution overlapped with ongoing work.", "oppose"),
    ("The representative of Australia stated that there was no need for a new questionnaire.", "oppose"),
    ("Some Member States stated that social issues may not be relevant to the work of CWG-Internet.", "oppose"),
    ("The delegate of Switzerland noted that the subject was a national matter.", "oppose"),
    ("Some Member States noted that the process for IGF was already being carried out in other UN agencies.",
     "oppose"),
    ("Some Member States stated that considering the heavy agenda, it would be difficult for Council to address it.",
     "oppose"),
    ("Some Member States suggested that though Capacity Building is an important area, the aspect should get covered "
     "under D sector and not part of the engagement under CWG Internet.", "oppose"),
    # clarify
    ("Some Member States requested more clarity on the definition of community networks.", "clarify"),
    ("Some Member States sought clarification of the intent of the contribution.", "clarify"),
    ("Some Member States asked whether the consultation would be open to all stakeholders.", "clarify"),
    ("One Member State questioned how the results of the consultation would be used.", "clarify"),
    # suggest
    ("Some Member States suggested that the topic could be refined to focus on public policy issues.", "suggest"),
    ("The Chair invited Member States to send their submissions to the Repository.", "suggest"),
    ("It was suggested that the issue of investment should also be included in the set of questions.", "suggest"),
    ("A suggestion was made to ask secretariat to provide a base document.", "suggest"),
    ("The representative of Fiji requested that remote participation be facilitated.", "suggest"),
    ("Some Member States noted that the subject was broad and that the Group should focus on its public policy "
     "aspects.", "suggest"),
    ("One Member State suggested that the Group could endorse sending of the recommendations to relevant ITU-D "
     "groups.", "suggest"),
    # note
    ("Some Member States noted that there are hundreds of examples of community networks.", "note"),
    ("The secretariat informed the meeting that 25 responses had been received.", "note"),
    ("Some Member States highlighted the work already carried out by the regional offices.", "note"),
    ("The chair noted that there was general support for the topic.", "note"),
]  # fmt: skip


@pytest.mark.parametrize(("sentence", "expected"), CASES)
def test_stance(sentence: str, expected: str) -> None:
    assert stances(sentence) == [expected]


def test_second_sentence_of_pp18_paragraph_is_oppose() -> None:
    text = (
        "Some Member States noted that the topic was discussed at length at PP-18, and there are sensitive issues "
        "involved which require attention at the national level such as issues related to spectrum. They stated "
        "that the topic was premature for open consultation."
    )
    first, second = split_sentences(text)
    assert stances(second) == ["oppose"]
    assert stances(first) == ["oppose"]  # "require attention at the national level"


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        (
            "Some Member States stated that the reason for divergence of views was because it was not well "
            "understood, while some other Member States stated that the reason for the divergence was rather the "
            "sensitivity of the issues concerned, not a lack of understanding, and that it's considered as a "
            "national matter.",
            ["note", "oppose"],
        ),
        (
            "Some Member States stated that the topic of Internet connectivity was covered in the consultation "
            "carried out in 2016, though other Member States noted that the 2016 topic did not specifically "
            "address the cost of connectivity for land-locked developing countries.",
            ["oppose", "support"],
        ),
        (
            "Some Member States supported the proposal, while others expressed concern about its cost.",
            ["support", "oppose"],
        ),
        (
            "Other Member States stressed that the study groups deal with technical aspects, whereas the Group's "
            "mandate covers public policy issues.",
            ["support"],
        ),
    ],
)
def test_clause_split(sentence: str, expected: list[str]) -> None:
    assert stances(sentence) == expected


def test_cue_is_the_deciding_words() -> None:
    result = classify("Some Member States did not support the contribution.", len("Some Member States"))
    assert result is not None
    assert (result.stance, result.cue) == (Stance.OPPOSE, "did not support")


@pytest.mark.parametrize(
    ("sentence", "stance", "cue"),
    [
        # capitals anywhere in the content: the rules read the words whatever their case, and
        # the cue is given as written
        ("The delegate of Fiji said that the topic was OUTSIDE THE REMIT of the Group.", Stance.OPPOSE, "OUTSIDE THE REMIT"),
        ("The delegate of Fiji noted that the matter was Premature.", Stance.OPPOSE, "Premature"),
        ("Kenya stated that it was a National Matter for each State.", Stance.OPPOSE, "National Matter"),
        ("Peru said the topic was More Appropriate for the ITU-D study groups.", Stance.OPPOSE, "More Appropriate for"),
        ("Peru said the topic was more appropriate for the Group.", Stance.OPPOSE, "more appropriate for"),
        ("Chile said that the topic Should Be Retained.", Stance.SUPPORT, "Should Be Retained"),
        # a capital İ lengthens str.lower(): the cue must still be the words that decided
        ("The delegate of Türkiye (İstanbul office) said the topic was not useful.", Stance.OPPOSE, "not useful"),
    ],
)
def test_content_cues_in_any_case(sentence: str, stance: Stance, cue: str) -> None:
    readings = [r for r in read_sentence(sentence) if r.stance is not None]
    assert readings, sentence
    assert (readings[0].stance.stance, readings[0].stance.cue) == (stance, cue)


def test_narrative_has_no_stance() -> None:
    assert (
        classify("Topic 1 of the UK proposal was on the same topic and therefore discussed together.") is None
    )


def test_rules_are_documented() -> None:
    assert all(rule.why for rule in RULES)
    assert len({rule.name for rule in RULES}) == len(RULES)


def test_accuracy_floor() -> None:
    sys.path.insert(0, str(ROOT / "benchmarks"))
    try:
        import stance_accuracy
    finally:
        sys.path.pop(0)
    outcomes = stance_accuracy.evaluate()
    assert len(outcomes) >= 120
    report = stance_accuracy.report(outcomes, verbose=True)
    assert stance_accuracy.accuracy(outcomes) >= 0.95, report  # measured 0.955
    # per expected stance, just under the measured recall (support .95, oppose .90, suggest and
    # clarify 1.0, note .97)
    floors = {"support": 0.94, "oppose": 0.89, "suggest": 0.98, "clarify": 0.95, "note": 0.94}
    for stance, floor in floors.items():
        sub = [o for o in outcomes if o.expected == stance]
        assert stance_accuracy.accuracy(sub) >= floor, (stance, report)
