"""The SQLite archive: tables, FTS search, incremental re-index, prune, crash safety, --db queries."""

from __future__ import annotations

import json
import os
import shutil
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest
from typer.testing import CliRunner

from cwgtool.cli import app
from cwgtool.index import connect, normalise_title, store_document
from cwgtool.model import ActorKind, Document, Meeting, Position, Source, Stance, Submitter, Topic

RECORDS = Path(__file__).resolve().parents[2] / "fixtures" / "records"
TABLES = ["documents", "sections", "paragraphs", "contributions", "submitters", "positions", "position_members", "actions", "topics", "topic_questions"]


@pytest.fixture(autouse=True)
def _cache_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("CWGTOOL_CACHE_DIR", str(tmp_path / "cache"))


def _archive(tmp_path: Path) -> Path:
    src = tmp_path / "archive"
    for case in ("cwg12", "cwg14", "cwg16"):
        (src / case).mkdir(parents=True)
        shutil.copy(RECORDS / case / f"{case}.txt", src / case / f"{case}.txt")
    shutil.copy(RECORDS / "cwg16" / "cwg16-typed.docx", src / "cwg16" / "cwg16.docx")
    return src


def _index(*args: str) -> object:
    return CliRunner().invoke(app, ["index", *args, "-j", "1"])


def _counts(db: Path) -> dict[str, int]:
    conn = sqlite3.connect(db)
    try:
        return {t: conn.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in TABLES}
    finally:
        conn.close()


def _consistent(db: Path) -> sqlite3.Connection:
    conn = sqlite3.connect(db)
    assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    assert conn.execute("PRAGMA foreign_key_check").fetchall() == []
    conn.execute("INSERT INTO paragraphs_fts(paragraphs_fts) VALUES('integrity-check')")
    assert conn.execute("SELECT count(*) FROM paragraphs_fts").fetchone()[0] == conn.execute("SELECT count(*) FROM paragraphs").fetchone()[0]
    return conn


def test_index_search_reindex_replace_prune(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    _archive(tmp_path)
    db = tmp_path / "a.sqlite"
    first = _index("archive", "--db", str(db))
    assert first.exit_code == 0, first.output
    assert "4 indexed, 0 unchanged" in first.stderr
    counts = _counts(db)
    assert counts["documents"] == 4 and counts["sections"] > 20 and counts["paragraphs"] > 100
    conn = _consistent(db)
    row = conn.execute("SELECT path, kind, symbol, meeting_number, record_key FROM documents WHERE path = ?", (os.path.join("archive", "cwg14", "cwg14.txt"),)).fetchone()
    assert row[1] == "summary_record" and row[2] == "CWG-Internet-14/8" and row[3] == 14
    assert row[4] == "summary_record:CWG-Internet-14/8"
    conn.close()

    hits = CliRunner().invoke(app, ["search", "community networks", "--db", str(db), "-f", "json", "--limit", "3"])
    assert hits.exit_code == 0
    found = json.loads(hits.stdout)
    assert 0 < len(found) <= 3
    assert all("[community] [networks]" in h["snippet"].lower() or "[community]" in h["snippet"].lower() for h in found)
    assert {"file", "meeting", "section", "section_title", "snippet"} <= set(found[0])
    odd = CliRunner().invoke(app, ["search", "CWG-Internet-14/5 (Rev.1", "--db", str(db), "-f", "tsv"])
    assert odd.exit_code == 0 and "CWG-Internet" in odd.stdout

    again = _index("archive", "--db", str(db))
    assert "0 indexed, 4 unchanged" in again.stderr
    assert _counts(db) == counts

    changed = tmp_path / "archive" / "cwg14" / "cwg14.txt"
    changed.write_text(changed.read_text(encoding="utf-8").replace("Internet", "Interwebs"), encoding="utf-8")
    replaced = _index("archive", "--db", str(db))
    assert "1 indexed, 3 unchanged" in replaced.stderr
    assert _counts(db) == counts
    conn = _consistent(db)
    assert conn.execute("SELECT count(*) FROM paragraphs_fts WHERE paragraphs_fts MATCH 'interwebs'").fetchone()[0] > 0
    conn.close()

    shutil.rmtree(tmp_path / "archive" / "cwg12")
    kept = _index("archive", "--db", str(db))
    assert _counts(db)["documents"] == 4 and "0 pruned" in kept.stderr
    pruned = _index("archive", "--db", str(db), "--prune")
    assert "1 pruned" in pruned.stderr
    after = _counts(db)
    assert after["documents"] == 3 and after["paragraphs"] < counts["paragraphs"]
    _consistent(db).close()


def test_index_reports_bad_files(tmp_path: Path) -> None:
    src = _archive(tmp_path)
    (src / "broken.pdf").write_text("<html>nope</html>")
    result = _index(str(src), "--db", str(tmp_path / "a.sqlite"))
    assert result.exit_code == 3
    assert "broken.pdf: " in result.stderr and "4 indexed" in result.stderr


def _doc(path: str, meeting: int, topic: str, outcome: str, members: list[str]) -> Document:
    return Document(
        source=Source(path=path, format="text", sha256=f"{meeting:064d}"),
        kind="summary_record",
        symbol=f"CWG-Internet-{meeting}/9",
        meeting=Meeting(body="CWG-Internet", number=meeting),
        topics=[
            Topic(title=topic, outcome=outcome, questions=["a) Why?", "b) How?"], proposed_by=[Submitter(name="Brazil", iso3="BRA")]),
            Topic(title=f"Only at {meeting}", outcome=None),
        ],
        positions=[
            Position(section="4.2", actor="Russian Federation", actor_kind=ActorKind.MEMBER_STATE, members=members, stance=Stance.SUPPORT, cue="supported", text="It supported."),
            Position(section="4.3", actor="Some Member States", actor_kind=ActorKind.MEMBER_STATES_GROUP, stance=Stance.OPPOSE, cue="opposed", text="They opposed."),
        ],
    )


def test_topics_and_positions_across_meetings(tmp_path: Path) -> None:
    db = tmp_path / "a.sqlite"
    conn = connect(db)
    store_document(conn, _doc("r16.pdf", 16, "1) Community networks", "agreed", ["RUS"]))
    store_document(conn, _doc("r12.pdf", 12, "Community Networks.", "deferred", ["RUS", "CHN"]))
    store_document(conn, _doc("r12.docx", 12, "Community Networks.", "deferred", ["RUS", "CHN"]))  # the same record again
    store_document(conn, _doc("r14.pdf", 14, "Cybersecurity", "rejected", ["USA"]))
    conn.close()
    assert normalise_title("1) Community  Networks.") == normalise_title("community networks") == "community networks"

    result = CliRunner().invoke(app, ["topics", "--db", str(db), "-f", "json"])
    assert result.exit_code == 0, result.output
    rows = json.loads(result.stdout)
    community = next(r for r in rows if r["key"] == "community networks")
    assert community["meetings"] == [12, 16] and community["times"] == 2
    assert [o["outcome"] for o in community["occurrences"]] == ["deferred", "agreed"]
    assert community["last_outcome"] == "agreed"
    assert rows[0]["key"] == "community networks"  # first seen at meeting 12
    assert {r["topic"] for r in rows} >= {"Cybersecurity", "Only at 12", "Only at 14", "Only at 16"}
    flat = CliRunner().invoke(app, ["topics", "--db", str(db), "-f", "tsv"])
    assert "12: deferred; 16: agreed" in flat.stdout
    per_meeting = json.loads(CliRunner().invoke(app, ["topics", "--db", str(db), "-f", "json", "--occurrences"]).stdout)
    assert len(per_meeting) == 6 and per_meeting[0]["questions"] == ["a) Why?", "b) How?"]  # r12 counted once

    rus = json.loads(CliRunner().invoke(app, ["positions", "--db", str(db), "--member", "rus", "-f", "json"]).stdout)
    # the record of meeting 12 is archived as DOCX and PDF: its positions count once (first path speaks)
    assert [(r["file"], r["meeting"], r["members"]) for r in rus] == [("r12.docx", 12, ["RUS", "CHN"]), ("r16.pdf", 16, ["RUS"])]
    opposed = json.loads(CliRunner().invoke(app, ["positions", "--db", str(db), "--stance", "oppose", "-f", "json"]).stdout)
    assert len(opposed) == 3
    scoped = json.loads(CliRunner().invoke(app, ["positions", "r14.pdf", "--db", str(db), "-f", "json"]).stdout)
    assert {r["file"] for r in scoped} == {"r14.pdf"}


def test_missing_db_is_an_input_error(tmp_path: Path) -> None:
    result = CliRunner().invoke(app, ["actions", "--db", str(tmp_path / "nope.sqlite")])
    assert result.exit_code == 3 and "no such database" in result.stderr


def test_killed_index_run_leaves_a_consistent_archive(tmp_path: Path) -> None:
    src = tmp_path / "many"
    src.mkdir()
    n = 100
    for i in range(n):
        shutil.copy(RECORDS / ("cwg12", "cwg14", "cwg16")[i % 3] / f"{('cwg12', 'cwg14', 'cwg16')[i % 3]}-typed.docx", src / f"r{i:03}.docx")
    db = tmp_path / "a.sqlite"
    env = {**os.environ, "CWGTOOL_CACHE_DIR": str(tmp_path / "cache")}
    cmd = [sys.executable, "-m", "cwgtool", "index", str(src), "--db", str(db), "--jobs", "1", "--no-cache", "-q"]
    proc = subprocess.Popen(cmd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 120  # waits only until 5 documents are in; generous for a busy machine
    loaded = 0
    try:
        while time.monotonic() < deadline and proc.poll() is None:
            if db.exists():
                try:
                    with sqlite3.connect(db, timeout=1) as probe:
                        loaded = probe.execute("SELECT count(*) FROM documents").fetchone()[0]
                except sqlite3.OperationalError:
                    loaded = 0
                if loaded >= 5:
                    break
            time.sleep(0.02)
    finally:
        proc.send_signal(signal.SIGKILL)
        proc.wait()
    assert loaded >= 5, "the indexer did not get going"
    conn = _consistent(db)
    docs = conn.execute("SELECT count(*) FROM documents").fetchone()[0]
    assert 0 < docs < n, "kill came too late to test anything"
    assert conn.execute("SELECT count(*) FROM documents d WHERE NOT EXISTS (SELECT 1 FROM sections s WHERE s.document_id = d.id)").fetchone()[0] == 0
    per_doc = {r[0] for r in conn.execute("SELECT count(*) FROM paragraphs GROUP BY document_id")}
    assert len(per_doc) <= 3  # three distinct sources: every loaded copy is complete
    conn.close()
    done = subprocess.run(cmd, env=env, capture_output=True, text=True, timeout=900)  # a hang guard only
    assert done.returncode == 0, done.stderr
    assert _counts(db)["documents"] == n
    _consistent(db).close()


def _without_positions_in_file(value: object) -> object:
    """A dumped document without what the archive does not keep: a paragraph's index and bounding box."""
    if isinstance(value, dict):
        return {k: _without_positions_in_file(v) for k, v in value.items() if k not in ("index", "bbox")}
    if isinstance(value, list):
        return [_without_positions_in_file(v) for v in value]
    return value


@pytest.mark.parametrize("name", ["cwg14/cwg14.txt", "cwg12/cwg12.pdf", "cwg16/cwg16-auto.docx"])
def test_an_archived_document_comes_back_whole(tmp_path: Path, name: str) -> None:
    from cwgtool.api import parse
    from cwgtool.index import load_documents

    doc = parse(RECORDS / name)
    conn = connect(tmp_path / "a.sqlite")
    store_document(conn, doc)
    (back,) = load_documents(conn)
    conn.close()
    assert _without_positions_in_file(back.model_dump()) == _without_positions_in_file(doc.model_dump())


def test_a_group_of_documents_is_written_whole_or_not_at_all(tmp_path: Path) -> None:
    """`index` writes several documents per transaction: one that cannot be stored takes the
    others of its transaction with it, and leaves what was there before untouched."""
    import dataclasses

    from cwgtool.api import parse
    from cwgtool.index import document_rows, store_many

    conn = connect(tmp_path / "a.sqlite")
    r12, r14 = (document_rows(parse(RECORDS / c / f"{c}.txt")) for c in ("cwg12", "cwg14"))
    store_many(conn, [("r12.txt", r12)])
    before = _counts(tmp_path / "a.sqlite")
    broken = dataclasses.replace(r14, document=(None, *r14.document[1:]))  # documents.sha256 is NOT NULL
    with pytest.raises(sqlite3.IntegrityError):
        store_many(conn, [("r14.txt", r14), ("r12.txt", r14), ("bad.txt", broken)])
    assert _counts(tmp_path / "a.sqlite") == before  # r14 not added, r12 not replaced
    assert [r[0] for r in conn.execute("SELECT path FROM documents")] == ["r12.txt"]
    assert store_many(conn, [("r14.txt", r14), ("r12.txt", r12)]) and _counts(tmp_path / "a.sqlite")["documents"] == 2
    conn.close()
