"""`cwgtool check` reports in CI: an unreadable input is visible in every format, and report
paths do not depend on where the repository is checked out.

Run through the installed command (a subprocess), as a CI job runs it.
"""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path
from xml.etree import ElementTree as ET

import jsonschema
import pytest

from tests.conftest import FIXTURES, ROOT

CWG12 = FIXTURES / "records" / "cwg12" / "cwg12.txt"
CWG16 = FIXTURES / "records" / "cwg16" / "cwg16.txt"
SCHEMA = json.loads((ROOT / "tests" / "data" / "sarif" / "sarif-schema-2.1.0.json").read_text(encoding="utf-8"))


def check(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "cwgtool", "check", *args], cwd=cwd, capture_output=True, text=True, timeout=300)


def sarif_errors(log: dict) -> list[str]:
    validator = jsonschema.validators.validator_for(SCHEMA)(SCHEMA)
    return [e.message for e in validator.iter_errors(log)]


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    """A git repository holding a clean record and one that cannot be read (an empty PDF)."""
    root = tmp_path / "checkout-a"
    (root / "records").mkdir(parents=True)
    subprocess.run(["git", "init", "-q", str(root)], check=True)
    shutil.copy(CWG16, root / "records" / "cwg16.txt")
    (root / "records" / "broken.pdf").write_bytes(b"")
    return root


def test_sarif_marks_the_run_unsuccessful(repo: Path) -> None:
    done = check("-f", "sarif", "records/cwg16.txt", "records/broken.pdf", cwd=repo)
    assert done.returncode == 3
    log = json.loads(done.stdout)
    assert sarif_errors(log) == []
    [invocation] = log["runs"][0]["invocations"]
    assert invocation["executionSuccessful"] is False
    [note] = invocation["toolExecutionNotifications"]
    assert note["level"] == "error" and "empty file" in note["message"]["text"]
    assert note["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] == "records/broken.pdf"


def test_sarif_of_a_clean_run_is_successful(repo: Path) -> None:
    done = check("-f", "sarif", "records/cwg16.txt", cwd=repo)
    assert done.returncode == 0
    log = json.loads(done.stdout)
    assert log["runs"][0]["invocations"] == [{"executionSuccessful": True, "toolExecutionNotifications": []}]
    assert log["runs"][0]["results"] == []


def test_github_annotates_the_unreadable_file(repo: Path) -> None:
    done = check("-f", "github", "records/cwg16.txt", "records/broken.pdf", cwd=repo)
    assert done.returncode == 3
    [line] = done.stdout.splitlines()
    assert line.startswith("::error file=records/broken.pdf,") and line.endswith("::empty file")


def test_junit_has_an_error_for_the_unreadable_file(repo: Path) -> None:
    done = check("-f", "junit", "records/cwg16.txt", "records/broken.pdf", cwd=repo)
    assert done.returncode == 3
    root = ET.fromstring(done.stdout)
    assert root.get("errors") == "1"
    [error] = root.iter("error")
    assert error.get("message") == "empty file"


def test_text_summary_names_the_unreadable_file(repo: Path) -> None:
    done = check("records/cwg16.txt", "records/broken.pdf", cwd=repo)
    assert done.returncode == 3
    assert done.stdout.splitlines()[-1] == "All checks passed (1 file); 1 file could not be read: records/broken.pdf."
    assert "broken.pdf: empty file" in done.stderr


def test_paths_are_relative_to_the_repository_root(repo: Path, tmp_path: Path) -> None:
    """Run from a subfolder of two checkouts in different places: the same URIs and fingerprints."""
    shutil.copy(CWG12, repo / "records" / "cwg12.txt")
    other = tmp_path / "elsewhere" / "checkout-b"
    shutil.copytree(repo, other)
    logs = []
    for root in (repo, other):
        done = check("-f", "sarif", "cwg12.txt", cwd=root / "records")
        assert done.returncode == 1
        logs.append(json.loads(done.stdout))
    results = [log["runs"][0]["results"] for log in logs]
    assert results[0] and results[0] == results[1]
    location = results[0][0]["locations"][0]["physicalLocation"]["artifactLocation"]
    assert location == {"uri": "records/cwg12.txt", "uriBaseId": "%SRCROOT%"}
    assert all(r["partialFingerprints"]["cwgtool/v1"].startswith("records/cwg12.txt|") for r in results[0])
    assert logs[1]["runs"][0]["originalUriBaseIds"]["%SRCROOT%"]["uri"] == other.resolve().as_uri() + "/"
    assert sarif_errors(logs[0]) == []

    github = check("-f", "github", "--select", "NUM005", "cwg12.txt", cwd=repo / "records")
    assert github.stdout.startswith("::warning file=records/cwg12.txt,line=25,")


def test_skip_unknown_names_the_skipped_file(repo: Path) -> None:
    (repo / "notes.txt").write_text("Meeting notes\n\nFirst  point , really\n", encoding="utf-8")
    linted = check("notes.txt", "records/cwg16.txt", cwd=repo)
    assert linted.returncode == 1 and "notes.txt:3: TXT001" in linted.stdout  # without the flag, linted
    done = check("--skip-unknown", "notes.txt", "records/cwg16.txt", cwd=repo)
    assert done.returncode == 0
    assert done.stderr == "cwgtool: notes.txt: skipped: not a CWG record or contribution\n"
    assert done.stdout.splitlines()[-1] == "All checks passed (1 file); 1 file skipped (not a CWG record or contribution): notes.txt."
    quiet = check("--skip-unknown", "-q", "notes.txt", "records/cwg16.txt", cwd=repo)
    assert quiet.returncode == 0 and quiet.stderr == ""


def test_common_options_are_accepted(repo: Path) -> None:
    done = check("-q", "--debug", "--no-cache", "--pdf-engine", "pdfplumber", "records/cwg16.txt", cwd=repo)
    assert done.returncode == 0, done.stderr
    assert done.stdout == "All checks passed (1 file).\n"


def test_base_dir_sets_what_paths_are_relative_to(repo: Path) -> None:
    shutil.copy(CWG12, repo / "records" / "cwg12.txt")
    done = check("-f", "sarif", "--base-dir", "records", "records/cwg12.txt", cwd=repo)
    log = json.loads(done.stdout)
    run = log["runs"][0]
    assert run["results"][0]["locations"][0]["physicalLocation"]["artifactLocation"] == {"uri": "cwg12.txt", "uriBaseId": "%SRCROOT%"}
    assert run["originalUriBaseIds"]["%SRCROOT%"]["uri"] == (repo / "records").resolve().as_uri() + "/"
    github = check("-f", "github", "--base-dir", "records", "--select", "NUM005", "records/cwg12.txt", cwd=repo)
    assert github.stdout.startswith("::warning file=cwg12.txt,line=25,")
    assert check("--base-dir", "nowhere", "records/cwg12.txt", cwd=repo).returncode == 2


def test_a_file_name_cannot_forge_a_line_of_the_text_report(tmp_path: Path) -> None:
    """A record whose name holds a newline and a fake summary: its findings stay one line each."""
    name = "rec\ncwgtool: All checks passed (9 files).txt"
    shutil.copy(CWG12, tmp_path / name)
    done = check(name, cwd=tmp_path)
    assert done.returncode == 1
    assert not any(line.startswith("cwgtool: All checks passed") for line in done.stdout.splitlines())
    findings = [line for line in done.stdout.splitlines() if line.startswith("rec\\ncwgtool")]
    assert findings and all("[" in line for line in findings)
