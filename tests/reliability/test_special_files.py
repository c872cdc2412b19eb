"""Special files and links in input folders: nothing is opened that may never end, nothing is
read from outside a folder unless asked, and nothing is hashed before its size is known.

Each run is a subprocess with a timeout, because the failures these tests guard against are
hangs (a FIFO without a writer, ``/dev/zero``): in-process they would stop the suite.
"""

from __future__ import annotations

import json
import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from cwgtool.fileio import NotARegularFile, resolve_inputs, sha256_file
from tests.reliability.helpers import EXIT_LIMIT, RECORDS

RECORD_TXT = RECORDS / "cwg12" / "cwg12.txt"
HANG_GUARD = 120  # seconds: only a hang (or reading 50 GB) comes near it

pytestmark = pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs FIFOs and symbolic links (POSIX)")


def run(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "cwgtool", *args], cwd=cwd, capture_output=True, text=True, timeout=HANG_GUARD, check=False
    )


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    """An input folder: one record, a FIFO, a link to /dev/zero, a link to a file outside the
    folder, and a link to the record inside it."""
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    (inbox / "record.txt").write_text(RECORD_TXT.read_text(encoding="utf-8"), encoding="utf-8")
    os.mkfifo(inbox / "pipe.txt")
    (inbox / "zero.txt").symlink_to("/dev/zero")
    secret = tmp_path / "secret.txt"
    secret.write_text("The Group noted the password hunter2 of the secretariat.\n", encoding="utf-8")
    (inbox / "passwd.txt").symlink_to(secret)
    (inbox / "alias.txt").symlink_to(inbox / "record.txt")
    return inbox


def test_a_folder_walk_leaves_out_special_files_and_links_out_of_it(folder: Path) -> None:
    skipped: list[tuple[str, str]] = []
    found = resolve_inputs([str(folder)], on_skip=lambda path, why: skipped.append((Path(path).name, why)))
    assert [Path(p).name for p in found] == ["alias.txt", "record.txt"]
    assert sorted(skipped) == [
        ("passwd.txt", "a symbolic link to a file outside the folder; skipped (give --follow-symlinks to read it)"),
        ("pipe.txt", "not a regular file (a pipe, device or socket); skipped"),
        ("zero.txt", "not a regular file (a pipe, device or socket); skipped"),
    ]
    followed = resolve_inputs([str(folder)], follow_symlinks=True)
    assert [Path(p).name for p in followed] == ["alias.txt", "passwd.txt", "record.txt"]


def test_parse_of_a_folder_with_special_files_ends(folder: Path) -> None:
    result = run("--timeout", "30", "parse", "--no-cache", "inbox", cwd=folder.parent)
    assert result.returncode == 0, result.stderr
    assert [d["source"]["path"] for d in json.loads(result.stdout)] == ["inbox/alias.txt", "inbox/record.txt"]
    warnings = sorted(line for line in result.stderr.splitlines() if "skipped" in line)
    assert warnings == [
        "cwgtool: warning: inbox/passwd.txt: a symbolic link to a file outside the folder; skipped (give --follow-symlinks to read it)",
        "cwgtool: warning: inbox/pipe.txt: not a regular file (a pipe, device or socket); skipped",
        "cwgtool: warning: inbox/zero.txt: not a regular file (a pipe, device or socket); skipped",
    ]
    assert "Traceback" not in result.stderr


def test_index_of_a_folder_with_special_files_ends_and_keeps_outside_files_out(folder: Path) -> None:
    result = run("index", "--db", "archive.db", "--quiet", "inbox", cwd=folder.parent)
    assert result.returncode == 0, result.stderr
    with sqlite3.connect(folder.parent / "archive.db") as conn:
        paths = sorted(row[0] for row in conn.execute("SELECT path FROM documents"))
        text = " ".join(row[0] for row in conn.execute("SELECT text FROM paragraphs"))
    assert paths == ["inbox/alias.txt", "inbox/record.txt"]
    assert "hunter2" not in text
    followed = run("--follow-symlinks", "index", "--db", "followed.db", "--quiet", "inbox", cwd=folder.parent)
    with sqlite3.connect(folder.parent / "followed.db") as conn:
        assert "inbox/passwd.txt" in {row[0] for row in conn.execute("SELECT path FROM documents")}
    assert "pipe.txt" in followed.stderr  # special files are never read, links followed or not


def test_a_fifo_named_directly_is_refused_without_opening_it(folder: Path) -> None:
    for command in (["parse", "--no-cache"], ["index", "--db", "archive.db"]):
        result = run(*command, "inbox/pipe.txt", cwd=folder.parent)
        assert result.returncode == 3, result.stderr
        assert "cwgtool: inbox/pipe.txt: not a regular file (a pipe, device or socket); skipped" in result.stderr
    with pytest.raises(NotARegularFile):
        sha256_file(folder / "zero.txt")


def test_a_file_grown_to_50_gb_is_refused_before_it_is_hashed(tmp_path: Path) -> None:
    """Indexed once, then grown (sparse) to 50 GB: the unchanged-file check hashed it in full."""
    record = tmp_path / "record.txt"
    record.write_text(RECORD_TXT.read_text(encoding="utf-8"), encoding="utf-8")
    assert run("index", "--db", "archive.db", "--quiet", "record.txt", cwd=tmp_path).returncode == 0
    os.truncate(record, 50 * 1024**3)
    result = run("--max-bytes", "10M", "index", "--db", "archive.db", "--quiet", "record.txt", cwd=tmp_path)
    assert result.returncode == EXIT_LIMIT
    assert "cwgtool: record.txt: is 50 GB, which exceeds the 10 MB input size limit" in result.stderr
    with pytest.raises(OSError, match="larger than the input size limit"):
        sha256_file(record, max_bytes=10 * 1024**2)
