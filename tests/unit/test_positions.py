"""Positions extracted from the committed cwg12 fixture (the seed record's text) and from an
invented inline record covering named actors and procedural items."""

from __future__ import annotations

import re
from collections import Counter
from pathlib import Path

import pytest

import cwgtool
from cwgtool.extract.positions import extract_positions, find_actor, topic_from_title
from cwgtool.extract.sentences import split_sentences
from cwgtool.model import ActorKind, Document, Position, Section, Stance

ROOT = Path(__file__).resolve().parents[2]

GROUP_SENTENCE = re.compile(
    r"\b(?:Some|Several|One|Various|Many)\s+(?:other\s+)?Member States?\b", re.IGNORECASE
)



# Function-scoped on purpose: mutmut runs a mutant against the tests that called the mutated
# function, and a fixture computed once is charged to the first test that asked for it only.
@pytest.fixture
def positions(cwg12: Document) -> list[Position]:
    return extract_positions(cwg12)


def _discussion_sentences(doc: Document) -> list[tuple[str, str]]:
    out: list[tuple[str, str]] = []

    def walk(section: Section, inside: bool) -> None:
        inside = inside or section.title.strip().lower() == "discussion"
        if inside:
            texts = [p.text for p in section.paragraphs]
            if section.number and re.search(r"\.[a-z]$", section.number):
                texts.insert(0, section.title)
            for text in texts:
                out.extend((section.number or "", s) for s in split_sentences(text))
        for child in section.children:
            walk(child, inside)

    for s in doc.sections:
        walk(s, False)
    return out


def test_every_member_state_group_sentence_yields_a_position(
    cwg12: Document, positions: list[Position]
) -> None:
    wanted = [(sec, s) for sec, s in _discussion_sentences(cwg12) if GROUP_SENTENCE.search(s)]
    assert len(wanted) >= 45
    # a position's text is its sentence, or its clause when the sentence holds several
    missing = [(sec, s) for sec, s in wanted if not any(p.section == sec and p.text in s for p in positions)]
    assert not missing


def test_counts_per_contribution(positions: list[Position]) -> None:
    assert Counter(p.contribution for p in positions) == {
        None: 1,  # "The agenda was approved as presented." (a decision of the body: note)
        "CWG-Internet-12/2": 1,  # "The report was noted by the Group."
        "CWG-Internet-12/4": 9,
        "CWG-Internet-12/8": 10,
        "CWG-Internet-12/3": 5,
        "CWG-Internet-12/5": 8,
        "CWG-Internet-12/6": 23,  # with "some also recalled …" split from "Various Member States noted …"
        "CWG-Internet-12/9": 7,
        "CWG-Internet-12/7": 3,
    }


def test_no_positions_from_summaries_actions_or_courtesies(positions: list[Position]) -> None:
    sections = {p.section for p in positions if p.cue not in ("approved", "noted")}  # decisions aside
    assert not any(s and s.endswith(".1") and s.count(".") == 2 for s in sections)  # 4.x.1 Summary
    assert not {"1", "2", "3", "5", "6", "7"} & sections
    assert not any("thanked" in p.text or "welcomed the participants" in p.text for p in positions)
    assert not any(
        p.text.startswith(("Russian Federation presented", "Saudi Arabia submitted")) for p in positions
    )


def test_two_actors_in_one_sentence_give_two_positions(cwg12: Document, positions: list[Position]) -> None:
    sentence = next(s for _, s in _discussion_sentences(cwg12) if "while some other Member States" in s)
    split = [p for p in positions if p.section == "4.4.2" and p.text in sentence]
    assert [(p.actor, p.quantifier, p.stance) for p in split] == [
        ("Some Member States", "some", Stance.NOTE),
        ("some other Member States", "other", Stance.OPPOSE),
    ]
    assert split[1].cue == "national matter"
    # each row's evidence is its own clause
    assert split[0].text.endswith("not well understood") and split[1].text.startswith("some other Member States")


def test_pronoun_takes_previous_actor(positions: list[Position]) -> None:
    premature = next(p for p in positions if p.text.startswith("They stated that the topic was premature"))
    assert (premature.actor, premature.stance, premature.cue) == (
        "Some Member States",
        Stance.OPPOSE,
        "premature",
    )


@pytest.mark.parametrize(
    ("section", "topic"),
    [
        ("4.5.2.a", "Adoption and deployment of IPv6"),
        ("4.5.2.b", "Cost of Internet connectivity for land-locked developing countries"),
        ("4.5.2.c", "Development of local and regional Internet Governance Forums"),
        ("4.5.2.d", "Effective public awareness campaigns for Child Online Protection"),
        ("4.6.2.a", "Impact of the emerging telecommunications/ICTs on socio and economic issues"),
        ("4.6.2.b", "Harnessing AI and IoT for global good"),
    ],
)
def test_topic_attribution(positions: list[Position], section: str, topic: str) -> None:
    here = [p for p in positions if p.section == section]
    assert here
    assert {p.topic for p in here} == {topic}
    assert {p.contribution for p in here} == {
        "CWG-Internet-12/6" if section.startswith("4.5") else "CWG-Internet-12/9"
    }


def test_topic_only_under_lettered_items(positions: list[Position]) -> None:
    assert all(p.topic is None for p in positions if not re.search(r"\.[a-z]$", p.section or ""))


def test_lettered_title_is_a_sentence(positions: list[Position]) -> None:
    first = next(p for p in positions if p.section == "4.5.2.a")
    assert first.text.startswith(
        "Concerning the topic on Adoption and deployment of IPv6, several Member States"
    )
    assert (first.actor, first.quantifier, first.stance) == (
        "several Member States",
        "several",
        Stance.SUPPORT,
    )


def test_seed_actor_kinds(positions: list[Position]) -> None:
    def by_start(start: str) -> Position:
        return next(p for p in positions if p.text.startswith(start))

    chair = by_start("The chair noted that there was general su")
    assert (chair.actor_kind, chair.stance) == (ActorKind.CHAIR, Stance.NOTE)
    one = by_start("One Member State suggested that the Group")
    assert (one.actor_kind, one.quantifier) == (ActorKind.MEMBER_STATE, "one")
    it = by_start("It was suggested that the issue of invest")
    assert (it.actor, it.actor_kind, it.stance) == ("It", ActorKind.UNSPECIFIED, Stance.SUGGEST)
    made = by_start("A suggestion was made to ask secretariat ")
    assert (made.actor_kind, made.stance) == (ActorKind.UNSPECIFIED, Stance.SUGGEST)
    agent = by_start("It was noted by some Member States that d")
    assert (agent.actor, agent.actor_kind, agent.quantifier) == (
        "some Member States",
        ActorKind.MEMBER_STATES_GROUP,
        "some",
    )
    passive = by_start("The topic of bridging the digital gender ")
    assert (passive.actor, passive.stance) == ("several Member States", Stance.SUPPORT)
    members = by_start("Some Members suggested that the CWG-Inter")
    assert (members.actor_kind, members.quantifier) == (ActorKind.MEMBER_STATES_GROUP, "some")
    various = by_start("Various Member States noted its importanc")
    assert various.quantifier == "various"
    chairman = by_start("Upon the suggestion of the chairman, the ")
    assert (chairman.actor_kind, chairman.stance) == (ActorKind.CHAIR, Stance.SUGGEST)


def test_content_country_is_not_a_member(positions: list[Position]) -> None:
    converge = next(
        p for p in positions if "converged with the topic proposed by the Russian Federation" in p.text
    )
    assert converge.members == []
    assert converge.actor == "Some Member States"


def test_provenance_is_the_paragraph(positions: list[Position]) -> None:
    p = next(p for p in positions if p.text.startswith("Some Member States requested more clarity"))
    assert p.provenance is not None and p.provenance.line is not None


RECORD = """\
Council Working Group on International Internet-related Public Policy Issues (CWG-Internet)
Ninth meeting – Geneva, 3 March 2017
Document CWG-Internet-9/7-E
Date: 20 March 2017
English only

Summary record of the ninth meeting of the Council Working Group on International Internet-related Public Policy Issues

1	Opening of the meeting
1.1	The Chair welcomed the participants and thanked the secretariat.

2	Adoption of the agenda
2.1	The representative of Brazil proposed to add an item on working methods. A Member State objected to the addition. The agenda was adopted as amended.

3	CWG-Internet-9/2: Contribution by Fiji – Connectivity of small island states
3.1	Summary
Fiji proposed a consultation on the connectivity of small island developing states. The contribution stressed that the cost of capacity is high.
3.2	Discussion
The representative of Fiji, supported by Samoa and Tonga, welcomed the support for the topic proposed by the Russian Federation and stressed its importance.
Syria and Russia indicated that they could not support the proposal. They considered it premature.
The delegate of the Kingdom of Saudi Arabia requested clarification on the scope of the questions.
The delegate of the United States of America objected to the proposal. He cautioned against duplicating the work of ITU-D.
The proposal was supported by several Member States, while other Member States expressed concern about its cost.
The Councillor from Belarus and the representative of China supported the revised questions.
It was agreed that the secretariat will circulate the revised questions.

4	Any other business
4.1	The secretariat informed the Group that the next meeting would take place in September. Several Member States requested that remote participation be provided.

5	Actions
5.1	The secretariat will circulate the revised questions.
5.2	Member States were invited to submit contributions.

6	Closing
6.1	The Chair thanked all participants and closed the meeting.
"""


@pytest.fixture  # function-scoped for mutmut (see ``positions``)
def invented() -> list[Position]:
    doc = cwgtool.parse("invented.txt", text=RECORD)
    return doc.positions


def _find(positions: list[Position], start: str) -> list[Position]:
    return [p for p in positions if p.text.startswith(start)]


def test_named_actor_with_supporters(invented: list[Position]) -> None:
    (fiji,) = _find(invented, "The representative of Fiji")
    assert fiji.actor == "The representative of Fiji"
    assert fiji.actor_kind is ActorKind.MEMBER_STATE
    assert fiji.quantifier is None
    assert fiji.members == ["FJI", "WSM", "TON"]  # not RUS: "the topic proposed by the Russian Federation"
    assert fiji.stance is Stance.SUPPORT
    assert (fiji.section, fiji.contribution) == ("3.2", "CWG-Internet-9/2")


def test_country_list_and_pronoun(invented: list[Position]) -> None:
    (first,) = _find(invented, "Syria and Russia")
    assert (first.actor, first.actor_kind, first.members, first.stance) == (
        "Syria and Russia", ActorKind.MEMBER_STATES_GROUP, ["SYR", "RUS"], Stance.OPPOSE,
    )  # fmt: skip
    (they,) = _find(invented, "They considered it premature")
    assert (they.actor, they.members, they.stance) == ("Syria and Russia", ["SYR", "RUS"], Stance.OPPOSE)
    (he,) = _find(invented, "He cautioned")
    assert (he.members, he.stance) == (["USA"], Stance.OPPOSE)


def test_named_kinds_and_joined_roles(invented: list[Position]) -> None:
    (sau,) = _find(invented, "The delegate of the Kingdom of Saudi Arabia")
    assert (sau.members, sau.stance) == (["SAU"], Stance.CLARIFY)
    (joint,) = _find(invented, "The Councillor from Belarus and the representative of China")
    assert (joint.actor_kind, joint.members, joint.stance) == (
        ActorKind.MEMBER_STATES_GROUP,
        ["BLR", "CHN"],
        Stance.SUPPORT,
    )


def test_passive_and_second_actor(invented: list[Position]) -> None:
    (first,) = _find(invented, "The proposal was supported by several Member States")
    (second,) = _find(invented, "other Member States expressed concern about its cost")
    assert (first.actor, first.quantifier, first.stance) == (
        "several Member States",
        "several",
        Stance.SUPPORT,
    )
    assert (second.actor, second.quantifier, second.stance) == ("other Member States", "other", Stance.OPPOSE)


def test_procedural_items(invented: list[Position]) -> None:
    agenda = [p for p in invented if p.section == "2"]
    assert [(p.actor, p.actor_kind, p.quantifier, p.stance) for p in agenda] == [
        ("The representative of Brazil", ActorKind.MEMBER_STATE, None, Stance.SUGGEST),
        ("A Member State", ActorKind.MEMBER_STATE, "one", Stance.OPPOSE),
        ("The agenda", ActorKind.UNSPECIFIED, None, Stance.NOTE),  # the body's decision: "was adopted"
    ]
    assert all(p.contribution is None for p in agenda)
    aob = [p for p in invented if p.section == "4"]
    assert [(p.actor_kind, p.stance) for p in aob] == [
        (ActorKind.SECRETARIAT, Stance.NOTE),
        (ActorKind.MEMBER_STATES_GROUP, Stance.SUGGEST),
    ]


def test_excluded_sections_and_decisions_are_notes(invented: list[Position]) -> None:
    sections = {p.section for p in invented}
    assert not {"1", "3.1", "5", "6"} & sections
    assert not any(p.text.startswith("Fiji proposed") for p in invented)
    decisions = [p for p in invented if p.text.startswith(("It was agreed", "The agenda was adopted"))]
    assert decisions and all(p.stance is Stance.NOTE and p.members == [] for p in decisions)


@pytest.mark.parametrize(
    ("text", "actor", "kind", "quantifier"),
    [
        ("Some Member States noted x.", "Some Member States", ActorKind.MEMBER_STATES_GROUP, "some"),
        ("Several Member States noted x.", "Several Member States", ActorKind.MEMBER_STATES_GROUP, "several"),
        (
            "Some other Member States noted x.",
            "Some other Member States",
            ActorKind.MEMBER_STATES_GROUP,
            "other",
        ),
        (
            "A number of Member States noted x.",
            "A number of Member States",
            ActorKind.MEMBER_STATES_GROUP,
            "several",
        ),
        ("Most Member States noted x.", "Most Member States", ActorKind.MEMBER_STATES_GROUP, "most"),
        ("A few Member States noted x.", "A few Member States", ActorKind.MEMBER_STATES_GROUP, "a few"),
        ("Others noted x.", "Others", ActorKind.MEMBER_STATES_GROUP, "other"),
        ("One Member State noted x.", "One Member State", ActorKind.MEMBER_STATE, "one"),
        ("A Member State requested that x.", "A Member State", ActorKind.MEMBER_STATE, "one"),
        ("The Chair noted x.", "The Chair", ActorKind.CHAIR, None),
        ("Chairman noted x.", "Chairman", ActorKind.CHAIR, None),
        ("The secretariat noted x.", "The secretariat", ActorKind.SECRETARIAT, None),
        ("The Group noted x.", "The Group", ActorKind.GROUP, None),
        ("China noted x.", "China", ActorKind.MEMBER_STATE, None),
        ("The Councillor from Belarus noted x.", "The Councillor from Belarus", ActorKind.MEMBER_STATE, None),
    ],
)
def test_actor_forms(text: str, actor: str, kind: ActorKind, quantifier: str | None) -> None:
    found = find_actor(text)
    assert found is not None
    assert (found.text, found.kind, found.quantifier) == (actor, kind, quantifier)


def test_passive_subject_is_not_an_actor() -> None:
    assert find_actor("Member States were invited to submit contributions.") is None


@pytest.mark.parametrize(
    ("title", "topic"),
    [
        ("Concerning the topic on Adoption and deployment of IPv6, several Member States supported the topic.",
         "Adoption and deployment of IPv6"),
        ("Concerning the topic Harnessing AI and IoT for global good", "Harnessing AI and IoT for global good"),
        ("Regarding the proposed topic on “Multilingualism on the Internet”:", "Multilingualism on the Internet"),
        ("Working methods", None),
    ],
)  # fmt: skip
def test_topic_from_title(title: str, topic: str | None) -> None:
    assert topic_from_title(title) == topic


def test_other_fixture_records_parse() -> None:
    for path in sorted((ROOT / "fixtures" / "records").glob("*/*.txt")):
        doc = cwgtool.parse(path)
        assert all(p.text and p.cue is not None for p in doc.positions), path


def test_unnumbered_discussion_part_reports_its_numbered_section() -> None:
    from cwgtool import parse

    doc = parse(
        "x.txt",
        text="1\tIntroduction\nOpened.\n2\tCWG-Internet-21/4: Contribution by Canada - Networks\nSummary\n"
        "Canada proposed a topic.\nDiscussion\nOne Member State sought clarification on the scope.\n",
    )
    assert [(p.section, p.contribution, p.stance) for p in doc.positions] == [("2", "CWG-Internet-21/4", "clarify")]


def test_supported_by_a_list_with_commas() -> None:
    from cwgtool.extract.positions import read_sentence

    reading = read_sentence(
        "The representative of Saudi Arabia, supported by Kuwait, Qatar, and Oman, expressed support for the topic."
    )[0]
    assert reading.actor is not None and reading.actor.text == "The representative of Saudi Arabia"
    assert reading.actor.members == ["SAU", "KWT", "QAT", "OMN"]
    assert reading.stance.stance == "support"


def test_a_presentation_that_carries_a_proposal_is_the_presenters_suggestion() -> None:
    doc = cwgtool.parse(
        "c26.txt",
        text="Council 2026\nGeneva, 9-19 June 2026\nDocument C26/120-E\n1 July 2026\nOriginal: English\n"
        "SUMMARY RECORD\nOF THE\nFOURTH PLENARY MEETING\n"
        "1\tRegional presence (Documents C26/44 and C26/45)\n"
        "1.1\tThe Councillor from Ghana introduced Document C26/44, containing a contribution submitted by her country "
        "and Senegal requesting the Council to strengthen the regional office.\n"
        "1.2\tThe Councillor from Peru presented Document C26/45, which proposed that the area offices report yearly.\n"
        "1.3\tThe representative of the secretariat introduced Document C26/46, which proposed a new budget line.\n"
        "1.4\tThe Councillor from Chile introduced Document C26/47 on the review of the regional presence.\n",
    )
    got = [(p.section, p.actor, p.stance.value, p.members, p.cue) for p in doc.positions]
    assert got == [
        ("1", "The Councillor from Ghana", "suggest", ["GHA"], "requesting"),
        ("1", "The Councillor from Peru", "suggest", ["PER"], "which proposed"),
    ]  # the secretariat's presentation and a presentation that proposes nothing are no positions
