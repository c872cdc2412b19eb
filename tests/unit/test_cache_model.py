"""Cache entries go through the model: every fixture's document comes back from the cache equal
to a fresh parse, under its own path and under another; a hit never skips a check."""

from __future__ import annotations

import json
import shutil
import zlib
from pathlib import Path

import pytest
from typer.testing import CliRunner

from cwgtool.api import parse
from cwgtool.batch import parse_one
from cwgtool.cache import LAYOUT, ParseCache
from cwgtool.cli import app
from cwgtool.fileio import sha256_file
from cwgtool.options import ParseOptions
from tests.conftest import FIXTURES

DOCUMENTS = sorted(p for p in FIXTURES.glob("*/*/*") if p.suffix in (".pdf", ".docx", ".txt") and p.parent.name != "sources")


@pytest.mark.parametrize("source", DOCUMENTS, ids=lambda p: p.name)
def test_every_fixture_round_trips_through_the_cache(source: Path, cache_dir: Path, tmp_path: Path) -> None:
    """Fails when a model change makes hits miss or makes a hit differ from a parse (a field the
    JSON does not carry back, a provenance the re-labelling does not reach)."""
    fresh = parse(source)
    first = parse_one(str(source), ParseOptions())
    assert not first.cached and first.document == fresh
    again = parse_one(str(source), ParseOptions())
    assert again.cached and again.document == fresh
    assert parse_one(str(source), ParseOptions(), as_json=True).document_json == fresh.model_dump_json(indent=2).encode()
    moved = tmp_path / "elsewhere" / source.name
    moved.parent.mkdir()
    shutil.copy(source, moved)
    elsewhere = parse_one(str(moved), ParseOptions(), as_json=True)
    assert elsewhere.cached
    assert elsewhere.document_json == parse(moved).model_dump_json(indent=2).encode()
    assert str(source) not in elsewhere.document_json.decode()


def test_entry_layout_is_a_header_line_then_the_output(cache_dir: Path) -> None:
    source = FIXTURES / "records" / "cwg16" / "cwg16-typed.docx"
    out = CliRunner().invoke(app, ["parse", "-q", str(source)]).stdout
    entry = ParseCache().entry_path(sha256_file(source), ParseOptions().pdf_engine)
    head, _, body = zlib.decompress(entry.read_bytes(), 31).partition(b"\n")
    assert json.loads(head) == {"layout": LAYOUT, "path": str(source), "bytes": len(body)}
    assert body.decode() + "\n" == out  # zcat-able: the entry is what `cwgtool parse` prints


def test_a_warm_cache_does_not_lift_a_limit(cache_dir: Path, tmp_path: Path) -> None:
    """The issue's case: after one run, `--max-bytes 10K --max-pages 1 parse rec.pdf` succeeded."""
    pdf = FIXTURES / "records" / "cwg12" / "cwg12.pdf"
    runner = CliRunner()
    assert runner.invoke(app, ["parse", "-q", str(pdf)]).exit_code == 0
    assert ParseCache().info().entries == 1
    for root in (["--max-bytes", "10K"], ["--max-pages", "1"]):
        run = runner.invoke(app, [*root, "parse", str(pdf)])
        assert run.exit_code == 4 and run.stdout == "", (root, run.stderr)
    renamed = tmp_path / "rec.docx"
    shutil.copy(pdf, renamed)
    run = runner.invoke(app, ["positions", str(renamed)])
    assert run.exit_code == 3 and run.stderr == f"cwgtool: {renamed}: named .docx but the content is a PDF; rename it to .pdf\n"
