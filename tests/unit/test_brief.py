"""The brief (`cwgtool brief`) through the library: what it holds, and the HTML page's structure.

The page is checked as a tree of elements: every contribution, topic and action of the record
has its row or heading, each stance count is the number `cwgtool positions` gives for that
contribution and stance, and each count links to an id that holds exactly that many sentences.
"""

from __future__ import annotations

import json
import re
from collections import Counter
from pathlib import Path

import pytest

import cwgtool
from cwgtool import api
from cwgtool.brief import build_brief
from cwgtool.errors import ArchiveError
from cwgtool.model import Document, Stance
from cwgtool.options import BriefRequest
from cwgtool.render.brief_html import render_html
from cwgtool.render.brief_md import md_escape, render_md
from tests.conftest import FIXTURES
from tests.unit.html_tree import Node, parse_html

RECORDS = sorted(FIXTURES.glob("records/*/*.txt"))
CWG14 = FIXTURES / "records" / "cwg14" / "cwg14.txt"
CWG18 = FIXTURES / "meetings" / "cwg18"


@pytest.fixture(scope="module")
def records() -> dict[str, Document]:
    return {p.stem: cwgtool.parse(p) for p in RECORDS}


def cli_positions(path: Path) -> list[dict]:
    """What `cwgtool positions FILE -f json` prints."""
    from typer.testing import CliRunner

    from cwgtool.cli import app

    result = CliRunner().invoke(app, ["positions", str(path), "-f", "json", "--no-cache"])
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


def count_links(row: Node) -> dict[str, tuple[int, str | None]]:
    """The counts line of a contribution row: stance → (count, the id it links to)."""
    out: dict[str, tuple[int, str | None]] = {}
    (line,) = row.find_all("p", class_="counts")
    for item in line.iter():
        m = re.fullmatch(r"(\w+) (\d+)", item.text()) if item.tag in ("a", "span") else None
        if m:
            out[m[1]] = (int(m[2]), item.attrs.get("href", "").removeprefix("#") or None)
    return out


@pytest.mark.parametrize("path", RECORDS, ids=lambda p: p.stem)
def test_html_has_every_contribution_topic_and_action_with_the_positions_counts(path: Path, records: dict[str, Document]) -> None:
    doc = records[path.stem]
    page = parse_html(render_html(build_brief([doc])))
    ids = page.ids()

    rows = {r.attrs["data-symbol"]: r for r in page.find_all("tr", class_="contribution")}
    assert list(rows) == [c.symbol for c in doc.contributions]

    expected = Counter((p["contribution"], p["stance"]) for p in cli_positions(path))
    for symbol, row in rows.items():
        links = count_links(row)
        assert set(links) == {str(s) for s in Stance}
        for stance, (count, target) in links.items():
            assert count == expected[(symbol, stance)], (symbol, stance)
            if count:
                # the count links to a heading followed by exactly that many sentences
                assert target in ids
                heading = next(n for n in page.iter() if n.attrs.get("id") == target)
                assert f"({count})" in heading.text()
            else:
                assert target is None

    topic_titles = [h.text() for sec in page.find_all("section", class_="topic") for h in sec.find_all("h4")]
    assert topic_titles == [t.title for t in doc.topics]

    (table,) = page.find_all("table", class_="actions")
    assert [th.text() for th in table.find_all("th")] == ["Due", "Item", "Actor", "Addressee", "Decision or action"]
    body_rows = table.find_all("tbody")[0].find_all("tr")
    decisions = [a for a in doc.actions if a.source != "discussion"]
    assert sorted(r.find_all("td")[4].text() for r in body_rows) == sorted(" ".join(a.text.split()) for a in decisions)


def test_every_position_of_the_record_is_in_the_brief_once(records: dict[str, Document]) -> None:
    for doc in records.values():
        meeting = build_brief([doc]).meetings[0]
        bars = [c.stances for c in meeting.contributions] + ([meeting.other] if meeting.other else [])
        assert sum(b.total for b in bars) == len(doc.positions)


def test_decisions_are_sorted_by_due_date_undated_last() -> None:
    text = CWG14.read_text(encoding="utf-8")
    # give 6.5 an earlier deadline than 6.2's 31 January 2021, and 6.6 a later one
    text = text.replace("Repository of Experiences and Best Practices in International Internet-related Public Policy Issues.",
                        "Repository of Experiences and Best Practices by 15 December 2020.")
    text = text.replace("to the 2021 session of Council.", "to the 2021 session of Council by 1 May 2021.")
    doc = cwgtool.parse("cwg14-dated.txt", text=text)
    actions = build_brief([doc]).meetings[0].actions
    assert [(a.id, a.due) for a in actions[:3]] == [("6.5", "2020-12-15"), ("6.2", "2021-01-31"), ("6.6", "2021-05-01")]
    assert [a.id for a in actions[3:]] == ["6.1", "6.3", "6.4"]
    assert all(a.due is None for a in actions[3:])


def test_unnamed_groups_are_never_attributed_to_a_country(records: dict[str, Document]) -> None:
    smap = build_brief(list(records.values())).stance_map
    assert smap is not None
    group_sentences = {s.text for row in smap.groups for cell in row.cells.values() for s in cell.sentences}
    member_sentences = {s.text for row in smap.members for cell in row.cells.values() for s in cell.sentences}
    assert "Several Member States expressed concern that the contribution overlapped with ongoing work in the study groups." in group_sentences
    assert not group_sentences & member_sentences
    assert all(len(row.key) == 3 and row.key.isupper() for row in smap.members)
    assert all(row.key.startswith("group:") for row in smap.groups)
    # and each named country's cell counts only positions that name it
    for row in smap.members:
        for cell in row.cells.values():
            assert all(row.key in s.members for s in cell.sentences)


def test_stance_map_cells_count_the_named_positions(records: dict[str, Document]) -> None:
    doc = records["cwg14"]
    smap = build_brief([doc]).stance_map
    assert smap is not None
    usa = next(r for r in smap.members if r.key == "USA")
    assert usa.cells["CWG-Internet-14/3"].counts["oppose"] == 2
    assert usa.cells["CWG-Internet-14/3"].dominant == "oppose"
    want = Counter(p.contribution for p in doc.positions if "USA" in p.members and p.contribution)
    assert {k: c.total for k, c in usa.cells.items()} == dict(want)


def test_member_history_lists_positions_oldest_meeting_first_with_paragraphs(records: dict[str, Document]) -> None:
    history = build_brief(list(records.values()), member="usa").member
    assert history is not None and history.iso3 == "USA" and history.name == "United States"
    meetings = [s.meeting for s in history.sentences]
    assert meetings == sorted(meetings)
    assert {s.paragraph for s in history.sentences} >= {"4.2.2", "4.5.2"}
    assert all("USA" in s.members for s in history.sentences)
    html = parse_html(render_html(build_brief(list(records.values()), member="USA")))
    (table,) = html.find_all("table", class_="history")
    links = table.find_all("a", class_="para")
    assert len(links) == len(history.sentences)
    assert links[0].attrs["href"].endswith("cwg14.txt")  # the record file, to read the paragraph in context
    assert "¶" in links[0].text()


def test_topic_filter_gives_topic_columns(records: dict[str, Document]) -> None:
    smap = build_brief(list(records.values()), topic="connectivity").stance_map
    assert smap is not None and smap.topic == "connectivity"
    assert smap.columns
    assert all("connectivity" in (c.label + " " + (c.title or "")).lower() for c in smap.columns)


def test_contributions_never_discussed_come_from_the_contribution_documents() -> None:
    docs = [cwgtool.parse(p) for p in sorted(CWG18.iterdir())]
    brief = build_brief(docs)
    (meeting,) = brief.meetings
    assert meeting.record == "CWG-Internet-18/7"
    assert len(meeting.files) == 2  # the DOCX and the text of the one record
    assert [u.symbol for u in meeting.not_discussed] == ["CWG-Internet-18/4"]
    page = parse_html(render_html(brief))
    heading = next(h for h in page.find_all("h3") if h.text().startswith("Contributions never discussed"))
    assert heading.text() == "Contributions never discussed (1)"
    assert "CWG-Internet-18/4" in render_md(brief)
    # with the record alone nothing can be said, and the brief does not pretend otherwise
    alone = build_brief([d for d in docs if d.symbol == "CWG-Internet-18/7"][:1])
    assert not alone.meetings[0].contribution_documents
    assert "never discussed" not in render_md(alone)


HOSTILE = '<script>alert("x")</script><img src=x onerror=alert(1)>'


def test_document_text_is_escaped_in_html_and_markdown() -> None:
    text = CWG14.read_text(encoding="utf-8")
    text = text.replace("Working methods of CWG-Internet", f"Working methods {HOSTILE}")
    text = text.replace("objected to the proposal, stating", f"objected to the proposal {HOSTILE}, stating")
    doc = cwgtool.parse("hostile.txt", text=text)
    assert any(HOSTILE in (c.title or "") for c in doc.contributions)
    assert any(HOSTILE in p.text for p in doc.positions)
    brief = build_brief([doc])

    html = render_html(brief)
    assert "<script" not in html.lower() and "<img" not in html.lower()
    assert "&lt;script&gt;alert(&#34;x&#34;)&lt;/script&gt;" in html
    # the page forbids every request even if something slipped through
    head = parse_html(html).find_all("meta", http_equiv="Content-Security-Policy")
    assert head and head[0].attrs["content"].startswith("default-src 'none'")

    md = render_md(brief)
    assert "<script" not in md.lower() and "<img" not in md.lower()
    assert "&lt;script&gt;" in md


def test_md_escape_keeps_tables_and_markup_intact() -> None:
    assert md_escape("a | b") == r"a \| b"
    assert md_escape("*bold* [link](x)\nnext") == r"\*bold\* \[link\](x) next"
    assert md_escape(None) == ""


def test_html_is_self_contained_and_accessible(records: dict[str, Document]) -> None:
    html = render_html(build_brief(list(records.values()), member="RUS"))
    page = parse_html(html)
    # nothing to fetch: no script, stylesheet link, external image or web font
    assert not page.find_all("script") and not page.find_all("link") and not page.find_all("img")
    assert "@font-face" not in html and "http://" not in html and "https://" not in html
    # every picture says what it shows
    pictures = [s for s in page.find_all("svg") if s.attrs.get("aria-hidden") != "true"]
    assert pictures and all(s.attrs.get("role") == "img" and s.attrs.get("aria-label") for s in pictures)
    # data tables have header cells
    for table in page.find_all("table"):
        assert table.find_all("th", scope="col")
    assert page.find_all("html")[0].attrs["lang"] == "en"
    # every in-page link goes somewhere
    ids = page.ids()
    internal = [a.attrs["href"][1:] for a in page.find_all("a") if a.attrs.get("href", "").startswith("#")]
    assert internal and set(internal) <= ids


def test_archive_brief_equals_the_brief_of_the_same_records(tmp_path: Path, records: dict[str, Document]) -> None:
    from cwgtool.index import connect, store_document

    db = tmp_path / "archive.sqlite"
    conn = connect(db)
    for doc in records.values():
        store_document(conn, doc)
    conn.close()
    from_db = api.brief(BriefRequest(member="USA", db=str(db)))
    from_files = build_brief(list(records.values()), member="USA")
    assert from_db.meetings == []
    assert from_db.stance_map == from_files.stance_map
    assert from_db.member == from_files.member
    # narrowed to one record's folder, the map is that record's
    only14 = api.brief(BriefRequest(db=str(db), paths=(str(CWG14.parent),)))
    assert only14.stance_map == build_brief([records["cwg14"]]).stance_map


def test_archive_brief_of_a_missing_archive_is_an_archive_error(tmp_path: Path) -> None:
    with pytest.raises(ArchiveError, match="no such database") as caught:
        api.brief(BriefRequest(db=str(tmp_path / "none.sqlite")))
    assert caught.value.exit_code == 3


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [({"member": "US"}, "ISO 3166 alpha-3"), ({"format": "pdf"}, "brief format"), ({"topic": " "}, "topic")],
)
def test_a_bad_request_is_refused_where_it_is_made(kwargs: dict, message: str) -> None:
    with pytest.raises(ValueError, match=message):
        BriefRequest(**kwargs)
