"""Ctrl-C in the middle of a parallel batch: exit 130, every output written is whole, no
temporary file is left behind. Where Ctrl-C lands in a batch is up to the scheduler, so every
place it can land in one atomic write is also tried one by one."""

from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from cwgtool.fileio import atomic_writer, write_bytes_atomic
from tests.conftest import FIXTURES

pytestmark = pytest.mark.skipif(os.name != "posix", reason="process groups and SIGINT")


def test_ctrl_c_during_a_batch(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    sources = sorted((FIXTURES / "records").glob("*/*.pdf")) + sorted((FIXTURES / "records").glob("*/*-auto.docx"))
    for i in range(60):
        src = sources[i % len(sources)]
        shutil.copy(src, corpus / f"doc{i:03d}{src.suffix}")
    out = tmp_path / "out"
    proc = subprocess.Popen(
        [sys.executable, "-m", "cwgtool", "parse", str(corpus), "-j", "2", "--no-cache", "-O", str(out)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        start_new_session=True,  # its own process group, like a terminal job
        env={**os.environ, "CWGTOOL_CACHE_DIR": str(tmp_path / "cache")},
    )
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline and proc.poll() is None:
        if out.exists() and any(f.endswith(".json") for _, _, files in os.walk(out) for f in files):
            break
        time.sleep(0.05)
    os.killpg(proc.pid, signal.SIGINT)  # what Ctrl-C sends to the foreground job
    try:
        _, err = proc.communicate(timeout=120)  # generous: a busy machine must not fail it
    except subprocess.TimeoutExpired:
        os.killpg(proc.pid, signal.SIGKILL)
        pytest.fail("cwgtool did not stop after Ctrl-C")
    written = [Path(r) / f for r, _, files in os.walk(out) for f in files]
    assert proc.returncode == 130, err.decode()
    assert "Traceback" not in err.decode()
    assert not [p for p in written if p.name.startswith(".cwgtool-")], "temporary files left behind"
    assert written and all(json.loads(p.read_text(encoding="utf-8"))["schema_version"] for p in written)


@pytest.mark.parametrize(
    ("writer", "call"),
    # a file object writes through its C buffer, not os.write
    [("bytes", c) for c in ("open", "write", "fsync", "close", "replace")]
    + [("file", c) for c in ("open", "fsync", "close", "replace")],
)
def test_ctrl_c_at_any_step_of_a_write(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, call: str, writer: str) -> None:
    """Ctrl-C just after each system call of the write has done its work (the worst moment:
    its effect is on disk, its result not yet used) leaves the old or the whole new content and
    no temporary file."""
    target = tmp_path / "doc.json"
    target.write_bytes(b"old")
    real = getattr(os, call)

    def interrupted(*args: object, **kwargs: object) -> object:
        real(*args, **kwargs)
        raise KeyboardInterrupt

    monkeypatch.setattr(os, call, interrupted)
    with pytest.raises(KeyboardInterrupt):
        if writer == "bytes":
            write_bytes_atomic(target, b"new content", durable=True)
        else:
            with atomic_writer(target, "wb", durable=True) as fh:
                fh.write(b"new content")
    monkeypatch.undo()
    assert target.read_bytes() in (b"old", b"new content")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["doc.json"]
