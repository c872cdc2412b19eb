"""The extraction subcommands and `parse` through the CLI: formats, filters, stdin, exit codes."""

from __future__ import annotations

import csv
import io
import json

import pytest
from typer.testing import CliRunner

from cwgtool import __version__
from cwgtool.cli import app
from tests.conftest import FIXTURES

runner = CliRunner()
CWG12 = str(FIXTURES / "records" / "cwg12" / "cwg12.txt")
CWG14 = str(FIXTURES / "records" / "cwg14" / "cwg14-auto.docx")


def run(*args: str, input: str | None = None) -> tuple[int, str, str]:
    result = runner.invoke(app, list(args), input=input)
    return result.exit_code, result.stdout, result.stderr


def test_version_and_help() -> None:
    code, out, _ = run("--version")
    assert code == 0 and out.strip() == f"cwgtool {__version__}"
    code, out, _ = run("--help")
    for command in ("parse", "contributions", "positions", "actions", "topics", "schema", "check", "rules", "index", "search", "link", "cache"):
        assert command in out


def test_rows_default_to_tsv_when_piped() -> None:
    code, out, _ = run("actions", CWG12)
    assert code == 0
    lines = out.splitlines()
    assert lines[0].split("\t")[:4] == ["file", "id", "actor", "addressee"]
    rows = [line.split("\t") for line in lines[1:]]
    assert [(r[1], r[2]) for r in rows] == [("6.1", "The Group"), ("6.2", "The secretariat"), ("6.3", "The Chairman")]
    assert all(r[0] == CWG12 for r in rows)


def test_actions_all_adds_discussion_actions() -> None:
    _, out, _ = run("actions", CWG12, "--all", "-f", "json")
    rows = json.loads(out)
    assert {r["source"] for r in rows} == {"actions", "discussion"}
    assert sum(r["source"] == "actions" for r in rows) == 3


def test_json_jsonl_csv_agree() -> None:
    _, as_json, _ = run("contributions", CWG12, "-f", "json")
    _, as_jsonl, _ = run("contributions", CWG12, "-f", "jsonl")
    _, as_csv, _ = run("contributions", CWG12, "-f", "csv")
    rows = json.loads(as_json)
    assert rows == [json.loads(line) for line in as_jsonl.splitlines()]
    table = list(csv.DictReader(io.StringIO(as_csv)))
    assert [r["symbol"] for r in table] == [r["symbol"] for r in rows]
    saudi = next(r for r in table if r["symbol"] == "CWG-Internet-12/8")
    assert saudi["submitters"] == "Kingdom of Saudi Arabia (SAU)"
    assert list(rows[0])[0] == "file"


@pytest.mark.parametrize(
    ("args", "check"),
    [
        (["--stance", "oppose"], lambda r: r["stance"] == "oppose"),
        (["--member", "usa"], lambda r: "USA" in r["members"]),
        (["--contribution", "CWG-Internet 14/3"], lambda r: r["contribution"] == "CWG-Internet-14/3"),
    ],
)
def test_position_filters(args: list[str], check) -> None:  # noqa: ANN001
    code, out, _ = run("positions", CWG14, "-f", "json", *args)
    rows = json.loads(out)
    assert code == 0 and rows
    assert all(check(r) for r in rows)
    _, everything, _ = run("positions", CWG14, "-f", "json")
    assert len(rows) < len(json.loads(everything))


def test_topics_questions_in_json() -> None:
    _, out, _ = run("topics", CWG12, "-f", "json")
    rows = json.loads(out)
    assert len(rows) == 9
    assert [len(r["questions"]) for r in rows if r["source"] == "CWG-Internet-12/6"] == [3, 3, 4, 3, 3]


def test_several_files_each_row_carries_its_file() -> None:
    cwg16 = str(FIXTURES / "records" / "cwg16" / "cwg16.txt")
    _, out, _ = run("contributions", CWG12, cwg16, "-f", "jsonl")
    files = {json.loads(line)["file"] for line in out.splitlines()}
    assert files == {CWG12, cwg16}


def test_table_format_prints_a_table_without_colour(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("NO_COLOR", "1")
    monkeypatch.setenv("COLUMNS", "200")
    code, out, _ = run("actions", CWG12, "-f", "table")
    assert code == 0 and "\x1b[" not in out
    header = next(line for line in out.splitlines() if "actor" in line)
    assert header.split() == ["id", "actor", "addressee", "due", "source", "text"]
    assert "The secretariat" in out


def test_empty_result_still_prints_the_header() -> None:
    code, out, _ = run("positions", CWG12, "--member", "ATA")
    assert code == 0
    assert out.splitlines() == ["\t".join(["file", "section", "contribution", "topic", "actor", "actor_kind", "quantifier", "members", "stance", "cue", "condition", "text", "page", "index", "line"])]


def test_parse_from_stdin() -> None:
    text = "1\tIntroduction\n1.1\tThe Chair opened the meeting.\n2\tActions\n2.1\tThe secretariat will circulate the report.\n"
    code, out, _ = run("parse", "-", input=text)
    doc = json.loads(out)
    assert code == 0
    assert doc["source"]["path"] == "<stdin>"
    assert [s["number"] for s in doc["sections"]] == ["1", "2"]


@pytest.mark.parametrize(("fmt", "marker"), [("md", "## 4.1 CWG-Internet-12/4"), ("text", "  4.1 CWG-Internet-12/4")])
def test_parse_markdown_and_text(fmt: str, marker: str) -> None:
    code, out, _ = run("parse", CWG12, "-f", fmt)
    assert code == 0 and marker in out


def test_parse_jsonl_one_document_per_line() -> None:
    cwg16 = str(FIXTURES / "records" / "cwg16" / "cwg16.txt")
    _, out, _ = run("parse", CWG12, cwg16, "-f", "jsonl")
    docs = [json.loads(line) for line in out.splitlines()]
    assert [d["meeting"]["number"] for d in docs] == [12, 16]


def test_output_file_written(tmp_path) -> None:  # noqa: ANN001
    target = tmp_path / "out.json"
    code, out, _ = run("parse", CWG12, "-o", str(target))
    assert code == 0 and out == ""
    assert json.loads(target.read_text())["symbol"] == "CWG-Internet-12/10"


def test_schema_is_json_schema() -> None:
    code, out, _ = run("schema")
    schema = json.loads(out)
    assert code == 0 and schema["$schema"].startswith("https://json-schema.org/")
    assert {"sections", "contributions", "positions", "actions", "topics"} <= set(schema["properties"])


def test_missing_file_is_one_line_exit_3() -> None:
    code, out, err = run("actions", "no-such-record.pdf")
    assert code == 3 and out == ""
    assert err.strip() == "cwgtool: no-such-record.pdf: no such file"


def test_unknown_option_is_usage_error() -> None:
    code, _, _ = run("actions", CWG12, "--no-such-flag")
    assert code == 2


def test_rows_from_stdin_name_it() -> None:
    text = (FIXTURES / "records" / "cwg12" / "cwg12.txt").read_text(encoding="utf-8")
    code, out, _ = run("topics", "-", "-f", "jsonl", input=text)
    rows = [json.loads(line) for line in out.splitlines()]
    assert code == 0 and len(rows) == 9 and {r["file"] for r in rows} == {"<stdin>"}


# -- the front door: help, closed choices, wording ---------------------------------------------

from cwgtool.cli import COMMANDS, GROUPS  # noqa: E402


@pytest.mark.parametrize("name", [n for n, _ in COMMANDS] + [f"{g} info" for g, _ in GROUPS])
def test_help_names_values_not_python_types(name: str) -> None:
    code, out, _ = run(*name.split(), "--help")
    assert code == 0
    for leak in ("<str>", "<list[", "<int", "<float", "{inputs}", "{query}", "{code}"):
        assert leak not in out, (name, leak)


@pytest.mark.parametrize(
    ("args", "option", "valid"),
    [
        (["positions", "--stance", "supportt", CWG12], "--stance", "'supportt' is not one of 'support', 'oppose', 'suggest', 'clarify', 'note'"),
        (["positions", "--actor-kind", "king", CWG12], "--actor-kind", "'member_states_group', 'member_state', 'chair'"),
        (["parse", "--pdf-engine", "mupdf", CWG12], "--pdf-engine", "'pdfium', 'pdfplumber'"),
        (["actions", "-f", "xml", CWG12], "--format", "'table', 'json', 'jsonl', 'csv', 'tsv'"),
        (["rules", "-f", "yaml"], "--format", "'table', 'tsv', 'json', 'markdown'"),
        (["check", "--severity", "fatal", CWG12], "--severity", "'info', 'warning', 'error'"),
    ],
)
def test_a_wrong_choice_exits_2_listing_the_valid_values(args: list[str], option: str, valid: str) -> None:
    code, out, err = run(*args)
    assert (code, out) == (2, "")
    assert option in err and valid in err
    assert "Value error" not in err and "Input should" not in err


def test_numbers_are_refused_naming_the_value() -> None:
    code, _, err = run("parse", "-j", "0", CWG12)
    assert code == 2 and "'--jobs' / '-j': 0 is not in the range x>=1" in err
    code, _, err = run("--max-pages", "many", "parse", CWG12)
    assert code == 2 and "'--max-pages': 'many' is not a valid int" in err and "Input should" not in err


def test_shell_completion_offers_the_choices() -> None:
    result = runner.invoke(
        app, [], env={"_CWGTOOL_COMPLETE": "complete_bash", "COMP_WORDS": "cwgtool positions --stance s", "COMP_CWORD": "3"}, prog_name="cwgtool"
    )
    assert result.stdout.split() == ["support", "suggest"]


def test_filters_are_the_same_for_files_and_for_an_archive(tmp_path) -> None:  # noqa: ANN001
    db = str(tmp_path / "a.sqlite")
    cwg14 = str(FIXTURES / "records" / "cwg14" / "cwg14.txt")
    assert run("index", "-q", "--db", db, cwg14)[0] == 0
    for filters in (["--stance", "oppose"], ["--stance", "SUPPORT", "--member", "blr"], ["--actor-kind", "member_state"]):
        _, from_files, _ = run("positions", "-f", "json", *filters, cwg14)
        _, from_db, _ = run("positions", "-f", "json", "--db", db, *filters)
        files_rows = json.loads(from_files)
        db_rows = json.loads(from_db)
        assert [(r["stance"], r["actor"], r["text"]) for r in files_rows] == [(r["stance"], r["actor"], r["text"]) for r in db_rows], filters
        assert files_rows, filters
