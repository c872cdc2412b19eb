"""`cwgtool brief` and `cwgtool actions -f ics` through the command line: the same output as the
library, and bad input ends in one line and a documented exit code."""

from __future__ import annotations

from pathlib import Path

import pytest
import vobject
from typer.testing import CliRunner

import cwgtool
from cwgtool.brief import build_brief
from cwgtool.cli import app
from cwgtool.render.brief_html import render_html
from tests.conftest import FIXTURES, ROOT

CWG14 = FIXTURES / "records" / "cwg14" / "cwg14.txt"
GOLDEN14 = FIXTURES / "records" / "cwg14" / "golden" / "cwg14.brief.md"
CWG18 = FIXTURES / "meetings" / "cwg18"


@pytest.fixture(autouse=True)
def at_root(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(ROOT)  # file names in the brief are as given, relative to the repository


def run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(app, list(args))
    return result.exit_code, result.stdout, result.stderr


def rel(p: Path) -> str:
    return p.relative_to(ROOT).as_posix()


def test_markdown_on_stdout_is_the_golden_brief() -> None:
    code, out, err = run("brief", rel(CWG14), "--format", "md", "--no-cache")
    assert code == 0, err
    assert out == GOLDEN14.read_text(encoding="utf-8")


def test_html_to_a_file_is_the_library_page(tmp_path: Path) -> None:
    target = tmp_path / "brief.html"
    code, out, err = run("brief", rel(CWG14), "-o", str(target), "--no-cache")
    assert code == 0, err
    assert out == ""
    assert target.read_text(encoding="utf-8") == render_html(build_brief([cwgtool.parse(rel(CWG14))]))


def test_an_md_output_file_gets_markdown(tmp_path: Path) -> None:
    target = tmp_path / "brief.md"
    code, _, err = run("brief", rel(CWG14), "-o", str(target), "--no-cache")
    assert code == 0, err
    assert target.read_text(encoding="utf-8") == GOLDEN14.read_text(encoding="utf-8")


def test_a_meeting_folder_lists_the_contribution_never_discussed() -> None:
    code, out, err = run("brief", rel(CWG18), "-f", "md", "--no-cache", "-q")
    assert code == 0, err
    section = out.split("### Contributions never discussed (1)", 1)[1]
    assert section.lstrip().startswith("- **CWG-Internet-18/4**")


def test_output_dir_writes_one_page_per_meeting(tmp_path: Path) -> None:
    out = tmp_path / "briefs"
    code, stdout, err = run("brief", rel(CWG14), rel(CWG18), "-O", str(out), "-f", "md", "--no-cache", "-q")
    assert code == 0, err
    assert stdout == ""
    assert sorted(p.name for p in out.iterdir()) == ["cwg-internet-14-8.md", "cwg-internet-18-7.md"]
    # each page is the brief of its own meeting: the 14th alone is the golden brief
    assert (out / "cwg-internet-14-8.md").read_text(encoding="utf-8") == GOLDEN14.read_text(encoding="utf-8")
    page18 = (out / "cwg-internet-18-7.md").read_text(encoding="utf-8")
    assert "CWG-Internet-14" not in page18 and "### Contributions never discussed (1)" in page18


def test_archive_map_and_member_history(tmp_path: Path) -> None:
    db = str(tmp_path / "a.sqlite")
    assert run("index", rel(CWG14), rel(FIXTURES / "records" / "cwg16" / "cwg16.txt"), "--db", db, "-q")[0] == 0
    code, out, err = run("brief", "--db", db, "--member", "usa", "-f", "md")
    assert code == 0, err
    assert "## Stance map" in out
    assert "## United States (USA): positions over time" in out
    assert "| 14 | CWG-Internet-14/8 ¶ 4.2.2 | oppose | CWG-Internet-14/3 |" in out


@pytest.mark.parametrize(
    ("args", "code", "message"),
    [
        (["brief"], 2, "give RECORD files"),
        (["brief", "--member", "US", "x.txt"], 2, "ISO 3166 alpha-3"),
        (["brief", "--db", "no-such.sqlite"], 3, "no-such.sqlite: no such database"),
        (["brief", "no-such-record.txt"], 3, "no-such-record.txt"),
        (["brief", rel(CWG18 / "cwg18-4-canada.txt")], 2, "no summary record among the inputs"),
        (["brief", rel(CWG18 / "cwg18-4-canada.txt"), "-O", "out"], 2, "no summary record among the inputs"),
        (["brief", rel(CWG14), "-o", "a.html", "-O", "out"], 2, "mutually exclusive"),
    ],
)
def test_bad_input_is_one_line_and_an_exit_code(args: list[str], code: int, message: str) -> None:
    got, out, err = run(*args, *(["--no-cache"] if "--db" not in args else []))
    assert got == code
    assert out == ""
    lines = err.strip().splitlines()
    assert lines[-1].startswith("cwgtool: ") and message in err
    assert "Traceback" not in err


def test_an_unknown_format_is_a_usage_error_naming_the_choices() -> None:
    code, out, err = run("brief", "--format", "pdf", "x.txt")
    assert code == 2 and out == ""
    assert "'pdf' is not one of 'html', 'md'" in err


def test_actions_as_icalendar(tmp_path: Path) -> None:
    target = tmp_path / "deadlines.ics"
    code, _, err = run("actions", rel(CWG14), "-f", "ics", "-o", str(target), "--no-cache")
    assert code == 0, err
    cal = vobject.readOne(target.read_text(encoding="utf-8"))
    (event,) = cal.vevent_list
    assert str(event.dtstart.value) == "2021-01-31"
    assert "Record: CWG-Internet-14/8, paragraph 6.2" in event.description.value


def test_actions_icalendar_from_an_archive_counts_a_record_once(tmp_path: Path) -> None:
    db = str(tmp_path / "a.sqlite")
    case = FIXTURES / "records" / "cwg14"
    assert run("index", rel(case), "--db", db, "-q")[0] == 0  # the record in four files
    code, out, err = run("actions", "--db", db, "-f", "ics")
    assert code == 0, err
    assert len(vobject.readOne(out).vevent_list) == 1


def test_actions_rows_are_unchanged_by_the_ics_format() -> None:
    code, out, _ = run("actions", rel(CWG14), "-f", "tsv", "--no-cache")
    assert code == 0
    assert out.splitlines()[0].split("\t")[:3] == ["file", "id", "actor"]
