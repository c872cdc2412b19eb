"""Actions: actions-section items, their actors/addressees/deadlines, discussion actions and links."""

from __future__ import annotations

from cwgtool import parse
from cwgtool.model import Document
from tests.unit.fixture_text import RECORD_HEAD


def test_cwg12_actions_section(cwg12: Document) -> None:
    listed = [a for a in cwg12.actions if a.source == "actions"]
    assert [(a.id, a.actor, a.addressee, a.due, a.section) for a in listed] == [
        ("6.1", "The Group", "Member States", None, "6"),
        ("6.2", "The secretariat", None, None, "6"),
        ("6.3", "The Chairman", "Council", None, "6"),
    ]
    assert listed[0].related == [
        "The Chair invited Member States to send/update their submissions to the Repository of Experiences and Best "
        "Practices in International Internet-related Public Policy Issues, as appropriate, on the previous topics "
        "including OTTs on which the CWG-Internet open consultation have been carried out."
    ]
    assert len(listed[1].related) == 1
    assert listed[1].related[0].startswith("Upon the suggestion of the chairman, the secretariat was asked to include OTT")
    assert listed[2].related == []


def test_cwg12_discussion_actions(cwg12: Document) -> None:
    found = [(a.section, a.actor, a.text[:30]) for a in cwg12.actions if a.source == "discussion"]
    assert found == [
        ("2", "The Group", "The agenda was approved as pre"),
        ("4.1.2", "The Chair", "The Chair invited Member State"),
        ("4.1.2", "The secretariat", "Upon the suggestion of the cha"),
    ]
    assert all(a.id is None for a in cwg12.actions if a.source == "discussion")
    texts = " ".join(a.text for a in cwg12.actions)
    assert "The report was noted by the Group" not in texts
    assert "thanked" not in texts
    assert "Some Member States suggested that secretariat could include COP" not in texts


def test_conclusions_and_actions_with_deadlines() -> None:
    d = parse(
        "x.txt",
        text=RECORD_HEAD + "1\tAdoption of the agenda\n1.1\tThe agenda was adopted as presented.\n"
        "2\tContributions\n2.1\tIt was agreed that the secretariat will circulate a questionnaire on working methods.\n"
        "2.2\tThe Chair concluded that there was general support for the proposal.\n"
        "3\tConclusions and actions\n"
        "3.1\tThe secretariat will circulate a questionnaire on working methods no later than 15 March 2021.\n"
        "3.2\tThe Group invited Member States to reply to the questionnaire by 30 April 2021.\n"
        "3.3\tThe report was noted by the Group.\n",
    )
    listed = [(a.id, a.actor, a.addressee, a.due) for a in d.actions if a.source == "actions"]
    assert listed == [("3.1", "The secretariat", None, "2021-03-15"), ("3.2", "The Group", "Member States", "2021-04-30")]
    assert d.actions[0].related == ["It was agreed that the secretariat will circulate a questionnaire on working methods."]
    found = [(a.section, a.actor) for a in d.actions if a.source == "discussion"]
    assert found == [("1", "The Group"), ("2", "The secretariat")]  # the Chair's conclusion is not an action


def test_decisions_section_and_unnumbered_items() -> None:
    d = parse(
        "x.txt",
        text=RECORD_HEAD + "1\tDiscussion\n1.1\tSome Member States suggested that the secretariat could prepare a study.\n"
        "2\tDecisions\nThe Group decided to keep the topic for a future consultation.\n"
        "The Chair will report the outcome of the meeting to the 2022 session of Council.\n"
        "The secretariat will organize the meeting before the next meeting of the Group.\n",
    )
    assert [(a.id, a.actor, a.addressee, a.due) for a in d.actions] == [
        ("2.1", "The Group", None, None),
        ("2.2", "The Chair", "Council", None),
        ("2.3", "The secretariat", None, None),
    ]
