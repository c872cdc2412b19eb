"""Topics proposed for open consultations: which items are topics, their questions and outcomes."""

from __future__ import annotations

from cwgtool import parse
from cwgtool.model import Document
from tests.unit.fixture_text import RECORD_HEAD


def test_cwg12_nine_topics(cwg12: Document) -> None:
    got = [(t.source, [s.iso3 for s in t.proposed_by], len(t.questions)) for t in cwg12.topics]
    assert got == [
        ("CWG-Internet-12/3", ["RUS"], 5),
        ("CWG-Internet-12/5", ["CAN"], 0),
        ("CWG-Internet-12/6", ["GBR"], 3),
        ("CWG-Internet-12/6", ["GBR"], 3),
        ("CWG-Internet-12/6", ["GBR"], 4),
        ("CWG-Internet-12/6", ["GBR"], 3),
        ("CWG-Internet-12/6", ["GBR"], 3),
        ("CWG-Internet-12/9", ["SAU"], 4),
        ("CWG-Internet-12/9", ["SAU"], 4),
    ]
    assert [t.title for t in cwg12.topics][:3] == [
        "Contributing to capacity building for Internet governance in developing countries",
        "The role of Community Networks in advancing connectivity to remote, unserved or underserved communities",
        "The use of community networks for Internet connectivity",
    ]
    assert cwg12.topics[-1].title == "Harnessing AI and IoT for global good"


def test_cwg12_not_topics(cwg12: Document) -> None:
    sources = {t.source for t in cwg12.topics}
    assert "CWG-Internet-12/8" not in sources  # recommendations, not a consultation topic
    assert "CWG-Internet-12/7" not in sources  # asks Council to decide; names no topic
    assert "CWG-Internet-12/4" not in sources  # a work plan, not a topic


def test_cwg12_revised_questions_and_outcomes(cwg12: Document) -> None:
    rus = cwg12.topics[0]
    assert len(rus.revised_questions) == 3  # the two-question last bullet counts as one entry
    assert rus.revised_questions[0] == (
        "what are best practices for capacity building for Internet governance in developed and developing countries?"
    )
    assert rus.questions[-1].endswith("policies on Internet governance.")  # closing quote stripped
    assert rus.outcome == "However, there was continued divergence of opinion on these revised set of questions."
    ipv6 = cwg12.topics[3]
    assert ipv6.title == "The adoption and deployment of IPv6"
    assert ipv6.outcome == (
        "The chair noted that there was general support for the topic, with the understanding that the questions need to be further refined."
    )
    assert ipv6.section == "4.5"
    assert cwg12.topics[4].outcome is None  # land-locked: nothing conclusive said
    # UK topic 1 was discussed together with the Canadian proposal (cross-reference by symbol)
    assert cwg12.topics[2].outcome is not None and "divergence" in cwg12.topics[2].outcome


def test_numbered_topics_with_lettered_questions_and_ordinal_outcomes() -> None:
    d = parse(
        "x.txt",
        text=RECORD_HEAD + "1\tConsideration of contributions\n"
        "1.1\tCWG-Internet-15/3: Joint contribution by Argentina and Brazil - Topics\n"
        "1.1.1\tSummary\nThe co-sponsors proposed two topics:\n"
        "1)\tResilience of submarine cables\na)\tWhat measures protect submarine cables?\n"
        "b)\tHow can governments cooperate on repairs?\n2)\tLocal content hosting\na)\tWhat policies encourage local hosting?\n"
        "1.1.2\tDiscussion\nSeveral Member States supported the first topic.\n"
        "The Chair concluded that there was general support for the second topic.\n",
    )
    got = [(t.title, t.questions, t.outcome) for t in d.topics]
    assert got == [
        ("Resilience of submarine cables", ["What measures protect submarine cables?", "How can governments cooperate on repairs?"],
         "Several Member States supported the first topic."),
        ("Local content hosting", ["What policies encourage local hosting?"],
         "The Chair concluded that there was general support for the second topic."),
    ]
    assert [s.iso3 for s in d.topics[0].proposed_by] == ["ARG", "BRA"]


def test_announced_topic_forms() -> None:
    d = parse(
        "x.txt",
        text=RECORD_HEAD + "1\tConsideration of contributions\n"
        "1.1\tCWG-Internet-15/4: Contribution by the Republic of Kenya\n1.1.1\tSummary\n"
        "Kenya proposed that the next open consultation address the affordability of access for low-income users. "
        "The contribution proposed the following questions:\n"
        "(a)\tWhat factors determine the price of access?\n(b)\tWhich policies reduced the cost of devices?\n"
        "1.2\tCWG-Internet-15/6: Contribution by Brazil - Topics for the next open consultation\n1.2.1\tSummary\n"
        "Brazil proposes that Council decide on the topic for the next open consultation.\n"
        "1.3\tCWG-Internet-15/7: Contribution by India\n1.3.1\tSummary\n"
        "The contribution proposed to add the following topics to the list:\n"
        "-\tthe environmental impact of Internet infrastructure.\n",
    )
    assert [(t.source, t.title, len(t.questions)) for t in d.topics] == [
        ("CWG-Internet-15/4", "The affordability of access for low-income users", 2),
    ]


def test_more_ways_of_proposing_a_topic() -> None:
    head = RECORD_HEAD + "1\tConsideration of contributions\n"
    bodies = [
        # the title after the colon, unquoted
        "1.1\tCWG-Internet-15/4: Contribution by the Republic of Kenya\n1.1.1\tSummary\n"
        "Kenya proposes the following topic for the next open consultation: Public access to government data. "
        "The proposed questions are:\n1.\tWhat data do governments publish?\n2.\tHow is it reused?\n",
        # "that the theme of the next open consultation be X"
        "1.1\tCWG-Internet-15/5: Contribution by Nepal\n1.1.1\tSummary\n"
        "Nepal proposed that the theme of the next open consultation be mountain connectivity, with the following questions:\n"
        "a)\tWhat obstacles exist?\nb)\tWhich policies helped?\n",
        # "proposes an open consultation on X", in a Council-style section without Summary/Discussion parts
        "1.1\tDocument CWG-Internet-15/6 (Republic of Korea): Digital public infrastructure\n"
        "1.1.1\tThe representative of the Republic of Korea introduced the document, which proposes an open consultation "
        "on the public policy aspects of digital public infrastructure.\n"
        "1.1.2\tThe Chair concluded that there was no consensus on the proposal.\n",
    ]
    got = []
    for body in bodies:
        doc = parse("x.txt", text=head + body)
        got += [(t.source, t.title, len(t.questions), t.status) for t in doc.topics]
    assert got == [
        ("CWG-Internet-15/4", "Public access to government data", 2, None),
        ("CWG-Internet-15/5", "Mountain connectivity", 2, None),
        ("CWG-Internet-15/6", "The public policy aspects of digital public infrastructure", 0, "not_agreed"),
    ]


def test_a_decision_naming_a_proposed_topic_settles_it_without_a_second_topic() -> None:
    doc = parse(
        "x.txt",
        text=RECORD_HEAD + "1\tConsideration of contributions\n"
        "1.1\tCWG-Internet-15/4: Contribution by the Republic of Kenya\n1.1.1\tSummary\n"
        "Kenya proposed that the next open consultation address public access to government data.\n"
        "2\tDecisions\n2.1\tThe Group decided, as suggested by Kenya, to hold the next open consultation on public access "
        "to government data.\n",
    )
    assert [(t.title, t.status) for t in doc.topics] == [("Public access to government data", "agreed")]
