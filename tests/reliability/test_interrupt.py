"""Ctrl-C in the middle of a parallel batch: exit 130, every output written is whole, no
temporary file is left behind."""

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
