"""`cwgtool check` / `cwgtool rules` through the CLI: exit codes, formats, config, baseline."""

from __future__ import annotations

import json
import shutil
from pathlib import Path
from xml.etree import ElementTree as ET

import jsonschema
import pytest
from typer.testing import CliRunner

from cwgtool.check.registry import all_rules
from cwgtool.cli import app
from cwgtool.render.diagnostics import render_github

ROOT = Path(__file__).resolve().parents[2]
RECORDS = ROOT / "fixtures" / "records"
SCHEMA = ROOT / "tests" / "data" / "sarif" / "sarif-schema-2.1.0.json"
CWG12 = RECORDS / "cwg12" / "cwg12.txt"
CWG16 = RECORDS / "cwg16" / "cwg16.txt"

runner = CliRunner()


def run(*args: str):  # noqa: ANN201 - typer Result
    return runner.invoke(app, ["check", *args])


@pytest.fixture
def records(tmp_path: Path) -> Path:
    """Copies of the records in a folder with no config above it that we control."""
    (tmp_path / "pyproject.toml").write_text("[tool.other]\nx = 1\n")  # no [tool.cwgtool.check]: ignored
    for p in (CWG12, CWG16):
        shutil.copy(p, tmp_path / p.name)
    return tmp_path


# -- exit codes ----------------------------------------------------------------------------------


def test_exit_1_on_findings_0_when_clean(records: Path) -> None:
    bad = run(str(records / "cwg12.txt"))
    assert bad.exit_code == 1, bad.output
    assert "NUM005" in bad.stdout and "cwg12.txt:25:" in bad.stdout
    good = run(str(records / "cwg16.txt"))
    assert good.exit_code == 0, good.output
    assert "All checks passed" in good.stdout


def test_severity_threshold(records: Path) -> None:
    assert run("--select", "TXT", "--severity", "error", str(records / "cwg12.txt")).exit_code == 0
    assert run("--select", "SYM", "--severity", "error", str(records / "cwg12.txt")).exit_code == 1  # SYM001 is an error
    assert run("--select", "TXT", "--severity", "warning", str(records / "cwg12.txt")).exit_code == 1


def test_unreadable_input_exit_3_names_the_file(records: Path) -> None:
    missing = records / "nope.txt"
    r = run(str(missing))
    assert r.exit_code == 3
    assert str(missing) in r.stderr
    empty = records / "empty.pdf"
    empty.write_bytes(b"")
    r2 = run(str(records / "cwg16.txt"), str(empty))
    assert r2.exit_code == 3 and "empty.pdf" in r2.stderr


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--select", "NOPE"], "unknown rule code or prefix 'NOPE'"),
        (["--ignore", "XX1"], "unknown rule code or prefix 'XX1'"),
        (["--format", "yaml"], "'yaml' is not one of 'text', 'json', 'github', 'sarif', 'junit'"),
        (["--severity", "fatal"], "'fatal' is not one of 'info', 'warning', 'error'"),
    ],
)
def test_usage_errors_exit_2(records: Path, args: list[str], message: str) -> None:
    r = run(*args, str(records / "cwg16.txt"))
    assert r.exit_code == 2
    assert message in r.stderr
    assert r.stdout == ""


def test_bad_baseline_is_usage_error(records: Path) -> None:
    bad = records / "baseline.json"
    bad.write_text("[1, 2]")
    r = run("--baseline", str(bad), str(records / "cwg16.txt"))
    assert r.exit_code == 2
    assert r.stderr.strip() == f"cwgtool: {bad}: not a cwgtool baseline (no 'findings' list)"


# -- configuration -------------------------------------------------------------------------------


def test_config_discovered_upward_nearest_wins(records: Path) -> None:
    (records / "cwgtool.toml").write_text('[check]\nselect = ["SYM"]\n')
    sub = records / "sub" / "deeper"
    sub.mkdir(parents=True)
    shutil.copy(CWG12, sub / "cwg12.txt")
    (records / "sub" / "pyproject.toml").write_text('[tool.cwgtool.check]\nselect = ["NUM005"]\n')

    top = json.loads(run("-f", "json", str(records / "cwg12.txt")).stdout)
    assert {d["code"] for d in top} == {"SYM001", "SYM002"}
    deep = json.loads(run("-f", "json", str(sub / "cwg12.txt")).stdout)
    assert {d["code"] for d in deep} == {"NUM005"}
    # command-line flags win over the file
    flag = json.loads(run("-f", "json", "--select", "TXT002", str(sub / "cwg12.txt")).stdout)
    assert {d["code"] for d in flag} == {"TXT002"}


def test_config_severity_and_overrides(records: Path) -> None:
    (records / "cwgtool.toml").write_text(
        '[tool.cwgtool.check]\nselect = ["TXT", "SYM"]\nseverity = "error"\n[tool.cwgtool.check.rule-severity]\nSYM001 = "warning"\n'
    )
    r = run("-f", "json", str(records / "cwg12.txt"))
    assert r.exit_code == 0, r.output  # nothing at error level once SYM001 is lowered
    assert {d["severity"] for d in json.loads(r.stdout) if d["code"] == "SYM001"} == {"warning"}


def test_bad_config_is_usage_error(records: Path) -> None:
    (records / "cwgtool.toml").write_text('[check]\nselect = ["NOPE"]\n')
    r = run(str(records / "cwg16.txt"))
    assert r.exit_code == 2 and "cwgtool.toml" in r.stderr


# -- formats -------------------------------------------------------------------------------------


def test_json_format(records: Path) -> None:
    data = json.loads(run("-f", "json", str(records / "cwg12.txt")).stdout)
    assert isinstance(data, list) and data
    first = data[0]
    assert set(first) == {"file", "code", "name", "severity", "message", "location", "excerpt"}
    assert set(first["location"]) == {"section", "paragraph", "page", "index", "line"}


def test_sarif_validates_against_official_schema(records: Path) -> None:
    r = run("-f", "sarif", str(records / "cwg12.txt"), str(records / "cwg16.txt"))
    assert r.exit_code == 1
    log = json.loads(r.stdout)
    schema = json.loads(SCHEMA.read_text(encoding="utf-8"))
    validator_cls = jsonschema.validators.validator_for(schema)
    validator_cls.check_schema(schema)
    errors = list(validator_cls(schema, format_checker=validator_cls.FORMAT_CHECKER).iter_errors(log))
    assert errors == [], [e.message for e in errors[:5]]

    run0 = log["runs"][0]
    rules = run0["tool"]["driver"]["rules"]
    assert [d["id"] for d in rules] == [r.code for r in all_rules()]
    for desc in rules:
        assert {"id", "name", "shortDescription", "fullDescription", "help", "defaultConfiguration"} <= set(desc)
    res = next(x for x in run0["results"] if x["ruleId"] == "NUM005")
    assert res["level"] == "warning"
    loc = res["locations"][0]
    assert loc["physicalLocation"]["region"]["startLine"] == 25
    assert loc["physicalLocation"]["artifactLocation"]["uri"].endswith("cwg12.txt")
    assert loc["logicalLocations"][0]["name"] == "4.1"
    assert rules[res["ruleIndex"]]["id"] == "NUM005"


def test_sarif_for_docx_has_no_line_but_a_section(tmp_path: Path) -> None:
    docx = RECORDS / "cwg12" / "cwg12-typed.docx"
    log = json.loads(run("-f", "sarif", "--select", "NUM005", str(docx)).stdout)
    [res] = log["runs"][0]["results"]
    assert "region" not in res["locations"][0]["physicalLocation"]
    assert res["locations"][0]["logicalLocations"][0]["name"] == "4.1"


def test_github_format(records: Path) -> None:
    r = run("-f", "github", "--select", "SYM,NUM005", str(records / "cwg12.txt"))
    lines = r.stdout.splitlines()
    assert all(line.startswith(("::error ", "::warning ", "::notice ")) for line in lines)
    sym = next(line for line in lines if "SYM001" in line)
    assert sym.startswith("::error file=") and ",line=53," in sym and "title=SYM001 malformed-symbol::" in sym
    assert "%0A" in sym and "\n" not in sym
    num = next(line for line in lines if "NUM005" in line)
    assert num.startswith("::warning ") and ",line=25," in num


def test_github_escaping_and_unknown_line(tmp_path: Path) -> None:
    """Messages escape %, CR and LF (GitHub's escapeData); properties also ':' and ','."""
    out = render_github([], input_errors=[("dir,x/a:b.txt", "50% done\r\nnext")], base_dir=tmp_path)
    assert out == "::error file=dir%2Cx/a%3Ab.txt,title=cwgtool could not read this file::50%25 done%0D%0Anext\n"
    r = run("-f", "github", "--select", "NUM005", str(RECORDS / "cwg12" / "cwg12-typed.docx"))
    assert ",line=1," in r.stdout  # DOCX has no text lines: annotated on line 1


def test_junit_format(records: Path) -> None:
    r = run("-f", "junit", str(records / "cwg12.txt"), str(records / "cwg16.txt"))
    root = ET.fromstring(r.stdout)
    assert root.tag == "testsuites"
    suites = root.findall("testsuite")
    assert [s.get("name") for s in suites] == [str(records / "cwg12.txt"), str(records / "cwg16.txt")]
    n_rules = len(all_rules())
    for s in suites:
        assert int(s.get("tests")) == len(s.findall("testcase")) == n_rules
        assert int(s.get("failures")) == len(s.findall("testcase/failure"))
    failing = {c.get("name").split()[0] for c in suites[0].findall("testcase") if c.find("failure") is not None}
    assert {"NUM004", "NUM005", "SYM001", "SYM002", "TXT001", "TXT002"} <= failing
    assert suites[1].get("failures") == "0"
    assert int(root.get("failures")) == int(suites[0].get("failures"))
    assert int(root.get("tests")) == 2 * n_rules


def test_output_file(records: Path) -> None:
    out = records / "report.json"
    r = run("-f", "json", "-o", str(out), str(records / "cwg12.txt"))
    assert r.exit_code == 1 and r.stdout == ""
    assert json.loads(out.read_text())


# -- baseline ------------------------------------------------------------------------------------


def test_baseline_reports_only_new_findings(records: Path) -> None:
    rec = records / "cwg12.txt"
    base = records / "baseline.json"
    w = run("--write-baseline", str(base), str(rec))
    assert w.exit_code == 0 and base.exists()
    assert run("--baseline", str(base), str(rec)).exit_code == 0

    # unrelated edit above every finding (all line numbers shift) plus one new defect
    text = rec.read_text(encoding="utf-8")
    text = text.replace("English only\n", "English only\nCorrigendum 1\n\n", 1)
    text = text.replace("The report was noted by the Group.", "The report was noted by  the Group.", 1)
    rec.write_text(text, encoding="utf-8")
    r = run("-f", "json", "--baseline", str(base), str(rec))
    assert r.exit_code == 1
    new = json.loads(r.stdout)
    assert [(d["code"], d["location"]["section"]) for d in new] == [("TXT001", "3")]


# -- rules ---------------------------------------------------------------------------------------


def test_rules_listing_and_docs() -> None:
    r = runner.invoke(app, ["rules"])
    assert r.exit_code == 0
    lines = r.stdout.splitlines()
    assert lines[0] == "code\tname\tseverity\tsummary"
    assert len(lines) == 1 + len(all_rules())
    one = runner.invoke(app, ["rules", "NUM005"])
    assert one.exit_code == 0 and "## What it does" in one.stdout and "## Use instead" in one.stdout
    by_name = runner.invoke(app, ["rules", "space-in-number"])
    assert by_name.stdout == one.stdout
    group = runner.invoke(app, ["rules", "SYM"])
    assert len(group.stdout.splitlines()) == 1 + 3
    unknown = runner.invoke(app, ["rules", "XYZ999"])
    assert unknown.exit_code == 2
    assert unknown.stderr.strip() == "cwgtool: unknown rule 'XYZ999' (see `cwgtool rules`)"
    md = runner.invoke(app, ["rules", "--format", "markdown"]).stdout
    assert all(f"## {r.code} {r.name}" in md for r in all_rules())
