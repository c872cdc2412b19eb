"""Output that attacks its reader: document text and file names cannot drive the terminal, forge
a message line, become rich markup or a live link, or run as a spreadsheet formula."""

from __future__ import annotations

import csv
import io
from pathlib import Path

import pytest

from cwgtool.render.rows import RowFormat, render_rows
from tests.reliability.helpers import EXIT_INPUT, RECORDS, cli

RECORD_TXT = RECORDS / "cwg12" / "cwg12.txt"
AGENDA = "The agenda was approved as presented."
# rich markup that crashed `actions` (MarkupError) or made a live link; a screen clear; an OSC 8
# hyperlink whose text hides its target
HOSTILE = (
    "The agenda was approved [/x] as [link=https://evil.example]presented[/link]. "
    "\x1b[2J\x1b]8;;https://evil.example\x07click here\x1b]8;;\x07 The Group noted it."
)


def _hostile_record(tmp_path: Path) -> Path:
    text = RECORD_TXT.read_text(encoding="utf-8")
    assert AGENDA in text
    path = tmp_path / "record.txt"
    path.write_text(text.replace(AGENDA, HOSTILE), encoding="utf-8")
    return path


def test_table_shows_document_markup_and_escapes_as_text(tmp_path: Path) -> None:
    path = _hostile_record(tmp_path)
    run = cli(["actions", "--all", "--no-cache", "--format", "table", "--wide", str(path)])
    assert run.exception is None and run.exit_code == 0, run.stderr
    assert "\x1b" not in run.stdout and "\x07" not in run.stdout
    # --wide: every cell in full, not cut to the terminal; compare without whitespace. The
    # brackets are shown, not parsed (a parsed [link=…] would vanish from the text).
    out = "".join(run.stdout.replace("│", "").split())
    assert "[/x]as[link=https://evil.example]presented[/link].\\x1b[2J\\x1b]8;;https://evil.example\\x07clickhere" in out


@pytest.mark.parametrize("fmt", ["md", "text"])
def test_document_renderings_carry_no_control_characters(tmp_path: Path, fmt: str) -> None:
    run = cli(["parse", "--format", fmt, str(_hostile_record(tmp_path))])
    assert run.exit_code == 0, run.stderr
    assert "\x1b" not in run.stdout and "\x07" not in run.stdout
    assert "[/x] as [link=https://evil.example]presented[/link]. \\x1b[2J\\x1b]8;;https://evil.example\\x07click" in run.stdout


def test_tsv_and_csv_carry_no_control_characters(tmp_path: Path) -> None:
    path = _hostile_record(tmp_path)
    for fmt in ("tsv", "csv"):
        run = cli(["actions", "--all", "--no-cache", "--format", fmt, str(path)])
        assert run.exit_code == 0, run.stderr
        assert "\x1b" not in run.stdout and "\\x1b[2J" in run.stdout


def test_a_file_name_cannot_forge_a_message_line(tmp_path: Path) -> None:
    name = "x.txt\ncwgtool: all 12 documents parsed\x1b[2J\r"
    path = tmp_path / name
    path.write_bytes(b"")
    run = cli(["parse", str(path)])
    assert run.exit_code == EXIT_INPUT and "Traceback" not in run.stderr
    lines = run.stderr.splitlines()
    assert len(lines) == 1, run.stderr
    assert lines[0] == f"cwgtool: {tmp_path}/x.txt\\ncwgtool: all 12 documents parsed\\x1b[2J\\r: empty file"


ROWS = [
    {"text": '=HYPERLINK("http://evil.example","Click")'},
    {"text": "+1+cmd|' /C calc'!A0"},
    {"text": "-2+3"},
    {"text": "@SUM(1+9)*cmd|' /C calc'!A0"},
    {"text": "\t=1+1"},
    {"text": "-3.5"},  # a plain number stays a number
    {"text": "The Group noted = and + signs."},
]


def test_csv_cells_that_start_a_formula_are_neutralised() -> None:
    cells = [row["text"] for row in csv.DictReader(io.StringIO(render_rows(ROWS, RowFormat.CSV)))]
    assert cells == [
        '\'=HYPERLINK("http://evil.example","Click")',
        "'+1+cmd|' /C calc'!A0",
        "'-2+3",
        "'@SUM(1+9)*cmd|' /C calc'!A0",
        "'\t=1+1",
        "-3.5",
        "The Group noted = and + signs.",
    ]
    raw = [row["text"] for row in csv.DictReader(io.StringIO(render_rows(ROWS, RowFormat.CSV, formula_guard=False)))]
    assert raw == [row["text"] for row in ROWS]


def test_csv_formula_guard_through_the_cli(tmp_path: Path) -> None:
    text = RECORD_TXT.read_text(encoding="utf-8")
    action = "6.1\tThe Group invited Member States"
    assert action in text
    path = tmp_path / "formula.txt"
    path.write_text(text.replace(action, '6.1\t=HYPERLINK("http://evil.example","Click") The Group invited Member States'))

    def first_text(*flags: str) -> str:
        run = cli([*flags, "actions", "--no-cache", "--format", "csv", str(path)])
        assert run.exit_code == 0, run.stderr
        return next(csv.DictReader(io.StringIO(run.stdout)))["text"]

    assert first_text().startswith("'=HYPERLINK(")
    assert first_text("--raw-csv").startswith("=HYPERLINK(")
