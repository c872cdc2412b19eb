"""Row output that fits the shell: --fields, tables on an 80-column terminal, one JSON Lines
style, and -o choosing its format from the file name."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest
from rich.cells import cell_len
from typer.testing import CliRunner

from cwgtool.cli import app
from tests.conftest import FIXTURES

runner = CliRunner()
CWG12_PDF = str(FIXTURES / "records" / "cwg12" / "cwg12.pdf")
CWG12 = str(FIXTURES / "records" / "cwg12" / "cwg12.txt")
CWG14 = str(FIXTURES / "records" / "cwg14" / "cwg14.txt")
MEETING = str(FIXTURES / "meetings" / "cwg18")
POSITION_COLUMNS = ["file", "section", "contribution", "topic", "actor", "actor_kind", "quantifier", "members", "stance", "cue", "condition", "text", "page", "index", "line"]


def run(*args: str, env: dict[str, str] | None = None) -> tuple[int, str, str]:
    result = runner.invoke(app, list(args), env=env)
    return result.exit_code, result.stdout, result.stderr


# -- --fields ---------------------------------------------------------------------------------

# (command and inputs, three of its fields)
ROW_COMMANDS = [
    (["positions", CWG12], ["stance", "actor", "text"]),
    (["contributions", CWG12], ["symbol", "title", "file"]),
    (["actions", CWG12], ["due", "id", "actor"]),
    (["topics", CWG12], ["title", "source", "questions"]),
    (["link", MEETING, "-q"], ["status", "symbol", "positions"]),
]


@pytest.mark.parametrize(("command", "fields"), ROW_COMMANDS, ids=[c[0][0] for c in ROW_COMMANDS])
def test_fields_choose_and_order_columns_and_keys(command: list[str], fields: list[str]) -> None:
    chosen = ",".join(fields)
    code, out, _ = run(*command, "--fields", chosen, "-f", "tsv")
    assert code == 0
    lines = out.splitlines()
    assert lines[0].split("\t") == fields and len(lines) > 1
    assert all(len(line.split("\t")) == 3 for line in lines)

    code, out, _ = run(*command, "--fields", chosen, "-f", "csv")
    assert code == 0 and next(csv.reader(io.StringIO(out))) == fields

    for fmt in ("json", "jsonl"):
        code, out, _ = run(*command, "--fields", chosen, "-f", fmt)
        objects = json.loads(out) if fmt == "json" else [json.loads(line) for line in out.splitlines()]
        assert code == 0 and objects and all(list(o) == fields for o in objects)

    code, out, _ = run(*command, "--fields", chosen, "-f", "table", env={"COLUMNS": "200"})
    assert code == 0
    assert out.splitlines()[1].split() == fields


@pytest.mark.parametrize(("command", "fields"), ROW_COMMANDS, ids=[c[0][0] for c in ROW_COMMANDS])
def test_unknown_field_exits_2_listing_the_valid_ones(command: list[str], fields: list[str]) -> None:
    code, out, err = run(*command, "--fields", f"{fields[0]},stanse", "-f", "tsv")
    assert code == 2 and out == ""
    assert "unknown field 'stanse'" in err
    assert "valid: " in err and all(f in err.split("valid:", 1)[1] for f in fields)


def test_provenance_fields_in_json_and_tsv() -> None:
    code, out, _ = run("positions", CWG12_PDF, "--fields", "page,stance", "-f", "json")
    rows = json.loads(out)
    assert code == 0 and all(isinstance(r["page"], int) and r["page"] >= 1 for r in rows)
    code, out, _ = run("positions", CWG12_PDF, "--fields", "stance,provenance", "-f", "tsv")
    assert out.splitlines()[0].split("\t") == ["stance", "page", "index", "line"]


def test_fields_of_an_archive(tmp_path: Path) -> None:
    db = str(tmp_path / "a.sqlite")
    assert run("index", CWG12, CWG14, "--db", db, "-q")[0] == 0
    code, out, _ = run("positions", "--db", db, "--member", "RUS", "--fields", "meeting,stance", "-f", "tsv")
    lines = out.splitlines()
    assert code == 0 and lines[0] == "meeting\tstance" and {line.split("\t")[0] for line in lines[1:]} <= {"12", "14"}
    assert run("positions", "--db", db, "--fields", "meeting,nope", "-f", "tsv")[0] == 2


# -- tables ----------------------------------------------------------------------------------


def table(*args: str, columns: int = 80) -> list[str]:
    code, out, err = run(*args, "-f", "table", env={"COLUMNS": str(columns), "NO_COLOR": "1"})
    assert code == 0, err
    return out.splitlines()


def test_positions_table_fits_80_columns_one_line_per_row() -> None:
    positions = len(run("positions", CWG12_PDF, "-f", "tsv")[1].splitlines()) - 1
    lines = table("positions", CWG12_PDF)
    title, header, *body = lines
    assert positions > 50 and title == f"Positions ({positions})"
    assert len(body) == positions  # one line per position (a wrapping table took 482 lines for 64)
    assert all(cell_len(line) <= 80 for line in lines)
    assert header.split() == ["section", "contribution", "actor", "stance", "text"]  # whole words
    assert any(line.rstrip().endswith("…") for line in body)
    assert {line.split()[0] for line in body} >= {"4.1.2", "4.2.2"}  # section numbers are never cut


def test_narrow_terminal_drops_columns_but_never_breaks_a_header() -> None:
    for width in (40, 60):
        lines = table("positions", CWG12_PDF, columns=width)
        header = lines[1].split()
        assert set(header) <= set(POSITION_COLUMNS) and "text" in header and "stance" in header
        assert all(cell_len(line) <= width for line in lines)


def test_file_paths_are_cut_from_the_left() -> None:
    lines = table("contributions", CWG12, CWG14)
    assert lines[1].split()[0] == "file"
    files = [line.split()[0] for line in lines[2:]]
    assert all(f.endswith(("cwg12.txt", "cwg14.txt")) for f in files)
    assert any(f.startswith("…") for f in files)


def test_wide_shows_every_column_in_full() -> None:
    lines = table("positions", CWG12_PDF, "--wide")
    assert lines[1].split() == POSITION_COLUMNS
    code, out, _ = run("positions", CWG12_PDF, "--fields", "text", "-f", "tsv")
    longest = max(out.splitlines()[1:], key=len)
    assert len(longest) > 200 and any(longest in line for line in lines)


# -- one JSON Lines style, cache info, -o --------------------------------------------------------


@pytest.mark.parametrize(
    "command",
    [["positions", CWG12], ["topics", CWG12], ["link", MEETING, "-q"], ["parse", CWG12]],
    ids=["positions", "topics", "link", "parse"],
)
def test_json_lines_are_compact(command: list[str]) -> None:
    code, out, _ = run(*command, "-f", "jsonl")
    assert code == 0 and out
    for line in out.splitlines():
        assert line == json.dumps(json.loads(line), ensure_ascii=False, separators=(",", ":"))


def test_cache_info_as_json(tmp_path: Path) -> None:
    env = {"CWGTOOL_CACHE_DIR": str(tmp_path / "cache")}
    assert run("parse", CWG12, env=env)[0] == 0
    code, out, _ = run("cache", "info", "--format", "json", env=env)
    info = json.loads(out)
    assert code == 0 and info["entries"] == 1 and info["size"] > 0
    assert Path(info["location"]).is_relative_to(tmp_path / "cache")


def test_output_format_follows_the_file_name(tmp_path: Path) -> None:
    for name, check in [
        ("rows.csv", lambda text: next(csv.reader(io.StringIO(text)))[:2] == ["file", "section"] and "\t" not in text.splitlines()[0]),
        ("rows.tsv", lambda text: text.splitlines()[0].startswith("file\tsection\t")),
        ("rows.json", lambda text: isinstance(json.loads(text), list)),
        ("rows.jsonl", lambda text: all(json.loads(line)["stance"] for line in text.splitlines())),
        ("rows.txt", lambda text: text.splitlines()[0].startswith("file\tsection\t")),  # documented default: TSV
    ]:
        target = tmp_path / name
        code, out, _ = run("positions", CWG12, "-o", str(target))
        assert code == 0 and out == ""
        assert check(target.read_text(encoding="utf-8")), name


def test_a_table_is_never_written_to_a_file(tmp_path: Path) -> None:
    target = tmp_path / "rows.csv"
    code, _, err = run("positions", CWG12, "-f", "table", "-o", str(target))
    assert code == 2 and "table is for the terminal" in err
    assert not target.exists()


def test_search_fields_and_table(tmp_path: Path) -> None:
    db = str(tmp_path / "a.sqlite")
    assert run("index", CWG12, "--db", db, "-q")[0] == 0
    code, out, _ = run("search", "community networks", "--db", db, "--fields", "snippet,section", "-f", "tsv")
    lines = out.splitlines()
    assert code == 0 and lines[0] == "snippet\tsection" and "[community] [networks]" in out
    code, _, err = run("search", "community networks", "--db", db, "--fields", "snipet", "-f", "tsv")
    assert code == 2 and "valid: file," in err
    lines = table("search", "community networks", "--db", db)
    assert lines[1].split() == ["file", "meeting", "section", "paragraph", "snippet"]
    assert len(lines) == len(out.splitlines()) + 1 and all(cell_len(line) <= 80 for line in lines)


# -- one projection: rows from the model and from its JSON form --------------------------------

MODEL_OF = {"contributions": "ContributionRef", "positions": "Position", "actions": "Action", "topics": "Topic"}


@pytest.mark.parametrize("kind", list(MODEL_OF))
def test_the_columns_are_the_models_fields(kind: str) -> None:
    """The listed columns are written out (a cached listing never builds the model): they must
    stay the model's fields, in order, provenance spread into page/index/line."""
    from cwgtool import api, model
    from cwgtool.options import RowKind, RowQuery

    expected = ["file"]
    for name in getattr(model, MODEL_OF[kind]).model_fields:
        expected.extend(["page", "index", "line"] if name == "provenance" else [name])
    assert api.row_columns(RowQuery(RowKind(kind))) == expected


@pytest.mark.parametrize("kind", list(MODEL_OF))
def test_rows_from_the_json_form_equal_rows_from_the_model(kind: str) -> None:
    from cwgtool import api
    from cwgtool.options import RowKind, RowQuery

    docs = [api.parse(CWG12_PDF), api.parse(FIXTURES / "contributions" / "c18-4-canada-annex" / "c18-4-canada-annex-typed.docx")]
    decoded = [json.loads(d.model_dump_json(indent=2)) for d in docs]
    for query in (RowQuery(RowKind(kind)), RowQuery(RowKind(kind), member="RUS"), RowQuery(RowKind(kind), all_actions=True)):
        rows = api.select_rows(docs, query)
        assert rows == api.select_rows(decoded, query)
        assert rows or query.member  # every kind has rows in these records unfiltered


def test_a_cached_listing_prints_what_a_fresh_one_does(tmp_path: Path) -> None:
    env = {"CWGTOOL_CACHE_DIR": str(tmp_path / "cache")}
    for command in (["positions", CWG12_PDF, CWG14, "-f", "json"], ["actions", CWG12, "-f", "csv", "--all"], ["topics", CWG14, "-f", "tsv"]):
        fresh = run(*command, "--no-cache", env=env)
        assert fresh[0] == 0 and fresh[1]
        assert run(*command, env=env) == fresh  # fills the cache
        assert run(*command, env=env) == fresh  # served from it
