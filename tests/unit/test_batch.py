"""Batch parsing: folders with bad files, --output-dir, --jobs determinism, ordering."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from typer.testing import CliRunner

from cwgtool.batch import parse_many
from cwgtool.cli import app
from cwgtool.cli.parse_cmd import mirrored_output
from cwgtool.options import ParseOptions

RECORDS = Path(__file__).resolve().parents[2] / "fixtures" / "records"


@pytest.fixture(autouse=True)
def _cache_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("CWGTOOL_CACHE_DIR", str(tmp_path / "cache"))


def _folder(tmp_path: Path) -> Path:
    src = tmp_path / "in"
    (src / "sub").mkdir(parents=True)
    shutil.copy(RECORDS / "cwg14" / "cwg14.txt", src / "a.txt")
    shutil.copy(RECORDS / "cwg16" / "cwg16-typed.docx", src / "sub" / "b.docx")
    (src / "empty.pdf").write_bytes(b"")
    (src / "sub" / "page.pdf").write_text("<!DOCTYPE html><html><body>404</body></html>")
    return src


def test_output_dir_reports_and_skips_bad_files(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    src = _folder(tmp_path)
    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(app, ["parse", "in", "--output-dir", "out", "--jobs", "1"])
    assert result.exit_code == 3, result.output
    out = tmp_path / "out"
    written = sorted(str(p.relative_to(out)) for p in out.rglob("*") if p.is_file())
    assert written == ["in/a.txt.json", "in/sub/b.docx.json"]
    assert json.loads((out / "in" / "a.txt.json").read_text())["source"]["path"] == "in/a.txt"
    assert "in/empty.pdf: empty file" in result.stderr
    assert "2 parsed, 2 failed" in result.stderr
    assert "in/sub/page.pdf: " in result.stderr and "HTML" in result.stderr
    assert result.stdout == ""
    assert "\x1b" not in result.stderr and "doc/s" not in result.stderr  # no progress bar off a terminal
    assert not list(out.rglob(".cwgtool-*"))  # no temporary files left behind
    assert src.exists()


def test_summary_without_failures(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    _folder(tmp_path)
    (tmp_path / "in" / "empty.pdf").unlink()
    (tmp_path / "in" / "sub" / "page.pdf").unlink()
    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(app, ["parse", "in", "-O", "out", "-j", "1"])
    assert result.exit_code == 0
    assert "2 parsed, 0 failed" in result.stderr


def test_mirrored_output_never_escapes(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    assert mirrored_output("a/b/rec.pdf", "OUT", ".json") == Path("OUT/a/b/rec.pdf.json")
    assert mirrored_output("./a/../rec.docx", "OUT", ".json") == Path("OUT/rec.docx.json")
    outside = mirrored_output("/elsewhere/x.pdf", "OUT", ".json")
    assert outside == Path("OUT/elsewhere/x.pdf.json")
    assert mirrored_output("-", "OUT", ".md") == Path("OUT/stdin.md")


def test_jobs_2_output_identical_to_jobs_1(tmp_path: Path) -> None:
    files = [str(p) for case in ("cwg12", "cwg14", "cwg16") for p in sorted((RECORDS / case).glob("*.txt")) + sorted((RECORDS / case).glob("*.docx"))]
    runner = CliRunner()
    one = runner.invoke(app, ["parse", *files, "--jobs", "1", "--no-cache", "-q"])
    two = runner.invoke(app, ["parse", *files, "--jobs", "2", "--no-cache", "-q"])
    assert one.exit_code == two.exit_code == 0
    assert one.stdout == two.stdout
    assert [d["source"]["path"] for d in json.loads(one.stdout)] == files


def test_parse_many_keeps_input_order_and_reports_each(tmp_path: Path) -> None:
    good = [str(p) for p in sorted(RECORDS.glob("*/*.txt"))]
    bad = str(tmp_path / "missing.pdf")
    paths = [good[0], bad, *good[1:]]
    done = []
    outcomes = list(parse_many(paths, ParseOptions(use_cache=False), jobs=2, on_done=done.append))
    assert [o.path for o in outcomes] == paths
    assert outcomes[1].error == "no such file" and outcomes[1].exit_code == 3
    assert all(o.document is not None for i, o in enumerate(outcomes) if i != 1)
    assert sorted(o.path for o in done) == sorted(paths)


def test_usage_error_without_files_or_db() -> None:
    result = CliRunner().invoke(app, ["topics"])
    assert result.exit_code == 2
