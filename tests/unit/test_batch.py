"""Batch parsing: folders with bad files, --output-dir, --jobs determinism, ordering."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from typer.testing import CliRunner

from cwgtool.batch import OutputTree, parse_many
from cwgtool.cli import app
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
    assert written == ["a.txt.json", "sub/b.docx.json"]  # the tree under the inputs' common folder
    assert json.loads((out / "a.txt.json").read_text())["source"]["path"] == "in/a.txt"
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


def test_output_tree_mirrors_under_the_common_folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    tree = OutputTree("OUT", ["arch/2021/a/rec.pdf", "arch/2022/rec.docx"], ".json")
    assert tree.target("arch/2021/a/rec.pdf") == Path("OUT/2021/a/rec.pdf.json")
    assert tree.target("./arch/2022/../2022/rec.docx") == Path("OUT/2022/rec.docx.json")
    assert OutputTree("OUT", ["/elsewhere/x.pdf"], ".json").target("/elsewhere/x.pdf") == Path("OUT/x.pdf.json")
    apart = OutputTree("OUT", ["/one/x.pdf", "/two/x.pdf", "-"], ".md")
    assert {apart.target(p) for p in ("/one/x.pdf", "/two/x.pdf", "-")} == {Path("OUT/one/x.pdf.md"), Path("OUT/two/x.pdf.md"), Path("OUT/stdin.md")}


def test_two_inputs_with_one_output_are_an_error_not_an_overwrite(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    record = (RECORDS / "cwg14" / "cwg14.txt").read_text(encoding="utf-8")
    Path("stdin").write_text(record, encoding="utf-8")  # a file named like the output of `-`
    result = CliRunner().invoke(app, ["parse", "stdin", "-", "-O", "out", "-j", "1"], input=record.replace("Geneva", "Genf"))
    assert result.exit_code == 3, result.output
    assert "-: output out/stdin.json is also the output of stdin; not written" in result.stderr
    assert "1 parsed, 1 failed" in result.stderr
    assert json.loads(Path("out/stdin.json").read_text(encoding="utf-8"))["source"]["path"] == "stdin"  # the first one's


def test_a_failed_write_is_one_failure_and_the_batch_goes_on(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    _folder(tmp_path)
    (tmp_path / "in" / "empty.pdf").unlink()
    (tmp_path / "in" / "sub" / "page.pdf").unlink()
    shutil.copy(RECORDS / "cwg12" / "cwg12.txt", tmp_path / "in" / "sub" / "c.txt")
    (tmp_path / "in" / "zz").mkdir()
    shutil.copy(RECORDS / "cwg16" / "cwg16.txt", tmp_path / "in" / "zz" / "d.txt")  # comes after sub/
    monkeypatch.chdir(tmp_path)
    Path("out").mkdir()
    Path("out/sub").write_text("a file where the output folder should be")  # no write below it, even for root
    result = CliRunner().invoke(app, ["parse", "in", "-O", "out", "-j", "1"])
    assert result.exit_code == 3, result.output
    assert "in/sub/b.docx: cannot write out/sub/b.docx.json: " in result.stderr
    assert "in/sub/c.txt: cannot write out/sub/c.txt.json: " in result.stderr
    assert "2 parsed, 2 failed" in result.stderr
    assert Path("out/a.txt.json").is_file() and Path("out/zz/d.txt.json").is_file()  # the batch went on
    assert Path("out/sub").read_text() == "a file where the output folder should be"


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
    assert result.stderr.strip() == "cwgtool: give FILE arguments or --db ARCHIVE"
