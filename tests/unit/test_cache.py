"""The parse cache: hits skip the reader, --no-cache bypasses it, corrupt entries are rewritten."""

from __future__ import annotations

import gzip
import json
import shutil
from pathlib import Path

from typer.testing import CliRunner

from cwgtool.batch import parse_one
from cwgtool.cache import ParseCache
from cwgtool.cli import app
from cwgtool.fileio import sha256_file
from cwgtool.options import ParseOptions

RECORDS = Path(__file__).resolve().parents[2] / "fixtures" / "records"


def test_second_run_is_served_from_cache(cache_dir: Path, reads: list[str]) -> None:
    doc = str(RECORDS / "cwg16" / "cwg16-typed.docx")
    runner = CliRunner()
    first = runner.invoke(app, ["parse", doc, "-j", "1"])
    second = runner.invoke(app, ["parse", doc, "-j", "1"])
    assert first.exit_code == second.exit_code == 0
    assert reads == [doc]
    assert first.stdout == second.stdout
    uncached = runner.invoke(app, ["parse", doc, "-j", "1", "--no-cache"])
    assert reads == [doc, doc]
    assert uncached.stdout == first.stdout


def test_cached_document_carries_the_current_path(cache_dir: Path, tmp_path: Path, reads: list[str]) -> None:
    a = tmp_path / "a.txt"
    b = tmp_path / "elsewhere" / "b.txt"
    b.parent.mkdir()
    shutil.copy(RECORDS / "cwg14" / "cwg14.txt", a)
    shutil.copy(a, b)
    first = parse_one(str(a), ParseOptions())
    second = parse_one(str(b), ParseOptions())
    assert not first.cached and second.cached
    assert len(reads) == 1
    assert second.document is not None and second.document.source.path == str(b)
    dumped = second.document.model_dump_json()
    assert str(a) not in dumped
    assert second.document.sections[0].paragraphs[0].provenance.file == str(b)


def test_corrupt_entry_is_ignored_and_rewritten(cache_dir: Path, reads: list[str]) -> None:
    doc = str(RECORDS / "cwg14" / "cwg14.txt")
    parse_one(doc, ParseOptions())
    entry = ParseCache().entry_path(sha256_file(doc), ParseOptions().pdf_engine)
    entry.write_bytes(b"not gzip at all")
    again = parse_one(doc, ParseOptions())
    assert again.document is not None and not again.cached
    head, _, body = gzip.decompress(entry.read_bytes()).partition(b"\n")
    assert json.loads(head)["path"] == json.loads(body)["source"]["path"] == doc
    entry.write_bytes(gzip.compress(b'{"source": {"path": "x"}, "kind": 42}'))
    assert parse_one(doc, ParseOptions()).document is not None
    assert len(reads) == 3


def test_key_depends_on_engine(cache_dir: Path) -> None:
    cache = ParseCache()
    assert cache.entry_path("ab" * 32, "pdfplumber") != cache.entry_path("ab" * 32, "pdfium")


def test_password_protected_documents_are_not_cached(cache_dir: Path) -> None:
    assert ParseOptions(password="secret").cache() is None


def test_cache_info_and_clear(cache_dir: Path) -> None:
    runner = CliRunner()
    runner.invoke(app, ["parse", str(RECORDS / "cwg12" / "cwg12.txt"), str(RECORDS / "cwg14" / "cwg14.txt"), "-j", "1"])
    info = runner.invoke(app, ["cache", "info"])
    assert info.exit_code == 0
    assert str(cache_dir) in info.stdout and "entries:  2" in info.stdout
    cleared = runner.invoke(app, ["cache", "clear"])
    assert "removed 2 cached documents" in cleared.stdout
    assert "entries:  0" in runner.invoke(app, ["cache", "info"]).stdout
