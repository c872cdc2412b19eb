"""`search` and the archive file: headings, grep-like exit codes, bad queries, read-only and foreign files."""

from __future__ import annotations

import hashlib
import json
import os
import sqlite3
from pathlib import Path

import pytest
from typer.testing import CliRunner

from cwgtool.cli import app

RECORDS = Path(__file__).resolve().parents[2] / "fixtures" / "records"


@pytest.fixture(autouse=True)
def _cache_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("CWGTOOL_CACHE_DIR", str(tmp_path / "cache"))


@pytest.fixture
def archive(tmp_path: Path) -> Path:
    """The 12th and 14th meetings' records; the 14th twice, as text and as DOCX (the same record)."""
    db = tmp_path / "a.sqlite"
    inputs = [RECORDS / "cwg12" / "cwg12.txt", RECORDS / "cwg14" / "cwg14.txt", RECORDS / "cwg14" / "cwg14-typed.docx"]
    result = CliRunner().invoke(app, ["index", *map(str, inputs), "--db", str(db), "-j", "1", "-q"])
    assert result.exit_code == 0, result.output
    return db


def _search(db: Path, *args: str) -> object:
    return CliRunner().invoke(app, ["search", *args, "--db", str(db)])


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_a_symbol_finds_the_section_heading_that_names_it(archive: Path) -> None:
    # "4. 1 CWG-Internet-12/4: Contribution by the Russian Federation…": the paragraphs under
    # that heading never repeat the symbol, only the heading holds it.
    result = _search(archive, "CWG-Internet-12/4", "-f", "json")
    assert result.exit_code == 0, result.output
    hits = json.loads(result.stdout)
    heading = next(h for h in hits if h["paragraph"] is None)
    assert heading["section"] == "4.1" and heading["section_title"].startswith("CWG-Internet-12/4: Contribution by the Russian Federation")
    assert heading["file"].endswith("cwg12.txt") and heading["meeting"] == 12
    assert heading["snippet"].startswith("[CWG-Internet-12/4]: Contribution")


def test_no_match_prints_the_header_or_an_empty_list_and_exits_1(archive: Path) -> None:
    tsv = _search(archive, "zanzibarian", "-f", "tsv")
    assert tsv.exit_code == 1
    assert tsv.stdout == "file\tsymbol\tmeeting\tsection\tsection_title\tparagraph\tpage\tsnippet\n"
    as_json = _search(archive, "zanzibarian", "-f", "json")
    assert as_json.exit_code == 1 and as_json.stdout == "[]\n"


@pytest.mark.parametrize("query", ['"community networks', "*", "community AND", "NEAR(a b"])
def test_a_query_fts5_cannot_read_is_one_line_and_exit_2(archive: Path, query: str) -> None:
    result = _search(archive, query)
    assert result.exit_code == 2, result.output
    assert result.stderr.startswith("cwgtool: invalid search query") and result.stderr.count("\n") == 1
    assert "Traceback" not in result.stderr and result.stdout == ""


def test_symbols_with_punctuation_are_read_as_words(archive: Path) -> None:
    result = _search(archive, "CWG-Internet-14/5 (Rev.1", "-f", "tsv")
    assert result.exit_code == 0 and "CWG-Internet-14/5" in result.stdout


def test_search_output_file(archive: Path, tmp_path: Path) -> None:
    out = tmp_path / "hits.csv"
    result = _search(archive, "affordability", "-f", "csv", "-o", str(out))
    assert result.exit_code == 0 and result.stdout == ""
    lines = out.read_text(encoding="utf-8").splitlines()
    assert lines[0] == "file,symbol,meeting,section,section_title,paragraph,page,snippet" and len(lines) > 1


def test_a_record_archived_as_text_and_docx_counts_once(archive: Path) -> None:
    one_file = CliRunner().invoke(app, ["positions", str(RECORDS / "cwg14" / "cwg14.txt"), "--member", "RUS", "-f", "json"])
    from_db = CliRunner().invoke(app, ["positions", "--db", str(archive), "--member", "RUS", "-f", "json"])
    expected = [(p["section"], p["text"]) for p in json.loads(one_file.stdout)]
    assert len(expected) == 2
    assert [(p["section"], p["text"]) for p in json.loads(from_db.stdout)] == expected
    hits = json.loads(_search(archive, "affordability", "-f", "json").stdout)
    assert len({h["file"] for h in hits if h["meeting"] == 14}) == 1
    # narrowing to one file reads that file, even when it is the copy not chosen otherwise
    docx = str(RECORDS / "cwg14" / "cwg14-typed.docx")
    scoped = json.loads(CliRunner().invoke(app, ["positions", docx, "--db", str(archive), "--member", "RUS", "-f", "json"]).stdout)
    assert {p["file"] for p in scoped} == {docx} and len(scoped) == 2


def test_search_reads_without_writing(archive: Path) -> None:
    before = _digest(archive)
    assert archive.read_bytes()[18:20] == b"\x01\x01"  # left in rollback-journal mode: no -wal/-shm needed to read
    listing = sorted(os.listdir(archive.parent))
    assert _search(archive, "affordability", "-f", "tsv").exit_code == 0
    assert _digest(archive) == before and sorted(os.listdir(archive.parent)) == listing


@pytest.mark.skipif(not hasattr(os, "geteuid") or os.geteuid() == 0, reason="root may write anywhere")
def test_search_on_a_read_only_archive(archive: Path) -> None:
    archive.chmod(0o444)
    archive.parent.chmod(0o555)
    try:
        result = _search(archive, "affordability", "-f", "tsv")
    finally:
        archive.parent.chmod(0o755)
    assert result.exit_code == 0, result.output


def _foreign(path: Path) -> None:
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE notes (id INTEGER PRIMARY KEY, body TEXT)")
    conn.execute("INSERT INTO notes(body) VALUES ('mine')")
    conn.commit()
    conn.close()


@pytest.mark.parametrize("command", [["index", str(RECORDS / "cwg14" / "cwg14.txt")], ["search", "anything"], ["actions"]])
def test_another_programs_database_is_refused_unchanged(tmp_path: Path, command: list[str]) -> None:
    db = tmp_path / "theirs.sqlite"
    _foreign(db)
    before = _digest(db)
    result = CliRunner().invoke(app, [*command, "--db", str(db)])
    assert result.exit_code == 3, result.output
    assert "not a cwgtool archive" in result.stderr and result.stderr.count("\n") == 1
    assert _digest(db) == before
    assert sorted(os.listdir(tmp_path)) == ["theirs.sqlite"]  # no -wal/-shm either


def test_an_archive_of_the_old_layout_asks_for_a_re_index(tmp_path: Path) -> None:
    db = tmp_path / "old.sqlite"
    conn = sqlite3.connect(db)
    conn.executescript(
        "CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);"
        "INSERT INTO meta VALUES ('schema_version', '1');"
        "CREATE TABLE documents (id INTEGER PRIMARY KEY, path TEXT, json TEXT);"
        "CREATE TABLE paragraphs (id INTEGER PRIMARY KEY, text TEXT);"
    )
    conn.close()
    before = _digest(db)
    for command in (["search", "x"], ["index", str(RECORDS / "cwg14" / "cwg14.txt")]):
        result = CliRunner().invoke(app, [*command, "--db", str(db)])
        assert result.exit_code == 3
        assert "archive schema 1" in result.stderr and "re-index" in result.stderr
    assert _digest(db) == before
