"""The cache-hit fast path of `cwgtool parse`: cached output is byte-identical to uncached output
(and to the library renderers) in every format, a damaged entry is a miss, a stale key is a miss."""

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
from cwgtool.batch import ParseOptions, parse_many
from cwgtool.cache import ParseCache, json_warnings, relabel_json
from cwgtool.cli import _register, app
from cwgtool.fileio import sha256_file, write_bytes_atomic
from cwgtool.model import Document, Paragraph, Provenance, Section, Source
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
_register()


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
            assert (tmp_path / run / (p + suffix)).read_text(encoding="utf-8") == want, (run, p)
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
    text = zlib.decompress(good, 31)
    flipped = bytearray(good)
    flipped[len(good) // 2] ^= 0x40  # inside the deflate stream: the CRC-32 no longer matches
    return {
        "empty": b"",
        "not gzip": b"not gzip at all",
        "truncated": good[: len(good) // 2],
        "bit flip": bytes(flipped),
        "foreign json": zlib.compress(b'{"source": {"path": "x"}, "kind": 42}', 6, 31),
        "compact form": zlib.compress(Document.model_validate_json(text).model_dump_json().encode(), 6, 31),
        "cut at a line": zlib.compress(text[: len(text) // 2], 6, 31),
    }


@pytest.mark.parametrize("damage", ["empty", "not gzip", "truncated", "bit flip", "foreign json", "compact form", "cut at a line"])
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


def test_entry_is_the_indented_output_form(files: list[str], cache_dir: Path) -> None:
    doc = files[1]
    out, _ = _run(doc, "-q")
    assert zlib.decompress(_entry(doc).read_bytes(), 31).decode() + "\n" == out  # zcat-able, = the output


def test_stale_code_fingerprint_is_a_miss(files: list[str], cache_dir: Path, reads: list[str], monkeypatch: pytest.MonkeyPatch) -> None:
    doc = files[0]
    first, _ = _run(doc, "-q")
    old_entry = _entry(doc)
    monkeypatch.setattr(cwgtool.cache, "_fingerprint", "0" * 16)  # as if an extractor had been edited
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


def test_json_warnings_reads_only_the_top_level_key() -> None:
    prov = Provenance(file="a.txt")
    trap = 'x\n  "warnings": ["fake"]\n}'
    doc = Document(
        source=Source(path="a.txt", format="txt", sha256="0" * 64),
        sections=[Section(number="1", title="T", level=1, paragraphs=[Paragraph(text=trap, provenance=prov)])],
        warnings=['quote " and \\ and\nnewline', "é"],
    )
    assert json_warnings(doc.model_dump_json(indent=2).encode()) == doc.warnings
    assert json_warnings(Document(source=doc.source).model_dump_json(indent=2).encode()) == []


def test_relabel_rewrites_source_and_provenance_only() -> None:
    prov = Provenance(file="old.txt")
    doc = Document(
        source=Source(path="old.txt", format="txt", sha256="0" * 64),
        sections=[Section(number="1", title='"path": "old.txt"', level=1, paragraphs=[Paragraph(text="old.txt", provenance=prov)])],
    )
    text = relabel_json(doc.model_dump_json(indent=2).encode(), 'new "1".txt')
    back = Document.model_validate_json(text)
    assert back.source.path == 'new "1".txt' and back.sections[0].paragraphs[0].provenance.file == 'new "1".txt'
    assert back.sections[0].title == '"path": "old.txt"' and back.sections[0].paragraphs[0].text == "old.txt"
    with pytest.raises(ValueError):
        relabel_json(doc.model_dump_json().encode(), "x")  # compact: not the form entries are stored in


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


# --- `cwgtool parse` without typer (cwgtool.cli.parse_cmd.fast_parse) ---------------------------


def _fast(argv: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    from cwgtool.cli.parse_cmd import fast_parse

    code = 0
    try:
        assert fast_parse(argv), "expected the fast path to take these arguments"
    except SystemExit as exc:
        code = int(exc.code or 0)
    out, err = capsys.readouterr()
    return code, out, err


def _typer(argv: list[str]) -> tuple[int, str, str]:
    result = CliRunner().invoke(app, argv)
    return result.exit_code, result.stdout, result.stderr


def _tree(root: Path) -> dict[str, bytes]:
    return {str(p.relative_to(root)): p.read_bytes() for p in sorted(root.rglob("*")) if p.is_file()} if root.exists() else {}


@pytest.mark.parametrize(
    "argv",
    [
        ["parse", "in/cwg14.txt"],
        ["parse", "in/cwg14.txt", "in/cwg16-typed.docx", "-f", "md", "--no-cache"],
        ["parse", "in", "-q", "-f", "jsonl", "-j", "1"],
        ["parse", "in/python-docx__doc-odd-even-hdrs.docx", "in/cwg16.pdf"],  # a warning on stderr
        ["parse", "in", "bad", "-O", "OUT", "-j", "2"],  # failures, summary, exit 3
        ["parse", "in", "-O", "OUT", "-f", "text", "--quiet"],
        ["parse", "in/cwg14.txt", "-o", "OUT/one.json"],
        ["parse", "in/cwg14.txt", "-o", "x", "-O", "y"],  # usage error, exit 2
        ["parse", "missing.pdf"],  # exit 3
        ["parse", "nothing/*.pdf"],  # no input documents found
    ],
)
def test_fast_path_behaves_like_the_typer_command(argv: list[str], files: list[str], cache_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "bad").mkdir()
    (tmp_path / "bad" / "empty.pdf").write_bytes(b"")
    results = []
    for run in (_typer, _fast, _typer, _fast):  # uncached then cached for each way
        shutil.rmtree(tmp_path / "OUT", ignore_errors=True)
        code, out, err = run(argv, capsys) if run is _fast else run(argv)
        results.append((code, out, err, _tree(tmp_path / "OUT")))
    assert results[0] == results[1] == results[2] == results[3]


@pytest.mark.parametrize(
    "argv",
    [
        [],
        ["parse"],
        ["actions", "x.pdf"],
        ["--debug", "parse", "x.pdf"],
        ["parse", "--help"],
        ["parse", "x.pdf", "--debug"],
        ["parse", "x.pdf", "--pdf-engine", "pdfplumber"],
        ["parse", "x.pdf", "--password", "s"],
        ["parse", "x.pdf", "--jobs=2"],
        ["parse", "x.pdf", "-j2"],
        ["parse", "x.pdf", "-j", "0"],
        ["parse", "x.pdf", "-j", "02"],
        ["parse", "x.pdf", "-j", "two"],
        ["parse", "x.pdf", "-f", "JSON"],
        ["parse", "x.pdf", "-f", "csv"],
        ["parse", "x.pdf", "-q", "-q"],
        ["parse", "x.pdf", "-qO", "out"],
        ["parse", "x.pdf", "-o", "-"],
        ["parse", "x.pdf", "-O"],
        ["parse", "--", "x.pdf"],
    ],
)
def test_fast_path_leaves_other_forms_to_typer(argv: list[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from cwgtool.cli.parse_cmd import fast_parse

    monkeypatch.chdir(tmp_path)
    assert fast_parse(argv) is False
    assert not list(tmp_path.iterdir())  # and did nothing


def test_fast_path_leaves_shell_completion_to_typer(monkeypatch: pytest.MonkeyPatch) -> None:
    from cwgtool.cli.parse_cmd import fast_parse

    monkeypatch.setenv("_CWGTOOL_COMPLETE", "complete_bash")
    assert fast_parse(["parse", "x.pdf"]) is False


def test_cached_json_run_imports_neither_typer_nor_pydantic(files: list[str], cache_dir: Path, tmp_path: Path) -> None:
    import subprocess
    import sys

    _run(*files, "-q")  # fill the cache
    code = (
        "import sys\n"
        "from cwgtool.cli import main\n"
        "sys.argv = ['cwgtool', 'parse', *sys.argv[1:]]\n"
        "try:\n    main()\n"
        "finally:\n    print(sorted(m for m in ('typer', 'click', 'pydantic', 'cwgtool.model', 'rich') if m in sys.modules), file=sys.stderr)\n"
    )
    env = {**os.environ, "CWGTOOL_CACHE_DIR": str(cache_dir)}
    proc = subprocess.run([sys.executable, "-c", code, *files, "-q", "-O", "OUT"], capture_output=True, text=True, env=env, cwd=tmp_path)
    assert proc.returncode == 0, proc.stderr
    assert proc.stderr.strip() == "[]"
    assert _tree(tmp_path / "OUT")  # and it did write the documents


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
        ("-", "missing.pdf", "a/[b]", "-"): ["-", "missing.pdf", j("a/b", "y.docx"), j("a/b", "z.txt"), "-"],
        ("*",): [j("a", ".hidden.docm"), j("a", "old.doc"), j("a", "x.PDF"), j("a", "b", "y.docx"), j("a", "b", "z.txt"), j("c", "w.pdf")],
        ("c", "c/../c/w.pdf"): [j("c", "w.pdf")],
    }
    for inputs, expected in cases.items():
        assert fileio.resolve_inputs(list(inputs)) == expected, inputs
