"""Record ↔ contribution links on the invented cwg18 meeting folder."""

from __future__ import annotations

import json

import pytest
from typer.testing import CliRunner

from cwgtool import parse
from cwgtool.api import resolve_inputs
from cwgtool.link import LinkReport, LinkStatus, canonical, link
from tests.conftest import FIXTURES, ROOT

MEETING = FIXTURES / "meetings" / "cwg18"


@pytest.fixture(scope="module")
def report() -> LinkReport:
    return link(parse(p) for p in resolve_inputs([str(MEETING)]))


def test_canonical_ignores_revision_and_language() -> None:
    assert canonical("Document CWG-Internet-18/3(Rev.1)-E") == "CWG-Internet-18/3"
    assert canonical("CWG-Internet 18/3") == "CWG-Internet-18/3"


def test_statuses(report: LinkReport) -> None:
    assert [(c.symbol, c.status) for c in report.contributions] == [
        ("CWG-Internet-18/2", LinkStatus.DISCUSSED),
        ("CWG-Internet-18/3", LinkStatus.DISCUSSED),
        ("CWG-Internet-18/4", LinkStatus.NOT_DISCUSSED),
        ("CWG-Internet-18/5", LinkStatus.NO_DOCUMENT),
    ]
    [meeting] = report.meetings
    assert (meeting.body, meeting.number, meeting.records) == ("CWG-Internet", 18, ["CWG-Internet-18/7"])
    assert meeting.discussed == ["CWG-Internet-18/2", "CWG-Internet-18/3"]
    assert meeting.not_discussed == ["CWG-Internet-18/4"]
    assert meeting.without_document == ["CWG-Internet-18/5"]
    # the agenda is neither a record nor a contribution; its two files are one document
    [agenda] = meeting.other_documents
    assert (agenda.symbol, agenda.kind, len(agenda.files)) == ("CWG-Internet-18/1", "unknown", 2)


def test_revised_document_joined_to_unrevised_citation(report: LinkReport) -> None:
    item = report.get("CWG-Internet-18/3(Rev.1)-E")
    assert item is not None and item.revision == "Rev.1"
    assert item.files == [str(MEETING / "cwg18-3-joint-rev1.docx")]
    assert [s.iso3 for s in item.submitters] == ["ARG", "BRA", "MEX"]
    # what it proposed, from the document
    assert [t.title for t in item.topics] == ["Meaningful connectivity in rural and remote areas"]
    assert [a.source for a in item.actions] == ["contribution", "contribution"]
    # what was said of it, from the record (its .txt and .docx count once)
    [discussion] = item.discussions
    assert discussion.record == "CWG-Internet-18/7" and discussion.section == "3.2"
    assert len(discussion.files) == 2
    assert [(p.actor, str(p.stance)) for p in discussion.positions] == [
        ("Several Member States", "support"),
        ("Some Member States", "oppose"),
        ("The Chair", "note"),
    ]
    assert all(p.contribution == "CWG-Internet-18/3" for p in discussion.positions)
    assert discussion.topics[0].outcome.startswith("The Chair concluded")


def test_positions_per_contribution(report: LinkReport) -> None:
    counts = {c.symbol: sum(len(d.positions) for d in c.discussions) for c in report.contributions}
    # 18/2: two Member States' positions and "The report was noted by the Group." (a decision: note)
    assert counts == {"CWG-Internet-18/2": 3, "CWG-Internet-18/3": 3, "CWG-Internet-18/4": 0, "CWG-Internet-18/5": 2}
    report_item = report.get("CWG-Internet-18/2")
    assert report_item is not None and report_item.type == "report"


def test_never_discussed_has_its_proposals(report: LinkReport) -> None:
    item = report.get("CWG-Internet-18/4")
    assert item is not None and item.discussions == []
    assert [a.actor for a in item.actions] == ["The Group", "The Group"]
    assert len(item.topics[0].questions) == 3


def test_contribution_without_record_meeting() -> None:
    doc = parse(str(FIXTURES / "contributions" / "c19-4-russia-rev" / "c19-4-russia-rev.txt"))
    [item] = link([doc]).contributions
    assert item.status is LinkStatus.NO_RECORD and item.meeting == 19


def _cli(*args: str) -> object:
    from cwgtool.cli import app

    result = CliRunner().invoke(app, ["link", *args, "--no-cache", "-q"])
    assert result.exit_code == 0, result.output
    return result


def test_cli_json(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(ROOT)
    data = json.loads(_cli("fixtures/meetings/cwg18", "--format", "json").stdout)
    assert data["meetings"][0]["not_discussed"] == ["CWG-Internet-18/4"]
    assert data["meetings"][0]["without_document"] == ["CWG-Internet-18/5"]
    assert [c["status"] for c in data["contributions"]] == ["discussed", "discussed", "not_discussed", "no_document"]


def test_cli_symbol_and_rows(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(ROOT)
    one = json.loads(_cli("fixtures/meetings/cwg18", "--symbol", "CWG-Internet-18/3", "--format", "json").stdout)
    assert one["symbol"] == "CWG-Internet-18/3" and len(one["discussions"][0]["positions"]) == 3
    tsv = _cli("fixtures/meetings/cwg18", "--format", "tsv").stdout.splitlines()
    assert tsv[0].split("\t")[:3] == ["symbol", "meeting", "status"]
    assert [line.split("\t")[2] for line in tsv[1:]] == ["discussed", "discussed", "not_discussed", "no_document"]
    lines = _cli("fixtures/meetings/cwg18", "--format", "jsonl").stdout.splitlines()
    assert len(lines) == 4


def test_cli_unknown_symbol_fails() -> None:
    from cwgtool.cli import app

    result = CliRunner().invoke(app, ["link", str(MEETING), "--symbol", "CWG-Internet-18/9", "--no-cache", "-q"])
    assert result.exit_code == 1


# ---- notes and citations: a Council session folder written inline -------------------------------

COUNCIL_HEAD = "Council 2027\nGeneva, 8-18 June 2027\nDocument {symbol}-E\n{date}\nOriginal: English\n"
NOTE = COUNCIL_HEAD.format(symbol="C27/35", date="2 May 2027") + (
    "Note by the Secretary-General\nREPORT OF THE COUNCIL WORKING GROUP ON LANGUAGES\n"
    "1\tIntroduction\n1.1\tThe Group met twice in the period and reviewed its glossary.\n"
)
RECORD = COUNCIL_HEAD.format(symbol="C27/90", date="1 July 2027") + (
    "SUMMARY RECORD\nOF THE\nSECOND PLENARY MEETING\n"
    "1\tReport of the Council Working Group on Languages (Document C27/35)\n"
    "1.1\tThe representative of the secretariat introduced Document C27/35.\n"
    "1.2\tThe councillor from Spain supported the work of the group.\n1.3\tThe report was noted.\n"
)
KENYA = COUNCIL_HEAD.format(symbol="C27/40", date="20 May 2027") + (
    "Contribution by the Republic of Kenya\nPROPOSALS ON THE GLOSSARY OF THE COUNCIL WORKING GROUP ON LANGUAGES\n"
    "1\tIntroduction\n1.1\tKenya has studied the report in Document C27/35 and proposes that the glossary be published.\n"
)


@pytest.fixture(scope="module")
def council() -> LinkReport:
    return link([parse("c27-35.txt", text=NOTE), parse("c27-90.txt", text=RECORD), parse("c27-40.txt", text=KENYA)])


def test_a_note_is_linked_to_the_record_that_discusses_it(council: LinkReport) -> None:
    note = council.get("C27/35-E")
    assert note is not None
    assert (note.kind, note.status, note.type) == ("note", LinkStatus.DISCUSSED, "report")
    assert note.files == ["c27-35.txt"]
    [discussion] = note.discussions
    assert (discussion.record, discussion.section) == ("C27/90", "1")


def test_documents_that_cite_a_note_are_grouped_with_it(council: LinkReport) -> None:
    note = council.get("C27/35")
    assert note is not None and note.cited_by == ["C27/40"]  # the record discusses it: not repeated here
    kenya = council.get("C27/40")
    assert kenya is not None and (kenya.kind, kenya.cited_by) == ("contribution", [])


def test_link_rows_carry_kind_and_citations(tmp_path) -> None:  # noqa: ANN001
    from cwgtool.cli import app

    texts = {"c27-35.txt": NOTE, "c27-90.txt": RECORD, "c27-40.txt": KENYA}
    for name, text in texts.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
    result = CliRunner().invoke(app, ["link", str(tmp_path), "-f", "json", "-q"])
    assert result.exit_code == 0, result.stderr
    rows = {c["symbol"]: c for c in json.loads(result.stdout)["contributions"]}
    assert (rows["C27/35"]["kind"], rows["C27/35"]["status"], rows["C27/35"]["cited_by"]) == ("note", "discussed", ["C27/40"])
    result = CliRunner().invoke(app, ["link", str(tmp_path), "-f", "tsv", "-q"])
    header, *lines = result.stdout.splitlines()
    note = dict(zip(header.split("\t"), next(line for line in lines if line.startswith("C27/35")).split("\t"), strict=True))
    assert (note["kind"], note["cited_by"]) == ("note", "C27/40")
