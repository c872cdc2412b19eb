"""What a meeting made of each proposed topic: labels ("Topic B"), statuses, and topics proposed
in a record's own text. Invented records in phrasings of several bodies; the records of
fixtures/make_variants.py check the same in every rendering (test_variant_documents.py)."""

from __future__ import annotations

import csv
import io

import pytest
from typer.testing import CliRunner

from cwgtool import parse
from cwgtool.cli import app
from cwgtool.extract.topic_outcome import sentence_status
from cwgtool.model import TopicStatus
from tests.unit.fixture_text import RECORD_HEAD

LETTERED_IN_A_CONTRIBUTION = RECORD_HEAD + (
    "1\tConsideration of contributions\n"
    "1.1\tCWG-Internet-15/4: Contribution by the Republic of Colombia and Peru - Topics for the next open consultation\n"
    "1.1.1\tSummary\n"
    "The co-sponsors proposed three topics.\n"
    "Topic A – Open data in local government\n"
    "-\tWhich data sets have municipalities opened?\n"
    "-\tHow is their reuse measured?\n"
    "Topic B – Internet access in public schools\n"
    "-\tWhat share of schools is connected?\n"
    "Topic C – Online consumer protection\n"
    "-\tWhich remedies do consumers have across borders?\n"
    "-\tHow do authorities cooperate?\n"
    "1.1.2\tDiscussion\n"
    "Topics A and C received general support, whereas some Member States found Topic B too narrow.\n"
    "Several Member States supported Topic B.\n"
    "2\tConclusions\n"
    "2.1\tThe Group agreed to hold the next open consultation on Topic C.\n"
)


def test_lettered_topics_get_labels_and_what_the_meeting_made_of_them() -> None:
    doc = parse("x.txt", text=LETTERED_IN_A_CONTRIBUTION)
    got = [(t.label, t.title, len(t.questions), t.status) for t in doc.topics]
    assert got == [
        ("A", "Open data in local government", 2, TopicStatus.SUPPORTED),
        ("B", "Internet access in public schools", 1, None),  # only some Member States spoke for it
        ("C", "Online consumer protection", 2, TopicStatus.AGREED),  # the decision outranks support
    ]
    assert doc.topics[2].outcome == "The Group agreed to hold the next open consultation on Topic C."
    assert [s.iso3 for s in doc.topics[0].proposed_by] == ["COL", "PER"]


def test_a_label_shared_by_two_contributions_is_not_settled_from_outside_them() -> None:
    second = (
        "1.2\tCWG-Internet-15/5: Contribution by Ghana - Topic\n1.2.1\tSummary\n"
        "Topic C: Mobile money regulation\n-\tWhat safeguards protect users?\n"
    )
    text = LETTERED_IN_A_CONTRIBUTION.replace("2\tConclusions\n", second + "2\tConclusions\n")
    doc = parse("x.txt", text=text)
    assert [(t.label, t.status) for t in doc.topics if t.label == "C"] == [("C", TopicStatus.SUPPORTED), ("C", None)]


def test_ordinals_in_one_sentence_give_each_topic_its_own_clause() -> None:
    doc = parse(
        "x.txt",
        text=RECORD_HEAD + "1\tConsideration of contributions\n"
        "1.1\tCWG-Internet-15/3: Joint contribution by Argentina and Brazil - Topics\n"
        "1.1.1\tSummary\nThe co-sponsors proposed two topics:\n"
        "1)\tResilience of submarine cables\na)\tWhat measures protect submarine cables?\n"
        "2)\tLocal content hosting\na)\tWhat policies encourage local hosting?\n"
        "1.1.2\tDiscussion\n"
        "It was agreed that the second topic would be the subject of the next open consultation, and that the first topic "
        "would be kept for a later consultation.\n",
    )
    assert [t.status for t in doc.topics] == [TopicStatus.DEFERRED, TopicStatus.AGREED]


def test_topics_proposed_in_a_records_own_text() -> None:
    doc = parse(
        "x.txt",
        text=RECORD_HEAD + "1\tOpening\n1.1\tThe Chair opened the meeting.\n"
        "2\tAny other business\n"
        "2.1\tThe delegate of Paraguay proposed to hold the next open consultation on public access points in rural "
        "libraries, with the following questions:\n"
        "1.\tHow are public access points financed?\n2.\tWho maintains them?\n"
        "2.2\tThe proposal was supported by most delegations.\n",
    )
    (topic,) = doc.topics
    assert (topic.title, len(topic.questions), topic.section) == ("Public access points in rural libraries", 2, "2")
    assert [s.iso3 for s in topic.proposed_by] == ["PRY"]
    assert topic.status is TopicStatus.SUPPORTED and topic.source is None


def test_a_decision_naming_an_unknown_topic_invents_nothing() -> None:
    doc = parse(
        "x.txt",
        text=RECORD_HEAD + "1\tOpen consultation\n"
        "1.1\tThe Group agreed to hold the next open consultation on Topic B.\n"
        "1.2\tIt was proposed to hold the next open consultation on Topic B.\n",
    )
    assert doc.topics == []


def test_a_contribution_documents_lettered_topics_have_labels_and_no_status() -> None:
    doc = parse(
        "c.txt",
        text="Council Working Group on International Internet-related Public Policy Issues\n"
        "Twentieth meeting – Geneva, 12-13 February 2024\nDocument CWG-Internet-20/5-E\n10 January 2024\n"
        "Original: English\nContribution by Japan\n"
        "PROPOSED TOPICS FOR THE NEXT OPEN CONSULTATION\n"
        "1\tProposal\n"
        "Topic A: Trust in digital identity\n-\tWhich schemes are recognised across borders?\n"
        "Topic B: Quality of service of fixed broadband\n-\tHow is quality measured?\n-\tWho publishes the results?\n",
    )
    assert doc.kind.value == "contribution"
    assert [(t.label, t.title, len(t.questions), t.status) for t in doc.topics] == [
        ("A", "Trust in digital identity", 1, None),
        ("B", "Quality of service of fixed broadband", 2, None),
    ]


@pytest.mark.parametrize(
    ("sentence", "status"),
    [
        ("The Group agreed to hold the next open consultation on Topic B.", TopicStatus.AGREED),
        ("It was decided that the topic would be the subject of the next open consultation.", TopicStatus.AGREED),
        ("Topics A and C received support.", TopicStatus.SUPPORTED),
        ("There was broad support for the topic.", TopicStatus.SUPPORTED),
        ("The Group agreed to defer the topic to its next meeting.", TopicStatus.DEFERRED),
        ("The Group agreed that there was no consensus on the topic.", TopicStatus.NOT_AGREED),
        ("The proposal did not receive sufficient support.", TopicStatus.NOT_AGREED),
        ("There was continued divergence of opinion on the questions.", TopicStatus.NOT_AGREED),
        # a part of the membership speaks: a position, not the meeting's outcome
        ("Some Member States supported the topic.", None),
        ("It was noted by some Member States that there was no consensus at PP-18.", None),
        # an agreement on another matter
        ("It was agreed that the secretariat will prepare a note on costs.", None),
        ("The delegate of Chile presented the topic.", None),
    ],
)
def test_what_a_sentence_says_of_a_topic(sentence: str, status: TopicStatus | None) -> None:
    assert sentence_status(sentence) == status


def test_topics_command_lists_label_and_status() -> None:
    result = CliRunner().invoke(app, ["topics", "-", "-f", "csv"], input=LETTERED_IN_A_CONTRIBUTION)
    assert result.exit_code == 0, result.stderr
    rows = list(csv.DictReader(io.StringIO(result.stdout)))
    assert [(r["label"], r["status"]) for r in rows] == [("A", "supported"), ("B", ""), ("C", "agreed")]


def test_topics_status_filter_on_files_and_on_an_archive(tmp_path) -> None:  # noqa: ANN001
    from cwgtool.index import connect, store_document
    from tests.conftest import FIXTURES

    records = [FIXTURES / "records" / case / f"{case}.txt" for case in ("cwg14", "cwg16")]
    runner = CliRunner()
    result = runner.invoke(app, ["topics", *map(str, records), "--status", "agreed", "-f", "csv", "--fields", "source,status"])
    assert result.exit_code == 0, result.stderr
    assert list(csv.reader(io.StringIO(result.stdout))) == [
        ["source", "status"], ["CWG-Internet-14/5", "agreed"], ["CWG-Internet-16/4", "agreed"]
    ]
    db = tmp_path / "a.sqlite"
    conn = connect(db)
    for path in records:
        store_document(conn, parse(str(path)))
    conn.close()
    deferred = runner.invoke(app, ["topics", "--db", str(db), "--status", "deferred", "-f", "csv", "--fields", "topic,last_status"])
    assert list(csv.reader(io.StringIO(deferred.stdout))) == [["topic", "last_status"], ["Multilingualism on the Internet", "deferred"]]
    wrong = runner.invoke(app, ["topics", *map(str, records), "--status", "adopted"])
    assert wrong.exit_code == 2 and "adopted" in wrong.stderr
