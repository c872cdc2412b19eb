"""stdin is read as bytes through the same path as a file: sniffed (PDF, DOCX, text), decoded
(UTF-8, UTF-16, cp1252), limited (--max-bytes), refused when empty or binary; `- -` is one input."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from cwgtool.cli import app
from tests.conftest import FIXTURES

RECORDS = FIXTURES / "records"
TXT = RECORDS / "cwg14" / "cwg14.txt"


def run(args: list[str], data: bytes) -> tuple[int, str, str]:
    result = CliRunner().invoke(app, args, input=data)
    assert result.exception is None or isinstance(result.exception, SystemExit), repr(result.exception)
    return result.exit_code, result.stdout, result.stderr


def _as_file(path: Path, *extra: str) -> dict:
    code, out, err = run(["parse", "-q", "--no-cache", *extra, str(path)], b"")
    assert code == 0, err
    return json.loads(out)


def _comparable(doc: dict) -> dict:
    """A parsed document without what names its input (path and provenance file)."""
    text = json.dumps(doc).replace(json.dumps(doc["source"]["path"])[1:-1], "<input>")
    return json.loads(text)


@pytest.mark.parametrize(
    "source",
    [RECORDS / "cwg16" / "cwg16.pdf", RECORDS / "cwg16" / "cwg16-auto.docx", TXT],
    ids=["pdf", "docx", "text"],
)
@pytest.mark.parametrize("cache", [["--no-cache"], []], ids=["no-cache", "cache"])
def test_stdin_parses_like_the_same_file(source: Path, cache: list[str]) -> None:
    for _ in range(2):  # with the cache: the second run is a hit for the same bytes
        code, out, err = run(["parse", "-q", *cache, "-"], source.read_bytes())
        assert code == 0, err
        doc = json.loads(out)
        assert doc["source"]["path"] == "<stdin>"
        assert doc["source"]["format"] == {".pdf": "pdf", ".docx": "docx", ".txt": "text"}[source.suffix]
        assert _comparable(doc) == _comparable(_as_file(source))


@pytest.mark.parametrize("encoding", ["utf-16", "cp1252"])
def test_stdin_text_in_other_encodings(encoding: str, tmp_path: Path) -> None:
    text = TXT.read_text(encoding="utf-8").replace("’", "'").replace("–", "-").replace("“", '"').replace("”", '"')
    data = text.encode(encoding, errors="replace")
    as_file = tmp_path / "rec.txt"
    as_file.write_bytes(data)
    code, out, err = run(["parse", "-q", "--no-cache", "-"], data)
    assert code == 0, err
    assert _comparable(json.loads(out)) == _comparable(_as_file(as_file))


@pytest.mark.parametrize(
    ("data", "reason", "exit_code"),
    [
        (b"", "empty file", 3),
        (b"Summary record\x00\x01\x02 of the meeting", "unsupported format: binary data", 3),
        (b"<!DOCTYPE html><html><body>404</body></html>", "unsupported format: an HTML page", 3),
    ],
    ids=["empty", "nul-bytes", "html"],
)
def test_bad_stdin_fails_like_a_bad_file(data: bytes, reason: str, exit_code: int, tmp_path: Path) -> None:
    code, out, err = run(["parse", "--no-cache", "-"], data)
    assert (code, out) == (exit_code, "")
    assert err == f"cwgtool: -: {reason}\n"
    bad = tmp_path / "bad"
    bad.write_bytes(data)
    file_code, _, file_err = run(["parse", "--no-cache", str(bad)], b"")
    assert file_code == code and file_err == f"cwgtool: {bad}: {reason}\n"


def test_stdin_is_held_to_max_bytes() -> None:
    data = TXT.read_bytes()
    code, out, err = run(["--max-bytes", "10K", "parse", "--no-cache", "-"], data)
    assert (code, out) == (4, "")
    assert err.startswith("cwgtool: -: is more than 10 KB, which exceeds the 10 KB input size limit; raise it with --max-bytes")
    assert run(["--max-bytes", "1M", "parse", "-q", "--no-cache", "-"], data)[0] == 0


def test_dash_twice_is_one_input() -> None:
    code, out, err = run(["parse", "-q", "--no-cache", "-", "-"], TXT.read_bytes())
    assert code == 0, err
    assert json.loads(out)["source"]["path"] == "<stdin>"  # one object, not a list of two


def test_check_and_positions_read_stdin_too() -> None:
    code, out, _ = run(["positions", "--no-cache", "-f", "json", "-"], TXT.read_bytes())
    assert code == 0 and json.loads(out) and all(r["file"] == "<stdin>" for r in json.loads(out))
    code, out, _ = run(["check", "-f", "json", "-"], TXT.read_bytes())
    assert code in (0, 1) and all(d["file"] == "<stdin>" for d in json.loads(out))


def test_special_file_is_refused_without_reading(tmp_path: Path) -> None:
    """A FIFO with no writer would block a reader forever: it is refused before it is opened."""
    import os

    fifo = tmp_path / "pipe.txt"
    os.mkfifo(fifo)
    code, out, err = run(["parse", "--no-cache", str(fifo)], b"")
    assert (code, out) == (3, "")
    assert err == f"cwgtool: {fifo}: not a regular file (a pipe, device or socket); skipped\n"
