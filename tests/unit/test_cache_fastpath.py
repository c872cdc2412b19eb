"""Cached `cwgtool parse` output is byte-identical to uncached output (and to the library
renderers) in every format; a damaged entry is a miss, a stale key is a miss."""

from __future__ import annotations

import os
import shutil
import zlib
from pathlib import Path

import pytest
from typer.testing import CliRunner

import cwgtool.api
import cwgtool.cache
from cwgtool.api import parse
from cwgtool.batch import Outcome, parse_many
from cwgtool.cache import ParseCache
from cwgtool.cli import app
from cwgtool.fileio import sha256_file, write_bytes_atomic
from cwgtool.model import Document, Paragraph, Provenance, Section, Source
from cwgtool.options import ParseOptions
from cwgtool.render import document as r

FIXTURES = Path(__file__).resolve().parents[2] / "fixtures"
RECORDS = FIXTURES / "records"
# one of each reader, and a document with a warning (warnings travel in the cached JSON)
SOURCES = [
    RECORDS / "cwg14" / "cwg14.txt",
    RECORDS / "cwg16" / "cwg16-typed.docx",
    RECORDS / "cwg16" / "cwg16.pdf",
    FIXTURES / "foreign" / "python-docx__doc-odd-even-hdrs.docx",
]
FORMATS = ["json", "jsonl", "md", "text"]


@pytest.fixture()
def files(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The sources copied into the working directory, given as relative paths (as users do)."""
    monkeypatch.chdir(tmp_path)
    (tmp_path / "in").mkdir()
    out = []
    for src in SOURCES:
        shutil.copy(src, tmp_path / "in" / src.name)
        out.append(f"in/{src.name}")
    return out


def _expected(paths: list[str], fmt: str) -> str:
    """What the library renderers make of a fresh parse: the reference for the CLI output."""
    docs = [parse(p) for p in paths]
    if fmt == "json":
        return r.render_json(docs, single=len(docs) == 1)
    if fmt == "jsonl":
        return r.render_jsonl(docs)
    if fmt == "md":
        return "\n".join(r.render_markdown(d) for d in docs)
    return "\n".join(r.render_text(d) for d in docs)


def _run(*args: str) -> tuple[str, str]:
    result = CliRunner().invoke(app, ["parse", *args])
    assert result.exit_code == 0, result.output
    return result.stdout, result.stderr


@pytest.mark.parametrize("fmt", FORMATS)
def test_cached_stdout_identical_to_uncached(fmt: str, files: list[str], cache_dir: Path, reads: list[str]) -> None:
    expected = _expected(files, fmt)
    reads.clear()
    uncached, _ = _run(*files, "-f", fmt, "-j", "1", "--no-cache", "-q")
    filling, _ = _run(*files, "-f", fmt, "-j", "1", "-q")
    assert len(reads) == 2 * len(files)
    cached, _ = _run(*files, "-f", fmt, "-j", "1", "-q")
    cached_j2, _ = _run(*files, "-f", fmt, "-j", "2", "-q")
    assert len(reads) == 2 * len(files)  # the last two runs were all cache hits
    assert uncached == filling == cached == cached_j2 == expected


def test_single_file_json_is_one_object(files: list[str], cache_dir: Path) -> None:
    one = files[1]
    expected = _expected([one], "json")
    assert expected.startswith("{\n")
    assert _run(one, "--no-cache")[0] == _run(one)[0] == _run(one)[0] == expected


@pytest.mark.parametrize("fmt", FORMATS)
@pytest.mark.parametrize("jobs", ["1", "2"])
def test_cached_output_dir_identical_to_uncached(fmt: str, jobs: str, files: list[str], cache_dir: Path, tmp_path: Path) -> None:
    _run("in", "-f", fmt, "-j", jobs, "--no-cache", "-q", "-O", "uncached")
    _run("in", "-f", fmt, "-j", jobs, "-q", "-O", "filling")
    _run("in", "-f", fmt, "-j", jobs, "-q", "-O", "cached")
    suffix = {"json": ".json", "jsonl": ".json", "md": ".md", "text": ".txt"}[fmt]
    for p in files:
        doc = parse(p)
        want = {"md": r.render_markdown, "text": r.render_text}.get(fmt, lambda d: r.render_json([d], single=True))(doc)
        for run in ("uncached", "filling", "cached"):
            # -O mirrors the tree under the inputs' common folder, here in/
            assert (tmp_path / run / (Path(p).name + suffix)).read_text(encoding="utf-8") == want, (run, p)
    assert not list(tmp_path.rglob(".cwgtool-*"))


@pytest.mark.parametrize("name", ['we"ird\\ nämé\t.txt', "line\nbreak.txt", "plain.txt"])
def test_relabelled_hit_identical_to_parsing_under_that_name(name: str, files: list[str], cache_dir: Path, tmp_path: Path, reads: list[str]) -> None:
    """The cache entry was made under another path; JSON escaping of the new path must match pydantic's."""
    shutil.copy(tmp_path / files[0], tmp_path / name)
    _run(files[0], "-q")  # fills the cache under in/cwg14.txt
    for fmt in FORMATS:
        reads.clear()
        cached, _ = _run(name, "-f", fmt, "-q")
        assert not reads, "expected a cache hit"
        uncached, _ = _run(name, "-f", fmt, "-q", "--no-cache")
        assert cached == uncached == _expected([name], fmt), fmt
    assert files[0] not in _run(name, "-q")[0]


def test_warnings_are_reported_the_same_from_the_cache(files: list[str], cache_dir: Path) -> None:
    odd = files[3]
    _, uncached = _run(odd, "--no-cache")
    _, filling = _run(odd)
    _, cached = _run(odd)
    assert "warning: " in uncached and f"{odd}: not recognised" in uncached
    assert uncached == filling == cached
    assert _run(odd, "-q")[1] == ""


def _entry(path: str) -> Path:
    return ParseCache().entry_path(sha256_file(path), ParseOptions().pdf_engine)


def _damages(good: bytes) -> dict[str, bytes]:
    entry = zlib.decompress(good, 31)
    head, _, text = entry.partition(b"\n")
    flipped = bytearray(good)
    flipped[len(good) // 2] ^= 0x40  # inside the deflate stream: the CRC-32 no longer matches
    return {
        "empty": b"",
        "not gzip": b"not gzip at all",
        "truncated": good[: len(good) // 2],
        "bit flip": bytes(flipped),
        "foreign json": zlib.compress(b'{"source": {"path": "x"}, "kind": 42}', 6, 31),
        "layout 2 (no header)": zlib.compress(text, 6, 31),
        "another layout": zlib.compress(head.replace(b'"layout": 3', b'"layout": 4') + b"\n" + text, 6, 31),
        "cut at a line": zlib.compress(entry[: len(entry) // 2], 6, 31),
        "not a document": zlib.compress(head + b'\n{"source": {"path": "x"}, "kind": 42}', 6, 31),
    }


DAMAGES = ["empty", "not gzip", "truncated", "bit flip", "foreign json", "layout 2 (no header)", "another layout", "cut at a line", "not a document"]


@pytest.mark.parametrize("damage", DAMAGES)
def test_damaged_entry_is_a_miss_and_is_rewritten(damage: str, files: list[str], cache_dir: Path, reads: list[str]) -> None:
    doc = files[0]
    expected = _expected([doc], "json")
    _run(doc, "-q")
    entry = _entry(doc)
    good = entry.read_bytes()
    for fmt in ("json", "md"):  # the text fast path and the validating path
        entry.write_bytes(_damages(good)[damage])
        reads.clear()
        out, err = _run(doc, "-f", fmt)
        assert reads == [doc], (fmt, "a damaged entry must be re-parsed")
        assert out == _expected([doc], fmt) and "Traceback" not in err
        assert entry.read_bytes() == good  # rewritten, same bytes (deterministic gzip)
    assert _run(doc, "-q")[0] == expected


def test_stale_code_fingerprint_is_a_miss(files: list[str], cache_dir: Path, reads: list[str], monkeypatch: pytest.MonkeyPatch) -> None:
    doc = files[0]
    first, _ = _run(doc, "-q")
    old_entry = _entry(doc)
    monkeypatch.setattr(cwgtool.cache, "code_fingerprint", lambda: "0" * 16)  # as if an extractor had been edited
    assert _entry(doc) != old_entry
    reads.clear()
    assert _run(doc, "-q")[0] == first
    assert reads == [doc]
    assert _entry(doc).exists()


def test_parse_many_as_json_gives_the_output_text(files: list[str], cache_dir: Path) -> None:
    for jobs in (1, 2, 2):  # miss in-process, miss in workers... then hits
        outcomes = list(parse_many(files, ParseOptions(use_cache=jobs == 2), jobs=jobs, as_json=True))
        assert [o.document_json for o in outcomes] == [parse(p).model_dump_json(indent=2).encode() for p in files]
    assert all(o.cached and o.document is None for o in outcomes)
    models = list(parse_many(files, ParseOptions(), jobs=2))
    assert all(o.document is not None and o.cached for o in models)


def test_an_outcomes_warnings_are_read_from_the_top_level_key() -> None:
    prov = Provenance(file="a.txt")
    trap = 'x\n  "warnings": ["fake"]\n}'
    doc = Document(
        source=Source(path="a.txt", format="txt", sha256="0" * 64),
        sections=[Section(number="1", title="T", level=1, paragraphs=[Paragraph(text=trap, provenance=prov)])],
        warnings=['quote " and \\ and\nnewline', "é"],
    )
    assert Outcome("a.txt", document_json=doc.model_dump_json(indent=2).encode()).warnings() == doc.warnings
    assert Outcome("a.txt", document_json=Document(source=doc.source).model_dump_json(indent=2).encode()).warnings() == []


def test_relabel_rewrites_source_and_provenance_only() -> None:
    prov = Provenance(file="old.txt")
    doc = Document(
        source=Source(path="old.txt", format="txt", sha256="0" * 64),
        sections=[Section(number="1", title='"path": "old.txt"', level=1, paragraphs=[Paragraph(text="old.txt", provenance=prov)])],
    )
    doc.relabel('new "1".txt')
    assert doc.source.path == 'new "1".txt' and doc.sections[0].paragraphs[0].provenance.file == 'new "1".txt'
    assert doc.sections[0].title == '"path": "old.txt"' and doc.sections[0].paragraphs[0].text == "old.txt"


def test_write_bytes_atomic_permissions_and_failure(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    target = tmp_path / "sub" / "out.json"
    write_bytes_atomic(target, b"new", durable=False)
    mask = os.umask(0)
    os.umask(mask)
    assert target.read_bytes() == b"new" and (target.stat().st_mode & 0o777) == 0o666 & ~mask

    def interrupted(fd: int, data: object) -> int:
        raise KeyboardInterrupt

    monkeypatch.setattr(os, "write", interrupted)
    with pytest.raises(KeyboardInterrupt):
        write_bytes_atomic(target, b"newer", durable=False)
    assert target.read_bytes() == b"new"
    assert os.listdir(target.parent) == ["out.json"]


def _tree(root: Path) -> dict[str, bytes]:
    return {str(p.relative_to(root)): p.read_bytes() for p in sorted(root.rglob("*")) if p.is_file()} if root.exists() else {}


def test_resolve_inputs(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Folders (recursive, sorted, document suffixes only, any case), globs (a folder they match
    is walked too), stdin, missing files kept for the reader to report, duplicates dropped by
    normalised path; the library and the CLI use this one function."""
    from cwgtool import api, fileio

    monkeypatch.chdir(tmp_path)
    for rel in ("a/x.PDF", "a/b/y.docx", "a/b/z.txt", "a/.hidden.docm", "a/skip.png", "a/old.doc", "c/w.pdf"):
        (tmp_path / rel).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / rel).write_bytes(b"x")
    assert api.resolve_inputs is fileio.resolve_inputs
    j = os.path.join
    cases = {
        ("a",): [j("a", ".hidden.docm"), j("a", "old.doc"), j("a", "x.PDF"), j("a", "b", "y.docx"), j("a", "b", "z.txt")],
        ("a/b", "a/b/y.docx", "./a/b/z.txt"): [j("a/b", "y.docx"), j("a/b", "z.txt")],
        ("a/**/*.docx", "c/*.pdf"): [j("a", "b", "y.docx"), j("c", "w.pdf")],
        ("-", "missing.pdf", "a/[b]", "-"): ["-", "missing.pdf", j("a/b", "y.docx"), j("a/b", "z.txt")],  # stdin is read once
        ("*",): [j("a", ".hidden.docm"), j("a", "old.doc"), j("a", "x.PDF"), j("a", "b", "y.docx"), j("a", "b", "z.txt"), j("c", "w.pdf")],
        ("c", "c/../c/w.pdf"): [j("c", "w.pdf")],
    }
    for inputs, expected in cases.items():
        assert fileio.resolve_inputs(list(inputs)) == expected, inputs
